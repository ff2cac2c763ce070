// Every shared-limits backend passes the same suite: in this process, SQLite, Postgres and Redis (the last two
// skipped, with the reason, when their server is not there).
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe } from "vitest";
import { InProcessLimits } from "../runtime/models/limits-in-process.js";
import { PostgresLimits } from "../runtime/models/limits-postgres.js";
import { RedisLimits } from "../runtime/models/limits-redis.js";
import { LIMITS_DB, SqliteLimits } from "../runtime/models/limits-sqlite.js";
import { sharedLimitsSuite } from "./shared-limits.suite.js";
import {
  dropRedisKeys,
  freshRunId,
  freshSchema,
  POSTGRES_URL,
  postgresUnavailable,
  REDIS_URL,
  redisUnavailable,
} from "./support/services.js";

sharedLimitsSuite({ name: "in-process", create: async () => ({ limits: new InProcessLimits() }) });

sharedLimitsSuite({
  name: "sqlite",
  create: async () => {
    const path = join(await mkdtemp(join(tmpdir(), "limits-")), LIMITS_DB);
    return { limits: new SqliteLimits(path), again: async () => new SqliteLimits(path) };
  },
});

const noPostgres = await postgresUnavailable();
const schemas: Array<() => Promise<void>> = [];
if (noPostgres) describe.skip(`postgres: skipped, ${noPostgres}`, () => {});
else {
  sharedLimitsSuite({
    name: `postgres (${POSTGRES_URL})`,
    create: async () => {
      const { url, drop } = await freshSchema();
      schemas.push(drop);
      const runId = freshRunId();
      return { limits: await PostgresLimits.open(url, runId), again: () => PostgresLimits.open(url, runId) };
    },
  });
}

const noRedis = await redisUnavailable();
const runIds: string[] = [];
if (noRedis) describe.skip(`redis: skipped, ${noRedis}`, () => {});
else {
  sharedLimitsSuite({
    name: `redis (${REDIS_URL})`,
    create: async () => {
      const runId = freshRunId();
      runIds.push(runId);
      const prefix = `agentinstruct:${runId}:`;
      return { limits: await RedisLimits.open(REDIS_URL, prefix), again: () => RedisLimits.open(REDIS_URL, prefix) };
    },
  });
}

afterAll(async () => {
  for (const drop of schemas) await drop();
  for (const runId of runIds) await dropRedisKeys(runId);
});
