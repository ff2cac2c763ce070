// `agentinstruct run`: flags + config file + environment → RunConfig, then the library's runSkills,
// with Ctrl-C / SIGTERM turned into a clean, resumable stop.
import { join, resolve } from "node:path";
import { resolveSkills } from "../agents/index.js";
import { loadConfigFile, RunConfig, resolveModels } from "../runtime/config.js";
import { writeRunData } from "../runtime/export/export-dataset.js";
import { RUN_DB, RunController, runSkills } from "../runtime/run/run-skills.js";
import { openSqliteStore } from "../runtime/store/sqlite-store.js";
import { formatSummary, summaryJson } from "./format-summary.js";
import { createProgressView } from "./progress.js";

export interface RunFlags {
  skills: string[];
  seeds: string[];
  out: string;
  model?: string;
  config?: string;
  concurrency?: number;
  limit?: number;
  rounds?: number;
  seed?: number;
  chunkSize?: number;
  textField?: string;
  timeout?: number;
  forceConfig?: boolean;
  json?: boolean;
}

export const EXIT = { ok: 0, error: 1, itemsFailed: 2, interrupted: 130, terminated: 143 } as const;

/** Flags, config file and environment into one validated RunConfig. */
export function toRunConfig(flags: RunFlags, env: Record<string, string | undefined>, cwd: string): RunConfig {
  const file = loadConfigFile(flags.config, cwd);
  resolveSkills(flags.skills); // unknown skill names fail before anything else happens
  const chunk = { ...RunConfig.shape.chunk.parse(undefined), ...file.chunk };
  if (flags.chunkSize !== undefined) chunk.maxChars = flags.chunkSize;
  chunk.minChars = Math.min(chunk.minChars, Math.floor(chunk.maxChars / 2));
  const request = { ...file.request };
  if (flags.timeout !== undefined) request.timeoutMs = Math.round(flags.timeout * 1000);
  return RunConfig.parse({
    skills: flags.skills,
    seeds: flags.seeds.map((path) => resolve(cwd, path)),
    out: resolve(cwd, flags.out),
    models: resolveModels(flags.model, file, env),
    concurrency: flags.concurrency ?? file.concurrency,
    limit: flags.limit,
    rounds: flags.rounds ?? file.rounds,
    seed: flags.seed ?? file.seed,
    chunk,
    textField: flags.textField ?? file.textField,
    request,
    forceConfig: flags.forceConfig ?? false,
  });
}

/** How to run the same command again: what we print on interruption. */
function resumeCommand(argv: string[]): string {
  const quoted = argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`));
  return `npx agentinstruct ${quoted.join(" ")}`;
}

export async function runCommand(flags: RunFlags, argv: string[]): Promise<number> {
  const config = toRunConfig(flags, process.env, process.cwd());
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
    const outcome = await runSkills(config, { controller, onProgress: (progress) => view.update(progress) });
    view.stop();
    // The dataset files are rewritten from the store, whole, on every exit path.
    const store = openSqliteStore(join(config.out, RUN_DB));
    try {
      await writeRunData(store, config.out);
    } finally {
      await store.close();
    }
    const summary = outcome.summary;
    if (flags.json)
      process.stdout.write(`${JSON.stringify({ ...summaryJson(summary), interrupted: outcome.interrupted })}\n`);
    else process.stderr.write(`\n${formatSummary(summary, { out: config.out })}\n`);
    process.stderr.write(
      `\nData: ${join(config.out, "data")}/<split>.jsonl (${(outcome.durationMs / 1000).toFixed(1)} s)\n`,
    );
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
