// `agentinstruct estimate` as a user runs it (the built CLI, a real child process): it predicts the call count of a
// real run against the test server from a sample, sends no request and writes nothing to --out, takes output
// tokens from an earlier run's call log, prices what it can and says "unknown" for what it cannot.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Estimate } from "../runner/estimate.js";
import type { CallRecord } from "../runtime/store/run-store.js";
import { openSqliteStore } from "../runtime/store/sqlite-store.js";
import { cliEnv, runCli, spawnCli } from "./support/cli.js";
import { startTestServer, type TestServer } from "./support/openai-test-server.js";

let server: TestServer;
let work: string;
let realOut: string;
let realRequests: number;
/** The real run's calls per item (what the server was asked, item by item). */
let realCalls: Map<string, CallRecord[]>;

const SKILL = "reading-comprehension";
const flags = (...extra: string[]) => [
  "--skills",
  SKILL,
  "--seeds",
  "seeds/sample",
  "--model",
  "openai:test-model",
  "--concurrency",
  "8",
  ...extra,
];
/** The child's temp directory is a fresh folder, so the test sees whatever the estimate leaves behind. */
function estimateEnv(extra: Record<string, string | undefined> = {}) {
  const tmp = mkdtempSync(join(work, "tmp-"));
  return { tmp, env: cliEnv({ OPENAI_BASE_URL: server.url, OPENAI_API_KEY: "test-key", TMPDIR: tmp, ...extra }) };
}
const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
function snapshot(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    entries[name] = statSync(path).isDirectory() ? "dir" : sha256(path);
  }
  return entries;
}

async function estimate(args: string[], env: NodeJS.ProcessEnv): Promise<Estimate> {
  const before = server.requests.length;
  const result = await runCli(["estimate", ...args, "--json"], { env });
  expect(result.stderr).not.toMatch(/^error/m);
  expect(result.code).toBe(0);
  expect(server.requests.length).toBe(before); // not one request reached a model
  return JSON.parse(result.stdout) as Estimate;
}

beforeAll(async () => {
  server = await startTestServer({ latencyMs: 1 });
  work = mkdtempSync(join(tmpdir(), "estimate-"));
  realOut = join(work, "real");
  const result = await runCli(["run", ...flags("--out", realOut)], {
    env: cliEnv({ OPENAI_BASE_URL: server.url, OPENAI_API_KEY: "test-key" }),
  });
  expect(result.code).toBe(0);
  realRequests = server.requests.length;
  const store = openSqliteStore(join(realOut, "run.db"));
  realCalls = new Map();
  try {
    for (const item of await store.listItems(["done", "filtered", "failed"])) {
      realCalls.set(
        item.id,
        (await store.itemCalls(item.id)).filter((call) => !call.cached),
      );
    }
  } finally {
    await store.close();
  }
}, 300_000);
afterAll(async () => {
  await server.close();
});

