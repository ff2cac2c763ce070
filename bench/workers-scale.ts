// Benchmark: does `run --workers` use every core? The same CPU-bound run (Reading Comprehension, --rounds 0,
// a test server answering in about 1 ms, in its own process) with --workers 1 and --workers 2 on fresh --out
// directories: LLM calls per second of wall time for each, and the ratio. The corpus is read into each store
// first (`run --enqueue-only`, not timed), so the timed run is generation plus what a user pays to start workers.
// Run on demand: `npm run bench:workers`. Sizes: BENCH_WORKERS_SEEDS (600), BENCH_WORKERS_CONCURRENCY (32),
// BENCH_WORKERS (1,2).
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./test-server-process.js";

const SEEDS = Number(process.env.BENCH_WORKERS_SEEDS ?? 600);
const CONCURRENCY = Number(process.env.BENCH_WORKERS_CONCURRENCY ?? 32);
const COUNTS = (process.env.BENCH_WORKERS ?? "1,2").split(",").map(Number);
const CLI = fileURLToPath(new URL("../cli/main.js", import.meta.url));

/** `seeds` distinct paragraphs, one JSON object a line. */
async function writeCorpus(dir: string): Promise<string> {
  const path = join(dir, "corpus.jsonl");
  const topics = ["tides", "printing", "composting", "bread", "migration", "bicycles", "vaccines", "budgets"];
  const lines = Array.from({ length: SEEDS }, (_, index) => {
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

async function measure(workers: number, corpus: string, url: string): Promise<{ calls: number; seconds: number }> {
  const out = await mkdtemp(join(tmpdir(), `bench-workers-${workers}-`));
  try {
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
      String(CONCURRENCY),
      "--workers",
      String(workers),
      "--json",
    ];
    const enqueued = await cli([...args, "--enqueue-only"], url);
    if (enqueued.code !== 0) throw new Error(`enqueue failed: ${enqueued.stderr}`);
    const started = performance.now();
    const run = await cli(args, url);
    const seconds = (performance.now() - started) / 1000;
    if (run.code !== 0) throw new Error(`run --workers ${workers} exited ${run.code}: ${run.stderr}`);
    const summary = JSON.parse(run.stdout) as { calls: number };
    return { calls: summary.calls, seconds };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

const dir = await mkdtemp(join(tmpdir(), "bench-workers-"));
const server = await startServer({ latencyMs: 1, jitterMs: 0 });
try {
  const corpus = await writeCorpus(dir);
  const rows: Array<{ workers: number; calls: number; seconds: number; rate: number }> = [];
  for (const workers of COUNTS) {
    const { calls, seconds } = await measure(workers, corpus, server.url);
    rows.push({ workers, calls, seconds, rate: calls / seconds });
    process.stderr.write(`--workers ${workers}: ${calls} calls in ${seconds.toFixed(1)} s\n`);
  }
  const first = rows[0];
  console.log(`| --workers | LLM calls | wall s | calls/s | vs --workers ${first?.workers ?? 1} |`);
  console.log("|---:|---:|---:|---:|---:|");
  for (const row of rows) {
    const ratio = first ? row.rate / first.rate : 1;
    console.log(
      `| ${row.workers} | ${row.calls} | ${row.seconds.toFixed(1)} | ${row.rate.toFixed(1)} | ${ratio.toFixed(2)}x |`,
    );
  }
  console.log(`\n${SEEDS} seeds, --rounds 0, --concurrency ${CONCURRENCY} (split over the workers), server ~1 ms.`);
} finally {
  server.stop();
  await rm(dir, { recursive: true, force: true });
}
