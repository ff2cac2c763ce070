// Benchmark: the engine's own CPU cost per LLM call, and LLM calls per seed, for Reading Comprehension.
// The OpenAI-compatible test server runs in a child process, so this process's CPU time is the engine
// alone: corpus reading, prompts, HTTP client, JSON parsing and validation, LangGraph, SQLite, checkpoints.
// Run on demand: `npm run bench` (prints a table; not part of the test suite).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runSkills } from "../runner/run-skills.js";
import { resolveRunConfig } from "../runtime/config.js";
import { startServer } from "./test-server-process.js";

const SEEDS = Number(process.env.BENCH_SEEDS ?? 48);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? "8,64").split(",").map(Number);

/** A synthetic corpus: distinct, paragraph-structured documents of about 2,500 characters. */
async function writeCorpus(dir: string): Promise<void> {
  const topics = ["tides", "printing", "composting", "bread", "migration", "bicycles", "vaccines", "budgets"];
  for (let index = 0; index < SEEDS; index += 1) {
    const topic = topics[index % topics.length];
    const paragraphs = Array.from(
      { length: 5 },
      (_, part) =>
        `Document ${index}, part ${part}: notes on ${topic}. In ${1800 + index * 3 + part} observers recorded ${index * 7 + part} ` +
        `events, and later studies argued that the change followed from earlier causes rather than chance. ` +
        `Critics replied that the evidence was thin, and the debate about ${topic} continues in document ${index}.`,
    );
    await writeFile(join(dir, `doc-${String(index).padStart(3, "0")}.txt`), paragraphs.join("\n\n"));
  }
}

interface Row {
  concurrency: number;
  seeds: number;
  calls: number;
  wallSeconds: number;
  cpuMsPerCall: number;
  callsPerSeed: number;
  callsPerSecond: number;
  records: number;
  rssMiB: number;
}

async function measure(url: string, corpus: string, concurrency: number): Promise<Row> {
  const out = await mkdtemp(join(tmpdir(), "bench-out-"));
  const config = resolveRunConfig(
    { skills: ["reading-comprehension"], seeds: [corpus], out, model: "openai:bench-model", concurrency },
    { OPENAI_BASE_URL: url },
    process.cwd(),
  );
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const outcome = await runSkills(config);
  const wallSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await rm(out, { recursive: true, force: true });
  const calls = outcome.summary.calls;
  return {
    concurrency,
    seeds: outcome.summary.items.done,
    calls,
    wallSeconds,
    cpuMsPerCall: (cpu.user + cpu.system) / 1000 / calls,
    callsPerSeed: calls / Math.max(1, outcome.summary.items.done),
    callsPerSecond: calls / wallSeconds,
    records: outcome.summary.records,
    rssMiB: process.memoryUsage().rss / 1024 / 1024,
  };
}

async function main(): Promise<void> {
  const corpus = await mkdtemp(join(tmpdir(), "bench-corpus-"));
  await writeCorpus(corpus);
  const server = await startServer({ latencyMs: LATENCY_MS, jitterMs: 20 });
  try {
    const rows: Row[] = [];
    for (const concurrency of CONCURRENCY) rows.push(await measure(server.url, corpus, concurrency));
    console.log(
      `\nReading Comprehension, default settings, ${SEEDS} seeds, test server latency ${LATENCY_MS}±20 ms (Node ${process.version})\n`,
    );
    console.table(
      rows.map((row) => ({
        concurrency: row.concurrency,
        "seeds done": row.seeds,
        "LLM calls": row.calls,
        "calls/seed": row.callsPerSeed.toFixed(1),
        records: row.records,
        "wall s": row.wallSeconds.toFixed(1),
        "calls/s": row.callsPerSecond.toFixed(1),
        "CPU ms/call": row.cpuMsPerCall.toFixed(2),
        "RSS MiB": row.rssMiB.toFixed(0),
      })),
    );
  } finally {
    server.stop();
    await rm(corpus, { recursive: true, force: true });
  }
}

await main();
