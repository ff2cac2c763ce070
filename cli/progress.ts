// Live progress: a bar on a terminal (items done/failed, calls, tokens, rate, ETA), plain lines
// otherwise (CI logs, pipes). Both write to stderr so stdout stays clean for --json.
import cliProgress from "cli-progress";
import type { RunProgress } from "../runner/run-skills.js";
import { formatUsd } from "./format-summary.js";

export interface ProgressView {
  update(progress: RunProgress): void;
  stop(): void;
}

function compact(value: number): string {
  if (value >= 1_000_000) return `${(value / 1_000_000).toFixed(1)}M`;
  if (value >= 10_000) return `${(value / 1000).toFixed(0)}k`;
  return String(value);
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  if (seconds < 60) return `${Math.round(seconds)}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, "0")}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.round((seconds % 3600) / 60)).padStart(2, "0")}m`;
}

/** Spent so far and, once items have finished, the projected total for the run. */
function spend(progress: RunProgress): string {
  if (progress.spentUsd === null) return "cost unknown (a model has no price)";
  const projected = progress.projectedUsd !== undefined ? ` of ~${formatUsd(progress.projectedUsd)} projected` : "";
  return `${formatUsd(progress.spentUsd)} spent${projected}`;
}

class Rate {
  private readonly started = performance.now();
  private baseline: number | undefined;
  /** Items finished per minute since this process started, and the ETA for the rest. */
  measure(progress: RunProgress): { perMinute: number; eta: string } {
    const finished = progress.items.done + progress.items.failed + progress.items.filtered;
    this.baseline ??= finished;
    const minutes = (performance.now() - this.started) / 60_000;
    const perMinute = minutes > 0 ? (finished - this.baseline) / minutes : 0;
    const remaining = progress.items.pending + progress.items.running;
    return { perMinute, eta: perMinute > 0 ? duration((remaining / perMinute) * 60) : "?" };
  }
}

function line(progress: RunProgress, rate: Rate): string {
  const { items } = progress;
  const { perMinute, eta } = rate.measure(progress);
  if (progress.paused) return `paused: ${progress.paused}; probing until it answers`;
  return (
    `items ${items.done + items.failed + items.filtered}/${items.total} ` +
    `(done ${items.done}, failed ${items.failed}, filtered ${items.filtered}, running ${items.running}) | ` +
    `calls ${compact(progress.calls)}${progress.failedCalls ? ` (${progress.failedCalls} failed attempts)` : ""} | ` +
    `tokens ${compact(progress.tokens.input)} in / ${compact(progress.tokens.output)} out | ` +
    `${spend(progress)} | ` +
    `concurrency ${progress.concurrency}${progress.rateLimitWaitMs >= 1000 ? `, rate-limited ${duration(progress.rateLimitWaitMs / 1000)}` : ""} | ` +
    `${perMinute.toFixed(1)} items/min | ETA ${eta}`
  );
}

export function createProgressView(stream: NodeJS.WriteStream = process.stderr): ProgressView {
  const rate = new Rate();
  if (!stream.isTTY) {
    let last = 0;
    let lastText = "";
    return {
      update(progress) {
        if (progress.phase !== "generating") return;
        const now = performance.now();
        const text = line(progress, rate);
        // A pause is news: shown at once, not at the next two-second tick.
        if ((now - last < 2000 && !progress.paused) || text === lastText) return;
        last = now;
        lastText = text;
        stream.write(`${text}\n`);
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format:
        "{bar} {finished}/{total} items | done {done} failed {failed} filtered {filtered} | calls {calls} | tokens {tokens} | {spend} | conc {concurrency}{waited} | {rate}/min | ETA {eta}",
      barsize: 24,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(progress) {
      if (progress.phase === "reading") return;
      const { items } = progress;
      const { perMinute, eta } = rate.measure(progress);
      const payload = {
        done: items.done,
        failed: items.failed,
        filtered: items.filtered,
        calls: compact(progress.calls),
        tokens: `${compact(progress.tokens.input)}/${compact(progress.tokens.output)}`,
        spend: spend(progress),
        rate: perMinute.toFixed(1),
        eta: progress.paused ? `? (paused: ${progress.paused})` : eta,
        concurrency: progress.concurrency,
        waited: progress.rateLimitWaitMs >= 1000 ? ` waited ${duration(progress.rateLimitWaitMs / 1000)}` : "",
      };
      const finished = items.done + items.failed + items.filtered;
      if (!started) {
        bar.start(items.total, finished, payload);
        started = true;
      } else {
        bar.setTotal(items.total);
        bar.update(finished, payload);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
