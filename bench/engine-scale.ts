// Benchmark: does the engine keep up? Four measurements, printed as one markdown table:
//   (a) marginal engine CPU per LLM call for Reading Comprehension (default settings, concurrency 64) against the
//       bare openai SDK replaying the very request bodies the test server recorded, to the same server, at the same
//       concurrency, in the same process: ms/call for both and the ratio;
//   (b) calls/s with --rounds 0 on a small corpus;
//   (c) peak RSS with --rounds 0 on a small and a large corpus;
//   (d) items/min around given points of the large run (is item 10,000 as cheap as item 1,000?).
// Each measurement runs in a fresh child process (so each reads its own peak RSS), the test server in another
// (so a process's CPU time is its own). Corpora are JSONL files of synthetic distinct seeds; the server answers
// in about 1 ms, without rate-limit headers. "Marginal" = the difference between two runs (S and 2S seeds), so
// start-up and ingest cancel.
// Run on demand: `npm run bench:scale`. Sizes: BENCH_SDK_SEEDS (24), BENCH_SMALL (3000), BENCH_LARGE (30000),
// BENCH_RATE_AT (1000,10000), BENCH_SCALE_CONCURRENCY (32), BENCH_LATENCY_MS (1).
import { type ChildProcess, fork } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import OpenAI from "openai";
import pLimit from "p-limit";
import { runSkills } from "../runner/run-skills.js";
import { resolveRunConfig } from "../runtime/config.js";

const SDK_SEEDS = Number(process.env.BENCH_SDK_SEEDS ?? 24);
const SMALL = Number(process.env.BENCH_SMALL ?? 3000);
const LARGE = Number(process.env.BENCH_LARGE ?? 30000);
const RATE_AT = (process.env.BENCH_RATE_AT ?? "1000,10000").split(",").map(Number);
const SCALE_CONCURRENCY = Number(process.env.BENCH_SCALE_CONCURRENCY ?? 32);
const SDK_CONCURRENCY = 64;
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 1);

const SELF = fileURLToPath(import.meta.url);
const SERVER = fileURLToPath(new URL("./test-server-child.js", import.meta.url));

interface Server {
  url: string;
  child: ChildProcess;
}

async function startServer(keepRequests: boolean): Promise<Server> {
  // No rate-limit headers (as vLLM answers): the bare SDK replay never paces, so neither may the engine here.
  const args = [
    "--latency",
    String(LATENCY_MS),
    "--jitter",
    "0",
    "--no-rate-headers",
    ...(keepRequests ? ["--keep-requests"] : []),
  ];
  const child = fork(SERVER, args, { stdio: ["ignore", "pipe", "inherit", "ipc"] });
  if (!child.stdout) throw new Error("the test server has no stdout");
  for await (const line of createInterface({ input: child.stdout })) {
    const match = /listening on (\S+)/.exec(line);
    if (match?.[1]) return { url: match[1], child };
  }
  throw new Error("the test server did not start");
}

/** The request bodies the server received since the last take. */
function takeBodies(server: Server): Promise<OpenAI.ChatCompletionCreateParamsNonStreaming[]> {
  return new Promise((resolve) => {
    server.child.once("message", (message: { bodies: OpenAI.ChatCompletionCreateParamsNonStreaming[] }) =>
      resolve(message.bodies),
    );
    server.child.send({ type: "take" });
  });
}

