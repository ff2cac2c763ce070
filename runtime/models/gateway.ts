// The model gateway: every LLM call of a run goes through one. This base owns, once, what every call needs:
// per endpoint and model an adaptive concurrency limit, rate-limit pacing and a circuit breaker, the retry policy
// (the only retry layer: adapters' clients never retry), the response cache that makes a resumed run (or, with a
// lasting cache, any later run) pay nothing twice, the call log with each call's cost, and the tracing names and
// tags that make LangSmith traces searchable. An adapter (model-adapter.ts) owns only a provider's wire format.
import { ModelCallError, type ServerUnreachableError } from "../errors.js";
import { sha256, stableStringify } from "../hash.js";
import type { CallLog, CallRecord, ResponseCache } from "../store/run-store.js";
import { AdaptiveConcurrency, type Outcome } from "./adaptive-concurrency.js";
import type { Budget } from "./budget.js";
import { CircuitBreaker } from "./circuit-breaker.js";
import type { ModelAdapter, WireReply, WireRequest } from "./model-adapter.js";
import { type ModelRole, modelLabel, type ResolvedModel } from "./model-roles.js";
import { baseUrlOf, PROBE_TIMEOUT_MS, probeEndpoint } from "./preflight.js";
import { costOf, type Price, priceFor } from "./prices.js";
import { type EndpointPace, endpointOf, RateLimits, type Reservation } from "./rate-limits.js";
import { type FailureClass, type RetryPolicy, retryDelay } from "./retry-policy.js";
import { sleep } from "./sleep.js";
import { guessRequestTokens } from "./token-estimate.js";
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
  /** What an answered call cost (0 from cache); absent when the price is unknown or the attempt failed. */
  costUsd?: number;
}

export interface GatewayOptions {
  adapter: ModelAdapter;
  models: Record<ModelRole, ResolvedModel>;
  /** The most requests in flight at once, per model; the adaptive limit moves between 1 and this. */
  concurrency: number;
  /** Per-minute limits, and what the providers' headers teach (the adapter that reads them shares this). */
  rateLimits?: RateLimits;
  /** How long an endpoint may stay unreachable mid-run before the run stops (default 20 s). */
  outageMs?: number;
  /** The circuit breaker gave up on an endpoint: the runner stops the run, resumably. */
  onOutage?: (error: ServerUnreachableError) => void;
  /** A server stopped answering and calls to it wait while it is probed (`reason`), or it is back (undefined). */
  onPause?: (url: string, reason: string | undefined) => void;
  retry: RetryPolicy;
  /** The run's cache (run.db), or the lasting cache shared between runs (`--cache`): runner/run-skills.ts picks one. */
  cache: ResponseCache;
  /** The run seed: part of every cache key, so runs with the same seed share replies and other seeds do not. */
  seed?: number;
  calls: CallLog;
  /** Price overrides per model label (the config's `prices`); see prices.ts. */
  prices?: Readonly<Record<string, Price>>;
  /** The run's hard budget: every call reserves its estimated cost before it is sent (budget.ts). */
  budget?: Budget;
  onCall?: (event: CallEvent) => void;
}

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

/** A call's cost before it is sent, from a cheap size guess (a budget refuses to start without prices). */
function estimatedCost(model: ResolvedModel, request: ChatRequest, price: Price | undefined): number {
  const guess = guessRequestTokens({ ...request, model });
  return costOf({ input_tokens: guess.input, output_tokens: guess.output }, price) ?? 0;
}

const acceptAll = (result: ChatResult): Verdict<ChatResult> => ({ ok: true, value: result });

/** What one endpoint and model's requests go through before they are sent. */
interface Endpoint {
  concurrency: AdaptiveConcurrency;
  pace: EndpointPace;
  breaker: CircuitBreaker;
}

/** What a failed attempt says about the server's load, for the adaptive limit. */
const outcomeOf = (failure: FailureClass): Outcome => (failure.congestion ? "congestion" : "neutral");

export class Gateway implements ModelGateway {
  private readonly endpoints = new Map<string, Endpoint>();
  private readonly breakers = new Map<string, CircuitBreaker>();
  private readonly rateLimits: RateLimits;

  constructor(private readonly options: GatewayOptions) {
    this.rateLimits = options.rateLimits ?? new RateLimits();
  }

  modelFor(role: ModelRole): ResolvedModel {
    return this.options.models[role];
  }

  /** Time held back by rate limits so far, and the adaptive concurrency now (summed over endpoints). */
  get pacing(): { rateLimitWaitMs: number; concurrency: number } {
    let concurrency = 0;
    for (const endpoint of this.endpoints.values()) concurrency += endpoint.concurrency.limit;
    return { rateLimitWaitMs: this.rateLimits.waitedMs, concurrency };
  }

  private limitFor(model: ResolvedModel): Endpoint {
    const key = endpointOf(model);
    let endpoint = this.endpoints.get(key);
    if (!endpoint) {
      endpoint = {
        concurrency: new AdaptiveConcurrency({ max: this.options.concurrency }),
        pace: this.rateLimits.paceFor(model),
        breaker: this.breakerFor(model),
      };
      this.endpoints.set(key, endpoint);
    }
    return endpoint;
  }

  /** One breaker per server: models behind the same URL and key go down together. */
  private breakerFor(model: ResolvedModel): CircuitBreaker {
    const url = baseUrlOf(model);
    const key = JSON.stringify([url, model.apiKey]);
    let breaker = this.breakers.get(key);
    if (!breaker) {
      breaker = new CircuitBreaker({
        url,
        probe: () => probeEndpoint(url, model.apiKey, PROBE_TIMEOUT_MS),
        outageMs: this.options.outageMs ?? 20_000,
        onOutage: this.options.onOutage,
        onPause: (reason) => this.options.onPause?.(url, reason),
      });
      this.breakers.set(key, breaker);
    }
    return breaker;
  }

