// Several workers on one run, for real: CLI processes sharing one SQLite --out, a worker child SIGKILLed in the
// middle of `run --workers 3`, and `worker` joining a run that `run --enqueue-only` put in the store. Every item
// must end terminal once, no record may be committed twice, and the calls repeated may not exceed what was in
// flight where a worker died.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkerInfo } from "../runtime/store/run-store.js";
import { openSqliteStore } from "../runtime/store/sqlite-store.js";
import { runCli, sampleRunArgs, spawnCli, testServerEnv } from "./support/cli.js";
import { type ParsedRecord, readRecords } from "./support/dataset.js";
import { startTestServer, type TestServer } from "./support/openai-test-server.js";

const CONCURRENCY = 6;

let server: TestServer;
let work: string;
let baseline: { calls: number; records: ParsedRecord[] };

const env = () => testServerEnv(server.url);
const args = (out: string, ...extra: string[]) => sampleRunArgs(out, "--concurrency", String(CONCURRENCY), ...extra);

async function status(out: string) {
  const result = await runCli(["status", out, "--json"]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

async function until(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every item terminal, and the same records as one process writes alone: each exactly once. */
async function expectFinishedLikeBaseline(out: string) {
  const final = await status(out);
  expect(final.items).toMatchObject({ pending: 0, running: 0, failed: 0 });
  expect(final.items.done + final.items.filtered).toBe(final.items.total);
  expect(final.staleLeases).toEqual([]);
  const ids = readRecords(join(out, "data", "rc.jsonl")).map((record) => record.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.sort()).toEqual(baseline.records.map((record) => record.id).sort());
  expect(final.records).toBe(baseline.records.length);
  return final;
}

beforeAll(async () => {
  // Latency makes a run last long enough for a second process to join it and for a worker to be killed mid-run.
  server = await startTestServer({ latencyMs: 25, jitterMs: 15 });
  work = await mkdtemp(join(tmpdir(), "workers-"));
  const out = join(work, "baseline");
  const result = await runCli(args(out, "--workers", "1"), { env: env() });
  expect(result.code, result.stderr).toBe(0);
  baseline = { calls: server.requests.length, records: readRecords(join(out, "data", "rc.jsonl")) };
  expect(baseline.records.length).toBeGreaterThan(30);
});
afterAll(async () => {
  await server.close();
});

describe("two `run` processes on one --out, started a second apart", () => {
  it("share the items: no more calls than one run plus the concurrency, each record once, both exit 0", async () => {
    server.reset();
    const out = join(work, "two-processes");
    // One worker each (as before --workers existed): two rows in the store, one per process. Two items in flight
    // each, and the second started as soon as the first is calling the model: on a quiet machine a first process
    // with six items in flight finished the sample before a second one a second behind it had started.
    const same = [...args(out, "--workers", "1"), "--concurrency", "2"];
    const first = spawnCli(same, { env: env() });
    await until(() => server.requests.length > 0, "the first process's first request");
    const second = spawnCli(same, { env: env() });
    const [one, two] = await Promise.all([first.result, second.result]);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    // The second really joined: both ran items, and both left.
    const final = await expectFinishedLikeBaseline(out);
    expect(final.workers).toHaveLength(2);
    for (const worker of final.workers) {
      expect(worker.finished).toBeGreaterThan(0);
      expect(worker.leftAt).toBeDefined();
    }
    expect(server.requests.length).toBeLessThanOrEqual(baseline.calls + CONCURRENCY);
  });
});

describe("run --workers 3 with one worker SIGKILLed mid-run", () => {
  it("finishes with the others: every item once, no duplicate record, repeats ≤ the killed worker's in flight", async () => {
    server.reset();
    const out = join(work, "kill-a-worker");
    const parent = spawnCli(args(out, "--workers", "3"), { env: env() });
    // The workers register in the store; once calls are flowing, kill one that holds items (not the parent).
    // The store is read directly: a `status` process would take longer than the run has left.
    let victim: WorkerInfo | undefined;
    await until(async () => {
      if (server.requests.length < baseline.calls * 0.25) return false;
      const store = openSqliteStore(join(out, "run.db"));
      try {
        victim = (await store.workers()).find((worker) => worker.leftAt === undefined && worker.leases > 0);
      } finally {
        await store.close();
      }
      return victim !== undefined;
    }, "a worker holding items");
    process.kill(victim?.pid ?? 0, "SIGKILL");
    const result = await parent.result;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      `worker process ${victim?.pid} was killed by SIGKILL; the other workers took its items over and finished them.`,
    );
    const final = await expectFinishedLikeBaseline(out);
    const killed = final.workers.find((worker: { id: string }) => worker.id === victim?.id);
    // Its row stays (marked left by the worker that released its items); the survivors did the rest.
    expect(killed).toBeDefined();
    // Each of the three had a third of the concurrency: at most that many calls were lost with it.
    expect(server.requests.length - baseline.calls).toBeLessThanOrEqual(CONCURRENCY / 3);
  });
});

describe("a worker stalled past its lease (SIGSTOP)", () => {
  it("loses its items to another worker, which finishes them; its late results are dropped, never committed", async () => {
    server.reset();
    const out = join(work, "stalled");
    const enqueued = await runCli(args(out, "--enqueue-only"), { env: env() });
    expect(enqueued.code, enqueued.stderr).toBe(0);
    const stalled = spawnCli(["worker", "--out", out, "--concurrency", "2", "--lease", "2"], { env: env() });
    await until(() => server.requests.length >= baseline.calls * 0.2, "the first worker's calls");
    stalled.kill("SIGSTOP");
    const held = await (async () => {
      const store = openSqliteStore(join(out, "run.db"));
      try {
        return (await store.workers())[0]?.leases ?? 0;
      } finally {
        await store.close();
      }
    })();
    expect(held).toBeGreaterThan(0);
    // Its process is alive (stopped), so the second worker waits for the leases to run out, then takes them over.
    const taker = await runCli(["worker", "--out", out, "--concurrency", "4", "--lease", "2"], { env: env() });
    expect(taker.code, taker.stderr).toBe(0);
    stalled.kill("SIGCONT");
    const late = await stalled.result;
    expect(late.code, late.stderr).toBe(0);
    expect(late.stderr).toMatch(/\d+ item\(s\) were taken over by other workers after this worker's leases ran out/);
    // No bound on calls here: on waking, the stalled worker finishes the steps it was in before its first heartbeat
    // finds the items gone (README > Scale out); what matters is that none of it is committed.
    await expectFinishedLikeBaseline(out);
  });
});

describe("worker joining a run --enqueue-only put in the store", () => {
  it("enqueues without calling a model, then the worker runs every item and leaves", async () => {
    server.reset();
    const out = join(work, "enqueued");
    const enqueued = await runCli(args(out, "--enqueue-only"), { env: env() });
    expect(enqueued.code, enqueued.stderr).toBe(0);
    expect(enqueued.stderr).toMatch(/Enqueued \d+ item\(s\) from \d+ seed\(s\)/);
    expect(enqueued.stderr).toContain(`agentinstruct worker --out ${out}`);
    expect(server.requests.length).toBe(0);
    const waiting = await status(out);
    expect(waiting.items.pending).toBe(waiting.items.total);
    expect(waiting.workers).toEqual([]);

    // No corpus and no model flags: the worker takes the run's configuration from the store.
    const worker = await runCli(["worker", "--out", out, "--concurrency", "3"], { env: env() });
    expect(worker.code, worker.stderr).toBe(0);
    const final = await expectFinishedLikeBaseline(out);
    expect(final.workers).toMatchObject([{ inFlight: 0, finished: final.items.total, leases: 0 }]);
    expect(final.workers[0].leftAt).toBeDefined();
    expect(server.requests.length).toBe(baseline.calls);

    const status2 = await runCli(["status", out]);
    expect(status2.stdout).toMatch(/Workers \(1\):\n\s+worker\s+host\s+pid\s+in flight\s+leases\s+finished/);
  });

  it("refuses a directory with no run, saying how to start one", async () => {
    const result = await runCli(["worker", "--out", join(work, "nothing")], { env: env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no run found at .*nothing.*start one with `agentinstruct run`/);
  });
});
