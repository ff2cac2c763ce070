// The one tool loop: the model sees the tools' schemas, each call's arguments are checked against its tool's
// schema, the tool runs, and its output goes back to the model, for a bounded number of turns. What happens to
// an invalid call is the caller's policy: `report` returns the error as the tool's result (real tools: the
// model corrects itself), `re-ask` rejects the reply, never records it, and asks again (simulated APIs, whose
// records must hold only calls that fit their schemas). Every run is kept (input, output or error).
import type { StructuredToolInterface } from "@langchain/core/tools";
import { z } from "zod";
import { formatZodIssues, OutputInvalidError } from "../errors.js";
import type { ChatTurn, ToolCall } from "./chat-turn.js";
import type { CallContext, ChatResult, ModelGateway, ToolSpec, Verdict } from "./gateway.js";
import { traceConfig } from "./trace-config.js";
import { addUsage, noUsage, type Usage } from "./usage.js";

export type InvalidCallPolicy = "re-ask" | "report";

/** What a tool run hands back: text for the model (simulated tools spend tokens), or an error it is shown. */
export type ToolOutput = { output: string; usage?: Usage } | { error: string };

/** A tool the loop can offer: its spec for the model, the schema its arguments must pass, and how it runs. */
export interface LoopTool {
  spec: ToolSpec;
  schema: z.ZodType;
  /** `input` has passed `schema`; `messages` is the conversation so far. */
  run(
    input: unknown,
    use: { call: ToolCall; context: CallContext; messages: readonly ChatTurn[] },
  ): Promise<ToolOutput>;
}

export interface ToolUse {
  tool: string;
  input: unknown;
  output?: string;
  error?: string;
}

export interface ToolLoop {
  messages: ChatTurn[];
  tools: LoopTool[];
  /** Model turns that count: tool-calling turns and the answer (a rejected reply is not one). */
  maxSteps: number;
  /** Rejected replies (empty, or invalid calls under re-ask) allowed before the item fails. */
  attempts: number;
  invalidCalls: InvalidCallPolicy;
}

export interface ToolAnswer {
  text: string;
  usage: Usage;
  model: string;
  toolUses: ToolUse[];
  /** What the loop added to the conversation: tool-calling turns, tool results and the answer. */
  turns: ChatTurn[];
}

/** Tool outputs are cut to this size before they go back to the model (and into metadata). */
const OUTPUT_CHARS = 4000;

/** A LangChain tool in the loop: traced like a model call, its output cut short, its failure shown to the model. */
export function realTool(tool: StructuredToolInterface): LoopTool {
  const { $schema: _draft, ...parameters } = z.toJSONSchema(tool.schema as z.ZodType) as Record<string, unknown>;
  return {
    spec: { name: tool.name, description: tool.description, parameters },
    schema: tool.schema as z.ZodType,
    async run(input, { context }) {
      try {
        const output = await tool.invoke(input as never, traceConfig(context, tool.name));
        return { output: String(output).slice(0, OUTPUT_CHARS) };
      } catch (error) {
        return { error: (error as Error).message };
      }
    },
  };
}

/** A call's arguments as parsed JSON (or the raw text) and, once they pass the tool's schema, as the tool reads them. */
interface CheckedCall {
  call: ToolCall;
  input: unknown;
  args?: unknown;
  issues: string[];
}

function checkCall(call: ToolCall, tools: Map<string, LoopTool>): CheckedCall {
  const name = call.function.name;
  const invalid = (input: unknown, issues: string[]) => ({
    call,
    input,
    issues: issues.map((issue) => `${name}: ${issue}`),
  });
  const tool = tools.get(name);
  if (!tool) return invalid(call.function.arguments, [`no such tool; available: ${[...tools.keys()].join(", ")}`]);
  let input: unknown;
  try {
    input = JSON.parse(call.function.arguments || "{}");
  } catch (error) {
    return invalid(call.function.arguments, [`arguments are not valid JSON (${(error as Error).message})`]);
  }
  const parsed = tool.schema.safeParse(input);
  if (!parsed.success) return invalid(input, formatZodIssues(parsed.error.issues));
  return { call, input, args: parsed.data, issues: [] };
}

