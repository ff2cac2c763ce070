// The optional quality judge's rubric (README > Quality scores): the dimensions a record is scored on, the integer
// scale, and the threshold every dimension must reach for the record to be kept. Checked once, in the config.
import { z } from "zod";

/** Names the judge's scores may not take: they are the metadata's own fields or the agent's working notes. */
const RESERVED = new Set(["reasons", "judge_model", "analysis"]);

const Dimension = z
  .object({
    /** A snake_case name: the key of its score in metadata.scores. */
    name: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, "must be snake_case: a lowercase letter, then letters, digits or _")
      .refine((name) => !RESERVED.has(name), { message: `is reserved (${[...RESERVED].join(", ")})` }),
    /** What the dimension asks of a record, written for the judge: shown to it word for word. */
    description: z.string().trim().min(1, "must say what the dimension asks of a record"),
  })
  .strict();

export const JudgeRubric = z
  .object({
    rubric: z.array(Dimension).min(1, "needs at least one dimension"),
    /** The lowest and highest score, integers (default 1–5). */
    scale: z
      .tuple([z.number().int(), z.number().int()])
      .refine(([low, high]) => low < high, { message: "must be [lowest, highest] with lowest < highest" })
      .default([1, 5]),
    /**
     * A record is kept when EVERY dimension scores at least this (not the mean: a fluent answer that is wrong must
     * not pass on its fluency). Absent: records are scored and none is dropped.
     */
    threshold: z.number().optional(),
    /** What the dataset's author adds for the judge (the data's purpose, its audience), shown after the rubric. */
    instructions: z.string().trim().min(1).optional(),
  })
  .strict()
  .superRefine((judge, context) => {
    const seen = new Set<string>();
    judge.rubric.forEach((dimension, index) => {
      if (seen.has(dimension.name)) {
        context.addIssue({
          code: "custom",
          path: ["rubric", index, "name"],
          message: `"${dimension.name}" is named twice`,
        });
      }
      seen.add(dimension.name);
    });
    const [low, high] = judge.scale;
    if (low < high && judge.threshold !== undefined && (judge.threshold < low || judge.threshold > high)) {
      context.addIssue({
        code: "custom",
        path: ["threshold"],
        message: `must be within the scale [${low}, ${high}], got ${judge.threshold}`,
      });
    }
  });
export type JudgeRubric = z.infer<typeof JudgeRubric>;
