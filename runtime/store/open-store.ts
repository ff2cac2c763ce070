// Where a run's store lives: `<out>/run.db` (SQLite, one machine) unless a store URL names another backend
// (postgres://… for many machines: runtime/store/postgres-store.ts). Every command opens its store here.
import { join } from "node:path";
import type { RunStore } from "./run-store.js";
import { openSqliteStore } from "./sqlite-store.js";

export const RUN_DB = "run.db";

export interface StoreLocation {
  /** The run's output directory. */
  out: string;
  /** A store URL (`postgres://…`); absent: SQLite at `<out>/run.db`. */
  store?: string;
}

/** The store backend a location names: "sqlite" or "postgres". */
export function storeKind(location: StoreLocation): "sqlite" | "postgres" {
  return location.store && /^postgres(ql)?:\/\//.test(location.store) ? "postgres" : "sqlite";
}

/** A store URL with its password replaced, fit to print. */
export function describeStore(location: StoreLocation): string {
  if (storeKind(location) === "sqlite") return join(location.out, RUN_DB);
  return (location.store ?? "").replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}

export async function openStore(location: StoreLocation): Promise<RunStore> {
  if (storeKind(location) === "postgres") {
    throw new Error("postgres stores are not available yet");
  }
  return openSqliteStore(join(location.out, RUN_DB));
}
