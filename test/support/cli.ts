// Run the built CLI as a real child process, as a user would.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const CLI = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Environment for a child: no real keys or tracing from the developer's shell leak into tests. */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (
      key.startsWith("OPENAI_") ||
      key.startsWith("LANGSMITH_") ||
      key.startsWith("LANGCHAIN_") ||
      key.startsWith("AGENTINSTRUCT_")
    ) {
      delete env[key];
    }
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Environment for a CLI child that talks to the test server at `url`. */
export const testServerEnv = (url: string): NodeJS.ProcessEnv =>
  cliEnv({ OPENAI_BASE_URL: url, OPENAI_API_KEY: "test-key" });

/** `run` of Reading Comprehension over seeds/sample with the test model; `extra` adds flags. */
export const sampleRunArgs = (out: string, ...extra: string[]): string[] => [
  "run",
  "--skills",
  "rc",
  "--seeds",
  "seeds/sample",
  "--out",
  out,
  "--model",
  "openai:test-model",
  ...extra,
];

export function spawnCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): ChildProcess & {
  result: Promise<CliResult>;
} {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? cliEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => {
    stdout += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    stderr += String(chunk);
  });
  const result = new Promise<CliResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return Object.assign(child, { result });
}

export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliResult> {
  return spawnCli(args, options).result;
}
