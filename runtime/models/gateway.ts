// The model gateway: every LLM call of a run goes through one. This base owns, once, what every call needs:
// a concurrency cap per model, the retry policy (the only retry layer: adapters' clients never retry), the
// response cache that makes a resumed run (or, with a lasting cache, any later run) pay nothing twice, the call
// log, and the tracing names and tags that make LangSmith traces searchable. An adapter (model-adapter.ts) owns
// only a provider's wire format.
import pLimit, { type LimitFunction } from "p-limit";
import { ModelCallError } from "../errors.js";
import { sha256, stableStringify } from "../hash.js";
import type { CallLog, CallRecord, ResponseCache } from "../store/run-store.js";
import type { ModelAdapter, WireReply, WireRequest } from "./model-adapter.js";
import { type ModelRole, modelLabel, type ResolvedModel } from "./model-roles.js";
import { costOf, type Price, priceFor } from "./prices.js";
import { type RetryPolicy, retryDelay } from "./retry-policy.js";
import { type CallContext, traceConfig } from "./trace-config.js";
import { noUsage, type Usage } from "./usage.js";

export type { ToolSpec } from "./model-adapter.js";

/** What an agent asks: the wire request's content, and the role whose model answers it. */
export interface ChatRequest extends Omit<WireRequest, "model"> {
  role: ModelRole;
}

export type { CallContext } from "./trace-config.js";

export interface ChatResult extends WireReply {
  /** The model's label (provider:name). */
  model: string;
  cached: boolean;
}

/** A caller's judgement of a reply: accepted with what it made of it, or rejected with the issues. */
export type Verdict<T> = { ok: true; value: T } | { ok: false; issues: string[] };
/** Judges a reply. Only an accepted reply is cached, so a rerun never replays one its caller rejected. */
export type Accept<T> = (result: ChatResult) => Verdict<T>;
export type JudgedResult<T> = ChatResult & {
  verdict: Verdict<T>;
  /** The reply's cache key: what `forget` takes when a later check drops the answer this reply made. */
  cacheKey: string;
};

export interface ModelGateway {
  /**
   * Ask the model (or the run's cache). `accept` judges the reply before it is cached; without it every
   * reply is accepted. A throw from `accept` propagates and nothing is cached.
   */
  complete<T = ChatResult>(request: ChatRequest, context: CallContext, accept?: Accept<T>): Promise<JudgedResult<T>>;
  /**
   * Remove these replies from the cache: the flow dropped the answer they made (verification disagreed, an edit
   * failed its goal's check), so a later run asks the model again instead of replaying them.
   */
  forget(cacheKeys: readonly string[]): Promise<void>;
  modelFor(role: ModelRole): ResolvedModel;
}

/** One call as the progress display sees it, after each attempt settles. */
export interface CallEvent {
  ok: boolean;
  cached: boolean;
  usage: Usage;
}

export interface GatewayOptions {
  adapter: ModelAdapter;
  models: Record<ModelRole, ResolvedModel>;
  /** Requests in flight at once, per model. */
  concurrency: number;
  retry: RetryPolicy;
  /** The run's cache (run.db), or the lasting cache shared between runs (`--cache`): runner/run-skills.ts picks one. */
  cache: ResponseCache;
  /** The run seed: part of every cache key, so runs with the same seed share replies and other seeds do not. */
  seed?: number;
  calls: CallLog;
  /** Price overrides per model label (the config's `prices`); see prices.ts. */
  prices?: Readonly<Record<string, Price>>;
  onCall?: (event: CallEvent) => void;
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

/** Where a model's requests queue: one endpoint and model name, whatever the sampling settings. */
const endpointOf = (model: ResolvedModel) => stableStringify([model.provider, model.baseURL ?? null, model.name]);

/**
 * Everything that decides a reply, so equal keys mean interchangeable replies: the model's settings (provider,
 * name, server, temperature, max tokens, structured-output mode; never the API key), the messages, the JSON
 * schema, the tools, the run seed, and the sample number of a deliberate second answer to the same request
 * (CallContext.sample). Identical requests with no sample number share one reply, within an item or across items.
 */
function cacheKey(model: ResolvedModel, request: ChatRequest, seed: number | undefined, sample = 1): string {
  const { apiKey: _secret, ...settings } = model;
  return sha256(
    stableStringify({
      model: settings,
      messages: request.messages,
      json: request.json ?? null,
      tools: request.tools ?? null,
      seed: seed ?? null,
      ...(sample > 1 ? { sample } : {}),
    }),
  );
}

const acceptAll = (result: ChatResult): Verdict<ChatResult> => ({ ok: true, value: result });

export class Gateway implements ModelGateway {
  private readonly limits = new Map<string, LimitFunction>();

