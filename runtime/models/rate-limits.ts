// Pacing against a provider's per-minute limits, per endpoint and model: token buckets (the `limiter` package)
// for requests, tokens, input and output tokens. A request reserves 1 request and its estimated tokens before it
// is sent and the reservation is corrected from the reply's usage. Limits come from the user (flags, config) and
// from the provider's own headers on every response (rate-limit-headers.ts); where both say something, the lower
// rate holds.
import { TokenBucket } from "limiter";
import { stableStringify } from "../hash.js";
import type { WireRequest } from "./model-adapter.js";
import { modelLabel, type ResolvedModel } from "./model-roles.js";
import { type HeaderReadings, LIMIT_KINDS, type LimitKind } from "./rate-limit-headers.js";
import { sleep } from "./sleep.js";
import { guessRequestTokens } from "./token-estimate.js";
import type { Usage } from "./usage.js";

/** Per-minute limits of one endpoint and model. */
export interface RateLimitSettings {
  rpm?: number;
  /** Input plus output tokens per minute. */
  tpm?: number;
  inputTpm?: number;
  outputTpm?: number;
}

/** The defaults for every model, and per model label (`provider:name`) settings that replace them field by field. */
export interface RateLimitOptions extends RateLimitSettings {
  models?: Record<string, RateLimitSettings>;
}

/** Where a model's requests queue: one endpoint and model name, whatever the sampling settings. */
export const endpointOf = (model: ResolvedModel) =>
  stableStringify([model.provider, model.baseURL ?? null, model.name]);

const MINUTE_MS = 60_000;
/**
 * How much of the allowance may go at once: a second's worth. Providers' buckets hold a whole minute, but a client
 * that bursts a minute's allowance at start-up meets any other user of the same key, or a provider that counts in
 * shorter windows, with a wall of 429s; after the first second the pace is the full rate either way.
 */
const BURST_MS = 1000;

const SETTING_OF: Record<LimitKind, keyof RateLimitSettings> = {
  requests: "rpm",
  tokens: "tpm",
  inputTokens: "inputTpm",
  outputTokens: "outputTpm",
};

type Amounts = Record<LimitKind, number>;

/** What a request took from the buckets, handed back (and corrected) when it settles. */
export interface Reservation {
  taken: Array<{ bucket: TokenBucket; kind: LimitKind; amount: number }>;
}

const NOTHING: Reservation = { taken: [] };

/** The buckets of one endpoint and model. */
export class EndpointPace {
  private readonly buckets: Partial<Record<LimitKind, TokenBucket>> = {};
  private readonly learned: Partial<Record<LimitKind, number>> = {};
  /** The provider's "minute" as its reset times show it (a test server may scale it), and how sure we are of it. */
  private windowMs = MINUTE_MS;
  private windowEvidence = 0;
  /** Requests wait their turn in order, so a large request is not starved by small ones. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly configured: RateLimitSettings,
    private readonly clock: WaitClock,
  ) {
    for (const kind of LIMIT_KINDS) this.apply(kind);
  }

  /** Whether any limit is known (no bucket: nothing to wait for, nothing to estimate). */
  get limited(): boolean {
    return Object.keys(this.buckets).length > 0;
  }

