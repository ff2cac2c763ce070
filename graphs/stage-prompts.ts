// The engine-owned stage templates: the user messages of instruct, suggest, edit, respond and verify, written
// once for every skill. A skill supplies only what is its own (system prompts, labels, guidelines, taxonomy,
// goals, guidance); the engine adds the blocks of seed-derived text between boundaries, the expected-outcome,
// analysis and decline rules, the example rotation and the goal and suggestion sections.
import {
  DATA_PLACEHOLDERS,
  type InstructionTypeSpec,
  type RefinementGoalSpec,
  type SkillSpec,
} from "../agents/define-skill.js";
import { renderTemplate } from "../runtime/models/call-agent.js";
import { type Boundary, bounded } from "./data-boundary.js";
import type { Expected } from "./expected-outcome.js";

const plural = (noun: string) => (/(s|x|ch|sh)$/.test(noun) ? `${noun}es` : `${noun}s`);
const tagOf = (label: string) => label.replaceAll(" ", "_");

/** The block tag of each data placeholder in a skill-owned template. */
function dataTag(spec: SkillSpec, placeholder: string): string {
  if (placeholder === "seed") return "source_text";
  if (placeholder === "content") return spec.contentLabel;
  if (placeholder === "instruction") return tagOf(spec.itemLabel);
  return placeholder;
}

/** Every block name a skill's prompts use: the data may not contain them as tags. */

/** Content labels such as "notes", "documents" or "data" take plural verbs. */
function isPlural(label: string): boolean {
  return /(?:s|data)$/i.test(label) && !/(?:ss|us|is)$/i.test(label);
}

export function blockLabels(spec: SkillSpec): string[] {
  return [spec.contentLabel, tagOf(spec.itemLabel), ...(spec.respond.contentLabel ? [spec.respond.contentLabel] : [])];
}

/**
 * Render a skill-owned template: data placeholders (alone on their line, checked at load) become bounded
 * blocks; the others are filled in as they are.
 */
export function renderPrompt(
  spec: SkillSpec,
  template: string,
  values: Record<string, string | number>,
  boundary: Boundary,
): string {
  const data = new Set<string>(DATA_PLACEHOLDERS);
  const lines = template.split("\n").map((line) => {
    const only = /^\s*\{([a-zA-Z_]\w*)\}\s*$/.exec(line)?.[1];
    if (!only || !data.has(only)) return line;
    const value = values[only];
    if (value === undefined) throw new Error(`template placeholder {${only}} has no value`);
    return bounded(boundary, dataTag(spec, only), String(value));
  });
  // Bounded blocks are final text: fill the remaining placeholders line by line, leaving the blocks alone.
  return lines
    .map((line) => (line.includes(`boundary="${boundary.nonce}"`) ? line : renderTemplate(line, values)))
    .join("\n");
}

/** What every transformation is told of its source, whatever the skill. */
const SOURCE_RULE =
  "Write in the language of the source (its natural language), and leave out extraction debris (menus, cookie " +
  "notices, ads, share buttons, link lists, boilerplate): it is not content.";

/** A transformation task: the agent's prompt, the engine's source rule, then the seed between boundaries. */
export function transformPrompt(
  prompt: string,
  seed: { text: string; source: string; kind: string; language?: string },
  boundary: Boundary,
): string {
  const values = { source: seed.source, kind: seed.kind, language: seed.language ?? "" };
  const source = bounded(boundary, "source_text", seed.text, values);
  return `${renderTemplate(prompt, values)}\n\n${SOURCE_RULE}\n\n${source}`;
}

function expectedRules(spec: SkillSpec, item: string): string {
  const lines = [
    `With each ${item}, write its expected outcome (\`expected\`). Nobody sees it but the checker that compares the`,
    "answer with it later, so state the truth, not what a student would say:",
    `- \`answerable\`: true when the ${item} can be answered or done from what the student is given; false when it`,
    "  cannot, in which case the right response is to say so (or to ask for what is missing).",
    "- `answer`: the reference answer in a sentence or two, or, for open-ended tasks, the key facts and requirements",
    "  a correct response must contain.",
    "- `key`: only when the answer has an exact short form (the letter of the correct option, a label, a number",
    "  with its unit, a word or short phrase): that form, exactly as a correct final answer states it.",
  ];
  if (spec.respond.shape === "tool_calls") {
    lines.push(
      "- `calls`: the tool calls a correct response makes, each with the argument values the request gives (none",
      "  when the assistant must first ask for a missing value or say that no tool can do it).",
    );
  }
  return lines.join("\n");
}