  async complete<T = ChatResult>(
    request: ChatRequest,
    context: CallContext,
    accept: Accept<T> = acceptAll as unknown as Accept<T>,
  ): Promise<JudgedResult<T>> {
    const model = this.modelFor(request.role);
    const key = cacheKey(model, request, this.options.seed, context.sample);
    const price = priceFor(model, this.options.prices);
    // Every call is logged once, whether answered from cache, by the model, or failed for good, with its cost
    // (a cache hit or a failure with usage 0 costs 0) unless the price is unknown.
    const log = (
      fields: Pick<CallRecord, "usage" | "latencyMs" | "attempts" | "cached" | "error" | "savedUsd" | "savedUsage">,
    ) => {
      const costUsd = costOf(fields.usage, price);
      return this.options.calls.recordCall({
        itemId: context.itemId,
        agent: context.agent,
        role: request.role,
        model: modelLabel(model),
        ...fields,
        ...(costUsd !== undefined ? { costUsd } : {}),
      });
    };

    const cached = await this.options.cache.getCachedResponse(key);
    if (cached !== undefined) {
      const result: ChatResult = { ...(JSON.parse(cached) as ChatResult), cached: true };
      const verdict = accept(result);
      if (verdict.ok) {
        // A hit costs nothing; the log keeps what the original call cost, so status can say what the cache saved.
        const savedUsd = costOf(result.usage, price);
        await log({
          usage: noUsage(),
          latencyMs: 0,
          attempts: 0,
          cached: true,
          savedUsage: result.usage,
          ...(savedUsd !== undefined ? { savedUsd } : {}),
        });
        this.options.onCall?.({ ok: true, cached: true, usage: noUsage(), ...(price ? { costUsd: 0 } : {}) });
        return { ...result, verdict, cacheKey: key };
      }
      // Accepted once, rejected now (the caller's checks changed): ask the model instead of replaying it.
      await this.options.cache.deleteCachedResponse(key);
    }

    // Reserved before the call queues for a slot, so calls waiting to be sent count against the budget too.
    const reservation = await this.options.budget?.reserve(estimatedCost(model, request, price));
    const started = performance.now();
    let sent: { reply: WireReply; attempts: number };
    try {
      sent = await this.send(model, request, context, (error, attempt) =>
        log({ usage: noUsage(), latencyMs: performance.now() - started, attempts: attempt, cached: false, error }),
      );
    } catch (error) {
      await reservation?.release();
      throw error;
    }
    const { reply, attempts } = sent;
    const costUsd = costOf(reply.usage, price);
    await reservation?.settle(costUsd ?? 0);
    const result: ChatResult = { ...reply, model: modelLabel(model), cached: false };
    try {
      const verdict = accept(result);
      // Cache before logging: once an accepted answer is on disk, a crash from here on costs nothing to redo.
      if (verdict.ok) await this.options.cache.putCachedResponse(key, context.itemId, JSON.stringify(result));
      return { ...result, verdict, cacheKey: key };
    } finally {
      await log({ usage: result.usage, latencyMs: performance.now() - started, attempts, cached: false });
      this.options.onCall?.({
        ok: true,
        cached: false,
        usage: result.usage,
        ...(costUsd !== undefined ? { costUsd } : {}),
      });
    }
  }

  async forget(cacheKeys: readonly string[]): Promise<void> {
    for (const key of cacheKeys) await this.options.cache.deleteCachedResponse(key);
  }

  /**
   * The retry loop: the adapter says what a failure is, the policy how long to wait. Each attempt waits for the
   * breaker (a server that is away), a concurrency slot, then the rate buckets, in that order: a request that holds
   * a slot while it waits for the buckets keeps no other request from going sooner.
   */
  private async send(
    model: ResolvedModel,
    request: ChatRequest,
    context: CallContext,
    logFailure: (error: string, attempt: number) => Promise<void>,
  ): Promise<{ reply: WireReply; attempts: number }> {
    const { adapter, retry: policy } = this.options;
    const endpoint = this.limitFor(model);
    const wire = { model, messages: request.messages, json: request.json, tools: request.tools };
    const call = { signal: context.signal, trace: traceConfig(context) };
    for (let attempt = 1; ; attempt += 1) {
      await endpoint.breaker.ready(context.signal);
      const slot = await endpoint.concurrency.acquire(context.signal);
      let reservation: Reservation | undefined;
      try {
        reservation = await endpoint.pace.reserve(wire, context.signal);
        context.signal?.throwIfAborted();
        const reply = await adapter.send(wire, call);
        endpoint.pace.settle(reservation, reply.usage);
        endpoint.concurrency.release(slot, "success");
        endpoint.breaker.record({ ok: true });
        return { reply, attempts: attempt };
      } catch (error) {
        const failure = adapter.classify(error);
        if (reservation) endpoint.pace.settle(reservation);
        endpoint.concurrency.release(slot, failure.aborted ? "neutral" : outcomeOf(failure));
        if (failure.aborted || context.signal?.aborted) throw error;
        // A 4xx other than 429 is an answer from a working server; 429 is load, which pacing handles.
        const serverFailed = failure.status === undefined || failure.status >= 500;
        endpoint.breaker.record(serverFailed ? { ok: false, connection: failure.connection } : { ok: true });
        this.options.onCall?.({ ok: false, cached: false, usage: noUsage() });
        // The server is away and being probed: this attempt does not count, the next waits for the breaker.
        if (failure.connection !== undefined && endpoint.breaker.open) {
          attempt -= 1;
          continue;
        }
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
