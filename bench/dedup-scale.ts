// Benchmark: near-duplicate removal over 100,000 synthetic instructions, through the path a run takes: each
// instruction committed as its own item by SqliteRunStore.completeItem with the commit-time check (candidates
// from the LSH band table, verified on the signatures, entries inserted in the same transaction). A known share
// are planted near-duplicates of an earlier original, edited by a chosen number of words, so their true
// similarity (exact Jaccard of the shingles, the lesser of instruction and content) is known; the rest are
// random. Reports time, peak RSS, precision and recall against that ground truth, and the same for the
// signatures and decisions alone (in memory). Then decontamination: a 10,000-item eval set's n-grams (time,
// heap) and matching every instruction against them.
// Run: `npm run bench:dedup`. Sizes: BENCH_DEDUP_N (100000), BENCH_DEDUP_PLANTED (0.1), BENCH_EVAL_ITEMS (10000).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEvalNgrams } from "../runtime/dataset/decontaminate.js";
import { Deduplicator, type InstructionParts } from "../runtime/dataset/dedup.js";
import { exactJaccard, shingleHashes } from "../runtime/dataset/minhash.js";
import type { DatasetRecord, DedupEntry } from "../runtime/store/run-store.js";
import { openSqliteStore } from "../runtime/store/sqlite-store.js";

const N = Number(process.env.BENCH_DEDUP_N ?? 100_000);
const PLANTED = Number(process.env.BENCH_DEDUP_PLANTED ?? 0.1);
const EVAL_ITEMS = Number(process.env.BENCH_EVAL_ITEMS ?? 10_000);
/** One part only (memory, store, evals), so its peak RSS is its own: `BENCH_DEDUP_ONLY=store`. */
const ONLY = process.env.BENCH_DEDUP_ONLY;
const runs = (part: string) => ONLY === undefined || ONLY === part;
const SETTINGS = { threshold: 0.8, shingle: 3, permutations: 128, acrossSplits: true };

/** xorshift32: the same corpus on every run. */
function generator(seed: number) {
  let state = seed || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}
const random = generator(42);
const VOCABULARY = Array.from({ length: 5000 }, (_, index) => `w${index.toString(36)}`);
const word = () => VOCABULARY[Math.floor(random() * VOCABULARY.length)] as string;
const words = (count: number) => Array.from({ length: count }, word);
const edit = (text: string[], changes: number) => {
  const copy = [...text];
  for (let change = 0; change < changes; change += 1) copy[Math.floor(random() * copy.length)] = word();
  return copy;
};

interface Sample {
  parts: InstructionParts;
  /** Planted: the original it copies and its true similarity to it. */
  source?: number;
  similarity?: number;
}

function trueSimilarity(a: InstructionParts, b: InstructionParts): number {
  const k = SETTINGS.shingle;
  return Math.min(
    exactJaccard(shingleHashes(a.instruction, k), shingleHashes(b.instruction, k)),
    exactJaccard(shingleHashes(a.context, k), shingleHashes(b.context, k)),
  );
}

function corpus(): Sample[] {
  const samples: Sample[] = [];
  const originals: Array<{ instruction: string[]; context: string[]; index: number }> = [];
  for (let index = 0; index < N; index += 1) {
    if (originals.length > 100 && random() < PLANTED) {
      const from = originals[Math.floor(random() * originals.length)] as (typeof originals)[number];
      // 0–2 words of the instruction and 0–5 of the content changed: true similarity from about 0.6 to 1.
      const parts = {
        instruction: edit(from.instruction, Math.floor(random() * 3)).join(" "),
        context: edit(from.context, Math.floor(random() * 6)).join(" "),
      };
      const source = samples[from.index] as Sample;
      samples.push({ parts, source: from.index, similarity: trueSimilarity(parts, source.parts) });
      continue;
    }
    const instruction = words(15 + Math.floor(random() * 20));
    const context = words(80 + Math.floor(random() * 80));
    originals.push({ instruction, context, index });
    samples.push({ parts: { instruction: instruction.join(" "), context: context.join(" ") } });
  }
  return samples;
}

/** CPU seconds of this process since `from` (the machine may be shared: wall time alone overstates the cost). */
const cpuSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

