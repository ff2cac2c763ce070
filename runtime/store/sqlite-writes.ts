// How this project writes to SQLite files (run.db, limits.db, the lasting cache) from many concurrent calls and,
// with workers, from several processes at once.
//
// Group commit: every write that arrives in one turn of the event loop runs in one IMMEDIATE transaction, each in
// its own savepoint, and each write's promise settles once that transaction has committed. A call used to make
// four or five small transactions of its own (call log, cache, checkpoint, checkpoint writes, pacing); each wrote
// its pages to the WAL again and, with two processes, queued again for the one write lock. Durability is
// unchanged: nothing awaiting a write goes on before the write is on disk, and a process killed before the commit
// had resolved none of the promises it loses.
import type Database from "better-sqlite3";

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(private readonly db: Database.Database) {}

  /**
   * Runs `work` (synchronous SQL) in the next group transaction; resolves with its result after the commit. A
   * throw from `work` undoes only its own writes (its savepoint) and rejects only its promise; a failed commit
   * rejects every write of the group.
   */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate: after the I/O callbacks of this turn, so every reply that arrived together is grouped.
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits what is queued now (also what a closing store calls, so no write is left behind). */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const outcomes: Outcome[] = [];
    try {
      this.db
        .transaction(() => {
          for (const pending of batch) {
            try {
              // Inside the group's transaction better-sqlite3 makes this a savepoint.
              outcomes.push({ ok: true, value: this.db.transaction(pending.work)() });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, index) => {
      const outcome = outcomes[index] as Outcome;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }
}

/**
 * The connection with each distinct SQL statement compiled once. better-sqlite3 compiles on every `prepare`,
 * and the store and SqliteSaver prepare on every call: compiling cost about as much as running, and the
 * uncollected native statements grew the process between garbage collections. Nothing reads with `iterate` (one
 * cursor per statement, the connection busy while it is open): long reads go in pages.
 */
export function withCachedStatements(db: Database.Database): Database.Database {
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === "prepare") return prepare;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
