/**
 * A token-bucket rate limiter.
 *
 * The bucket holds up to `capacity` tokens and gains `refillPerSecond` tokens
 * every second, continuously rather than in steps. Each operation spends one
 * or more tokens, so short bursts of up to `capacity` operations are allowed
 * while the long-run rate can never exceed `refillPerSecond`.
 *
 * @example
 * const limiter = new TokenBucket({ capacity: 5, refillPerSecond: 2 });
 * for (const url of urls) {
 *   await limiter.acquire(); // at most 5 at once, then 2 per second
 *   void fetch(url);
 * }
 */

/** Options accepted by the {@link TokenBucket} constructor. */
export interface TokenBucketOptions {
  /** Maximum number of tokens the bucket can hold (the burst size). */
  capacity: number;
  /** Tokens added per second. */
  refillPerSecond: number;
  /** Tokens available at construction. Defaults to `capacity`. */
  initialTokens?: number;
  /** Clock returning milliseconds. Defaults to `Date.now`; inject one in tests. */
  now?: () => number;
}

export class TokenBucket {
  readonly capacity: number;
  readonly refillPerSecond: number;
  private tokens: number;
  private lastRefill: number;
  private readonly now: () => number;
  /** Tail of the chain of waiting callers, so they are served first come, first served. */
  private queue: Promise<void> = Promise.resolve();

  constructor(options: TokenBucketOptions) {
    const { capacity, refillPerSecond, initialTokens = capacity, now = Date.now } = options;
    if (!Number.isFinite(capacity) || capacity <= 0) {
      throw new RangeError(`capacity must be a positive number, got ${capacity}`);
    }
    if (!Number.isFinite(refillPerSecond) || refillPerSecond <= 0) {
      throw new RangeError(`refillPerSecond must be a positive number, got ${refillPerSecond}`);
    }
    this.capacity = capacity;
    this.refillPerSecond = refillPerSecond;
    this.tokens = Math.min(Math.max(initialTokens, 0), capacity);
    this.now = now;
    this.lastRefill = now();
  }

  /** Number of tokens available right now (may be fractional). */
  available(): number {
    this.refill();
    return this.tokens;
  }

  /**
   * Takes `count` tokens if they are available and reports whether it did.
   * Never waits.
   */
  tryAcquire(count = 1): boolean {
    this.checkCount(count);
    this.refill();
    if (this.tokens < count) {
      return false;
    }
    this.tokens -= count;
    return true;
  }

  /** Milliseconds until `count` tokens will be available; 0 if they already are. */
  msUntilAvailable(count = 1): number {
    this.checkCount(count);
    this.refill();
    const deficit = count - this.tokens;
    return deficit <= 0 ? 0 : Math.ceil((deficit / this.refillPerSecond) * 1000);
  }

  /**
   * Waits until `count` tokens are available, then takes them. Callers are
   * served in the order they called `acquire`, so a large request cannot be
   * starved by a stream of small ones.
   *
   * @param count - tokens to take; must not exceed `capacity`.
   * @param signal - optional signal; aborting it rejects the promise with the
   *   signal's reason and takes no tokens.
   */
  acquire(count = 1, signal?: AbortSignal): Promise<void> {
    this.checkCount(count);
    const turn = this.queue.then(() => this.waitFor(count, signal));
    // A rejected turn (an aborted caller) must not block the callers behind it.
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitFor(count: number, signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      if (this.tryAcquire(count)) {
        return;
      }
      await sleep(this.msUntilAvailable(count), signal);
    }
  }

  /**
   * Adds the tokens earned since the last refill: elapsed seconds multiplied
   * by the refill rate, capped at `capacity`. A clock that moves backwards is
   * treated as no time having passed.
   */
  private refill(): void {
    const current = this.now();
    const elapsedSeconds = Math.max(0, current - this.lastRefill) / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + elapsedSeconds * this.refillPerSecond);
    this.lastRefill = current;
  }

  private checkCount(count: number): void {
    if (!Number.isFinite(count) || count <= 0 || count > this.capacity) {
      throw new RangeError(`count must be in (0, ${this.capacity}], got ${count}`);
    }
  }
}

/** Resolves after `ms` milliseconds, or rejects early if `signal` is aborted. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
