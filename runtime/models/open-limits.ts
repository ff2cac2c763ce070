// Where a run's workers share their rate limits and budget (shared-limits.ts): Redis when configured, else beside
// the run's store (the Postgres database for a postgres:// store, `<out>/limits.db` for a SQLite run.db).
import { join } from "node:path";
import { ConfigError } from "../errors.js";
import { type StoreLocation, storeKind } from "../store/open-store.js";
import { LIMITS_DB, SqliteLimits } from "./limits-sqlite.js";
import type { SharedLimits } from "./shared-limits.js";

export interface LimitsLocation extends StoreLocation {
  /** A Redis URL (`redis://…`): the limits live there instead of beside the store. */
  redis?: string;
  /** The run's id: one run's limits never mix with another's in a shared database or Redis. */
  runId: string;
}

export async function openSharedLimits(location: LimitsLocation): Promise<SharedLimits> {
  try {
    if (location.redis) {
      const { RedisLimits } = await import("./limits-redis.js");
      return await RedisLimits.open(location.redis, `agentinstruct:${location.runId}:`);
    }
    if (storeKind(location) === "postgres" && location.store) {
      const { PostgresLimits } = await import("./limits-postgres.js");
      return await PostgresLimits.open(location.store, location.runId);
    }
    return new SqliteLimits(join(location.out, LIMITS_DB));
  } catch (error) {
    throw new ConfigError(
      `cannot share the run's rate limits and budget between its workers: ${(error as Error).message}`,
    );
  }
}
