// The run store: everything a run knows lives here, so a crash loses nothing that finished.
// SQLite implements it today; a Postgres store will implement the same interface (and pass the same
// conformance suite in test/run-store.suite.ts).
import type { BaseCheckpointSaver } from "@langchain/langgraph";
import type { Seed } from "../corpus/read-corpus.js";
import type { ErrorRecord } from "../errors.js";
import type { ChatTurn } from "../models/chat-turn.js";
import type { Usage } from "../models/usage.js";

export const ITEM_STATUSES = ["pending", "running", "done", "failed", "filtered"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** One seed × skill: the unit of work, resumable on its own LangGraph thread (thread id = item id). */
export interface Item {
  id: string;
  /** Position in corpus order. */
  ordinal: number;
  skill: string;
  seedId: string;
  status: ItemStatus;
  attempts: number;
  records: number;
  error?: ErrorRecord;
  reason?: string;
}

/** An agent's decline, or a draft or answer a check dropped: kept per item, counted by reason in the summary. */
export interface ItemNote {
  kind: "declined" | "dropped";
  reason: string;
  subject: string;
  detail: string;
  /** Dropped answers: the teacher's answer and the key it was checked against. */
  answer?: string;
  key?: string;
}

export interface RefinementStep {
  goal: string;
  round: number;
  parent_id: string;
}

/** One dataset row with its full lineage. */
export interface DatasetRecord {
  id: string;
  split: string;
  messages: ChatTurn[];
  metadata: {
    skill: string;
    seed_id: string;
    source: string;
    transformation: string;
    instruction_type: string;
    /** The instruction alone, without the content the user turn also holds (absent in records of older runs). */
    instruction?: string;
    refinement: RefinementStep[];
    models: Record<string, string>;
    usage: Usage;
    [extra: string]: unknown;
  };
}

export interface CallRecord {
  itemId: string;
  agent: string;
  role: string;
  model: string;
  usage: Usage;
  latencyMs: number;
  attempts: number;
  cached: boolean;
  /** Set when the call failed for good. */
  error?: string;
  /** USD, from the usage and the model's price; absent when the price is unknown (never read as 0). */
  costUsd?: number;
  /** A cache hit: the tokens the original call used, which this one did not pay for. */
  savedUsage?: Usage;
  /** A cache hit: what the original call cost in USD; absent when the model's price is unknown. */
  savedUsd?: number;
}

export interface InputNote {
  source: string;
  outcome: "skipped" | "warning";
  reason: string;
}

/**
 * Spend of the calls sent to a model (cache hits cost nothing and are not counted). A group's dollars are null when
 * any of its calls has no known price: a partial sum would read as the whole.
 */
export interface RunCost {
  usd: number | null;
  /** Calls sent to a model whose price is unknown. */
  unknownCalls: number;
  /** The model labels of those calls. */
  unpricedModels: string[];
  byRole: Record<string, number | null>;
  byAgent: Record<string, number | null>;
  bySkill: Record<string, number | null>;
  /** Tokens of the calls sent to a model (cache hits excluded), per role and per skill, priced or not. */
  tokensByRole: Record<string, { input: number; output: number }>;
  tokensBySkill: Record<string, { input: number; output: number }>;
}

export interface RunSummary {
  items: Record<ItemStatus | "total", number>;
  /** Drafts and answers dropped by a check, per reason (answer_unchanged, verification_exact...). */
  dropped: Record<string, number>;
  /** The same drops per skill (what the diversity measures read a split's near-duplicate rate from). */
  droppedBySkill: Record<string, Record<string, number>>;
  /** Instruction types and goals an agent declined. */
  declined: number;
  /** Seeds whose text looked aimed at a model (records flagged suspected_prompt_injection). */
  flaggedSeeds: number;
  records: number;
  seeds: number;
  skipped: Array<{ source: string; reason: string }>;
  warnings: Array<{ source: string; reason: string }>;
  calls: number;
  cachedCalls: number;
  failedCalls: number;
  /** Extra attempts spent on retryable errors (429, 5xx, timeouts). */
  retries: number;
  tokens: { input: number; output: number };
  cost: RunCost;
  /**
   * Calls answered from the response cache and what they would have cost: savedUsd is null when a hit's model
   * has no known price (unknown, never shown as 0).
   */
  cache: { hits: number; savedUsd: number | null; savedTokens: { input: number; output: number } };
  bySkill: Array<{ skill: string } & Record<ItemStatus, number> & { records: number; calls: number }>;
  failures: Array<{ item: string; error: string }>;
}

/**
 * The response cache: a finished model call is never paid for twice within a run (the run store's own cache),
 * or across runs (the lasting cache, runtime/store/lasting-cache.ts).
 */
export interface ResponseCache {
  getCachedResponse(key: string): Promise<string | undefined>;
  putCachedResponse(key: string, itemId: string, response: string): Promise<void>;
  deleteCachedResponse(key: string): Promise<void>;
}

/** Where every model call is logged once (tokens, latency, attempts, cached or failed). */
export interface CallLog {
  recordCall(call: CallRecord): Promise<void>;
}

export interface ClaimOptions {
  limit: number;
  /** How long the lease lasts unless renewed by heartbeat. */
  leaseMs: number;
  /** Failed items are claimed again while they have had fewer attempts than this. */
  maxAttempts: number;
  /** Only items of these skills (default: every skill). */
  skills?: readonly string[];
  /** Only these items (default: any): a run over a chosen sample (`agentinstruct estimate`). */
  ids?: readonly string[];
  /**
   * Failed items are claimed only if they failed before this time (epoch ms; default: whenever): a run retries
   * what failed in earlier runs, not what one of its own workers just failed.
   */
  failedBefore?: number;
}

/** A claimed item (status running, attempts counted) and the status it had before the claim. */
export interface ClaimedItem extends Item {
  claimedFrom: ItemStatus;
}

export interface WorkerIdentity {
  /** Unique per process: `<host>:<pid>:<random>` (see runner/worker-id.ts). */
  id: string;
  host: string;
  pid: number;
}

export interface WorkerCounters {
  /** Items the worker is running now. */
  inFlight: number;
  /** Items the worker brought to a final state (done, filtered or failed) since it joined. */
  finished: number;
}

export interface WorkerInfo extends WorkerIdentity, WorkerCounters {
  /** ISO 8601 times, from the store's clock. */
  joinedAt: string;
  lastHeartbeat: string;
  /** Set once the worker left cleanly. */
  leftAt?: string;
  /** Items it holds under a lease now (live or expired). */
  leases: number;
}

export interface StaleLease {
  item: string;
  worker: string;
  /** ISO 8601, when the lease ran out. */
  expiredAt: string;
}

/** The worker no longer holds the item's lease: another worker took it over after the lease expired. */
export class LeaseLostError extends Error {
  constructor(
    readonly item: string,
    readonly worker: string,
  ) {
    super(`${worker} no longer holds the lease on ${item}: another worker took it over`);
    this.name = "LeaseLostError";
  }
}

/** How much of one split's records `<out>/data/<split>.jsonl` holds, as the last append committed it. */
export interface DataFileMark {
  /** The file's length in bytes after that append: anything past it is a half-finished append, cut off. */
  bytes: number;
  /** Lines (records) in those bytes. */
  rows: number;
  /** The commit sequence of the last record appended (0: none yet). */
  seq: number;
}

/** The data files as the last append committed them. */
export interface DataFilesState {
  /** Every split with a record committed up to this sequence has a mark (so only newer records are searched). */
  registeredSeq: number;
  marks: Record<string, DataFileMark>;
}

/**
 * What an append of the run's data files may do inside the store's exclusive section (RunStore.dataFiles).
 * Synchronous on purpose: the file writes happen while the store's write lock is held, so no other process can
 * append, cut or commit marks in between.
 */
export interface DataFilesLedger {
  /** The state the last append committed (before the first: registeredSeq 0, no marks). */
  state(): DataFilesState;
  /** Set the state; it is committed with the section, or not at all. */
  setState(state: DataFilesState): void;
  /** The commit sequence of the newest record (0: none). */
  lastSeq(): number;
  /** The splits with a record committed after `afterSeq`. */
  splitsAfter(afterSeq: number): string[];
  /** Up to `limit` records of `split` committed after `afterSeq`, in commit order, each as its JSON line. */
  linesAfter(split: string, afterSeq: number, limit: number): Array<{ seq: number; line: string }>;
}

/** One instruction in the near-duplicate index: a committed record of this run, or of an earlier one. */
export interface DedupEntry {
  recordId: string;
  /** The item that committed it ("" for a record of an earlier run). */
  itemId: string;
  split: string;
  /** "" for this run's records; the directory an earlier run's records were read from. */
  origin: string;
  /** Hash of the normalised instruction and content. */
  exact: string;
  /** MinHash signature (instruction's, then content's). */
  signature: Uint32Array;
  /** LSH band keys (53-bit integers). */
  bands: number[];
}

export type DedupCandidate = Omit<DedupEntry, "bands">;

/**
 * The commit-time duplicate check, run inside completeItem's transaction (serialised with every other commit of
 * the run), so two workers racing with near-duplicates keep only the first to commit.
 */
export interface CommitDedup {
  /** The exact hashes and band keys of the item's records: what candidates are looked up by. */
  exact: string[];
  bands: number[];
  /** Given the candidates, which records are dropped (record id → note) and the index entries of those kept. */
  decide(candidates: readonly DedupCandidate[]): { dropped: Map<string, ItemNote>; entries: DedupEntry[] };
}

/** What completeItem committed: the records kept, or why the item was filtered (every record dropped at commit). */
export interface CommitOutcome {
  records: number;
  filtered?: string;
}

/** The filter reason of an item left with no record: "no instruction survived generation: dropped a, b". */
export function nothingSurvived(notes: readonly ItemNote[]): string {
  const dropped = notes.filter((note) => note.kind === "dropped").map((note) => note.reason);
  return `no instruction survived generation${dropped.length > 0 ? `: dropped ${dropped.join(", ")}` : ""}`;
}

/** Signatures are stored as little-endian bytes, whatever the machine. */
export function signatureBytes(signature: Uint32Array): Buffer {
  const bytes = Buffer.alloc(signature.length * 4);
  for (let index = 0; index < signature.length; index += 1) bytes.writeUInt32LE(signature[index] as number, index * 4);
  return bytes;
}

export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signature = new Uint32Array(view.length / 4);
  for (let index = 0; index < signature.length; index += 1) signature[index] = view.readUInt32LE(index * 4);
  return signature;
}