/** The loop's accept: an answer must have text; under re-ask every call must be valid. */
function judge(result: ChatResult, tools: Map<string, LoopTool>, policy: InvalidCallPolicy): Verdict<CheckedCall[]> {
  if (result.toolCalls.length === 0) {
    return result.text.trim() ? { ok: true, value: [] } : { ok: false, issues: ["the answer was empty"] };
  }
  const checked = result.toolCalls.map((call) => checkCall(call, tools));
  const issues = checked.flatMap((entry) => entry.issues);
  return policy === "re-ask" && issues.length > 0 ? { ok: false, issues } : { ok: true, value: checked };
}

/** Sent once with the next request, never kept: the conversation holds only calls that ran. */
function reaskTurn(issues: string[]): ChatTurn {
  return {
    role: "user",
    content: `Your last reply made tool calls that cannot run:\n${issues.map((issue) => `- ${issue}`).join("\n")}\nReply again: call the tools with arguments that match their schemas, or answer in text.`,
  };
}

export async function answerWithTools(
  gateway: ModelGateway,
  loop: ToolLoop,
  context: (step: number) => CallContext,
): Promise<ToolAnswer> {
  const messages = [...loop.messages];
  const tools = new Map(loop.tools.map((tool) => [tool.spec.name, tool]));
  const specs = loop.tools.map((tool) => tool.spec);
  const usage = noUsage();
  const toolUses: ToolUse[] = [];
  let rejected = 0;
  let reask: ChatTurn | undefined;
  for (let step = 1; step <= loop.maxSteps; ) {
    // On the last turn the tools are withdrawn, so the model has to answer; without tools the request is plain.
    const offer = step < loop.maxSteps && specs.length > 0;
    const callContext = context(step);
    const result = await gateway.complete(
      { role: "respond", messages: reask ? [...messages, reask] : [...messages], ...(offer ? { tools: specs } : {}) },
      callContext,
      (reply) => judge(reply, tools, loop.invalidCalls),
    );
    addUsage(usage, result.usage);
    if (!result.verdict.ok) {
      rejected += 1;
      const raw = result.toolCalls.length > 0 ? JSON.stringify(result.toolCalls) : result.text;
      if (rejected >= loop.attempts)
        throw new OutputInvalidError(callContext.agent, raw, result.verdict.issues, rejected);
      reask = result.toolCalls.length > 0 ? reaskTurn(result.verdict.issues) : undefined;
      continue;
    }
    reask = undefined;
    if (result.toolCalls.length === 0) {
      const text = result.text.trim();
      messages.push({ role: "assistant", content: text });
      return { text, usage, model: result.model, toolUses, turns: messages.slice(loop.messages.length) };
    }
    messages.push({ role: "assistant", content: result.text, tool_calls: result.toolCalls });
    for (const { call, input, args, issues } of result.verdict.value) {
      const tool = tools.get(call.function.name);
      const ran: ToolOutput =
        tool && issues.length === 0
          ? await tool.run(args, { call, context: callContext, messages })
          : { error: issues.join("; ") };
      if ("error" in ran) toolUses.push({ tool: call.function.name, input, error: ran.error });
      else {
        if (ran.usage) addUsage(usage, ran.usage);
        toolUses.push({ tool: call.function.name, input, output: ran.output });
      }
      // The model sees an error as the tool's result and can correct itself; the record keeps it.
      messages.push({
        role: "tool",
        content: "error" in ran ? `Error: ${ran.error}` : ran.output,
        tool_call_id: call.id,
      });
    }
    step += 1;
  }
  throw new OutputInvalidError(
    context(loop.maxSteps).agent,
    "",
    [`no answer after ${loop.maxSteps} turns`],
    loop.maxSteps,
  );
}
