// What `agentinstruct report` shows, read from a run store: the summary, the diversity measures, the reasons items
// were filtered, and a sample of records per split with everything their lineage points to (seed, parents).
import { chooser } from "../prng.js";
import type { DatasetRecord, RunStore, RunSummary } from "../store/run-store.js";
import { type Diversity, instructionText, measureDiversity, type Taxonomy } from "./diversity.js";

/** A sampled record and what its lineage points to. */
export interface SampledRecord {
  record: DatasetRecord;
  /** The seed passage it was made from (absent when the store no longer has it). */
  seed?: { source: string; text: string };
  /** Each refinement step's parent: its instruction when the parent was kept as a record. */
  parents: Array<{ id: string; instruction?: string }>;
}

export interface ReportData {
  /** Where the run is, as the commands print it. */
  where: string;
  runId?: string;
  generatedAt: string;
  summary: RunSummary;
  diversity: Diversity;
  /** Filtered items per reason, numbers masked so "seed has 120 characters…" and "…130…" count together. */
  filteredReasons: Record<string, number>;
  /** Failed items per error, numbers masked the same way. */
  failureReasons: Record<string, number>;
  samples: Record<string, SampledRecord[]>;
  sampleSize: number;
}

export const DEFAULT_REPORT_SAMPLE = 20;
const PAGE = 500;

/** A reason with its numbers replaced by #, so reasons that differ only in a count or an id group together. */
export function reasonGroup(reason: string): string {
  return reason.replace(/\d+(?:\.\d+)?/g, "#").trim() || "(no reason)";
}

async function filteredReasons(store: RunStore): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let after = 0;
  for (;;) {
    const page = await store.listItems(["filtered"], after, PAGE);
    for (const item of page) {
      const group = reasonGroup(item.reason ?? "");
      counts[group] = (counts[group] ?? 0) + 1;
    }
    const last = page.at(-1);
    if (!last || page.length < PAGE) return counts;
    after = last.ordinal;
  }
}

/**
 * Up to `size` records of a split, drawn uniformly by reservoir sampling (seeded by the split, so the same run gives
 * the same sample), in store order; each with its parents' instructions, found among the records of its item (a
 * parent is committed with its children, before them).
 */
async function sampleSplit(store: RunStore, split: string, size: number): Promise<SampledRecord[]> {
  const choose = chooser("report-sample", split);
  const reservoir: Array<{ position: number; sampled: SampledRecord }> = [];
  let seen = 0;
  let itemKey = "";
  let itemInstructions = new Map<string, string>();
  for await (const record of store.records(split)) {
    const key = `${record.metadata.skill}/${record.metadata.seed_id}`;
    if (key !== itemKey) {
      itemKey = key;
      itemInstructions = new Map();
    }
    itemInstructions.set(record.id, instructionText(record));
    const slot = seen < size ? seen : choose.index(seen + 1);
    if (slot < size) {
      const parents = (record.metadata.refinement ?? []).map((step) => {
        const instruction = itemInstructions.get(step.parent_id);
        return instruction === undefined ? { id: step.parent_id } : { id: step.parent_id, instruction };
      });
      reservoir[slot] = { position: seen, sampled: { record, parents } };
    }
    seen += 1;
  }
  const chosen = reservoir.sort((a, b) => a.position - b.position).map((entry) => entry.sampled);
  for (const sampled of chosen) {
    const seed = await store.getSeed(sampled.record.metadata.seed_id);
    if (seed) sampled.seed = { source: seed.source, text: seed.text };
  }
  return chosen;
}

export async function reportData(
  store: RunStore,
  options: { where: string; taxonomies: ReadonlyMap<string, Taxonomy>; sample?: number; now?: Date },
): Promise<ReportData> {
  const sampleSize = options.sample ?? DEFAULT_REPORT_SAMPLE;
  const summary = await store.summary();
  const diversity = await measureDiversity(store, summary, options.taxonomies);
  const samples: Record<string, SampledRecord[]> = {};
  for (const split of await store.splits()) samples[split] = await sampleSplit(store, split, sampleSize);
  const failureReasons: Record<string, number> = {};
  for (const failure of summary.failures) {
    const group = reasonGroup(failure.error);
    failureReasons[group] = (failureReasons[group] ?? 0) + 1;
  }
  const runId = await store.getMeta("run_id");
  return {
    where: options.where,
    ...(runId ? { runId } : {}),
    generatedAt: (options.now ?? new Date()).toISOString(),
    summary,
    diversity,
    filteredReasons: await filteredReasons(store),
    failureReasons,
    samples,
    sampleSize,
  };
}
