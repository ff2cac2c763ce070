// How many requests an endpoint gets at once, found out instead of assumed: AIMD (TCP's congestion control)
// between 1 and the configured maximum. Self-hosted servers (vLLM, TGI, Ollama) send no rate headers; they answer
// 429/503 "overloaded" or slow down into timeouts when given more than they can take.
// - Slow start: begin at min(4, max) and double after each window of successes (as many as the limit), until
//   the first congestion signal or the maximum.
// - Then additive increase: +1 per window of successes.
// - Either grows only when the limit was reached during the window: a run that never fills its slots learns
//   nothing about the server's capacity from its successes.
// - Multiplicative decrease: ×0.5 on a congestion signal (429, 503, overload, timeout), then a cool-down:
//   successes of requests sent before the decrease, or settling within the cool-down, do not count, and
//   congestion reported by requests sent before the decrease does not halve the limit again.

export type Outcome = "success" | "congestion" | "neutral";

export interface AdaptiveConcurrencyOptions {
  max: number;
  /** Where slow start begins (default min(4, max)). */
  initial?: number;
  /** After a decrease, successes do not count for this long (default 1000 ms). */
  cooldownMs?: number;
}

/** What a caller holds while its request is in flight. */
export interface Slot {
  sentAt: number;
}

export class AdaptiveConcurrency {
  private current: number;
  private inFlight = 0;
  private slowStart = true;
  private successes = 0;
  /** Whether a request found every slot taken (or waited for one) since the window began. */
  private reached = false;
  private lastDecrease = Number.NEGATIVE_INFINITY;
  private readonly waiters: Array<() => void> = [];
  private readonly cooldownMs: number;

  constructor(private readonly options: AdaptiveConcurrencyOptions) {
    this.current = Math.max(1, Math.min(options.initial ?? 4, options.max));
    this.cooldownMs = options.cooldownMs ?? 1000;
  }

  /** The limit now. */
  get limit(): number {
    return this.current;
  }

  /** Waits for a free slot (in arrival order). */
  async acquire(signal?: AbortSignal): Promise<Slot> {
    signal?.throwIfAborted();
    if (this.inFlight >= this.current || this.waiters.length > 0) {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          const index = this.waiters.indexOf(wake);
          if (index >= 0) this.waiters.splice(index, 1);
          reject(signal?.reason);
        };
        const wake = () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        };
        this.waiters.push(wake);
        signal?.addEventListener("abort", onAbort, { once: true });
      });
      this.reached = true;
    } else {
      this.inFlight += 1; // a woken waiter was given its slot by wake()
      if (this.inFlight >= this.current) this.reached = true;
    }
    return { sentAt: performance.now() };
  }

  /** Frees the slot and learns from how the request went. */
  release(slot: Slot, outcome: Outcome): void {
    this.inFlight -= 1;
    const now = performance.now();
    if (outcome === "congestion" && slot.sentAt > this.lastDecrease) {
      this.current = Math.max(1, Math.floor(this.current / 2));
      this.slowStart = false;
      this.successes = 0;
      this.reached = false;
      this.lastDecrease = now;
    } else if (
      outcome === "success" &&
      slot.sentAt >= this.lastDecrease &&
      now >= this.lastDecrease + this.cooldownMs
    ) {
      this.successes += 1;
      if (this.successes >= this.current) {
        this.successes = 0;
        if (this.reached) {
          this.current = Math.min(this.options.max, this.slowStart ? this.current * 2 : this.current + 1);
        }
        this.reached = false;
      }
    }
    this.wake();
  }

  /** Hands free slots to waiters; the slot is taken here, so a later release cannot hand it out twice. */
  private wake(): void {
    while (this.inFlight < this.current && this.waiters.length > 0) {
      const next = this.waiters.shift();
      this.inFlight += 1;
      next?.();
    }
  }
}
