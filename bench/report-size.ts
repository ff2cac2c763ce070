// Benchmark: how big is the report of a 1,000-record run, and how long do `report` and the diversity measures take?
// Builds a SQLite run store of 1,000 Reading Comprehension records straight through the store API (no model calls):
// 200 seeds of about 3,000 characters, 5 records each (a third of them refined), instructions of 20-60 words and
// responses of 60-240 words drawn from a 2,000-word vocabulary, types and transformations from the skill's own
// taxonomy. Prints one markdown table: sample per split, seconds, bytes. Run on demand:
// `npm run build && node dist/bench/report-size.js` (BENCH_REPORT_RECORDS, default 1000).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findSkill } from "../agents/index.js";
import { writeReport } from "../cli/report-command.js";
import { runTaxonomies, taxonomyOf } from "../runner/run-taxonomies.js";
import { measureDiversity } from "../runtime/dataset/diversity.js";
import { chooser } from "../runtime/prng.js";
import type { DatasetRecord } from "../runtime/store/run-store.js";
import { openSqliteStore } from "../runtime/store/sqlite-store.js";

const RECORDS = Number(process.env.BENCH_REPORT_RECORDS ?? 1000);
const PER_SEED = 5;
const choose = chooser("bench-report");
const VOCABULARY = Array.from(
  { length: 2000 },
  (_, index) => `w${index.toString(36)}${"abcdefgh".slice(0, index % 7)}`,
);
const text = (count: number) => Array.from({ length: count }, () => choose.pick(VOCABULARY)).join(" ");
const between = (low: number, high: number) => low + choose.index(high - low + 1);

async function main(): Promise<void> {
  const skill = findSkill("reading-comprehension");
  if (!skill) throw new Error("no reading-comprehension skill");
  const taxonomy = taxonomyOf(skill);
  const dir = await mkdtemp(join(tmpdir(), "bench-report-"));
  const store = openSqliteStore(join(dir, "run.db"));
  try {
    await store.setMeta("run_settings", JSON.stringify({ skills: [skill.id] }));
    for (let seed = 0; seed * PER_SEED < RECORDS; seed += 1) {
      const seedId = `seed${seed}`;
      const passage = text(450);
      await store.addSeed({ id: seedId, text: passage, source: `corpus/doc-${seed}.txt#1`, kind: "text" });
      const itemId = `${skill.id}/${seedId}`;
      await store.addItem({ id: itemId, skill: skill.id, seedId });
      const transformation = choose.pick(taxonomy.transformations);
      const content = text(380);
      const records: DatasetRecord[] = [];
      for (let position = 0; position < PER_SEED && seed * PER_SEED + position < RECORDS; position += 1) {
        const instruction = text(between(20, 60));
        const parent = records[0];
        const refined = position >= 3 && parent !== undefined;
        records.push({
          id: `${seed.toString(16).padStart(10, "0")}${position.toString(16).padStart(6, "0")}`,
          split: skill.split,
          messages: [
            { role: "user", content: `${content}\n\n${instruction}` },
            { role: "assistant", content: text(between(60, 240)) },
          ],
          metadata: {
            skill: skill.id,
            seed_id: seedId,
            source: `corpus/doc-${seed}.txt#1`,
            transformation,
            instruction_type: choose.pick(taxonomy.instructionTypes),
            instruction,
            refinement: refined
              ? [{ goal: choose.pick(taxonomy.refinementGoals), round: 1, parent_id: parent.id }]
              : [],
            models: { transform: "openai:m", instruct: "openai:m", refine: "openai:m", respond: "openai:m" },
            usage: { input_tokens: between(600, 1200), output_tokens: between(80, 320) },
            expected: { answerable: true, answer: text(30) },
            verification: { status: "agrees", method: "model", reason: text(12) },
          },
        });
      }
      await store.completeItem(itemId, records, [
        { kind: "dropped", reason: "near_duplicate", subject: "q", detail: "duplicates an earlier instruction" },
      ]);
    }
    const rows: string[] = ["| records | what | seconds | bytes |", "|---:|---|---:|---:|"];
    let started = performance.now();
    await measureDiversity(store, await store.summary(), await runTaxonomies(store));
    rows.push(`| ${RECORDS} | diversity measures | ${((performance.now() - started) / 1000).toFixed(2)} | |`);
    for (const sample of [20, 100, RECORDS]) {
      started = performance.now();
      const written = await writeReport(store, {
        where: dir,
        out: dir,
        to: join(dir, `report-${sample}.html`),
        sample,
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      rows.push(`| ${RECORDS} | report, --sample ${sample} | ${seconds} | ${written.bytes.toLocaleString("en-US")} |`);
    }
    process.stdout.write(`${rows.join("\n")}\n`);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
