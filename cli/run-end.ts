// How a run ends on the command line, for one process (`run`, `worker`) and for the workers of `run --workers`
// together: Ctrl-C / SIGTERM handling, the summary, what to do next, and the exit code.
import { join } from "node:path";
import { RunController, type RunOptions, runSkills } from "../runner/run-skills.js";
import type { RunConfig } from "../runtime/config.js";
import { ServerUnreachableError } from "../runtime/errors.js";
import { describeStore } from "../runtime/store/open-store.js";
import type { RunSummary } from "../runtime/store/run-store.js";
import { formatSummary, formatUsd, summaryJson } from "./format-summary.js";
import { createProgressView } from "./progress.js";

/** Exit codes (README > Exit codes). 3 and 4 stop a run resumably: raise the budget, or bring the server back. */
export const EXIT = {
  ok: 0,
  error: 1,
  itemsFailed: 2,
  budgetReached: 3,
  serverUnreachable: 4,
  interrupted: 130,
  terminated: 143,
} as const;

/** "waited 12.3 s on rate limits, concurrency 8 at the end". */
export function formatPacing(pacing: { rateLimitWaitMs: number; concurrency: number }): string {
  return `waited ${(pacing.rateLimitWaitMs / 1000).toFixed(1)} s on rate limits, adaptive concurrency ${pacing.concurrency} at the end`;
}

