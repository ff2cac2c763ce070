// The default run store: one SQLite file (<out>/run.db) holding seeds, items, records, calls, the
// response cache and LangGraph's checkpoints. WAL journaling: a killed process loses no committed row.
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { RunnableConfig } from "@langchain/core/runnables";
import {
  type Checkpoint,
  type CheckpointMetadata,
  copyCheckpoint,
  type PendingWrite,
  WRITES_IDX_MAP,
} from "@langchain/langgraph-checkpoint";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import Database from "better-sqlite3";
import type { Seed } from "../corpus/read-corpus.js";
import type { ErrorRecord } from "../errors.js";
import type { Usage } from "../models/usage.js";
import type {
  CallRecord,
  CallRow,
  ClaimedItem,
  ClaimOptions,
  CommitDedup,
  CommitOutcome,
  DataFilesLedger,
  DataFilesState,
  DatasetRecord,
  DedupCandidate,
  DedupEntry,
  DedupRow,
  InputNote,
  Item,
  ItemNote,
  ItemRow,
  ItemStatus,
  RunCost,
  RunStore,
  RunSummary,
  SeedRow,
  SpendGroup,
  StaleLease,
  WorkerCounters,
  WorkerIdentity,
  WorkerInfo,
} from "./run-store.js";
import {
  callFromRow,
  dedupCandidateFromRow,
  droppedCounts,
  ITEM_STATUSES,
  itemFromRow,
  LeaseLostError,
  nothingSurvived,
  runCostFrom,
  seedFromRow,
  signatureBytes,
} from "./run-store.js";
import { GroupCommit, withCachedStatements } from "./sqlite-writes.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS seeds (
  ordinal INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE, source TEXT NOT NULL, kind TEXT NOT NULL, language TEXT, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS inputs (source TEXT PRIMARY KEY, outcome TEXT NOT NULL, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS items (
  ordinal INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE, skill TEXT NOT NULL, seed_id TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0,
  records INTEGER NOT NULL DEFAULT 0, error TEXT, reason TEXT, updated_at TEXT);
CREATE INDEX IF NOT EXISTS items_status ON items (status);
CREATE TABLE IF NOT EXISTS records (
  id TEXT PRIMARY KEY, item_ordinal INTEGER NOT NULL, position INTEGER NOT NULL,
  split TEXT NOT NULL, data TEXT NOT NULL, seq INTEGER);
CREATE INDEX IF NOT EXISTS records_order ON records (split, item_ordinal, position);
CREATE INDEX IF NOT EXISTS records_corpus ON records (item_ordinal, position);
CREATE TABLE IF NOT EXISTS calls (
  id INTEGER PRIMARY KEY AUTOINCREMENT, item_id TEXT NOT NULL, agent TEXT NOT NULL, role TEXT NOT NULL,
  model TEXT NOT NULL, input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL,
  latency_ms INTEGER NOT NULL, attempts INTEGER NOT NULL, cached INTEGER NOT NULL, error TEXT, at TEXT NOT NULL,
  cost_usd REAL, saved_input_tokens INTEGER, saved_output_tokens INTEGER, saved_usd REAL);
CREATE INDEX IF NOT EXISTS calls_item ON calls (item_id);
CREATE TABLE IF NOT EXISTS item_notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT, item_id TEXT NOT NULL, kind TEXT NOT NULL, reason TEXT NOT NULL,
  subject TEXT NOT NULL, detail TEXT NOT NULL, answer TEXT, key TEXT);
CREATE INDEX IF NOT EXISTS item_notes_item ON item_notes (item_id);
CREATE TABLE IF NOT EXISTS response_cache (key TEXT PRIMARY KEY, item_id TEXT NOT NULL, response TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS response_cache_item ON response_cache (item_id);
CREATE TABLE IF NOT EXISTS workers (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, host TEXT NOT NULL, pid INTEGER NOT NULL,
  in_flight INTEGER NOT NULL DEFAULT 0, finished INTEGER NOT NULL DEFAULT 0,
  joined_at INTEGER NOT NULL, last_heartbeat INTEGER NOT NULL, left_at INTEGER);
CREATE TABLE IF NOT EXISTS dedup_entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT, origin TEXT NOT NULL, record_id TEXT NOT NULL, item_id TEXT NOT NULL,
  split TEXT NOT NULL, exact TEXT NOT NULL, signature BLOB NOT NULL, UNIQUE (origin, record_id));
CREATE INDEX IF NOT EXISTS dedup_entries_exact ON dedup_entries (exact);
CREATE TABLE IF NOT EXISTS dedup_bands (key INTEGER NOT NULL, entry INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS dedup_bands_key ON dedup_bands (key);
`;

/** Indexes on columns of ADDED_COLUMNS: created once the columns exist. */
const ADDED_INDEXES = "CREATE INDEX IF NOT EXISTS items_lease ON items (lease_owner);";

/** Columns added to tables after their first release: a run.db from before gains them when it is opened. */
const ADDED_COLUMNS: Record<string, Record<string, string>> = {
  calls: { cost_usd: "REAL", saved_input_tokens: "INTEGER", saved_output_tokens: "INTEGER", saved_usd: "REAL" },
  // Who runs the item and until when (epoch ms): one machine, so every process reads the same clock.
  items: { lease_owner: "TEXT", lease_until: "INTEGER", failed_at: "INTEGER" },
  records: { seq: "INTEGER" },
};

function addMissingColumns(db: Database.Database): void {
  for (const [table, columns] of Object.entries(ADDED_COLUMNS)) {
    const present = new Set((db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((row) => row.name));
    for (const [name, type] of Object.entries(columns)) {
      if (!present.has(name)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${name} ${type}`);
    }
  }
}

