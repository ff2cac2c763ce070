// `run --workers N`: the corpus is read once here, then N worker processes (`agentinstruct worker --child`)
// share the run through its store, each claiming items under leases. This parent draws the one progress line
// from their reports and the store's counts, forwards Ctrl-C / SIGTERM, writes the data once, prints one summary
// and exits as one process would. A worker that dies is reported; the others take its items over.
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { enqueueRun, type RunProgress } from "../runner/run-skills.js";
import type { RunConfig } from "../runtime/config.js";
import { ServerUnreachableError } from "../runtime/errors.js";
import { writeRunData } from "../runtime/export/run-data-files.js";
import { spentBefore } from "../runtime/models/budget.js";
import { preflight } from "../runtime/models/preflight.js";
import { openStore } from "../runtime/store/open-store.js";
import type { RunStore } from "../runtime/store/run-store.js";
import { createProgressView } from "./progress.js";
import { EXIT, onStopSignals, reportRunEnd, resumeCommand } from "./run-end.js";
import type { ChildMessage, ParentMessage } from "./worker-command.js";

const CLI = fileURLToPath(new URL("./main.js", import.meta.url));

/** `total` calls in flight split over `workers` processes as evenly as whole numbers allow. */
export function splitConcurrency(total: number, workers: number): number[] {
  return Array.from({ length: workers }, (_, index) => Math.floor(total / workers) + (index < total % workers ? 1 : 0));
}