  /** Waits until the buckets hold this request's share, then takes it. */
  async reserve(
    request: Pick<WireRequest, "model" | "messages" | "json" | "tools">,
    signal?: AbortSignal,
  ): Promise<Reservation> {
    if (!this.limited) return NOTHING;
    const guess = guessRequestTokens(request);
    const amounts: Amounts = {
      requests: 1,
      tokens: guess.input + guess.output,
      inputTokens: guess.input,
      outputTokens: guess.output,
    };
    const turn = this.queue.then(() => this.take(amounts, signal));
    this.queue = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  /** Gives back what the request did not use (all its tokens when it failed: no reply, nothing counted). */
  settle(reservation: Reservation, usage?: Usage): void {
    const used: Amounts = {
      requests: 1,
      tokens: usage ? usage.input_tokens + usage.output_tokens : 0,
      inputTokens: usage?.input_tokens ?? 0,
      outputTokens: usage?.output_tokens ?? 0,
    };
    for (const { bucket, kind, amount } of reservation.taken) {
      if (kind === "requests") continue;
      bucket.drip();
      bucket.content = Math.min(bucket.bucketSize, bucket.content + amount - used[kind]);
    }
  }

  /** What a response's headers say: the allowance sets the rate, `remaining` caps what we think is left. */
  learn(readings: HeaderReadings): void {
    for (const kind of LIMIT_KINDS) {
      const reading = readings[kind];
      if (!reading) continue;
      // The reset is the time to refill the deficit, so it tells the window's length. `remaining` is rounded
      // down, so a deficit of a unit or two says little; the largest deficit seen is the best evidence.
      const deficit = reading.limit - reading.remaining;
      if (deficit >= 2 && deficit > this.windowEvidence && reading.resetMs > 0) {
        this.windowEvidence = deficit;
        this.windowMs = Math.min(MINUTE_MS, (reading.resetMs * reading.limit) / (deficit - 0.5));
      }
      this.learned[kind] = reading.limit;
    }
    for (const kind of LIMIT_KINDS) {
      const reading = readings[kind];
      if (!reading) continue;
      const bucket = this.apply(kind);
      if (!bucket) continue;
      bucket.drip();
      bucket.content = Math.min(bucket.content, reading.remaining);
    }
  }

  private rateOf(kind: LimitKind): number | undefined {
    const told = this.configured[SETTING_OF[kind]];
    const learned = this.learned[kind];
    const rates = [
      ...(told !== undefined ? [told / MINUTE_MS] : []),
      ...(learned !== undefined ? [learned / this.windowMs] : []),
    ];
    return rates.length > 0 ? Math.min(...rates) : undefined;
  }

  /** Creates or re-rates a limit's bucket; a new bucket starts full. */
  private apply(kind: LimitKind): TokenBucket | undefined {
    const rate = this.rateOf(kind);
    if (rate === undefined) return undefined;
    const size = Math.max(1, rate * BURST_MS);
    const existing = this.buckets[kind];
    if (existing) {
      existing.drip(); // what accrued at the old rate
      existing.tokensPerInterval = rate * BURST_MS;
      existing.bucketSize = size;
      existing.content = Math.min(existing.content, size);
      return existing;
    }
    const bucket = new TokenBucket({ bucketSize: size, tokensPerInterval: rate * BURST_MS, interval: BURST_MS });
    bucket.content = size;
    this.buckets[kind] = bucket;
    return bucket;
  }

  /**
   * Waits until every bucket holds the request's share (at most a full bucket: a request larger than the burst
   * waits for a full one), then takes all of it at once; a bucket may go below zero, which the next requests
   * wait out, so the rate over a minute holds whatever the request sizes.
   */
  private async take(amounts: Amounts, signal?: AbortSignal): Promise<Reservation> {
    this.clock.waiting(+1);
    try {
      for (;;) {
        signal?.throwIfAborted();
        let waitMs = 0;
        for (const kind of LIMIT_KINDS) {
          const bucket = this.buckets[kind];
          if (!bucket) continue;
          bucket.drip();
          const need = Math.min(amounts[kind], bucket.bucketSize);
          if (bucket.content < need) {
            const perMs = bucket.tokensPerInterval / bucket.interval;
            waitMs = Math.max(waitMs, Math.ceil((need - bucket.content) / perMs));
          }
        }
        if (waitMs === 0) break;
        await sleep(waitMs, signal);
      }
      const taken: Reservation["taken"] = [];
      for (const kind of LIMIT_KINDS) {
        const bucket = this.buckets[kind];
        if (!bucket) continue;
        bucket.content -= amounts[kind];
        taken.push({ bucket, kind, amount: amounts[kind] });
      }
      return { taken };
    } finally {
      this.clock.waiting(-1);
    }
  }
}

/** Wall-clock time during which at least one request waited on a bucket (not the sum over requests). */
class WaitClock {
  private waiters = 0;
  private since = 0;
  private total = 0;

  waiting(change: 1 | -1): void {
    if (change > 0 && this.waiters++ === 0) this.since = performance.now();
    if (change < 0 && --this.waiters === 0) this.total += performance.now() - this.since;
  }

  get waitedMs(): number {
    return this.total + (this.waiters > 0 ? performance.now() - this.since : 0);
  }
}

/** Every endpoint's pace for one run. */
export class RateLimits {
  private readonly paces = new Map<string, EndpointPace>();
  private readonly clock = new WaitClock();

  constructor(private readonly options: RateLimitOptions = {}) {}

  /** The pace of one endpoint and model; its settings are the defaults with its label's (provider:name) on top. */
  paceFor(model: ResolvedModel): EndpointPace {
    const key = endpointOf(model);
    let pace = this.paces.get(key);
    if (!pace) {
      const { models, ...defaults } = this.options;
      pace = new EndpointPace({ ...defaults, ...models?.[modelLabel(model)] }, this.clock);
      this.paces.set(key, pace);
    }
    return pace;
  }

  /** Time the run was held back by rate limits, in milliseconds. */
  get waitedMs(): number {
    return this.clock.waitedMs;
  }
}