/**
 * Records carry their commit sequence (`seq`, 1, 2, 3… in the order their items committed): data files append by
 * it. Records of a run.db from before it are numbered in corpus order, once, when it is opened.
 */
function numberRecords(db: Database.Database): void {
  db.exec(`CREATE UNIQUE INDEX IF NOT EXISTS records_commit ON records (seq);
    CREATE INDEX IF NOT EXISTS records_split_commit ON records (split, seq);`);
  if (!db.prepare("SELECT 1 FROM records WHERE seq IS NULL LIMIT 1").get()) return;
  db.transaction(() => {
    db.exec(`UPDATE records SET seq = numbered.n FROM (
        SELECT rowid AS r, (SELECT coalesce(max(seq), 0) FROM records)
          + row_number() OVER (ORDER BY item_ordinal, position) AS n
        FROM records WHERE seq IS NULL) AS numbered
      WHERE records.rowid = numbered.r`);
  }).immediate();
}

/** Where the data files' state lives in meta (runtime/export/run-data-files.ts). */
const DATA_FILES_META = "data_files";

const PAGE = 1000;

/** SQLite hands ordinals over as numbers. */
type SqliteItemRow = ItemRow & { ordinal: number };

/**
 * SqliteSaver, with its writes in the store's group commit (sqlite-writes.ts): a checkpoint and its pending writes
 * share a transaction with the call log and cache rows that arrived in the same turn, instead of one each. The
 * rows are SqliteSaver's own, serialised as it does, so its reads (getTuple, list) are unchanged.
 */
class RunCheckpointer extends SqliteSaver {
  constructor(
    db: Database.Database,
    private readonly writes: GroupCommit,
  ) {
    super(db);
  }

