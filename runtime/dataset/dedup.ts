// Near-duplicate instructions: what a record's instruction is, its fingerprint (exact hash, MinHash signatures,
// LSH band keys) and the decision which of an item's records duplicate one already kept.
//
// A user turn is split into its instruction and the content it is about (the skill's userMessage template,
// e.g. "{content}\n\n{instruction}"). Two records are duplicates when both their instructions and their contents
// are near-duplicates: five questions on one passage are five examples, and "Summarise the passage." over two
// different passages is two. Candidates come from banding the signature of the union of both shingle sets
// (tagged apart), whose Jaccard is at least the lesser of the two parts' (the mediant of two fractions is never
// below the smaller), so a pair over the threshold on both parts is found as a pair over it on the union.
import { sha256 } from "../hash.js";
import type { CommitDedup, DedupCandidate, DedupEntry, ItemNote } from "../store/run-store.js";
import {
  type Banding,
  bandKeys,
  chooseBanding,
  estimateJaccard,
  MinHasher,
  normalizeText,
  shingleHashes,
  unionSignature,
} from "./minhash.js";

export interface DedupSettings {
  /** Estimated Jaccard at or above which two instructions (and their contents) are near-duplicates. */
  threshold: number;
  /** Words per shingle. */
  shingle: number;
  permutations: number;
  /** Compare records of different splits too (default); false: only within a split. */
  acrossSplits: boolean;
}

/** The parts of a user turn that decide whether it repeats another. */
export interface InstructionParts {
  instruction: string;
  /** The content the instruction is about ("" when the template shows the instruction alone). */
  context: string;
}

const INSTRUCTION_TAG = 0x1a;
const CONTEXT_TAG = 0x2b;

/**
 * Split a rendered user turn back into content and instruction by the skill's template. A turn that does not fit
 * the template (a record of another skill) is all instruction.
 */
export function splitUserTurn(template: string, turn: string): InstructionParts {
  const names: string[] = [];
  const pattern = template
    .split(/(\{(?:content|instruction)\})/)
    .map((part) => {
      const name = /^\{(content|instruction)\}$/.exec(part)?.[1];
      if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(name);
      // The content is greedy: a multi-paragraph passage ends at the last separator before the instruction.
      return name === "content" ? "([\\s\\S]*)" : "([\\s\\S]*?)";
    })
    .join("");
  const match = new RegExp(`^${pattern}$`).exec(turn);
  if (!match || !names.includes("instruction")) return { instruction: turn, context: "" };
  const value = (name: string) => {
    const index = names.indexOf(name);
    return index < 0 ? "" : (match[index + 1] ?? "");
  };
  return { instruction: value("instruction"), context: value("content") };
}

export interface Fingerprint {
  exact: string;
  /** The instruction's signature followed by the content's (2 × permutations values). */
  signature: Uint32Array;
  bands: number[];
}

export class Deduplicator {
  readonly settings: DedupSettings;
  readonly banding: Banding;
  private readonly hasher: MinHasher;

  constructor(settings: DedupSettings) {
    this.settings = settings;
    this.hasher = new MinHasher(settings.permutations);
    this.banding = chooseBanding(settings.threshold, settings.permutations);
  }

  fingerprint(parts: InstructionParts): Fingerprint {
    const k = this.settings.shingle;
    const instruction = this.hasher.signature(shingleHashes(parts.instruction, k, INSTRUCTION_TAG));
    const context = this.hasher.signature(shingleHashes(parts.context, k, CONTEXT_TAG));
    const signature = new Uint32Array(instruction.length * 2);
    signature.set(instruction, 0);
    signature.set(context, instruction.length);
    return {
      exact: sha256(`${normalizeText(parts.instruction)}\u0000${normalizeText(parts.context)}`, 16),
      signature,
      bands: bandKeys(unionSignature(instruction, context), this.banding),
    };
  }

  /** The lesser of the instruction's and the content's estimated similarity: a pair is as close as its farther part. */
  similarity(left: Uint32Array, right: Uint32Array): number {
    const n = this.settings.permutations;
    return Math.min(
      estimateJaccard(left.subarray(0, n), right.subarray(0, n)),
      estimateJaccard(left.subarray(n), right.subarray(n)),
    );
  }

  /** The entry this fingerprint duplicates, if any: an exact match first, else the most similar over the threshold. */
  match(print: Fingerprint, split: string, candidates: readonly DedupCandidate[]): DuplicateMatch | undefined {
    let best: DuplicateMatch | undefined;
    for (const candidate of candidates) {
      if (!this.settings.acrossSplits && candidate.split !== split) continue;
      if (candidate.exact === print.exact) return { entry: candidate, similarity: 1, exact: true };
      const similarity = this.similarity(print.signature, candidate.signature);
      if (similarity >= this.settings.threshold && (!best || similarity > best.similarity)) {
        best = { entry: candidate, similarity, exact: false };
      }
    }
    return best;
  }

  /** The check completeItem runs in its transaction, for an item's records (in the order they are kept). */
  commitCheck(
    itemId: string,
    records: ReadonlyArray<{ recordId: string; split: string; subject: string; parts: InstructionParts }>,
  ): CommitDedup {
    const keys = records.map((record) => ({ ...record, itemId, print: this.fingerprint(record.parts) }));
    return {
      exact: keys.map((key) => key.print.exact),
      bands: [...new Set(keys.flatMap((key) => key.print.bands))],
      decide: (candidates) => this.decide(keys, candidates),
    };
  }

  /**
   * An item's records against the index (candidates: entries sharing an exact hash or a band key with any of them)
   * and against each other, in order: which are dropped, with a note each, and the entries of those kept.
   */
  decide(keys: readonly CommitKey[], candidates: readonly DedupCandidate[]): CommitDecision {
    const dropped = new Map<string, ItemNote>();
    const kept: DedupEntry[] = [];
    for (const key of keys) {
      const pool = [...candidates, ...kept];
      const found = this.match(key.print, key.split, pool);
      if (found) {
        dropped.set(key.recordId, duplicateNote(key.subject, found));
        continue;
      }
      kept.push({
        recordId: key.recordId,
        itemId: key.itemId,
        split: key.split,
        origin: "",
        exact: key.print.exact,
        signature: key.print.signature,
        bands: key.print.bands,
      });
    }
    return { dropped, entries: kept };
  }
}

export interface DuplicateMatch {
  entry: DedupCandidate;
  similarity: number;
  exact: boolean;
}

/** One record of an item about to commit, with what it is checked by. */
export interface CommitKey {
  recordId: string;
  itemId: string;
  split: string;
  /** What its note names (the draft id, as other drops do). */
  subject: string;
  print: Fingerprint;
}

export interface CommitDecision {
  /** Record id → why it is dropped. */
  dropped: Map<string, ItemNote>;
  /** Index entries for the records kept. */
  entries: DedupEntry[];
}

/** "duplicates record 3f…(rc/abc, split rc) at estimated Jaccard 0.91". */
export function duplicateNote(subject: string, found: DuplicateMatch): ItemNote {
  const { entry } = found;
  const where = entry.origin ? `of ${entry.origin}` : `(item ${entry.itemId}, split ${entry.split})`;
  return {
    kind: "dropped",
    reason: found.exact ? "exact_duplicate" : "near_duplicate",
    subject,
    detail: found.exact
      ? `same instruction and content as record ${entry.recordId} ${where}`
      : `duplicates record ${entry.recordId} ${where} at estimated Jaccard ${found.similarity.toFixed(2)}`,
  };
}
