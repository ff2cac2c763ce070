// Reading what a run wrote, and the schema a record must have.
import { readFileSync } from "node:fs";
import { z } from "zod";

export const RecordSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  split: z.string(),
  messages: z
    .array(
      z
        .object({
          role: z.enum(["system", "user", "assistant", "tool"]),
          content: z.string(),
          tool_calls: z
            .array(
              z.object({
                id: z.string(),
                type: z.literal("function"),
                function: z.object({ name: z.string(), arguments: z.string() }),
              }),
            )
            .optional(),
          tool_call_id: z.string().optional(),
        })
        // Only an assistant turn that calls tools may be empty.
        .refine((turn) => turn.content.trim() !== "" || (turn.tool_calls?.length ?? 0) > 0, "empty turn"),
    )
    .min(2),
  metadata: z
    .object({
      skill: z.string(),
      seed_id: z.string(),
      source: z.string(),
      transformation: z.string().min(1),
      instruction_type: z.string().min(1),
      refinement: z.array(
        z.object({ goal: z.string().min(1), round: z.number().int().positive(), parent_id: z.string() }),
      ),
      models: z.record(z.string(), z.string()),
      usage: z.object({ input_tokens: z.number(), output_tokens: z.number() }),
    })
    .loose(),
});
export type ParsedRecord = z.infer<typeof RecordSchema>;

export function readJsonl(path: string): unknown[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line));
}

export function readRecords(path: string): ParsedRecord[] {
  return readJsonl(path).map((row) => RecordSchema.parse(row));
}
