// The expected outcome of an item, in one engine-owned shape: written by the instruct agent with each item,
// restated by the editor for each refined item, kept in the record's metadata (`metadata.expected`), never shown
// to the student or the teacher, and checked against the teacher's answer by the verify stage.
import { z } from "zod";
import { numericKey } from "./read-numbers.js";

// Descriptions are short on purpose: the prompts explain each field once (stage-prompts.ts, expectedRules), and
// the schema is in every prompt that asks for it.
export const PlannedCall = z.object({
  name: z.string().trim().min(1).describe("The tool to call."),
  arguments: z.record(z.string(), z.unknown()).describe("The argument values the request gives."),
});

export const Expected = z.object({
  answerable: z.boolean().describe("Whether it can be answered or done from what the student is given."),
  answer: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe("The reference answer or the key facts; when not answerable, what is missing."),
  key: z.string().trim().min(1).optional().describe("The exact short answer, only when there is one."),
  calls: z.array(PlannedCall).optional().describe("Tool requests only: the calls a correct response makes."),
  notes: z.string().trim().min(1).optional().describe("What a checker must know (tolerances, accepted variants)."),
});
export type Expected = z.infer<typeof Expected>;

/** An MCQ's expected outcome: the key is one of the option letters (required while the item is answerable). */
export function mcqExpected(letters: readonly string[]) {
  return Expected.extend({
    key: z
      .enum(letters as [string, ...string[]])
      .optional()
      .describe("The letter of the correct option (omitted only when no option is supported)."),
  }).superRefine((value, context) => {
    if (value.answerable && !value.key) {
      context.addIssue({ code: "custom", path: ["key"], message: "an answerable item needs the correct letter" });
    }
  });
}

/** An agent's refusal: the content does not support its type, or the goal cannot be met for this item. */
export const Decline = z.object({
  decline: z.string().trim().min(1).describe("Why the content does not support this task (this field alone)."),
});
export type Decline = z.infer<typeof Decline>;

/** The agent's usual output, or a decline (the usual branch first: it is the one expected). */
export function orDecline<T extends z.ZodObject>(output: T) {
  return z.union([output, Decline]);
}

export function isDecline(value: unknown): value is Decline {
  return typeof value === "object" && value !== null && "decline" in value;
}

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.]+/gu, " ")
    .trim();

/** Two expected outcomes state the same answer: same key, or the same answer text when neither has a key. */
export function sameAnswer(a: Expected | undefined, b: Expected | undefined): boolean {
  if (!a || !b || a.answerable !== b.answerable) return false;
  if (a.key || b.key) {
    // "4,200", "4200" and "4200 arrivals" are one answer.
    const [x, y] = [numericKey(a.key ?? ""), numericKey(b.key ?? "")];
    if (x !== undefined && y !== undefined) return x === y;
    return normalise(a.key ?? "") === normalise(b.key ?? "");
  }
  return normalise(a.answer ?? "") === normalise(b.answer ?? "");
}
