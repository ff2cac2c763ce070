#!/usr/bin/env node
// The command line: a thin layer that parses arguments, calls the library, and maps errors to exit codes.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { awaitAllCallbacks } from "@langchain/core/callbacks/promises";
import { Command, InvalidArgumentError, Option } from "commander";
import { config as loadDotenv } from "dotenv";
import { chooseSkills, findSkill, SKILLS, skillCatalog, validateSkillFiles } from "../agents/index.js";
import { formatFileProblem } from "../agents/skill-files.js";
import { drawSkillGraph } from "../graphs/draw-skill-graph.js";
import { DEFAULT_SAMPLE } from "../runner/estimate.js";
import { runTaxonomies } from "../runner/run-taxonomies.js";
import { loadConfigFile, RunConfig } from "../runtime/config.js";
import { SUPPORTED_EXTENSIONS } from "../runtime/corpus/file-kinds.js";
import { measureDiversity } from "../runtime/dataset/diversity.js";
import { DEFAULT_REPORT_SAMPLE } from "../runtime/dataset/report-data.js";
import { EngineError } from "../runtime/errors.js";
import { HF_FORMATS, isHfFormat, leftOutWhy } from "../runtime/export/conversation-formats.js";
import {
  EXPORT_FORMATS,
  type ExportedFile,
  type ExportFormat,
  exportDataset,
} from "../runtime/export/export-dataset.js";
import { exportHfDataset, parseByteSize } from "../runtime/export/hf-dataset.js";
import { leftOutReportPath } from "../runtime/export/left-out-report.js";
import { RUN_DB } from "../runtime/store/open-store.js";
import { type EstimateFlags, estimateCommand } from "./estimate-command.js";
import { formatDiversity } from "./format-diversity.js";
import { formatItem, formatSummary, summaryJson } from "./format-summary.js";
import { formatWorkers } from "./format-workers.js";
import { writeReport } from "./report-command.js";
import { EXIT, type RunFlags, runCommand } from "./run-command.js";
import { registerSandboxCommand } from "./sandbox-command.js";
import { openExistingRun, storeOption } from "./store-option.js";
import { type WorkerFlags, workerCommand } from "./worker-command.js";

const integer = (name: string, minimum: number) => (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < minimum) {
    throw new InvalidArgumentError(`${name} must be a whole number ≥ ${minimum}`);
  }
  return parsed;
};
const fraction = (name: string) => (value: string) => {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0 || parsed > 1)
    throw new InvalidArgumentError(`${name} must be in (0, 1]`);
  return parsed;
};
const collect = (value: string, previous: string[] = []) => [...previous, value];
const seconds = (name: string) => (value: string) => {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0)
    throw new InvalidArgumentError(`${name} must be a number of seconds > 0`);
  return parsed;
};
const LEASE_HELP =
  "seconds a worker holds a claimed item without a heartbeat before another may take it over (default 30)";
const dollars = (name: string) => (value: string) => {
  const parsed = Number(value.replace(/^\$/, ""));
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError(`${name} must be an amount in USD > 0`);
  return parsed;
};
// Help shows the config schema's own defaults, so a changed default cannot leave the help text behind.
const DEFAULTS = {
  concurrency: RunConfig.shape.concurrency.parse(undefined),
  rounds: RunConfig.shape.rounds.parse(undefined),
  seed: RunConfig.shape.seed.parse(undefined),
  chunk: RunConfig.shape.chunk.parse(undefined),
  textField: RunConfig.shape.textField.parse(undefined),
  request: RunConfig.shape.request.parse(undefined),
  dedup: RunConfig.shape.dedup.parse(undefined),
  decontaminate: RunConfig.shape.decontaminate.parse(undefined),
};

function requireRun(out: string): string {
  const path = join(resolve(out), RUN_DB);
  if (!existsSync(path))
    throw new CliError(`no run found at ${resolve(out)} (expected ${RUN_DB}; start one with \`agentinstruct run\`)`);
  return path;
}