  constructor(private readonly options: GatewayOptions) {}

  modelFor(role: ModelRole): ResolvedModel {
    return this.options.models[role];
  }

  private limitFor(model: ResolvedModel): LimitFunction {
    const endpoint = endpointOf(model);
    let limit = this.limits.get(endpoint);
    if (!limit) {
      limit = pLimit(this.options.concurrency);
      this.limits.set(endpoint, limit);
    }
    return limit;
  }

  async complete<T = ChatResult>(
    request: ChatRequest,
    context: CallContext,
    accept: Accept<T> = acceptAll as unknown as Accept<T>,
  ): Promise<JudgedResult<T>> {
    const model = this.modelFor(request.role);
    const key = cacheKey(model, request, this.options.seed, context.sample);
    // Every call is logged once, whether answered from cache, by the model, or failed for good.
    const log = (
      fields: Pick<CallRecord, "usage" | "latencyMs" | "attempts" | "cached" | "error" | "savedUsd" | "savedUsage">,
    ) =>
      this.options.calls.recordCall({
        itemId: context.itemId,
        agent: context.agent,
        role: request.role,
        model: modelLabel(model),
        ...fields,
      });

    const cached = await this.options.cache.getCachedResponse(key);
    if (cached !== undefined) {
      const result: ChatResult = { ...(JSON.parse(cached) as ChatResult), cached: true };
      const verdict = accept(result);
      if (verdict.ok) {
        // A hit costs nothing; the log keeps what the original call cost, so status can say what the cache saved.
        const savedUsd = costOf(result.usage, priceFor(model, this.options.prices));
        await log({
          usage: noUsage(),
          latencyMs: 0,
          attempts: 0,
          cached: true,
          savedUsage: result.usage,
          ...(savedUsd !== undefined ? { savedUsd } : {}),
        });
        this.options.onCall?.({ ok: true, cached: true, usage: noUsage() });
        return { ...result, verdict, cacheKey: key };
      }
      // Accepted once, rejected now (the caller's checks changed): ask the model instead of replaying it.
      await this.options.cache.deleteCachedResponse(key);
    }

    const started = performance.now();
    const { reply, attempts } = await this.send(model, request, context, (error, attempt) =>
      log({ usage: noUsage(), latencyMs: performance.now() - started, attempts: attempt, cached: false, error }),
    );
    const result: ChatResult = { ...reply, model: modelLabel(model), cached: false };
    try {
      const verdict = accept(result);
      // Cache before logging: once an accepted answer is on disk, a crash from here on costs nothing to redo.
      if (verdict.ok) await this.options.cache.putCachedResponse(key, context.itemId, JSON.stringify(result));
      return { ...result, verdict, cacheKey: key };
    } finally {
      await log({ usage: result.usage, latencyMs: performance.now() - started, attempts, cached: false });
      this.options.onCall?.({ ok: true, cached: false, usage: result.usage });
    }
  }

  async forget(cacheKeys: readonly string[]): Promise<void> {
    for (const key of cacheKeys) await this.options.cache.deleteCachedResponse(key);
  }

  /** The retry loop: the adapter says what a failure is, the policy how long to wait. */
  private async send(
    model: ResolvedModel,
    request: ChatRequest,
    context: CallContext,
    logFailure: (error: string, attempt: number) => Promise<void>,
  ): Promise<{ reply: WireReply; attempts: number }> {
    const { adapter, retry: policy } = this.options;
    const limit = this.limitFor(model);
    const wire = { model, messages: request.messages, json: request.json, tools: request.tools };
    const call = { signal: context.signal, trace: traceConfig(context) };
    for (let attempt = 1; ; attempt += 1) {
      try {
        const reply = await limit(() => {
          context.signal?.throwIfAborted();
          return adapter.send(wire, call);
        });
        return { reply, attempts: attempt };
      } catch (error) {
        const failure = adapter.classify(error);
        if (failure.aborted || context.signal?.aborted) throw error;
        this.options.onCall?.({ ok: false, cached: false, usage: noUsage() });
        if (!failure.retryable || attempt >= policy.maxAttempts) {
          const why = failure.retryable ? `gave up after ${attempt} attempts` : "not retryable";
          const callError = new ModelCallError(
            `${modelLabel(model)} request for ${context.skill}/${context.agent} failed (${why}): ${failure.message}`,
            failure.status,
            failure.retryable,
            attempt,
            { cause: error },
          );
          await logFailure(callError.message, attempt);
          throw callError;
        }
        await sleep(retryDelay(attempt, failure, policy), context.signal);
      }
    }
  }
}
