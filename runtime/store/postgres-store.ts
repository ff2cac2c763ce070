// The run store for many machines: one Postgres schema holding what run.db holds (seeds, items with their leases,
// records, calls, the response cache, workers) plus LangGraph's checkpoints through the official PostgresSaver.
// Workers on any machine share it; claims use FOR UPDATE SKIP LOCKED and every lease time is the database's clock.
// Loaded only for a postgres:// store (open-store.ts imports it on demand), so a SQLite run never loads pg.
import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import pg from "pg";
import type { Seed } from "../corpus/read-corpus.js";
import type { ErrorRecord } from "../errors.js";
import type { Usage } from "../models/usage.js";
import { parsePostgresUrl } from "./postgres-url.js";
import {
  type CallRecord,
  type CallRow,
  type ClaimedItem,
  type ClaimOptions,
  type CommitDedup,
  type CommitOutcome,
  callFromRow,
  type DatasetRecord,
  type DedupCandidate,
  type DedupEntry,
  type DedupRow,
  dedupCandidateFromRow,
  droppedCounts,
  type InputNote,
  ITEM_STATUSES,
  type Item,
  type ItemNote,
  type ItemRow,
  type ItemStatus,
  itemFromRow,
  LeaseLostError,
  nothingSurvived,
  type RunCost,
  type RunStore,
  type RunSummary,
  runCostFrom,
  type SeedRow,
  type SpendGroup,
  type StaleLease,
  seedFromRow,
  signatureBytes,
  type WorkerCounters,
  type WorkerIdentity,
  type WorkerInfo,
} from "./run-store.js";

/** Rows per page when streaming seeds and records: constant memory whatever the run's size. */
const PAGE = 500;
/** What an item interrupted (or released by a leaving worker) says while it waits. */
const INTERRUPTED = "interrupted; resumes from its checkpoint";
/** The flag a record carries when its seed looked aimed at a model (counted per seed in the summary). */
const INJECTION_FLAG = "suspected_prompt_injection";

/** The DDL, one statement per entry (all idempotent); `s` is the quoted schema. */
const schemaStatements = (s: string): string[] => [
  `CREATE SCHEMA IF NOT EXISTS ${s}`,
  `CREATE TABLE IF NOT EXISTS ${s}.meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS ${s}.seeds (
     ordinal BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     id TEXT NOT NULL UNIQUE, source TEXT NOT NULL, kind TEXT NOT NULL, language TEXT, text TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS ${s}.inputs (source TEXT PRIMARY KEY, outcome TEXT NOT NULL, reason TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS ${s}.items (
     ordinal BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     id TEXT NOT NULL UNIQUE, skill TEXT NOT NULL, seed_id TEXT NOT NULL,
     status TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0,
     records INTEGER NOT NULL DEFAULT 0, error TEXT, reason TEXT, updated_at TIMESTAMPTZ,
     worker TEXT, lease_until TIMESTAMPTZ, failed_at TIMESTAMPTZ)`,
  `CREATE INDEX IF NOT EXISTS items_status ON ${s}.items (status, ordinal)`,
  // What a claim walks, in corpus order: only unfinished items, so a claim stays quick when millions are done.
  `CREATE INDEX IF NOT EXISTS items_claimable ON ${s}.items (ordinal) WHERE status IN ('pending', 'failed', 'running')`,
  `CREATE INDEX IF NOT EXISTS items_worker ON ${s}.items (worker) WHERE worker IS NOT NULL`,
  `CREATE TABLE IF NOT EXISTS ${s}.records (
     id TEXT PRIMARY KEY, item_ordinal BIGINT NOT NULL, position INTEGER NOT NULL,
     split TEXT NOT NULL, seed_id TEXT, flagged BOOLEAN NOT NULL DEFAULT false, data TEXT NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS records_order ON ${s}.records (split, item_ordinal, position)`,
  `CREATE INDEX IF NOT EXISTS records_all_order ON ${s}.records (item_ordinal, position)`,
  `CREATE TABLE IF NOT EXISTS ${s}.calls (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, item_id TEXT NOT NULL, agent TEXT NOT NULL,
     role TEXT NOT NULL, model TEXT NOT NULL, input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL,
     latency_ms INTEGER NOT NULL, attempts INTEGER NOT NULL, cached BOOLEAN NOT NULL, error TEXT,
     at TIMESTAMPTZ NOT NULL, cost_usd DOUBLE PRECISION, saved_input_tokens INTEGER, saved_output_tokens INTEGER,
     saved_usd DOUBLE PRECISION)`,
  `CREATE INDEX IF NOT EXISTS calls_item ON ${s}.calls (item_id)`,
  `CREATE TABLE IF NOT EXISTS ${s}.item_notes (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, item_id TEXT NOT NULL, kind TEXT NOT NULL,
     reason TEXT NOT NULL, subject TEXT NOT NULL, detail TEXT NOT NULL, answer TEXT, key TEXT)`,
  `CREATE INDEX IF NOT EXISTS item_notes_item ON ${s}.item_notes (item_id)`,
  `CREATE TABLE IF NOT EXISTS ${s}.response_cache (key TEXT PRIMARY KEY, item_id TEXT NOT NULL, response TEXT NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS response_cache_item ON ${s}.response_cache (item_id)`,
  `CREATE TABLE IF NOT EXISTS ${s}.workers (
     id TEXT PRIMARY KEY, host TEXT NOT NULL, pid INTEGER NOT NULL,
     joined_at TIMESTAMPTZ NOT NULL, last_heartbeat TIMESTAMPTZ NOT NULL, left_at TIMESTAMPTZ,
     in_flight INTEGER NOT NULL DEFAULT 0, finished INTEGER NOT NULL DEFAULT 0)`,
  `CREATE TABLE IF NOT EXISTS ${s}.dedup_entries (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, origin TEXT NOT NULL, record_id TEXT NOT NULL,
     item_id TEXT NOT NULL, split TEXT NOT NULL, exact TEXT NOT NULL, signature BYTEA NOT NULL,
     UNIQUE (origin, record_id))`,
  `CREATE INDEX IF NOT EXISTS dedup_entries_exact ON ${s}.dedup_entries (exact)`,
  `CREATE TABLE IF NOT EXISTS ${s}.dedup_bands (key BIGINT NOT NULL, entry BIGINT NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS dedup_bands_key ON ${s}.dedup_bands (key)`,
];

