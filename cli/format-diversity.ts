// The diversity block of the status table: a few lines per split (status --json "diversity" has every number).
import type { Coverage, Diversity, SplitDiversity } from "../runtime/dataset/diversity.js";
import type { DistinctN } from "../runtime/dataset/text-stats.js";

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function covered(name: string, coverage: Coverage): string {
  return coverage.available === null
    ? `${name} ${coverage.used} (taxonomy unknown)`
    : `${name} ${coverage.used}/${coverage.available}`;
}

const ratios = (distinct: DistinctN[]) =>
  `${distinct.map((entry) => entry.ratio.toFixed(2)).join("/")}${distinct.every((entry) => entry.exact) ? "" : " (estimated)"}`;

function splitLines(split: SplitDiversity): string[] {
  const { coverage, lengths, openings } = split;
  const words = (stats: SplitDiversity["lengths"]["instructions"]) =>
    `median ${stats.quantiles.p50} (p10 ${stats.quantiles.p10}, p90 ${stats.quantiles.p90})`;
  const top = openings.instructions.topStems
    .slice(0, 3)
    .map((entry) => `"${entry.stem}" ${percent(entry.share)}`)
    .join(", ");
  return [
    `${split.split} (${split.records} records, ${split.refined} refined):`,
    `  coverage: ${covered("transformations", coverage.transformations)}, ${covered("instruction types", coverage.instructionTypes)}, ${covered("refinement goals", coverage.refinementGoals)}`,
    `  distinct-1/2/3: instructions ${ratios(split.distinct.instructions)} | responses ${ratios(split.distinct.responses)}`,
    `  near-duplicates before removal ${percent(split.duplicates.rate)} (${split.duplicates.near} near, ${split.duplicates.exact} exact)`,
    `  words: instructions ${words(lengths.instructions)} | responses ${words(lengths.responses)}`,
    `  openings: top 10 stems ${percent(openings.instructions.top10Share)} of instructions${top ? ` (${top})` : ""}, entropy ${openings.instructions.entropyBits.toFixed(2)} bits`,
  ];
}

export function formatDiversity(diversity: Diversity): string {
  const splits = Object.values(diversity);
  if (splits.length === 0) return "";
  return ["Diversity (status --json lists every count):", ...splits.flatMap(splitLines)].join("\n");
}
