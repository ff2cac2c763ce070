// When an endpoint goes away mid-run, stop sending instead of failing item after item. After a run of connection
// failures, or a sustained error rate, the breaker opens: new sends wait while it probes the server (the pre-flight
// request) with backoff. If the server answers, sends resume; if it stays down for `outageMs`, the breaker fails
// for good and every waiting send gets a ServerUnreachableError, after `onOutage` has told the runner to stop.
import { ServerUnreachableError } from "../errors.js";
import type { ProbeResult } from "./preflight.js";
import { sleep } from "./sleep.js";

/** How an attempt went, as the breaker counts it: an HTTP answer, no connection at all, or a server error. */
export type AttemptResult = { ok: true } | { ok: false; connection?: string };

export interface CircuitBreakerOptions {
  url: string;
  probe: () => Promise<ProbeResult>;
  /** How long the server may stay down before the run stops. */
  outageMs: number;
  onOutage?: (error: ServerUnreachableError) => void;
  /** Sends stopped while the server is probed (`reason`), or resumed (undefined). */
  onPause?: (reason: string | undefined) => void;
  /** Connection failures in a row that open the breaker (default 5). */
  consecutiveFailures?: number;
  /** Share of the last `sample` attempts that failed, over at least `minSpanMs`, that opens it (default 0.5). */
  errorRate?: number;
  sample?: number;
  minSpanMs?: number;
  /** First wait before a probe; doubled up to `maxProbeDelayMs`. */
  probeDelayMs?: number;
  maxProbeDelayMs?: number;
}

export class CircuitBreaker {
  private consecutive = 0;
  private readonly recent: Array<{ at: number; failed: boolean }> = [];
  private paused: Promise<void> | undefined;
  private failure: ServerUnreachableError | undefined;

  constructor(private readonly options: CircuitBreakerOptions) {}

  /** Whether sends are held while the server is probed. */
  get open(): boolean {
    return this.paused !== undefined;
  }

  /** Resolves when sends may go; throws once the server has stayed down too long. */
  async ready(signal?: AbortSignal): Promise<void> {
    if (this.paused) {
      const paused = this.paused;
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => reject(signal?.reason);
        signal?.addEventListener("abort", onAbort, { once: true });
        paused.then(() => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        });
      });
    }
    if (this.failure) throw this.failure;
  }

  record(result: AttemptResult): void {
    if (this.paused || this.failure) return; // attempts sent before the pause tell nothing new
    const now = performance.now();
    const { consecutiveFailures = 5, errorRate = 0.5, sample = 20, minSpanMs = 10_000 } = this.options;
    this.consecutive = !result.ok && result.connection !== undefined ? this.consecutive + 1 : 0;
    this.recent.push({ at: now, failed: !result.ok });
    if (this.recent.length > sample) this.recent.shift();
    const failed = this.recent.filter((entry) => entry.failed).length;
    const span = now - (this.recent[0]?.at ?? now);
    const reason = (!result.ok && result.connection) || "most requests failed";
    if (this.consecutive >= consecutiveFailures) this.trip(reason);
    else if (this.recent.length >= sample && failed / sample > errorRate && span >= minSpanMs) this.trip(reason);
  }

  private trip(reason: string): void {
    this.options.onPause?.(reason);
    this.paused = this.probeUntilBack(reason).finally(() => {
      this.paused = undefined;
      if (!this.failure) this.options.onPause?.(undefined);
    });
  }

  private async probeUntilBack(firstReason: string): Promise<void> {
    const { probeDelayMs = 250, maxProbeDelayMs = 5000, outageMs } = this.options;
    const since = performance.now();
    let reason = firstReason;
    for (let delay = probeDelayMs; ; delay = Math.min(maxProbeDelayMs, delay * 2)) {
      const left = outageMs - (performance.now() - since);
      await sleep(Math.max(0, Math.min(delay, left)));
      const result = await this.options.probe();
      if (result.reachable) {
        this.consecutive = 0;
        this.recent.length = 0;
        return;
      }
      reason = result.reason;
      if (performance.now() - since >= outageMs) {
        const seconds = Math.round((performance.now() - since) / 1000);
        this.failure = new ServerUnreachableError(this.options.url, `${reason} (down for ${seconds} s)`);
        this.options.onOutage?.(this.failure);
        return;
      }
    }
  }
}
