// Resume for real: the CLI child is killed with SIGKILL (or stopped with SIGINT/SIGTERM) mid-run and run
// again. Every item must end terminal, no record may be duplicated or lost, and the model calls repeated
// because of the kill may not exceed the number that can be in flight (--concurrency).
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, sampleRunArgs, spawnCli, testServerEnv } from "./support/cli.js";
import { type ParsedRecord, readRecords } from "./support/dataset.js";
import { startTestServer, type TestServer } from "./support/openai-test-server.js";

const CONCURRENCY = 4;

let server: TestServer;
let work: string;
let baseline: { calls: number; records: ParsedRecord[] };

const env = () => testServerEnv(server.url);
const args = (out: string) => sampleRunArgs(out, "--concurrency", String(CONCURRENCY));

async function untilAnswered(count: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (server.completions < count) {
    if (Date.now() > deadline) throw new Error(`the server answered only ${server.completions} of ${count} calls`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function status(out: string) {
  const result = await runCli(["status", out, "--json"]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

function expectSameDataAsBaseline(out: string) {
  const records = readRecords(join(out, "data", "rc.jsonl"));
  const ids = records.map((record) => record.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.sort()).toEqual(baseline.records.map((record) => record.id).sort());
  expect(records.length).toBe(baseline.records.length);
}

beforeAll(async () => {
  // Latency makes a run last long enough to be killed at a chosen point.
  server = await startTestServer({ latencyMs: 25, jitterMs: 15 });
  work = await mkdtemp(join(tmpdir(), "resume-"));
  const out = join(work, "baseline");
  const result = await runCli(args(out), { env: env() });
  expect(result.code, result.stderr).toBe(0);
  baseline = { calls: server.requests.length, records: readRecords(join(out, "data", "rc.jsonl")) };
  expect(baseline.records.length).toBeGreaterThan(30);
});
afterAll(async () => {
  await server.close();
});

describe.each([
  { name: "once, half-way", kills: [0.5] },
  { name: "early, then again late", kills: [0.15, 0.7] },
  { name: "right at the start", kills: [0.02] },
])("SIGKILL mid-run ($name)", ({ kills }) => {
  it("resumes to the same dataset, repeating at most --concurrency calls per kill", async () => {
    server.reset();
    const out = join(work, `kill-${kills.join("-")}`);
    for (const fraction of kills) {
      const child = spawnCli(args(out), { env: env() });
      await untilAnswered(Math.ceil(baseline.calls * fraction));
      child.kill("SIGKILL");
      const killed = await child.result;
      expect(killed.signal).toBe("SIGKILL");
    }
    const interrupted = await status(out);
    expect(interrupted.items.done).toBeLessThan(interrupted.items.total);

    const resumed = await runCli(args(out), { env: env() });
    expect(resumed.code, resumed.stderr).toBe(0);
    const final = await status(out);
    expect(final.items).toMatchObject({ pending: 0, running: 0, failed: 0 });
    expect(final.items.done + final.items.filtered).toBe(final.items.total);
    expectSameDataAsBaseline(out);
    const repeated = server.requests.length - baseline.calls;
    expect(repeated).toBeLessThanOrEqual(CONCURRENCY * kills.length);
  });
});

describe.each([
  { signal: "SIGINT" as const, code: 130 },
  { signal: "SIGTERM" as const, code: 143 },
])("$signal mid-run", ({ signal, code }) => {
  it("stops cleanly, says how to resume, and the rerun completes", async () => {
    server.reset();
    const out = join(work, signal);
    const child = spawnCli(args(out), { env: env() });
    await untilAnswered(Math.ceil(baseline.calls * 0.4));
    child.kill(signal);
    const stopped = await child.result;
    expect(stopped.code).toBe(code);
    expect(stopped.stderr).toContain(`${signal} received: starting nothing new`);
    expect(stopped.stderr).toMatch(/Interrupted\. Resume with:\n\s+npx agentinstruct run --skills rc/);
    const interrupted = await status(out);
    expect(interrupted.items.running).toBe(0);
    expect(interrupted.items.pending).toBeGreaterThan(0);

    const resumed = await runCli(args(out), { env: env() });
    expect(resumed.code, resumed.stderr).toBe(0);
    expectSameDataAsBaseline(out);
    // A drained stop finishes its in-flight steps, so nothing at all is paid twice.
    expect(server.requests.length).toBeLessThanOrEqual(baseline.calls);
  });
});
