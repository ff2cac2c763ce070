// The optional quality judge (README > Quality scores): one structured call per verified record scores it on the
// config's rubric; the scores go to the record's metadata, and a record with a dimension below the threshold is
// dropped. The prompt is what decides how honest the scores are, so it carries the rubric with the author's own
// descriptions, what each point of the scale means, and the whole conversation as the record will hold it.
import { z } from "zod";
import type { SkillSpec } from "../agents/define-skill.js";
import type { JudgeRubric } from "../runtime/judge-rubric.js";
import { renderTemplate } from "../runtime/models/call-agent.js";
import type { ChatTurn } from "../runtime/models/chat-turn.js";
import { type Boundary, bounded } from "./data-boundary.js";
import type { Answer, Draft, Note } from "./skill-state.js";

/** The record's messages, exactly as buildRecords writes them: what the judge reads is what a trainer gets. */
export function recordMessages(spec: SkillSpec, draft: Draft, answer: Answer, content: string): ChatTurn[] {
  return [
    ...(answer.system ? [{ role: "system" as const, content: answer.system }] : []),
    { role: "user", content: renderTemplate(spec.userMessage, { content, instruction: draft.instruction }) },
    ...answer.turns,
  ];
}

/** What the scale's points mean, at the points where the anchors fall on an integer (all five of 1–5). */
const ANCHORS: ReadonlyArray<[number, string]> = [
  [0, "fails the dimension: a model trained on this record would learn the wrong thing"],
  [0.25, "meets it only in part: a serious problem"],
  [0.5, "acceptable, with a clear flaw"],
  [0.75, "good: only minor flaws"],
  [1, "fully meets it: you would change nothing"],
];

function scaleLines([low, high]: readonly [number, number]): string[] {
  const lines: string[] = [];
  for (const [fraction, meaning] of ANCHORS) {
    const point = low + fraction * (high - low);
    if (Number.isInteger(point)) lines.push(`- ${point}: ${meaning}.`);
  }
  if (lines.length < high - low + 1) lines.push("- Scores between these points lie between their meanings.");
  return lines;
}

export function judgeSystem(judge: JudgeRubric): string {
  const [low, high] = judge.scale;
  return [
    "You score records of a dataset that will be used to fine-tune a language model. A record is one conversation:",
    "the user's turns set a task (often on material shown in the first user turn), and the assistant's turns are",
    "the response the model will be trained to give. Score the record on every dimension of the rubric below, each",
    `on its own, with an integer from ${low} to ${high}.`,
    "",
    "Rubric:",
    ...judge.rubric.map((dimension) => `- ${dimension.name}: ${dimension.description}`),
    "",
    "What the scale means, for every dimension:",
    ...scaleLines(judge.scale),
    "",
    "How to score:",
    "- Score what is there, not what could be: no credit for what the response would be after a small fix, for",
    "  effort, for good intentions, or for how hard the task is.",
    "- Each dimension on its own: a flaw lowers the dimension it belongs to, and strength in one dimension does not",
    "  raise another.",
    "- Check what the assistant states against the material in the conversation and what you know: a claim the",
    "  material contradicts or does not support is an error, however confident it sounds.",
    "- Length is not quality: more words earn nothing unless the dimension asks for something a shorter answer",
    "  leaves out.",
    `- Use the whole scale. Give ${high} only when you would change nothing, and ${low} whenever the record fails the`,
    "  dimension, however good the rest is. Do not settle in the middle to be safe, nor at the top to be kind.",
    "- Each reason is one line naming the specific thing that set the score (quote or point to it), not a",
    "  restatement of the dimension.",
    ...(judge.instructions ? ["", "From the dataset's author:", judge.instructions] : []),
  ].join("\n");
}

function turnText(turn: ChatTurn): string {
  const calls = (turn.tool_calls ?? []).map((call) => `[calls ${call.function.name}(${call.function.arguments})]`);
  return [turn.content, ...calls].filter((part) => part.trim() !== "").join("\n");
}

export function judgePrompt(messages: readonly ChatTurn[], boundary: Boundary): string {
  return [
    `The record to score, turn by turn (${messages.length} turns):`,
    "",
    ...messages.map((turn, index) =>
      bounded(boundary, "turn", turnText(turn), { n: String(index + 1), role: turn.role }),
    ),
    "",
    "Use `analysis` first to note, per dimension, what the record does well and what is wrong with it; then give",
    "every dimension its reason and score.",
  ].join("\n");
}

/** Per dimension, in the rubric's order: a one-line reason, then the integer score (reason first: it is why). */
export function judgeOutput(judge: JudgeRubric) {
  const [low, high] = judge.scale;
  return z.object(
    Object.fromEntries(
      judge.rubric.map((dimension) => [
        dimension.name,
        z
          .object({
            reason: z.string().min(1).describe("One line: the specific thing in the record that set the score."),
            score: z.number().int().min(low).max(high).describe(`An integer from ${low} to ${high}.`),
          })
          .describe(dimension.description),
      ]),
    ),
  );
}

/** metadata.scores: each dimension's score, the reasons by dimension, and the judge's model. */
export type Scores = Record<string, number | string | Record<string, string>> & {
  reasons: Record<string, string>;
  judge_model: string;
};

export function scoresOf(
  judge: JudgeRubric,
  value: Record<string, { reason: string; score: number }>,
  model: string,
): Scores {
  const scores: Record<string, number> = {};
  const reasons: Record<string, string> = {};
  for (const { name } of judge.rubric) {
    const entry = value[name];
    if (!entry) throw new Error(`the judge's output has no score for ${name}`);
    scores[name] = entry.score;
    reasons[name] = entry.reason;
  }
  return { ...scores, reasons, judge_model: model };
}

/** The dimensions below the threshold: a record is kept only when every dimension reaches it. */
export function belowThreshold(judge: JudgeRubric, scores: Scores): string[] {
  const { threshold } = judge;
  if (threshold === undefined) return [];
  return judge.rubric.map((dimension) => dimension.name).filter((name) => (scores[name] as number) < threshold);
}

/** The drop note: short reason code, the scores and the failing dimensions' reasons in the detail. */
export function belowThresholdNote(judge: JudgeRubric, draftId: string, scores: Scores, teacher: string): Note {
  const failing = belowThreshold(judge, scores);
  const all = judge.rubric.map(({ name }) => `${name} ${scores[name]}`).join(", ");
  const why = failing.map((name) => `${name}: ${scores.reasons[name]}`).join("; ");
  return {
    kind: "dropped",
    reason: "below_quality_threshold",
    subject: draftId,
    detail: `scores ${all} (every dimension needs ${judge.threshold}; judged by ${scores.judge_model}). ${why}`,
    answer: teacher.slice(0, 4000),
  };
}
