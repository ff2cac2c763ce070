// The shared limits' state in a SQLite file beside the run's run.db (`<out>/limits.db`), for worker processes on
// one machine. Its own file, so pacing never waits for the run store's write lock (checkpoints, commits). Every
// operation is one immediate transaction: it takes the write lock before it reads, so two processes never decide
// on the same bucket level. The operations that arrive in one turn of the event loop share one such transaction
// (the group commit of sqlite-writes.ts), so a busy process takes the lock once per turn, not once per call.
// One machine, one clock: Date.now().
import Database from "better-sqlite3";
import { GroupCommit, withCachedStatements } from "../store/sqlite-writes.js";
import {
  type BucketAdjustment,
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

export const LIMITS_DB = "limits.db";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS buckets (key TEXT PRIMARY KEY, level REAL NOT NULL, at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS learned (endpoint TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS budget (id INTEGER PRIMARY KEY CHECK (id = 1), spent REAL NOT NULL, reached_at REAL);
CREATE TABLE IF NOT EXISTS budget_workers (worker TEXT PRIMARY KEY, alive_until REAL NOT NULL);
CREATE TABLE IF NOT EXISTS reservations (id TEXT PRIMARY KEY, worker TEXT NOT NULL, usd REAL NOT NULL);
`;

type Row = { level: number; at: number };

export class SqliteLimits implements SharedLimits {
  private readonly db: Database.Database;
  private readonly writes: GroupCommit;

  constructor(path: string) {
    this.db = withCachedStatements(new Database(path));
    this.db.pragma("journal_mode = WAL");
    // Nothing here needs to outlive a crash: buckets refill, and a joining worker brings the call log's spend,
    // which counts every answered call (joinBudget). So no syncing to disk at all.
    this.db.pragma("synchronous = OFF");
    this.db.pragma("busy_timeout = 10000");
    this.db.exec(SCHEMA);
    this.writes = new GroupCommit(this.db);
  }

  private immediate<T>(work: () => T): Promise<T> {
    return this.writes.run(work);
  }

  private row(key: string): Row | undefined {
    return this.db.prepare("SELECT level, at FROM buckets WHERE key = ?").get(key) as Row | undefined;
  }

  private write(key: string, level: number, at: number): void {
    this.db
      .prepare(
        "INSERT INTO buckets (key, level, at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET level = excluded.level, at = excluded.at",
      )
      .run(key, level, at);
  }

  async take(takes: readonly BucketTake[], adjustments: readonly BucketAdjustment[] = []): Promise<number> {
    return this.immediate(() => {
      const now = Date.now();
      const specs = touched(takes, adjustments);
      const levels = new Map(specs.map((spec) => [spec.key, refilled(this.row(spec.key), spec, now)]));
      const decided = decideTake(levels, takes, adjustments);
      for (const [key, level] of decided.levels) this.write(key, level, now);
      return decided.waitMs;
    });
  }

  async adjust(adjustments: readonly BucketAdjustment[]): Promise<void> {
    await this.take([], adjustments);
  }

  async loadLearned(endpoint: string): Promise<LearnedLimits | undefined> {
    return this.learnedNow(endpoint);
  }

  async saveLearned(endpoint: string, learned: LearnedLimits): Promise<void> {
    await this.immediate(() => {
      const merged = mergeLearned(this.learnedNow(endpoint), learned);
      this.db
        .prepare(
          "INSERT INTO learned (endpoint, value) VALUES (?, ?) ON CONFLICT (endpoint) DO UPDATE SET value = excluded.value",
        )
        .run(endpoint, JSON.stringify(merged));
    });
  }

  private learnedNow(endpoint: string): LearnedLimits | undefined {
    const row = this.db.prepare("SELECT value FROM learned WHERE endpoint = ?").get(endpoint) as
      | { value: string }
      | undefined;
    return row ? (JSON.parse(row.value) as LearnedLimits) : undefined;
  }

  /** Workers whose renewal lapsed are gone, and their reservations with them. */
  private forgetDead(now: number): void {
    this.db
      .prepare("DELETE FROM reservations WHERE worker NOT IN (SELECT worker FROM budget_workers WHERE alive_until > ?)")
      .run(now);
    this.db.prepare("DELETE FROM budget_workers WHERE alive_until <= ?").run(now);
  }

  async joinBudget(worker: string, spentBefore: number, ttlMs: number): Promise<number> {
    return this.immediate(() => {
      const now = Date.now();
      this.forgetDead(now);
      const alive = (this.db.prepare("SELECT count(*) AS n FROM budget_workers").get() as { n: number }).n;
      if (alive === 0) {
        this.db.prepare("DELETE FROM reservations").run();
        this.db.prepare("UPDATE budget SET reached_at = NULL WHERE id = 1").run();
      }
      this.db
        .prepare(
          "INSERT INTO budget (id, spent) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET spent = max(spent, excluded.spent)",
        )
        .run(spentBefore);
      this.alive(worker, now + ttlMs);
      return this.budgetRow().spent;
    });
  }

  private alive(worker: string, until: number): void {
    this.db
      .prepare(
        "INSERT INTO budget_workers (worker, alive_until) VALUES (?, ?) ON CONFLICT (worker) DO UPDATE SET alive_until = excluded.alive_until",
      )
      .run(worker, until);
  }

  private budgetRow(): { spent: number; reached_at: number | null } {
    return (
      (this.db.prepare("SELECT spent, reached_at FROM budget WHERE id = 1").get() as
        | { spent: number; reached_at: number | null }
        | undefined) ?? { spent: 0, reached_at: null }
    );
  }

  async reserve(reservation: BudgetReserve): Promise<{ outcome: ReserveOutcome; spentUsd: number }> {
    return this.immediate(() => {
      const now = Date.now();
      this.forgetDead(now);
      this.alive(reservation.worker, now + reservation.ttlMs);
      const { spent, reached_at } = this.budgetRow();
      const reserved = (
        this.db.prepare("SELECT coalesce(sum(usd), 0) AS usd FROM reservations").get() as { usd: number }
      ).usd;
      const outcome = decideReserve({ spent, reserved, reachedAt: reached_at }, reservation.usd, reservation.limitUsd);
      if (outcome === "refused") {
        this.db
          .prepare("UPDATE budget SET reached_at = max(coalesce(reached_at, 0), ?) WHERE id = 1")
          .run(reservation.limitUsd);
      }
      if (outcome === "reserved") {
        this.db
          .prepare("INSERT INTO reservations (id, worker, usd) VALUES (?, ?, ?)")
          .run(reservation.id, reservation.worker, reservation.usd);
      }
      return { outcome, spentUsd: spent };
    });
  }

  async settle(id: string, costUsd: number): Promise<number> {
    return this.immediate(() => {
      this.db.prepare("DELETE FROM reservations WHERE id = ?").run(id);
      this.db.prepare("UPDATE budget SET spent = spent + ? WHERE id = 1").run(costUsd);
      return this.budgetRow().spent;
    });
  }

  async renewBudget(worker: string, ttlMs: number): Promise<void> {
    this.alive(worker, Date.now() + ttlMs);
  }

  async leaveBudget(worker: string): Promise<void> {
    await this.immediate(() => {
      this.db.prepare("DELETE FROM reservations WHERE worker = ?").run(worker);
      this.db.prepare("DELETE FROM budget_workers WHERE worker = ?").run(worker);
    });
  }

  async close(): Promise<void> {
    this.writes.flush();
    this.db.close();
  }
}