/** What the user asked for is not there: printed as is, like every engine error. */
class CliError extends EngineError {
  readonly kind = "usage";
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}

type StatusFlags = { json?: boolean; item?: string; store?: string; diversity: boolean };

/** The run `status` and `export` read: `<out>/run.db`, or the `--store` they name. */
const openRunToRead = (out: string | undefined, store: string | undefined) =>
  openExistingRun(out, store, (message) => new CliError(message));

/** The options `run` and `estimate` share: everything that decides what a run does (`--out` is each command's own). */
function addRunOptions(command: Command): Command {
  return command
    .option("--skills <ids>", "skill ids or split names, comma-separated or repeated, or 'all'", collect)
    .option(
      "--skill-file <path>",
      "a skill file (YAML) to run as well; repeatable (README > Write your own skill)",
      collect,
    )
    .requiredOption("--seeds <path>", "file or directory of seeds (repeatable)", collect)
    .option(
      "--model <provider:name>",
      "model for every role, e.g. openai:gpt-4o-mini (or set per role in the config file)",
    )
    .option("--config <file>", "config file (default: ./agentinstruct.config.json when present)")
    .option(
      "--concurrency <n>",
      `max LLM calls in flight per model; the adaptive limit ramps up to it (default ${DEFAULTS.concurrency})`,
      integer("--concurrency", 1),
    )
    .option(
      "--rpm <n>",
      "requests per minute per model (default: none, or what the provider's headers say)",
      integer("--rpm", 1),
    )
    .option("--tpm <n>", "tokens (input + output) per minute per model", integer("--tpm", 1))
    .option("--limit <n>", "max seeds to read from the corpus", integer("--limit", 1))
    .option(
      "--rounds <n>",
      `refinement rounds (default ${DEFAULTS.rounds}; 0 turns refinement off)`,
      integer("--rounds", 0),
    )
    .option("--seed <n>", `run seed: same seed, same choices (default ${DEFAULTS.seed})`, integer("--seed", 0))
    .option(
      "--chunk-size <chars>",
      `max seed size in characters (default ${DEFAULTS.chunk.maxChars})`,
      integer("--chunk-size", 200),
    )
    .option("--text-field <name>", `JSONL field holding the text (default ${DEFAULTS.textField})`)
    .option(
      "--timeout <seconds>",
      `per-request timeout (default ${DEFAULTS.request.timeoutMs / 1000})`,
      integer("--timeout", 1),
    )
    .addOption(
      new Option(
        "--on-disagree <policy>",
        "an answer that disagrees with its expected outcome: regenerate once then drop (default), drop, or keep",
      ).choices(["regenerate", "drop", "keep"]),
    )
    .option(
      "--max-cost <usd>",
      "hard budget in USD over every run on this --out: stops resumably before passing it (README > Budget)",
      dollars("--max-cost"),
    )
    .option(
      "--cache <path>",
      "lasting response cache (a SQLite file) shared between runs: a call made before with the same seed is free",
    )
    .option("--no-cache", "do not use the lasting response cache for this run (the config file's `cache`)")
    .option(
      "--redis <url>",
      "keep the rate limits and budget shared by the run's workers in Redis (default: beside the run store)",
    )
    .option("--no-dedup", "keep near-duplicate instructions (README > Deduplication)")
    .option(
      "--dedup-threshold <jaccard>",
      `estimated Jaccard at which two instructions are near-duplicates (default ${DEFAULTS.dedup.threshold})`,
      fraction("--dedup-threshold"),
    )
    .option("--dedup-against <dirs...>", "earlier runs' --out directories whose instructions are not repeated")
    .option(
      "--decontaminate <files...>",
      "eval sets (JSONL or Parquet): records sharing an n-gram with an item are dropped (README > Decontamination)",
    )
    .option(
      "--decontaminate-fields <names>",
      "the eval items' text fields, comma-separated (default: every string field)",
      (value: string) =>
        value
          .split(",")
          .map((name) => name.trim())
          .filter(Boolean),
    )
    .option(
      "--decontaminate-ngram <words>",
      `words per shared n-gram that marks a record contaminated (default ${DEFAULTS.decontaminate.ngram})`,
      integer("--decontaminate-ngram", 1),
    )
    .option("--force-config", "continue a run in --out even though its configuration changed")
    .option(
      "--allow-unsandboxed",
      "run agents' code without the sandbox when bubblewrap is missing (trusted local use only)",
    );
}

