// How diverse a run's data is, per split, measured on demand by one streaming pass over the split's records:
// coverage of the skill's taxonomy, distinct-n, the near-duplicate rate before removal, lengths, and how
// concentrated the instructions' opening words are. Memory stays bounded at any size (see text-stats.ts).

import type { DatasetRecord, RunStore, RunSummary } from "../store/run-store.js";
import {
  type DistinctN,
  DistinctNgrams,
  KeyCounter,
  LengthCounter,
  type LengthStats,
  round,
  stem,
  words,
} from "./text-stats.js";

/** The drop reasons (helper of dedup) that mark a near or exact duplicate removed before it was answered. */
export const DUPLICATE_REASONS = ["near_duplicate", "exact_duplicate"] as const;

/** What a skill could produce: the names its records are measured against. */
export interface Taxonomy {
  transformations: string[];
  instructionTypes: string[];
  refinementGoals: string[];
}

/** Records per name of one taxonomy dimension, against the names available. */
export interface Coverage {
  /** Records per name, most used first (refinement goals: records whose chain applies the goal). */
  counts: Record<string, number>;
  used: number;
  /** Names the split's skills offer (null when the skill is unknown to this run). */
  available: number | null;
  /** used / available. */
  coverage: number | null;
  /** Available names no record uses. */
  missing: string[];
  /** Names used that the taxonomy does not have (a skill changed since, or an unknown skill). */
  outside: string[];
}

export interface OpeningStats {
  /** Texts with at least one word. */
  texts: number;
  distinctStems: number;
  /** The most frequent first-word stems, with their share of the texts. */
  topStems: Array<{ stem: string; count: number; share: number }>;
  /** Share of the texts opening with one of the 10 most frequent stems. */
  top10Share: number;
  /** The most frequent first two words. */
  topBigrams: Array<{ words: string; count: number; share: number }>;
  /** Shannon entropy of the first-word stems, in bits, and divided by log2(distinct stems): 1 is even. */
  entropyBits: number;
  normalizedEntropy: number;
}

export interface SplitDiversity {
  split: string;
  skills: string[];
  records: number;
  /** Records whose instruction went through at least one refinement step. */
  refined: number;
  coverage: { transformations: Coverage; instructionTypes: Coverage; refinementGoals: Coverage };
  distinct: { instructions: DistinctN[]; responses: DistinctN[] };
  /** Near and exact duplicates dropped before answering, and their share of what was generated (records + them). */
  duplicates: { near: number; exact: number; rate: number };
  lengths: { instructions: LengthStats; responses: LengthStats };
  openings: { instructions: OpeningStats; responses: OpeningStats };
}

export type Diversity = Record<string, SplitDiversity>;

/** The instruction of a record: kept in its metadata; records of older runs have only the whole first user turn. */
export function instructionText(record: DatasetRecord): string {
  if (typeof record.metadata.instruction === "string") return record.metadata.instruction;
  return record.messages.find((turn) => turn.role === "user")?.content ?? "";
}

/** Every assistant turn of a record, in order. */
export function responseText(record: DatasetRecord): string {
  return record.messages
    .filter((turn) => turn.role === "assistant")
    .map((turn) => turn.content)
    .join("\n");
}

class OpeningCounter {
  private readonly stems = new KeyCounter();
  private readonly bigrams = new KeyCounter();

  add(tokens: readonly string[]): void {
    const [first, second] = tokens;
    if (first === undefined) return;
    this.stems.add(stem(first));
    this.bigrams.add(second === undefined ? first : `${first} ${second}`);
  }

  result(): OpeningStats {
    const top10 = this.stems.top(10);
    const distinct = this.stems.counts.size;
    const entropyBits = this.stems.entropyBits();
    return {
      texts: this.stems.total,
      distinctStems: distinct,
      topStems: top10.map(({ key, count, share }) => ({ stem: key, count, share })),
      top10Share: round(top10.reduce((sum, entry) => sum + entry.count, 0) / Math.max(1, this.stems.total), 4),
      topBigrams: this.bigrams.top(10).map(({ key, count, share }) => ({ words: key, count, share })),
      entropyBits,
      normalizedEntropy: distinct > 1 ? round(entropyBits / Math.log2(distinct), 4) : 0,
    };
  }
}