/** A dedup_entries row as both stores read it. */
export interface DedupRow {
  origin: string;
  record_id: string;
  item_id: string;
  split: string;
  exact: string;
  signature: Buffer;
}

export function dedupCandidateFromRow(row: DedupRow): DedupCandidate {
  return {
    recordId: row.record_id,
    itemId: row.item_id,
    split: row.split,
    origin: row.origin,
    exact: row.exact,
    signature: signatureFromBytes(row.signature),
  };
}

/** The gateway sees only ResponseCache and CallLog; the rest is the runner's. */
export interface RunStore extends ResponseCache, CallLog {
  /** LangGraph checkpoints live in the same store as the items they belong to. */
  readonly checkpointer: BaseCheckpointSaver;

  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;

  /** Add a seed; a seed with the same id from another source is an exact duplicate and is not added. */
  addSeed(seed: Seed): Promise<{ added: boolean; duplicateOf?: string }>;
  getSeed(id: string): Promise<Seed | undefined>;
  countSeeds(): Promise<number>;
  /** Every seed, in corpus order. */
  seeds(): AsyncIterable<Seed>;
  /** Record why an input was skipped or used with a warning (idempotent per source). */
  noteInput(note: InputNote): Promise<void>;

  /** Create the item if it does not exist yet (pending). */
  addItem(item: { id: string; skill: string; seedId: string }): Promise<void>;
  getItem(id: string): Promise<Item | undefined>;
  /** How many items have each status now (what progress shows while other workers move items too). */
  countItems(): Promise<Record<ItemStatus | "total", number>>;
  /** Up to `limit` items with these statuses after `afterOrdinal`, in corpus order (a page of work). */
  listItems(statuses: readonly ItemStatus[], afterOrdinal?: number, limit?: number): Promise<Item[]>;
  /**
   * Claim up to `limit` runnable items for `worker`, in corpus order, atomically (no two workers ever hold the same
   * item): pending items, failed items with fewer than `maxAttempts` attempts, and running items whose lease has
   * expired (their worker died) or that have no lease (a run from before leases). Each claimed item becomes
   * running, attempts + 1, leased to `worker` until the store's clock passes now + `leaseMs`.
   */
  claimItems(worker: string, options: ClaimOptions): Promise<ClaimedItem[]>;
  /**
   * The worker is alive: its row's heartbeat and counters are updated and every lease it holds is extended to
   * now + `leaseMs`. Returns the ids of the items it still holds (an item missing from the answer was taken over).
   */
  heartbeat(worker: string, leaseMs: number, counters: WorkerCounters): Promise<string[]>;
  /** A worker joins the run (or rejoins with the same id). */
  registerWorker(worker: WorkerIdentity): Promise<void>;
  /** A worker leaves cleanly: its row is marked left and the items it still holds go back to pending. */
  leaveWorker(worker: string): Promise<void>;
  /** Every worker that joined this run, newest first, with the leases it holds. */
  workers(): Promise<WorkerInfo[]>;
  /** Items running under a lease that has expired: their worker stopped heartbeating. */
  staleLeases(): Promise<StaleLease[]>;
  /**
   * Work not yet finished that `worker` cannot claim right now because another worker holds it under a live
   * lease (of these skills when given): a worker with nothing to claim waits while this is above 0, so it can take
   * over an item whose worker dies, and leaves when it is 0.
   */
  leasedElsewhere(worker: string, skills?: readonly string[]): Promise<number>;
  /**
   * Back to pending after an interruption; its checkpoint stays for the next run. With `worker`, only while that
   * worker holds the item's lease (else LeaseLostError, nothing written).
   */
  interruptItem(id: string, worker?: string): Promise<void>;
  /**
   * Records and the done status in one transaction; then the thread's checkpoints and cache go. With `worker`, the
   * transaction first checks that the worker still holds the item's lease: if another worker took the item over, it
   * throws LeaseLostError and commits nothing (so no record is ever committed twice).
   */
  completeItem(
    id: string,
    records: DatasetRecord[],
    notes?: readonly ItemNote[],
    worker?: string,
    dedup?: CommitDedup,
  ): Promise<CommitOutcome>;
  /**
   * The near-duplicate index (runtime/dataset/dedup.ts): entries sharing an exact hash or a band key with these, for
   * the caller to verify. Shared by every worker of the run, so a duplicate is found whoever committed the original.
   */
  dedupCandidates(exact: readonly string[], bands: readonly number[]): Promise<DedupCandidate[]>;
  /** Add index entries (records of earlier runs, `--dedup-against`): once per origin and record id; returns how many were new. */
  addDedupEntries(entries: readonly DedupEntry[]): Promise<number>;
  /** How many entries the index holds, by origin ("" for this run's own records). */
  countDedupEntries(): Promise<Record<string, number>>;
  /** As completeItem, for an item that ends without records. */
  filterItem(id: string, reason: string, notes?: readonly ItemNote[], worker?: string): Promise<void>;
  /** An item's declines and drops (what `status --item` lists). */
  itemNotes(id: string): Promise<ItemNote[]>;
  /** As completeItem, for an item that failed; its checkpoint and cached responses stay for a retry. */
  failItem(id: string, error: ErrorRecord, worker?: string): Promise<void>;

