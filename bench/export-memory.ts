// Benchmark: does writing the dataset keep memory flat as the run grows? Builds run stores of synthetic records
// straight through the store API (no model calls), then measures, each in a fresh child process (so each reads its
// own peak RSS): `export --format native` (JSONL), `export --format orca --parquet` (JSONL + Parquet), and
// `export --format messages` (JSONL), `export --hf` (sharded Parquet + card), `<out>/data` written from the store (writeRunData after the data files were deleted: every record written), and
// one more item committed then `<out>/data` brought up to date (what every resumed run's end paid before appending).
// Prints one markdown table: records, what, seconds, peak RSS, and RSS of a child that only opens the store.
// Run on demand: `npm run build && node dist/bench/export-memory.js`. Sizes: BENCH_EXPORT_RECORDS (50000,200000),
// records per item BENCH_EXPORT_PER_ITEM (10), characters per record BENCH_EXPORT_CHARS (1000); only some steps:
// BENCH_EXPORT_MODES (e.g. open,hf).
import { fork } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { exportDataset } from "../runtime/export/export-dataset.js";
import { exportHfDataset } from "../runtime/export/hf-dataset.js";
import { writeRunData } from "../runtime/export/run-data-files.js";
import type { DatasetRecord } from "../runtime/store/run-store.js";
import { openSqliteStore } from "../runtime/store/sqlite-store.js";

const SIZES = (process.env.BENCH_EXPORT_RECORDS ?? "50000,200000").split(",").map(Number);
const PER_ITEM = Number(process.env.BENCH_EXPORT_PER_ITEM ?? 10);
const CHARS = Number(process.env.BENCH_EXPORT_CHARS ?? 1000);
const SELF = fileURLToPath(import.meta.url);
const ALL_MODES = ["open", "jsonl", "parquet", "messages", "hf", "data", "resume"] as const;
type Mode = (typeof ALL_MODES)[number];
const MODES = process.env.BENCH_EXPORT_MODES
  ? ALL_MODES.filter((mode) => process.env.BENCH_EXPORT_MODES?.split(",").includes(mode))
  : ALL_MODES;

function recordOf(item: number, position: number): DatasetRecord {
  const words = `item ${item} record ${position} `;
  return {
    id: `${item.toString(16).padStart(10, "0")}${position.toString(16).padStart(6, "0")}`,
    split: position % 4 === 3 ? "mcq" : "rc",
    messages: [
      { role: "user", content: words.repeat(Math.ceil(CHARS / 2 / words.length)).slice(0, CHARS / 2) },
      { role: "assistant", content: `answer ${words}`.repeat(Math.ceil(CHARS / 2 / words.length)).slice(0, CHARS / 2) },
    ],
    metadata: {
      skill: "reading-comprehension",
      seed_id: `seed-${item}`,
      source: `corpus/doc-${item}.txt#1`,
      transformation: "debate",
      instruction_type: "inference",
      refinement: [],
      models: { respond: "openai:test-model" },
      usage: { input_tokens: 100, output_tokens: 50 },
    },
  };
}

async function build(out: string, records: number): Promise<void> {
  const store = openSqliteStore(join(out, "run.db"));
  try {
    for (let item = 0; item * PER_ITEM < records; item += 1) {
      const id = `rc/seed-${item}`;
      await store.addItem({ id, skill: "reading-comprehension", seedId: `seed-${item}` });
      const count = Math.min(PER_ITEM, records - item * PER_ITEM);
      await store.completeItem(
        id,
        Array.from({ length: count }, (_, position) => recordOf(item, position)),
      );
    }
  } finally {
    await store.close();
  }
}

/** In the child: one measurement, printed as JSON. */
async function measure(mode: Mode, out: string): Promise<void> {
  const store = openSqliteStore(join(out, "run.db"));
  const started = performance.now();
  let rows = 0;
  try {
    if (mode === "jsonl") {
      const files = await exportDataset(store, { format: "native", to: join(out, "export-jsonl") });
      rows = files.reduce((sum, file) => sum + file.rows, 0);
    } else if (mode === "parquet") {
      const files = await exportDataset(store, { format: "orca", to: join(out, "export-parquet"), parquet: true });
      rows = files.filter((file) => file.path.endsWith(".parquet")).reduce((sum, file) => sum + file.rows, 0);
    } else if (mode === "messages") {
      const files = await exportDataset(store, { format: "messages", to: join(out, "export-messages") });
      rows = files.reduce((sum, file) => sum + file.rows, 0);
    } else if (mode === "hf") {
      const exported = await exportHfDataset(store, { format: "messages", to: join(out, "export-hf") });
      rows = exported.files.reduce((sum, file) => sum + file.rows, 0);
    } else if (mode === "data") {
      await rm(join(out, "data"), { recursive: true, force: true });
      const files = await writeRunData(store, out);
      rows = files.reduce((sum, file) => sum + file.rows, 0);
    } else if (mode === "resume") {
      // What the end of a resumed run (or each commit) pays for one more item: timed from its commit.
      const item = 10 ** 9;
      await store.addItem({ id: `rc/seed-${item}`, skill: "reading-comprehension", seedId: `seed-${item}` });
      await store.completeItem(
        `rc/seed-${item}`,
        Array.from({ length: PER_ITEM }, (_, position) => recordOf(item, position)),
      );
      const files = await writeRunData(store, out);
      rows = files.reduce((sum, file) => sum + file.rows, 0);
    }
  } finally {
    await store.close();
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ rows, seconds, rssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

function child(mode: Mode, out: string): Promise<{ rows: number; seconds: number; rssMb: number }> {
  return new Promise((resolve, reject) => {
    const proc = fork(SELF, ["--measure", mode, out], { stdio: ["ignore", "pipe", "inherit", "ipc"] });
    let text = "";
    proc.stdout?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
    });
    proc.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(text.trim())) : reject(new Error(`${mode} exited with ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const rows: string[] = [
    "| records | what | rows written | seconds | peak RSS (MB) |",
    "| ---: | --- | ---: | ---: | ---: |",
  ];
  for (const size of SIZES) {
    const out = await mkdtemp(join(tmpdir(), "export-memory-"));
    try {
      const started = performance.now();
      await build(out, size);
      process.stderr.write(`built ${size} records in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
      for (const mode of MODES) {
        const result = await child(mode, out);
        const what = {
          open: "open the store only",
          jsonl: "export --format native (JSONL)",
          parquet: "export --format orca --parquet",
          messages: "export --format messages (JSONL)",
          hf: "export --hf (messages, sharded Parquet + card)",
          data: "<out>/data written from the store",
          resume: "one more item committed, then <out>/data brought up to date",
        }[mode];
        rows.push(`| ${size} | ${what} | ${result.rows} | ${result.seconds.toFixed(2)} | ${result.rssMb.toFixed(0)} |`);
        process.stderr.write(`${rows.at(-1)}\n`);
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }
  process.stdout.write(`${rows.join("\n")}\n`);
}

const [flag, mode, out] = process.argv.slice(2);
if (flag === "--measure" && mode && out) await measure(mode as Mode, out);
else await main();
