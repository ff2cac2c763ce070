// The rate limits and the budget hold across all the workers of a run, not per process: real worker processes
// (test/support/limits-worker.ts: the real gateway, rate limits and budget) share the run's limits in its
// limits.db, its Postgres database or Redis, and send to the test server, which enforces a provider's RPM limit
// and counts what arrives. Postgres and Redis are skipped, with the reason, when their server is not there.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LimitsLocation } from "../runtime/models/open-limits.js";
import { guessRequestTokens } from "../runtime/models/token-estimate.js";
import type { WorkerReport, WorkerSpec } from "./support/limits-worker.js";
import { startTestServer, type TestServer } from "./support/openai-test-server.js";
import {
  dropRedisKeys,
  freshRunId,
  freshSchema,
  postgresUnavailable,
  REDIS_URL,
  redisUnavailable,
} from "./support/services.js";

const WORKER = fileURLToPath(new URL("../dist/test/support/limits-worker.js", import.meta.url));
const PRICE = { input: 2, output: 8 };

let work: string;
const cleanups: Array<() => Promise<void>> = [];
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "limits-workers-"));
});
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

function startWorker(spec: WorkerSpec): { child: ChildProcess; report: Promise<WorkerReport> } {
  const child = spawn(process.execPath, [WORKER, JSON.stringify(spec)], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const report = new Promise<WorkerReport>((resolve, reject) => {
    child.on("close", (code, signal) => {
      if (code === 0) resolve(JSON.parse(stdout) as WorkerReport);
      else reject(new Error(`worker ${spec.worker} exited ${code ?? signal}: ${stderr}`));
    });
  });
  return { child, report };
}

/** Where the three workers meet: the run's out directory (limits.db), a fresh Postgres schema, or Redis. */
type Backend = { name: string; unavailable?: string; location: () => Promise<LimitsLocation> };

const noPostgres = await postgresUnavailable();
const noRedis = await redisUnavailable();
const BACKENDS: Backend[] = [
  {
    name: "sqlite (limits.db beside run.db)",
    location: async () => ({ out: await mkdtemp(join(work, "out-")), runId: freshRunId() }),
  },
  {
    name: "postgres",
    unavailable: noPostgres,
    location: async () => {
      const { url, drop } = await freshSchema();
      cleanups.push(drop);
      return { out: await mkdtemp(join(work, "out-")), store: url, runId: freshRunId() };
    },
  },
  {
    name: "redis",
    unavailable: noRedis,
    location: async () => {
      const runId = freshRunId();
      cleanups.push(() => dropRedisKeys(runId));
      return { out: await mkdtemp(join(work, "out-")), redis: REDIS_URL, runId };
    },
  },
];

// The provider allows 30 requests per "minute" of 3 s: 10 requests/s for the three workers together, each of which
// would send several times that on its own (8 in flight, 20 ms per reply).
const WINDOW_MS = 3000;
const RPM = 30;
const TOLD_RPM = (RPM * 60_000) / WINDOW_MS;
const WORKERS = 3;
const DURATION_MS = 15_000;
/**
 * The first seconds are the buckets' burst allowance (a second's worth) and the workers' first connections, some of
 * whose requests taken in the first second arrive after it: not the steady rate.
 */
const WARMUP_MS = 2000;

/**
 * Requests (all of them, 429s included) per window of the provider's minute, from the warm-up after the first
 * request arrived (processes start late on a busy machine) to the end.
 */
function perWindow(server: TestServer, startAt: number): number[] {
  const first = Math.min(...server.requests.map((request) => request.at));
  const counts: number[] = [];
  for (let from = Math.max(startAt, first) + WARMUP_MS; from + WINDOW_MS <= startAt + DURATION_MS; from += WINDOW_MS) {
    counts.push(server.requests.filter((request) => request.at >= from && request.at < from + WINDOW_MS).length);
  }
  return counts;
}

async function runWorkers(
  server: TestServer,
  location: LimitsLocation,
  fields: Partial<WorkerSpec>,
): Promise<{ reports: WorkerReport[]; startAt: number }> {
  // Time for the processes to start (and load their modules) before the common start.
  const startAt = Date.now() + 2500;
  const workers = Array.from({ length: WORKERS }, (_, index) =>
    startWorker({
      worker: `w${index}`,
      limits: "shared",
      location,
      serverUrl: server.url,
      concurrency: 8,
      startAt,
      durationMs: DURATION_MS,
      price: PRICE,
      ...fields,
    }),
  );
  return { reports: await Promise.all(workers.map((worker) => worker.report)), startAt };
}

describe.each(BACKENDS)("three worker processes sharing the run's limits in $name", (backend) => {
  const skip = backend.unavailable ? `skipped, ${backend.unavailable}` : undefined;
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ latencyMs: 20, rateLimits: { rpm: RPM, headers: true }, rateWindowMs: WINDOW_MS });
  });
  afterAll(async () => {
    await server?.close();
  });

  const cases = [
    { how: "told the limit (--rpm)", fields: { rpm: TOLD_RPM } },
    { how: "learning it from x-ratelimit-* headers", fields: {} },
  ];
  it.skipIf(skip).each(cases)(
    `send within 10% of a shared RPM limit, under 2% answered 429, $how${skip ? ` (${skip})` : ""}`,
    async ({ how, fields }) => {
      server.reset();
      const { reports, startAt } = await runWorkers(server, await backend.location(), fields);
      const counts = perWindow(server, startAt);
      const share = server.rateLimited / server.requests.length;
      console.log(
        `${backend.name}, ${how}: requests per ${WINDOW_MS / 1000} s window ${counts.join(", ")} (limit ${RPM}); ` +
          `${server.requests.length} requests, ${server.rateLimited} answered 429 (${(share * 100).toFixed(2)}%); ` +
          `per worker ${reports.map((report) => report.calls).join(", ")}`,
      );
      expect(counts.length).toBeGreaterThanOrEqual(3);
      for (const count of counts) {
        // The limit holds: never more than 10% over it in any window.
        expect(count).toBeLessThanOrEqual(RPM * 1.1);
        // And the workers use it (29 to 31 on a quiet machine; lower bound loose for a loaded one, where every
        // take waits longer for the shared state).
        expect(count).toBeGreaterThanOrEqual(RPM * 0.8);
      }
      expect(share).toBeLessThan(0.02);
      // Every worker sent some: the limit is shared, not taken by the first. (Shares are not equal: a take is first
      // come, first served, and 12 of 180 was seen under load.)
      for (const report of reports) expect(report.calls).toBeGreaterThan(0);
    },
  );
});