interface ExportFlags {
  format?: ExportFormat;
  to: string;
  parquet?: boolean;
  emptySystem: boolean;
  store?: string;
  hf?: boolean;
  shardSize?: number;
  license?: string;
}

/** The export's format, once the flags are known to go together. */
function checkExportFlags(flags: ExportFlags): ExportFormat {
  const format = flags.format ?? (flags.hf ? "messages" : "orca");
  if (flags.hf) {
    if (!isHfFormat(format)) {
      throw new CliError(`--hf writes ${HF_FORMATS.join(", ")}; ${format} has its own files (drop --hf)`);
    }
    if (flags.parquet) throw new CliError("--hf writes Parquet already: drop --parquet");
  } else {
    const hfOnly = [flags.shardSize !== undefined && "--shard-size", flags.license !== undefined && "--license"];
    const given = hfOnly.filter(Boolean);
    if (given.length > 0)
      throw new CliError(`${given.join(" and ")}: only with --hf (the Hugging Face layout and its card)`);
    if (flags.parquet && isHfFormat(format)) {
      throw new CliError(`--parquet writes orca or native; for ${format} in Parquet, use --hf`);
    }
  }
  if (flags.license !== undefined && !/^[a-z0-9][a-z0-9.+-]*$/i.test(flags.license)) {
    throw new CliError(
      `--license takes a license id as the Hub spells it (apache-2.0, mit, cc-by-4.0, cc0-1.0, other…), not "${flags.license}"`,
    );
  }
  return format;
}

/**
 * Each file with its rows, then the records the format left out: counted per split, listed in the report, and
 * why, so a smaller alpaca export never looks complete.
 */
function printExported(
  files: readonly ExportedFile[],
  leftOut: Record<string, number>,
  format: ExportFormat,
  report: string | undefined,
): void {
  if (files.length === 0 && !report) process.stderr.write("The run has no records yet: nothing exported.\n");
  for (const file of files) process.stdout.write(`${file.path}\t${file.rows} rows\n`);
  const counts = Object.entries(leftOut);
  const total = counts.reduce((sum, [, count]) => sum + count, 0);
  if (!report || total === 0) return;
  const perSplit = counts.map(([split, count]) => `${split} ${count}`).join(", ");
  process.stdout.write(`${report}\t${total} records left out (${perSplit})\n`);
  process.stderr.write(
    `${leftOutWhy(format)}. ${total} records were left out (${perSplit}); their ids and why are in ${report}. ` +
      "--format messages keeps every record.\n",
  );
}

