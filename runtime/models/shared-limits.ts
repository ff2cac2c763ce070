// The state that the rate limits (rate-limits.ts) and the hard budget (budget.ts) keep, behind one seam, so that
// they hold across every worker of a run instead of per process: token buckets per endpoint, model and limit, what
// the providers' headers taught, and the budget's spend and in-flight reservations. One backend per place workers
// meet: in this process (one process, or `estimate`), a SQLite file beside the run's run.db (processes on one
// machine), the run's Postgres database (many machines), or Redis when configured. Every backend passes the same
// suite (test/shared-limits.suite.ts). Times are on the backend's own clock (the database's, Redis's), so the
// machines' clocks need not agree.
import type { LimitKind } from "./rate-limit-headers.js";

/** One token bucket as a caller sees it now: refills at `ratePerMs`, holds at most `size`. */
export interface BucketSpec {
  key: string;
  ratePerMs: number;
  size: number;
}

export interface BucketTake extends BucketSpec {
  amount: number;
}

/**
 * Corrections a worker carries to the shared bucket with its next take, so a call costs one round trip: `give`
 * what settled requests did not use (negative: used more than reserved), at most to full; then at most `most`,
 * what the provider said remains.
 */
export interface BucketAdjustment {
  bucket: BucketSpec;
  give: number;
  most?: number;
}

/** What a provider's headers taught about one endpoint and model: its allowances and the length of its "minute". */
export interface LearnedLimits {
  limits: Partial<Record<LimitKind, number>>;
  windowMs: number;
  /** The largest deficit the window was measured from (rate-limits.ts): a better measurement replaces a worse. */
  windowEvidence: number;
}

export type ReserveOutcome = "reserved" | "wait" | "refused";

export interface BudgetReserve {
  /** Unique per reservation (worker id and a counter). */
  id: string;
  worker: string;
  usd: number;
  limitUsd: number;
  /** The worker is alive this long from now (as renewBudget). */
  ttlMs: number;
}

export interface SharedLimits {
  /**
   * Atomically: applies the adjustments, then over all the buckets refills each and takes every amount if each
   * bucket holds min(amount, size) (a bucket may go below zero, which later requests wait out); else takes nothing.
   * Returns 0 when taken, or how many milliseconds until the first bucket short of its share would hold it.
   */
  take(takes: readonly BucketTake[], adjustments?: readonly BucketAdjustment[]): Promise<number>;
  /** Applies adjustments on their own (when no request comes to carry them). */
  adjust(adjustments: readonly BucketAdjustment[]): Promise<void>;
  loadLearned(endpoint: string): Promise<LearnedLimits | undefined>;
  saveLearned(endpoint: string, learned: LearnedLimits): Promise<void>;

  /**
   * A worker joins the budget and is alive until `ttlMs` from now, renewed by `renewBudget`. The spend becomes the
   * larger of the count kept here and `spentBefore`, what the call log said when this worker started: the log lags
   * the count by the calls being written, and the count misses calls made without a budget; a worker that read the
   * log long before joining must not lower the count. When no other worker is alive, their reservations and a
   * reached mark are gone too. Returns the spend.
   */
  joinBudget(worker: string, spentBefore: number, ttlMs: number): Promise<number>;
  /**
   * Refused when the budget was reached at this limit or the spend alone leaves no room (then it is marked
   * reached); reserved when spend + live reservations + usd fit; else wait. Reservations of workers whose
   * renewal lapsed count no more.
   */
  reserve(reservation: BudgetReserve): Promise<{ outcome: ReserveOutcome; spentUsd: number }>;
  /**
   * The reservation's real cost replaces it (0: released). The cost counts even when the reservation had lapsed
   * (its worker was taken for dead but its call was answered): money spent is spent. Returns the spend.
   */
  settle(id: string, costUsd: number): Promise<number>;
  /** The worker is alive `ttlMs` from now (joining again if it had been taken for dead). */
  renewBudget(worker: string, ttlMs: number): Promise<void>;
  /** The worker leaves; its reservations go with it. */
  leaveBudget(worker: string): Promise<void>;
  close(): Promise<void>;
}

/** A bucket's content at `now`, refilled since it was last written (`at`); a bucket never seen starts full. */
export function refilled(row: { level: number; at: number } | undefined, spec: BucketSpec, now: number): number {
  if (!row) return spec.size;
  return Math.min(spec.size, row.level + Math.max(0, now - row.at) * spec.ratePerMs);
}

/**
 * The decision of one take, the same in every backend: `levels` holds every bucket's content refilled to now (by
 * key); the adjustments are applied, then the takes if every bucket holds its share. Returns the wait (0: taken)
 * and the contents to write back.
 */
export function decideTake(
  levels: Map<string, number>,
  takes: readonly BucketTake[],
  adjustments: readonly BucketAdjustment[] = [],
): { waitMs: number; levels: Map<string, number> } {
  const next = new Map(levels);
  for (const { bucket, give, most } of adjustments) {
    const level = Math.min(bucket.size, (next.get(bucket.key) ?? bucket.size) + give);
    next.set(bucket.key, most === undefined ? level : Math.min(level, most));
  }
  let waitMs = 0;
  for (const take of takes) {
    const need = Math.min(take.amount, take.size);
    const level = next.get(take.key) ?? take.size;
    if (level < need) waitMs = Math.max(waitMs, Math.ceil((need - level) / take.ratePerMs));
  }
  if (waitMs === 0) {
    for (const take of takes) next.set(take.key, (next.get(take.key) ?? take.size) - take.amount);
  }
  return { waitMs, levels: next };
}

/** Every bucket a take and its adjustments touch, once each, in key order (the order rows are locked in). */
export function touched(takes: readonly BucketTake[], adjustments: readonly BucketAdjustment[] = []): BucketSpec[] {
  const specs = new Map<string, BucketSpec>();
  for (const { bucket } of adjustments) specs.set(bucket.key, bucket);
  for (const take of takes) specs.set(take.key, take);
  return [...specs.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The budget's decision for one reservation, the same in every backend. */
export function decideReserve(
  state: { spent: number; reserved: number; reachedAt: number | null },
  usd: number,
  limitUsd: number,
): ReserveOutcome {
  if (state.reachedAt !== null && state.reachedAt >= limitUsd) return "refused";
  if (state.spent + usd > limitUsd) return "refused";
  return state.spent + state.reserved + usd <= limitUsd ? "reserved" : "wait";
}

/** The newer reading of the limits, and the better-measured window of the two. */
export function mergeLearned(before: LearnedLimits | undefined, now: LearnedLimits): LearnedLimits {
  if (!before || now.windowEvidence >= before.windowEvidence) return now;
  return { ...now, windowMs: before.windowMs, windowEvidence: before.windowEvidence };
}
