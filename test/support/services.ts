// The real Postgres and Redis the shared-limits tests use, each on a place of its own (a fresh schema, a fresh key
// prefix) so parallel tests and helpers never collide; a test skips, saying why, when the server is not there.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { dropSchemas, freshSchema as freshPostgresSchema, TEST_POSTGRES } from "./postgres.js";

export { postgresUnavailable } from "./postgres.js";
export const POSTGRES_URL = TEST_POSTGRES;
export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A new schema, created, and the store URL naming it (`?schema=`, as the run store's); drop() removes it. */
export async function freshSchema(): Promise<{ url: string; drop: () => Promise<void> }> {
  const { schema, url } = freshPostgresSchema("limits");
  const client = new pg.Client({ connectionString: TEST_POSTGRES });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  return { url, drop: () => dropSchemas([schema]) };
}

/** Why Redis cannot be used here, or undefined when it can. */
export async function redisUnavailable(): Promise<string | undefined> {
  const { Redis } = await import("ioredis");
  const redis = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0 });
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return undefined;
  } catch (error) {
    return `no Redis at ${REDIS_URL}: ${(error as Error).message}`;
  } finally {
    redis.disconnect();
  }
}

/** A run id no other test uses (the Redis key prefix and Postgres namespace derive from it). */
export const freshRunId = () => `test-${randomUUID().slice(0, 12)}`;

/** Deletes every Redis key of a run id's prefix. */
export async function dropRedisKeys(runId: string): Promise<void> {
  const { Redis } = await import("ioredis");
  const redis = new Redis(REDIS_URL);
  try {
    const keys = await redis.keys(`agentinstruct:${runId}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