function coverage(counts: KeyCounter, available: readonly string[] | undefined): Coverage {
  const used = [...counts.counts.keys()];
  const known = available ? new Set(available) : undefined;
  return {
    counts: Object.fromEntries(counts.top(counts.counts.size).map(({ key, count }) => [key, count])),
    used: known ? used.filter((name) => known.has(name)).length : used.length,
    available: available ? available.length : null,
    coverage:
      available && available.length > 0
        ? round(used.filter((name) => known?.has(name)).length / available.length)
        : null,
    missing: available ? available.filter((name) => !counts.counts.has(name)) : [],
    outside: known ? used.filter((name) => !known.has(name)).sort() : [],
  };
}

/** The union of the taxonomies of a split's skills (a split normally has one skill). */
function splitTaxonomy(skills: readonly string[], taxonomies: ReadonlyMap<string, Taxonomy>): Partial<Taxonomy> {
  const found = skills.map((skill) => taxonomies.get(skill)).filter((taxonomy) => taxonomy !== undefined);
  if (found.length === 0) return {};
  const union = (pick: (taxonomy: Taxonomy) => string[]) => [...new Set(found.flatMap(pick))];
  return {
    transformations: union((taxonomy) => taxonomy.transformations),
    instructionTypes: union((taxonomy) => taxonomy.instructionTypes),
    refinementGoals: union((taxonomy) => taxonomy.refinementGoals),
  };
}

/** One split's measures, from one pass over its records. */
export async function splitDiversity(
  store: RunStore,
  split: string,
  summary: Pick<RunSummary, "droppedBySkill">,
  taxonomies: ReadonlyMap<string, Taxonomy>,
): Promise<SplitDiversity> {
  const transformations = new KeyCounter();
  const types = new KeyCounter();
  const goals = new KeyCounter();
  const skills = new Set<string>();
  const distinct = { instructions: new DistinctNgrams(3), responses: new DistinctNgrams(3) };
  const lengths = { instructions: new LengthCounter(), responses: new LengthCounter() };
  const openings = { instructions: new OpeningCounter(), responses: new OpeningCounter() };
  let records = 0;
  let refined = 0;
  for await (const record of store.records(split)) {
    records += 1;
    skills.add(record.metadata.skill);
    transformations.add(record.metadata.transformation);
    types.add(record.metadata.instruction_type);
    const chain = record.metadata.refinement ?? [];
    if (chain.length > 0) refined += 1;
    for (const goal of new Set(chain.map((step) => step.goal))) goals.add(goal);
    const instruction = words(instructionText(record));
    const response = words(responseText(record));
    distinct.instructions.add(instruction);
    distinct.responses.add(response);
    lengths.instructions.add(instruction.length);
    lengths.responses.add(response.length);
    openings.instructions.add(instruction);
    openings.responses.add(response);
  }
  const skillList = [...skills].sort();
  const taxonomy = splitTaxonomy(skillList, taxonomies);
  const dropped = (reason: string) =>
    skillList.reduce((sum, skill) => sum + (summary.droppedBySkill[skill]?.[reason] ?? 0), 0);
  const near = dropped("near_duplicate");
  const exact = dropped("exact_duplicate");
  return {
    split,
    skills: skillList,
    records,
    refined,
    coverage: {
      transformations: coverage(transformations, taxonomy.transformations),
      instructionTypes: coverage(types, taxonomy.instructionTypes),
      refinementGoals: coverage(goals, taxonomy.refinementGoals),
    },
    distinct: { instructions: distinct.instructions.result(), responses: distinct.responses.result() },
    duplicates: { near, exact, rate: near + exact === 0 ? 0 : round((near + exact) / (records + near + exact)) },
    lengths: { instructions: lengths.instructions.result(), responses: lengths.responses.result() },
    openings: { instructions: openings.instructions.result(), responses: openings.responses.result() },
  };
}

/**
 * Every split's measures, one split at a time (so only one split's counters are in memory), against the taxonomies
 * of the run's skills by skill id (runner/run-taxonomies.ts reads them).
 */
export async function measureDiversity(
  store: RunStore,
  summary: Pick<RunSummary, "droppedBySkill">,
  taxonomies: ReadonlyMap<string, Taxonomy>,
): Promise<Diversity> {
  const result: Diversity = {};
  for (const split of await store.splits()) result[split] = await splitDiversity(store, split, summary, taxonomies);
  return result;
}