  override async put(
    config: RunnableConfig,
    checkpoint: Checkpoint,
    metadata: CheckpointMetadata,
  ): Promise<RunnableConfig> {
    this.setup();
    const { thread_id, checkpoint_ns = "", checkpoint_id: parent } = config.configurable ?? {};
    if (!thread_id) throw new Error('Missing "thread_id" field in passed "config.configurable".');
    const [[type, serialized], [metadataType, serializedMetadata]] = await Promise.all([
      this.serde.dumpsTyped(copyCheckpoint(checkpoint)),
      this.serde.dumpsTyped(metadata),
    ]);
    if (type !== metadataType) throw new Error("Failed to serialize checkpoint and metadata to the same type.");
    await this.writes.run(() =>
      this.db
        .prepare(
          "INSERT OR REPLACE INTO checkpoints (thread_id, checkpoint_ns, checkpoint_id, parent_checkpoint_id, type, checkpoint, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .run(thread_id, checkpoint_ns, checkpoint.id, parent, type, serialized, serializedMetadata),
    );
    return { configurable: { thread_id, checkpoint_ns, checkpoint_id: checkpoint.id } };
  }

  override async putWrites(config: RunnableConfig, writes: PendingWrite[], taskId: string): Promise<void> {
    this.setup();
    const { thread_id, checkpoint_ns, checkpoint_id } = config.configurable ?? {};
    if (!thread_id) throw new Error("Missing thread_id field in config.configurable.");
    if (!checkpoint_id) throw new Error("Missing checkpoint_id field in config.configurable.");
    // Special channels (errors, interrupts) replace an earlier write at their index; others keep the first.
    const allSpecial = writes.every(([channel]) => channel in WRITES_IDX_MAP);
    const rows = await Promise.all(
      writes.map(async ([channel, value], index) => {
        const [type, serialized] = await this.serde.dumpsTyped(value);
        return [
          thread_id,
          checkpoint_ns,
          checkpoint_id,
          taskId,
          WRITES_IDX_MAP[channel] ?? index,
          channel,
          type,
          serialized,
        ];
      }),
    );
    await this.writes.run(() => {
      const insert = this.db.prepare(
        `INSERT ${allSpecial ? "OR REPLACE" : "OR IGNORE"} INTO writes (thread_id, checkpoint_ns, checkpoint_id, task_id, idx, channel, type, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const row of rows) insert.run(...row);
    });
  }

  /** A thread's checkpoints and writes go, inside the caller's transaction (an item's end). */
  deleteThreadNow(threadId: string): void {
    this.setup();
    this.db.prepare("DELETE FROM checkpoints WHERE thread_id = ?").run(threadId);
    this.db.prepare("DELETE FROM writes WHERE thread_id = ?").run(threadId);
  }

  override async deleteThread(threadId: string): Promise<void> {
    await this.writes.run(() => this.deleteThreadNow(threadId));
  }
}

/**
 * mkdir -p, one level at a time: Node's recursive mkdir never returns on some paths the kernel refuses in its
 * own way (`/proc/x` loops at 100 % CPU), so each missing level is made, and any refusal is an error.
 */
export function makeDirectory(dir: string): void {
  const missing: string[] = [];
  let current = resolve(dir);
  while (!existsSync(current)) {
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const level of missing) mkdirSync(level);
}

export class SqliteRunStore implements RunStore {
  readonly checkpointer: RunCheckpointer;
  private readonly db: Database.Database;
  /** Where every write of a model call and an item's end goes: see sqlite-writes.ts. */
  private readonly writes: GroupCommit;

  constructor(path: string) {
    if (path !== ":memory:") makeDirectory(dirname(path));
    this.db = withCachedStatements(new Database(path));
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    // Several processes share a run.db: a writer waits for another's transaction rather than failing.
    this.db.pragma("busy_timeout = 30000");
    this.db.exec(SCHEMA);
    // One transaction: two processes opening a run.db from before at once must not both add a column.
    this.db.transaction(() => addMissingColumns(this.db)).immediate();
    this.db.exec(ADDED_INDEXES);
    numberRecords(this.db);
    this.writes = new GroupCommit(this.db);
    this.checkpointer = new RunCheckpointer(this.db, this.writes);
  }

  async getMeta(key: string): Promise<string | undefined> {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined;
    return row?.value;
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.db
      .prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .run(key, value);
  }

  async addSeed(seed: Seed): Promise<{ added: boolean; duplicateOf?: string }> {
    // One statement: two processes reading the same corpus into one run.db may add the same seed at once.
    const inserted = this.db
      .prepare("INSERT INTO seeds (id, source, kind, language, text) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING")
      .run(seed.id, seed.source, seed.kind, seed.language ?? null, seed.text);
    if (inserted.changes > 0) return { added: true };
    const existing = this.db.prepare("SELECT source FROM seeds WHERE id = ?").get(seed.id) as { source: string };
    return existing.source === seed.source ? { added: false } : { added: false, duplicateOf: existing.source };
  }

  async getSeed(id: string): Promise<Seed | undefined> {
    const row = this.db.prepare("SELECT id, source, kind, language, text FROM seeds WHERE id = ?").get(id) as
      | SeedRow
      | undefined;
    return row ? seedFromRow(row) : undefined;
  }

  async *seeds(): AsyncIterable<Seed> {
    // Read in pages: a statement iterator would hold the connection busy between yields.
    let after = 0;
    for (;;) {
      const rows = this.db
        .prepare(
          "SELECT ordinal, id, source, kind, language, text FROM seeds WHERE ordinal > ? ORDER BY ordinal LIMIT 500",
        )
        .all(after) as Array<SeedRow & { ordinal: number }>;
      if (rows.length === 0) return;
      for (const row of rows) yield seedFromRow(row);
      after = rows[rows.length - 1]?.ordinal ?? after;
    }
  }

  async countSeeds(): Promise<number> {
    return (this.db.prepare("SELECT count(*) AS n FROM seeds").get() as { n: number }).n;
  }

  async noteInput(note: InputNote): Promise<void> {
    this.db
      .prepare(
        "INSERT INTO inputs (source, outcome, reason) VALUES (?, ?, ?) ON CONFLICT(source) DO UPDATE SET outcome = excluded.outcome, reason = excluded.reason",
      )
      .run(note.source, note.outcome, note.reason);
  }

  async addItem(item: { id: string; skill: string; seedId: string }): Promise<void> {
    this.db
      .prepare("INSERT OR IGNORE INTO items (id, skill, seed_id) VALUES (?, ?, ?)")
      .run(item.id, item.skill, item.seedId);
  }

  async getItem(id: string): Promise<Item | undefined> {
    const row = this.db.prepare("SELECT * FROM items WHERE id = ?").get(id) as ItemRow | undefined;
    return row ? itemFromRow(row) : undefined;
  }

  async countItems(): Promise<Record<ItemStatus | "total", number>> {
    const counts = Object.fromEntries([...ITEM_STATUSES, "total"].map((status) => [status, 0])) as Record<
      ItemStatus | "total",
      number
    >;
    const rows = this.db.prepare("SELECT status, count(*) AS n FROM items GROUP BY status").all() as Array<{
      status: ItemStatus;
      n: number;
    }>;
    for (const row of rows) {
      counts[row.status] += row.n;
      counts.total += row.n;
    }
    return counts;
  }

  async listItems(statuses: readonly ItemStatus[], afterOrdinal = 0, limit = -1): Promise<Item[]> {
    const placeholders = statuses.map(() => "?").join(", ");
    const rows = this.db
      .prepare(`SELECT * FROM items WHERE status IN (${placeholders}) AND ordinal > ? ORDER BY ordinal LIMIT ?`)
      .all(...statuses, afterOrdinal, limit) as ItemRow[];
    return rows.map(itemFromRow);
  }

  /** Sets a final (or pending) status and ends the item's lease. */
  private setStatus(id: string, status: ItemStatus, fields: { error?: string; reason?: string } = {}): void {
    this.db
      .prepare(
        "UPDATE items SET status = ?, error = ?, reason = ?, lease_owner = NULL, lease_until = NULL, updated_at = datetime('now') WHERE id = ?",
      )
      .run(status, fields.error ?? null, fields.reason ?? null, id);
  }

  /**
   * Inside a write transaction: without `worker`, nothing to check (one process, no leases); with it, the worker
   * must still hold the item (a takeover moved lease_owner to another worker in its own transaction).
   */
  private requireLease(id: string, worker: string | undefined): void {
    if (worker === undefined) return;
    const row = this.db.prepare("SELECT status, lease_owner FROM items WHERE id = ?").get(id) as
      | { status: ItemStatus; lease_owner: string | null }
      | undefined;
    if (row?.status !== "running" || row.lease_owner !== worker) throw new LeaseLostError(id, worker);
  }

  async claimItems(worker: string, options: ClaimOptions): Promise<ClaimedItem[]> {
    const skills = options.skills ? [...options.skills] : undefined;
    const ids = options.ids ? [...options.ids] : undefined;
    if (options.limit <= 0 || skills?.length === 0 || ids?.length === 0) return [];
    const bySkill = skills ? ` AND skill IN (${skills.map(() => "?").join(", ")})` : "";
    const byId = ids ? ` AND id IN (${ids.map(() => "?").join(", ")})` : "";
    const filters = [...(skills ?? []), ...(ids ?? [])];
    // Items that failed without a recorded time failed before leases existed: always earlier.
    const failedBefore = options.failedBefore ?? Number.MAX_SAFE_INTEGER;
    const claim = this.db.transaction(() => {
      const now = Date.now();
      // One query per kind of runnable item, each walking the status index in corpus order; merged below.
      const candidates = [
        ...(this.db
          .prepare(`SELECT * FROM items WHERE status = 'pending'${bySkill}${byId} ORDER BY ordinal LIMIT ?`)
          .all(...filters, options.limit) as SqliteItemRow[]),
        ...(this.db
          .prepare(
            `SELECT * FROM items WHERE status = 'failed' AND attempts < ? AND coalesce(failed_at, 0) < ?${bySkill}${byId} ORDER BY ordinal LIMIT ?`,
          )
          .all(options.maxAttempts, failedBefore, ...filters, options.limit) as SqliteItemRow[]),
        ...(this.db
          .prepare(
            `SELECT * FROM items WHERE status = 'running' AND (lease_until IS NULL OR lease_until < ?)${bySkill}${byId} ORDER BY ordinal LIMIT ?`,
          )
          .all(now, ...filters, options.limit) as SqliteItemRow[]),
      ]
        .sort((a, b) => a.ordinal - b.ordinal)
        .slice(0, options.limit);
      const take = this.db.prepare(
        "UPDATE items SET status = 'running', attempts = attempts + 1, error = NULL, lease_owner = ?, lease_until = ?, updated_at = datetime('now') WHERE id = ?",
      );
      return candidates.map((row): ClaimedItem => {
        take.run(worker, now + options.leaseMs, row.id);
        const item = itemFromRow({ ...row, status: "running", attempts: row.attempts + 1, error: null });
        return { ...item, claimedFrom: row.status };
      });
    });
    // IMMEDIATE: the write lock is taken before the read, so two processes never pick the same rows.
    return claim.immediate();
  }

  async heartbeat(worker: string, leaseMs: number, counters: WorkerCounters): Promise<string[]> {
    const beat = this.db.transaction(() => {
      const now = Date.now();
      this.db
        .prepare("UPDATE workers SET last_heartbeat = ?, in_flight = ?, finished = ? WHERE id = ?")
        .run(now, counters.inFlight, counters.finished, worker);
      this.db
        .prepare("UPDATE items SET lease_until = ? WHERE lease_owner = ? AND status = 'running'")
        .run(now + leaseMs, worker);
      const rows = this.db
        .prepare("SELECT id FROM items WHERE lease_owner = ? AND status = 'running' ORDER BY ordinal")
        .all(worker) as Array<{ id: string }>;
      return rows.map((row) => row.id);
    });
    return beat.immediate();
  }

  async registerWorker(worker: WorkerIdentity): Promise<void> {
    const now = Date.now();
    this.db
      .prepare(
        `INSERT INTO workers (id, host, pid, joined_at, last_heartbeat) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET host = excluded.host, pid = excluded.pid, last_heartbeat = excluded.last_heartbeat, left_at = NULL`,
      )
      .run(worker.id, worker.host, worker.pid, now, now);
  }

  async leaveWorker(worker: string): Promise<void> {
    this.db
      .transaction(() => {
        this.db
          .prepare("UPDATE workers SET left_at = ?, in_flight = 0, last_heartbeat = ? WHERE id = ?")
          .run(Date.now(), Date.now(), worker);
        this.db
          .prepare(
            "UPDATE items SET status = 'pending', lease_owner = NULL, lease_until = NULL, updated_at = datetime('now') WHERE lease_owner = ? AND status = 'running'",
          )
          .run(worker);
      })
      .immediate();
  }

  async workers(): Promise<WorkerInfo[]> {
    const rows = this.db
      .prepare(
        `SELECT w.*, (SELECT count(*) FROM items WHERE lease_owner = w.id AND status = 'running') AS leases
         FROM workers w ORDER BY w.joined_at DESC, w.seq DESC`,
      )
      .all() as Array<{
      id: string;
      host: string;
      pid: number;
      in_flight: number;
      finished: number;
      joined_at: number;
      last_heartbeat: number;
      left_at: number | null;
      leases: number;
    }>;
    return rows.map((row) => ({
      id: row.id,
      host: row.host,
      pid: row.pid,
      inFlight: row.in_flight,
      finished: row.finished,
      joinedAt: new Date(row.joined_at).toISOString(),
      lastHeartbeat: new Date(row.last_heartbeat).toISOString(),
      ...(row.left_at !== null ? { leftAt: new Date(row.left_at).toISOString() } : {}),
      leases: row.leases,
    }));
  }

  async staleLeases(): Promise<StaleLease[]> {
    const rows = this.db
      .prepare(
        "SELECT id, lease_owner, lease_until FROM items WHERE status = 'running' AND lease_owner IS NOT NULL AND lease_until < ? ORDER BY ordinal",
      )
      .all(Date.now()) as Array<{ id: string; lease_owner: string; lease_until: number }>;
    return rows.map((row) => ({
      item: row.id,
      worker: row.lease_owner,
      expiredAt: new Date(row.lease_until).toISOString(),
    }));
  }

  async leasedElsewhere(worker: string, skills?: readonly string[]): Promise<number> {
    if (skills?.length === 0) return 0;
    const bySkill = skills ? ` AND skill IN (${skills.map(() => "?").join(", ")})` : "";
    const row = this.db
      .prepare(
        `SELECT count(*) AS n FROM items WHERE status = 'running' AND lease_owner IS NOT NULL AND lease_owner != ? AND lease_until >= ?${bySkill}`,
      )
      .get(worker, Date.now(), ...(skills ?? [])) as { n: number };
    return row.n;
  }

  async interruptItem(id: string, worker?: string): Promise<void> {
    await this.writes.run(() => {
      this.requireLease(id, worker);
      this.setStatus(id, "pending", { reason: "interrupted; resumes from its checkpoint" });
    });
  }

  /** An item's declines and drops, replaced whole when the item ends (a rerun writes them again). */
  private writeNotes(id: string, notes: readonly ItemNote[]): void {
    this.db.prepare("DELETE FROM item_notes WHERE item_id = ?").run(id);
    const insert = this.db.prepare(
      "INSERT INTO item_notes (item_id, kind, reason, subject, detail, answer, key) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    for (const note of notes) {
      insert.run(id, note.kind, note.reason, note.subject, note.detail, note.answer ?? null, note.key ?? null);
    }
  }

  async itemNotes(id: string): Promise<ItemNote[]> {
    const rows = this.db
      .prepare("SELECT kind, reason, subject, detail, answer, key FROM item_notes WHERE item_id = ? ORDER BY id")
      .all(id) as Array<{
      kind: ItemNote["kind"];
      reason: string;
      subject: string;
      detail: string;
      answer: string | null;
      key: string | null;
    }>;
    return rows.map((row) => ({
      kind: row.kind,
      reason: row.reason,
      subject: row.subject,
      detail: row.detail,
      ...(row.answer !== null ? { answer: row.answer } : {}),
      ...(row.key !== null ? { key: row.key } : {}),
    }));
  }

  async completeItem(
    id: string,
    records: DatasetRecord[],
    notes: readonly ItemNote[] = [],
    worker?: string,
    dedup?: CommitDedup,
  ): Promise<CommitOutcome> {
    const commit = (): CommitOutcome => {
      this.requireLease(id, worker);
      const item = this.db.prepare("SELECT ordinal FROM items WHERE id = ?").get(id) as { ordinal: number } | undefined;
      if (!item) throw new Error(`unknown item ${id}`);
      let kept = records;
      let allNotes = notes;
      if (dedup) {
        // Inside the write transaction: no other process commits between this look-up and the entries' insert.
        const { dropped, entries } = dedup.decide(this.candidates(dedup.exact, dedup.bands));
        kept = records.filter((record) => !dropped.has(record.id));
        allNotes = [...notes, ...dropped.values()];
        this.insertDedupEntries(entries);
      }
      if (records.length > 0 && kept.length === 0) {
        const reason = nothingSurvived(allNotes);
        this.setStatus(id, "filtered", { reason });
        this.writeNotes(id, allNotes);
        this.db.prepare("DELETE FROM response_cache WHERE item_id = ?").run(id);
        return { records: 0, filtered: reason };
      }
      const insert = this.db.prepare(
        "INSERT INTO records (id, item_ordinal, position, split, data, seq) VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM records)) ON CONFLICT(id) DO NOTHING",
      );
      kept.forEach((record, position) => {
        insert.run(record.id, item.ordinal, position, record.split, JSON.stringify(record));
      });
      this.db
        .prepare(
          "UPDATE items SET status = 'done', records = ?, error = NULL, reason = NULL, lease_owner = NULL, lease_until = NULL, updated_at = datetime('now') WHERE id = ?",
        )
        .run(kept.length, id);
      this.writeNotes(id, allNotes);
      this.db.prepare("DELETE FROM response_cache WHERE item_id = ?").run(id);
      return { records: kept.length };
    };
    // One savepoint of the group's IMMEDIATE transaction (a deferred one that reads first could not wait for
    // another process's write): the records, the status and the thread's checkpoints go together.
    return this.writes.run(() => {
      const outcome = commit();
      this.checkpointer.deleteThreadNow(id);
      return outcome;
    });
  }

  private candidates(exact: readonly string[], bands: readonly number[]): DedupCandidate[] {
    const rows = this.db
      .prepare(
        `SELECT origin, record_id, item_id, split, exact, signature FROM dedup_entries
         WHERE exact IN (SELECT value FROM json_each(?))
            OR id IN (SELECT entry FROM dedup_bands WHERE key IN (SELECT value FROM json_each(?)))`,
      )
      .all(JSON.stringify(exact), JSON.stringify(bands)) as DedupRow[];
    return rows.map(dedupCandidateFromRow);
  }

  private insertDedupEntries(entries: readonly DedupEntry[]): number {
    const entry = this.db.prepare(
      "INSERT INTO dedup_entries (origin, record_id, item_id, split, exact, signature) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (origin, record_id) DO NOTHING",
    );
    const band = this.db.prepare("INSERT INTO dedup_bands (key, entry) VALUES (?, ?)");
    let added = 0;
    for (const each of entries) {
      const inserted = entry.run(
        each.origin,
        each.recordId,
        each.itemId,
        each.split,
        each.exact,
        signatureBytes(each.signature),
      );
      if (inserted.changes === 0) continue;
      added += 1;
      for (const key of each.bands) band.run(key, inserted.lastInsertRowid);
    }
    return added;
  }

  async dedupCandidates(exact: readonly string[], bands: readonly number[]): Promise<DedupCandidate[]> {
    return this.candidates(exact, bands);
  }

  async addDedupEntries(entries: readonly DedupEntry[]): Promise<number> {
    return this.db.transaction(() => this.insertDedupEntries(entries)).immediate();
  }

  async countDedupEntries(): Promise<Record<string, number>> {
    const rows = this.db
      .prepare("SELECT origin, count(*) AS n FROM dedup_entries GROUP BY origin ORDER BY origin")
      .all() as Array<{ origin: string; n: number }>;
    return Object.fromEntries(rows.map((row) => [row.origin, row.n]));
  }

  async filterItem(id: string, reason: string, notes: readonly ItemNote[] = [], worker?: string): Promise<void> {
    await this.writes.run(() => {
      this.requireLease(id, worker);
      this.setStatus(id, "filtered", { reason });
      this.writeNotes(id, notes);
      this.db.prepare("DELETE FROM response_cache WHERE item_id = ?").run(id);
      this.checkpointer.deleteThreadNow(id);
    });
  }

  async failItem(id: string, error: ErrorRecord, worker?: string): Promise<void> {
    // The checkpoint and cached responses stay: a later run retries the item from where it failed.
    await this.writes.run(() => {
      this.requireLease(id, worker);
      this.setStatus(id, "failed", { error: JSON.stringify(error) });
      this.db.prepare("UPDATE items SET failed_at = ? WHERE id = ?").run(Date.now(), id);
    });
  }

  async recordCall(call: CallRecord): Promise<void> {
    await this.writes.run(() =>
      this.db
        .prepare(
          "INSERT INTO calls (item_id, agent, role, model, input_tokens, output_tokens, latency_ms, attempts, cached, error, cost_usd, saved_input_tokens, saved_output_tokens, saved_usd, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, datetime('now'))",
        )
        .run(
          call.itemId,
          call.agent,
          call.role,
          call.model,
          call.usage.input_tokens,
          call.usage.output_tokens,
          Math.round(call.latencyMs),
          call.attempts,
          call.cached ? 1 : 0,
          call.error ?? null,
          call.costUsd ?? null,
          call.savedUsage?.input_tokens ?? null,
          call.savedUsage?.output_tokens ?? null,
          call.savedUsd ?? null,
        ),
    );
  }

  async itemCalls(itemId: string): Promise<CallRecord[]> {
    const rows = this.db
      .prepare(
        "SELECT item_id, agent, role, model, input_tokens, output_tokens, latency_ms, attempts, cached, error, cost_usd, saved_input_tokens, saved_output_tokens, saved_usd FROM calls WHERE item_id = ? ORDER BY id",
      )
      .all(itemId) as CallRow[];
    return rows.map(callFromRow);
  }

  async spend(): Promise<{ usd: number; unpriced: Array<{ role: string; model: string; usage: Usage }> }> {
    const priced = this.db
      .prepare("SELECT sum(cost_usd) AS usd FROM calls WHERE cached = 0 AND cost_usd IS NOT NULL")
      .get() as { usd: number | null };
    const unpriced = this.db
      .prepare(
        "SELECT role, model, sum(input_tokens) AS input, sum(output_tokens) AS output FROM calls WHERE cached = 0 AND cost_usd IS NULL GROUP BY role, model",
      )
      .all() as Array<{ role: string; model: string; input: number; output: number }>;
    return {
      usd: priced.usd ?? 0,
      unpriced: unpriced.map((row) => ({
        role: row.role,
        model: row.model,
        usage: { input_tokens: row.input, output_tokens: row.output },
      })),
    };
  }

  /** Spend in total and per role, agent and skill (item ids are "<skill>/<seed id>"), as RunCost defines it. */
  private cost(): RunCost {
    const spendBy = (key: string): SpendGroup[] => {
      const rows = this.db
        .prepare(
          `SELECT ${key} AS key, sum(cost_usd) AS usd, sum(cost_usd IS NULL) AS unknown, sum(input_tokens) AS input, sum(output_tokens) AS output FROM calls WHERE cached = 0 GROUP BY key ORDER BY key`,
        )
        .all() as Array<{ key: string | null; usd: number | null; unknown: number; input: number; output: number }>;
      return rows.map((row) => ({
        key: row.key ?? "",
        usd: row.unknown > 0 ? null : (row.usd ?? 0),
        unknown: row.unknown,
        tokens: { input: row.input ?? 0, output: row.output ?? 0 },
      }));
    };
    const unpriced = this.db
      .prepare("SELECT DISTINCT model FROM calls WHERE cached = 0 AND cost_usd IS NULL ORDER BY model")
      .all() as Array<{ model: string }>;
    return runCostFrom(
      {
        total: spendBy("'all'"),
        role: spendBy("role"),
        agent: spendBy("agent"),
        skill: spendBy("substr(item_id, 1, instr(item_id, '/') - 1)"),
      },
      unpriced.map((row) => row.model),
    );
  }

  async getCachedResponse(key: string): Promise<string | undefined> {
    const row = this.db.prepare("SELECT response FROM response_cache WHERE key = ?").get(key) as
      | { response: string }
      | undefined;
    return row?.response;
  }

  async putCachedResponse(key: string, itemId: string, response: string): Promise<void> {
    await this.writes.run(() =>
      this.db
        .prepare("INSERT INTO response_cache (key, item_id, response) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING")
        .run(key, itemId, response),
    );
  }

  async deleteCachedResponse(key: string): Promise<void> {
    await this.writes.run(() => this.db.prepare("DELETE FROM response_cache WHERE key = ?").run(key));
  }

  async summary(): Promise<RunSummary> {
    const items = Object.fromEntries([...ITEM_STATUSES, "total"].map((status) => [status, 0])) as RunSummary["items"];
    const bySkill = new Map<string, RunSummary["bySkill"][number]>();
    const rows = this.db
      .prepare(
        "SELECT skill, status, count(*) AS n, sum(records) AS records FROM items GROUP BY skill, status ORDER BY skill",
      )
      .all() as Array<{ skill: string; status: ItemStatus; n: number; records: number }>;
    for (const row of rows) {
      items[row.status] += row.n;
      items.total += row.n;
      const entry =
        bySkill.get(row.skill) ??
        ({ skill: row.skill, pending: 0, running: 0, done: 0, failed: 0, filtered: 0, records: 0, calls: 0 } as const);
      const updated = { ...entry, [row.status]: entry[row.status] + row.n, records: entry.records + row.records };
      bySkill.set(row.skill, updated);
    }
    // Item ids are "<skill>/<seed id>": paid calls per skill come from the call log.
    const skillCalls = this.db
      .prepare(
        "SELECT substr(item_id, 1, instr(item_id, '/') - 1) AS skill, count(*) AS n FROM calls WHERE cached = 0 AND error IS NULL GROUP BY skill",
      )
      .all() as Array<{ skill: string; n: number }>;
    for (const row of skillCalls) {
      const entry = bySkill.get(row.skill);
      if (entry) bySkill.set(row.skill, { ...entry, calls: row.n });
    }
    const calls = this.db
      .prepare(
        `SELECT sum(cached = 0 AND error IS NULL) AS calls, sum(cached) AS cached, sum(error IS NOT NULL) AS failed,
           sum(max(attempts - 1, 0)) AS retries, sum(input_tokens) AS input, sum(output_tokens) AS output,
           sum(saved_input_tokens) AS saved_input, sum(saved_output_tokens) AS saved_output,
           sum(saved_usd) AS saved_usd, sum(cached = 1 AND saved_usd IS NULL) AS unpriced_hits FROM calls`,
      )
      .get() as {
      saved_input: number | null;
      saved_output: number | null;
      saved_usd: number | null;
      unpriced_hits: number | null;
      calls: number | null;
      cached: number | null;
      failed: number | null;
      retries: number | null;
      input: number | null;
      output: number | null;
    };
    const inputs = this.db.prepare("SELECT source, outcome, reason FROM inputs ORDER BY source").all() as Array<{
      source: string;
      outcome: string;
      reason: string;
    }>;
    const failures = this.db
      .prepare("SELECT id, error FROM items WHERE status = 'failed' ORDER BY ordinal")
      .all() as Array<{ id: string; error: string | null }>;
    const dropped = this.db
      .prepare(
        "SELECT substr(item_id, 1, instr(item_id, '/') - 1) AS skill, reason, count(*) AS n FROM item_notes WHERE kind = 'dropped' GROUP BY skill, reason ORDER BY reason, skill",
      )
      .all() as Array<{ skill: string; reason: string; n: number }>;
    const declined = this.db.prepare("SELECT count(*) AS n FROM item_notes WHERE kind = 'declined'").get() as {
      n: number;
    };
    const flagged = this.db
      .prepare(
        `SELECT count(DISTINCT json_extract(data, '$.metadata.seed_id')) AS n FROM records
         WHERE EXISTS (SELECT 1 FROM json_each(json_extract(data, '$.metadata.flags')) WHERE value = 'suspected_prompt_injection')`,
      )
      .get() as { n: number };
    return {
      items,
      ...droppedCounts(dropped),
      declined: declined.n,
      flaggedSeeds: flagged.n,
      records: (this.db.prepare("SELECT count(*) AS n FROM records").get() as { n: number }).n,
      seeds: await this.countSeeds(),
      skipped: inputs.filter((row) => row.outcome === "skipped").map(({ source, reason }) => ({ source, reason })),
      warnings: inputs.filter((row) => row.outcome === "warning").map(({ source, reason }) => ({ source, reason })),
      calls: calls.calls ?? 0,
      cachedCalls: calls.cached ?? 0,
      failedCalls: calls.failed ?? 0,
      retries: calls.retries ?? 0,
      tokens: { input: calls.input ?? 0, output: calls.output ?? 0 },
      cost: this.cost(),
      cache: {
        hits: calls.cached ?? 0,
        // One hit of an unpriced model makes the total unknown: a partial sum would read as the whole saving.
        savedUsd: (calls.unpriced_hits ?? 0) > 0 ? null : (calls.saved_usd ?? 0),
        savedTokens: { input: calls.saved_input ?? 0, output: calls.saved_output ?? 0 },
      },
      bySkill: [...bySkill.values()],
      failures: failures.map((row) => ({
        item: row.id,
        error: row.error ? (JSON.parse(row.error) as ErrorRecord).message : "unknown error",
      })),
    };
  }

  async *records(split?: string): AsyncIterable<DatasetRecord> {
    // Pages by position, each its own short read: a statement iterator would keep the connection busy and one read
    // open for the whole export (the WAL could not be checkpointed behind it while a run goes on). The commit
    // sequence breaks ties, so a page boundary never skips a record.
    const page = split
      ? this.db.prepare(
          "SELECT item_ordinal, position, seq, data FROM records WHERE split = ? AND (item_ordinal, position, seq) > (?, ?, ?) ORDER BY item_ordinal, position, seq LIMIT ?",
        )
      : this.db.prepare(
          "SELECT item_ordinal, position, seq, data FROM records WHERE (item_ordinal, position, seq) > (?, ?, ?) ORDER BY item_ordinal, position, seq LIMIT ?",
        );
    let after = [0, -1, 0];
    for (;;) {
      const rows = (split ? page.all(split, ...after, PAGE) : page.all(...after, PAGE)) as Array<{
        item_ordinal: number;
        position: number;
        seq: number;
        data: string;
      }>;
      for (const row of rows) yield JSON.parse(row.data) as DatasetRecord;
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) return;
      after = [last.item_ordinal, last.position, last.seq];
    }
  }

  dataFiles<T>(section: (ledger: DataFilesLedger) => T): T {
    const ledger: DataFilesLedger = {
      state: () => {
        const row = this.db.prepare("SELECT value FROM meta WHERE key = ?").get(DATA_FILES_META) as
          | { value: string }
          | undefined;
        return row ? (JSON.parse(row.value) as DataFilesState) : { registeredSeq: 0, marks: {} };
      },
      setState: (state) => {
        this.db
          .prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
          .run(DATA_FILES_META, JSON.stringify(state));
      },
      lastSeq: () => (this.db.prepare("SELECT coalesce(max(seq), 0) AS seq FROM records").get() as { seq: number }).seq,
      splitsAfter: (afterSeq) =>
        // By commit sequence: only the new records are read (the planner would scan every split otherwise).
        (
          this.db
            .prepare("SELECT DISTINCT split FROM records INDEXED BY records_commit WHERE seq > ? ORDER BY split")
            .all(afterSeq) as Array<{ split: string }>
        ).map((row) => row.split),
      linesAfter: (split, afterSeq, limit) =>
        this.db
          .prepare("SELECT seq, data AS line FROM records WHERE split = ? AND seq > ? ORDER BY seq LIMIT ?")
          .all(split, afterSeq, limit) as Array<{ seq: number; line: string }>,
    };
    // IMMEDIATE takes the write lock up front, so processes appending at once queue here (busy_timeout).
    return this.db.transaction(() => section(ledger)).immediate();
  }

  async splits(): Promise<string[]> {
    const rows = this.db.prepare("SELECT DISTINCT split FROM records ORDER BY split").all() as Array<{ split: string }>;
    return rows.map((row) => row.split);
  }

  async close(): Promise<void> {
    this.writes.flush();
    this.db.close();
  }
}

export function openSqliteStore(path: string): SqliteRunStore {
  return new SqliteRunStore(path);
}
