// Read the corpus into the run store: seeds (deduplicated by id), one pending item per seed × skill
// that accepts its kind, and a recorded reason for every input that was skipped or used with a warning.
// Re-running it on the same store is a no-op for what is already there, so resume can call it freely.
import type { SkillSpec } from "../agents/define-skill.js";
import type { ChunkOptions } from "../runtime/corpus/chunker.js";
import { readCorpus } from "../runtime/corpus/read-corpus.js";
import type { RunStore } from "../runtime/store/run-store.js";

/** The corpus settings of a RunConfig (pass the config itself), and a signal to stop reading. */
export interface IngestOptions {
  seeds: string[];
  chunk: ChunkOptions;
  textField: string;
  /** Stop after this many usable seeds (corpus order is stable, so it is the same seeds every time). */
  limit?: number;
  signal?: AbortSignal;
}

export interface IngestResult {
  seeds: number;
  skipped: number;
  warnings: number;
}

export function itemIdOf(skill: string, seedId: string): string {
  return `${skill}/${seedId}`;
}

export async function ingestCorpus(
  store: RunStore,
  skills: readonly SkillSpec[],
  options: IngestOptions,
): Promise<IngestResult> {
  const result: IngestResult = { seeds: 0, skipped: 0, warnings: 0 };
  for await (const event of readCorpus(options.seeds, { chunk: options.chunk, textField: options.textField })) {
    if (options.signal?.aborted) break;
    if (event.type === "skipped" || event.type === "warning") {
      await store.noteInput({ source: event.source, outcome: event.type, reason: event.reason });
      if (event.type === "skipped") result.skipped += 1;
      else result.warnings += 1;
      continue;
    }
    if (options.limit !== undefined && result.seeds >= options.limit) break;
    const { seed } = event;
    const accepting = skills.filter((skill) => skill.seedKinds.includes(seed.kind));
    if (accepting.length === 0) {
      await store.noteInput({
        source: seed.source,
        outcome: "skipped",
        reason: `no requested skill accepts ${seed.kind} seeds (${skills.map((skill) => skill.id).join(", ")})`,
      });
      result.skipped += 1;
      continue;
    }
    const added = await store.addSeed(seed);
    if (added.duplicateOf) {
      await store.noteInput({
        source: seed.source,
        outcome: "skipped",
        reason: `exact duplicate of ${added.duplicateOf}`,
      });
      result.skipped += 1;
      continue;
    }
    result.seeds += 1;
    for (const skill of accepting) {
      await store.addItem({ id: itemIdOf(skill.id, seed.id), skill: skill.id, seedId: seed.id });
    }
  }
  return result;
}
