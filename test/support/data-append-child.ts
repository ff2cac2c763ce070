// A worker of test/data-files.test.ts in its own process: it commits `count` items of `records` records each to the
// run store at <out>/run.db, appending to <out>/data after each commit as the runner does.
// `--die-in-append half|whole`: the first append that writes to a data file writes half of its bytes (or all of
// them) and then SIGKILLs its own process, before the section commits its marks: the worst instants for a kill.
// Usage: node data-append-child.js <out> <prefix> <count> <records> [--die-in-append half|whole]
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { join } from "node:path";

const [out, prefix, count, perItem, flag, how] = process.argv.slice(2);
if (!out || !prefix || !count || !perItem)
  throw new Error("usage: <out> <prefix> <count> <records> [--die-in-append half|whole]");

if (flag === "--die-in-append") {
  const write = fs.writeSync as (
    fd: number,
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
  ) => number;
  // Replaces the module's own binding too (syncBuiltinESMExports), so the product code runs unchanged.
  (fs as { writeSync: unknown }).writeSync = (
    fd: number,
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
  ) => {
    write(fd, buffer, offset, how === "half" ? Math.ceil(length / 2) : length, position);
    process.kill(process.pid, "SIGKILL");
    return length;
  };
  syncBuiltinESMExports();
}

const { openSqliteStore } = await import("../../runtime/store/sqlite-store.js");
const { appendRunData } = await import("../../runtime/export/run-data-files.js");

const store = openSqliteStore(join(out, "run.db"));
// Text long enough that an append is many kernel pages: a kill lands inside a line, not between two.
const filler = "lorem ipsum dolor sit amet ".repeat(40);
for (let index = 0; index < Number(count); index += 1) {
  const id = `rc/${prefix}-${index}`;
  await store.addItem({ id, skill: "reading-comprehension", seedId: `${prefix}-${index}` });
  const records = Array.from({ length: Number(perItem) }, (_, position) => ({
    id: `${prefix}-${index}-${position}`,
    split: position % 3 === 2 ? "mcq" : "rc",
    messages: [
      { role: "user" as const, content: `question ${prefix} ${index} ${position} ${filler}` },
      { role: "assistant" as const, content: `answer ${prefix} ${index} ${position}` },
    ],
    metadata: {
      skill: "reading-comprehension",
      seed_id: `${prefix}-${index}`,
      source: `doc.txt#${index}`,
      transformation: "debate",
      instruction_type: "inference",
      refinement: [],
      models: { respond: "openai:test" },
      usage: { input_tokens: 10, output_tokens: 5 },
    },
  }));
  await store.completeItem(id, records);
  appendRunData(store, out);
}
await store.close();
