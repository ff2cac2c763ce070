// Streaming text statistics in bounded memory: the pieces the diversity measures are made of. Each counter is exact
// up to a cap and then says it is an estimate, so a small run gets exact numbers and a huge one a flat footprint.

/** Lowercased words: letters and digits, with inner apostrophes kept ("don't" is one word). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
}

/** A 53-bit string hash (cyrb53): collisions are negligible at the sizes counted here. */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const HLL_BITS = 14;
const HLL_SIZE = 1 << HLL_BITS;
/** Distinct values counted exactly up to here; beyond, the HyperLogLog estimate (about 0.8% standard error). */
export const EXACT_DISTINCT = 65_536;

/** How many distinct values were added: an exact set while small, a HyperLogLog sketch (16 KB) always. */
export class DistinctCounter {
  private exactSet: Set<number> | undefined = new Set();
  private readonly registers = new Uint8Array(HLL_SIZE);

  add(value: string): void {
    const h = hash53(value);
    if (this.exactSet) {
      this.exactSet.add(h);
      if (this.exactSet.size > EXACT_DISTINCT) this.exactSet = undefined;
    }
    const index = h % HLL_SIZE;
    const rest = Math.floor(h / HLL_SIZE);
    // Rank: position of the first set bit in the remaining 39 bits.
    const rank = rest === 0 ? 40 : 39 - Math.floor(Math.log2(rest));
    if (rank > (this.registers[index] ?? 0)) this.registers[index] = rank;
  }

  get exact(): boolean {
    return this.exactSet !== undefined;
  }

  count(): number {
    if (this.exactSet) return this.exactSet.size;
    let sum = 0;
    let zeros = 0;
    for (const register of this.registers) {
      sum += 2 ** -register;
      if (register === 0) zeros += 1;
    }
    const alpha = 0.7213 / (1 + 1.079 / HLL_SIZE);
    const estimate = (alpha * HLL_SIZE * HLL_SIZE) / sum;
    // Small-range correction (linear counting), as in the HyperLogLog paper.
    if (estimate <= 2.5 * HLL_SIZE && zeros > 0) return Math.round(HLL_SIZE * Math.log(HLL_SIZE / zeros));
    return Math.round(estimate);
  }
}

/** distinct-n: distinct n-grams over all n-grams of every text (n-grams never span two texts). */
export interface DistinctN {
  n: number;
  ngrams: number;
  distinct: number;
  /** distinct / ngrams (0 when there is none). */
  ratio: number;
  /** False once the distinct count is a HyperLogLog estimate. */
  exact: boolean;
}

export class DistinctNgrams {
  private readonly counters: DistinctCounter[];
  private readonly totals: number[];

  constructor(private readonly maxN = 3) {
    this.counters = Array.from({ length: maxN }, () => new DistinctCounter());
    this.totals = Array.from({ length: maxN }, () => 0);
  }

  add(tokens: readonly string[]): void {
    for (let n = 1; n <= this.maxN; n += 1) {
      const counter = this.counters[n - 1] as DistinctCounter;
      for (let start = 0; start + n <= tokens.length; start += 1) {
        counter.add(tokens.slice(start, start + n).join(" "));
        this.totals[n - 1] = (this.totals[n - 1] ?? 0) + 1;
      }
    }
  }

  result(): DistinctN[] {
    return this.counters.map((counter, index) => {
      const ngrams = this.totals[index] ?? 0;
      const distinct = Math.min(counter.count(), ngrams);
      return {
        n: index + 1,
        ngrams,
        distinct,
        ratio: ngrams === 0 ? 0 : round(distinct / ngrams),
        exact: counter.exact,
      };
    });
  }
}

export interface LengthStats {
  count: number;
  mean: number;
  min: number;
  max: number;
  quantiles: { p10: number; p25: number; p50: number; p75: number; p90: number; p99: number };
  /** Bins of equal width from 0 to past the longest: `from` inclusive, `to` exclusive. */
  histogram: Array<{ from: number; to: number; count: number }>;
}

const BINS = 20;

/** Lengths (in words) kept as a count per length: exact quantiles in memory bounded by the longest text. */
export class LengthCounter {
  private readonly counts = new Map<number, number>();
  private total = 0;
  private sum = 0;

  add(length: number): void {
    this.counts.set(length, (this.counts.get(length) ?? 0) + 1);
    this.total += 1;
    this.sum += length;
  }

  result(): LengthStats {
    const lengths = [...this.counts.keys()].sort((a, b) => a - b);
    const min = lengths[0] ?? 0;
    const max = lengths.at(-1) ?? 0;
    const quantile = (q: number): number => {
      if (this.total === 0) return 0;
      // Nearest rank: the smallest length with at least q of the texts at or below it.
      const rank = Math.max(1, Math.ceil(q * this.total));
      let seen = 0;
      for (const length of lengths) {
        seen += this.counts.get(length) ?? 0;
        if (seen >= rank) return length;
      }
      return max;
    };
    const width = niceWidth((max + 1) / BINS);
    const binCount = Math.max(1, Math.ceil((max + 1) / width));
    const histogram = Array.from({ length: binCount }, (_, index) => ({
      from: index * width,
      to: (index + 1) * width,
      count: 0,
    }));
    for (const [length, count] of this.counts) {
      const bin = histogram[Math.min(binCount - 1, Math.floor(length / width))];
      if (bin) bin.count += count;
    }
    return {
      count: this.total,
      mean: this.total === 0 ? 0 : round(this.sum / this.total, 1),
      min,
      max,
      quantiles: {
        p10: quantile(0.1),
        p25: quantile(0.25),
        p50: quantile(0.5),
        p75: quantile(0.75),
        p90: quantile(0.9),
        p99: quantile(0.99),
      },
      histogram,
    };
  }
}

/** 1, 2, 5, 10, 20, 50…: a bin width a person reads at a glance, at least `raw`. */
function niceWidth(raw: number): number {
  if (raw <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= raw) return step * magnitude;
  return 10 * magnitude;
}

/** Counts per key, exact up to a number of distinct keys; later new keys are counted together as `other`. */
export class KeyCounter {
  readonly counts = new Map<string, number>();
  total = 0;
  /** Occurrences of keys that arrived after the cap (not told apart). */
  other = 0;

  constructor(private readonly cap = 100_000) {}

  add(key: string): void {
    this.total += 1;
    const count = this.counts.get(key);
    if (count !== undefined) this.counts.set(key, count + 1);
    else if (this.counts.size < this.cap) this.counts.set(key, 1);
    else this.other += 1;
  }

  top(limit: number): Array<{ key: string; count: number; share: number }> {
    return [...this.counts]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .slice(0, limit)
      .map(([key, count]) => ({ key, count, share: this.total === 0 ? 0 : round(count / this.total) }));
  }

  /** Shannon entropy in bits of the keys' distribution (the uncounted `other` left out). */
  entropyBits(): number {
    const counted = this.total - this.other;
    let bits = 0;
    for (const count of this.counts.values()) {
      const p = count / counted;
      bits -= p * Math.log2(p);
    }
    return round(bits, 3);
  }
}

/**
 * A light English stemmer for opening words: "Explain"/"Explains"/"Explaining" and "Describe"/"Described" each
 * read as one stem. Only common inflections; short words are left whole.
 */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const suffix of ["ing", "ed", "es", "s"]) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      const base = word.slice(0, -suffix.length);
      return suffix === "s" && base.endsWith("s") ? word : base.replace(/e$/, "");
    }
  }
  return word.replace(/e$/, "");
}

export function round(value: number, digits = 4): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
