// What every responder shares: the task it answers, what it needs from the flow, the teacher's opening turns,
// and the plain-text continuation of a conversation (the tool loop with no tools).
import type { RunnableConfig } from "@langchain/core/runnables";
import type { StructuredToolInterface } from "@langchain/core/tools";
import type { SkillSpec } from "../../agents/define-skill.js";
import type { ChatTurn } from "../../runtime/models/chat-turn.js";
import type { CallContext, ModelGateway } from "../../runtime/models/gateway.js";
import { answerWithTools } from "../../runtime/models/use-tools.js";
import type { AgentTools } from "../../tools/agent-tools.js";
import { type Boundary, withDataRule } from "../data-boundary.js";
import type { Answer, Draft } from "../skill-state.js";
import { respondPrompt } from "../stage-prompts.js";

export interface RespondTask {
  itemId: string;
  skill: string;
  seedId: string;
  draft: Draft;
  content: string;
  /** 1 for the first answer; 2 when verification asked the teacher once more. */
  attempt?: number;
}

/** What a responder needs from the flow. */
export interface ResponderEnv {
  spec: SkillSpec;
  gateway: ModelGateway;
  outputAttempts: number;
  /** The item's data boundary: every prompt shows seed-derived text between it. */
  boundary(seedId: string): Boundary;
  context(task: RespondTask, flow: string, agent: string, config: RunnableConfig): CallContext;
  /** Tools the responder may call (the skill's respond.tools that this run can offer). */
  tools: StructuredToolInterface[];
  /** The run's tools themselves, for engine-driven steps (retrieval, code verification). */
  runTools?: AgentTools;
}

export type Responder = (env: ResponderEnv, task: RespondTask, config: RunnableConfig) => Promise<Answer>;

/** The teacher's opening: the skill's system prompt with the data rule, and the engine's respond message. */
export function openingMessages(env: ResponderEnv, task: RespondTask): ChatTurn[] {
  const boundary = env.boundary(task.seedId);
  const type = env.spec.instruct.types.find((candidate) => candidate.name === task.draft.type);
  return [
    { role: "system", content: withDataRule(env.spec.respond.system, boundary) },
    {
      role: "user",
      content: respondPrompt(env.spec, { content: task.content, instruction: task.draft.instruction, type }, boundary),
    },
  ];
}

/** Free text on an ongoing conversation, re-asked on empty output like any agent. */
export function nextText(env: ResponderEnv, messages: ChatTurn[], context: CallContext) {
  return answerWithTools(
    env.gateway,
    { messages, tools: [], maxSteps: 1, attempts: env.outputAttempts, invalidCalls: "report" },
    () => context,
  );
}
