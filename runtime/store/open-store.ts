// Where a run's store lives: `<out>/run.db` (SQLite, one machine) unless a store URL names another backend
// (postgres://… for many machines: runtime/store/postgres-store.ts). Every command opens its store here.
import { join } from "node:path";
import { InputError } from "../errors.js";
import { parsePostgresUrl } from "./postgres-url.js";
import type { RunStore } from "./run-store.js";
import { openSqliteStore } from "./sqlite-store.js";

export const RUN_DB = "run.db";

export interface StoreLocation {
  /** The run's output directory (where run.db lives when there is no store URL). */
  out: string;
  /** A store URL (`postgres://…[?schema=name]`); absent: SQLite at `<out>/run.db`. */
  store?: string;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/** The store backend a location names: "sqlite" or "postgres". */
export function storeKind(location: StoreLocation): "sqlite" | "postgres" {
  return location.store && POSTGRES_URL.test(location.store) ? "postgres" : "sqlite";
}

/** A store URL with its password replaced, fit to print. */
export function describeStore(location: StoreLocation): string {
  if (storeKind(location) === "sqlite") return join(location.out, RUN_DB);
  return (location.store ?? "").replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}

/**
 * The one check of a store URL, for the `--store` flag and the config file's `store`: what is wrong with it, or
 * undefined when it can be used.
 */
export function storeUrlProblem(url: string): string | undefined {
  try {
    parsePostgresUrl(url);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** What went wrong, in one line: a refused connection can arrive as an AggregateError with no message of its own. */
function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && !error.message) return reasonOf(error.errors[0]);
  if (error instanceof Error) return error.message || (error as { code?: string }).code || error.name;
  return String(error);
}

/**
 * Open the store a location names, creating it when it is new; with `existing` (reading commands), a Postgres
 * schema without a run is an error rather than created. Postgres failures read `cannot open the run store <url>:
 * <reason>` (password hidden).
 */
export async function openStore(location: StoreLocation, options: { existing?: boolean } = {}): Promise<RunStore> {
  if (storeKind(location) === "postgres") {
    const url = location.store ?? "";
    try {
      // Loaded on demand: a SQLite run never loads pg.
      const { openPostgresStore } = await import("./postgres-store.js");
      return await openPostgresStore(url, options);
    } catch (error) {
      throw new InputError(`cannot open the run store ${describeStore(location)}: ${reasonOf(error)}`, {
        cause: error,
      });
    }
  }
  return openSqliteStore(join(location.out, RUN_DB));
}
