// Records a format cannot hold (multi-turn records in Alpaca) are listed, one JSON line each, in a report beside the
// export: the user sees which records are missing and why, instead of finding them flattened or silently gone.
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { DatasetRecord } from "../store/run-store.js";
import type { LeftOut } from "./conversation-formats.js";

export const LEFT_OUT_REPORT = "left-out.jsonl";

/** Where an export into `to` lists the records it left out. */
export const leftOutReportPath = (to: string): string => join(to, LEFT_OUT_REPORT);

export class LeftOutReport {
  /** Records left out, per split. */
  readonly counts: Record<string, number> = {};
  private stream: WriteStream | undefined;
  private readonly temporary: string;

  constructor(readonly path: string) {
    this.temporary = `${path}.partial`;
  }

  async add(record: DatasetRecord, leftOut: LeftOut): Promise<void> {
    this.counts[record.split] = (this.counts[record.split] ?? 0) + 1;
    this.stream ??= createWriteStream(this.temporary, { encoding: "utf8" });
    const line = JSON.stringify({ id: record.id, split: record.split, reason: leftOut.reason, detail: leftOut.detail });
    if (!this.stream.write(`${line}\n`)) await once(this.stream, "drain");
  }

  get total(): number {
    return Object.values(this.counts).reduce((sum, count) => sum + count, 0);
  }

  /** Put the report in place; with nothing left out, no report (and none left from an earlier export). */
  async close(): Promise<string | undefined> {
    if (!this.stream) {
      await rm(this.path, { force: true });
      return undefined;
    }
    this.stream.end();
    await once(this.stream, "finish");
    await rename(this.temporary, this.path);
    return this.path;
  }

  /** An export that failed leaves no half-written report. */
  async discard(): Promise<void> {
    this.stream?.destroy();
    await rm(this.temporary, { force: true });
  }
}
