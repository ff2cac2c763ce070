// `agentinstruct sandbox`: run one file in exactly the sandbox the agents' execute_code tool uses, and print
// its result as one JSON line. Exit 0 when the program ran (whatever it did), 1 when no sandbox could be set up.
import { readFile } from "node:fs/promises";
import { type Command, InvalidArgumentError, Option } from "commander";
import { CODE_LANGUAGES, type CodeLanguage, executeCode } from "../tools/code-execution/index.js";
import type { ExecutionLimits } from "../tools/code-execution/limits.js";

interface SandboxFlags {
  lang: CodeLanguage;
  timeout?: number;
  memory?: number;
  allowUnsandboxed?: boolean;
}

const positive = (name: string) => (value: string) => {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError(`${name} must be a number > 0`);
  return parsed;
};

export function registerSandboxCommand(program: Command): void {
  program
    .command("sandbox")
    .description(
      "Run a Python or JavaScript file in the sandbox agents use (no network, no host files, time and memory caps); " +
        "prints one JSON line: stdout, stderr, exitCode, timedOut, memoryExceeded, outputTruncated, durationMs.",
    )
    .addOption(new Option("--lang <language>", "language of FILE").choices(CODE_LANGUAGES).makeOptionMandatory())
    .argument("<file>", "the program to run")
    .option(
      "--timeout <seconds>",
      "wall-clock limit, also the CPU limit (default 10 s wall, 5 s CPU)",
      positive("--timeout"),
    )
    .option("--memory <MB>", "memory limit per process in MiB (default 256)", positive("--memory"))
    .option(
      "--allow-unsandboxed",
      "trusted local use only: when bubblewrap is missing, run Python directly under prlimit instead of failing",
    )
    .action(async (file: string, flags: SandboxFlags) => {
      process.exitCode = await sandboxCommand(file, flags);
    });
}

async function sandboxCommand(file: string, flags: SandboxFlags): Promise<number> {
  let code: string;
  try {
    code = await readFile(file, "utf8");
  } catch (error) {
    process.stderr.write(`error: cannot read ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  const limits: Partial<ExecutionLimits> = {};
  if (flags.timeout !== undefined) {
    limits.wallMs = Math.round(flags.timeout * 1000);
    limits.cpuSeconds = Math.max(1, Math.ceil(flags.timeout));
  }
  if (flags.memory !== undefined) limits.memoryBytes = Math.round(flags.memory * 1024 * 1024);
  try {
    const result = await executeCode({ language: flags.lang, code, limits, allowUnsandboxed: flags.allowUnsandboxed });
    const line = {
      stdout: result.stdout,
      stderr: result.stderr,
      exitCode: result.exitCode,
      timedOut: result.timedOut,
      memoryExceeded: result.memoryExceeded,
      outputTruncated: result.outputTruncated,
      durationMs: result.durationMs,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    return 1;
  }
}
