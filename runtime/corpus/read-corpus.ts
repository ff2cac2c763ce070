// The corpus reader: files and directories in, a stream of seeds and of recorded reasons out.
// Bad input is never fatal and never silent: every file is either used or reported with why not.
import type { Dirent } from "node:fs";
import { lstat, readdir, readlink, realpath, stat } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { sha256 } from "../hash.js";
import { Chunker, type ChunkOptions, normalizeForId } from "./chunker.js";
import { type DecodeReport, decodeFile, decodeWholeFile } from "./decode-file.js";
import { extractHtmlText } from "./extract-html.js";
import { type FileKind, fileKindOf } from "./file-kinds.js";

export interface Seed {
  /** Stable hash of the normalized text: the same text has the same id in any run. */
  id: string;
  text: string;
  /**
   * Where it came from: `path#chunk` or `path:line#chunk` for JSONL, the path relative to the parent of the corpus
   * root it was found under (`sample/notes.jsonl:3#1` for --seeds seeds/sample), so it never depends on the cwd.
   */
  source: string;
  kind: "text" | "code";
  language?: string;
}

export type CorpusEvent =
  | { type: "seed"; seed: Seed }
  | { type: "skipped"; source: string; reason: string }
  | { type: "warning"; source: string; reason: string };

export interface CorpusOptions {
  chunk: ChunkOptions;
  /** JSONL field holding the text. */
  textField: string;
}

/** What the walk of one corpus root carries along: the options and where its sources are relative to. */
interface Walk extends CorpusOptions {
  base: string;
}

const SKIPPED_DIRECTORIES = new Set(["node_modules", "__pycache__", ".git", ".hg", ".svn"]);
const HTML_LIMIT_BYTES = 64 * 1024 * 1024;

export function seedId(text: string): string {
  return sha256(normalizeForId(text), 16);
}

/** Stream every seed of the given paths, in a stable order (sorted directory walk). */
export async function* readCorpus(paths: string[], options: CorpusOptions): AsyncGenerator<CorpusEvent> {
  const visited = new Set<string>();
  for (const path of paths) {
    const root = resolve(path);
    yield* readPath(root, { ...options, base: dirname(root) }, visited);
  }
}

function display(path: string, walk: Walk): string {
  // The root "/" has no parent to be relative to.
  return relative(walk.base, path) || basename(path) || path;
}

async function* readPath(path: string, options: Walk, visited: Set<string>): AsyncGenerator<CorpusEvent> {
  const source = display(path, options);
  let info: Awaited<ReturnType<typeof lstat>>;
  try {
    info = await lstat(path);
  } catch (error) {
    yield { type: "skipped", source, reason: `cannot read: ${describeError(error)}` };
    return;
  }
  if (info.isSymbolicLink()) {
    try {
      info = await stat(path);
    } catch {
      const target = await readlink(path).catch(() => "?");
      yield { type: "skipped", source, reason: `dangling symlink to ${target}` };
      return;
    }
  }
  if (info.isDirectory()) {
    // Symlinked directories may form loops: walk each real directory once.
    const real = await realpath(path);
    if (visited.has(real)) return;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = await readdir(path, { withFileTypes: true });
    } catch (error) {
      yield { type: "skipped", source, reason: `cannot list directory: ${describeError(error)}` };
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = join(path, entry.name);
      if (entry.isDirectory() && (SKIPPED_DIRECTORIES.has(entry.name) || entry.name.startsWith("."))) {
        yield {
          type: "skipped",
          source: display(child, options),
          reason: "hidden or dependency directory, not read",
        };
        continue;
      }
      if (!entry.isDirectory() && entry.name.startsWith(".")) {
        yield { type: "skipped", source: display(child, options), reason: "hidden file, not read" };
        continue;
      }
      yield* readPath(child, options, visited);
    }
    return;
  }
  if (!info.isFile()) {
    yield { type: "skipped", source, reason: "not a regular file (device, socket or pipe)" };
    return;
  }
  const kind = fileKindOf(path);
  if (!kind) {
    yield { type: "skipped", source, reason: "unsupported file type (see `agentinstruct run --help` for the list)" };
    return;
  }
  try {
    yield* readFile(path, source, kind, options);
  } catch (error) {
    yield { type: "skipped", source, reason: `unreadable: ${describeError(error)}` };
  }
}