const declineRule = (what: string) =>
  `If ${what}, do not force it: reply with only {"decline": "<why, in one sentence>"} (and your analysis).`;

/** The examples a seed sees: two of the type's, in an order the PRNG chose. */
function exampleBlocks(examples: readonly string[]): string {
  return examples.map((example) => `<example>\n${example}\n</example>`).join("\n");
}

export function instructPrompt(
  spec: SkillSpec,
  input: {
    content: string;
    transformation: string;
    type: InstructionTypeSpec;
    examples: readonly string[];
    min: number;
    max: number;
  },
  boundary: Boundary,
): string {
  const item = spec.itemLabel;
  const content = spec.contentLabel.replaceAll("_", " ");
  const count = input.min === input.max ? `${input.min}` : `between ${input.min} and ${input.max}`;
  return [
    `The ${content} below ${isPlural(content) ? "are" : "is"} in the form "${input.transformation.replaceAll("_", " ")}".`,
    bounded(boundary, spec.contentLabel, input.content),
    "",
    `Type of ${item}: ${input.type.name}`,
    `Definition: ${input.type.definition}`,
    "",
    `Examples of the form. Their topics are unrelated to ${isPlural(content) ? "these" : "this"} ${content}: follow their form, never their wording,`,
    "and vary the phrasing and the answer-format line from one of yours to the next.",
    exampleBlocks(input.examples),
    "",
    `Write ${count} ${input.max === 1 ? item : plural(item)} of this type about the ${content} above.`,
    spec.instruct.guidelines,
    "",
    expectedRules(spec, item),
    "",
    `Use \`analysis\` first: check each ${item} against the definition and the requirements above, and work out`,
    "its correct answer, which becomes its expected outcome.",
    declineRule(
      `the ${content} ${isPlural(content) ? "do" : "does"} not support this type of ${item} (the definition needs ` +
        `something ${isPlural(content) ? "they do" : "it does"} not have)`,
    ),
  ].join("\n");
}

/** The item as reviewers see it: content (when the goal may touch it or the item depends on it), item, outcome. */
function itemBlocks(
  spec: SkillSpec,
  input: { content: string; review: string; expected: Expected },
  boundary: Boundary,
): string {
  return [
    bounded(boundary, spec.contentLabel, input.content),
    "",
    bounded(boundary, tagOf(spec.itemLabel), input.review),
    "",
    "Its expected outcome (what a correct response does):",
    bounded(boundary, "expected_outcome", JSON.stringify(input.expected, null, 2)),
  ].join("\n");
}

function goalSection(spec: SkillSpec, goal: RefinementGoalSpec, typeName: string): string {
  const content = spec.contentLabel.replaceAll("_", " ");
  return [
    `Type of ${spec.itemLabel}: ${typeName}`,
    `Refinement goal: ${goal.name}`,
    goal.description,
    goal.editsContent
      ? `This goal may change the ${content} as well as the ${spec.itemLabel}.`
      : `This goal leaves the ${content} exactly as ${isPlural(content) ? "they are" : "it is"}: only the ${spec.itemLabel} changes.`,
  ].join("\n");
}

export function suggestPrompt(
  spec: SkillSpec,
  input: { content: string; review: string; expected: Expected; typeName: string; goal: RefinementGoalSpec },
  boundary: Boundary,
): string {
  const content = spec.contentLabel.replaceAll("_", " ");
  return [
    itemBlocks(spec, input, boundary),
    "",
    goalSection(spec, input.goal, input.typeName),
    "",
    `Propose exactly ${spec.refine.suggestions} suggestions, each different in approach, for modifying ${
      input.goal.editsContent ? `the ${content} and/or the ${spec.itemLabel}` : `the ${spec.itemLabel}`
    } toward this goal. For each, the rationale says why the change meets the goal, and \`outcome\` says how the`,
    "expected outcome changes.",
    ...(spec.refine.suggest.guidelines ? [spec.refine.suggest.guidelines] : []),
    `Use \`analysis\` first: work out the current answer and exactly which parts of the ${content} it depends on;`,
    "your suggestions must act on those.",
  ].join("\n");
}