function score(samples: Sample[], dropped: Set<number>) {
  let truePositive = 0;
  let positives = 0;
  // Away from the threshold, where the estimate's noise (±0.035) does not decide: ≥ 0.9 found, < 0.7 kept.
  let clear = 0;
  let clearFound = 0;
  let far = 0;
  let farDropped = 0;
  for (const [index, sample] of samples.entries()) {
    const similarity = sample.similarity ?? 0;
    const positive = similarity >= SETTINGS.threshold;
    if (positive) positives += 1;
    if (positive && dropped.has(index)) truePositive += 1;
    if (similarity >= 0.9) {
      clear += 1;
      if (dropped.has(index)) clearFound += 1;
    } else if (similarity < 0.7) {
      far += 1;
      if (dropped.has(index)) farDropped += 1;
    }
  }
  return {
    dropped: dropped.size,
    positives,
    precision: dropped.size === 0 ? 1 : truePositive / dropped.size,
    recall: positives === 0 ? 1 : truePositive / positives,
    recallAbove90: clear === 0 ? 1 : clearFound / clear,
    droppedBelow70: far === 0 ? 0 : farDropped / far,
  };
}

const quality = (result: ReturnType<typeof score>) =>
  `dropped ${result.dropped} (true near-duplicates ≥ threshold: ${result.positives}), precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)}, recall of pairs ≥ 0.9 ${result.recallAbove90.toFixed(3)}, share of pairs < 0.7 dropped ${result.droppedBelow70.toFixed(3)}`;

const record = (index: number, parts: InstructionParts): DatasetRecord => ({
  id: `r${index}`,
  split: "rc",
  messages: [
    { role: "user", content: `${parts.context}\n\n${parts.instruction}` },
    { role: "assistant", content: "answer" },
  ],
  metadata: {
    skill: "reading-comprehension",
    seed_id: `s${index}`,
    source: `doc-${index}.txt`,
    transformation: "t",
    instruction_type: "i",
    refinement: [],
    models: {},
    usage: { input_tokens: 0, output_tokens: 0 },
  },
});

