// The run's record screen (runtime/dataset/record-screen.ts) from its configuration: the near-duplicate index in
// the run store, and the eval sets' n-grams, read once per process.
import type { SkillSpec } from "../agents/define-skill.js";
import { SKILLS } from "../agents/index.js";
import type { RunConfig } from "../runtime/config.js";
import { loadEvalNgrams } from "../runtime/dataset/decontaminate.js";
import type { DedupSettings } from "../runtime/dataset/dedup.js";
import { Deduplicator } from "../runtime/dataset/dedup.js";
import { indexEarlierRuns } from "../runtime/dataset/dedup-against.js";
import { RecordScreen } from "../runtime/dataset/record-screen.js";
import type { RunStore } from "../runtime/store/run-store.js";

function dedupSettings(config: RunConfig): DedupSettings | undefined {
  const { enabled, threshold, shingle, permutations, acrossSplits } = config.dedup;
  return enabled ? { threshold, shingle, permutations, acrossSplits } : undefined;
}

const templatesOf = (skills: readonly SkillSpec[]) => new Map(skills.map((skill) => [skill.id, skill.userMessage]));

/** The screen every item of this process goes through; undefined when dedup is off and no eval set is given. */
export async function openRecordScreen(
  config: RunConfig,
  skills: readonly SkillSpec[],
  store: RunStore,
): Promise<RecordScreen | undefined> {
  const dedup = dedupSettings(config);
  const { files, fields, ngram } = config.decontaminate;
  const evals = files.length > 0 ? await loadEvalNgrams({ files, ngram, ...(fields ? { fields } : {}) }) : undefined;
  if (!dedup && !evals) return undefined;
  return new RecordScreen(store, templatesOf(skills), { ...(dedup ? { dedup } : {}), ...(evals ? { evals } : {}) });
}

/** `--dedup-against`: the earlier runs' records into the index (idempotent; done where the corpus is read). */
export async function indexDedupAgainst(config: RunConfig, skills: readonly SkillSpec[], store: RunStore) {
  const dedup = dedupSettings(config);
  if (!dedup || config.dedup.against.length === 0) return undefined;
  // Earlier runs may have run other skills: every built-in skill's template is known too.
  return indexEarlierRuns(store, config.dedup.against, new Deduplicator(dedup), templatesOf([...SKILLS, ...skills]));
}
