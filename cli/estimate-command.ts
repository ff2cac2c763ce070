// `agentinstruct estimate`: the run's flags + config file → RunConfig, then the library's estimateRun in a scratch
// directory that is removed however the process ends (done, error, Ctrl-C). It sends nothing anywhere, so it needs
// no API key and traces nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chooseSkills } from "../agents/index.js";
import { estimateRun } from "../runner/estimate.js";
import { RunController } from "../runner/run-skills.js";
import { loadConfigFile, type RunSettings, resolveRunConfig } from "../runtime/config.js";
import { formatEstimate } from "./format-estimate.js";
import { EXIT } from "./run-command.js";

export interface EstimateFlags extends Omit<RunSettings, "out"> {
  out?: string;
  sample?: number;
  from?: string;
  json?: boolean;
}

const UNUSED_KEY = "not-used-by-estimate";

/**
 * The environment the configuration is resolved from: every API key variable it may read is replaced by a
 * placeholder (no key is needed, and none is read, since nothing is sent), and web search is left out (it would
 * call a real provider; the estimate runs without that tool).
 */
function estimateEnv(flags: EstimateFlags, cwd: string): Record<string, string | undefined> {
  const file = loadConfigFile(flags.config, cwd);
  const keyVariables = new Set(["OPENAI_API_KEY"]);
  for (const entry of Object.values(file.models ?? {})) {
    if (typeof entry === "object" && entry.apiKeyEnv) keyVariables.add(entry.apiKeyEnv);
  }
  const env: Record<string, string | undefined> = { ...process.env, TAVILY_API_KEY: undefined };
  for (const name of keyVariables) env[name] = UNUSED_KEY;
  return env;
}

export async function estimateCommand(flags: EstimateFlags): Promise<number> {
  const cwd = process.cwd();
  const webSearchSet = Boolean(process.env.TAVILY_API_KEY);
  // Tracing would send the simulated run's traces to LangSmith: the estimate makes no network request at all.
  for (const name of ["LANGSMITH_TRACING", "LANGCHAIN_TRACING_V2", "LANGCHAIN_TRACING"]) process.env[name] = "false";
  const scratch = mkdtempSync(join(tmpdir(), "agentinstruct-estimate-"));
  const removeScratch = () => rmSync(scratch, { recursive: true, force: true });
  process.once("exit", removeScratch);
  // --out is accepted so a run's command line works unchanged, but the estimate works in the scratch directory.
  const config = resolveRunConfig({ ...flags, out: scratch }, estimateEnv(flags, cwd), cwd);
  chooseSkills(config);

  const controller = new RunController();
  let signalName: "SIGINT" | "SIGTERM" | undefined;
  const onSignal = (signal: "SIGINT" | "SIGTERM") => {
    if (signalName) {
      removeScratch();
      process.exit(signal === "SIGTERM" ? EXIT.terminated : EXIT.interrupted);
    }
    signalName = signal;
    process.stderr.write(`\n${signal} received: stopping the estimate (nothing is kept).\n`);
    controller.abort(signal);
  };
  const onInterrupt = () => onSignal("SIGINT");
  const onTerminate = () => onSignal("SIGTERM");
  process.on("SIGINT", onInterrupt);
  process.on("SIGTERM", onTerminate);
  try {
    if (webSearchSet) {
      process.stderr.write(
        "Note: web search is not simulated; the estimate runs without the web_search tool (a run with TAVILY_API_KEY may make more calls).\n",
      );
    }
    process.stderr.write(
      `Estimating against a SIMULATED model (no request leaves this machine; no API key is used)…\n`,
    );
    const estimate = await estimateRun(config, {
      sample: flags.sample,
      ...(flags.from ? { from: resolve(cwd, flags.from) } : {}),
      scratch,
      controller,
    });
    if (estimate.interrupted || signalName) {
      process.stderr.write("Estimate interrupted: nothing was kept.\n");
      return signalName === "SIGTERM" ? EXIT.terminated : EXIT.interrupted;
    }
    if (flags.json) process.stdout.write(`${JSON.stringify(estimate, null, 2)}\n`);
    else process.stdout.write(`${formatEstimate(estimate)}\n`);
    return EXIT.ok;
  } finally {
    removeScratch();
    process.off("exit", removeScratch);
    process.off("SIGINT", onInterrupt);
    process.off("SIGTERM", onTerminate);
  }
}
