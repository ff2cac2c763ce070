// MinHash + LSH (runtime/dataset/minhash.ts) and the dedup decision on top (runtime/dataset/dedup.ts).
import { describe, expect, it } from "vitest";
import { Deduplicator, splitUserTurn } from "../runtime/dataset/dedup.js";
import {
  bandKeys,
  candidateProbability,
  chooseBanding,
  estimateJaccard,
  exactJaccard,
  MinHasher,
  normalizeText,
  shingleHashes,
} from "../runtime/dataset/minhash.js";

/** A pseudo-random text of `count` words from a 500-word vocabulary (xorshift, so tests are reproducible). */
function text(seed: number, count: number): string[] {
  let state = seed || 1;
  const words: string[] = [];
  for (let index = 0; index < count; index += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    words.push(`w${(state >>> 0) % 500}`);
  }
  return words;
}

/** `words` with every `every`-th word replaced: a near-duplicate of a known similarity. */
function edited(words: string[], every: number): string[] {
  return words.map((word, index) => (index % every === every - 1 ? `${word}x` : word));
}

describe("MinHash", () => {
  const hasher = new MinHasher();

  it("normalises case, punctuation and whitespace before shingling", () => {
    expect(normalizeText("  The Tide—RISES, twice\ta day!  ")).toBe("the tide rises twice a day");
    expect(Array.from(shingleHashes("The tide rises twice a day.", 3))).toEqual(
      Array.from(shingleHashes("the TIDE rises   twice, a day", 3)),
    );
    expect(shingleHashes("", 3)).toHaveLength(0);
    expect(shingleHashes("two words", 3)).toHaveLength(1);
  });

  it("is deterministic: the same text gets the same signature in any hasher", () => {
    const words = text(7, 60).join(" ");
    const first = new MinHasher().signature(shingleHashes(words, 3));
    const second = new MinHasher().signature(shingleHashes(words, 3));
    expect(Array.from(first)).toEqual(Array.from(second));
    expect(first).toHaveLength(128);
    // Another seed draws other permutations.
    expect(Array.from(new MinHasher(128, 99).signature(shingleHashes(words, 3)))).not.toEqual(Array.from(first));
  });

  it("estimates Jaccard within a few standard errors of the exact value", () => {
    for (const every of [4, 8, 16, 40]) {
      const base = text(every, 200);
      const a = shingleHashes(base.join(" "), 3);
      const b = shingleHashes(edited(base, every).join(" "), 3);
      const exact = exactJaccard(a, b);
      const estimate = estimateJaccard(hasher.signature(a), hasher.signature(b));
      // Standard error sqrt(J(1-J)/128) ≤ 0.045: four of them.
      expect(Math.abs(estimate - exact)).toBeLessThan(0.18);
    }
    const unrelated = estimateJaccard(
      hasher.signature(shingleHashes(text(1, 200).join(" "), 3)),
      hasher.signature(shingleHashes(text(2, 200).join(" "), 3)),
    );
    expect(unrelated).toBeLessThan(0.05);
  });
});

describe("LSH banding", () => {
  it("chooses bands and rows for the threshold: high recall above it, few candidates well below", () => {
    const banding = chooseBanding(0.8);
    expect(banding.bands * banding.rows).toBeLessThanOrEqual(128);
    expect(banding).toMatchObject({ bands: 14, rows: 9 });
    expect(candidateProbability(0.9, banding.bands, banding.rows)).toBeGreaterThan(0.99);
    expect(banding.recallAtThreshold).toBeGreaterThan(0.85);
    expect(candidateProbability(0.5, banding.bands, banding.rows)).toBeLessThan(0.03);
    // A higher threshold, longer bands.
    expect(chooseBanding(0.9).rows).toBeGreaterThan(banding.rows);
    expect(() => chooseBanding(0)).toThrow(/threshold/);
  });

  it("puts near-duplicates in a shared band and unrelated texts in none", () => {
    const hasher = new MinHasher();
    const banding = chooseBanding(0.8);
    const keysOf = (words: string[]) => new Set(bandKeys(hasher.signature(shingleHashes(words.join(" "), 3)), banding));
    let found = 0;
    let falseHits = 0;
    for (let seed = 1; seed <= 50; seed += 1) {
      const base = text(seed, 150);
      const near = keysOf(edited(base, 50)); // 3 words of 150 changed: Jaccard 139/157 = 0.89
      const original = keysOf(base);
      if ([...near].some((key) => original.has(key))) found += 1;
      const other = keysOf(text(seed + 1000, 150));
      if ([...other].some((key) => original.has(key))) falseHits += 1;
    }
    expect(found).toBeGreaterThanOrEqual(48);
    expect(falseHits).toBe(0);
  });
});

