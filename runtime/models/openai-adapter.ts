// The OpenAI-compatible wire format, through @langchain/openai (so calls nest in LangChain traces): chat turns to
// LangChain messages, the JSON request to a response_format, the reply back to text, tool calls and usage.
import type { BaseMessage } from "@langchain/core/messages";
import { AIMessage, HumanMessage, SystemMessage, ToolMessage } from "@langchain/core/messages";
import { ChatOpenAI } from "@langchain/openai";
import { stableStringify } from "../hash.js";
import type { ChatTurn, ToolCall } from "./chat-turn.js";
import { Gateway, type GatewayOptions } from "./gateway.js";
import type { ModelAdapter, WireReply, WireRequest } from "./model-adapter.js";
import type { ResolvedModel } from "./model-roles.js";
import { readLimitHeaders } from "./rate-limit-headers.js";
import { RateLimits } from "./rate-limits.js";
import { classifyFailure } from "./retry-policy.js";

/** Tool call arguments as LangChain wants them: an object (a call with broken JSON was shown its error already). */
function argumentsOf(call: ToolCall): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(call.function.arguments);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function toLangChain(turns: ChatTurn[]): BaseMessage[] {
  return turns.map((turn): BaseMessage => {
    if (turn.role === "tool") return new ToolMessage({ content: turn.content, tool_call_id: turn.tool_call_id ?? "" });
    if (turn.role === "system") return new SystemMessage(turn.content);
    if (turn.role === "user") return new HumanMessage(turn.content);
    return new AIMessage({
      content: turn.content,
      tool_calls: (turn.tool_calls ?? []).map((call) => ({
        id: call.id,
        name: call.function.name,
        args: argumentsOf(call),
        type: "tool_call" as const,
      })),
    });
  });
}

/** The raw tool calls of a reply (LangChain keeps the wire form, with unparsed arguments, beside its own). */
function toolCallsOf(message: BaseMessage): ToolCall[] {
  const raw = message.additional_kwargs?.tool_calls as
    | Array<{ id?: string; function?: { name?: string; arguments?: string } }>
    | undefined;
  return (raw ?? []).map((call, index) => ({
    id: call.id ?? `call_${index}`,
    type: "function" as const,
    function: { name: call.function?.name ?? "", arguments: call.function?.arguments ?? "" },
  }));
}

function textOf(message: BaseMessage): string {
  if (typeof message.content === "string") return message.content;
  return message.content
    .map((part) => (typeof part === "string" ? part : part.type === "text" ? String(part.text) : ""))
    .join("");
}

/**
 * The response_format for a JSON request. The openai SDK JSON.parses json_schema output itself and
 * throws on fenced or prose-wrapped JSON before we could see it; a `$parseRaw` hook (not sent, since
 * functions do not serialize) makes it hand us the raw text, which our parser then handles.
 */
function responseFormatFor(model: ResolvedModel, json: WireRequest["json"]): Record<string, unknown> | undefined {
  if (!json || model.structuredOutput === "prompt") return undefined;
  if (model.structuredOutput === "json_object") return { type: "json_object" };
  const format = { type: "json_schema", json_schema: { name: json.name, schema: json.schema, strict: false } };
  Object.defineProperty(format, "$parseRaw", { value: () => null, enumerable: false });
  return format;
}

/**
 * A signal for one request that follows the run's. The openai SDK adds an abort listener to the signal it is
 * given and never removes it: handed the run's signal, every call of a run would stay attached to it (a leak,
 * and a listener list each add walks, so calls got slower as a run went on). This one is dropped after the call.
 */
function callSignal(parent: AbortSignal | undefined): { signal: AbortSignal; dispose: () => void } | undefined {
  if (!parent) return undefined;
  const controller = new AbortController();
  if (parent.aborted) controller.abort(parent.reason);
  const follow = () => controller.abort(parent.reason);
  parent.addEventListener("abort", follow, { once: true });
  return { signal: controller.signal, dispose: () => parent.removeEventListener("abort", follow) };
}

export class OpenAICompatibleAdapter implements ModelAdapter {
  private readonly clients = new Map<string, ChatOpenAI>();

  /** `rateLimits` learns from the x-ratelimit-* (or anthropic-ratelimit-*) headers of every response. */
  constructor(private readonly options: { timeoutMs: number; rateLimits?: RateLimits }) {}

  /** fetch as the openai client uses it, reading each response's rate-limit headers on the way. */
  private fetchFor(model: ResolvedModel): typeof fetch | undefined {
    const rateLimits = this.options.rateLimits;
    if (!rateLimits) return undefined;
    const pace = rateLimits.paceFor(model);
    return async (input, init) => {
      const response = await fetch(input, init);
      pace.learn(readLimitHeaders(response.headers));
      return response;
    };
  }

  /** One client per endpoint and model, shared by every call of the run. */
  private clientFor(model: ResolvedModel): ChatOpenAI {
    const key = stableStringify({ ...model });
    let client = this.clients.get(key);
    if (!client) {
      client = new ChatOpenAI({
        model: model.name,
        apiKey: model.apiKey,
        temperature: model.temperature,
        ...(model.maxTokens !== undefined ? { maxTokens: model.maxTokens } : {}),
        configuration: {
          ...(model.baseURL ? { baseURL: model.baseURL } : {}),
          ...(this.options.rateLimits ? { fetch: this.fetchFor(model) } : {}),
        },
        timeout: this.options.timeoutMs,
        // The gateway is the one retry layer; LangChain's own retries would multiply with it.
        maxRetries: 0,
        // Streaming makes LangChain fetch a tokenizer table at run time, which hangs offline.
        streaming: false,
      });
      this.clients.set(key, client);
    }
    return client;
  }

  async send(request: WireRequest, call: Parameters<ModelAdapter["send"]>[1]): Promise<WireReply> {
    const responseFormat = responseFormatFor(request.model, request.json);
    const signal = callSignal(call.signal);
    let message: Awaited<ReturnType<ChatOpenAI["invoke"]>>;
    try {
      message = await this.clientFor(request.model).invoke(toLangChain(request.messages), {
        ...(responseFormat ? { response_format: responseFormat as never } : {}),
        ...(request.tools?.length
          ? { tools: request.tools.map((tool) => ({ type: "function" as const, function: tool })) }
          : {}),
        ...(signal ? { signal: signal.signal } : {}),
        ...call.trace,
      });
    } finally {
      signal?.dispose();
    }
    const finishReason = message.response_metadata?.finish_reason;
    return {
      text: textOf(message),
      toolCalls: toolCallsOf(message),
      usage: {
        input_tokens: message.usage_metadata?.input_tokens ?? 0,
        output_tokens: message.usage_metadata?.output_tokens ?? 0,
      },
      ...(typeof finishReason === "string" ? { finishReason } : {}),
    };
  }

  classify(error: unknown) {
    return classifyFailure(error);
  }
}

/** The gateway over OpenAI-compatible endpoints: the base with this adapter. */
export class OpenAICompatibleGateway extends Gateway {
  constructor(options: Omit<GatewayOptions, "adapter"> & { timeoutMs: number }) {
    const rateLimits = options.rateLimits ?? new RateLimits();
    super({
      ...options,
      rateLimits,
      adapter: new OpenAICompatibleAdapter({ timeoutMs: options.timeoutMs, rateLimits }),
    });
  }
}
