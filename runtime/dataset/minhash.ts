// MinHash signatures over word shingles, and LSH banding chosen for a Jaccard threshold. Hand-written: no
// maintained npm package does this (`minhash` 0.0.9 was last published in 2019), and what is needed is small:
// 32-bit integer math (Math.imul), seeded permutations, so every process of a run computes the same signature.
//
// A permutation is h_i(x) = fmix32(a_i·x + b_i) with a_i odd: each step is a bijection of the 32-bit integers,
// so it is a permutation; fmix32 (MurmurHash3's finaliser) mixes low and high bits so the minimum is not biased
// by the linear part. The estimate of Jaccard similarity from 128 permutations has a standard error of
// sqrt(J(1-J)/128): ±0.035 at J = 0.8.

/** Permutations per signature unless configured otherwise. */
export const DEFAULT_PERMUTATIONS = 128;
const EMPTY = 0xffffffff;

/** Lowercase, compatibility-folded, punctuation and symbols as spaces, whitespace collapsed. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function wordsOf(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized === "" ? [] : normalized.split(" ");
}

/** MurmurHash3's 32-bit finaliser: a bijection that spreads every input bit over the output. */
export function fmix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A seeded 32-bit hash of a string (FNV-1a over UTF-16 code units, then fmix32). */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) | 0;
  for (let index = 0; index < text.length; index += 1) {
    h ^= text.charCodeAt(index);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h ^ text.length);
}

/**
 * The hashes of a text's word k-shingles (k consecutive words). A text of fewer than k words is one shingle; an
 * empty text has none. `tag` seeds the hash, so shingles of different fields never coincide.
 */
export function shingleHashes(text: string, k: number, tag = 0): Uint32Array {
  const words = wordsOf(text);
  if (words.length === 0) return new Uint32Array(0);
  const count = Math.max(1, words.length - k + 1);
  const hashes = new Uint32Array(count);
  for (let start = 0; start < count; start += 1) {
    hashes[start] = hashString(words.slice(start, start + k).join(" "), tag);
  }
  return hashes;
}

/** Splitmix32: the permutations' coefficients, from a fixed seed so every process draws the same ones. */
function coefficients(count: number, seed: number): { a: Uint32Array; b: Uint32Array } {
  let state = seed | 0;
  const next = () => {
    state = (state + 0x9e3779b9) | 0;
    return fmix32(state);
  };
  const a = new Uint32Array(count);
  const b = new Uint32Array(count);
  for (let index = 0; index < count; index += 1) {
    a[index] = next() | 1;
    b[index] = next();
  }
  return { a, b };
}

export class MinHasher {
  readonly permutations: number;
  private readonly a: Uint32Array;
  private readonly b: Uint32Array;

  constructor(permutations = DEFAULT_PERMUTATIONS, seed = 0x5eed) {
    if (!Number.isInteger(permutations) || permutations < 1) throw new RangeError("permutations must be ≥ 1");
    this.permutations = permutations;
    ({ a: this.a, b: this.b } = coefficients(permutations, seed));
  }

  /** The signature of a set of (hashed) shingles: per permutation, the least permuted value. Empty set: all max. */
  signature(hashes: ArrayLike<number>): Uint32Array {
    const n = this.permutations;
    const signature = new Uint32Array(n).fill(EMPTY);
    const { a, b } = this;
    for (let index = 0; index < hashes.length; index += 1) {
      const x = hashes[index] as number;
      for (let i = 0; i < n; i += 1) {
        const value = fmix32((Math.imul(x, a[i] as number) + (b[i] as number)) | 0);
        if (value < (signature[i] as number)) signature[i] = value;
      }
    }
    return signature;
  }
}

/** The signature of the union of two sets: the elementwise minimum (same permutations). */
export function unionSignature(left: Uint32Array, right: Uint32Array): Uint32Array {
  const union = new Uint32Array(left.length);
  for (let i = 0; i < left.length; i += 1) union[i] = Math.min(left[i] as number, right[i] as number);
  return union;
}

/** The share of permutations on which two signatures agree: an unbiased estimate of their sets' Jaccard. */
export function estimateJaccard(left: Uint32Array, right: Uint32Array): number {
  if (left.length !== right.length) throw new RangeError("signatures of different lengths");
  let same = 0;
  for (let i = 0; i < left.length; i += 1) if (left[i] === right[i]) same += 1;
  return left.length === 0 ? 0 : same / left.length;
}

/** Exact Jaccard of two sets of shingle hashes (tests and the bench's ground truth). */
export function exactJaccard(left: ArrayLike<number>, right: ArrayLike<number>): number {
  const a = new Set(Array.from(left));
  const b = new Set(Array.from(right));
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const value of a) if (b.has(value)) shared += 1;
  return shared / (a.size + b.size - shared);
}

export interface Banding {
  bands: number;
  rows: number;
  /** Probability that a pair at exactly the threshold becomes a candidate. */
  recallAtThreshold: number;
}

/** P(a pair of similarity s shares at least one band) = 1 - (1 - s^r)^b. */
export function candidateProbability(similarity: number, bands: number, rows: number): number {
  return 1 - (1 - similarity ** rows) ** bands;
}

function integrate(f: (x: number) => number, from: number, to: number, steps = 200): number {
  const width = (to - from) / steps;
  let sum = 0;
  for (let step = 0; step < steps; step += 1) sum += f(from + (step + 0.5) * width);
  return sum * width;
}

/**
 * Bands × rows (≤ permutations) for a threshold: the pair minimising the weighted area of false positives
 * (pairs below the threshold that become candidates) and false negatives (pairs above it that never do). False
 * negatives weigh 9× more: a candidate is verified against the full signature, so a false positive costs one
 * comparison, while a missed pair is a duplicate kept for good.
 */
export function chooseBanding(threshold: number, permutations = DEFAULT_PERMUTATIONS): Banding {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError("threshold must be in (0, 1]");
  let best: Banding | undefined;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let bands = 1; bands <= permutations; bands += 1) {
    const rows = Math.floor(permutations / bands);
    const falsePositive = integrate((s) => candidateProbability(s, bands, rows), 0, threshold);
    const falseNegative = integrate((s) => 1 - candidateProbability(s, bands, rows), threshold, 1);
    const cost = 0.1 * falsePositive + 0.9 * falseNegative;
    if (cost < bestCost) {
      bestCost = cost;
      best = { bands, rows, recallAtThreshold: candidateProbability(threshold, bands, rows) };
    }
  }
  return best as Banding;
}

/**
 * One key per band: the band's number in the high bits and a hash of its rows in the low 32, so keys of
 * different bands never collide and each fits a 53-bit safe integer (a SQLite INTEGER, a Postgres BIGINT).
 */
export function bandKeys(signature: Uint32Array, banding: Banding): number[] {
  const keys: number[] = [];
  for (let band = 0; band < banding.bands; band += 1) {
    let h = fmix32(band + 0x1b873593);
    for (let row = 0; row < banding.rows; row += 1) {
      h = fmix32((h ^ (signature[band * banding.rows + row] as number)) + 0x6b43a9b5);
    }
    keys.push(band * 0x1_0000_0000 + h);
  }
  return keys;
}
