// The shared limits' state kept in this process: one process is all the run has (or `estimate`'s simulated run).
// The buckets are the `limiter` package's token buckets, re-rated in place when a limit changes.
import { TokenBucket } from "limiter";
import {
  type BucketAdjustment,
  type BucketSpec,
  type BucketTake,
  type BudgetReserve,
  decideReserve,
  decideTake,
  type LearnedLimits,
  mergeLearned,
  type ReserveOutcome,
  type SharedLimits,
  touched,
} from "./shared-limits.js";

export class InProcessLimits implements SharedLimits {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly learned = new Map<string, LearnedLimits>();
  private spent = 0;
  private reachedAt: number | null = null;
  private readonly reservations = new Map<string, BudgetReserve>();
  /** Each worker and when its claim on its reservations lapses, unless renewed. */
  private readonly workers = new Map<string, number>();

  /** The bucket at the caller's rate and size now: a new one starts full, a re-rated one keeps what accrued. */
  private bucket(spec: BucketSpec): TokenBucket {
    const perInterval = spec.ratePerMs * 1000;
    let bucket = this.buckets.get(spec.key);
    if (!bucket) {
      bucket = new TokenBucket({ bucketSize: spec.size, tokensPerInterval: perInterval, interval: 1000 });
      bucket.content = spec.size;
      this.buckets.set(spec.key, bucket);
      return bucket;
    }
    bucket.drip();
    if (bucket.tokensPerInterval !== perInterval || bucket.bucketSize !== spec.size) {
      bucket.tokensPerInterval = perInterval;
      bucket.bucketSize = spec.size;
      bucket.content = Math.min(bucket.content, spec.size);
    }
    return bucket;
  }

  async take(takes: readonly BucketTake[], adjustments: readonly BucketAdjustment[] = []): Promise<number> {
    const buckets = new Map(touched(takes, adjustments).map((spec) => [spec.key, this.bucket(spec)]));
    const levels = new Map([...buckets].map(([key, bucket]) => [key, bucket.content]));
    const decided = decideTake(levels, takes, adjustments);
    for (const [key, level] of decided.levels) {
      const bucket = buckets.get(key);
      if (bucket) bucket.content = level;
    }
    return decided.waitMs;
  }

  async adjust(adjustments: readonly BucketAdjustment[]): Promise<void> {
    await this.take([], adjustments);
  }

  async loadLearned(endpoint: string): Promise<LearnedLimits | undefined> {
    return this.learned.get(endpoint);
  }

  async saveLearned(endpoint: string, learned: LearnedLimits): Promise<void> {
    this.learned.set(endpoint, mergeLearned(this.learned.get(endpoint), learned));
  }

  /** Workers whose renewal lapsed are gone, and their reservations with them (as in every backend). */
  private forgetDead(now: number): void {
    for (const [worker, until] of this.workers) if (until <= now) this.workers.delete(worker);
    for (const [id, reservation] of this.reservations) {
      if (!this.workers.has(reservation.worker)) this.reservations.delete(id);
    }
  }

  async joinBudget(worker: string, spentBefore: number, ttlMs: number): Promise<number> {
    const now = Date.now();
    this.forgetDead(now);
    if (this.workers.size === 0) {
      this.reservations.clear();
      this.reachedAt = null;
    }
    this.spent = Math.max(this.spent, spentBefore);
    this.workers.set(worker, now + ttlMs);
    return this.spent;
  }

  async reserve(reservation: BudgetReserve): Promise<{ outcome: ReserveOutcome; spentUsd: number }> {
    const now = Date.now();
    this.forgetDead(now);
    this.workers.set(reservation.worker, now + reservation.ttlMs);
    let reserved = 0;
    for (const { usd } of this.reservations.values()) reserved += usd;
    const outcome = decideReserve(
      { spent: this.spent, reserved, reachedAt: this.reachedAt },
      reservation.usd,
      reservation.limitUsd,
    );
    if (outcome === "refused") this.reachedAt = Math.max(this.reachedAt ?? 0, reservation.limitUsd);
    if (outcome === "reserved") this.reservations.set(reservation.id, reservation);
    return { outcome, spentUsd: this.spent };
  }

  async settle(id: string, costUsd: number): Promise<number> {
    this.reservations.delete(id);
    this.spent += costUsd;
    return this.spent;
  }

  async renewBudget(worker: string, ttlMs: number): Promise<void> {
    this.workers.set(worker, Date.now() + ttlMs);
  }

  async leaveBudget(worker: string): Promise<void> {
    this.workers.delete(worker);
    for (const [id, reservation] of this.reservations) if (reservation.worker === worker) this.reservations.delete(id);
  }

  async close(): Promise<void> {}
}
