// `--dedup-against DIR…`: the records of earlier runs go into this run's near-duplicate index, so a new
// instruction repeating one of theirs is dropped like a repeat within the run. A directory is an earlier --out
// (its data/<split>.jsonl) or any folder of exported JSONL records (native or orca: anything with `messages`).
import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { InputError } from "../errors.js";
import type { DedupEntry, RunStore } from "../store/run-store.js";
import { type Deduplicator, splitUserTurn } from "./dedup.js";
import { DEFAULT_USER_MESSAGE, firstUserTurn } from "./record-screen.js";

const BATCH = 1000;

function jsonlFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new InputError(`--dedup-against ${dir}: not a directory (give an earlier run's --out directory)`);
  }
  const data = join(dir, "data");
  const folder = existsSync(data) && statSync(data).isDirectory() ? data : dir;
  const files = readdirSync(folder)
    .filter((name) => name.endsWith(".jsonl"))
    .sort()
    .map((name) => join(folder, name));
  if (files.length === 0) throw new InputError(`--dedup-against ${dir}: no records (*.jsonl) in ${folder}`);
  return files;
}

/** Index the earlier runs' records (once per directory and record id: a resumed run adds nothing new). */
export async function indexEarlierRuns(
  store: RunStore,
  dirs: readonly string[],
  dedup: Deduplicator,
  templates: ReadonlyMap<string, string>,
): Promise<{ records: number; added: number }> {
  let records = 0;
  let added = 0;
  for (const dir of dirs.map((each) => resolve(each))) {
    for (const file of jsonlFiles(dir)) {
      let batch: DedupEntry[] = [];
      let line = 0;
      const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Number.POSITIVE_INFINITY });
      for await (const text of lines) {
        line += 1;
        if (text.trim() === "") continue;
        let row: { id?: unknown; split?: unknown; messages?: unknown; metadata?: { skill?: unknown } };
        try {
          row = JSON.parse(text);
        } catch {
          throw new InputError(`--dedup-against ${file}:${line}: not a JSON record`);
        }
        if (!Array.isArray(row.messages)) {
          throw new InputError(`--dedup-against ${file}:${line}: a record needs its \`messages\``);
        }
        const turn = firstUserTurn({ messages: row.messages });
        if (turn === "") continue;
        const skill = typeof row.metadata?.skill === "string" ? row.metadata.skill : "";
        const template = templates.get(skill) ?? DEFAULT_USER_MESSAGE;
        const print = dedup.fingerprint(splitUserTurn(template, turn));
        records += 1;
        batch.push({
          recordId: typeof row.id === "string" ? row.id : `${file}:${line}`,
          itemId: "",
          // An export's file is named for its split.
          split: typeof row.split === "string" ? row.split : basename(file, ".jsonl"),
          origin: dir,
          ...print,
        });
        if (batch.length >= BATCH) {
          added += await store.addDedupEntries(batch);
          batch = [];
        }
      }
      if (batch.length > 0) added += await store.addDedupEntries(batch);
    }
  }
  return { records, added };
}
