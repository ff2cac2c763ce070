// Response generation, per skill (`respond.shape`): a free-text answer (optionally continued into a
// multi-turn conversation by a follow-up agent), a step-by-step web action sequence, or a tool-calling
// conversation against the API list the transformation built. Every model output is validated; tool calls
// are checked against their API's parameter schema before anything is recorded.
import { type RunnableConfig, RunnableLambda } from "@langchain/core/runnables";
import type { StructuredToolInterface } from "@langchain/core/tools";
import { z } from "zod";
import type { SkillSpec } from "../agents/define-skill.js";
import { formatZodIssues, OutputInvalidError } from "../runtime/errors.js";
import { callAgent } from "../runtime/models/call-agent.js";
import type {
  CallContext,
  ChatMessage,
  ChatResult,
  ModelGateway,
  ToolCall,
  ToolSpec,
} from "../runtime/models/gateway.js";
import { answerWithTools, toolRunConfig } from "../runtime/models/use-tools.js";
import { type ExecutionResult, executeCode } from "../tools/code-execution/index.js";
import type { AgentTools } from "./build-skill-graph.js";
import { harnessProgram, materialModule, programOf, type TestResult } from "./code-harness.js";
import { type Boundary, withDataRule } from "./data-boundary.js";
import type { Answer, Draft, Turn } from "./skill-state.js";
import { ApiList } from "./stage-outputs.js";
import { renderPrompt, respondPrompt } from "./stage-prompts.js";

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

type Usage = { input_tokens: number; output_tokens: number };
const addUsage = (total: Usage, more: Usage) => {
  total.input_tokens += more.input_tokens;
  total.output_tokens += more.output_tokens;
};

