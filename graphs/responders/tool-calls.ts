// A tool-calling conversation against the API list the transformation built: the APIs are offered as tools, each
// call is checked against its API's parameter schema (an invalid call is re-asked, never recorded) and answered by
// the tool-result agent, which simulates the API; the exchange ends with the assistant's text answer (or its
// question or refusal).
import type { RunnableConfig } from "@langchain/core/runnables";
import { z } from "zod";
import { callAgent } from "../../runtime/models/call-agent.js";
import type { ChatTurn } from "../../runtime/models/chat-turn.js";
import type { ToolSpec } from "../../runtime/models/gateway.js";
import { answerWithTools, type LoopTool } from "../../runtime/models/use-tools.js";
import { withDataRule } from "../data-boundary.js";
import type { Answer } from "../skill-state.js";
import { ApiList } from "../stage-outputs.js";
import { renderPrompt } from "../stage-prompts.js";
import { openingMessages, type ResponderEnv, type RespondTask } from "./responder-env.js";

/** The calls and results so far, so a simulated API stays consistent across a chain of calls. */
function callHistory(turns: readonly ChatTurn[]): string {
  const results = new Map(
    turns.filter((turn) => turn.role === "tool").map((turn) => [turn.tool_call_id, turn.content]),
  );
  const lines = turns.flatMap((turn) =>
    (turn.tool_calls ?? [])
      .filter((call) => results.has(call.id))
      .map((call) => `${call.function.name}(${call.function.arguments}) -> ${results.get(call.id)}`),
  );
  return lines.length > 0 ? lines.join("\n") : "(none: this is the first call)";
}

function toolSystemTurn(tools: ToolSpec[]): string {
  return [
    "You are an assistant that can call the following tools (JSON Schema parameters). Call a tool only when the",
    "request gives every required value; ask for missing values; say so when no tool can do what is asked.",
    "",
    JSON.stringify(tools, null, 2),
  ].join("\n");
}

const ToolResultOutput = z.object({
  result: z.record(z.string(), z.unknown()).describe("The JSON object the API returns for this call."),
});

/** The API list as loop tools whose runs are answered by the tool-result agent. */
function simulatedApis(env: ResponderEnv, task: RespondTask, config: RunnableConfig): LoopTool[] {
  const toolResult = env.spec.respond.toolResult;
  if (!toolResult) throw new Error(`${env.spec.id}: tool_calls responses need respond.toolResult`);
  return ApiList.parse(JSON.parse(task.content)).apis.map((api) => ({
    spec: { name: api.name, description: api.description, parameters: api.parameters },
    schema: z.fromJSONSchema(api.parameters as never),
    async run(_input, { call, messages }) {
      const values = {
        api: JSON.stringify(api, null, 2),
        arguments: call.function.arguments,
        history: callHistory(messages),
      };
      const boundary = env.boundary(task.seedId);
      const simulated = await callAgent(
        env.gateway,
        {
          role: "respond",
          system: withDataRule(toolResult.system, boundary),
          prompt: renderPrompt(env.spec, toolResult.prompt, values, boundary),
          output: ToolResultOutput,
          attempts: env.outputAttempts,
        },
        env.context(task, "tool_result", `tool_result:${api.name}`, config),
      );
      return { output: JSON.stringify(simulated.value.result), usage: simulated.usage };
    },
  }));
}

export async function respondWithTools(env: ResponderEnv, task: RespondTask, config: RunnableConfig): Promise<Answer> {
  const tools = simulatedApis(env, task, config);
  const specs = tools.map((tool) => tool.spec);
  const answer = await answerWithTools(
    env.gateway,
    {
      messages: openingMessages(env, task),
      tools,
      maxSteps: env.spec.respond.maxSteps,
      attempts: env.outputAttempts,
      invalidCalls: "re-ask",
    },
    (step) => env.context(task, "respond", step === 1 ? "respond" : `respond:${step}`, config),
  );
  const called = answer.toolUses.map((use) => use.tool);
  return {
    draftId: task.draft.id,
    // The student sees the same tools the teacher had: as the system turn, and in OpenAI form in metadata.
    system: toolSystemTurn(specs),
    turns: answer.turns,
    model: answer.model,
    usage: answer.usage,
    metadata: {
      tools: specs.map((tool) => ({ type: "function", function: tool })),
      tools_available: specs.map((tool) => tool.name),
      tools_called: called,
      tool_results_simulated: called.length > 0,
    },
  };
}