interface Child {
  process: ChildProcess;
  progress?: Extract<ChildMessage, { type: "progress" }>;
  end?: Extract<ChildMessage, { type: "end" }>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function runWorkers(
  config: RunConfig,
  options: { workers: number; json: boolean; argv: string[] },
): Promise<number> {
  const started = performance.now();
  const runStarted = Date.now();
  let children: Child[] = [];
  // The stop asked for so far: told to every worker now, and again whenever one reports (a worker that was
  // still starting had no listener yet).
  let stop: ParentMessage | undefined;
  const tell = (child: Child) => {
    if (stop && child.process.connected) child.process.send(stop);
  };
  const reading = new AbortController();
  const signals = onStopSignals({
    drain: (reason) => {
      reading.abort(reason);
      stop = { type: "drain", reason };
      for (const child of children) tell(child);
    },
    abort: (reason) => {
      reading.abort(reason);
      stop = { type: "abort", reason };
      for (const child of children) tell(child);
    },
  });
  const view = createProgressView();
  let store: RunStore | undefined;
  let show: () => void = () => undefined;
  // Forked first: their start-up overlaps the reading of the corpus; they begin when told (or stop if told so).
  const forkWorker = (concurrency: number): Child => {
    const child = fork(
      CLI,
      [
        "worker",
        "--out",
        config.out,
        ...(config.store ? ["--store", config.store] : []),
        "--concurrency",
        String(concurrency),
        "--child",
        "--failed-before",
        String(runStarted),
      ],
      { stdio: ["ignore", "inherit", "inherit", "ipc"] },
    );
    const entry: Child = {
      process: child,
      exit: new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal }))),
    };
    child.on("message", (message: ChildMessage) => {
      tell(entry);
      if (message.type === "progress") {
        entry.progress = message;
        show();
      } else entry.end = message;
    });
    return entry;
  };
  /** Workers told to stop before they began exit at once, having done nothing. */
  const stopChildren = () => {
    for (const child of children) {
      if (child.process.connected)
        child.process.send({ type: "abort", reason: "nothing to run" } satisfies ParentMessage);
    }
  };
  children = splitConcurrency(config.concurrency, options.workers).map(forkWorker);
  let begun = false;
  try {
    await enqueueRun(config, { signal: reading.signal });
    store = await openStore({ out: config.out, store: config.store });
    const opened = store;
    const before = await store.summary();
    if (!reading.signal.aborted) {
      try {
        await preflight(Object.values(config.models));
      } catch (error) {
        if (!(error instanceof ServerUnreachableError)) throw error;
        stopChildren();
        process.stderr.write(
          `error: ${error.message}\nStart the server (or fix the URL), then run again:\n  ${resumeCommand(options.argv)}\n`,
        );
        return EXIT.serverUnreachable;
      }
    }

    let items = before.items;
    const progress = (): RunProgress => {
      const reports = children.flatMap((child) => (child.progress ? [child.progress] : []));
      const sum = (pick: (report: (typeof reports)[number]) => number) =>
        reports.reduce((total, report) => total + pick(report), 0);
      const spent = reports.some((report) => report.spentUsd === null) ? null : sum((report) => report.spentUsd ?? 0);
      const paused = reports.find((report) => report.paused)?.paused;
      return {
        phase: "generating",
        items,
        calls: before.calls + sum((report) => report.calls),
        failedCalls: before.failedCalls + sum((report) => report.failedCalls),
        cachedCalls: before.cachedCalls + sum((report) => report.cachedCalls),
        tokens: {
          input: before.tokens.input + sum((report) => report.tokens.input),
          output: before.tokens.output + sum((report) => report.tokens.output),
        },
        spentUsd: before.cost.usd === null || spent === null ? null : before.cost.usd + spent,
        // Held back on rate limits: the longest any worker waited (they wait side by side).
        rateLimitWaitMs: Math.max(0, ...reports.map((report) => report.rateLimitWaitMs)),
        concurrency: sum((report) => report.concurrency),
        ...(paused ? { paused } : {}),
        leasesLost: sum((report) => report.leasesLost),
      };
    };
    show = () => {
      const now = progress();
      const { done, failed, filtered, total } = now.items;
      const finished = done + failed + filtered;
      if (now.spentUsd !== null && finished > 0) now.projectedUsd = (now.spentUsd / finished) * total;
      view.update(now);
    };
    show();

    if (reading.signal.aborted) stopChildren();
    else for (const child of children) child.process.send({ type: "start" } satisfies ParentMessage);
    begun = true;
    // The store's counts: items move in every worker.
    const recount = setInterval(() => {
      opened
        .countItems()
        .then((counts) => {
          items = counts;
          show();
        })
        .catch(() => undefined);
    }, 1000);
    const exits = await Promise.all(children.map((child) => child.exit));
    clearInterval(recount);
    items = await store.countItems();
    show();
    view.stop();

    const ends = children.flatMap((child) => (child.end ? [child.end] : []));
    const crashed = children.flatMap((child, index) => {
      const exit = exits[index];
      // Exit 0 without an end: told to stop before it began.
      if (child.end || !exit || (exit.code === 0 && !exit.signal)) return [];
      const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
      return [`worker process ${child.process.pid} ${how}`];
    });
    const unreachable = ends.find((end) => end.unreachable)?.unreachable;
    // What every worker spent together, counted as the budget counts it.
    const budget = config.budget && {
      usd: config.budget.usd,
      spentUsd: await spentBefore(store, config.models, config.prices),
    };
    const summary = await store.summary();
    await writeRunData(store, config.out);
    const total = progress();
    return reportRunEnd(
      {
        summary,
        interrupted: reading.signal.aborted || ends.some((end) => end.interrupted),
        ...(ends.some((end) => end.stopped === "budget") ? { stopped: "budget" as const } : {}),
        ...(budget ? { budget } : {}),
        ...(unreachable ? { unreachable: { message: unreachable } } : {}),
        pacing: {
          rateLimitWaitMs: Math.max(0, ...ends.map((end) => end.pacing.rateLimitWaitMs)),
          concurrency: ends.reduce((sum, end) => sum + end.pacing.concurrency, 0),
        },
        durationMs: performance.now() - started,
        leasesLost: total.leasesLost ?? 0,
        crashed,
      },
      { json: options.json, out: config.out, store: config.store, argv: options.argv, signal: signals.received() },
    );
  } finally {
    // An error before the workers began (a changed configuration, an unreadable corpus): they leave at once.
    if (!begun) stopChildren();
    view.stop();
    signals.dispose();
    await store?.close();
  }
}
