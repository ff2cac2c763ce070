// `<out>/data/<split>.jsonl` grows as items commit: each record is appended once, in commit order, never the whole
// file rewritten. The store keeps a mark per file (its length, rows, last record's commit sequence), and every
// append happens inside the store's exclusive section (RunStore.dataFiles), which serialises the workers of a run:
// cut the file back to its mark (a process killed mid-append left a tail that was never committed), append the
// records committed after the mark, commit the new mark. A file shorter than its mark (deleted, truncated by hand)
// is written again from the store.
import { closeSync, constants, fstatSync, ftruncateSync, mkdirSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { DataFileMark, DataFilesLedger, DataFilesState, RunStore } from "../store/run-store.js";
import type { ExportedFile } from "./export-dataset.js";

/** Records appended per split in one exclusive section: the lock is held briefly, memory stays flat. */
const BATCH = 2000;

const EMPTY: DataFileMark = { bytes: 0, rows: 0, seq: 0 };

/** Write `bytes` at `position`, however many calls the kernel needs. */
function writeAt(fd: number, bytes: Buffer, position: number): void {
  let written = 0;
  while (written < bytes.length) {
    written += writeSync(fd, bytes, written, bytes.length - written, position + written);
  }
}

/** Bring one file from its mark up to at most BATCH more records; returns the new mark and whether more remain. */
function appendSplit(ledger: DataFilesLedger, path: string, split: string, from: DataFileMark) {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT, 0o644);
  try {
    const size = fstatSync(fd).size;
    // Shorter than what was committed to it: lines are missing, so write it again from the first record.
    let mark = size < from.bytes ? EMPTY : from;
    if (size !== mark.bytes) ftruncateSync(fd, mark.bytes);
    const lines = ledger.linesAfter(split, mark.seq, BATCH);
    const last = lines.at(-1);
    if (last) {
      const bytes = Buffer.from(lines.map((row) => `${row.line}\n`).join(""), "utf8");
      writeAt(fd, bytes, mark.bytes);
      mark = { bytes: mark.bytes + bytes.length, rows: mark.rows + lines.length, seq: last.seq };
    }
    return { mark, more: lines.length === BATCH };
  } finally {
    closeSync(fd);
  }
}

/** One exclusive section: every split's file brought up to date by at most a batch. */
function appendBatch(ledger: DataFilesLedger, dir: string) {
  const state = ledger.state();
  // Only records committed since the last section can belong to a split without a mark yet.
  const lastSeq = ledger.lastSeq();
  const splits = new Set(Object.keys(state.marks));
  if (lastSeq > state.registeredSeq) for (const split of ledger.splitsAfter(state.registeredSeq)) splits.add(split);
  let more = false;
  const next: DataFilesState = { registeredSeq: lastSeq, marks: {} };
  for (const split of [...splits].sort()) {
    const appended = appendSplit(ledger, join(dir, `${split}.jsonl`), split, state.marks[split] ?? EMPTY);
    next.marks[split] = appended.mark;
    more ||= appended.more;
  }
  if (JSON.stringify(next) !== JSON.stringify(state)) ledger.setState(next);
  return { marks: next.marks, more };
}

/**
 * Append to `<out>/data/<split>.jsonl` every record the store committed since the last append (by any process),
 * and repair what a killed append left. Returns the files with their rows; undefined for a store that keeps no
 * data files (Postgres: `agentinstruct export` writes them).
 */
export function appendRunData(store: RunStore, out: string): ExportedFile[] | undefined {
  if (!store.dataFiles) return undefined;
  const dir = join(out, "data");
  mkdirSync(dir, { recursive: true });
  const section = (ledger: DataFilesLedger) => appendBatch(ledger, dir);
  let batch = store.dataFiles(section);
  while (batch.more) batch = store.dataFiles(section);
  return Object.entries(batch.marks).map(([split, mark]) => ({
    split,
    path: join(dir, `${split}.jsonl`),
    rows: mark.rows,
  }));
}

/** The runner's view: append after each commit, and once more at the end of the run, which reports a failure. */
export class RunDataFiles {
  constructor(
    private readonly store: RunStore,
    private readonly out: string,
  ) {}

  /**
   * After an item committed. A failure (disk full, say) does not fail the item or stop the run: its records are
   * safe in the store, and the next append, at the latest the one at the end of the run, writes them.
   */
  append(): void {
    try {
      appendRunData(this.store, this.out);
    } catch {
      // Reported by finish(), which tries again.
    }
  }

  /** The end of the run: the files up to date with the store, or the error that keeps them from it. */
  finish(): ExportedFile[] {
    try {
      return appendRunData(this.store, this.out) ?? [];
    } catch (error) {
      throw new Error(
        `cannot append to ${join(this.out, "data")}: ${(error as Error).message} (the records are safe in the run store; rerun or export)`,
        { cause: error },
      );
    }
  }
}

/**
 * The run's own dataset view, `<out>/data/<split>.jsonl` with full records in commit order, brought up to date by
 * appending what was committed since (appendRunData). Empty for a store that keeps no data files
 * (Postgres): export writes those.
 */
export async function writeRunData(store: RunStore, out: string): Promise<ExportedFile[]> {
  return appendRunData(store, out) ?? [];
}