describe("three worker processes each keeping its own limits (one process's pacing, for contrast)", () => {
  it("send about three times the limit, and meet a wall of 429s", async () => {
    const server = await startTestServer({ latencyMs: 20, rateLimits: { rpm: RPM }, rateWindowMs: WINDOW_MS });
    try {
      const { startAt } = await runWorkers(
        server,
        { out: await mkdtemp(join(work, "out-")), runId: freshRunId() },
        { rpm: TOLD_RPM, limits: "process" },
      );
      const counts = perWindow(server, startAt);
      const share = server.rateLimited / server.requests.length;
      console.log(
        `per process: requests per window ${counts.join(", ")} (limit ${RPM}), ${(share * 100).toFixed(1)}% answered 429`,
      );
      for (const count of counts) expect(count).toBeGreaterThan(RPM * 2);
      expect(share).toBeGreaterThan(0.3);
    } finally {
      await server.close();
    }
  });
});

/** What one call of the workers' is reserved at: its estimated cost (its text, and the reply tokens guessed). */
function estimatedCallUsd(): number {
  const guess = guessRequestTokens({
    model: { provider: "openai", name: "test-model", apiKey: "k", temperature: 0.7, structuredOutput: "json_schema" },
    messages: [
      { role: "user", content: "Worker w0, question 1: how far is the moon from the earth, and how do we know?" },
    ],
  });
  return (guess.input * PRICE.input + guess.output * PRICE.output) / 1e6;
}

