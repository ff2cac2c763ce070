// Benchmark: does `run --workers` use every core? The same CPU-bound run (Reading Comprehension, --rounds 0,
// a test server answering in about 1 ms without rate-limit headers, in its own process) with --workers 1 and --workers 2 on fresh --out
// directories: LLM calls per second of wall time for each, and the ratio. The corpus is read into each store
// first (`run --enqueue-only`, not timed), so the timed run is generation plus what a user pays to start workers.
// The ceiling row runs two unrelated single-worker runs side by side, each on half the corpus with its own --out
// and half the concurrency: nothing shared, so it shows what two processes get from this machine at all. Engine
// CPU is every run process's user+system time (Linux: this process's waited-for children, /proc/self/stat).
// Run on demand: `npm run bench:workers`. Sizes: BENCH_WORKERS_SEEDS (600), BENCH_WORKERS_CONCURRENCY (32),
// BENCH_WORKERS (1,2).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./test-server-process.js";

const SEEDS = Number(process.env.BENCH_WORKERS_SEEDS ?? 600);
const CONCURRENCY = Number(process.env.BENCH_WORKERS_CONCURRENCY ?? 32);
const COUNTS = (process.env.BENCH_WORKERS ?? "1,2").split(",").map(Number);
const CLI = fileURLToPath(new URL("../cli/main.js", import.meta.url));

/** User+system seconds of the children this process has waited for (fields 16 and 17 of /proc/self/stat). */
function childrenCpuSeconds(): number {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ") ?? [];
  // After the ") " the fields start at the third (state): cutime is the 16th, cstime the 17th, in clock ticks.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** Seeds `from` to `to` (distinct paragraphs), one JSON object a line. */
async function writeCorpus(dir: string, name: string, from: number, to: number): Promise<string> {
  const path = join(dir, name);
  const topics = ["tides", "printing", "composting", "bread", "migration", "bicycles", "vaccines", "budgets"];
  const lines = Array.from({ length: to - from }, (_, offset) => {
    const index = from + offset;
    const topic = topics[index % topics.length];
    const text = Array.from(
      { length: 3 },
      (_, part) =>
        `Note ${index}.${part} on ${topic}: in ${1800 + (index % 200) + part} observers counted ${index * 7 + part} ` +
        `events, and later studies argued that the change followed from earlier causes rather than chance.`,
    ).join("\n\n");
    return JSON.stringify({ text });
  });
  await writeFile(path, `${lines.join("\n")}\n`);
  return path;
}

function cli(args: string[], url: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, OPENAI_BASE_URL: url, OPENAI_API_KEY: "bench" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += String(chunk);
    });
    child.stderr.on("data", (chunk) => {
      stderr += String(chunk);
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Reads `corpus` into a fresh --out (not timed); returns the run's arguments and the directory. */
async function prepare(workers: number, corpus: string, concurrency: number, url: string) {
  const out = await mkdtemp(join(tmpdir(), `bench-workers-${workers}-`));
  const args = [
    "run",
    "--skills",
    "rc",
    "--seeds",
    corpus,
    "--out",
    out,
    "--model",
    "openai:bench-model",
    "--rounds",
    "0",
    "--concurrency",
    String(concurrency),
    "--workers",
    String(workers),
    "--json",
  ];
  const enqueued = await cli([...args, "--enqueue-only"], url);
  if (enqueued.code !== 0) throw new Error(`enqueue failed: ${enqueued.stderr}`);
  return { args, out };
}

interface Row {
  setup: string;
  calls: number;
  seconds: number;
  cpuSeconds: number;
}

/** Runs the prepared runs at once; their calls, wall time and CPU time together. */
async function timed(setup: string, runs: Array<{ args: string[]; out: string }>, url: string): Promise<Row> {
  try {
    const cpu = childrenCpuSeconds();
    const started = performance.now();
    const results = await Promise.all(runs.map((run) => cli(run.args, url)));
    const seconds = (performance.now() - started) / 1000;
    let calls = 0;
    for (const result of results) {
      if (result.code !== 0) throw new Error(`${setup} exited ${result.code}: ${result.stderr}`);
      calls += (JSON.parse(result.stdout) as { calls: number }).calls;
    }
    return { setup, calls, seconds, cpuSeconds: childrenCpuSeconds() - cpu };
  } finally {
    for (const run of runs) await rm(run.out, { recursive: true, force: true });
  }
}

const dir = await mkdtemp(join(tmpdir(), "bench-workers-"));
// No rate-limit headers, as a vLLM server answers: the test server's fixed generous ones would have the workers
// pace against a made-up allowance, and this bench measures CPU, not pacing.
const server = await startServer({ latencyMs: 1, jitterMs: 0, noRateHeaders: true });
try {
  const corpus = await writeCorpus(dir, "corpus.jsonl", 0, SEEDS);
  const halves = [
    await writeCorpus(dir, "first-half.jsonl", 0, Math.floor(SEEDS / 2)),
    await writeCorpus(dir, "second-half.jsonl", Math.floor(SEEDS / 2), SEEDS),
  ];
  const rows: Row[] = [];
  for (const workers of COUNTS) {
    const run = await prepare(workers, corpus, CONCURRENCY, server.url);
    rows.push(await timed(`--workers ${workers}`, [run], server.url));
  }
  const apart = await Promise.all(halves.map((half) => prepare(1, half, CONCURRENCY / 2, server.url)));
  rows.push(await timed("ceiling: 2 separate runs", apart, server.url));
  const first = rows[0];
  const rate = (row: Row) => row.calls / row.seconds;
  console.log(
    `| setup | LLM calls | wall s | calls/s | vs ${first?.setup ?? "first"} | engine CPU ms/call | cores busy |`,
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const row of rows) {
    const ratio = first ? rate(row) / rate(first) : 1;
    console.log(
      `| ${row.setup} | ${row.calls} | ${row.seconds.toFixed(1)} | ${rate(row).toFixed(1)} | ${ratio.toFixed(2)}x | ${((row.cpuSeconds * 1000) / row.calls).toFixed(2)} | ${(row.cpuSeconds / row.seconds).toFixed(2)} |`,
    );
  }
  console.log(`\n${SEEDS} seeds, --rounds 0, --concurrency ${CONCURRENCY} (split over the workers), server ~1 ms.`);
} finally {
  server.stop();
  await rm(dir, { recursive: true, force: true });
}
