// Benchmark: every skill over seeds/sample with default settings against the test server (in a child
// process): LLM calls per seed per skill, and one shortened example record per split to show its shape.
// Run on demand: `npm run build && node dist/bench/skills-calls.js [--examples]`.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { runSkills } from "../runner/run-skills.js";
import { resolveRunConfig } from "../runtime/config.js";
import type { DatasetRecord } from "../runtime/store/run-store.js";
import { openSqliteStore } from "../runtime/store/sqlite-store.js";

const SERVER = fileURLToPath(new URL("../test/support/openai-test-server.js", import.meta.url));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [SERVER, "--port", "0", "--latency", "5"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  for await (const line of createInterface({ input: child.stdout })) {
    const match = /listening on (\S+)/.exec(line);
    if (match?.[1]) return { url: match[1], stop: () => child.kill("SIGTERM") };
  }
  throw new Error("the test server did not start");
}

/** A record with every text cut to `length` characters, to show its shape. */
function shorten(record: DatasetRecord, length = 90): unknown {
  const cut = (value: unknown): unknown => {
    if (typeof value === "string") return value.length > length ? `${value.slice(0, length)}…` : value;
    if (Array.isArray(value)) return value.slice(0, 8).map(cut);
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, cut(inner)]));
    return value;
  };
  return cut(record);
}

async function main(): Promise<void> {
  const server = await startServer();
  const out = await mkdtemp(join(tmpdir(), "bench-skills-"));
  try {
    const config = resolveRunConfig(
      { skills: ["all"], seeds: [join(ROOT, "seeds/sample")], out, model: "openai:bench-model", concurrency: 32 },
      { OPENAI_BASE_URL: server.url },
      ROOT,
    );
    const started = performance.now();
    const outcome = await runSkills(config);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `\nAll skills over seeds/sample, default settings (rounds ${config.rounds}), ${seconds.toFixed(1)} s\n`,
    );
    console.table(
      outcome.summary.bySkill.map((skill) => ({
        skill: skill.skill,
        seeds: skill.done + skill.failed + skill.filtered,
        done: skill.done,
        failed: skill.failed,
        records: skill.records,
        "LLM calls": skill.calls,
        "calls/seed": (skill.calls / Math.max(1, skill.done + skill.failed)).toFixed(1),
      })),
    );
    if (process.argv.includes("--examples")) {
      const store = openSqliteStore(join(out, "run.db"));
      try {
        for (const split of await store.splits()) {
          for await (const record of store.records(split)) {
            console.log(`\n${split}:\n${JSON.stringify(shorten(record), null, 1)}`);
            break;
          }
        }
      } finally {
        await store.close();
      }
    }
  } finally {
    server.stop();
    await rm(out, { recursive: true, force: true });
  }
}

await main();
