// The expected outcome of an item, in one engine-owned shape: written by the instruct agent with each item,
// restated by the editor for each refined item, kept in the record's metadata (`metadata.expected`), never shown
// to the student or the teacher, and checked against the teacher's answer by the verify stage.
import { z } from "zod";
import { numericKey } from "./verify-answer.js";

export const PlannedCall = z.object({
  name: z.string().trim().min(1).describe("The tool (API) to call."),
  arguments: z
    .record(z.string(), z.unknown())
    .describe("The argument values the request gives for this call (omit values the user did not give)."),
});

export const Expected = z.object({
  answerable: z
    .boolean()
    .describe(
      "true when the item can be answered or done from what the student is given; false when it cannot (the " +
        "information is missing, no tool does it, a required value is not given): the right response is then " +
        "to say so, or to ask for what is missing.",
    ),
  answer: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe(
      "The reference answer, short, or for open-ended tasks the key facts and requirements a correct response " +
        "must contain. When not answerable: what is missing.",
    ),
  key: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe(
      "Only when the answer has an exact short form: the letter of the correct option, a label, a number with " +
        "its unit, a word or a short phrase, exactly as a correct final answer would state it.",
    ),
  calls: z.array(PlannedCall).optional().describe("Tool requests only: the tool calls a correct response makes."),
  notes: z.string().trim().min(1).optional().describe("Anything a checker must know (tolerances, accepted variants)."),
});
export type Expected = z.infer<typeof Expected>;

/** An MCQ's expected outcome: the key is one of the option letters (required while the item is answerable). */
export function mcqExpected(letters: readonly string[]) {
  return Expected.extend({
    key: z
      .enum(letters as [string, ...string[]])
      .optional()
      .describe("The letter of the one correct option (omit only when no option is supported)."),
  }).superRefine((value, context) => {
    if (value.answerable && !value.key) {
      context.addIssue({ code: "custom", path: ["key"], message: "an answerable item needs the correct letter" });
    }
  });
}

/** An agent's refusal: the content does not support its type, or the goal cannot be met for this item. */
export const Decline = z.object({
  decline: z
    .string()
    .trim()
    .min(1)
    .describe("Why the content does not support this task; give this field alone instead of the others."),
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
