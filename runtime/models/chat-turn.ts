// One chat turn, in OpenAI's chat format, from graph state through the gateway to the stored record and the
// export: a zod schema because graph state is zod, and one spelling (tool_calls, tool_call_id) throughout.
import { z } from "zod";

/** A tool call as the model made it: `arguments` is the raw JSON text, validated by whoever runs the tool. */
export const ToolCall = z.object({
  id: z.string(),
  type: z.literal("function"),
  function: z.object({ name: z.string(), arguments: z.string() }),
});
export type ToolCall = z.infer<typeof ToolCall>;

export const ChatTurn = z.object({
  role: z.enum(["system", "user", "assistant", "tool"]),
  content: z.string(),
  tool_calls: z.array(ToolCall).optional(),
  tool_call_id: z.string().optional(),
});
export type ChatTurn = z.infer<typeof ChatTurn>;