async function storePath(samples: Sample[]) {
  const dir = await mkdtemp(join(tmpdir(), "bench-dedup-"));
  const store = openSqliteStore(join(dir, "run.db"));
  const dedup = new Deduplicator(SETTINGS);
  try {
    for (let index = 0; index < samples.length; index += 1) {
      await store.addItem({ id: `i${index}`, skill: "rc", seedId: `s${index}` });
    }
    const dropped = new Set<number>();
    const started = performance.now();
    let checking = 0;
    let next = 0;
    while (next < samples.length) {
      const claimed = await store.claimItems("bench", { limit: 1000, leaseMs: 600_000, maxAttempts: 1 });
      if (claimed.length === 0) break;
      for (const item of claimed) {
        const index = Number(item.id.slice(1));
        const parts = (samples[index] as Sample).parts;
        const began = performance.now();
        const check = dedup.commitCheck(item.id, [{ recordId: `r${index}`, split: "rc", subject: "q.1", parts }]);
        checking += performance.now() - began;
        const timed = {
          ...check,
          decide: (candidates: Parameters<typeof check.decide>[0]) => {
            const start = performance.now();
            const decision = check.decide(candidates);
            checking += performance.now() - start;
            return decision;
          },
        };
        const outcome = await store.completeItem(item.id, [record(index, parts)], [], "bench", timed);
        if (outcome.filtered) dropped.add(index);
        next += 1;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      seconds,
      checkSeconds: checking / 1000,
      ...score(samples, dropped),
      entries: (await store.countDedupEntries())[""] ?? 0,
    };
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Signatures and decisions alone: an in-memory band table, no store. */
function inMemory(samples: Sample[]) {
  const dedup = new Deduplicator(SETTINGS);
  const started = performance.now();
  const bands = new Map<number, number[]>();
  // The store's index entries, without their band keys (the Map above holds those).
  const kept: Array<Omit<DedupEntry, "bands">> = [];
  const exact = new Map<string, number>();
  const dropped = new Set<number>();
  for (const [index, sample] of samples.entries()) {
    const print = dedup.fingerprint(sample.parts);
    const candidates = new Set<number>();
    const same = exact.get(print.exact);
    if (same !== undefined) candidates.add(same);
    for (const key of print.bands) for (const entry of bands.get(key) ?? []) candidates.add(entry);
    const found = dedup.match(
      print,
      "rc",
      [...candidates].map((entry) => kept[entry] as (typeof kept)[number]),
    );
    if (found) {
      dropped.add(index);
      continue;
    }
    const entry = kept.push({ recordId: `r${index}`, itemId: "", split: "rc", origin: "", ...print }) - 1;
    exact.set(print.exact, entry);
    for (const key of print.bands) {
      const list = bands.get(key);
      if (list) list.push(entry);
      else bands.set(key, [entry]);
    }
  }
  return { seconds: (performance.now() - started) / 1000, ...score(samples, dropped) };
}

/** The same commits without the check: what a commit costs anyway (on the first `count` instructions). */
async function baseline(samples: Sample[], count: number) {
  const dir = await mkdtemp(join(tmpdir(), "bench-dedup-base-"));
  const store = openSqliteStore(join(dir, "run.db"));
  try {
    for (let index = 0; index < count; index += 1)
      await store.addItem({ id: `i${index}`, skill: "rc", seedId: `s${index}` });
    const started = performance.now();
    for (;;) {
      const claimed = await store.claimItems("bench", { limit: 1000, leaseMs: 600_000, maxAttempts: 1 });
      if (claimed.length === 0) break;
      for (const item of claimed) {
        const index = Number(item.id.slice(1));
        await store.completeItem(item.id, [record(index, (samples[index] as Sample).parts)], [], "bench");
      }
    }
    return (performance.now() - started) / count;
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function decontamination(samples: Sample[]) {
  const dir = await mkdtemp(join(tmpdir(), "bench-evals-"));
  const file = join(dir, "evals.jsonl");
  const lines = Array.from({ length: EVAL_ITEMS }, (_, index) =>
    JSON.stringify({
      id: `e${index}`,
      question: words(40).join(" "),
      choices: [words(6).join(" "), words(6).join(" ")],
    }),
  );
  await writeFile(file, `${lines.join("\n")}\n`);
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const evals = await loadEvalNgrams({ files: [file], ngram: 13 });
  const loadSeconds = (performance.now() - started) / 1000;
  globalThis.gc?.();
  const heap = process.memoryUsage().heapUsed - before;
  const matchStarted = performance.now();
  let hits = 0;
  for (const sample of samples) if (evals.match(`${sample.parts.context}\n\n${sample.parts.instruction}`)) hits += 1;
  const matchSeconds = (performance.now() - matchStarted) / 1000;
  await rm(dir, { recursive: true, force: true });
  return { items: evals.items, ngrams: evals.size, loadSeconds, heap, matchSeconds, hits };
}

async function main() {
  const samples = corpus();
  const planted = samples.filter((sample) => sample.source !== undefined).length;
  console.log(
    `${N} instructions (15–35 words, content 80–160 words), ${planted} planted near-duplicates; threshold ${SETTINGS.threshold}, ${SETTINGS.shingle}-word shingles, ${SETTINGS.permutations} permutations, banding ${JSON.stringify(new Deduplicator(SETTINGS).banding)}; RSS with the corpus in memory ${mb(process.memoryUsage().rss)}`,
  );
  if (runs("memory")) {
    const cpu = process.cpuUsage();
    const memory = inMemory(samples);
    console.log(
      `in memory (signatures + band table + decisions): ${memory.seconds.toFixed(1)} s (${((memory.seconds / N) * 1e6).toFixed(0)} µs each; CPU ${cpuSince(cpu).toFixed(1)} s), ${quality(memory)}, peak RSS ${mb(peakRss())}`,
    );
  }
  if (runs("store")) {
    const cpu = process.cpuUsage();
    const stored = await storePath(samples);
    console.log(
      `run store (SQLite, one completeItem with the check per instruction): ${stored.seconds.toFixed(1)} s (${((stored.seconds / N) * 1e3).toFixed(2)} ms each, of which fingerprint + decision ${stored.checkSeconds.toFixed(1)} s; CPU ${cpuSince(cpu).toFixed(1)} s), ${quality(stored)}, index entries ${stored.entries}, peak RSS ${mb(peakRss())}`,
    );
    const count = Math.min(N, 10_000);
    const plain = await baseline(samples, count);
    console.log(`the same commits without the check (first ${count}): ${plain.toFixed(2)} ms each`);
  }
  if (runs("evals")) {
    const evals = await decontamination(samples);
    console.log(
      `decontamination: ${evals.items} eval items → ${evals.ngrams} 13-grams in ${evals.loadSeconds.toFixed(1)} s, heap +${mb(evals.heap)}; ${N} instructions matched in ${evals.matchSeconds.toFixed(1)} s (${evals.hits} hits, expected 0), peak RSS ${mb(peakRss())}`,
    );
  }
}

await main();
