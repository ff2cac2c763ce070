// A web task: numbered thought/action steps on the page observation's element ids, then the answer. The output
// schema is built per page, so an action can only target an element the page offers.
import type { RunnableConfig } from "@langchain/core/runnables";
import { z } from "zod";
import { callAgent } from "../../runtime/models/call-agent.js";
import type { Answer } from "../skill-state.js";
import { openingMessages, type ResponderEnv, type RespondTask } from "./responder-env.js";

const ACTIONS = ["click", "type", "select", "scroll", "press_key", "go_back", "navigate", "stop"] as const;

/** The element ids a page observation offers, written `[12]`. */
export function elementIds(observation: string): Set<string> {
  return new Set([...observation.matchAll(/\[(\d+)\]/g)].map((match) => `[${match[1]}]`));
}

function webActionsOutput(observation: string) {
  const ids = [...elementIds(observation)];
  if (ids.length === 0) {
    throw new Error('the page observation has no element ids like "[12]" for actions to target');
  }
  // An enum, so servers that enforce the schema can only target elements that exist on the page.
  const target = z
    .enum(["", ...ids] as [string, ...string[]])
    .describe('The id of the element acted on, like "[12]"; "" for actions without a target.');
  return z.object({
    steps: z
      .array(
        z.object({
          thought: z.string().trim().min(1).describe("Why this step, given what the page shows."),
          action: z.enum(ACTIONS),
          target,
          value: z.string().describe('Text to type, option to select, key or URL; "" when not needed.'),
        }),
      )
      .min(1),
    answer: z.string().trim().min(1).describe("The outcome or the information found, for the user."),
  });
}

function renderSteps(output: {
  steps: Array<{ thought: string; action: string; target: string; value: string }>;
  answer: string;
}): string {
  const steps = output.steps.map((step, index) => {
    const what = [step.action, step.target, step.value ? JSON.stringify(step.value) : ""].filter(Boolean).join(" ");
    return `${index + 1}. ${step.thought}\n   Action: ${what}`;
  });
  return `${steps.join("\n")}\n\n${output.answer}`;
}

/** A web task: numbered thought/action steps on the page's element ids, then the answer. */
export async function respondWebActions(env: ResponderEnv, task: RespondTask, config: RunnableConfig): Promise<Answer> {
  const [system, prompt] = openingMessages(env, task);
  const result = await callAgent(
    env.gateway,
    {
      role: "respond",
      system: system?.content ?? "",
      prompt: prompt?.content ?? "",
      output: webActionsOutput(task.content),
      attempts: env.outputAttempts,
    },
    env.context(task, "respond", "respond", config),
  );
  return {
    draftId: task.draft.id,
    turns: [{ role: "assistant", content: renderSteps(result.value) }],
    model: result.model,
    usage: result.usage,
    metadata: { actions: result.value.steps },
  };
}