async function* readFile(
  path: string,
  source: string,
  kind: FileKind,
  options: CorpusOptions,
): AsyncGenerator<CorpusEvent> {
  const report: DecodeReport = { binary: false, invalidUtf8: false, bytes: 0 };
  let seeds = 0;
  if (kind.kind === "jsonl") {
    yield* readJsonl(path, source, options, report);
    return;
  }
  const chunker = new Chunker(options.chunk);
  const makeSeed = (text: string): CorpusEvent => {
    seeds += 1;
    const seed: Seed = {
      id: seedId(text),
      text,
      source: `${source}#${seeds}`,
      kind: kind.kind === "code" ? "code" : "text",
    };
    if (kind.kind === "code") seed.language = kind.language;
    return { type: "seed", seed };
  };
  if (kind.kind === "text" && kind.format === "html") {
    const info = await stat(path);
    if (info.size > HTML_LIMIT_BYTES) {
      yield { type: "skipped", source, reason: "HTML file larger than 64 MiB: convert it to text first" };
      return;
    }
    const html = await decodeWholeFile(path, report);
    if (!report.binary) {
      for (const chunk of [...chunker.push(extractHtmlText(html)), ...chunker.end()]) yield makeSeed(chunk);
    }
  } else {
    for await (const piece of decodeFile(path, report)) {
      for (const chunk of chunker.push(piece)) yield makeSeed(chunk);
    }
    if (!report.binary) for (const chunk of chunker.end()) yield makeSeed(chunk);
  }
  if (report.binary) {
    yield { type: "skipped", source, reason: "binary file (detected from its content)" };
    return;
  }
  if (report.invalidUtf8) {
    yield { type: "warning", source, reason: "invalid UTF-8: decoded with U+FFFD replacement characters" };
  }
  if (seeds === 0) {
    const reason = report.bytes === 0 ? "empty file" : "no text (whitespace only, or no visible text)";
    yield { type: "skipped", source, reason };
  }
}

async function* readJsonl(
  path: string,
  source: string,
  options: CorpusOptions,
  report: DecodeReport,
): AsyncGenerator<CorpusEvent> {
  const field = options.textField;
  const lines = createInterface({
    input: Readable.from(decodeFile(path, report)),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let lineNumber = 0;
  let rows = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === "") continue;
    const where = `${source}:${lineNumber}`;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (error) {
      yield { type: "skipped", source: where, reason: `malformed JSON: ${(error as Error).message}` };
      continue;
    }
    const text =
      row && typeof row === "object" && !Array.isArray(row) ? (row as Record<string, unknown>)[field] : undefined;
    if (typeof text !== "string") {
      const problem = text === undefined ? `no "${field}" field` : `"${field}" is not a string`;
      yield {
        type: "skipped",
        source: where,
        reason: `${problem} (choose the field with --text-field)`,
      };
      continue;
    }
    if (text.trim() === "") {
      yield { type: "skipped", source: where, reason: `empty "${field}"` };
      continue;
    }
    rows += 1;
    const chunker = new Chunker(options.chunk);
    let index = 0;
    for (const chunk of [...chunker.push(text), ...chunker.end()]) {
      index += 1;
      yield { type: "seed", seed: { id: seedId(chunk), text: chunk, source: `${where}#${index}`, kind: "text" } };
    }
  }
  if (report.binary) {
    yield { type: "skipped", source, reason: "binary file (detected from its content)" };
  } else if (report.invalidUtf8) {
    yield { type: "warning", source, reason: "invalid UTF-8: decoded with U+FFFD replacement characters" };
  }
  if (rows === 0 && !report.binary) {
    yield { type: "skipped", source, reason: report.bytes === 0 ? "empty file" : "no usable rows" };
  }
}

function describeError(error: unknown): string {
  if (error && typeof error === "object" && "code" in error) {
    const code = String((error as { code: unknown }).code);
    const message = error instanceof Error ? error.message.replace(/^[A-Z]+: /, "") : "";
    return `${code} ${message}`.trim();
  }
  return error instanceof Error ? error.message : String(error);
}
