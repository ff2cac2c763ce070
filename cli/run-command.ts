// `agentinstruct run`: flags + config file + environment → RunConfig, then the library's runSkills,
// with Ctrl-C / SIGTERM turned into a clean, resumable stop.
import { join } from "node:path";
import { chooseSkills } from "../agents/index.js";
import { RunController, runSkills } from "../runner/run-skills.js";
import { type RunSettings, resolveRunConfig } from "../runtime/config.js";
import { ServerUnreachableError } from "../runtime/errors.js";
import { formatSummary, formatUsd, summaryJson } from "./format-summary.js";
import { createProgressView } from "./progress.js";

export interface RunFlags extends RunSettings {
  json?: boolean;
}

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
function resumeCommand(argv: string[]): string {
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

export async function runCommand(flags: RunFlags, argv: string[]): Promise<number> {
  const config = resolveRunConfig(flags, process.env, process.cwd());
  // A mistyped skill name or a broken skill file is reported before anything starts (runSkills checks again).
  chooseSkills(config);
  const controller = new RunController();
  let signalName: "SIGINT" | "SIGTERM" | undefined;
  const onSignal = (signal: "SIGINT" | "SIGTERM") => {
    if (signalName) {
      process.stderr.write("\nSecond signal: cancelling in-flight calls now (still resumable).\n");
      controller.abort(signal);
      return;
    }
    signalName = signal;
    process.stderr.write(
      `\n${signal} received: starting nothing new, finishing in-flight steps and saving checkpoints (signal again to stop now).\n`,
    );
    controller.drain(signal);
  };
  const onInterrupt = () => onSignal("SIGINT");
  const onTerminate = () => onSignal("SIGTERM");
  process.on("SIGINT", onInterrupt);
  process.on("SIGTERM", onTerminate);
  const view = createProgressView();
  try {
    let outcome: Awaited<ReturnType<typeof runSkills>>;
    try {
      outcome = await runSkills(config, { controller, onProgress: (progress) => view.update(progress) });
    } catch (error) {
      if (!(error instanceof ServerUnreachableError)) throw error;
      // The pre-flight check: nothing was sent, nothing to resume yet.
      view.stop();
      process.stderr.write(
        `error: ${error.message}\nStart the server (or fix the URL), then run again:\n  ${resumeCommand(argv)}\n`,
      );
      return EXIT.serverUnreachable;
    }
    view.stop();
    const summary = outcome.summary;
    const { pacing } = outcome;
    if (flags.json) {
      const stopped = outcome.stopped ? { stopped: outcome.stopped } : {};
      const budget = outcome.budget ? { budget: outcome.budget } : {};
      const paced = { rateLimitWaitMs: Math.round(pacing.rateLimitWaitMs), concurrency: pacing.concurrency };
      process.stdout.write(
        `${JSON.stringify({ ...summaryJson(summary), interrupted: outcome.interrupted, ...paced, ...stopped, ...budget })}\n`,
      );
    } else process.stderr.write(`\n${formatSummary(summary, { out: config.out })}\n`);
    process.stderr.write(
      `\nData: ${join(config.out, "data")}/<split>.jsonl (${(outcome.durationMs / 1000).toFixed(1)} s)\n` +
        `Pacing: ${formatPacing(pacing)}\n`,
    );
    if (outcome.unreachable) {
      process.stderr.write(
        `error: ${outcome.unreachable.message}\nThe run stopped; items in flight are pending again. Once the server is back, resume with:\n  ${resumeCommand(argv)}\n`,
      );
      return EXIT.serverUnreachable;
    }
    if (outcome.stopped === "budget" && outcome.budget) {
      const { usd, spentUsd } = outcome.budget;
      const spent = formatUsd(spentUsd);
      const higher = Number((usd * 2).toPrecision(3));
      process.stderr.write(
        `Budget reached: ${spent} spent of the ${formatUsd(usd)} budget (every run on this --out counts). ` +
          `Nothing new was started; calls in flight finished and were kept, and ${summary.items.pending} item(s) wait as pending.\n` +
          `Continue with a higher budget (the resumed run counts the ${spent} already spent):\n  ${resumeCommand(withMaxCost(argv, higher))}\n`,
      );
      return EXIT.budgetReached;
    }
    if (outcome.interrupted) {
      process.stderr.write(`Interrupted. Resume with:\n  ${resumeCommand(argv)}\n`);
      return signalName === "SIGTERM" ? EXIT.terminated : EXIT.interrupted;
    }
    const unfinished = summary.items.pending + summary.items.running;
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
    return EXIT.ok;
  } finally {
    view.stop();
    process.off("SIGINT", onInterrupt);
    process.off("SIGTERM", onTerminate);
  }
}
