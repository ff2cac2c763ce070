// The lasting response cache (`--cache PATH`, `cache` in the config file): model replies kept across runs, so a
// second run with the same seed (another --out, one more skill, more rounds) pays only for calls it has not made.
//
// One design, one cache per run: with a lasting cache the gateway reads and writes only this file, and the run's
// own cache in run.db is not used; without one, only run.db's (whose entries go as each item ends). Both are
// keyed alike (gateway.ts `cacheKey`: model settings, messages, schema, tools, run seed, sample number; never
// the API key), so a hit is free either way, and resuming a run that has a lasting cache needs nothing else: its
// finished calls are in here. Entries are never removed when an item ends. They are removed only when a caller
// rejects a reply it once accepted, or the flow drops the answer a reply made (verification disagreed, an edit
// failed its goal's check): a rejected answer is never replayed. A reply the caller rejects is never written.
//
// Shared by any number of runs and processes at once: SQLite in WAL mode with a busy timeout, the writes of one
// turn of the event loop in one short transaction (sqlite-writes.ts), and the first reply stored for a key wins (two runs asking the same new request at the same
// moment may both pay for it once).
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { ResponseCache } from "./run-store.js";
import { makeDirectory } from "./sqlite-store.js";
import { GroupCommit } from "./sqlite-writes.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS responses (
  key TEXT PRIMARY KEY, response TEXT NOT NULL, item_id TEXT NOT NULL, created_at TEXT NOT NULL);
`;

export class LastingCache implements ResponseCache {
  private readonly db: Database.Database;
  private readonly get: Database.Statement<[string], { response: string }>;
  private readonly put: Database.Statement<[string, string, string]>;
  private readonly remove: Database.Statement<[string]>;
  private readonly writes: GroupCommit;

  constructor(path: string) {
    if (path !== ":memory:") makeDirectory(dirname(path));
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    // Other runs write to the same file: wait for their short writes rather than fail.
    this.db.pragma("busy_timeout = 10000");
    this.db.exec(SCHEMA);
    this.get = this.db.prepare("SELECT response FROM responses WHERE key = ?");
    this.put = this.db.prepare(
      "INSERT INTO responses (key, response, item_id, created_at) VALUES (?, ?, ?, datetime('now')) ON CONFLICT(key) DO NOTHING",
    );
    this.remove = this.db.prepare("DELETE FROM responses WHERE key = ?");
    this.writes = new GroupCommit(this.db);
  }

  async getCachedResponse(key: string): Promise<string | undefined> {
    return this.get.get(key)?.response;
  }

  /** `itemId` is the first item that asked: kept to tell where an entry came from, never part of a lookup. */
  async putCachedResponse(key: string, itemId: string, response: string): Promise<void> {
    await this.writes.run(() => this.put.run(key, response, itemId));
  }

  async deleteCachedResponse(key: string): Promise<void> {
    await this.writes.run(() => this.remove.run(key));
  }

  close(): void {
    this.writes.flush();
    this.db.close();
  }
}

export function openLastingCache(path: string): LastingCache {
  return new LastingCache(path);
}
