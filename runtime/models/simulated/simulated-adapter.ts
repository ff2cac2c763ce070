// A SIMULATED model behind the gateway: an in-process adapter that answers every request with the test server's
// default reply (simulated-reply.ts) and sends nothing anywhere. `agentinstruct estimate` runs the real flows
// against it. The request is shaped as @langchain/openai puts it on the wire, so the same request gets the same
// reply (and so the same follow-up calls) as from the test server.
import type { ChatTurn } from "../chat-turn.js";
import type { ModelAdapter, WireReply, WireRequest } from "../model-adapter.js";
import { classifyFailure } from "../retry-policy.js";
import type { Usage } from "../usage.js";
import { simulatedReply, type WireJson } from "./simulated-reply.js";

/** @langchain/openai sends the system prompt as a "developer" message to reasoning models (its isReasoningModel). */
function isReasoningModel(name: string): boolean {
  return /^o\d/.test(name) || (name.startsWith("gpt-5") && !name.startsWith("gpt-5-chat"));
}

/** Tool call arguments as LangChain re-serializes them: parsed, then JSON.stringify'd ({} when they do not parse). */
function reserialized(text: string): string {
  try {
    const value: unknown = JSON.parse(text);
    return JSON.stringify(value && typeof value === "object" && !Array.isArray(value) ? value : {});
  } catch {
    return "{}";
  }
}

function wireMessage(turn: ChatTurn, modelName: string): WireJson {
  if (turn.role === "system")
    return { role: isReasoningModel(modelName) ? "developer" : "system", content: turn.content };
  if (turn.role === "tool") return { role: "tool", content: turn.content, tool_call_id: turn.tool_call_id ?? "" };
  if (turn.role === "assistant" && turn.tool_calls?.length) {
    const toolCalls = turn.tool_calls.map((call) => ({
      id: call.id,
      type: "function",
      function: { name: call.function.name, arguments: reserialized(call.function.arguments) },
    }));
    return { role: "assistant", content: turn.content, tool_calls: toolCalls };
  }
  return { role: turn.role, content: turn.content };
}

/** The Chat Completions body the OpenAI adapter would send, as far as the reply depends on it. */
export function wireBody(request: WireRequest): WireJson {
  const { model, json, tools } = request;
  const body: WireJson = { model: model.name, messages: request.messages.map((turn) => wireMessage(turn, model.name)) };
  if (tools?.length) body.tools = tools.map((tool) => ({ type: "function", function: tool }));
  if (json && model.structuredOutput === "json_schema") {
    body.response_format = {
      type: "json_schema",
      json_schema: { name: json.name, schema: json.schema, strict: false },
    };
  } else if (json && model.structuredOutput === "json_object") body.response_format = { type: "json_object" };
  return body;
}

export interface SimulatedAdapterOptions {
  /** The usage to report for a request and its reply text (the estimate counts tokens exactly here). */
  usage(request: WireRequest, replyText: string): Usage;
}

export class SimulatedAdapter implements ModelAdapter {
  constructor(private readonly options: SimulatedAdapterOptions) {}

  async send(request: WireRequest, call: Parameters<ModelAdapter["send"]>[1]): Promise<WireReply> {
    call.signal?.throwIfAborted();
    const reply = simulatedReply(wireBody(request));
    const text = reply.content ?? "";
    const output = reply.toolCalls.length > 0 ? reply.toolCalls.map((tool) => tool.function.arguments).join("") : text;
    return {
      text,
      toolCalls: reply.toolCalls,
      usage: this.options.usage(request, output),
      finishReason: reply.toolCalls.length > 0 ? "tool_calls" : "stop",
    };
  }

  classify(error: unknown) {
    return classifyFailure(error);
  }
}
