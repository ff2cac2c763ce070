// The state of one item's thread. Lean on purpose: ids and the texts the flow makes, never the seed
// (nodes load it from the run store by id), because every checkpoint stores the whole state.
import { ReducedValue, StateSchema } from "@langchain/langgraph";
import { z } from "zod";

/** An instruction: an original (round 0) or a refinement of its parent. */
export const Draft = z.object({
  id: z.string(),
  type: z.string(),
  instruction: z.string(),
  /** Set only when refinement edited the content; otherwise the item's transformed content applies. */
  content: z.string().optional(),
  parentId: z.string().optional(),
  goal: z.string().optional(),
  round: z.number().int().nonnegative(),
  /** The structured item for shapes other than plain (MCQ options and answer, few-shot examples). */
  item: z.record(z.string(), z.unknown()).optional(),
});
export type Draft = z.infer<typeof Draft>;

/** A turn of the record after its first user turn, in OpenAI's chat format. */
export const Turn = z.object({
  role: z.enum(["user", "assistant", "tool"]),
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
});
export type Turn = z.infer<typeof Turn>;

export const Answer = z.object({
  draftId: z.string(),
  /** The content the response was made on, when the flow added to it (retrieved passages). */
  content: z.string().optional(),
  /** A system turn the record opens with (Tool Use: the tools the assistant may call). */
  system: z.string().optional(),
  /** Everything after the first user turn: one assistant turn, or a multi-turn or tool-calling exchange. */
  turns: z.array(Turn).min(1),
  model: z.string(),
  usage: z.object({ input_tokens: z.number(), output_tokens: z.number() }),
  /** What the record's metadata gains from the response (actions taken, tools called...). */
  metadata: z.record(z.string(), z.unknown()).optional(),
});
export type Answer = z.infer<typeof Answer>;

/** A refinement chain: an original instruction and the goal its rounds pursue. */
export const Chain = z.object({ draftId: z.string(), goal: z.string() });
export type Chain = z.infer<typeof Chain>;

const concat = <T>(current: T[], next: T[]): T[] => current.concat(next);

export const ItemState = new StateSchema({
  itemId: z.string(),
  skill: z.string(),
  seedId: z.string(),
  /** Why the item produced no data on purpose (too short for the skill, nothing usable). */
  filtered: z.string().optional(),
  transformation: z.string().optional(),
  content: z.string().optional(),
  drafts: new ReducedValue(
    z.array(Draft).default(() => []),
    { reducer: concat },
  ),
  chains: z.array(Chain).default(() => []),
  /** The refinement round about to run (1-based); 0 before refinement. */
  round: z.number().int().default(0),
  answers: new ReducedValue(
    z.array(Answer).default(() => []),
    { reducer: concat },
  ),
});
export type ItemStateValue = typeof ItemState.State;
export type ItemStateUpdate = typeof ItemState.Update;
