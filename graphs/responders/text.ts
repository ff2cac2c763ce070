// A free-text answer, with the skill's real tools when it has any; for conversation skills, continued by a
// follow-up agent speaking as the user until the user has spoken `userTurns` times; for code-checked skills,
// run in the sandbox and revised (code.ts).
import type { RunnableConfig } from "@langchain/core/runnables";
import { z } from "zod";
import { callAgent } from "../../runtime/models/call-agent.js";
import type { ChatTurn } from "../../runtime/models/chat-turn.js";
import { addUsage, noUsage } from "../../runtime/models/usage.js";
import { answerWithTools, realTool } from "../../runtime/models/use-tools.js";
import { withDataRule } from "../data-boundary.js";
import type { Answer } from "../skill-state.js";
import { renderPrompt } from "../stage-prompts.js";
import { verifyCode } from "./code.js";
import { nextText, openingMessages, type ResponderEnv, type RespondTask } from "./responder-env.js";

const FollowUpOutput = z.object({
  message: z.string().trim().min(1).describe("The user's next message in the conversation."),
});

/** The first answer; a real tool's invalid call is reported back to the model, which can correct itself. */
function firstAnswer(env: ResponderEnv, task: RespondTask, messages: ChatTurn[], config: RunnableConfig) {
  return answerWithTools(
    env.gateway,
    {
      messages,
      tools: env.tools.map(realTool),
      maxSteps: env.spec.respond.maxSteps,
      attempts: env.outputAttempts,
      invalidCalls: "report",
    },
    (step) => env.context(task, "respond", step === 1 ? "respond" : `respond:${step}`, config),
  );
}

/** The user's next message, written by the follow-up agent from the conversation so far. */
async function followUp(env: ResponderEnv, task: RespondTask, turns: ChatTurn[], turn: number, config: RunnableConfig) {
  const conversation = env.spec.conversation;
  if (!conversation) throw new Error(`${env.spec.id}: follow-ups need a conversation spec`);
  const transcript = [
    `User: ${task.draft.instruction}`,
    ...turns.map((entry) => `${entry.role === "user" ? "User" : "Assistant"}: ${entry.content}`),
  ].join("\n\n");
  const values = { content: task.content, conversation: transcript, turn, turns: conversation.userTurns };
  const boundary = env.boundary(task.seedId);
  return callAgent(
    env.gateway,
    {
      role: "instruct",
      system: withDataRule(conversation.followUp.system, boundary),
      prompt: renderPrompt(env.spec, conversation.followUp.prompt, values, boundary),
      output: FollowUpOutput,
      attempts: env.outputAttempts,
    },
    env.context(task, "follow_up", `follow_up:${turn}`, config),
  );
}

export async function respondText(env: ResponderEnv, task: RespondTask, config: RunnableConfig): Promise<Answer> {
  const messages = openingMessages(env, task);
  const usage = noUsage();
  const first = await firstAnswer(env, task, messages, config);
  addUsage(usage, first.usage);
  // The record keeps the answers, not the tool calls made on the way (those go to metadata.tools_used).
  const turns: ChatTurn[] = [{ role: "assistant", content: first.text }];
  messages.push({ role: "assistant", content: first.text });
  const conversation = env.spec.conversation;
  for (let turn = 2; conversation && turn <= conversation.userTurns; turn += 1) {
    const asked = await followUp(env, task, turns, turn, config);
    addUsage(usage, asked.usage);
    const question: ChatTurn = { role: "user", content: asked.value.message };
    turns.push(question);
    messages.push(question);
    const answer = await nextText(env, messages, env.context(task, "respond", `respond:${turn}`, config));
    addUsage(usage, answer.usage);
    const reply: ChatTurn = { role: "assistant", content: answer.text };
    turns.push(reply);
    messages.push(reply);
  }
  const metadata: Record<string, unknown> = {};
  if (first.toolUses.length > 0) metadata.tools_used = first.toolUses;
  if (env.spec.respond.verifyCode && !conversation) {
    const verified = await verifyCode(env, task, messages.slice(0, -1), first.text, config);
    addUsage(usage, verified.usage);
    turns[0] = { role: "assistant", content: verified.text };
    metadata.execution = verified.execution;
  }
  return {
    draftId: task.draft.id,
    turns,
    model: first.model,
    usage,
    ...(Object.keys(metadata).length ? { metadata } : {}),
  };
}
