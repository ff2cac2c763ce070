// The shared limits' state in the run's Postgres database, for workers on many machines. Each operation is one
// transaction that locks the rows it decides on (buckets in key order, the budget's row), so two workers never
// decide on the same level; every time is the database's clock, so the machines' clocks need not agree. The tables
// (limits_*) live in the run store's schema (the URL's `schema`, as postgres-store.ts), keyed by the run (`ns`).
import type { Pool, PoolClient } from "pg";
import { parsePostgresUrl } from "../store/postgres-url.js";
import {
  type BucketAdjustment,
  type BucketSpec,
  type BucketTake,
  type BudgetReserve,
  decideReserve,
  decideTake,
  type LearnedLimits,
  mergeLearned,
  type ReserveOutcome,
  refilled,
  type SharedLimits,
  touched,
} from "./shared-limits.js";

const tables = (s: string) => `
CREATE TABLE IF NOT EXISTS ${s}.limits_buckets (
  ns text NOT NULL, key text NOT NULL, level float8 NOT NULL, at float8 NOT NULL, PRIMARY KEY (ns, key));
CREATE TABLE IF NOT EXISTS ${s}.limits_learned (ns text NOT NULL, endpoint text NOT NULL, value jsonb NOT NULL,
  PRIMARY KEY (ns, endpoint));
CREATE TABLE IF NOT EXISTS ${s}.limits_budget (ns text PRIMARY KEY, spent float8 NOT NULL, reached_at float8);
CREATE TABLE IF NOT EXISTS ${s}.limits_budget_workers (ns text NOT NULL, worker text NOT NULL,
  alive_until float8 NOT NULL, PRIMARY KEY (ns, worker));
CREATE TABLE IF NOT EXISTS ${s}.limits_reservations (ns text NOT NULL, id text NOT NULL, worker text NOT NULL,
  usd float8 NOT NULL, PRIMARY KEY (ns, id));
`;

/** The database's clock in milliseconds. */
const NOW = "(extract(epoch from clock_timestamp()) * 1000)::float8";

export class PostgresLimits implements SharedLimits {
  /** Bucket rows this process knows exist, so a take need not insert them first. */
  private readonly known = new Set<string>();

  /** The schema, quoted for SQL. */
  private readonly s: string;

  private constructor(
    private readonly pool: Pool,
    schema: string,
    private readonly ns: string,
  ) {
    this.s = `"${schema}"`;
  }

