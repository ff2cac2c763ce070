// The Hugging Face dataset layout: `data/<split>-00000-of-0000N.parquet` shards cut by size, and a dataset card
// (`README.md`) the Hub reads, so `load_dataset(folder)` and `huggingface-cli upload` work on the folder as it is.
// Streamed from the run store like every export: memory holds one row group, whatever the size of the run.
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Item, RunStore } from "../store/run-store.js";
import { alpacaRow, convertRecord, type HfFormat } from "./conversation-formats.js";
import { type CardSplit, datasetCard, type StoredSettings } from "./dataset-card.js";
import type { ExportedFile } from "./export-dataset.js";
import { columnsOf, type ExportShape, parquetRow, parquetSchemaOf, recordHasTools } from "./hf-columns.js";
import { LEFT_OUT_REPORT, LeftOutReport, leftOutReportPath } from "./left-out-report.js";
import { ParquetShards, SHARD_NAME } from "./parquet-shards.js";

/** The Hub's usual shard size, as `datasets` uses it (`max_shard_size="500MB"`). */
export const DEFAULT_SHARD_BYTES = 500_000_000;

export interface HfExportOptions {
  format: HfFormat;
  to: string;
  /** Largest shard on disk, about (a shard ends before a row group would take it past this). */
  shardBytes?: number;
  /** The license of the seeds, as the user gives it (a Hub id such as cc-by-4.0); absent: "unknown" in the card. */
  license?: string;
}

export interface HfExport {
  /** Every shard written, per split. */
  files: ExportedFile[];
  /** The dataset card. */
  card: string;
  /** Records the format left out (alpaca: multi-turn), per split. */
  leftOut: Record<string, number>;
  /** Where those records are listed, when there are any. */
  report?: string;
}

/** The optional columns the records need: one read of the store before any shard is written. */
async function readShape(store: RunStore, format: HfFormat): Promise<ExportShape> {
  const shape: ExportShape = { tools: false, system: false };
  for await (const record of store.records()) {
    shape.tools ||= recordHasTools(record);
    if (format === "alpaca" && !shape.system) {
      const converted = alpacaRow(record);
      shape.system = "row" in converted && converted.row.system !== undefined;
    }
    if (shape.tools && (format !== "alpaca" || shape.system)) break;
  }
  return shape;
}

/** About how many bytes a row holds uncompressed: what row groups and shards are cut by. */
function approximateBytes(value: unknown): number {
  if (typeof value === "string") return value.length;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + approximateBytes(item), 8);
  if (value && typeof value === "object") {
    return Object.values(value).reduce((sum: number, item) => sum + approximateBytes(item), 8);
  }
  return 8;
}

/** Filtered items per reason, read a page at a time. */
async function filteredReasons(store: RunStore): Promise<Record<string, number>> {
  const reasons: Record<string, number> = {};
  let after = -1;
  for (;;) {
    const page: Item[] = await store.listItems(["filtered"], after, 1000);
    for (const item of page) reasons[item.reason ?? "unspecified"] = (reasons[item.reason ?? "unspecified"] ?? 0) + 1;
    const last = page.at(-1);
    if (!last || page.length < 1000) return reasons;
    after = last.ordinal;
  }
}

async function storedSettings(store: RunStore): Promise<StoredSettings | undefined> {
  const raw = await store.getMeta("run_settings");
  return raw ? (JSON.parse(raw) as StoredSettings) : undefined;
}

/** Shards an earlier export into the same folder left, that this one did not write: a glob would pick them up. */
async function removeStaleShards(dir: string, written: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(dir)) {
    const stale = (SHARD_NAME.test(name) && !written.has(name)) || name.endsWith(".parquet.partial");
    if (stale) await rm(join(dir, name), { force: true });
  }
}

/** Write the Hugging Face layout into `options.to`: data/ shards per split, left-out.jsonl, README.md. */
export async function exportHfDataset(store: RunStore, options: HfExportOptions): Promise<HfExport> {
  const { format, to } = options;
  const shardBytes = options.shardBytes ?? DEFAULT_SHARD_BYTES;
  const dataDir = join(to, "data");
  await mkdir(dataDir, { recursive: true });
  const columns = columnsOf(format, await readShape(store, format));
  const schema = parquetSchemaOf(columns);
  const names = columns.map((column) => column.name);
  const report = new LeftOutReport(leftOutReportPath(to));
  const splits: CardSplit[] = [];
  const metadataKeys: Record<string, number> = {};
  try {
    for (const split of await store.splits()) {
      const shards = await ParquetShards.open(dataDir, split, schema, names, shardBytes);
      let rows = 0;
      for await (const record of store.records(split)) {
        const converted = convertRecord(format, record);
        if ("leftOut" in converted) {
          await report.add(record, converted.leftOut);
          continue;
        }
        for (const key of Object.keys(record.metadata)) metadataKeys[key] = (metadataKeys[key] ?? 0) + 1;
        const row = parquetRow(format, record, converted.row);
        await shards.add(row, approximateBytes(row));
        rows += 1;
      }
      splits.push({ name: split, rows, shards: await shards.finish(), leftOut: report.counts[split] ?? 0 });
    }
  } catch (error) {
    await report.discard();
    throw error;
  }
  const written = new Set(splits.flatMap((split) => split.shards.map((shard) => shard.path.slice(dataDir.length + 1))));
  await removeStaleShards(dataDir, written);
  const reportPath = await report.close();
  const card = join(to, "README.md");
  const text = datasetCard({
    format,
    columns,
    splits,
    ...(options.license ? { license: options.license } : {}),
    runId: await store.getMeta("run_id"),
    settings: await storedSettings(store),
    summary: await store.summary(),
    filtered: await filteredReasons(store),
    metadataKeys,
    ...(reportPath ? { report: LEFT_OUT_REPORT } : {}),
  });
  await writeFile(`${card}.partial`, text, "utf8");
  await rename(`${card}.partial`, card);
  return {
    files: splits.flatMap((split) =>
      split.shards.map((shard) => ({ split: split.name, path: shard.path, rows: shard.rows })),
    ),
    card,
    leftOut: Object.fromEntries(
      splits.filter((split) => split.leftOut > 0).map((split) => [split.name, split.leftOut]),
    ),
    ...(reportPath ? { report: reportPath } : {}),
  };
}

const SIZE_UNITS: Record<string, number> = {
  "": 1,
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  KIB: 2 ** 10,
  MIB: 2 ** 20,
  GIB: 2 ** 30,
};

/** "500MB", "64KiB", "2GB", "100000": bytes, as `datasets` reads sizes (KB = 1000, KiB = 1024); undefined if not one. */
export function parseByteSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = SIZE_UNITS[(match?.[2] ?? "?").toUpperCase()];
  if (!match || unit === undefined) return undefined;
  const bytes = Math.floor(Number(match[1]) * unit);
  return bytes > 0 ? bytes : undefined;
}