describe.each(BACKENDS)("a budget shared by worker processes in $name", (backend) => {
  const skip = backend.unavailable ? `skipped, ${backend.unavailable}` : undefined;
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ latencyMs: 30 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it.skipIf(skip)(
    `is never overspent by more than the dearest call, whatever the number of workers${skip ? ` (${skip})` : ""}`,
    async () => {
      const limit = estimatedCallUsd() * 6;
      const { reports } = await runWorkers(server, await backend.location(), {
        budget: { usd: limit, ttlMs: 5000 },
        concurrency: 4,
        durationMs: 60_000,
      });
      const costs = reports.flatMap((report) => report.costs);
      const spent = costs.reduce((total, usd) => total + usd, 0);
      const dearest = Math.max(...costs);
      console.log(
        `${backend.name}: ${costs.length} calls by ${WORKERS} workers spent $${spent.toFixed(5)} of $${limit.toFixed(5)} ` +
          `(dearest call $${dearest.toFixed(5)}); calls per worker ${reports.map((report) => report.calls).join(", ")}`,
      );
      for (const report of reports) expect(report.refused).toBe(true);
      expect(spent).toBeLessThanOrEqual(limit + dearest);
      // The workers spent the budget, not a small part of it: room came back as calls settled.
      expect(spent).toBeGreaterThan(limit * 0.5);
      expect(server.requests.length).toBe(costs.length);
    },
  );

  it.skipIf(skip)(
    `gets the room a SIGKILLed worker had reserved back once its reservations lapse${skip ? ` (${skip})` : ""}`,
    async () => {
      const location = await backend.location();
      // The dying worker's calls hang at a server that never answers; it reserves about 3 of the 3.5 calls' room.
      const stuck = await startTestServer({ latencyMs: 600_000 });
      const ttlMs = 3000;
      const limit = estimatedCallUsd() * 3.5;
      try {
        const dying = startWorker({
          worker: "dying",
          limits: "shared",
          location,
          serverUrl: stuck.url,
          concurrency: 4,
          startAt: Date.now(),
          durationMs: 600_000,
          budget: { usd: limit, ttlMs },
          price: PRICE,
        });
        dying.report.catch(() => undefined);
        const deadline = Date.now() + 30_000;
        while (stuck.requests.length < 3 && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 20));
        expect(stuck.requests.length).toBe(3);
        dying.child.kill("SIGKILL");
        const killedAt = Date.now();
        server.reset();
        const survivor = startWorker({
          worker: "survivor",
          limits: "shared",
          location,
          serverUrl: server.url,
          concurrency: 2,
          startAt: Date.now(),
          durationMs: 30_000,
          budget: { usd: limit, ttlMs: 5000 },
          price: PRICE,
        });
        const report = await survivor.report;
        const firstAt = Math.min(...server.requests.map((request) => request.at));
        console.log(
          `${backend.name}: the survivor's first call went ${((firstAt - killedAt) / 1000).toFixed(2)} s after the kill ` +
            `(TTL ${ttlMs / 1000} s); it made ${report.calls} calls`,
        );
        // Not before the dead worker's last renewal had lapsed (renewed every TTL/3), and not long after.
        expect(firstAt - killedAt).toBeGreaterThanOrEqual(ttlMs - ttlMs / 3 - 100);
        expect(firstAt - killedAt).toBeLessThan(ttlMs + 3000);
        expect(report.calls).toBeGreaterThan(3);
        expect(report.refused).toBe(true);
      } finally {
        await stuck.close();
      }
    },
  );
});
