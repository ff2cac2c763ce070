// Export: dataset files derived from the run store, streamed a page of records at a time (memory stays flat at any
// size), each written to a temporary file and renamed into place, so a crash can neither duplicate nor half-write a
// row. A run's own `<out>/data/` files grow by appending instead (run-data-files.ts).
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { ChatTurn } from "../models/chat-turn.js";
import type { DatasetRecord, RunStore } from "../store/run-store.js";

export const EXPORT_FORMATS = ["orca", "native"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  format: ExportFormat;
  to: string;
  parquet?: boolean;
  /** orca: open each conversation with an empty system turn, as most released rows do (default true). */
  emptySystemTurn?: boolean;
}

export interface ExportedFile {
  split: string;
  path: string;
  rows: number;
}

const PARQUET_BATCH = 5000;

/** The orca-agentinstruct-1M-v1 form of a record's conversation. */
export function orcaMessages(record: DatasetRecord, emptySystemTurn = true): ChatTurn[] {
  const hasSystem = record.messages[0]?.role === "system";
  return emptySystemTurn && !hasSystem ? [{ role: "system", content: "" }, ...record.messages] : record.messages;
}

function rowOf(record: DatasetRecord, options: ExportOptions): string {
  if (options.format === "native") return JSON.stringify(record);
  return JSON.stringify({ messages: JSON.stringify(orcaMessages(record, options.emptySystemTurn ?? true)) });
}

async function writeAtomically(path: string, lines: AsyncIterable<string>): Promise<number> {
  const temporary = `${path}.partial`;
  const stream = createWriteStream(temporary, { encoding: "utf8" });
  let rows = 0;
  try {
    for await (const line of lines) {
      if (!stream.write(`${line}\n`)) await once(stream, "drain");
      rows += 1;
    }
    stream.end();
    await once(stream, "finish");
  } catch (error) {
    stream.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
  await rename(temporary, path);
  return rows;
}

async function* mapRecords<T>(
  records: AsyncIterable<DatasetRecord>,
  map: (record: DatasetRecord) => T,
): AsyncIterable<T> {
  for await (const record of records) yield map(record);
}

/** Write one JSONL file per split (and Parquet with `parquet`), from the store's records. */
export async function exportDataset(store: RunStore, options: ExportOptions): Promise<ExportedFile[]> {
  await mkdir(options.to, { recursive: true });
  const files: ExportedFile[] = [];
  for (const split of await store.splits()) {
    const path = join(options.to, `${split}.jsonl`);
    const rows = await writeAtomically(
      path,
      mapRecords(store.records(split), (record) => rowOf(record, options)),
    );
    files.push({ split, path, rows });
    if (options.parquet) {
      const parquetPath = join(options.to, `${split}.parquet`);
      files.push({ split, path: parquetPath, rows: await writeParquet(store, split, parquetPath, options) });
    }
  }
  return files;
}

/** Parquet with the released schema: one `messages` column of JSON strings. Loaded only when asked for. */
async function writeParquet(store: RunStore, split: string, path: string, options: ExportOptions): Promise<number> {
  const { ParquetWriter, fileWriter, schemaFromColumnData } = await import("hyparquet-writer");
  const temporary = `${path}.partial`;
  const columns = (data: string[]) =>
    options.format === "native"
      ? [{ name: "record", data, type: "JSON" as const }]
      : [{ name: "messages", data, type: "STRING" as const }];
  const writer = new ParquetWriter({
    writer: fileWriter(temporary),
    schema: schemaFromColumnData({ columnData: columns([]) }),
    createdBy: "agentinstruct",
  });
  let rows = 0;
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await writer.write({ columnData: columns(batch), rowGroupSize: PARQUET_BATCH });
    batch = [];
  };
  for await (const record of store.records(split)) {
    batch.push(
      options.format === "native"
        ? JSON.stringify(record)
        : JSON.stringify(orcaMessages(record, options.emptySystemTurn ?? true)),
    );
    rows += 1;
    if (batch.length >= PARQUET_BATCH) await flush();
  }
  await flush();
  await writer.finish();
  await rename(temporary, path);
  return rows;
}
