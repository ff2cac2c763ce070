// Benchmark: what one Reading Comprehension seed costs in LLM calls and tokens, per stage, with default settings
// (2 refinement rounds, verification on). The test server runs in a child process; token counts are its
// estimates (about 4 characters a token) of the exact rendered requests, so input tokens compare like for like
// across versions of the prompts. Output tokens come from the test server's random fill and say little.
// Run on demand: `npm run bench:cost` (prints a table; not part of the test suite).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { runSkills } from "../runner/run-skills.js";
import { resolveRunConfig } from "../runtime/config.js";
import { startServer } from "./test-server-process.js";

const SEEDS_DIR = fileURLToPath(new URL("../../seeds/sample", import.meta.url));

interface StageRow {
  stage: string;
  calls: number;
  input: number;
  output: number;
}

async function main(): Promise<void> {
  const server = await startServer({ latencyMs: 5, jitterMs: 2 });
  const out = await mkdtemp(join(tmpdir(), "bench-cost-"));
  try {
    const config = resolveRunConfig(
      { skills: ["reading-comprehension"], seeds: [SEEDS_DIR], out, model: "openai:bench-model", concurrency: 16 },
      { OPENAI_BASE_URL: server.url },
      process.cwd(),
    );
    const outcome = await runSkills(config);
    const seeds = Math.max(1, outcome.summary.items.done + outcome.summary.items.filtered);
    const db = new Database(join(out, "run.db"), { readonly: true });
    const rows = db
      .prepare(
        `SELECT CASE WHEN instr(agent, ':') > 0 THEN substr(agent, 1, instr(agent, ':') - 1) ELSE agent END AS stage,
                count(*) AS calls, sum(input_tokens) AS input, sum(output_tokens) AS output
         FROM calls WHERE cached = 0 AND error IS NULL GROUP BY stage ORDER BY stage`,
      )
      .all() as StageRow[];
    db.close();
    const total = rows.reduce(
      (sum, row) => ({ calls: sum.calls + row.calls, input: sum.input + row.input, output: sum.output + row.output }),
      { calls: 0, input: 0, output: 0 },
    );
    console.log(
      `\nReading Comprehension over seeds/sample (${seeds} items, ${outcome.summary.records} records), default settings\n`,
    );
    console.table(
      [...rows, { stage: "total", ...total }].map((row) => ({
        stage: row.stage,
        "calls/seed": (row.calls / seeds).toFixed(2),
        "input tokens/seed": Math.round(row.input / seeds),
        "input tokens/call": Math.round(row.input / Math.max(1, row.calls)),
        "output tokens/seed": Math.round(row.output / seeds),
      })),
    );
  } finally {
    server.stop();
    await rm(out, { recursive: true, force: true });
  }
}

await main();
