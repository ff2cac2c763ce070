// How an estimate reads to a person: per skill and in total, calls, tokens and dollars per item and for the
// whole corpus with a range, under a header that says the model was simulated, and where every number came from.
import type { Estimate, Projection, Spread } from "../runner/estimate.js";
import { DEFAULT_OUTPUT_TOKENS } from "../runner/estimate.js";
import { PRICES_CHECKED } from "../runtime/models/prices.js";
import { table } from "./format-summary.js";

const whole = (value: number) => Math.round(value).toLocaleString("en-US");
const oneDecimal = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

function usd(value: number): string {
  if (value === 0) return "$0";
  return value >= 1 ? `$${value.toLocaleString("en-US", { maximumFractionDigits: 2 })}` : `$${value.toPrecision(2)}`;
}

const spreadOf = (spread: Spread, format: (value: number) => string) =>
  spread.min === spread.max
    ? format(spread.mean)
    : `${format(spread.mean)} (${format(spread.min)}–${format(spread.max)})`;

const projectionOf = (projection: Projection, format: (value: number) => string) =>
  projection.low === projection.high
    ? format(projection.expected)
    : `${format(projection.expected)} (${format(projection.low)}–${format(projection.high)})`;

export function formatEstimate(estimate: Estimate): string {
  const unknown = estimate.unpriced.length > 0 ? "unknown" : "";
  const header = [
    "skill",
    "items",
    "sampled",
    "calls/item",
    "input tok/item",
    "output tok/item",
    "$/item",
    "corpus calls",
    "corpus $",
  ];
  const rows = estimate.skills.map((skill) => [
    skill.skill,
    whole(skill.items),
    skill.sampleFailed > 0 ? `${skill.sampled} (${skill.sampleFailed} failed)` : String(skill.sampled),
    spreadOf(skill.perItem.calls, oneDecimal),
    spreadOf(skill.perItem.inputTokens, whole),
    spreadOf(skill.perItem.outputTokens, whole),
    skill.perItem.usd ? spreadOf(skill.perItem.usd, usd) : unknown,
    projectionOf(skill.corpus.calls, whole),
    skill.corpus.usd ? projectionOf(skill.corpus.usd, usd) : unknown,
  ]);
  const { total } = estimate;
  rows.push([
    "total",
    whole(total.items),
    "",
    "",
    "",
    "",
    "",
    projectionOf(total.calls, whole),
    total.usd ? projectionOf(total.usd, usd) : unknown,
  ]);
  const models = Object.keys(estimate.prices).join(", ");
  const lines = [
    `Estimate for ${models}, answered by a SIMULATED model (schema-valid made-up replies; nothing was sent to a model)`,
    `Corpus: ${whole(estimate.seeds)} seeds, ${whole(estimate.items)} items; up to ${estimate.sample} items per skill ` +
      "run through the real flows, spread over the corpus. Per item: mean (min–max over the sample); corpus: " +
      "items × mean (range: items × the sample's lowest – highest item).",
    "",
    table([header, ...rows]),
    "",
    `Corpus tokens: input ${projectionOf(total.inputTokens, whole)}, output ${projectionOf(total.outputTokens, whole)}`,
    `By role (corpus, expected): ${Object.entries(total.byRole)
      .map(
        ([role, { calls, usd: dollars }]) =>
          `${role} ${whole(calls)} calls ${dollars === null ? "unknown" : usd(dollars)}`,
      )
      .join(", ")}`,
  ];
  for (const [label, { encoding, exact }] of Object.entries(estimate.tokenizers)) {
    lines.push(
      `Input tokens (${label}): counted on every request as sent with js-tiktoken ${encoding}` +
        (exact ? "" : " (approximate: this server's model has its own tokenizer)"),
    );
  }
  if (estimate.outputTokens.source === "from") {
    const measured = estimate.outputTokens.byAgent.filter((agent) => agent.source === "from");
    const guessed = estimate.outputTokens.byAgent.filter((agent) => agent.source === "default");
    lines.push(
      `Output tokens: the mean per agent of ${estimate.outputTokens.from}'s call log (${measured.length} agents)` +
        (guessed.length > 0
          ? `; per-role defaults for ${guessed.map((agent) => `${agent.skill}/${agent.agent}`).join(", ")}`
          : ""),
    );
  } else {
    // Only the roles the run calls: a judge without a rubric is not part of the estimate.
    const used = new Set(estimate.outputTokens.byAgent.map((agent) => agent.role));
    const defaults = Object.entries(DEFAULT_OUTPUT_TOKENS)
      .filter(([role]) => used.has(role))
      .map(([role, tokens]) => `${role} ${tokens}`)
      .join(", ");
    lines.push(
      `Output tokens: per-role defaults per call (${defaults}), a guess; --from <an earlier run's --out> uses its measured means`,
    );
  }
  for (const [label, price] of Object.entries(estimate.prices)) {
    if (price) {
      lines.push(
        `Price (${label}): $${price.input} input, $${price.output} output per 1M tokens (config prices, else the built-in table checked ${PRICES_CHECKED})`,
      );
    }
  }
  for (const label of estimate.unpriced) {
    lines.push(`Dollars: unknown (no price for ${label}); add it under "prices" in the config file`);
  }
  return lines.join("\n");
}