/** How to run the same command again: what we print on interruption. */
export function resumeCommand(argv: string[]): string {
  const quoted = argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`));
  return `npx agentinstruct ${quoted.join(" ")}`;
}

/** The same command with `--max-cost usd` (replacing any given): how to continue past a budget. */
function withMaxCost(argv: string[], usd: number): string[] {
  const kept: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? "";
    if (arg === "--max-cost") index += 1;
    else if (!arg.startsWith("--max-cost=")) kept.push(arg);
  }
  return [...kept, "--max-cost", String(usd)];
}

/** What a run ended with, from one process or from the workers of `run --workers` together. */
export interface RunEnd {
  summary: RunSummary;
  interrupted: boolean;
  stopped?: "budget";
  budget?: { usd: number; spentUsd: number };
  unreachable?: { message: string };
  pacing: { rateLimitWaitMs: number; concurrency: number };
  durationMs: number;
  /** Items whose results were dropped because another worker had taken them over. */
  leasesLost: number;
  /** Workers that died mid-run (`run --workers`): "worker 1234 was killed by SIGKILL". */
  crashed?: string[];
}

/**
 * Ctrl-C / SIGTERM: the first drains (nothing new starts, in-flight steps finish and checkpoint), a second stops
 * now. Returns the signal received, if any, and a function that stops listening.
 */
export function onStopSignals(stop: { drain(reason: string): void; abort(reason: string): void }): {
  received: () => "SIGINT" | "SIGTERM" | undefined;
  dispose: () => void;
} {
  let signalName: "SIGINT" | "SIGTERM" | undefined;
  const onSignal = (signal: "SIGINT" | "SIGTERM") => {
    if (signalName) {
      process.stderr.write("\nSecond signal: cancelling in-flight calls now (still resumable).\n");
      stop.abort(signal);
      return;
    }
    signalName = signal;
    process.stderr.write(
      `\n${signal} received: starting nothing new, finishing in-flight steps and saving checkpoints (signal again to stop now).\n`,
    );
    stop.drain(signal);
  };
  const onInterrupt = () => onSignal("SIGINT");
  const onTerminate = () => onSignal("SIGTERM");
  process.on("SIGINT", onInterrupt);
  process.on("SIGTERM", onTerminate);
  return {
    received: () => signalName,
    dispose: () => {
      process.off("SIGINT", onInterrupt);
      process.off("SIGTERM", onTerminate);
    },
  };
}

/** The summary, the data path and what to do next, and the exit code (README > Exit codes). */
export function reportRunEnd(
  end: RunEnd,
  options: { json?: boolean; out: string; store?: string; argv: string[]; signal?: "SIGINT" | "SIGTERM" },
): number {
  const { summary, pacing, argv } = { ...end, argv: options.argv };
  // A run kept in Postgres is shared by machines: its dataset is read from the store, not from one --out.
  const where = options.store ? describeStore({ out: options.out, store: options.store }) : options.out;
  const data = options.store
    ? `in the store; write it with \`agentinstruct export --store '${where}' --to <dir>\``
    : `${join(options.out, "data")}/<split>.jsonl`;
  if (options.json) {
    const stopped = end.stopped ? { stopped: end.stopped } : {};
    const budget = end.budget ? { budget: end.budget } : {};
    const paced = { rateLimitWaitMs: Math.round(pacing.rateLimitWaitMs), concurrency: pacing.concurrency };
    process.stdout.write(
      `${JSON.stringify({ ...summaryJson(summary), interrupted: end.interrupted, ...paced, ...stopped, ...budget })}\n`,
    );
  } else process.stderr.write(`\n${formatSummary(summary, { out: where })}\n`);
  process.stderr.write(
    `\nData: ${data} (${(end.durationMs / 1000).toFixed(1)} s)\n` + `Pacing: ${formatPacing(pacing)}\n`,
  );
  if (end.leasesLost > 0) {
    process.stderr.write(
      `${end.leasesLost} item(s) were taken over by other workers after this worker's leases ran out; their results here were dropped (the other workers commit them).\n`,
    );
  }
  const unfinished = summary.items.pending + summary.items.running;
  for (const crash of end.crashed ?? []) {
    const after = unfinished === 0 ? "; the other workers took its items over and finished them" : "";
    process.stderr.write(`${crash}${after}.\n`);
  }
  if (end.unreachable) {
    process.stderr.write(
      `error: ${end.unreachable.message}\nThe run stopped; items in flight are pending again. Once the server is back, resume with:\n  ${resumeCommand(argv)}\n`,
    );
    return EXIT.serverUnreachable;
  }
  if (end.stopped === "budget" && end.budget) {
    const { usd, spentUsd } = end.budget;
    const spent = formatUsd(spentUsd);
    const higher = Number((usd * 2).toPrecision(3));
    process.stderr.write(
      `Budget reached: ${spent} spent of the ${formatUsd(usd)} budget (every run on this --out counts). ` +
        `Nothing new was started; calls in flight finished and were kept, and ${summary.items.pending} item(s) wait as pending.\n` +
        `Continue with a higher budget (the resumed run counts the ${spent} already spent):\n  ${resumeCommand(withMaxCost(argv, higher))}\n`,
    );
    return EXIT.budgetReached;
  }
  if (end.interrupted) {
    process.stderr.write(`Interrupted. Resume with:\n  ${resumeCommand(argv)}\n`);
    return options.signal === "SIGTERM" ? EXIT.terminated : EXIT.interrupted;
  }
  if (unfinished > 0) {
    process.stderr.write(
      `${unfinished} item(s) are not finished (failed too often to retry now?). Re-run to continue:\n  ${resumeCommand(argv)}\n`,
    );
  }
  if (summary.items.failed > 0) {
    process.stderr.write(
      `${summary.items.failed} item(s) failed (see above); re-running the same command retries them.\n`,
    );
    return EXIT.itemsFailed;
  }
  // Workers died and nobody was left to finish their items.
  if (unfinished > 0 && (end.crashed ?? []).length > 0) return EXIT.error;
  return EXIT.ok;
}

/**
 * One process runs in the terminal (`run`, or `worker` on its own): the progress line, Ctrl-C / SIGTERM as a clean
 * stop, the summary and the exit code.
 */
export async function runInTerminal(
  config: RunConfig,
  options: Omit<RunOptions, "controller" | "onProgress">,
  end: { json: boolean; argv: string[] },
  controller = new RunController(),
): Promise<number> {
  const signals = onStopSignals(controller);
  const view = createProgressView();
  try {
    let outcome: Awaited<ReturnType<typeof runSkills>>;
    try {
      outcome = await runSkills(config, { ...options, controller, onProgress: (progress) => view.update(progress) });
    } catch (error) {
      if (!(error instanceof ServerUnreachableError)) throw error;
      // The pre-flight check: nothing was sent, nothing to resume yet.
      view.stop();
      process.stderr.write(
        `error: ${error.message}\nStart the server (or fix the URL), then run again:\n  ${resumeCommand(end.argv)}\n`,
      );
      return EXIT.serverUnreachable;
    }
    view.stop();
    return reportRunEnd(outcome, {
      json: end.json,
      out: config.out,
      store: config.store,
      argv: end.argv,
      signal: signals.received(),
    });
  } finally {
    view.stop();
    signals.dispose();
  }
}
