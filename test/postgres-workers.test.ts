// Workers on many machines, for real: `run --store … --enqueue-only` reads the corpus into Postgres, three
// `worker --store …` processes (each as if on its own machine: own directory, own pool) share the run, and one is
// SIGKILLed mid-run. The survivors take its items over once its leases expire and finish: every item terminal
// once, no record twice, and no more calls repeated than the killed worker had in flight.
// Skipped, with the reason printed, where no Postgres answers.
import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresStore } from "../runtime/store/postgres-store.js";
import type { WorkerInfo } from "../runtime/store/run-store.js";
import { runCli, sampleRunArgs, spawnCli, testServerEnv } from "./support/cli.js";
import { type ParsedRecord, readRecords } from "./support/dataset.js";
import { startTestServer, type TestServer } from "./support/openai-test-server.js";
import { dropSchemas, freshSchema, postgresUnavailable } from "./support/postgres.js";

const unavailable = await postgresUnavailable();
if (unavailable) console.warn(`postgres worker tests skipped: ${unavailable}`);

/** Calls in flight per worker: what a killed worker can lose at most. */
const PER_WORKER = 2;

let server: TestServer;
let work: string;
let baseline: { calls: number; records: ParsedRecord[] };
const schemas: string[] = [];

const env = () => testServerEnv(server.url);

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(unavailable !== undefined)(
  `workers on a Postgres store${unavailable ? ` (skipped: ${unavailable})` : ""}`,
  () => {
    beforeAll(async () => {
      // Latency makes the run last long enough for a worker to be killed in the middle of it.
      server = await startTestServer({ latencyMs: 25, jitterMs: 15 });
      work = await mkdtemp(join(tmpdir(), "postgres-workers-"));
      const out = join(work, "baseline");
      const result = await runCli(sampleRunArgs(out, "--workers", "1"), { env: env() });
      expect(result.code, result.stderr).toBe(0);
      baseline = { calls: server.requests.length, records: readRecords(join(out, "data", "rc.jsonl")) };
      expect(baseline.records.length).toBeGreaterThan(30);
    });
    afterAll(async () => {
      await server?.close();
      await dropSchemas(schemas);
    });

    it("three workers, one SIGKILLed: the survivors finish, each item once, repeats ≤ its in-flight calls", async () => {
      const { schema, url } = freshSchema("workers");
      schemas.push(schema);
      server.reset();
      const enqueued = await runCli(sampleRunArgs(join(work, "coordinator"), "--store", url, "--enqueue-only"), {
        env: env(),
      });
      expect(enqueued.code, enqueued.stderr).toBe(0);
      expect(enqueued.stderr).toContain(`agentinstruct worker --store '${url}'`);
      expect(server.requests.length).toBe(0);

      // Each worker in a directory of its own, with nothing but the store's URL: as on three machines.
      const workers = await Promise.all(
        ["a", "b", "c"].map(async (machine) => {
          const cwd = join(work, `machine-${machine}`);
          await mkdir(cwd);
          const args = ["worker", "--store", url, "--concurrency", String(PER_WORKER), "--lease", "2"];
          return spawnCli(args, { env: env(), cwd });
        }),
      );
      const store = await openPostgresStore(url);
      let victim: WorkerInfo | undefined;
      try {
        await until(async () => {
          if (server.requests.length < baseline.calls * 0.25) return false;
          victim = (await store.workers()).find((worker) => worker.leftAt === undefined && worker.leases > 0);
          return victim !== undefined;
        }, "a worker holding items");
        process.kill(victim?.pid ?? 0, "SIGKILL");
        const results = await Promise.all(workers.map((worker) => worker.result));
        const killed = results.filter((result) => result.signal === "SIGKILL");
        expect(killed).toHaveLength(1);
        for (const result of results.filter((each) => each.signal === null)) expect(result.code, result.stderr).toBe(0);

        const final = JSON.parse((await runCli(["status", "--store", url, "--json"])).stdout);
        expect(final.items).toMatchObject({ pending: 0, running: 0, failed: 0 });
        expect(final.items.done + final.items.filtered).toBe(final.items.total);
        expect(final.staleLeases).toEqual([]);
        expect(final.records).toBe(baseline.records.length);
        expect(final.workers.map((worker: WorkerInfo) => worker.host)).toHaveLength(3);
        expect(final.workers.find((worker: WorkerInfo) => worker.id === victim?.id)).toBeDefined();

        const to = join(work, "dataset");
        const exported = await runCli(["export", "--store", url, "--format", "native", "--to", to]);
        expect(exported.code, exported.stderr).toBe(0);
        const ids = readRecords(join(to, "rc.jsonl")).map((record) => record.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.sort()).toEqual(baseline.records.map((record) => record.id).sort());
        // What the killed worker had in flight is all that was asked twice.
        expect(server.requests.length - baseline.calls).toBeLessThanOrEqual(PER_WORKER);
      } finally {
        await store.close();
      }
    });
  },
);
