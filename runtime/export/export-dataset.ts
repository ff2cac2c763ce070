// Export: dataset files derived from the run store, streamed a page of records at a time (memory stays flat at any
// size), each written to a temporary file and renamed into place, so a crash can neither duplicate nor half-write a
// row. A run's own `<out>/data/` files grow by appending instead (run-data-files.ts).
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { ConfigError } from "../errors.js";
import type { ChatTurn } from "../models/chat-turn.js";
import type { DatasetRecord, RunStore } from "../store/run-store.js";
import { convertRecord, type ExportFormat, isHfFormat } from "./conversation-formats.js";
import { LeftOutReport, leftOutReportPath } from "./left-out-report.js";

export { EXPORT_FORMATS, type ExportFormat } from "./conversation-formats.js";

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
  /** Records of the split the format cannot hold (alpaca: multi-turn), listed in `left-out.jsonl` beside it. */
  leftOut?: number;
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

/** The split's lines in the chosen format; a record the format cannot hold goes to the report instead. */
async function* linesOf(
  records: AsyncIterable<DatasetRecord>,
  options: ExportOptions,
  report: LeftOutReport,
): AsyncIterable<string> {
  const format = options.format;
  for await (const record of records) {
    if (!isHfFormat(format)) {
      yield rowOf(record, options);
      continue;
    }
    const converted = convertRecord(format, record);
    if ("row" in converted) yield JSON.stringify(converted.row);
    else await report.add(record, converted.leftOut);
  }
}

/**
 * Write one JSONL file per split (and Parquet with `parquet`, for orca and native), from the store's records. Records
 * the format cannot hold are counted per split (`leftOut`) and listed in `left-out.jsonl` beside the files.
 */
export async function exportDataset(store: RunStore, options: ExportOptions): Promise<ExportedFile[]> {
  if (options.parquet && isHfFormat(options.format)) {
    throw new ConfigError(`--parquet writes orca or native; for ${options.format} in Parquet, use --hf`);
  }
  await mkdir(options.to, { recursive: true });
  const files: ExportedFile[] = [];
  const report = new LeftOutReport(leftOutReportPath(options.to));
  try {
    for (const split of await store.splits()) {
      const path = join(options.to, `${split}.jsonl`);
      const rows = await writeAtomically(path, linesOf(store.records(split), options, report));
      const leftOut = report.counts[split];
      files.push({ split, path, rows, ...(leftOut ? { leftOut } : {}) });
      if (options.parquet) {
        const parquetPath = join(options.to, `${split}.parquet`);
        files.push({ split, path: parquetPath, rows: await writeParquet(store, split, parquetPath, options) });
      }
    }
  } catch (error) {
    await report.discard();
    throw error;
  }
  await report.close();
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