export function editPrompt(
  spec: SkillSpec,
  input: {
    content: string;
    review: string;
    expected: Expected;
    typeName: string;
    goal: RefinementGoalSpec;
    suggestions: string;
    retype: readonly string[];
  },
  boundary: Boundary,
): string {
  const content = spec.contentLabel.replaceAll("_", " ");
  const item = spec.itemLabel;
  return [
    itemBlocks(spec, input, boundary),
    "",
    goalSection(spec, input.goal, input.typeName),
    "",
    "Suggestions to apply:",
    bounded(boundary, "suggestions", input.suggestions),
    "",
    input.goal.editsContent
      ? `Apply the suggestions. Return the revised ${content} in full, the revised ${item}, and its new expected outcome.`
      : `Apply the suggestions. The ${content} ${isPlural(content) ? "stay exactly as they are (the engine keeps them, do not return them)" : "stays exactly as it is (the engine keeps it, do not return it)"}: ` +
        `return only the revised ${item} and its new expected outcome.`,
    ...(input.retype.length > 0
      ? [`State in \`type\` which type of ${item} the revised ${item} is now: one of ${input.retype.join(", ")}.`]
      : []),
    ...(spec.refine.edit.guidelines ? [spec.refine.edit.guidelines] : []),
    `Use \`analysis\` first: check the revised ${item} against the goal, part by part, and work out its new answer,`,
    "which the new expected outcome states.",
    declineRule(`the goal cannot be met for this ${item} without breaking it`),
  ].join("\n");
}

/** What the teacher of a code-checked skill is told about the check (engine-owned, the same for every skill). */
export const CODE_CHECK_NOTE =
  "How your answer is checked: its Python or JavaScript code blocks (those of the first such language) run in " +
  "order as one program, in a sandbox with the standard library only and no network. When the material begins " +
  "with a File line, its code is importable under that name (`from lru_cache import LRUCache`; in JavaScript " +
  '`const { LRUCache } = require("./lru_cache.js")`): import what you use from it rather than copying it. Plain ' +
  "asserts, top-level test_ functions and unittest test cases (Python), and node:assert with top-level test_ " +
  "functions or node:test's test() (JavaScript) are all run; any failing assert fails the answer.";

export function respondPrompt(
  spec: SkillSpec,
  input: { content: string; instruction: string; type: InstructionTypeSpec | undefined },
  boundary: Boundary,
): string {
  const label = spec.respond.contentLabel;
  const parts: string[] = [];
  if (label) parts.push(bounded(boundary, label, input.content), "");
  parts.push(bounded(boundary, tagOf(spec.itemLabel), input.instruction), "");
  if (input.type?.guidance) {
    parts.push(
      `What a good answer to this kind of ${spec.itemLabel} (${input.type.name}) does: ${input.type.guidance}`,
      "",
    );
  }
  if (spec.respond.verifyCode) parts.push(CODE_CHECK_NOTE, "");
  parts.push(spec.respond.task);
  return parts.join("\n");
}

export const VERIFY_SYSTEM = `You check a teacher's answers for a pipeline that builds training data. You are given \
what the student was given (the material and the task), the expected outcome written when the task was made, and the \
teacher's response. Decide whether the response agrees with the expected outcome.

- agrees: the response reaches the expected answer (the same key; the same substance for an open answer; the key \
facts and requirements met), or, when the expected outcome says the task cannot be answered as given, the response \
says so (or asks for what is missing) instead of answering.
- disagrees: the response reaches a different answer, misses key facts or requirements, answers a task that cannot \
be answered as given, or declines a task that can.
- unverifiable: the expected outcome is itself wrong, self-contradictory or too vague to check against.

Judge substance, not wording, style or length. The reason names in one or two sentences what matches or differs.`;

export function verifyPrompt(
  spec: SkillSpec,
  input: { content: string; review: string; expected: Expected; response: string },
  boundary: Boundary,
): string {
  return [
    itemBlocks(spec, input, boundary),
    "",
    "The teacher's response:",
    bounded(boundary, "response", input.response),
    "",
    "Use `analysis` first to compare the response with the expected outcome, then give your verdict.",
  ].join("\n");
}
