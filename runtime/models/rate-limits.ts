// Pacing against a provider's per-minute limits, per endpoint and model: token buckets for requests, tokens, input
// and output tokens, kept where every worker of the run draws from them (shared-limits.ts; in one process, the
// `limiter` package's). A request reserves 1 request and its estimated tokens before it
// is sent and the reservation is corrected from the reply's usage. Limits come from the user (flags, config) and
// from the provider's own headers on every response (rate-limit-headers.ts); where both say something, the lower
// rate holds.
import { stableStringify } from "../hash.js";
import { InProcessLimits } from "./limits-in-process.js";
import type { WireRequest } from "./model-adapter.js";
import { modelLabel, type ResolvedModel } from "./model-roles.js";
import { type HeaderReadings, LIMIT_KINDS, type LimitKind } from "./rate-limit-headers.js";
import type { BucketAdjustment, BucketSpec, LearnedLimits, SharedLimits } from "./shared-limits.js";
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

/** How long corrections wait for a request to carry them before they are written on their own. */
const FLUSH_MS = 200;

const SETTING_OF: Record<LimitKind, keyof RateLimitSettings> = {
  requests: "rpm",
  tokens: "tpm",
  inputTokens: "inputTpm",
  outputTokens: "outputTpm",
};

type Amounts = Record<LimitKind, number>;

/** What a request took from the buckets, handed back (and corrected) when it settles. */
export interface Reservation {
  taken: Array<{ bucket: BucketSpec; kind: LimitKind; amount: number }>;
}

const NOTHING: Reservation = { taken: [] };

/**
 * The limits of one endpoint and model: their rates (told, and learned from headers), and the buckets in the
 * run's shared state (shared-limits.ts), so every worker of the run draws from the same allowance.
 */
export class EndpointPace {
  private readonly rates: Partial<Record<LimitKind, BucketSpec>> = {};
  private readonly learned: Partial<Record<LimitKind, number>> = {};
  /** The provider's "minute" as its reset times show it (a test server may scale it), and how sure we are of it. */
  private windowMs = MINUTE_MS;
  private windowEvidence = 0;
  /** The window as this worker last shared it. */
  private sharedWindowMs: number | undefined;
  /** Requests wait their turn in order, so a large request is not starved by small ones. */
  private queue: Promise<void> = Promise.resolve();
  /** What other workers learned, read once before the first request. */
  private loaded: Promise<void> | undefined;
  /** Corrections for the shared buckets, carried by the next take (or flushed when none comes soon). */
  private readonly pending = new Map<string, BucketAdjustment>();
  private flushing: NodeJS.Timeout | undefined;
  /** Writes of what the headers taught, in order; a failure is thrown at the next request. */
  private writes: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(
    private readonly configured: RateLimitSettings,
    private readonly clock: WaitClock,
    private readonly shared: SharedLimits,
    private readonly endpoint: string,
  ) {
    for (const kind of LIMIT_KINDS) this.apply(kind);
  }

  /** Whether any limit is known (no bucket: nothing to wait for, nothing to estimate). */
  get limited(): boolean {
    return Object.keys(this.rates).length > 0;
  }

