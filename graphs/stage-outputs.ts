// The output schema of each agent stage. Prompts describe intent; these decide what is accepted.
import { z } from "zod";

export const TransformOutput = z.object({
  content: z.string().trim().min(1).describe("The transformed content, complete and ready to show a student."),
});

export function instructOutput(min: number, max: number) {
  return z.object({
    instructions: z
      .array(
        z.object({
          instruction: z
            .string()
            .trim()
            .min(1)
            .describe("One self-contained instruction or question; never a copy of the content itself."),
        }),
      )
      .min(min)
      .max(max),
  });
}

export function suggestOutput(count: number) {
  return z.object({
    suggestions: z
      .array(
        z.object({
          suggestion: z.string().trim().min(1).describe("A concrete change to make, specific to this item."),
          rationale: z.string().trim().min(1).describe("Why the change serves the goal."),
        }),
      )
      .min(1)
      .max(count),
  });
}

export const EditOutput = z.object({
  content: z
    .string()
    .trim()
    .min(1)
    .describe("The full revised content (unchanged when only the instruction was edited)."),
  instruction: z.string().trim().min(1).describe("The full revised instruction."),
});

export const RespondOutput = z.string().trim().min(1);