export function buildProgram(): Command {
  const program = new Command()
    .name("agentinstruct")
    .description(
      "Turn raw documents and code into diverse instruction-tuning data with AgentInstruct flows on LangGraph.",
    )
    .showHelpAfterError();

  addRunOptions(
    program
      .command("run")
      .description("Run skills over a corpus; re-running the same command on the same --out resumes it.")
      .requiredOption("--out <dir>", "output directory (run store, data/)"),
  )
    .addOption(storeOption())
    .option("--json", "print the final summary as JSON on stdout")
    .option(
      "--workers <n>",
      `worker processes sharing the run (default 1: this process only; this machine has ${availableParallelism()} cores)`,
      integer("--workers", 1),
    )
    .option("--enqueue-only", "read the corpus into the run store and exit; `agentinstruct worker` runs it")
    .option("--lease <seconds>", LEASE_HELP, seconds("--lease"))
    .addHelpText(
      "after",
      `\nSeed files: ${SUPPORTED_EXTENSIONS.join(" ")}\nExit codes: 0 all done, 1 error, 2 some items failed, 3 budget reached (resumable with a higher --max-cost), 4 server unreachable (resumable), 130/143 interrupted (resumable).`,
    )
    .action(async ({ skillFile, ...flags }: RunFlags & { skillFile?: string[] }) => {
      process.exitCode = await runCommand({ ...flags, skillFiles: skillFile }, process.argv.slice(2));
    });

  addRunOptions(
    program
      .command("estimate")
      .description(
        "Estimate a run's calls, tokens and dollars: a sample of seeds per skill through the real flows against a " +
          "SIMULATED model. Nothing is sent to a model and nothing is written to --out.",
      )
      .option("--out <dir>", "accepted so a run's command line works as is; nothing is written to it"),
  )
    .option(
      "--sample <n>",
      `seeds simulated per skill, spread over the corpus (default ${DEFAULT_SAMPLE})`,
      integer("--sample", 1),
    )
    .option("--from <out>", "an earlier run's --out: output tokens per agent come from its call log (read-only)")
    .option("--json", "print the estimate as JSON on stdout")
    .action(async ({ skillFile, ...flags }: EstimateFlags & { skillFile?: string[] }) => {
      process.exitCode = await estimateCommand({ ...flags, skillFiles: skillFile });
    });

  program
    .command("worker")
    .description(
      "Join a run already in a store (started by `run`, or `run --enqueue-only`) as one more worker, and leave when " +
        "nothing is left. The run's configuration comes from the store.",
    )
    .option("--out <dir>", "the run's output directory (with --store: this worker's local directory, default .)")
    .addOption(storeOption())
    .option(
      "--concurrency <n>",
      "max LLM calls in flight per model in this worker (default: the run's)",
      integer("--concurrency", 1),
    )
    .option("--lease <seconds>", LEASE_HELP, seconds("--lease"))
    .option("--json", "print the final summary as JSON on stdout")
    .addOption(new Option("--child", "forked by `run --workers`: report to the parent over IPC").hideHelp())
    .addOption(new Option("--failed-before <ms>", "retry only items failed before this time").hideHelp())
    .action(async (flags: Omit<WorkerFlags, "failedBefore" | "out"> & { out?: string; failedBefore?: string }) => {
      if (!flags.store) {
        if (!flags.out) throw new CliError("name the run to join: --out <dir> (on this machine) or --store <url>");
        // A forked worker starts before its parent has made the store, and opens it once told to begin.
        if (!flags.child) requireRun(flags.out);
      }
      const { failedBefore, ...rest } = flags;
      process.exitCode = await workerCommand(
        { ...rest, out: resolve(flags.out ?? "."), ...(failedBefore ? { failedBefore: Number(failedBefore) } : {}) },
        process.argv.slice(2),
      );
    });

  program
    .command("status")
    .description("Show a run's items, records, calls, tokens, skipped inputs and failures.")
    .argument("[out]", "the run's output directory (not needed with --store)")
    .addOption(storeOption())
    .option("--json", "machine-readable")
    .option(
      "--item <id>",
      "one item (<skill>/<seed id>, as listed under failed items): its state and every call it made",
    )
    .option("--no-diversity", "skip the diversity measures (one pass over every record)")
    .action(async (out: string | undefined, flags: StatusFlags) => {
      const { store, where } = await openRunToRead(out, flags.store);
      try {
        if (flags.item) {
          const item = await store.getItem(flags.item);
          if (!item) throw new CliError(`no item ${flags.item} in ${where} (item ids are <skill>/<seed id>)`);
          const seed = await store.getSeed(item.seedId);
          const calls = await store.itemCalls(item.id);
          const notes = await store.itemNotes(item.id);
          if (flags.json) {
            process.stdout.write(`${JSON.stringify({ item, source: seed?.source, notes, calls }, null, 2)}\n`);
          } else process.stdout.write(`${formatItem(item, seed?.source, calls, notes)}\n`);
          return;
        }
        const summary = await store.summary();
        const workers = await store.workers();
        const staleLeases = await store.staleLeases();
        const diversity = flags.diversity
          ? await measureDiversity(store, summary, await runTaxonomies(store))
          : undefined;
        if (flags.json) {
          const json = { ...summaryJson(summary), ...(diversity ? { diversity } : {}), workers, staleLeases };
          process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
        } else {
          const listed = formatWorkers(workers, staleLeases);
          const measured = diversity ? formatDiversity(diversity) : "";
          process.stdout.write(
            `${formatSummary(summary, { out: where })}\n${measured ? `\n${measured}\n` : ""}${listed ? `\n${listed}\n` : ""}`,
          );
        }
      } finally {
        await store.close();
      }
    });

  program
    .command("export")
    .description(
      "Write the dataset: orca = the orca-agentinstruct-1M-v1 shape; native = records with lineage; messages, " +
        "sharegpt, alpaca = what trainers load; --hf = a Hugging Face dataset folder (Parquet shards + card).",
    )
    .argument("[out]", "the run's output directory (not needed with --store)")
    .addOption(storeOption())
    .addOption(
      new Option(
        "--format <format>",
        "orca (default), native, messages, sharegpt or alpaca; with --hf: messages (default), sharegpt or alpaca",
      ).choices([...EXPORT_FORMATS]),
    )
    .requiredOption("--to <dir>", "directory for <split>.jsonl (and .parquet), or the --hf folder")
    .option("--parquet", "orca, native: also write <split>.parquet")
    .option("--no-empty-system", "orca: do not open conversations with an empty system turn")
    .option("--hf", "write a Hugging Face dataset: data/<split>-00000-of-0000N.parquet and a README.md dataset card")
    .option(
      "--shard-size <size>",
      "--hf: largest Parquet shard, about (default 500MB; KB, MB, GB, KiB, MiB, GiB)",
      (value) => {
        const bytes = parseByteSize(value);
        if (bytes === undefined || bytes < 1000) {
          throw new InvalidArgumentError("--shard-size must be a size of at least 1KB, such as 500MB or 64MiB");
        }
        return bytes;
      },
    )
    .option(
      "--license <id>",
      "--hf: the license of your seeds, as the Hub spells it (cc-by-4.0, apache-2.0, other…), written in the card",
    )
    .action(async (out: string | undefined, flags: ExportFlags) => {
      const format = checkExportFlags(flags);
      const { store } = await openRunToRead(out, flags.store);
      try {
        const to = resolve(flags.to);
        if (flags.hf && isHfFormat(format)) {
          const exported = await exportHfDataset(store, {
            format,
            to,
            ...(flags.shardSize ? { shardBytes: flags.shardSize } : {}),
            ...(flags.license ? { license: flags.license.toLowerCase() } : {}),
          });
          printExported(exported.files, exported.leftOut, format, exported.report);
          process.stdout.write(`${exported.card}\tdataset card\n`);
          if (!flags.license) {
            process.stderr.write(
              "warning: no --license given, so the dataset card says `license: unknown`. Name the license of your " +
                "seeds (e.g. --license cc-by-4.0) before you publish the dataset.\n",
            );
          }
          return;
        }
        const files = await exportDataset(store, {
          format,
          to,
          parquet: flags.parquet ?? false,
          emptySystemTurn: flags.emptySystem,
        });
        const leftOut = Object.fromEntries(files.flatMap((file) => (file.leftOut ? [[file.split, file.leftOut]] : [])));
        printExported(files, leftOut, format, Object.keys(leftOut).length > 0 ? leftOutReportPath(to) : undefined);
      } finally {
        await store.close();
      }
    });

  program
    .command("report")
    .description("Write the run's report: one self-contained HTML file (plots, reasons, a sample of records).")
    .argument("[out]", "the run's output directory (not needed with --store)")
    .addOption(storeOption())
    .option("--to <file>", "where to write it (default <out>/report.html)")
    .option("--sample <n>", `records shown per split (default ${DEFAULT_REPORT_SAMPLE})`, integer("--sample", 0))
    .action(async (out: string | undefined, flags: { to?: string; sample?: number; store?: string }) => {
      const { store, where } = await openRunToRead(out, flags.store);
      try {
        const written = await writeReport(store, { where, out: resolve(out ?? "."), ...flags });
        process.stdout.write(`${written.path}\t${written.bytes} bytes\n`);
      } finally {
        await store.close();
      }
    });

  program
    .command("skills")
    .description("List the skills with their agents, instruction types and refinement goals, or check skill files.")
    .option("--json", "machine-readable")
    .option("--skill-file <path>", "list this skill file too (repeatable)", collect)
    .option("--config <file>", "config file whose skillFiles and skillDirs are listed too")
    .option(
      "--validate <path>",
      "check skill files (a file or a folder; repeatable): every problem, exit 1 on any",
      collect,
    )
    .action((flags: { json?: boolean; skillFile?: string[]; config?: string; validate?: string[] }) => {
      if (flags.validate) {
        const { valid, problems } = validateSkillFiles(flags.validate);
        if (flags.json) process.stdout.write(`${JSON.stringify({ valid: skillCatalog(valid), problems }, null, 2)}\n`);
        else {
          for (const skill of valid) process.stdout.write(`ok: ${skill.id} (split ${skill.split})\n`);
          for (const problem of problems) process.stdout.write(`${formatFileProblem(problem)}\n`);
          if (problems.length > 0) process.stdout.write(`${problems.length} problem(s)\n`);
        }
        process.exitCode = problems.length > 0 ? EXIT.error : EXIT.ok;
        return;
      }
      const file = loadConfigFile(flags.config, process.cwd());
      const extra =
        flags.skillFile || file.skillFiles || file.skillDirs
          ? chooseSkills({
              skills: [],
              skillFiles: [...(file.skillFiles ?? []), ...(flags.skillFile ?? []).map((path) => resolve(path))],
              skillDirs: file.skillDirs ?? [],
            })
          : [];
      const catalog = skillCatalog([...SKILLS, ...extra]);
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(catalog, null, 2)}\n`);
        return;
      }
      for (const skill of catalog) {
        process.stdout.write(
          `${skill.id} (split ${skill.split}; seeds: ${skill.seedKinds.join(", ")}; ${skill.builtin ? "built-in" : skill.source})\n` +
            `  transformations (${skill.transformations.length}): ${skill.transformations.join(", ")}\n` +
            `  instruction types (${skill.instructionTypes.length}): ${skill.instructionTypes.join(", ")}\n` +
            `  refinement goals (${skill.refinementGoals.length}): ${skill.refinementGoals.join(", ")}\n`,
        );
      }
    });

  program
    .command("graph")
    .description("Print a skill's LangGraph flow as a Mermaid diagram.")
    .argument("<skill>", "skill id or split name")
    .option("--skill-file <path>", "a skill file to look the skill up in (repeatable)", collect)
    .action(async (name: string, flags: { skillFile?: string[] }) => {
      const extra = flags.skillFile ? chooseSkills({ skills: [], skillFiles: flags.skillFile, skillDirs: [] }) : [];
      const skill = findSkill(name, extra);
      if (!skill) throw new CliError(`unknown skill "${name}"; see \`agentinstruct skills\``);
      process.stdout.write(`${await drawSkillGraph(skill)}\n`);
    });

  registerSandboxCommand(program);
  return program;
}

/** Tracing callbacks must not hold the process: a LangSmith endpoint that is down gets a few seconds. */
async function flushTracing(): Promise<void> {
  await Promise.race([awaitAllCallbacks(), new Promise((resolveLater) => setTimeout(resolveLater, 3000).unref())]);
}

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (error) {
    if (error instanceof EngineError) {
      process.stderr.write(`error: ${error.message}\n`);
    } else {
      process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exitCode = EXIT.error;
  }
  await flushTracing();
  process.exit(process.exitCode ?? 0);
}

await main();