describe("agentinstruct estimate", () => {
  it("predicts the real run's calls from 3 of 11 seeds, sending nothing and writing nothing", async () => {
    const { tmp, env } = estimateEnv();
    const out = join(work, "never-written");
    const result = await estimate([...flags("--out", out), "--sample", "3"], env);

    expect(result.model).toBe("simulated");
    const [skill] = result.skills;
    expect(skill).toMatchObject({ skill: SKILL, items: realCalls.size, sampled: 3, sampleFailed: 0 });
    const error = Math.abs(result.total.calls.expected - realRequests) / realRequests;
    console.log(
      `estimate ${result.total.calls.expected.toFixed(1)} calls (${result.total.calls.low}–${result.total.calls.high}) ` +
        `from 3 of ${realCalls.size} items; real run ${realRequests} requests (${(error * 100).toFixed(1)}% off)`,
    );
    expect(error).toBeLessThanOrEqual(0.15);
    expect(result.total.calls.low).toBeLessThanOrEqual(realRequests);
    expect(result.total.calls.high).toBeGreaterThanOrEqual(realRequests);
    // The simulated model answers as the test server does: each sampled item makes exactly the real item's calls.
    for (const sampled of skill?.sampleItems ?? []) {
      expect(sampled.calls).toBe(realCalls.get(sampled.item)?.length);
    }
    expect(result.tokenizers["openai:test-model"]).toEqual({ encoding: "cl100k_base", exact: false });

    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp)).toEqual([]); // its scratch directory is gone
  }, 300_000);

  it("leaves an existing --out exactly as it was, and prices calls with the config's prices", async () => {
    const config = join(work, "priced.json");
    // A lasting cache in the config is never filled with simulated replies: a real run would replay them.
    const lasting = join(work, "lasting-cache.db");
    writeFileSync(config, JSON.stringify({ prices: { "openai:test-model": { input: 2, output: 8 } }, cache: lasting }));
    const before = snapshot(realOut);
    const { env } = estimateEnv();
    const result = await estimate([...flags("--out", realOut, "--config", config), "--sample", "2"], env);
    expect(snapshot(realOut)).toEqual(before);
    expect(existsSync(lasting)).toBe(false);

    expect(result.prices["openai:test-model"]).toEqual({ input: 2, output: 8 });
    expect(result.unpriced).toEqual([]);
    const [skill] = result.skills;
    for (const sampled of skill?.sampleItems ?? []) {
      expect(sampled.usd).toBeCloseTo((sampled.inputTokens * 2 + sampled.outputTokens * 8) / 1e6, 12);
    }
    const mean = (skill?.sampleItems ?? []).reduce((sum, item) => sum + (item.usd ?? 0), 0) / 2;
    expect(skill?.perItem.usd?.mean).toBeCloseTo(mean, 12);
    expect(result.total.usd?.expected).toBeCloseTo(mean * realCalls.size, 10);
    expect(result.total.usd?.low).toBeLessThanOrEqual(result.total.usd?.expected ?? 0);
  }, 300_000);

  it("takes output tokens from an earlier run's call log with --from, leaving its data untouched", async () => {
    const db = join(realOut, "run.db");
    const hash = sha256(db);
    const { env } = estimateEnv();
    const result = await estimate([...flags("--from", realOut), "--sample", "2"], env);
    expect(sha256(db)).toBe(hash);

    expect(result.outputTokens.source).toBe("from");
    expect(result.outputTokens.from).toBe(realOut);
    const byAgent = new Map<string, number[]>();
    for (const calls of realCalls.values()) {
      for (const call of calls) byAgent.set(call.agent, [...(byAgent.get(call.agent) ?? []), call.usage.output_tokens]);
    }
    expect(result.outputTokens.byAgent.length).toBeGreaterThan(0);
    for (const agent of result.outputTokens.byAgent) {
      const real = byAgent.get(agent.agent) ?? [];
      expect(agent).toMatchObject({ source: "from", calls: real.length });
      expect(agent.tokensPerCall).toBeCloseTo(real.reduce((sum, n) => sum + n, 0) / real.length, 9);
    }
  }, 300_000);

  it("prints a table labelled simulated, with unknown (never $0) dollars for a model without a price", async () => {
    const { env } = estimateEnv();
    const result = await runCli(["estimate", ...flags("--sample", "1", "--rounds", "0")], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("SIMULATED model");
    expect(result.stdout).toMatch(/^skill\s+items\s+sampled\s+calls\/item/m);
    expect(result.stdout).toMatch(new RegExp(`^${SKILL}\\s+${realCalls.size}\\s+1\\s`, "m"));
    expect(result.stdout).toContain("unknown (no price for openai:test-model)");
    expect(result.stdout).not.toMatch(/\$0(?![.\d])/);
    expect(result.stdout).toContain("js-tiktoken cl100k_base (approximate");
    expect(result.stdout).toContain("per-role defaults");
  }, 300_000);

  it("needs no API key and no server, and counts OpenAI models with their own encoding at list price", async () => {
    const tmp = mkdtempSync(join(work, "tmp-"));
    const env = cliEnv({ TMPDIR: tmp }); // no OPENAI_API_KEY, no OPENAI_BASE_URL
    const result = await runCli(
      [
        "estimate",
        "--skills",
        SKILL,
        "--seeds",
        "seeds/sample",
        "--model",
        "openai:gpt-4o-mini",
        "--rounds",
        "0",
      ].concat(["--sample", "1", "--json"]),
      { env },
    );
    expect(result.code).toBe(0);
    const estimate = JSON.parse(result.stdout) as Estimate;
    expect(estimate.tokenizers["openai:gpt-4o-mini"]).toEqual({ encoding: "o200k_base", exact: true });
    const [sampled] = estimate.skills[0]?.sampleItems ?? [];
    expect(sampled?.usd).toBeCloseTo(
      ((sampled?.inputTokens ?? 0) * 0.15 + (sampled?.outputTokens ?? 0) * 0.6) / 1e6,
      12,
    );
    expect(readdirSync(tmp)).toEqual([]);
  }, 300_000);

  it("removes its scratch directory when interrupted and when it fails", async () => {
    const { tmp, env } = estimateEnv();
    const child = spawnCli(["estimate", ...flags("--sample", "11")], { env });
    await new Promise<void>((resolve) => {
      child.stderr?.on("data", (chunk) => {
        // Soon after it starts: on a quiet machine the whole sample takes little more than a second.
        if (String(chunk).includes("SIMULATED")) setTimeout(resolve, 100);
      });
    });
    expect(readdirSync(tmp)).toHaveLength(1); // working in it
    child.kill("SIGINT");
    const interrupted = await child.result;
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toContain("nothing was kept");
    expect(readdirSync(tmp)).toEqual([]);

    const failed = await runCli(
      ["estimate", ...flags().map((arg) => (arg === "seeds/sample" ? "no/such/seeds" : arg))],
      {
        env,
      },
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("no/such/seeds");
    expect(readdirSync(tmp)).toEqual([]);
  }, 300_000);
});
