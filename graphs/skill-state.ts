// The state of one item's thread. Lean on purpose: ids and the texts the flow makes, never the seed
// (nodes load it from the run store by id), because every checkpoint stores the whole state.
import { ReducedValue, StateSchema } from "@langchain/langgraph";
import { z } from "zod";
import { ChatTurn } from "../runtime/models/chat-turn.js";
import { Usage } from "../runtime/models/usage.js";
import { Expected } from "./expected-outcome.js";

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
  /** The structured item for shapes other than plain (MCQ options, few-shot examples). */
  item: z.record(z.string(), z.unknown()).optional(),
  /** What a correct response does (written with the instruction, restated by each edit). */
  expected: Expected,
});
export type Draft = z.infer<typeof Draft>;

export const Verification = z.object({
  status: z.enum(["agrees", "disagrees", "unverifiable"]),
  method: z.enum(["exact", "numeric", "tool_calls", "abstention", "execution", "model"]),
  reason: z.string(),
});
export type Verification = z.infer<typeof Verification>;

export const Answer = z.object({
  draftId: z.string(),
  /** The content the response was made on, when the flow added to it (retrieved passages). */
  content: z.string().optional(),
  /** A system turn the record opens with (Tool Use: the tools the assistant may call). */
  system: z.string().optional(),
  /** Everything after the first user turn: one assistant turn, or a multi-turn or tool-calling exchange. */
  turns: z.array(ChatTurn).min(1),
  model: z.string(),
  usage: Usage,
  /** What the record's metadata gains from the response (actions taken, tools called...). */
  metadata: z.record(z.string(), z.unknown()).optional(),
  verification: Verification.optional(),
  /** The quality judge's scores (judge-record.ts), when the run has a rubric: metadata.scores of the record. */
  scores: z.record(z.string(), z.unknown()).optional(),
});
export type Answer = z.infer<typeof Answer>;

/**
 * Something the flow decided not to keep, with why: an agent's decline, or a draft or answer dropped by a check.
 * Kept in the item's lineage (status --item) and counted by reason (status).
 */
export const Note = z.object({
  kind: z.enum(["declined", "dropped"]),
  /** A short stable reason code, counted in status (e.g. verification_disagrees, answer_unchanged). */
  reason: z.string(),
  /** The agent, type, goal or draft concerned. */
  subject: z.string(),
  detail: z.string(),
  /** Dropped answers: the teacher's answer and the key it was checked against. */
  answer: z.string().optional(),
  key: z.string().optional(),
});
export type Note = z.infer<typeof Note>;

/** A refinement chain: an original instruction whose rounds each draw a goal that fits the current head. */
export const Chain = z.object({ draftId: z.string() });
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
  /** Chains that ended early (a one-shot goal applied, no goal left that fits, an editor declined). */
  ended: new ReducedValue(
    z.array(z.string()).default(() => []),
    { reducer: concat },
  ),
  notes: new ReducedValue(
    z.array(Note).default(() => []),
    { reducer: concat },
  ),
  /** The refinement round about to run (1-based); 0 before refinement. */
  round: z.number().int().default(0),
  answers: new ReducedValue(
    z.array(Answer).default(() => []),
    { reducer: concat },
  ),
});
export type ItemStateValue = typeof ItemState.State;
export type ItemStateUpdate = typeof ItemState.Update;