  /** Waits until the buckets hold this request's share, then takes it. */
  async reserve(
    request: Pick<WireRequest, "model" | "messages" | "json" | "tools">,
    signal?: AbortSignal,
  ): Promise<Reservation> {
    this.loaded ??= this.shared.loadLearned(this.endpoint).then((learned) => {
      if (learned) this.adopt(learned);
    });
    await this.loaded;
    if (this.failure !== undefined) throw this.failure;
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
      if (kind !== "requests" && amount !== used[kind]) this.correct(bucket, { give: amount - used[kind] });
    }
  }

  /** Notes a correction for the shared bucket: the next take carries it, so a call costs one round trip. */
  private correct(bucket: BucketSpec, change: { give?: number; most?: number }): void {
    const before = this.pending.get(bucket.key);
    const most = [before?.most, change.most].filter((value) => value !== undefined);
    this.pending.set(bucket.key, {
      bucket,
      give: (before?.give ?? 0) + (change.give ?? 0),
      ...(most.length > 0 ? { most: Math.min(...most) } : {}),
    });
    // No request may come for a while (the run is ending, or waiting elsewhere): the corrections go on their own.
    this.flushing ??= setTimeout(() => {
      this.flushing = undefined;
      const adjustments = this.takePending();
      if (adjustments.length > 0) this.write(() => this.shared.adjust(adjustments));
    }, FLUSH_MS).unref();
  }

  private takePending(): BucketAdjustment[] {
    const adjustments = [...this.pending.values()];
    this.pending.clear();
    return adjustments;
  }

  /** What a response's headers say: the allowance sets the rate, `remaining` caps what we think is left. */
  learn(readings: HeaderReadings): void {
    if (Object.keys(readings).length === 0) return;
    let changed = false;
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
      if (this.learned[kind] !== reading.limit) changed = true;
      this.learned[kind] = reading.limit;
    }
    // Shared for workers that join later: a new allowance, or a window that moved by more than 5% since it was
    // last shared (better evidence comes with nearly every response while a run ramps up; that is no news).
    const shared = this.sharedWindowMs;
    if (changed || shared === undefined || Math.abs(this.windowMs - shared) > shared * 0.05) {
      this.sharedWindowMs = this.windowMs;
      const learned = { limits: { ...this.learned }, windowMs: this.windowMs, windowEvidence: this.windowEvidence };
      this.write(() => this.shared.saveLearned(this.endpoint, learned));
    }
    for (const kind of LIMIT_KINDS) {
      const reading = readings[kind];
      if (!reading) continue;
      const bucket = this.apply(kind);
      // Only a provider's bucket nearly empty says more than ours: a second's allowance is all ours holds.
      if (bucket && reading.remaining < bucket.size) this.correct(bucket, { most: reading.remaining });
    }
  }

  /** What another worker learned, where it says more than this one knows. */
  private adopt(learned: LearnedLimits): void {
    if (learned.windowEvidence > this.windowEvidence) {
      this.windowMs = learned.windowMs;
      this.windowEvidence = learned.windowEvidence;
    }
    for (const kind of LIMIT_KINDS) {
      const limit = learned.limits[kind];
      if (limit !== undefined && this.learned[kind] === undefined) this.learned[kind] = limit;
    }
    for (const kind of LIMIT_KINDS) this.apply(kind);
  }

  private write(operation: () => Promise<void>): void {
    this.writes = this.writes.then(operation).catch((error: unknown) => {
      this.failure ??= error;
    });
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

  /** Sets a limit's rate and bucket size from what is told and learned now (the shared bucket follows). */
  private apply(kind: LimitKind): BucketSpec | undefined {
    const rate = this.rateOf(kind);
    if (rate === undefined) return undefined;
    const spec = { key: `${this.endpoint}|${kind}`, ratePerMs: rate, size: Math.max(1, rate * BURST_MS) };
    this.rates[kind] = spec;
    return spec;
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
        const taken: Reservation["taken"] = [];
        for (const kind of LIMIT_KINDS) {
          const bucket = this.rates[kind];
          if (bucket) taken.push({ bucket, kind, amount: amounts[kind] });
        }
        const waitMs = await this.shared.take(
          taken.map(({ bucket, amount }) => ({ ...bucket, amount })),
          this.takePending(),
        );
        if (waitMs === 0) return { taken };
        await sleep(waitMs, signal);
      }
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

  /** @param shared where the buckets live: this process unless the run's workers share them (open-limits.ts). */
  constructor(
    private readonly options: RateLimitOptions = {},
    private readonly shared: SharedLimits = new InProcessLimits(),
  ) {}

  /** The pace of one endpoint and model; its settings are the defaults with its label's (provider:name) on top. */
  paceFor(model: ResolvedModel): EndpointPace {
    const key = endpointOf(model);
    let pace = this.paces.get(key);
    if (!pace) {
      const { models, ...defaults } = this.options;
      pace = new EndpointPace({ ...defaults, ...models?.[modelLabel(model)] }, this.clock, this.shared, key);
      this.paces.set(key, pace);
    }
    return pace;
  }

  /** Time the run was held back by rate limits, in milliseconds. */
  get waitedMs(): number {
    return this.clock.waitedMs;
  }
}
