// Reads a file as a stream of UTF-8 text pieces. It notices binary content from the first bytes and
// invalid UTF-8 anywhere (decoded with U+FFFD replacement, never dropped), so the caller can say so.
import { createReadStream } from "node:fs";
import { isBinaryFile } from "isbinaryfile";

export interface DecodeReport {
  binary: boolean;
  invalidUtf8: boolean;
  bytes: number;
}

const PIECE_BYTES = 64 * 1024;

export async function* decodeFile(path: string, report: DecodeReport): AsyncGenerator<string> {
  const strict = new TextDecoder("utf-8", { fatal: true });
  const lenient = new TextDecoder("utf-8", { fatal: false });
  let first = true;
  for await (const bytes of createReadStream(path, { highWaterMark: PIECE_BYTES })) {
    const buffer = bytes as Buffer;
    if (first) {
      first = false;
      if (await isBinaryFile(buffer, buffer.length)) {
        report.binary = true;
        return;
      }
    }
    report.bytes += buffer.length;
    if (!report.invalidUtf8) {
      try {
        strict.decode(buffer, { stream: true });
      } catch {
        report.invalidUtf8 = true;
      }
    }
    yield lenient.decode(buffer, { stream: true });
  }
  const tail = lenient.decode();
  if (!report.invalidUtf8) {
    try {
      strict.decode();
    } catch {
      report.invalidUtf8 = true;
    }
  }
  if (tail) yield tail;
}

/** A whole file as text (for formats that need the full document, like HTML). */
export async function decodeWholeFile(path: string, report: DecodeReport): Promise<string> {
  const pieces: string[] = [];
  for await (const piece of decodeFile(path, report)) pieces.push(piece);
  return pieces.join("");
}
