// `agentinstruct run`: flags + config file + environment → RunConfig, then the library's runSkills,
// with Ctrl-C / SIGTERM turned into a clean, resumable stop.
import { chooseSkills } from "../agents/index.js";
import { enqueueRun } from "../runner/run-skills.js";
import { type RunSettings, resolveRunConfig } from "../runtime/config.js";
import { describeStore } from "../runtime/store/open-store.js";
import { EXIT, runInTerminal } from "./run-end.js";
import { runWorkers } from "./run-workers.js";

export { EXIT } from "./run-end.js";

export interface RunFlags extends RunSettings {
  json?: boolean;
  /** Worker processes sharing the run (default: the number of cores; 1 runs in this process). */
  workers?: number;
  /** Read the corpus into the store and exit: workers run it (`agentinstruct worker`). */
  enqueueOnly?: boolean;
}

export async function runCommand(flags: RunFlags, argv: string[]): Promise<number> {
  const config = resolveRunConfig(flags, process.env, process.cwd());
  // A mistyped skill name or a broken skill file is reported before anything starts (runSkills checks again).
  chooseSkills(config);
  if (flags.enqueueOnly) {
    const summary = await enqueueRun(config);
    const where = config.store ? describeStore({ out: config.out, store: config.store }) : config.out;
    const joinFlag = config.store ? `--store '${where}'` : `--out ${config.out}`;
    process.stderr.write(
      `Enqueued ${summary.items.total} item(s) from ${summary.seeds} seed(s) (${summary.items.pending} pending) in ${where}.\n` +
        `Start workers (on this machine or any that reaches the store) with:\n  npx agentinstruct worker ${joinFlag}\n`,
    );
    return EXIT.ok;
  }
  // One process unless told otherwise: measured with bench:workers, two workers on one SQLite run.db are slower than
  // one today (0.82x: they queue on its single write lock), so more workers are the user's choice, not the default.
  // Never more workers than calls allowed in flight.
  const workers = Math.min(flags.workers ?? 1, config.concurrency);
  if (workers > 1) return runWorkers(config, { workers, json: flags.json ?? false, argv });
  return runInTerminal(config, {}, { json: flags.json ?? false, argv });
}