describe("Deduplicator", () => {
  const dedup = new Deduplicator({ threshold: 0.8, shingle: 3, permutations: 128, acrossSplits: true });
  const passage = text(3, 120).join(" ");
  const question = "Which of the claims in the passage does the author support with the survey figures?";

  it("splits a user turn by the skill's template: content first, the instruction after the last separator", () => {
    expect(splitUserTurn("{content}\n\n{instruction}", "para one\n\npara two\n\nWhat is it?")).toEqual({
      context: "para one\n\npara two",
      instruction: "What is it?",
    });
    expect(splitUserTurn("{instruction}", "Just ask.")).toEqual({ instruction: "Just ask.", context: "" });
    // A turn that does not fit the template is all instruction.
    expect(splitUserTurn("{content}\n\n{instruction}", "no separator")).toEqual({
      instruction: "no separator",
      context: "",
    });
  });

  it("calls a pair a duplicate only when both the instruction and its content are near-duplicates", () => {
    const print = dedup.fingerprint({ instruction: question, context: passage });
    const entry = { recordId: "r1", itemId: "rc/a", split: "rc", origin: "", ...print };
    const near = dedup.fingerprint({ instruction: question, context: edited(passage.split(" "), 30).join(" ") });
    expect(dedup.match(near, "rc", [entry])).toMatchObject({ exact: false, entry: { recordId: "r1" } });
    expect(dedup.match(near, "rc", [entry])?.similarity).toBeGreaterThanOrEqual(0.8);
    // Same passage, another question: a different example.
    const other = dedup.fingerprint({
      instruction: "What does the second paragraph say about costs?",
      context: passage,
    });
    expect(dedup.match(other, "rc", [entry])).toBeUndefined();
    // Same question about another passage: a different example too.
    const elsewhere = dedup.fingerprint({ instruction: question, context: text(4, 120).join(" ") });
    expect(dedup.match(elsewhere, "rc", [entry])).toBeUndefined();
    // Case and punctuation aside, the same text is an exact duplicate.
    const same = dedup.fingerprint({ instruction: question.toUpperCase(), context: `${passage}!` });
    expect(dedup.match(same, "rc", [entry])).toMatchObject({ exact: true, similarity: 1 });
    // Within a split only, when asked.
    const perSplit = new Deduplicator({ ...dedup.settings, acrossSplits: false });
    expect(perSplit.match(same, "mcq", [entry])).toBeUndefined();
    expect(perSplit.match(same, "rc", [entry])).toBeDefined();
  });

  it("drops the later of two near-duplicates within one item and keeps the others", () => {
    const parts = (instruction: string, context = passage) => ({ instruction, context });
    const check = dedup.commitCheck("rc/a", [
      { recordId: "r1", split: "rc", subject: "t.1", parts: parts(question) },
      { recordId: "r2", split: "rc", subject: "t.2", parts: parts(`${question} Answer briefly.`) },
      { recordId: "r3", split: "rc", subject: "u.1", parts: parts("Summarise the passage in two sentences.") },
    ]);
    const { dropped, entries } = check.decide([]);
    expect([...dropped.keys()]).toEqual(["r2"]);
    expect(dropped.get("r2")).toMatchObject({ reason: "near_duplicate", subject: "t.2" });
    expect(dropped.get("r2")?.detail).toMatch(/^duplicates record r1 \(item rc\/a, split rc\) at estimated Jaccard/);
    expect(entries.map((entry) => entry.recordId)).toEqual(["r1", "r3"]);
    expect(check.bands.length).toBeLessThanOrEqual(3 * 14);
  });
});