  /** The calls an item made, in order (what `status --item` shows). */
  itemCalls(itemId: string): Promise<CallRecord[]>;
  /**
   * What a budget counts from earlier runs: the dollars of the priced calls, and the tokens of the calls logged
   * without a price (per role and model), for the runner to price with today's prices.
   */
  spend(): Promise<{ usd: number; unpriced: Array<{ role: string; model: string; usage: Usage }> }>;
  summary(): Promise<RunSummary>;
  /** Every record, in corpus order, optionally of one split; read in pages, so memory stays flat at any size. */
  records(split?: string): AsyncIterable<DatasetRecord>;
  /**
   * Optional, SQLite only: run `section` in one exclusive write transaction, held across processes (every worker
   * of the run appends through it), and commit the state it set when it returns; a throw or a killed process
   * commits nothing. It is how `<out>/data/<split>.jsonl` grows by appending each committed record exactly once
   * (runtime/export/run-data-files.ts). Stores without it (Postgres) leave data files to `export`.
   */
  dataFiles?<T>(section: (ledger: DataFilesLedger) => T): T;
  splits(): Promise<string[]>;
  close(): Promise<void>;
}

/** A summary's `dropped` and `droppedBySkill` from the (skill, reason, count) rows of a store's item notes. */
export function droppedCounts(
  rows: ReadonlyArray<{ skill: string; reason: string; n: number }>,
): Pick<RunSummary, "dropped" | "droppedBySkill"> {
  const dropped: Record<string, number> = {};
  const droppedBySkill: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    dropped[row.reason] = (dropped[row.reason] ?? 0) + row.n;
    const skill = droppedBySkill[row.skill] ?? {};
    skill[row.reason] = (skill[row.reason] ?? 0) + row.n;
    droppedBySkill[row.skill] = skill;
  }
  return { dropped, droppedBySkill };
}

