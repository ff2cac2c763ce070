// `agentinstruct worker`: join a run that is already in a store (started by `run`, or `run --enqueue-only`) and
// work on it until nothing is left. The run's configuration comes from the store; a worker sets only where the
// store is and how many calls it makes at once. Forked by `run --workers` with --child: progress goes to the
// parent over IPC instead of the terminal, and the parent decides when to stop.

import { loadRunSettings } from "../runner/run-settings.js";
import { RunController, type RunProgress, runSkills } from "../runner/run-skills.js";
import { ServerUnreachableError } from "../runtime/errors.js";
import { openStore } from "../runtime/store/open-store.js";
import { EXIT, runInTerminal } from "./run-end.js";

export interface WorkerFlags {
  out: string;
  /** The run store's URL (postgres://…) when the run is not in `<out>/run.db`. */
  store?: string;
  concurrency?: number;
  /** Lease of a claimed item, in seconds. */
  lease?: number;
  json?: boolean;
  /** Forked by `run --workers`: report over IPC. */
  child?: boolean;
  /** Retry only items that failed before this time (epoch ms): when the parent run began. */
  failedBefore?: number;
}

/** What a worker forked by `run --workers` tells its parent. */
export type ChildMessage =
  | {
      type: "progress";
      /** This worker's own calls, tokens and spend since it joined. */
      calls: number;
      failedCalls: number;
      cachedCalls: number;
      tokens: { input: number; output: number };
      spentUsd: number | null;
      concurrency: number;
      rateLimitWaitMs: number;
      paused?: string;
      leasesLost: number;
    }
  | {
      type: "end";
      interrupted: boolean;
      stopped?: "budget";
      unreachable?: string;
      leasesLost: number;
      pacing: { rateLimitWaitMs: number; concurrency: number };
    };

/**
 * What the parent tells a worker: begin (the corpus is in the store: workers are forked while the parent reads it,
 * so their start-up overlaps the reading), stop starting work (drain), or stop now (abort).
 */
export type ParentMessage = { type: "start" } | { type: "drain" | "abort"; reason: string };

/** A forked worker waits for the parent's go; a stop that comes first means there is nothing to do. */
function parentSaysStart(): Promise<boolean> {
  return new Promise((resolve) => {
    process.once("message", (message: ParentMessage) => resolve(message.type === "start"));
    process.once("disconnect", () => resolve(false));
  });
}

export async function workerCommand(flags: WorkerFlags, argv: string[]): Promise<number> {
  if (flags.child && process.send) {
    // Ctrl-C reaches the whole process group: the parent forwards it once, so the terminal's copy is ignored.
    const ignore = () => undefined;
    process.on("SIGINT", ignore);
    process.on("SIGTERM", ignore);
    if (!(await parentSaysStart())) return EXIT.ok;
    // The parent is gone (killed): so is this worker, as one process would be; its leases are taken over.
    process.on("disconnect", () => process.exit(EXIT.error));
  }
  const location = { out: flags.out, store: flags.store };
  // A worker joins a run: a Postgres schema without one is an error, not created.
  const store = await openStore(location, { existing: true });
  let config: Awaited<ReturnType<typeof loadRunSettings>>;
  try {
    config = await loadRunSettings(
      store,
      {
        out: flags.out,
        ...(flags.store ? { store: flags.store } : {}),
        ...(flags.concurrency !== undefined ? { concurrency: flags.concurrency } : {}),
        ...(flags.lease !== undefined ? { leaseMs: Math.round(flags.lease * 1000) } : {}),
      },
      process.env,
    );
  } finally {
    await store.close();
  }
  const controller = new RunController();
  const failedBefore = flags.failedBefore ?? Date.now();
  if (flags.child && process.send) return childWorker(config, controller, failedBefore);

  return runInTerminal(config, { join: true, failedBefore }, { json: flags.json ?? false, argv }, controller);
}

/** A worker of `run --workers`: the parent draws progress, handles signals, writes the data and the summary. */
async function childWorker(
  config: Parameters<typeof runSkills>[0],
  controller: RunController,
  failedBefore: number,
): Promise<number> {
  // Awaited: the process exits right after the last message, which must reach the parent first.
  const send = (message: ChildMessage) =>
    new Promise<void>((resolve) => {
      if (!process.send || !process.connected) resolve();
      else process.send(message, undefined, {}, () => resolve());
    });
  process.on("message", (message: ParentMessage) => {
    if (message.type === "abort") controller.abort(message.reason);
    else if (message.type === "drain") controller.drain(message.reason);
  });
  let baseline: RunProgress | undefined;
  let latest: RunProgress | undefined;
  let last = 0;
  const progressMessage = (progress: RunProgress): ChildMessage => {
    const start = baseline ?? progress;
    return {
      type: "progress",
      calls: progress.calls - start.calls,
      failedCalls: progress.failedCalls - start.failedCalls,
      cachedCalls: progress.cachedCalls - start.cachedCalls,
      tokens: {
        input: progress.tokens.input - start.tokens.input,
        output: progress.tokens.output - start.tokens.output,
      },
      spentUsd: progress.spentUsd === null || start.spentUsd === null ? null : progress.spentUsd - start.spentUsd,
      concurrency: progress.concurrency,
      rateLimitWaitMs: progress.rateLimitWaitMs,
      ...(progress.paused ? { paused: progress.paused } : {}),
      leasesLost: progress.leasesLost ?? 0,
    };
  };
  try {
    const outcome = await runSkills(config, {
      controller,
      join: true,
      failedBefore,
      writeData: false,
      onProgress: (progress) => {
        if (progress.phase === "reading") return;
        baseline ??= structuredClone(progress);
        latest = progress;
        const now = performance.now();
        // A few messages a second are plenty for a progress line; a pause is sent at once.
        if (now - last < 200 && !progress.paused) return;
        last = now;
        void send(progressMessage(progress));
      },
    });
    if (latest) await send(progressMessage(latest));
    await send({
      type: "end",
      interrupted: outcome.interrupted,
      ...(outcome.stopped ? { stopped: outcome.stopped } : {}),
      ...(outcome.unreachable ? { unreachable: outcome.unreachable.message } : {}),
      leasesLost: outcome.leasesLost,
      pacing: outcome.pacing,
    });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ServerUnreachableError) {
      await send({
        type: "end",
        interrupted: true,
        unreachable: error.message,
        leasesLost: 0,
        pacing: { rateLimitWaitMs: 0, concurrency: 0 },
      });
      return EXIT.serverUnreachable;
    }
    throw error;
  }
}
