// The shared limits as a user meets them: two `agentinstruct run` processes on one --out pace by the same
// requests-per-minute allowance (limits.db beside run.db); `--redis URL` keeps the limits in Redis; a Redis that is
// not there stops the run before it starts, saying so.
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, sampleRunArgs, spawnCli, testServerEnv } from "./support/cli.js";
import { startTestServer, type TestServer } from "./support/openai-test-server.js";
import { dropRedisKeys, REDIS_URL, redisUnavailable } from "./support/services.js";

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "limits-cli-"));
});

// 20 requests per "minute" of 2 s: 10 requests/s for the two runs together. The two runs share the items (leases),
// so the corpus is large enough for one run alone to fill several windows.
const WINDOW_MS = 2000;
const RPM = 20;
const TOLD = ["--rpm", String((RPM * 60_000) / WINDOW_MS)];
const runArgs = (out: string, ...extra: string[]) =>
  sampleRunArgs(out, "--limit", "8", "--rounds", "0", "--concurrency", "16", ...extra);

describe("two run processes on one --out", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ latencyMs: 20, rateLimits: { rpm: RPM }, rateWindowMs: WINDOW_MS });
  });
  afterAll(async () => {
    await server.close();
  });

  it("share one --rpm allowance: no window over it by more than 10%, under 2% answered 429", async () => {
    const out = join(work, "two-runs");
    const env = testServerEnv(server.url);
    const first = spawnCli(runArgs(out, ...TOLD), { env });
    const second = spawnCli(runArgs(out, ...TOLD), { env });
    const results = await Promise.all([first.result, second.result]);
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(out, "limits.db"))).toBe(true);
    const times = server.requests.map((request) => request.at).sort((a, b) => a - b);
    const from = (times[0] ?? 0) + 1000;
    const counts: number[] = [];
    for (let start = from; start + WINDOW_MS <= (times.at(-1) ?? 0); start += WINDOW_MS) {
      counts.push(times.filter((at) => at >= start && at < start + WINDOW_MS).length);
    }
    const share = server.rateLimited / server.requests.length;
    console.log(
      `two runs: requests per ${WINDOW_MS / 1000} s window ${counts.join(", ")} (limit ${RPM}); ` +
        `${server.requests.length} requests, ${server.rateLimited} answered 429 (${(share * 100).toFixed(2)}%)`,
    );
    expect(counts.length).toBeGreaterThanOrEqual(2);
    for (const count of counts) expect(count).toBeLessThanOrEqual(RPM * 1.1);
    expect(share).toBeLessThan(0.02);
  });
});

const noRedis = await redisUnavailable();

describe("run --redis", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ latencyMs: 5 });
  });
  afterAll(async () => {
    await server.close();
  });

  it.skipIf(noRedis)(
    `keeps the run's limits in Redis under its run id${noRedis ? ` (skipped, ${noRedis})` : ""}`,
    async () => {
      const out = join(work, "redis");
      const result = await runCli(runArgs(out, ...TOLD, "--redis", REDIS_URL), { env: testServerEnv(server.url) });
      expect(result.code, result.stderr).toBe(0);
      const db = new Database(join(out, "run.db"), { readonly: true });
      const runId = (db.prepare("SELECT value FROM meta WHERE key = 'run_id'").get() as { value: string }).value;
      db.close();
      const { Redis } = await import("ioredis");
      const redis = new Redis(REDIS_URL);
      try {
        const keys = await redis.keys(`agentinstruct:${runId}:bucket:*`);
        expect(keys.some((key) => key.endsWith("|requests"))).toBe(true);
      } finally {
        redis.disconnect();
        await dropRedisKeys(runId);
      }
      expect(existsSync(join(out, "limits.db"))).toBe(false);
    },
  );

  it("stops before the first call when Redis is not there, saying where and why", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    server.reset();
    const result = await runCli(runArgs(join(work, "no-redis"), "--redis", `redis://127.0.0.1:${port}`), {
      env: testServerEnv(server.url),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `cannot share the run's rate limits and budget between its workers: cannot reach Redis at redis://127.0.0.1:${port}`,
    );
    expect(result.stderr).toContain("ECONNREFUSED");
    expect(server.requests.length).toBe(0);
  });

  it("refuses a URL that is not Redis's", async () => {
    const result = await runCli(runArgs(join(work, "bad-redis"), "--redis", "http://127.0.0.1:6379"), {
      env: testServerEnv(server.url),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--redis must be a redis:// or rediss:// URL, got "http://127.0.0.1:6379"');
  });
});