/**
 * An items row as both stores read it (Postgres hands bigint ordinals over as strings). One conversion, so the two
 * backends cannot drift apart in what an Item carries.
 */
export interface ItemRow {
  ordinal: number | string;
  id: string;
  skill: string;
  seed_id: string;
  status: ItemStatus;
  attempts: number;
  records: number;
  error: string | null;
  reason: string | null;
}

export function itemFromRow(row: ItemRow): Item {
  const item: Item = {
    id: row.id,
    ordinal: Number(row.ordinal),
    skill: row.skill,
    seedId: row.seed_id,
    status: row.status,
    attempts: row.attempts,
    records: row.records,
  };
  if (row.error) item.error = JSON.parse(row.error) as ErrorRecord;
  if (row.reason) item.reason = row.reason;
  return item;
}

export interface SeedRow {
  id: string;
  source: string;
  kind: "text" | "code";
  language: string | null;
  text: string;
}

export function seedFromRow(row: SeedRow): Seed {
  const seed: Seed = { id: row.id, source: row.source, kind: row.kind, text: row.text };
  if (row.language) seed.language = row.language;
  return seed;
}

/** A calls row (SQLite keeps `cached` as 0/1, Postgres as a boolean). */
export interface CallRow {
  item_id: string;
  agent: string;
  role: string;
  model: string;
  input_tokens: number;
  output_tokens: number;
  latency_ms: number;
  attempts: number;
  cached: number | boolean;
  error: string | null;
  cost_usd: number | null;
  saved_input_tokens: number | null;
  saved_output_tokens: number | null;
  saved_usd: number | null;
}

