// The model gateway: every LLM call of a run goes through one of these. It owns, once, what every
// call needs: the concurrency cap, the retry policy (the only retry layer: the client's own retries
// are off), the response cache that makes a resumed run pay nothing twice, token accounting, and the
// tracing names and tags that make LangSmith traces searchable.
import type { BaseMessage } from "@langchain/core/messages";
import { AIMessage, HumanMessage, SystemMessage, ToolMessage } from "@langchain/core/messages";
import type { RunnableConfig } from "@langchain/core/runnables";
import { ChatOpenAI } from "@langchain/openai";
import pLimit, { type LimitFunction } from "p-limit";
import { type ModelRole, modelLabel, type ResolvedModel } from "../config.js";
import { ModelCallError } from "../errors.js";
import { sha256, stableStringify } from "../hash.js";
import type { RunStore } from "../store/run-store.js";
import { classifyFailure, type RetryPolicy, retryDelay } from "./retry-policy.js";

/** A tool call as the model made it: `arguments` is the raw JSON text, validated by the caller. */
export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

export type ChatMessage =
  | { role: "system" | "user"; content: string }
  | { role: "assistant"; content: string; toolCalls?: ToolCall[] }
  | { role: "tool"; content: string; toolCallId: string };

/** A function the model may call (OpenAI tools). */
export interface ToolSpec {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export interface ChatRequest {
  role: ModelRole;
  messages: ChatMessage[];
  /** Ask for JSON matching this schema (how depends on the model's structuredOutput mode). */
  json?: { name: string; schema: Record<string, unknown> };
  /** Functions the model may call. */
  tools?: ToolSpec[];
}

/** Who is calling: names the trace and attributes tokens. */
export interface CallContext {
  runId: string;
  skill: string;
  /** The stage of the flow: transform, instruct, suggest, edit, respond. */
  flow: string;
  agent: string;
  itemId: string;
  seedId: string;
  /**
   * A second independent answer to the same request (verification's regenerate): not sent, but part of the
   * cache key, so the first answer is not replayed in its place.
   */
  sample?: number;
  /** The LangGraph node's config, so the call nests under the graph's trace. */
  parent?: RunnableConfig;
  signal?: AbortSignal;
}

export interface ChatResult {
  text: string;
  /** The model's tool calls (empty when it answered in text). */
  toolCalls: ToolCall[];
  usage: { input_tokens: number; output_tokens: number };
  model: string;
  cached: boolean;
  /** Where the response sits in the run's cache. */
  cacheKey: string;
}

export interface ModelGateway {
  complete(request: ChatRequest, context: CallContext): Promise<ChatResult>;
  /** Drop a response from the cache: the caller rejected it, so a rerun must ask again, not replay it. */
  forget(result: ChatResult): Promise<void>;
  modelFor(role: ModelRole): ResolvedModel;
}

export interface GatewayOptions {
  models: Record<ModelRole, ResolvedModel>;
  concurrency: number;
  timeoutMs: number;
  retry: RetryPolicy;
  store: RunStore;
  /** Called after each request attempt settles (progress display). */
  onCall?: (event: { ok: boolean; cached: boolean; inputTokens: number; outputTokens: number }) => void;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function toLangChain(messages: ChatMessage[]): BaseMessage[] {
  return messages.map((message): BaseMessage => {
    if (message.role === "tool") return new ToolMessage({ content: message.content, tool_call_id: message.toolCallId });
    if (message.role !== "assistant") {
      return message.role === "system" ? new SystemMessage(message.content) : new HumanMessage(message.content);
    }
    return new AIMessage({
      content: message.content,
      tool_calls: (message.toolCalls ?? []).map((call) => ({
        id: call.id,
        name: call.name,
        args: JSON.parse(call.arguments) as Record<string, unknown>,
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
    name: call.function?.name ?? "",
    arguments: call.function?.arguments ?? "",
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
function responseFormatFor(model: ResolvedModel, json: ChatRequest["json"]): Record<string, unknown> | undefined {
  if (!json || model.structuredOutput === "prompt") return undefined;
  if (model.structuredOutput === "json_object") return { type: "json_object" };
  const format = { type: "json_schema", json_schema: { name: json.name, schema: json.schema, strict: false } };
  Object.defineProperty(format, "$parseRaw", { value: () => null, enumerable: false });
  return format;
}

export class OpenAICompatibleGateway implements ModelGateway {
  private readonly limit: LimitFunction;
  private readonly clients = new Map<string, ChatOpenAI>();

  constructor(private readonly options: GatewayOptions) {
    this.limit = pLimit(options.concurrency);
  }

  modelFor(role: ModelRole): ResolvedModel {
    return this.options.models[role];
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
        configuration: model.baseURL ? { baseURL: model.baseURL } : {},
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

  async forget(result: ChatResult): Promise<void> {
    await this.options.store.deleteCachedResponse(result.cacheKey);
  }

  async complete(request: ChatRequest, context: CallContext): Promise<ChatResult> {
    const model = this.modelFor(request.role);
    const label = modelLabel(model);
    const responseFormat = responseFormatFor(model, request.json);
    const cacheKey = sha256(
      stableStringify({
        model: model.name,
        baseURL: model.baseURL ?? null,
        temperature: model.temperature,
        maxTokens: model.maxTokens ?? null,
        messages: request.messages,
        responseFormat: responseFormat ?? null,
        tools: request.tools ?? null,
        ...(context.sample && context.sample > 1 ? { sample: context.sample } : {}),
      }),
    );
    const store = this.options.store;
    // Every call is logged once, whether answered from cache, by the model, or failed for good.
    const logCall = (fields: {
      inputTokens?: number;
      outputTokens?: number;
      latencyMs?: number;
      attempts: number;
      cached: boolean;
      error?: string;
    }) =>
      store.recordCall({
        itemId: context.itemId,
        agent: context.agent,
        role: request.role,
        model: label,
        inputTokens: fields.inputTokens ?? 0,
        outputTokens: fields.outputTokens ?? 0,
        latencyMs: fields.latencyMs ?? 0,
        attempts: fields.attempts,
        cached: fields.cached,
        ...(fields.error !== undefined ? { error: fields.error } : {}),
      });
    const cached = await store.getCachedResponse(cacheKey);
    if (cached !== undefined) {
      const result = JSON.parse(cached) as ChatResult;
      await logCall({ attempts: 0, cached: true });
      this.options.onCall?.({ ok: true, cached: true, inputTokens: 0, outputTokens: 0 });
      return { ...result, cached: true, cacheKey };
    }

    const client = this.clientFor(model);
    const started = performance.now();
    const policy = this.options.retry;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const message = await this.limit(() => {
          context.signal?.throwIfAborted();
          return client.invoke(toLangChain(request.messages), {
            ...(responseFormat ? { response_format: responseFormat as never } : {}),
            ...(request.tools?.length
              ? { tools: request.tools.map((tool) => ({ type: "function" as const, function: tool })) }
              : {}),
            signal: context.signal,
            callbacks: context.parent?.callbacks,
            runName: `${context.skill}/${context.agent}`,
            tags: [`skill:${context.skill}`, `flow:${context.flow}`, `agent:${context.agent}`],
            metadata: {
              run_id: context.runId,
              seed_id: context.seedId,
              thread_id: context.itemId,
              skill: context.skill,
              flow: context.flow,
              agent: context.agent,
            },
          });
        });
        const result: ChatResult = {
          text: textOf(message),
          toolCalls: toolCallsOf(message),
          usage: {
            input_tokens: message.usage_metadata?.input_tokens ?? 0,
            output_tokens: message.usage_metadata?.output_tokens ?? 0,
          },
          model: label,
          cached: false,
          cacheKey,
        };
        // Cache first: once the answer is on disk, a crash from here on costs nothing to redo.
        await store.putCachedResponse(cacheKey, context.itemId, JSON.stringify(result));
        await logCall({
          inputTokens: result.usage.input_tokens,
          outputTokens: result.usage.output_tokens,
          latencyMs: performance.now() - started,
          attempts: attempt,
          cached: false,
        });
        this.options.onCall?.({
          ok: true,
          cached: false,
          inputTokens: result.usage.input_tokens,
          outputTokens: result.usage.output_tokens,
        });
        return result;
      } catch (error) {
        const failure = classifyFailure(error);
        if (failure.aborted || context.signal?.aborted) throw error;
        this.options.onCall?.({ ok: false, cached: false, inputTokens: 0, outputTokens: 0 });
        if (!failure.retryable || attempt >= policy.maxAttempts) {
          const why = failure.retryable ? `gave up after ${attempt} attempts` : "not retryable";
          const callError = new ModelCallError(
            `${label} request for ${context.skill}/${context.agent} failed (${why}): ${failure.message}`,
            failure.status,
            failure.retryable,
            attempt,
            { cause: error },
          );
          await logCall({
            latencyMs: performance.now() - started,
            attempts: attempt,
            cached: false,
            error: callError.message,
          });
          throw callError;
        }
        await sleep(retryDelay(attempt, failure, policy), context.signal);
      }
    }
  }
}