/** `seeds` distinct paragraphs of about 1,200 characters, one JSON object a line. */
async function writeCorpus(dir: string, seeds: number): Promise<string> {
  const path = join(dir, "corpus.jsonl");
  const file = createWriteStream(path);
  const topics = ["tides", "printing", "composting", "bread", "migration", "bicycles", "vaccines", "budgets"];
  for (let index = 0; index < seeds; index += 1) {
    const topic = topics[index % topics.length];
    const text = Array.from(
      { length: 4 },
      (_, part) =>
        `Record ${index}.${part} on ${topic}: in ${1800 + (index % 200) + part} observers counted ${index * 7 + part} ` +
        `events, and later studies argued that the change followed from earlier causes rather than chance; ` +
        `critics replied that the evidence was thin, and the debate about ${topic} goes on in record ${index}.`,
    ).join("\n\n");
    if (!file.write(`${JSON.stringify({ text })}\n`))
      await new Promise<void>((resolve) => file.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return path;
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** One engine run of Reading Comprehension over a fresh corpus and --out. */
async function runEngine(
  url: string,
  seeds: number,
  options: { concurrency: number; rounds?: number; onFinished?: (finished: number) => void },
) {
  const dir = await mkdtemp(join(tmpdir(), "bench-scale-"));
  try {
    const corpus = await writeCorpus(dir, seeds);
    const config = resolveRunConfig(
      {
        skills: ["reading-comprehension"],
        seeds: [corpus],
        out: join(dir, "out"),
        model: "openai:bench-model",
        concurrency: options.concurrency,
        ...(options.rounds !== undefined ? { rounds: options.rounds } : {}),
      },
      { OPENAI_BASE_URL: url },
      process.cwd(),
    );
    let finished = 0;
    const cpu = process.cpuUsage();
    const started = performance.now();
    const outcome = await runSkills(config, {
      onProgress: (progress) => {
        const now = progress.items.done + progress.items.filtered + progress.items.failed;
        while (finished < now) {
          finished += 1;
          options.onFinished?.(finished);
        }
      },
    });
    return {
      cpuMs: cpuMs(cpu),
      wallMs: performance.now() - started,
      calls: outcome.summary.calls,
      done: outcome.summary.items.done + outcome.summary.items.filtered,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The bare SDK sending `bodies` at the same concurrency; CPU ms spent in this process. */
async function replay(url: string, bodies: OpenAI.ChatCompletionCreateParamsNonStreaming[]): Promise<number> {
  // A rare dropped keep-alive socket under load is retried, as the engine would; retries cost nothing otherwise.
  const client = new OpenAI({ baseURL: url, apiKey: "bench", maxRetries: 2 });
  const limit = pLimit(SDK_CONCURRENCY);
  const cpu = process.cpuUsage();
  await Promise.all(bodies.map((body) => limit(() => client.chat.completions.create(body))));
  return cpuMs(cpu);
}

/** Child: (a), engine and SDK side by side. */
async function compareWithSdk(): Promise<Record<string, number>> {
  const server = await startServer(true);
  try {
    await takeBodies(server);
    const small = await runEngine(server.url, SDK_SEEDS, { concurrency: SDK_CONCURRENCY });
    const smallBodies = await takeBodies(server);
    const large = await runEngine(server.url, SDK_SEEDS * 2, { concurrency: SDK_CONCURRENCY });
    const largeBodies = await takeBodies(server);
    const sdkSmall = await replay(server.url, smallBodies);
    const sdkLarge = await replay(server.url, largeBodies);
    await takeBodies(server);
    const engine = (large.cpuMs - small.cpuMs) / (large.calls - small.calls);
    const sdk = (sdkLarge - sdkSmall) / (largeBodies.length - smallBodies.length);
    return { engine, sdk, calls: large.calls - small.calls };
  } finally {
    server.child.kill("SIGTERM");
  }
}

/** Child: one --rounds 0 run of `seeds`, with item completion times for the rate windows. */
async function scaleRun(url: string, seeds: number): Promise<Record<string, number>> {
  const finishedAt = new Float64Array(seeds + 1);
  const run = await runEngine(url, seeds, {
    concurrency: SCALE_CONCURRENCY,
    rounds: 0,
    onFinished: (finished) => {
      if (finished <= seeds) finishedAt[finished] = performance.now();
    },
  });
  const result: Record<string, number> = {
    calls: run.calls,
    callsPerSecond: run.calls / (run.wallMs / 1000),
    cpuMsPerCall: run.cpuMs / run.calls,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  };
  // A window of 10 % either side of the point, kept clear of the start-up ramp and the final drain.
  for (const point of RATE_AT) {
    const half = Math.max(50, Math.round(point * 0.1));
    const last = run.done - SCALE_CONCURRENCY * 2;
    const to = Math.min(point + half, last);
    const from = Math.max(SCALE_CONCURRENCY * 2, to - 2 * half);
    if (to - from < 20) continue;
    result[`rate@${point}`] = ((to - from) / ((finishedAt[to] ?? 0) - (finishedAt[from] ?? 0))) * 60_000;
  }
  return result;
}

function inChild(args: string[]): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = fork(SELF, args, { stdio: ["ignore", "pipe", "inherit", "ipc"] });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => {
      const line = output.trim().split("\n").pop() ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as Record<string, number>);
      else reject(new Error(`bench child ${args.join(" ")} exited ${code}: ${output}`));
    });
  });
}

const fixed = (value: number | undefined, digits: number) =>
  value === undefined || !Number.isFinite(value)
    ? "–"
    : value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode === "--compare") {
    console.log(JSON.stringify(await compareWithSdk()));
    return;
  }
  if (mode === "--scale") {
    console.log(JSON.stringify(await scaleRun(String(rest[0]), Number(rest[1]))));
    return;
  }
  const compare = await inChild(["--compare"]);
  const server = await startServer(false);
  let small: Record<string, number>;
  let large: Record<string, number>;
  try {
    small = await inChild(["--scale", server.url, String(SMALL)]);
    large = await inChild(["--scale", server.url, String(LARGE)]);
  } finally {
    server.child.kill("SIGTERM");
  }
  const rates = RATE_AT.map((point) => large[`rate@${point}`]);
  const first = rates[0];
  const lastRate = rates[rates.length - 1];
  const rows: Array<[string, string]> = [
    [
      `engine CPU ms/call, marginal (RC defaults, concurrency ${SDK_CONCURRENCY}, ${compare.calls} calls)`,
      fixed(compare.engine, 2),
    ],
    ["bare openai SDK CPU ms/call, same bodies, same server", fixed(compare.sdk, 2)],
    ["engine / SDK", `${fixed((compare.engine ?? 0) / (compare.sdk ?? 1), 2)}x`],
    [`calls/s, ${SMALL.toLocaleString("en-US")} seeds, --rounds 0`, fixed(small.callsPerSecond, 0)],
    [`engine CPU ms/call, ${SMALL.toLocaleString("en-US")} seeds, --rounds 0`, fixed(small.cpuMsPerCall, 2)],
    [`peak RSS MiB, ${SMALL.toLocaleString("en-US")} seeds, --rounds 0`, fixed(small.maxRssMiB, 0)],
    [`peak RSS MiB, ${LARGE.toLocaleString("en-US")} seeds, --rounds 0`, fixed(large.maxRssMiB, 0)],
    ...RATE_AT.map((point, index): [string, string] => [
      `items/min around item ${point.toLocaleString("en-US")} of ${LARGE.toLocaleString("en-US")}`,
      fixed(rates[index], 0),
    ]),
    ["last rate / first rate", first && lastRate ? `${fixed(lastRate / first, 2)}` : "–"],
  ];
  console.log(
    `\nReading Comprehension, test server ${LATENCY_MS} ms, --rounds 0 runs at concurrency ${SCALE_CONCURRENCY} (Node ${process.version})\n`,
  );
  console.log("| measure | value |\n| --- | --- |");
  for (const [name, value] of rows) console.log(`| ${name} | ${value} |`);
}

await main();
