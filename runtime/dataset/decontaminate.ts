// Benchmark decontamination: every N-word window (n-gram) of the eval items' text, hashed once per process into a
// Map, and a record whose user turns share any n-gram with one is dropped, naming the eval item.
//
// Hashes are 53-bit (two 32-bit hashes of the n-gram, built from per-word hashes): with a million eval n-grams, the chance that one of a
// record's few hundred n-grams collides with an unrelated one is about 10^-7, where 32-bit hashes would give
// several percent.
import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { InputError } from "../errors.js";
import type { ItemNote } from "../store/run-store.js";
import { fmix32, hashString, wordsOf } from "./minhash.js";

export const DEFAULT_NGRAM = 13;

export interface DecontaminationSettings {
  files: string[];
  /** The eval items' text fields; absent: every string field (and strings in arrays). */
  fields?: string[];
  /** Words per n-gram. */
  ngram: number;
}

/** Two 32-bit hashes per word, once per text: a window's hash is then built from them without making strings. */
function wordHashes(words: readonly string[]): { a: Uint32Array; b: Uint32Array } {
  const a = new Uint32Array(words.length);
  const b = new Uint32Array(words.length);
  words.forEach((word, index) => {
    a[index] = hashString(word, 0x13579bdf);
    b[index] = hashString(word, 0x2468ace0);
  });
  return { a, b };
}

/** The 53-bit hash of the n words from `start` (order-sensitive: each step mixes the running hash). */
function ngramHash(hashes: { a: Uint32Array; b: Uint32Array }, start: number, n: number): number {
  let high = 0x1b873593;
  let low = 0x6b43a9b5;
  for (let index = start; index < start + n; index += 1) {
    high = fmix32(high ^ (hashes.a[index] as number));
    low = fmix32((Math.imul(low, 31) + (hashes.b[index] as number)) | 0);
  }
  return (high & 0x1fffff) * 0x1_0000_0000 + low;
}

export interface Contamination {
  /** The eval item's `id`, or file:line (file:row for Parquet). */
  evalId: string;
  /** The first shared n-gram, normalised. */
  ngram: string;
}

export class EvalNgrams {
  /** n-gram hash → index of the eval item's id. */
  private readonly ngrams = new Map<number, number>();
  private readonly ids: string[] = [];
  /** Eval texts shorter than n words: they cannot be matched (README > Decontamination). */
  tooShort = 0;

  constructor(readonly n: number) {
    if (!Number.isInteger(n) || n < 1) throw new InputError(`the decontamination n-gram must be ≥ 1 word, got ${n}`);
  }

  get items(): number {
    return this.ids.length;
  }

  get size(): number {
    return this.ngrams.size;
  }

  add(id: string, texts: readonly string[]): void {
    const index = this.ids.push(id) - 1;
    for (const text of texts) {
      const words = wordsOf(text);
      if (words.length < this.n) {
        if (words.length > 0) this.tooShort += 1;
        continue;
      }
      const hashes = wordHashes(words);
      for (let start = 0; start + this.n <= words.length; start += 1) {
        const hash = ngramHash(hashes, start, this.n);
        if (!this.ngrams.has(hash)) this.ngrams.set(hash, index);
      }
    }
  }

  /** The first eval item a text shares an n-gram with. */
  match(text: string): Contamination | undefined {
    const words = wordsOf(text);
    const hashes = wordHashes(words);
    for (let start = 0; start + this.n <= words.length; start += 1) {
      const index = this.ngrams.get(ngramHash(hashes, start, this.n));
      if (index !== undefined) {
        return { evalId: this.ids[index] as string, ngram: words.slice(start, start + this.n).join(" ") };
      }
    }
    return undefined;
  }
}

export function contaminatedNote(subject: string, found: Contamination): ItemNote {
  return {
    kind: "dropped",
    reason: "contaminated",
    subject,
    detail: `shares a ${found.ngram.split(" ").length}-gram with eval item ${found.evalId}: "${found.ngram}"`,
  };
}

/** The text fields of one eval item: the named ones, or every string (and string in an array). */
function textsOf(row: Record<string, unknown>, fields: readonly string[] | undefined): string[] {
  const texts: string[] = [];
  const take = (value: unknown) => {
    if (typeof value === "string") texts.push(value);
    else if (Array.isArray(value)) for (const inner of value) if (typeof inner === "string") texts.push(inner);
  };
  if (fields) for (const field of fields) take(row[field]);
  else for (const [key, value] of Object.entries(row)) if (key !== "id") take(value);
  return texts;
}

function idOf(row: Record<string, unknown>, fallback: string): string {
  const id = row.id;
  return typeof id === "string" || typeof id === "number" ? String(id) : fallback;
}

/** Read the eval files (JSONL or Parquet) into one n-gram index. */
export async function loadEvalNgrams(settings: DecontaminationSettings): Promise<EvalNgrams> {
  const index = new EvalNgrams(settings.ngram);
  for (const file of settings.files) {
    const name = basename(file);
    const rows = await readEvalRows(file);
    let matched = 0;
    for (const { row, at } of rows) {
      const texts = textsOf(row, settings.fields);
      if (texts.length > 0) matched += 1;
      index.add(idOf(row, `${name}:${at}`), texts);
    }
    if (rows.length > 0 && matched === 0 && settings.fields) {
      throw new InputError(`--decontaminate ${file}: no item has a text field named ${settings.fields.join(" or ")}`);
    }
  }
  return index;
}

async function readEvalRows(file: string): Promise<Array<{ row: Record<string, unknown>; at: number }>> {
  const kind = extname(file).toLowerCase();
  if (kind === ".parquet") return readParquetRows(file);
  if (kind !== ".jsonl" && kind !== ".json" && kind !== ".ndjson") {
    throw new InputError(`--decontaminate ${file}: eval items must be JSONL (.jsonl) or Parquet (.parquet)`);
  }
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new InputError(`--decontaminate ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  const rows: Array<{ row: Record<string, unknown>; at: number }> = [];
  text.split("\n").forEach((line, offset) => {
    if (line.trim() === "") return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new InputError(`--decontaminate ${file}:${offset + 1}: not a JSON object`);
    }
    if (typeof row !== "object" || row === null || Array.isArray(row)) {
      throw new InputError(`--decontaminate ${file}:${offset + 1}: not a JSON object`);
    }
    rows.push({ row: row as Record<string, unknown>, at: offset + 1 });
  });
  return rows;
}

/** Parquet through hyparquet, loaded only when an eval file is Parquet. */
async function readParquetRows(file: string): Promise<Array<{ row: Record<string, unknown>; at: number }>> {
  let hyparquet: typeof import("hyparquet");
  try {
    hyparquet = await import("hyparquet");
  } catch {
    throw new InputError(
      `--decontaminate ${file}: reading Parquet needs the hyparquet package (npm install hyparquet), or give JSONL`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new InputError(`--decontaminate ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const rows = (await hyparquet.parquetReadObjects({ file: buffer })) as Array<Record<string, unknown>>;
  return rows.map((row, index) => ({ row, at: index + 1 }));
}