export function callFromRow(row: CallRow): CallRecord {
  return {
    itemId: row.item_id,
    agent: row.agent,
    role: row.role,
    model: row.model,
    usage: { input_tokens: row.input_tokens, output_tokens: row.output_tokens },
    latencyMs: row.latency_ms,
    attempts: row.attempts,
    cached: row.cached === true || row.cached === 1,
    ...(row.error ? { error: row.error } : {}),
    ...(row.cost_usd !== null ? { costUsd: row.cost_usd } : {}),
    ...(row.saved_input_tokens !== null && row.saved_output_tokens !== null
      ? { savedUsage: { input_tokens: row.saved_input_tokens, output_tokens: row.saved_output_tokens } }
      : {}),
    ...(row.saved_usd !== null ? { savedUsd: row.saved_usd } : {}),
  };
}

/** Paid calls grouped by one key: their dollars (null when any has no price), unpriced count and tokens. */
export interface SpendGroup {
  key: string;
  usd: number | null;
  unknown: number;
  tokens: { input: number; output: number };
}

/**
 * RunCost from the paid calls grouped once per key (`total` is the one group of every call): each grouping gives
 * both the dollars and the tokens of its key, so no store asks for the same grouping twice.
 */
export function runCostFrom(
  groups: { total: SpendGroup[]; role: SpendGroup[]; agent: SpendGroup[]; skill: SpendGroup[] },
  unpricedModels: string[],
): RunCost {
  const usd = (rows: SpendGroup[]) => Object.fromEntries(rows.map((row) => [row.key, row.usd]));
  const tokens = (rows: SpendGroup[]) => Object.fromEntries(rows.map((row) => [row.key, row.tokens]));
  const total = groups.total[0] ?? { usd: 0, unknown: 0 };
  return {
    usd: total.usd,
    unknownCalls: total.unknown,
    unpricedModels,
    byRole: usd(groups.role),
    byAgent: usd(groups.agent),
    bySkill: usd(groups.skill),
    tokensByRole: tokens(groups.role),
    tokensBySkill: tokens(groups.skill),
  };
}