/** The teacher's opening: the skill's system prompt with the data rule, and the engine's respond message. */
function openingMessages(env: ResponderEnv, task: RespondTask): ChatMessage[] {
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

/** Free text on an ongoing conversation: the tool loop with no tools, re-asking on empty output like any agent. */
function nextText(env: ResponderEnv, messages: ChatMessage[], context: CallContext) {
  return answerWithTools(
    env.gateway,
    { messages, tools: [], maxSteps: env.outputAttempts, attempts: env.outputAttempts },
    () => context,
  );
}

const FollowUpOutput = z.object({
  message: z.string().trim().min(1).describe("The user's next message in the conversation."),
});

/** The first answer, with the skill's tools when it has any. */
function firstAnswer(env: ResponderEnv, task: RespondTask, messages: ChatMessage[], config: RunnableConfig) {
  return answerWithTools(
    env.gateway,
    { messages, tools: env.tools, maxSteps: env.spec.respond.maxSteps, attempts: env.outputAttempts },
    (step) => env.context(task, "respond", step === 1 ? "respond" : `respond:${step}`, config),
  );
}

/** A text answer; for conversation skills, continued until the user has spoken `userTurns` times. */
export async function respondText(env: ResponderEnv, task: RespondTask, config: RunnableConfig): Promise<Answer> {
  const messages = openingMessages(env, task);
  const usage = { input_tokens: 0, output_tokens: 0 };
  const first = await firstAnswer(env, task, messages, config);
  addUsage(usage, first.usage);
  const turns: Turn[] = [{ role: "assistant", content: first.text }];
  messages.push({ role: "assistant", content: first.text });
  const conversation = env.spec.conversation;
  const userTurns = conversation?.userTurns ?? 1;
  for (let turn = 2; conversation && turn <= userTurns; turn += 1) {
    const transcript = [
      `User: ${task.draft.instruction}`,
      ...turns.map((entry) => `${entry.role === "user" ? "User" : "Assistant"}: ${entry.content}`),
    ].join("\n\n");
    const values = { content: task.content, conversation: transcript, turn, turns: userTurns };
    const boundary = env.boundary(task.seedId);
    const followUp = await callAgent(
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
    addUsage(usage, followUp.usage);
    turns.push({ role: "user", content: followUp.value.message });
    messages.push({ role: "user", content: followUp.value.message });
    const answer = await nextText(env, messages, env.context(task, "respond", `respond:${turn}`, config));
    addUsage(usage, answer.usage);
    turns.push({ role: "assistant", content: answer.text });
    messages.push({ role: "assistant", content: answer.text });
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

const REVISIONS = 2;
const SHOWN = 2000;

/**
 * Coding: run the material, the answer's solution and its tests together in the sandbox, each test reported;
 * on failure show the teacher the real failure and take its revised answer, up to REVISIONS times. The record
 * keeps the last execution result either way.
 */
async function verifyCode(
  env: ResponderEnv,
  task: RespondTask,
  opening: ChatMessage[],
  answer: string,
  config: RunnableConfig,
): Promise<{ text: string; usage: Usage; execution: Record<string, unknown> }> {
  const usage = { input_tokens: 0, output_tokens: 0 };
  const sandbox = env.runTools?.code;
  if (!sandbox)
    return { text: answer, usage, execution: { status: "not_run", reason: "code execution is not available" } };
  const messages = [...opening];
  let text = answer;
  for (let attempt = 1; ; attempt += 1) {
    const program = programOf(text);
    if (!program)
      return { text, usage, execution: { status: "not_run", reason: "no Python or JavaScript code block" } };
    const material = materialModule(task.content, program.language);
    const harness = harnessProgram(program.language, program.code, material);
    let result: ExecutionResult;
    try {
      // As a runnable, so the run is traced with its program and result like any tool call.
      const context = env.context(task, "verify", "execute_code", config);
      result = await RunnableLambda.from((request: { language: typeof program.language; code: string }) =>
        executeCode({ ...request, allowUnsandboxed: sandbox.allowUnsandboxed }),
      ).invoke({ language: program.language, code: harness.code }, toolRunConfig(context, "execute_code"));
    } catch (error) {
      return { text, usage, execution: { status: "unavailable", reason: (error as Error).message } };
    }
    const report = harness.read(result.stdout);
    const passed = result.exitCode === 0 && !result.timedOut && !result.memoryExceeded;
    const execution = {
      status: passed ? "passed" : "failed",
      language: program.language,
      ...(material ? { module: material.name } : {}),
      tests: report.tests.map(({ name, status }) => ({ name, status })),
      exitCode: result.exitCode,
      timedOut: result.timedOut,
      memoryExceeded: result.memoryExceeded,
      stdout: report.stdout.slice(0, SHOWN),
      stderr: result.stderr.slice(0, SHOWN),
      durationMs: Math.round(result.durationMs),
      runs: attempt,
    };
    if (passed || attempt > REVISIONS) return { text, usage, execution };
    messages.push(
      { role: "assistant", content: text },
      { role: "user", content: revisionRequest(execution, report.tests) },
    );
    const revised = await nextText(env, messages, env.context(task, "verify", `revise:${attempt}`, config));
    addUsage(usage, revised.usage);
    text = revised.text;
  }
}

/** The failure as the sandbox saw it, and the same rules as the first request (import the material, do not copy it). */
function revisionRequest(
  execution: {
    language: string;
    module?: string;
    exitCode: number | null;
    timedOut: boolean;
    memoryExceeded: boolean;
    stdout: string;
    stderr: string;
  },
  tests: TestResult[],
): string {
  const how = execution.module ? `with the material as module ${execution.module}` : "without the material";
  const outcome = [
    `exit code ${execution.exitCode ?? "none"}`,
    ...(execution.timedOut ? ["timed out"] : []),
    ...(execution.memoryExceeded ? ["out of memory"] : []),
  ].join(", ");
  const results = tests.length
    ? tests.map((test) => `- ${test.name}: ${test.status}${test.message ? ` (${test.message})` : ""}`).join("\n")
    : "(no test ran)";
  return (
    `Your code was run in the sandbox (${execution.language}, its code blocks in order, ${how}) and did not pass: ` +
    `${outcome}.\nTests:\n${results}\nstdout:\n${execution.stdout || "(empty)"}\nstderr:\n${execution.stderr || "(empty)"}\n\n` +
    "Find the cause, in your solution or in a test that expects the wrong thing, and reply with your complete " +
    "corrected answer in the same form as before: the explanation, the solution and its tests, importing from the " +
    "material rather than repeating its code."
  );
}

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

/** The calls and results so far, so a simulated API stays consistent across a chain of calls. */
function callHistory(turns: Turn[]): string {
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

/** Check a reply's tool calls against the API list: known names, JSON arguments, the parameter schema. */
function toolCallProblems(calls: ToolCall[], validators: Map<string, z.ZodType>): string[] {
  const problems: string[] = [];
  for (const call of calls) {
    const validator = validators.get(call.name);
    if (!validator) {
      problems.push(`${call.name}: no such tool; use only the tools provided`);
      continue;
    }
    let args: unknown;
    try {
      args = JSON.parse(call.arguments || "{}");
    } catch {
      problems.push(`${call.name}: arguments are not valid JSON`);
      continue;
    }
    const parsed = validator.safeParse(args);
    if (!parsed.success)
      problems.push(...formatZodIssues(parsed.error.issues).map((issue) => `${call.name}: ${issue}`));
  }
  return problems;
}

/**
 * A tool-calling conversation: the API list is offered as OpenAI tools; each call is validated against its
 * API's parameter schema (an invalid call is re-asked, never recorded) and answered by the tool-result agent,
 * which simulates the API; the exchange ends with the assistant's text answer (or its question or refusal).
 */
export async function respondWithTools(env: ResponderEnv, task: RespondTask, config: RunnableConfig): Promise<Answer> {
  const toolResult = env.spec.respond.toolResult;
  if (!toolResult) throw new Error(`${env.spec.id}: tool_calls responses need respond.toolResult`);
  const apis = ApiList.parse(JSON.parse(task.content)).apis;
  const tools: ToolSpec[] = apis.map((api) => ({
    name: api.name,
    description: api.description,
    parameters: api.parameters,
  }));
  const validators = new Map(apis.map((api) => [api.name, z.fromJSONSchema(api.parameters as never)]));
  const messages = openingMessages(env, task);
  const turns: Turn[] = [];
  const usage = { input_tokens: 0, output_tokens: 0 };
  const called: string[] = [];
  let model = "";
  let rejected = 0;
  // A rejected reply is dropped from the cache and asked again; too many rejections fail the item.
  const reject = async (result: ChatResult, agent: string, raw: string, problems: string[]) => {
    await env.gateway.forget(result);
    rejected += 1;
    if (rejected >= env.outputAttempts) throw new OutputInvalidError(agent, raw, problems, rejected);
  };
  let step = 0;
  while (step < env.spec.respond.maxSteps) {
    const context = env.context(task, "respond", step === 0 ? "respond" : `respond:${step + 1}`, config);
    const result = await env.gateway.complete({ role: "respond", messages, tools }, context);
    addUsage(usage, result.usage);
    model = result.model;
    if (result.toolCalls.length === 0) {
      if (!result.text.trim()) {
        await reject(result, context.agent, "", ["empty reply"]);
        continue;
      }
      turns.push({ role: "assistant", content: result.text.trim() });
      return {
        draftId: task.draft.id,
        // The student sees the same tools the teacher had: as the system turn, and in OpenAI form in metadata.
        system: toolSystemTurn(tools),
        turns,
        model,
        usage,
        metadata: {
          tools: tools.map((tool) => ({ type: "function", function: tool })),
          tools_available: apis.map((api) => api.name),
          tools_called: called,
          tool_results_simulated: called.length > 0,
        },
      };
    }
    const problems = toolCallProblems(result.toolCalls, validators);
    if (problems.length > 0) {
      await reject(result, context.agent, JSON.stringify(result.toolCalls), problems);
      messages.push({
        role: "user",
        content: `Your last reply made tool calls that cannot run:\n${problems.map((problem) => `- ${problem}`).join("\n")}\nReply again: call the tools with arguments that match their schemas, or answer in text.`,
      });
      continue;
    }
    step += 1;
    messages.push({ role: "assistant", content: result.text, toolCalls: result.toolCalls });
    turns.push({
      role: "assistant",
      content: result.text,
      tool_calls: result.toolCalls.map((call) => ({
        id: call.id,
        type: "function" as const,
        function: { name: call.name, arguments: call.arguments },
      })),
    });
    for (const call of result.toolCalls) {
      const api = apis.find((candidate) => candidate.name === call.name);
      const values = { api: JSON.stringify(api, null, 2), arguments: call.arguments, history: callHistory(turns) };
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
        env.context(task, "tool_result", `tool_result:${call.name}`, config),
      );
      addUsage(usage, simulated.usage);
      const content = JSON.stringify(simulated.value.result);
      called.push(call.name);
      messages.push({ role: "tool", content, toolCallId: call.id });
      turns.push({ role: "tool", content, tool_call_id: call.id });
    }
  }
  throw new OutputInvalidError(
    `${env.spec.id}/respond`,
    JSON.stringify(turns.at(-1) ?? {}),
    [`no final answer after ${env.spec.respond.maxSteps} model turns`],
    env.spec.respond.maxSteps,
  );
}

export const RESPONDERS = {
  text: respondText,
  web_actions: respondWebActions,
  tool_calls: respondWithTools,
} as const;
