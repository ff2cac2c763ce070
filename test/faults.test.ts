// Fault injection end to end: a flaky server (rate limits, outages, hangs, badly formatted JSON) must
// not cost a single item, and an item that cannot succeed fails alone, with its reason, never silently.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, sampleRunArgs, testServerEnv } from "./support/cli.js";
import { readRecords } from "./support/dataset.js";
import { startTestServer, type TestServer } from "./support/openai-test-server.js";

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "faults-"));
});

const args = (url: string, out: string, ...extra: string[]) => ({
  argv: sampleRunArgs(out, "--concurrency", "8", "--timeout", "2", ...extra),
  env: testServerEnv(url),
});

async function status(out: string) {
  return JSON.parse((await runCli(["status", out, "--json"])).stdout);
}

describe("a flaky server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      latencyMs: 2,
      retryAfterSeconds: 0,
      seed: 11,
      faultRates: {
        "429": 0.05,
        "500": 0.04,
        "503": 0.02,
        reset: 0.02,
        hang: 0.01,
        malformed: 0.03,
        fenced: 0.05,
        prose: 0.05,
        invalid: 0.03,
      },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it("costs no item: every fault is retried or re-asked until the run is complete", async () => {
    const out = join(work, "flaky");
    // 6 % of answers are unusable here; five asks per agent call make losing an item (p ≈ 0.06^5 per call) negligible.
    const config = join(work, "flaky.config.json");
    await writeFile(config, JSON.stringify({ request: { outputAttempts: 5 } }));
    const { argv, env } = args(server.url, out, "--config", config);
    const result = await runCli(argv, { env });
    expect(result.code, result.stderr).toBe(0);
    const faults = new Set(server.requests.map((request) => request.fault).filter(Boolean));
    for (const fault of ["429", "500", "reset", "malformed", "fenced", "prose", "invalid"])
      expect(faults).toContain(fault);
    const final = await status(out);
    expect(final.items).toMatchObject({ failed: 0, pending: 0, running: 0 });
    expect(final.retries).toBeGreaterThan(0);
    expect(final.failedCalls).toBe(0);
    expect(readRecords(join(out, "data", "rc.jsonl")).length).toBe(final.records);
  });
});

describe("an item that cannot succeed", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ latencyMs: 2 });
  });
  afterAll(async () => {
    await server.close();
  });

  it("fails alone with the schema errors as its reason, and a rerun retries it", async () => {
    // Every answer about the sourdough document violates its schema.
    server.faultWhen((body) => (JSON.stringify(body.messages).includes("sourdough") ? "invalid" : undefined));
    const out = join(work, "poisoned");
    const { argv, env } = args(server.url, out);
    const result = await runCli(argv, { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /Failed items \(1\):\n\s+reading-comprehension\/[0-9a-f]{16}: transform:\w+: output failed its schema after 3 attempt\(s\)/,
    );
    expect(result.stderr).toContain("re-running the same command retries them");
    const first = await status(out);
    expect(first.items.failed).toBe(1);
    expect(first.items.done + first.items.filtered + first.items.failed).toBe(first.items.total);
    const records = readRecords(join(out, "data", "rc.jsonl"));
    expect(records.every((record) => !record.metadata.source.includes("sourdough"))).toBe(true);
    // What happened to the item: its error and every call it made, the rejected ones included.
    const itemId = first.failures[0].item as string;
    const inspected = await runCli(["status", out, "--item", itemId]);
    expect(inspected.stdout).toMatch(
      /status failed, attempts 1, records 0\nerror: transform:\w+: output failed its schema/,
    );
    expect(inspected.stdout).toMatch(/transform:\w+\s+openai:test-model\s+1\s+\d+\s+\d+/);
    const detail = JSON.parse((await runCli(["status", out, "--item", itemId, "--json"])).stdout);
    expect(detail.source).toMatch(/sourdough-basics\.rst#1$/);
    expect(detail.calls).toHaveLength(3);

    // The outage ends; the same command picks the failed item up again.
    server.reset();
    const rerun = await runCli(argv, { env });
    expect(rerun.code, rerun.stderr).toBe(0);
    const second = await status(out);
    expect(second.items).toMatchObject({ failed: 0, pending: 0, running: 0 });
    expect(
      readRecords(join(out, "data", "rc.jsonl")).some((record) => record.metadata.source.includes("sourdough")),
    ).toBe(true);
  });

  it("fails an item on a non-retryable 400 after exactly one request for that call", async () => {
    server.reset();
    server.faultWhen((body) => (JSON.stringify(body.messages).includes("sourdough") ? "400" : undefined));
    const out = join(work, "bad-request");
    const { argv, env } = args(server.url, out);
    const result = await runCli(argv, { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/failed \(not retryable\)/);
    const sourdough = server.requests.filter((request) => JSON.stringify(request.body.messages).includes("sourdough"));
    expect(sourdough).toHaveLength(1);
  });
});

describe("tracing with LangSmith unreachable", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ latencyMs: 1 });
  });
  afterAll(async () => {
    await server.close();
  });

  it("still finishes the run and exits within seconds of its work", async () => {
    const timed = async (name: string, tracing: Record<string, string>) => {
      const out = join(work, name);
      const { argv, env } = args(server.url, out, "--limit", "2");
      const started = performance.now();
      const result = await runCli(argv, { env: { ...env, ...tracing } });
      expect(result.code, result.stderr).toBe(0);
      expect((await status(out)).items.done).toBeGreaterThan(0);
      return (performance.now() - started) / 1000;
    };
    const untraced = await timed("untraced", {});
    const traced = await timed("traced", {
      LANGSMITH_TRACING: "true",
      LANGSMITH_API_KEY: "lsv2-test",
      // Nothing listens on port 9 (discard): every trace upload fails.
      LANGSMITH_ENDPOINT: "http://127.0.0.1:9",
    });
    // The same work with tracing on may take a few seconds more (the CLI gives uploads at most 3 s), never the
    // ~90 s an unflushed tracer used to hold the process.
    expect(traced - untraced).toBeLessThan(10);
  });
});
