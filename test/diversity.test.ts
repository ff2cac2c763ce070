// Diversity measures on a real SQLite run store holding records whose numbers can be counted by hand.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runTaxonomies } from "../runner/run-taxonomies.js";
import { measureDiversity } from "../runtime/dataset/diversity.js";
import { DistinctCounter, EXACT_DISTINCT, LengthCounter, stem, words } from "../runtime/dataset/text-stats.js";
import type { DatasetRecord, RefinementStep } from "../runtime/store/run-store.js";
import { openSqliteStore, type SqliteRunStore } from "../runtime/store/sqlite-store.js";

const record = (
  id: string,
  instruction: string,
  response: string,
  lineage: { transformation: string; type: string; refinement?: RefinementStep[] },
): DatasetRecord => ({
  id,
  split: "rc",
  messages: [
    { role: "user", content: `A passage that must not count.\n\n${instruction}` },
    { role: "assistant", content: response },
  ],
  metadata: {
    skill: "reading-comprehension",
    seed_id: "s1",
    source: "doc.txt#1",
    transformation: lineage.transformation,
    instruction_type: lineage.type,
    instruction,
    refinement: lineage.refinement ?? [],
    models: { respond: "openai:test" },
    usage: { input_tokens: 10, output_tokens: 5 },
  },
});

let store: SqliteRunStore;
beforeEach(async () => {
  store = openSqliteStore(join(await mkdtemp(join(tmpdir(), "diversity-")), "run.db"));
});
afterEach(async () => {
  await store.close();
});

describe("diversity measures", () => {
  it("measures coverage, distinct-n, duplicates, lengths and openings of a split", async () => {
    await store.addSeed({ id: "s1", text: "text", source: "doc.txt#1", kind: "text" });
    await store.addItem({ id: "reading-comprehension/s1", skill: "reading-comprehension", seedId: "s1" });
    const step = (goal: string, round: number): RefinementStep => ({ goal, round, parent_id: "r1" });
    await store.completeItem(
      "reading-comprehension/s1",
      [
        record("r1", "What is the main point?", "The main point is reuse.", {
          transformation: "poem",
          type: "main_point",
        }),
        record("r2", "What is the main idea?", "Reuse.", { transformation: "poem", type: "main_point" }),
        record("r3", "Explain why the author doubts it.", "Because of cost.", {
          transformation: "debate",
          type: "inference",
          refinement: [step("harder_question", 1), step("harder_question", 2)],
        }),
      ],
      [
        { kind: "dropped", reason: "near_duplicate", subject: "q", detail: "duplicates r1" },
        { kind: "dropped", reason: "exact_duplicate", subject: "q", detail: "duplicates r2" },
        { kind: "dropped", reason: "verification_exact", subject: "q", detail: "wrong" },
      ],
    );
    const diversity = await measureDiversity(store, await store.summary(), await runTaxonomies(store));
    const rc = diversity.rc;
    expect(rc).toBeDefined();
    if (!rc) return;
    expect(rc).toMatchObject({ split: "rc", skills: ["reading-comprehension"], records: 3, refined: 1 });
    // Against the built-in Reading Comprehension taxonomy (9 transformations, 43 types, 3 goals).
    expect(rc.coverage.transformations).toMatchObject({ counts: { poem: 2, debate: 1 }, used: 2, available: 9 });
    expect(rc.coverage.transformations.coverage).toBeCloseTo(2 / 9, 4);
    expect(rc.coverage.transformations.missing).toHaveLength(7);
    expect(rc.coverage.transformations.missing).toContain("satire");
    expect(rc.coverage.instructionTypes).toMatchObject({ used: 2, available: 43, outside: [] });
    // A chain that applies a goal twice counts its record once.
    expect(rc.coverage.refinementGoals).toMatchObject({
      counts: { harder_question: 1 },
      used: 1,
      available: 3,
      missing: ["unanswerable", "answer_changes"],
    });
    // Instructions: "what is the main point" (5 words), "what is the main idea" (5), "explain why the author doubts
    // it" (6): 16 unigrams, 11 distinct (what is the main point idea explain why author doubts it).
    expect(rc.distinct.instructions[0]).toEqual({ n: 1, ngrams: 16, distinct: 11, ratio: 0.6875, exact: true });
    // Bigrams: 4 + 4 + 5 = 13; "what is", "is the", "the main" repeat: 10 distinct.
    expect(rc.distinct.instructions[1]).toMatchObject({ ngrams: 13, distinct: 10 });
    expect(rc.distinct.instructions[2]).toMatchObject({ ngrams: 10, distinct: 8 });
    expect(rc.distinct.responses[0]).toMatchObject({ ngrams: 9, distinct: 8 });
    // Two duplicates dropped before answering, three records kept: 2 / 5.
    expect(rc.duplicates).toEqual({ near: 1, exact: 1, rate: 0.4 });
    expect(rc.lengths.instructions).toMatchObject({ count: 3, min: 5, max: 6, mean: 5.3 });
    expect(rc.lengths.instructions.quantiles.p50).toBe(5);
    expect(rc.lengths.instructions.histogram.reduce((sum, bin) => sum + bin.count, 0)).toBe(3);
    expect(rc.openings.instructions.topStems).toEqual([
      { stem: "what", count: 2, share: 0.6667 },
      { stem: "explain", count: 1, share: 0.3333 },
    ]);
    expect(rc.openings.instructions.topBigrams[0]).toEqual({ words: "what is", count: 2, share: 0.6667 });
    expect(rc.openings.instructions.entropyBits).toBeCloseTo(0.918, 3);
    expect(rc.openings.instructions.top10Share).toBe(1);
  });

  it("has no split for a run without records", async () => {
    expect(await measureDiversity(store, await store.summary(), await runTaxonomies(store))).toEqual({});
  });
});

describe("streaming counters", () => {
  it("counts distinct values exactly while small, then estimates within 3%", () => {
    const counter = new DistinctCounter();
    for (let index = 0; index < 1000; index += 1) counter.add(`v${index % 700}`);
    expect(counter).toMatchObject({ exact: true });
    expect(counter.count()).toBe(700);
    const large = new DistinctCounter();
    const distinct = EXACT_DISTINCT * 4;
    for (let index = 0; index < distinct; index += 1) large.add(`value ${index}`);
    expect(large.exact).toBe(false);
    expect(Math.abs(large.count() - distinct) / distinct).toBeLessThan(0.03);
  });

  it("gives nearest-rank quantiles and a histogram that holds every length", () => {
    const lengths = new LengthCounter();
    for (let length = 1; length <= 100; length += 1) lengths.add(length);
    const stats = lengths.result();
    expect(stats.quantiles).toEqual({ p10: 10, p25: 25, p50: 50, p75: 75, p90: 90, p99: 99 });
    expect(stats.histogram.reduce((sum, bin) => sum + bin.count, 0)).toBe(100);
    expect(stats.histogram[0]).toEqual({ from: 0, to: 10, count: 9 });
  });

  it("splits words and stems opening words", () => {
    expect(words("Don't stop—Explain 2 things!")).toEqual(["don't", "stop", "explain", "2", "things"]);
    expect(["explain", "explains", "explaining"].map(stem)).toEqual(["explain", "explain", "explain"]);
    expect(["describe", "described", "describes"].map(stem)).toEqual(["describ", "describ", "describ"]);
    expect(["what", "class", "process"].map(stem)).toEqual(["what", "class", "process"]);
  });
});
