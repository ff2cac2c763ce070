// How instructions are structured, per skill (`instruct.shape`). A shape owns, in one place, the schema the
// instruction agents answer with, the schema the editor answers with, how an item reads to the student
// (and to the reviewer, who also sees the answer key), and what it adds to the record's metadata.
import { z } from "zod";
import type { InstructionShape } from "../agents/define-skill.js";
import { Expected, mcqExpected } from "./expected-outcome.js";

export interface ShapedItem {
  /** What the student sees. */
  instruction: string;
  /** The structured item (for shapes other than plain): kept for editing, rendering and metadata. */
  item?: Record<string, unknown>;
  /** What a correct response does: never shown to the student or the teacher. */
  expected: Expected;
}

export interface InstructionShapeDef {
  /** The instruction agent's output: between min and max items. */
  output(min: number, max: number): z.ZodType<unknown>;
  /** The items of a validated instruction output. */
  items(output: unknown): ShapedItem[];
  /** The editor's output: the item's fields and its new expected outcome (the engine adds content and type). */
  edit: z.ZodObject;
  /** The item of a validated editor output. */
  edited(output: Record<string, unknown>): ShapedItem;
  /** The item as a reviewer (suggester, editor, verifier) reads it: with the answer key when there is one. */
  review(item: Omit<ShapedItem, "expected"> & { expected?: Expected }): string;
  /** What the record's metadata gains from the item. */
  metadata(item: Omit<ShapedItem, "expected"> & { expected?: Expected }): Record<string, unknown>;
}

const text = (description: string) => z.string().trim().min(1).describe(description);
const LETTERS = ["A", "B", "C", "D", "E"] as const;

const plain: InstructionShapeDef = {
  output: (min, max) =>
    z.object({
      instructions: z
        .array(
          z.object({
            instruction: text("One self-contained instruction or question; never a copy of the content."),
            expected: Expected,
          }),
        )
        .min(min)
        .max(max),
    }),
  items: (output) =>
    (output as { instructions: Array<{ instruction: string; expected: Expected }> }).instructions.map((entry) => ({
      instruction: entry.instruction,
      expected: entry.expected,
    })),
  edit: z.object({
    instruction: text("The full revised instruction."),
    expected: Expected.describe("The expected outcome of the revised instruction."),
  }),
  edited: (output) => ({ instruction: String(output.instruction), expected: output.expected as Expected }),
  review: (item) => item.instruction,
  metadata: () => ({}),
};

interface McqItem {
  question: string;
  options: string[];
  expected: Expected;
}

/** An MCQ item with exactly `count` options; the answer can only be one of their letters. */
function mcqFields(count: number) {
  return {
    question: text("The question stem, self-contained."),
    options: z.array(text("One answer option, without its letter.")).length(count),
    expected: mcqExpected(LETTERS.slice(0, count)),
  };
}

function renderMcq(item: McqItem): string {
  const options = item.options.map((option, index) => `${LETTERS[index]}. ${option}`).join("\n");
  return `${item.question}\n\n${options}`;
}

/** The item keeps question and options; the correct letter lives in the expected outcome only. */
function mcqItem({ expected, ...item }: McqItem): ShapedItem {
  return { instruction: renderMcq({ ...item, expected }), item, expected };
}

function mcq(optionCount: number): InstructionShapeDef {
  const Item = z.object(mcqFields(optionCount));
  return {
    output: (min, max) => z.object({ items: z.array(Item).min(min).max(max) }),
    items: (output) => (output as { items: McqItem[] }).items.map(mcqItem),
    edit: z.object(mcqFields(optionCount)),
    edited: (output) => mcqItem(Item.parse(output)),
    review: (item) =>
      `${item.instruction}\n\nCorrect answer: ${item.expected?.key ?? "(none: no option is supported)"}`,
    metadata: (item) => ({ mcq: { options: item.item?.options, answer: item.expected?.key ?? null } }),
  };
}

const Example = z.object({
  question: text("A question of the kind being taught."),
  reasoning: text("Step-by-step reasoning that reaches the answer."),
  answer: text("The answer the reasoning reaches."),
});
const FewShotItem = z.object({
  examples: z.array(Example).min(2).max(4),
  question: text("A new question of the same kind, answered by following the examples' reasoning."),
  expected: Expected,
});
type FewShotItem = z.infer<typeof FewShotItem>;

/** The engine writes the labels; a model that wrote them too would have them twice. */
const unlabel = (text: string) => text.replace(/^\s*(?:question|reasoning|answer)\s*:\s*/i, "");

function renderFewShot(item: Omit<FewShotItem, "expected">): string {
  const examples = item.examples
    .map(
      (example, index) =>
        `Example ${index + 1}\nQuestion: ${unlabel(example.question)}\nReasoning: ${unlabel(example.reasoning)}\n` +
        `Answer: ${unlabel(example.answer)}`,
    )
    .join("\n\n");
  return `${examples}\n\nNow answer the next question the same way, reasoning step by step.\nQuestion: ${unlabel(item.question)}`;
}

function fewShotItem({ expected, ...item }: FewShotItem): ShapedItem {
  return { instruction: renderFewShot(item), item, expected };
}

const fewShot: InstructionShapeDef = {
  output: (min, max) => z.object({ items: z.array(FewShotItem).min(min).max(max) }),
  items: (output) => (output as { items: FewShotItem[] }).items.map(fewShotItem),
  edit: z.object({
    examples: z.array(Example).min(2).max(4),
    question: text("The revised question."),
    expected: Expected.describe("The expected outcome of the revised question."),
  }),
  edited: (output) => fewShotItem(FewShotItem.parse(output)),
  review: (item) => item.instruction,
  metadata: (item) => ({ few_shot: { k: (item.item?.examples as unknown[] | undefined)?.length ?? 0 } }),
};

/** The shape definition of a skill's instructions. */
export function instructionShape(instruct: { shape: InstructionShape; optionCount: number }): InstructionShapeDef {
  switch (instruct.shape) {
    case "plain":
      return plain;
    case "mcq":
      return mcq(instruct.optionCount);
    case "few_shot":
      return fewShot;
  }
}