  /** Connects (pg is loaded only here) and creates the tables once, whichever worker comes first. */
  static async open(url: string, ns: string): Promise<PostgresLimits> {
    const { connectionString, schema } = parsePostgresUrl(url);
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString, max: 4, connectionTimeoutMillis: 10_000 });
    // An idle connection that drops is replaced at its next use, where a failure is reported to the caller; without
    // a listener, the pool's error event would end the process.
    pool.on("error", () => undefined);
    const limits = new PostgresLimits(pool, schema, ns);
    try {
      await limits.transaction(async (client) => {
        await client.query("SELECT pg_advisory_xact_lock(hashtext('agentinstruct limits schema'))");
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
        await client.query(tables(`"${schema}"`));
      });
    } catch (error) {
      await pool.end();
      throw error;
    }
    return limits;
  }

  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Locks the buckets (created full when new) in key order, with their contents now on the database's clock. */
  private async lockBuckets(
    client: PoolClient,
    specs: readonly BucketSpec[],
  ): Promise<{ levels: Map<string, number>; now: number }> {
    const fresh = specs.filter((spec) => !this.known.has(spec.key));
    if (fresh.length > 0) {
      await client.query(
        `INSERT INTO ${this.s}.limits_buckets (ns, key, level, at)
         SELECT $1, key, size, ${NOW} FROM unnest($2::text[], $3::float8[]) AS t(key, size)
         ON CONFLICT (ns, key) DO NOTHING`,
        [this.ns, fresh.map((spec) => spec.key), fresh.map((spec) => spec.size)],
      );
      for (const spec of fresh) this.known.add(spec.key);
    }
    const { rows } = await client.query<{ key: string; level: number; at: number; now: number }>(
      `SELECT key, level, at, ${NOW} AS now FROM ${this.s}.limits_buckets WHERE ns = $1 AND key = ANY($2::text[])
       ORDER BY key FOR UPDATE`,
      [this.ns, specs.map((spec) => spec.key)],
    );
    const byKey = new Map(rows.map((row) => [row.key, row]));
    const now = rows[0]?.now ?? 0;
    return { levels: new Map(specs.map((spec) => [spec.key, refilled(byKey.get(spec.key), spec, now)])), now };
  }

  async take(takes: readonly BucketTake[], adjustments: readonly BucketAdjustment[] = []): Promise<number> {
    return this.transaction(async (client) => {
      const { levels, now } = await this.lockBuckets(client, touched(takes, adjustments));
      const decided = decideTake(levels, takes, adjustments);
      await client.query(
        `UPDATE ${this.s}.limits_buckets b SET level = t.level, at = $4
         FROM unnest($2::text[], $3::float8[]) AS t(key, level) WHERE b.ns = $1 AND b.key = t.key`,
        [this.ns, [...decided.levels.keys()], [...decided.levels.values()], now],
      );
      return decided.waitMs;
    });
  }

  async adjust(adjustments: readonly BucketAdjustment[]): Promise<void> {
    await this.take([], adjustments);
  }

  async loadLearned(endpoint: string): Promise<LearnedLimits | undefined> {
    const { rows } = await this.pool.query<{ value: LearnedLimits }>(
      `SELECT value FROM ${this.s}.limits_learned WHERE ns = $1 AND endpoint = $2`,
      [this.ns, endpoint],
    );
    return rows[0]?.value;
  }

  async saveLearned(endpoint: string, learned: LearnedLimits): Promise<void> {
    await this.transaction(async (client) => {
      const { rows } = await client.query<{ value: LearnedLimits }>(
        `SELECT value FROM ${this.s}.limits_learned WHERE ns = $1 AND endpoint = $2 FOR UPDATE`,
        [this.ns, endpoint],
      );
      await client.query(
        `INSERT INTO ${this.s}.limits_learned (ns, endpoint, value) VALUES ($1, $2, $3)
         ON CONFLICT (ns, endpoint) DO UPDATE SET value = excluded.value`,
        [this.ns, endpoint, JSON.stringify(mergeLearned(rows[0]?.value, learned))],
      );
    });
  }

  /**
   * Locks the run's budget row (created when new) and forgets workers whose renewal lapsed, with their
   * reservations. Returns the database's clock.
   */
  private async lockBudget(
    client: PoolClient,
    spentBefore = 0,
  ): Promise<{ now: number; spent: number; reachedAt: number | null }> {
    await client.query(`INSERT INTO ${this.s}.limits_budget (ns, spent) VALUES ($1, $2) ON CONFLICT (ns) DO NOTHING`, [
      this.ns,
      spentBefore,
    ]);
    const { rows } = await client.query<{ now: number; spent: number; reached_at: number | null }>(
      `SELECT spent, reached_at, ${NOW} AS now FROM ${this.s}.limits_budget WHERE ns = $1 FOR UPDATE`,
      [this.ns],
    );
    const row = rows[0];
    const now = row?.now ?? 0;
    await client.query(
      `DELETE FROM ${this.s}.limits_reservations r WHERE r.ns = $1 AND NOT EXISTS (
         SELECT 1 FROM ${this.s}.limits_budget_workers w WHERE w.ns = r.ns AND w.worker = r.worker AND w.alive_until > $2)`,
      [this.ns, now],
    );
    await client.query(`DELETE FROM ${this.s}.limits_budget_workers WHERE ns = $1 AND alive_until <= $2`, [
      this.ns,
      now,
    ]);
    return { now, spent: row?.spent ?? spentBefore, reachedAt: row?.reached_at ?? null };
  }

  private async alive(client: PoolClient, worker: string, until: number): Promise<void> {
    await client.query(
      `INSERT INTO ${this.s}.limits_budget_workers (ns, worker, alive_until) VALUES ($1, $2, $3)
       ON CONFLICT (ns, worker) DO UPDATE SET alive_until = excluded.alive_until`,
      [this.ns, worker, until],
    );
  }

  async joinBudget(worker: string, spentBefore: number, ttlMs: number): Promise<number> {
    return this.transaction(async (client) => {
      const locked = await this.lockBudget(client, spentBefore);
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${this.s}.limits_budget_workers WHERE ns = $1`,
        [this.ns],
      );
      if (Number(rows[0]?.n ?? 0) === 0) {
        await client.query(`DELETE FROM ${this.s}.limits_reservations WHERE ns = $1`, [this.ns]);
        await client.query(`UPDATE ${this.s}.limits_budget SET reached_at = NULL WHERE ns = $1`, [this.ns]);
      }
      const spent = Math.max(locked.spent, spentBefore);
      await client.query(`UPDATE ${this.s}.limits_budget SET spent = $2 WHERE ns = $1`, [this.ns, spent]);
      await this.alive(client, worker, locked.now + ttlMs);
      return spent;
    });
  }

  async reserve(reservation: BudgetReserve): Promise<{ outcome: ReserveOutcome; spentUsd: number }> {
    return this.transaction(async (client) => {
      const { now, spent, reachedAt } = await this.lockBudget(client);
      await this.alive(client, reservation.worker, now + reservation.ttlMs);
      const { rows } = await client.query<{ usd: number }>(
        `SELECT coalesce(sum(usd), 0)::float8 AS usd FROM ${this.s}.limits_reservations WHERE ns = $1`,
        [this.ns],
      );
      const outcome = decideReserve(
        { spent, reserved: rows[0]?.usd ?? 0, reachedAt },
        reservation.usd,
        reservation.limitUsd,
      );
      if (outcome === "refused") {
        await client.query(
          `UPDATE ${this.s}.limits_budget SET reached_at = greatest(coalesce(reached_at, 0), $2) WHERE ns = $1`,
          [this.ns, reservation.limitUsd],
        );
      }
      if (outcome === "reserved") {
        await client.query(`INSERT INTO ${this.s}.limits_reservations (ns, id, worker, usd) VALUES ($1, $2, $3, $4)`, [
          this.ns,
          reservation.id,
          reservation.worker,
          reservation.usd,
        ]);
      }
      return { outcome, spentUsd: spent };
    });
  }

  async settle(id: string, costUsd: number): Promise<number> {
    return this.transaction(async (client) => {
      await client.query(`DELETE FROM ${this.s}.limits_reservations WHERE ns = $1 AND id = $2`, [this.ns, id]);
      const { rows } = await client.query<{ spent: number }>(
        `UPDATE ${this.s}.limits_budget SET spent = spent + $2 WHERE ns = $1 RETURNING spent`,
        [this.ns, costUsd],
      );
      return rows[0]?.spent ?? costUsd;
    });
  }

  async renewBudget(worker: string, ttlMs: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.s}.limits_budget_workers (ns, worker, alive_until) VALUES ($1, $2, ${NOW} + $3)
       ON CONFLICT (ns, worker) DO UPDATE SET alive_until = excluded.alive_until`,
      [this.ns, worker, ttlMs],
    );
  }

  async leaveBudget(worker: string): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(`DELETE FROM ${this.s}.limits_reservations WHERE ns = $1 AND worker = $2`, [this.ns, worker]);
      await client.query(`DELETE FROM ${this.s}.limits_budget_workers WHERE ns = $1 AND worker = $2`, [
        this.ns,
        worker,
      ]);
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