/**
 * Run `work` holding the schema's advisory lock for the length of one transaction: processes that open the same
 * store at once create its tables one after the other (CREATE ... IF NOT EXISTS alone races on the catalog).
 * Other modules keeping tables in the run's schema (shared limits) take the same lock for their DDL.
 */
export async function withSchemaLock<T>(
  pool: pg.Pool,
  schema: string,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  return inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`agentinstruct:schema:${schema}`]);
    return work(client);
  });
}

async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    try {
      await client.query("ROLLBACK");
    } catch (rollback) {
      // The connection itself failed: it must not go back to the pool.
      broken = rollback as Error;
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * Postgres text cannot hold U+0000 (SQLite can): free text from a corpus or a model loses its NUL characters here
 * rather than failing the whole run. JSON columns need nothing: JSON.stringify writes NUL as \u0000.
 */
const storable = (text: string): string => text.replaceAll("\u0000", "");
const storableOrNull = (text: string | undefined): string | null => (text === undefined ? null : storable(text));

/** pg returns bigint and numeric aggregates as strings; null stays null. */
const numberOrNull = (value: string | number | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);
const count = (value: string | number | null | undefined): number => numberOrNull(value) ?? 0;

/** The skill of an item id "<skill>/<seed id>" in SQL, as SQLite's substr/instr gives it ('' without a slash). */
const SKILL_OF_ITEM = "substr(item_id, 1, greatest(strpos(item_id, '/') - 1, 0))";
/** A lease of `$n` milliseconds from the database's clock. */
const leaseUntil = (parameter: string) => `now() + (${parameter}::float8 * interval '1 millisecond')`;

function isFlagged(record: DatasetRecord): boolean {
  const flags = record.metadata.flags;
  return Array.isArray(flags) && flags.includes(INJECTION_FLAG);
}

export class PostgresRunStore implements RunStore {
  readonly checkpointer: PostgresSaver;
  /** The quoted schema, prefixed to every table name. */
  private readonly s: string;

  private constructor(
    private readonly pool: pg.Pool,
    readonly schema: string,
  ) {
    this.s = `"${schema}"`;
    // The checkpointer shares the pool: one set of connections per process.
    this.checkpointer = new PostgresSaver(pool, undefined, { schema });
  }

  /**
   * Connect, and create the schema's tables (and the checkpointer's) if this is the first process to open it. With
   * `existing`, a schema that holds no run store is an error instead: reading commands create nothing.
   */
  static async open(url: string, options: { existing?: boolean } = {}): Promise<PostgresRunStore> {
    const { connectionString, schema } = parsePostgresUrl(url);
    // Reachable at all, within 10 s: a host that drops packets would otherwise hang the command for minutes. The
    // pool itself has no timeout, since pg-pool applies it to queries waiting for a free connection too.
    const probe = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
    try {
      await probe.connect();
    } finally {
      await probe.end().catch(() => {});
    }
    const pool = new pg.Pool({ connectionString });
    // An idle connection the server drops emits here; without a listener it would crash the process. The next
    // query on the pool opens a fresh connection, or fails with the reason.
    pool.on("error", () => {});
    const store = new PostgresRunStore(pool, schema);
    try {
      if (options.existing) {
        const { rows } = await pool.query<{ meta: string | null }>("SELECT to_regclass($1) AS meta", [
          `${store.s}.meta`,
        ]);
        if (!rows[0]?.meta)
          throw new Error(`schema ${schema} holds no run (start one with \`agentinstruct run --store\`)`);
      }
      await withSchemaLock(pool, schema, async (client) => {
        // The checkpointer migrates on its own connection, before this transaction creates anything it would wait on.
        await store.checkpointer.setup();
        for (const statement of schemaStatements(store.s)) await client.query(statement);
      });
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  private query<Row extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<pg.QueryResult<Row>> {
    return this.pool.query<Row>(sql, values);
  }

  async getMeta(key: string): Promise<string | undefined> {
    const { rows } = await this.query<{ value: string }>(`SELECT value FROM ${this.s}.meta WHERE key = $1`, [key]);
    return rows[0]?.value;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.query(
      `INSERT INTO ${this.s}.meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [key, value],
    );
  }

  async addSeed(seed: Seed): Promise<{ added: boolean; duplicateOf?: string }> {
    const inserted = await this.query(
      `INSERT INTO ${this.s}.seeds (id, source, kind, language, text) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO NOTHING`,
      [seed.id, storable(seed.source), seed.kind, seed.language ?? null, storable(seed.text)],
    );
    if (inserted.rowCount === 1) return { added: true };
    const { rows } = await this.query<{ source: string }>(`SELECT source FROM ${this.s}.seeds WHERE id = $1`, [
      seed.id,
    ]);
    const source = rows[0]?.source;
    return source === undefined || source === storable(seed.source)
      ? { added: false }
      : { added: false, duplicateOf: source };
  }

  async getSeed(id: string): Promise<Seed | undefined> {
    const { rows } = await this.query<SeedRow>(`SELECT * FROM ${this.s}.seeds WHERE id = $1`, [id]);
    return rows[0] ? seedFromRow(rows[0]) : undefined;
  }

  async countSeeds(): Promise<number> {
    const { rows } = await this.query<{ n: string }>(`SELECT count(*) AS n FROM ${this.s}.seeds`);
    return count(rows[0]?.n);
  }

  async *seeds(): AsyncIterable<Seed> {
    let after = "0";
    for (;;) {
      const { rows } = await this.query<SeedRow & { ordinal: string }>(
        `SELECT * FROM ${this.s}.seeds WHERE ordinal > $1 ORDER BY ordinal LIMIT ${PAGE}`,
        [after],
      );
      for (const row of rows) yield seedFromRow(row);
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) return;
      after = last.ordinal;
    }
  }

  async noteInput(note: InputNote): Promise<void> {
    await this.query(
      `INSERT INTO ${this.s}.inputs (source, outcome, reason) VALUES ($1, $2, $3)
       ON CONFLICT (source) DO UPDATE SET outcome = excluded.outcome, reason = excluded.reason`,
      [storable(note.source), note.outcome, storable(note.reason)],
    );
  }

  async addItem(item: { id: string; skill: string; seedId: string }): Promise<void> {
    await this.query(
      `INSERT INTO ${this.s}.items (id, skill, seed_id) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`,
      [item.id, item.skill, item.seedId],
    );
  }

  async getItem(id: string): Promise<Item | undefined> {
    const { rows } = await this.query<ItemRow>(`SELECT * FROM ${this.s}.items WHERE id = $1`, [id]);
    return rows[0] ? itemFromRow(rows[0]) : undefined;
  }

  async countItems(): Promise<Record<ItemStatus | "total", number>> {
    const counts = Object.fromEntries([...ITEM_STATUSES, "total"].map((status) => [status, 0])) as Record<
      ItemStatus | "total",
      number
    >;
    const { rows } = await this.query<{ status: ItemStatus; n: string }>(
      `SELECT status, count(*) AS n FROM ${this.s}.items GROUP BY status`,
    );
    for (const row of rows) {
      counts[row.status] += count(row.n);
      counts.total += count(row.n);
    }
    return counts;
  }

  async listItems(statuses: readonly ItemStatus[], afterOrdinal = 0, limit = -1): Promise<Item[]> {
    const { rows } = await this.query<ItemRow>(
      `SELECT * FROM ${this.s}.items WHERE status = ANY($1) AND ordinal > $2 ORDER BY ordinal LIMIT $3`,
      [statuses, afterOrdinal, limit < 0 ? null : limit],
    );
    return rows.map(itemFromRow);
  }

  async claimItems(worker: string, options: ClaimOptions): Promise<ClaimedItem[]> {
    if (options.limit <= 0) return [];
    // One statement: the candidates are locked as they are picked, and rows another worker is claiming at this
    // moment are skipped rather than waited on, so concurrent claims never overlap and never queue.
    const { rows } = await this.query<ItemRow & { claimed_from: ItemStatus }>(
      `WITH picked AS (
         SELECT id, status FROM ${this.s}.items
         WHERE (status = 'pending'
             OR (status = 'failed' AND attempts < $3
                 AND ($7::float8 IS NULL OR coalesce(failed_at, '-infinity') < to_timestamp($7::float8 / 1000)))
             OR (status = 'running' AND (lease_until IS NULL OR lease_until < now())))
           AND ($4::text[] IS NULL OR skill = ANY($4))
           AND ($6::text[] IS NULL OR id = ANY($6))
         ORDER BY ordinal LIMIT $2
         FOR UPDATE SKIP LOCKED)
       UPDATE ${this.s}.items AS item
       SET status = 'running', attempts = item.attempts + 1, error = NULL, worker = $1,
           lease_until = ${leaseUntil("$5")}, updated_at = now()
       FROM picked WHERE item.id = picked.id
       RETURNING item.*, picked.status AS claimed_from`,
      [
        worker,
        options.limit,
        options.maxAttempts,
        options.skills ? [...options.skills] : null,
        options.leaseMs,
        options.ids ? [...options.ids] : null,
        options.failedBefore ?? null,
      ],
    );
    return rows
      .map((row) => ({ ...itemFromRow(row), claimedFrom: row.claimed_from }))
      .sort((a, b) => a.ordinal - b.ordinal);
  }

  async heartbeat(worker: string, leaseMs: number, counters: WorkerCounters): Promise<string[]> {
    await this.query(
      `UPDATE ${this.s}.workers SET last_heartbeat = now(), in_flight = $2, finished = $3 WHERE id = $1`,
      [worker, counters.inFlight, counters.finished],
    );
    const { rows } = await this.query<{ id: string; ordinal: string }>(
      `UPDATE ${this.s}.items SET lease_until = ${leaseUntil("$2")}
       WHERE worker = $1 AND status = 'running' RETURNING id, ordinal`,
      [worker, leaseMs],
    );
    return rows.sort((a, b) => Number(a.ordinal) - Number(b.ordinal)).map((row) => row.id);
  }

  async registerWorker(worker: WorkerIdentity): Promise<void> {
    await this.query(
      `INSERT INTO ${this.s}.workers (id, host, pid, joined_at, last_heartbeat) VALUES ($1, $2, $3, now(), now())
       ON CONFLICT (id) DO UPDATE SET host = excluded.host, pid = excluded.pid,
         last_heartbeat = excluded.last_heartbeat, left_at = NULL`,
      [worker.id, worker.host, worker.pid],
    );
  }

  async leaveWorker(worker: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `UPDATE ${this.s}.items SET status = 'pending', worker = NULL, lease_until = NULL, reason = $2,
           updated_at = now()
         WHERE worker = $1 AND status = 'running'`,
        [worker, INTERRUPTED],
      );
      await client.query(`UPDATE ${this.s}.workers SET left_at = now(), in_flight = 0 WHERE id = $1`, [worker]);
    });
  }

  async workers(): Promise<WorkerInfo[]> {
    const { rows } = await this.query<{
      id: string;
      host: string;
      pid: number;
      joined_at: Date;
      last_heartbeat: Date;
      left_at: Date | null;
      in_flight: number;
      finished: number;
      leases: string;
    }>(
      `SELECT w.*, (SELECT count(*) FROM ${this.s}.items i WHERE i.worker = w.id AND i.status = 'running') AS leases
       FROM ${this.s}.workers w ORDER BY w.joined_at DESC, w.id`,
    );
    return rows.map((row) => ({
      id: row.id,
      host: row.host,
      pid: row.pid,
      inFlight: row.in_flight,
      finished: row.finished,
      joinedAt: row.joined_at.toISOString(),
      lastHeartbeat: row.last_heartbeat.toISOString(),
      ...(row.left_at ? { leftAt: row.left_at.toISOString() } : {}),
      leases: count(row.leases),
    }));
  }

  async staleLeases(): Promise<StaleLease[]> {
    const { rows } = await this.query<{ id: string; worker: string; lease_until: Date }>(
      `SELECT id, worker, lease_until FROM ${this.s}.items
       WHERE status = 'running' AND worker IS NOT NULL AND lease_until < now() ORDER BY ordinal`,
    );
    return rows.map((row) => ({ item: row.id, worker: row.worker, expiredAt: row.lease_until.toISOString() }));
  }

  async leasedElsewhere(worker: string, skills?: readonly string[]): Promise<number> {
    const { rows } = await this.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${this.s}.items
       WHERE status = 'running' AND worker IS NOT NULL AND worker <> $1 AND lease_until >= now()
         AND ($2::text[] IS NULL OR skill = ANY($2))`,
      [worker, skills ? [...skills] : null],
    );
    return count(rows[0]?.n);
  }

  /**
   * Lock the item's row for this transaction and, with `worker`, check that the worker still holds its lease: a
   * worker whose item was taken over must not write anything for it.
   */
  private async lockItem(client: pg.PoolClient, id: string, worker?: string): Promise<{ ordinal: string } | undefined> {
    const { rows } = await client.query<{ ordinal: string; status: ItemStatus; worker: string | null }>(
      `SELECT ordinal, status, worker FROM ${this.s}.items WHERE id = $1 FOR UPDATE`,
      [id],
    );
    const row = rows[0];
    if (worker !== undefined && (row?.status !== "running" || row.worker !== worker)) {
      throw new LeaseLostError(id, worker);
    }
    return row;
  }

  /** The item's new status, its lease released. */
  private async setStatus(
    client: pg.PoolClient,
    id: string,
    status: ItemStatus,
    fields: { error?: string; reason?: string; records?: number } = {},
  ): Promise<void> {
    // failed_at: when it failed, by the database's clock (a run retries only what failed before it began).
    await client.query(
      `UPDATE ${this.s}.items SET status = $2, error = $3, reason = $4, records = coalesce($5, records),
         worker = NULL, lease_until = NULL, updated_at = now(),
         failed_at = CASE WHEN $2 = 'failed' THEN now() ELSE failed_at END
       WHERE id = $1`,
      [id, status, fields.error ?? null, storableOrNull(fields.reason), fields.records ?? null],
    );
  }

  /** An item's declines and drops, replaced whole when the item ends (a rerun writes them again). */
  private async writeNotes(client: pg.PoolClient, id: string, notes: readonly ItemNote[]): Promise<void> {
    await client.query(`DELETE FROM ${this.s}.item_notes WHERE item_id = $1`, [id]);
    for (const note of notes) {
      await client.query(
        `INSERT INTO ${this.s}.item_notes (item_id, kind, reason, subject, detail, answer, key)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          id,
          note.kind,
          storable(note.reason),
          storable(note.subject),
          storable(note.detail),
          storableOrNull(note.answer),
          storableOrNull(note.key),
        ],
      );
    }
  }

  async interruptItem(id: string, worker?: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      if (await this.lockItem(client, id, worker)) await this.setStatus(client, id, "pending", { reason: INTERRUPTED });
    });
  }

  async completeItem(
    id: string,
    records: DatasetRecord[],
    notes: readonly ItemNote[] = [],
    worker?: string,
    dedup?: CommitDedup,
  ): Promise<CommitOutcome> {
    const outcome = await inTransaction(this.pool, async (client): Promise<CommitOutcome> => {
      const item = await this.lockItem(client, id, worker);
      if (!item) throw new Error(`unknown item ${id}`);
      let kept = records;
      let allNotes = notes;
      if (dedup) {
        // Commits that check for duplicates take turns (one lock per schema, held to COMMIT): two workers
        // committing near-duplicates at once cannot both miss the other.
        await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`agentinstruct:dedup:${this.schema}`]);
        const { dropped, entries } = dedup.decide(await this.candidates(client, dedup.exact, dedup.bands));
        kept = records.filter((record) => !dropped.has(record.id));
        allNotes = [...notes, ...dropped.values()];
        await this.insertDedupEntries(client, entries);
      }
      if (records.length > 0 && kept.length === 0) {
        const reason = nothingSurvived(allNotes);
        await this.setStatus(client, id, "filtered", { reason });
        await this.writeNotes(client, id, allNotes);
        await client.query(`DELETE FROM ${this.s}.response_cache WHERE item_id = $1`, [id]);
        return { records: 0, filtered: reason };
      }
      for (const [position, record] of kept.entries()) {
        await client.query(
          `INSERT INTO ${this.s}.records (id, item_ordinal, position, split, seed_id, flagged, data)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
          [
            record.id,
            item.ordinal,
            position,
            record.split,
            record.metadata.seed_id,
            isFlagged(record),
            JSON.stringify(record),
          ],
        );
      }
      await this.setStatus(client, id, "done", { records: kept.length });
      await this.writeNotes(client, id, allNotes);
      await client.query(`DELETE FROM ${this.s}.response_cache WHERE item_id = $1`, [id]);
      return { records: kept.length };
    });
    await this.checkpointer.deleteThread(id);
    return outcome;
  }

  private async candidates(
    client: pg.PoolClient | pg.Pool,
    exact: readonly string[],
    bands: readonly number[],
  ): Promise<DedupCandidate[]> {
    const { rows } = await client.query<DedupRow>(
      `SELECT origin, record_id, item_id, split, exact, signature FROM ${this.s}.dedup_entries
       WHERE exact = ANY($1::text[])
          OR id IN (SELECT entry FROM ${this.s}.dedup_bands WHERE key = ANY($2::bigint[]))`,
      [[...exact], bands.map(String)],
    );
    return rows.map(dedupCandidateFromRow);
  }

  private async insertDedupEntries(client: pg.PoolClient, entries: readonly DedupEntry[]): Promise<number> {
    let added = 0;
    for (const entry of entries) {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO ${this.s}.dedup_entries (origin, record_id, item_id, split, exact, signature)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (origin, record_id) DO NOTHING RETURNING id`,
        [entry.origin, entry.recordId, entry.itemId, entry.split, entry.exact, signatureBytes(entry.signature)],
      );
      const inserted = rows[0];
      if (!inserted) continue;
      added += 1;
      await client.query(`INSERT INTO ${this.s}.dedup_bands (key, entry) SELECT unnest($1::bigint[]), $2::bigint`, [
        entry.bands.map(String),
        inserted.id,
      ]);
    }
    return added;
  }

  async dedupCandidates(exact: readonly string[], bands: readonly number[]): Promise<DedupCandidate[]> {
    return this.candidates(this.pool, exact, bands);
  }

  async addDedupEntries(entries: readonly DedupEntry[]): Promise<number> {
    return inTransaction(this.pool, (client) => this.insertDedupEntries(client, entries));
  }

  async countDedupEntries(): Promise<Record<string, number>> {
    const { rows } = await this.query<{ origin: string; n: string }>(
      `SELECT origin, count(*) AS n FROM ${this.s}.dedup_entries GROUP BY origin ORDER BY origin`,
    );
    return Object.fromEntries(rows.map((row) => [row.origin, count(row.n)]));
  }

  async filterItem(id: string, reason: string, notes: readonly ItemNote[] = [], worker?: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      if (!(await this.lockItem(client, id, worker))) return;
      await this.setStatus(client, id, "filtered", { reason });
      await this.writeNotes(client, id, notes);
      await client.query(`DELETE FROM ${this.s}.response_cache WHERE item_id = $1`, [id]);
    });
    await this.checkpointer.deleteThread(id);
  }

  async itemNotes(id: string): Promise<ItemNote[]> {
    const { rows } = await this.query<{
      kind: ItemNote["kind"];
      reason: string;
      subject: string;
      detail: string;
      answer: string | null;
      key: string | null;
    }>(`SELECT kind, reason, subject, detail, answer, key FROM ${this.s}.item_notes WHERE item_id = $1 ORDER BY id`, [
      id,
    ]);
    return rows.map((row) => ({
      kind: row.kind,
      reason: row.reason,
      subject: row.subject,
      detail: row.detail,
      ...(row.answer !== null ? { answer: row.answer } : {}),
      ...(row.key !== null ? { key: row.key } : {}),
    }));
  }

  async failItem(id: string, error: ErrorRecord, worker?: string): Promise<void> {
    // The checkpoint and cached responses stay: a later claim retries the item from where it failed.
    await inTransaction(this.pool, async (client) => {
      if (await this.lockItem(client, id, worker)) {
        await this.setStatus(client, id, "failed", { error: JSON.stringify(error) });
      }
    });
  }

  async recordCall(call: CallRecord): Promise<void> {
    await this.query(
      `INSERT INTO ${this.s}.calls (item_id, agent, role, model, input_tokens, output_tokens, latency_ms, attempts,
         cached, error, cost_usd, saved_input_tokens, saved_output_tokens, saved_usd, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now())`,
      [
        call.itemId,
        call.agent,
        call.role,
        call.model,
        call.usage.input_tokens,
        call.usage.output_tokens,
        Math.round(call.latencyMs),
        call.attempts,
        call.cached,
        storableOrNull(call.error),
        call.costUsd ?? null,
        call.savedUsage?.input_tokens ?? null,
        call.savedUsage?.output_tokens ?? null,
        call.savedUsd ?? null,
      ],
    );
  }

  async itemCalls(itemId: string): Promise<CallRecord[]> {
    const { rows } = await this.query<CallRow>(`SELECT * FROM ${this.s}.calls WHERE item_id = $1 ORDER BY id`, [
      itemId,
    ]);
    return rows.map(callFromRow);
  }

  async spend(): Promise<{ usd: number; unpriced: Array<{ role: string; model: string; usage: Usage }> }> {
    const priced = await this.query<{ usd: number | null }>(
      `SELECT sum(cost_usd) AS usd FROM ${this.s}.calls WHERE NOT cached AND cost_usd IS NOT NULL`,
    );
    const unpriced = await this.query<{ role: string; model: string; input: string; output: string }>(
      `SELECT role, model, sum(input_tokens) AS input, sum(output_tokens) AS output FROM ${this.s}.calls
       WHERE NOT cached AND cost_usd IS NULL GROUP BY role, model ORDER BY role COLLATE "C", model COLLATE "C"`,
    );
    return {
      usd: priced.rows[0]?.usd ?? 0,
      unpriced: unpriced.rows.map((row) => ({
        role: row.role,
        model: row.model,
        usage: { input_tokens: count(row.input), output_tokens: count(row.output) },
      })),
    };
  }

  /** Spend in total and per role, agent and skill (item ids are "<skill>/<seed id>"), as RunCost defines it. */
  private async cost(): Promise<RunCost> {
    const spendBy = async (key: string): Promise<SpendGroup[]> => {
      const { rows } = await this.query<{
        key: string | null;
        usd: number | null;
        unknown: string;
        input: string | null;
        output: string | null;
      }>(
        `SELECT ${key} AS key, sum(cost_usd) AS usd, count(*) FILTER (WHERE cost_usd IS NULL) AS unknown,
           sum(input_tokens) AS input, sum(output_tokens) AS output
         FROM ${this.s}.calls WHERE NOT cached GROUP BY 1 ORDER BY ${key} COLLATE "C"`,
      );
      return rows.map((row) => ({
        key: row.key ?? "",
        usd: count(row.unknown) > 0 ? null : (row.usd ?? 0),
        unknown: count(row.unknown),
        tokens: { input: count(row.input), output: count(row.output) },
      }));
    };
    const unpriced = await this.query<{ model: string }>(
      `SELECT model FROM ${this.s}.calls WHERE NOT cached AND cost_usd IS NULL GROUP BY model ORDER BY model COLLATE "C"`,
    );
    return runCostFrom(
      {
        total: await spendBy("'all'::text"),
        role: await spendBy("role"),
        agent: await spendBy("agent"),
        skill: await spendBy(SKILL_OF_ITEM),
      },
      unpriced.rows.map((row) => row.model),
    );
  }

  async getCachedResponse(key: string): Promise<string | undefined> {
    const { rows } = await this.query<{ response: string }>(
      `SELECT response FROM ${this.s}.response_cache WHERE key = $1`,
      [key],
    );
    return rows[0]?.response;
  }

  async putCachedResponse(key: string, itemId: string, response: string): Promise<void> {
    await this.query(
      `INSERT INTO ${this.s}.response_cache (key, item_id, response) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING`,
      [key, itemId, response],
    );
  }

  async deleteCachedResponse(key: string): Promise<void> {
    await this.query(`DELETE FROM ${this.s}.response_cache WHERE key = $1`, [key]);
  }

  async summary(): Promise<RunSummary> {
    const items = Object.fromEntries([...ITEM_STATUSES, "total"].map((status) => [status, 0])) as RunSummary["items"];
    const bySkill = new Map<string, RunSummary["bySkill"][number]>();
    const statusRows = await this.query<{ skill: string; status: ItemStatus; n: string; records: string }>(
      `SELECT skill, status, count(*) AS n, sum(records) AS records FROM ${this.s}.items
       GROUP BY skill, status ORDER BY skill COLLATE "C"`,
    );
    for (const row of statusRows.rows) {
      const n = count(row.n);
      items[row.status] += n;
      items.total += n;
      const entry =
        bySkill.get(row.skill) ??
        ({ skill: row.skill, pending: 0, running: 0, done: 0, failed: 0, filtered: 0, records: 0, calls: 0 } as const);
      bySkill.set(row.skill, {
        ...entry,
        [row.status]: entry[row.status] + n,
        records: entry.records + count(row.records),
      });
    }
    // Item ids are "<skill>/<seed id>": paid calls per skill come from the call log.
    const skillCalls = await this.query<{ skill: string; n: string }>(
      `SELECT ${SKILL_OF_ITEM} AS skill, count(*) AS n FROM ${this.s}.calls
       WHERE NOT cached AND error IS NULL GROUP BY 1`,
    );
    for (const row of skillCalls.rows) {
      const entry = bySkill.get(row.skill);
      if (entry) bySkill.set(row.skill, { ...entry, calls: count(row.n) });
    }
    const { rows: callRows } = await this.query<Record<string, string | number | null>>(
      `SELECT count(*) FILTER (WHERE NOT cached AND error IS NULL) AS calls,
         count(*) FILTER (WHERE cached) AS cached, count(*) FILTER (WHERE error IS NOT NULL) AS failed,
         sum(greatest(attempts - 1, 0)) AS retries, sum(input_tokens) AS input, sum(output_tokens) AS output,
         sum(saved_input_tokens) AS saved_input, sum(saved_output_tokens) AS saved_output,
         sum(saved_usd) AS saved_usd, count(*) FILTER (WHERE cached AND saved_usd IS NULL) AS unpriced_hits
       FROM ${this.s}.calls`,
    );
    const calls = callRows[0] ?? {};
    const inputs = await this.query<{ source: string; outcome: string; reason: string }>(
      `SELECT source, outcome, reason FROM ${this.s}.inputs ORDER BY source COLLATE "C"`,
    );
    const failures = await this.query<{ id: string; error: string | null }>(
      `SELECT id, error FROM ${this.s}.items WHERE status = 'failed' ORDER BY ordinal`,
    );
    const dropped = await this.query<{ skill: string; reason: string; n: string }>(
      `SELECT ${SKILL_OF_ITEM} AS skill, reason, count(*) AS n FROM ${this.s}.item_notes WHERE kind = 'dropped'
       GROUP BY 1, 2 ORDER BY reason COLLATE "C", 1`,
    );
    const declined = await this.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${this.s}.item_notes WHERE kind = 'declined'`,
    );
    const recordCounts = await this.query<{ records: string; flagged: string }>(
      `SELECT count(*) AS records, count(DISTINCT seed_id) FILTER (WHERE flagged) AS flagged FROM ${this.s}.records`,
    );
    const unpricedHits = count(calls.unpriced_hits);
    return {
      items,
      ...droppedCounts(dropped.rows.map((row) => ({ ...row, n: count(row.n) }))),
      declined: count(declined.rows[0]?.n),
      flaggedSeeds: count(recordCounts.rows[0]?.flagged),
      records: count(recordCounts.rows[0]?.records),
      seeds: await this.countSeeds(),
      skipped: inputs.rows.filter((row) => row.outcome === "skipped").map(({ source, reason }) => ({ source, reason })),
      warnings: inputs.rows
        .filter((row) => row.outcome === "warning")
        .map(({ source, reason }) => ({ source, reason })),
      calls: count(calls.calls),
      cachedCalls: count(calls.cached),
      failedCalls: count(calls.failed),
      retries: count(calls.retries),
      tokens: { input: count(calls.input), output: count(calls.output) },
      cost: await this.cost(),
      cache: {
        hits: count(calls.cached),
        // One hit of an unpriced model makes the total unknown: a partial sum would read as the whole saving.
        savedUsd: unpricedHits > 0 ? null : count(calls.saved_usd),
        savedTokens: { input: count(calls.saved_input), output: count(calls.saved_output) },
      },
      bySkill: [...bySkill.values()],
      failures: failures.rows.map((row) => ({
        item: row.id,
        error: row.error ? (JSON.parse(row.error) as ErrorRecord).message : "unknown error",
      })),
    };
  }

  async *records(split?: string): AsyncIterable<DatasetRecord> {
    // Keyset pages in corpus order: each page starts after the last row of the one before, so memory stays one page
    // and no cursor holds a connection between yields.
    const page = split
      ? `SELECT item_ordinal, position, data FROM ${this.s}.records
         WHERE split = $3 AND (item_ordinal, position) > ($1, $2) ORDER BY item_ordinal, position LIMIT ${PAGE}`
      : `SELECT item_ordinal, position, data FROM ${this.s}.records
         WHERE (item_ordinal, position) > ($1, $2) ORDER BY item_ordinal, position LIMIT ${PAGE}`;
    let after: [string, number] = ["0", -1];
    for (;;) {
      const { rows } = await this.query<{ item_ordinal: string; position: number; data: string }>(page, [
        ...after,
        ...(split ? [split] : []),
      ]);
      for (const row of rows) yield JSON.parse(row.data) as DatasetRecord;
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) return;
      after = [last.item_ordinal, last.position];
    }
  }

  async splits(): Promise<string[]> {
    const { rows } = await this.query<{ split: string }>(
      `SELECT split FROM ${this.s}.records GROUP BY split ORDER BY split COLLATE "C"`,
    );
    return rows.map((row) => row.split);
  }

  async close(): Promise<void> {
    // The checkpointer shares the pool: ending it once closes both.
    await this.pool.end();
  }
}

export function openPostgresStore(url: string, options: { existing?: boolean } = {}): Promise<PostgresRunStore> {
  return PostgresRunStore.open(url, options);
}
