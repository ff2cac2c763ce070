// The report as one self-contained HTML file: inline CSS, charts as inline SVG, and a few lines of inline script for
// the record browser. Nothing is fetched (the Content-Security-Policy forbids it), and records are model output, so
// every piece of text is escaped and only the report's own script (allowed by its hash) may run.
import { createHash } from "node:crypto";
import type { ChatTurn } from "../models/chat-turn.js";
import type { Coverage, SplitDiversity } from "./diversity.js";
import { instructionText } from "./diversity.js";
import type { ReportData, SampledRecord } from "./report-data.js";
import { type Bar, barChart, escapeHtml, histogramChart } from "./svg-charts.js";

const e = escapeHtml;
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const usd = (value: number) => `$${value >= 1 ? value.toFixed(2) : value.toFixed(4)}`;
const slug = (text: string) => text.replace(/[^a-z0-9_-]/gi, "_");

const STYLE = `
:root{--ink:#1d2430;--muted:#5b6573;--line:#d8dde4;--bar:#3b6fb6;--bg:#f6f7f9;--card:#fff;--accent:#b6463b}
*{box-sizing:border-box}[hidden]{display:none!important}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:var(--bg)}
header{padding:18px 28px;background:#1d2430;color:#fff}header h1{margin:0 0 4px;font-size:20px}header p{margin:0;color:#c9d1dc}
main{padding:12px 28px 40px;max-width:1400px}h2{margin:28px 0 8px;font-size:17px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{margin:18px 0 6px;font-size:15px}.grid{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}
.chart{margin:0;background:var(--card);border:1px solid var(--line);border-radius:6px;padding:8px 10px}
.chart figcaption{font-weight:600;margin-bottom:4px}.chart svg{display:block}.chart .none{color:var(--muted);margin:4px 0}
.bar{fill:var(--bar)}.bar.unknown{fill:#c4c9d1;opacity:.6}.label,.value{font-size:12px;fill:var(--ink)}.axis{stroke:var(--muted)}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}.card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:8px 12px;min-width:130px}
.card b{display:block;font-size:18px}.card span{color:var(--muted);font-size:12px}
table{border-collapse:collapse;background:var(--card)}td,th{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
th{background:#eef1f5}.muted{color:var(--muted)}.missing{color:var(--muted);font-size:12px;max-width:1100px}
.browser{display:flex;gap:12px;align-items:flex-start}.list{width:360px;flex:none;max-height:80vh;overflow:auto;background:var(--card);border:1px solid var(--line);border-radius:6px}
.list button{display:block;width:100%;text-align:left;border:0;border-bottom:1px solid var(--line);background:none;padding:6px 8px;cursor:pointer;font:inherit}
.list button:hover{background:#eef3fb}.list button[aria-pressed=true]{background:#dce8f8}.list small{color:var(--muted);display:block}
.list h4{margin:0;padding:6px 8px;background:#eef1f5;font-size:13px;position:sticky;top:0}
.detail{flex:1;min-width:0;background:var(--card);border:1px solid var(--line);border-radius:6px;padding:10px 14px}
pre{white-space:pre-wrap;word-break:break-word;background:#f3f5f8;border:1px solid var(--line);border-radius:4px;padding:6px 8px;margin:4px 0;max-height:340px;overflow:auto}
.turn b{text-transform:uppercase;font-size:11px;color:var(--muted)}ol.chain li{margin-bottom:6px}
input[type=search]{width:360px;padding:6px 8px;margin:6px 0 10px;border:1px solid var(--line);border-radius:4px;font:inherit}
`;

/** The record browser: click a record to show its lineage; the search box filters the list. */
const SCRIPT = `
(function(){
  var buttons = Array.prototype.slice.call(document.querySelectorAll("[data-record]"));
  var panels = Array.prototype.slice.call(document.querySelectorAll(".record"));
  var hint = document.getElementById("hint");
  function show(id){
    panels.forEach(function(panel){ panel.hidden = panel.id !== "record-" + id; });
    buttons.forEach(function(button){ button.setAttribute("aria-pressed", String(button.getAttribute("data-record") === id)); });
    if (hint) hint.hidden = true;
  }
  buttons.forEach(function(button){ button.addEventListener("click", function(){ show(button.getAttribute("data-record")); }); });
  var search = document.getElementById("search");
  var count = document.getElementById("shown");
  if (search) search.addEventListener("input", function(){
    var query = search.value.toLowerCase().trim();
    var shown = 0;
    buttons.forEach(function(button){
      var match = query === "" || button.getAttribute("data-text").indexOf(query) !== -1;
      button.hidden = !match;
      if (match) shown += 1;
    });
    if (count) count.textContent = String(shown);
  });
})();
`;

const SCRIPT_HASH = createHash("sha256").update(SCRIPT).digest("base64");

function card(value: string, label: string): string {
  return `<div class="card"><b>${e(value)}</b><span>${e(label)}</span></div>`;
}

/** Dollars per group, unknown (no price) drawn as such; tokens per group as in / out. */
function spendBars(groups: Record<string, number | null>): Bar[] {
  return Object.entries(groups)
    .sort(([, a], [, b]) => (b ?? Infinity) - (a ?? Infinity))
    .map(([label, value]) =>
      value === null
        ? { label, value: 0, text: "unknown (no price)", unknown: true }
        : { label, value, text: usd(value) },
    );
}

function tokenBars(groups: Record<string, { input: number; output: number }>): Bar[] {
  return Object.entries(groups)
    .map(([label, tokens]) => ({
      label,
      value: tokens.input + tokens.output,
      text: `${tokens.input.toLocaleString("en-US")} in / ${tokens.output.toLocaleString("en-US")} out`,
    }))
    .sort((a, b) => b.value - a.value);
}

const countBars = (counts: Record<string, number>): Bar[] =>
  Object.entries(counts)
    .map(([label, value]) => ({ label, value }))
    .sort((a, b) => b.value - a.value || (a.label < b.label ? -1 : 1));

function runSection(data: ReportData): string {
  const { summary } = data;
  const cost = summary.cost;
  const total =
    cost.usd === null ? `unknown (${cost.unpricedModels.join(", ") || "a model"} has no price)` : usd(cost.usd);
  return `
<section id="run">
<div class="cards">
${card(summary.records.toLocaleString("en-US"), "records")}
${card(`${summary.items.done}/${summary.items.total}`, "items done")}
${card(String(summary.items.filtered), "items filtered")}
${card(String(summary.items.failed), "items failed")}
${card(summary.seeds.toLocaleString("en-US"), "seeds")}
${card(summary.calls.toLocaleString("en-US"), `LLM calls (${summary.cachedCalls} from cache)`)}
${card(`${summary.tokens.input.toLocaleString("en-US")} / ${summary.tokens.output.toLocaleString("en-US")}`, "tokens in / out")}
${card(total, "spend")}
</div>
<h2>Spend and tokens</h2>
<div class="grid">
${barChart({ id: "spend-skill", title: "Spend per skill", bars: spendBars(cost.bySkill), empty: "no calls" })}
${barChart({ id: "spend-role", title: "Spend per role", bars: spendBars(cost.byRole), empty: "no calls" })}
${barChart({ id: "tokens-skill", title: "Tokens per skill", bars: tokenBars(cost.tokensBySkill), empty: "no calls" })}
${barChart({ id: "tokens-role", title: "Tokens per role", bars: tokenBars(cost.tokensByRole), empty: "no calls" })}
</div>
<h2>Dropped, filtered and failed</h2>
<div class="grid">
${barChart({ id: "dropped", title: "Drafts and answers dropped, per reason", bars: countBars(summary.dropped), empty: "nothing dropped" })}
${barChart({ id: "filtered", title: "Items filtered, per reason", bars: countBars(data.filteredReasons), empty: "no item filtered" })}
${barChart({ id: "failed", title: "Items failed, per error", bars: countBars(data.failureReasons), empty: "no item failed" })}
</div>
<p class="muted">Declined instruction types and goals: ${summary.declined}. Seeds flagged suspected_prompt_injection: ${summary.flaggedSeeds}. Inputs skipped: ${summary.skipped.length}.</p>
</section>`;
}

function coverageText(coverage: Coverage): string {
  return coverage.available === null
    ? `${coverage.used} used (taxonomy unknown)`
    : `${coverage.used}/${coverage.available} (${percent(coverage.coverage ?? 0)})`;
}

function missingLine(name: string, coverage: Coverage): string {
  if (coverage.missing.length === 0 && coverage.outside.length === 0) return "";
  const outside = coverage.outside.length > 0 ? ` Not in the taxonomy: ${coverage.outside.map(e).join(", ")}.` : "";
  const missing = coverage.missing.length > 0 ? `${name} never used: ${coverage.missing.map(e).join(", ")}.` : "";
  return `<p class="missing">${missing}${outside}</p>`;
}

function splitSection(split: SplitDiversity): string {
  const id = slug(split.split);
  const { coverage, distinct, lengths, openings } = split;
  const coverageBars: Bar[] = [
    ["transformations", coverage.transformations],
    ["instruction types", coverage.instructionTypes],
    ["refinement goals", coverage.refinementGoals],
  ].map(([label, entry]) => ({
    label: label as string,
    value: (entry as Coverage).coverage ?? 0,
    text: coverageText(entry as Coverage),
  }));
  const distinctBars: Bar[] = [
    ...distinct.instructions.map((entry) => ({ label: `instructions distinct-${entry.n}`, entry })),
    ...distinct.responses.map((entry) => ({ label: `responses distinct-${entry.n}`, entry })),
  ].map(({ label, entry }) => ({
    label,
    value: entry.ratio,
    text: `${entry.ratio.toFixed(3)}${entry.exact ? "" : " (est.)"}`,
  }));
  const q = (stats: SplitDiversity["lengths"]["instructions"]) =>
    `<td>${stats.mean}</td><td>${stats.min}</td><td>${stats.quantiles.p10}</td><td>${stats.quantiles.p25}</td><td>${stats.quantiles.p50}</td><td>${stats.quantiles.p75}</td><td>${stats.quantiles.p90}</td><td>${stats.quantiles.p99}</td><td>${stats.max}</td>`;
  const openingBars = (which: "instructions" | "responses"): Bar[] =>
    openings[which].topStems.map((entry) => ({
      label: entry.stem,
      value: entry.share,
      text: `${entry.count} (${percent(entry.share)})`,
    }));
  return `
<section class="split" id="split-${e(id)}">
<h3>Split ${e(split.split)} <span class="muted">— ${split.records} records (${split.refined} refined), skill ${split.skills.map(e).join(", ")}</span></h3>
<p>Near-duplicates before removal: <b>${percent(split.duplicates.rate)}</b> (${split.duplicates.near} near, ${split.duplicates.exact} exact dropped). Opening stems: top 10 cover ${percent(openings.instructions.top10Share)} of instructions, entropy ${openings.instructions.entropyBits.toFixed(2)} bits (${openings.instructions.normalizedEntropy.toFixed(2)} of even).</p>
<div class="grid">
${barChart({ id: `coverage-${id}`, title: "Taxonomy coverage (used / available)", bars: coverageBars, max: 1 })}
${barChart({ id: `distinct-${id}`, title: "distinct-n (distinct n-grams / n-grams)", bars: distinctBars, max: 1 })}
${barChart({ id: `transformations-${id}`, title: "Records per transformation", bars: countBars(coverage.transformations.counts) })}
${barChart({ id: `goals-${id}`, title: "Records per refinement goal", bars: countBars(coverage.refinementGoals.counts), empty: "no refined record" })}
${barChart({ id: `types-${id}`, title: "Records per instruction type", bars: countBars(coverage.instructionTypes.counts) })}
${histogramChart({ id: `length-instructions-${id}`, title: "Instruction length (words)", bins: lengths.instructions.histogram, unit: "words" })}
${histogramChart({ id: `length-responses-${id}`, title: "Response length (words)", bins: lengths.responses.histogram, unit: "words" })}
${barChart({ id: `openings-${id}`, title: "Instruction opening stems (top 10)", bars: openingBars("instructions") })}
${barChart({ id: `openings-responses-${id}`, title: "Response opening stems (top 10)", bars: openingBars("responses") })}
</div>
${missingLine("Transformations", coverage.transformations)}${missingLine("Instruction types", coverage.instructionTypes)}${missingLine("Refinement goals", coverage.refinementGoals)}
<table><tr><th>words</th><th>mean</th><th>min</th><th>p10</th><th>p25</th><th>median</th><th>p75</th><th>p90</th><th>p99</th><th>max</th></tr>
<tr><th>instructions</th>${q(lengths.instructions)}</tr><tr><th>responses</th>${q(lengths.responses)}</tr></table>
<p class="muted">Most common first two words of instructions: ${openings.instructions.topBigrams.map((entry) => `“${e(entry.words)}” ${entry.count}`).join(", ") || "none"}.</p>
</section>`;
}

function json(value: unknown): string {
  return `<pre>${e(JSON.stringify(value, null, 2))}</pre>`;
}

function turn(message: ChatTurn): string {
  const calls = "tool_calls" in message && message.tool_calls ? json(message.tool_calls) : "";
  return `<div class="turn"><b>${e(message.role)}</b><pre>${e(message.content)}</pre>${calls}</div>`;
}

const SHOWN_METADATA = new Set([
  "skill",
  "seed_id",
  "source",
  "transformation",
  "instruction_type",
  "instruction",
  "refinement",
  "models",
  "usage",
  "expected",
  "verification",
]);

function recordPanel(sampled: SampledRecord): string {
  const { record, seed, parents } = sampled;
  const meta = record.metadata;
  const chain = (meta.refinement ?? []).map((step, index) => {
    const parent = parents[index];
    const before =
      parent?.instruction !== undefined
        ? `<pre>${e(parent.instruction)}</pre>`
        : `<p class="muted">(parent ${e(step.parent_id)} is not a record: its answer was dropped)</p>`;
    return `<li>round ${step.round}: <b>${e(step.goal)}</b> applied to parent <code>${e(step.parent_id)}</code>${before}</li>`;
  });
  const extra = Object.fromEntries(Object.entries(meta).filter(([key]) => !SHOWN_METADATA.has(key)));
  const models = Object.entries(meta.models ?? {})
    .map(([role, model]) => `<tr><td>${e(role)}</td><td>${e(model)}</td></tr>`)
    .join("");
  return `
<article class="record" id="record-${e(record.id)}" hidden>
<h3>Record <code>${e(record.id)}</code> <span class="muted">split ${e(record.split)}, skill ${e(meta.skill)}</span></h3>
<table>
<tr><th>seed</th><td><code>${e(meta.seed_id)}</code> from ${e(meta.source)}</td></tr>
<tr><th>transformation</th><td>${e(meta.transformation)}</td></tr>
<tr><th>instruction type</th><td>${e(meta.instruction_type)}</td></tr>
<tr><th>usage</th><td>${meta.usage?.input_tokens ?? 0} tokens in / ${meta.usage?.output_tokens ?? 0} out</td></tr>
</table>
<h4>Seed passage</h4>
${seed ? `<pre class="seed">${e(seed.text)}</pre>` : `<p class="muted">(the store no longer holds this seed)</p>`}
<h4>Instruction</h4><pre class="instruction">${e(instructionText(record))}</pre>
<h4>Refinement chain</h4>
${chain.length > 0 ? `<ol class="chain">${chain.join("")}</ol>` : `<p class="muted">an original instruction (not refined)</p>`}
<h4>Conversation</h4>
${record.messages.map(turn).join("")}
<h4>Expected outcome</h4>
${meta.expected === undefined ? `<p class="muted">none recorded</p>` : json(meta.expected)}
<h4>Verification</h4>
${meta.verification === undefined ? `<p class="muted">not verified</p>` : json(meta.verification)}
<h4>Models</h4>
<table><tr><th>role</th><th>model</th></tr>${models}</table>
${Object.keys(extra).length > 0 ? `<h4>Other metadata</h4>${json(extra)}` : ""}
</article>`;
}

function recordButton(sampled: SampledRecord): string {
  const { record } = sampled;
  const instruction = instructionText(record);
  const searchable = [
    record.id,
    record.split,
    record.metadata.transformation,
    record.metadata.instruction_type,
    ...(record.metadata.refinement ?? []).map((step) => step.goal),
    instruction,
  ]
    .join(" ")
    .toLowerCase();
  const preview = instruction.length > 110 ? `${instruction.slice(0, 109)}…` : instruction;
  return `<button type="button" data-record="${e(record.id)}" data-text="${e(searchable)}" aria-pressed="false">${e(preview)}<small>${e(record.metadata.instruction_type)} · ${e(record.metadata.transformation)}${(record.metadata.refinement ?? []).length > 0 ? ` · refined ×${record.metadata.refinement.length}` : ""}</small></button>`;
}

function samplesSection(data: ReportData): string {
  const splits = Object.entries(data.samples);
  const total = splits.reduce((sum, [, records]) => sum + records.length, 0);
  if (total === 0) return `<h2>Records</h2><p class="muted">The run has no records yet.</p>`;
  const lists = splits
    .map(
      ([split, records]) =>
        `<h4>${e(split)} (${records.length} of ${data.diversity[split]?.records ?? records.length})</h4>${records.map(recordButton).join("")}`,
    )
    .join("");
  return `
<h2>Records</h2>
<p class="muted">A sample of up to ${data.sampleSize} records per split, drawn uniformly (the same run gives the same sample). Click one to see its lineage.</p>
<input type="search" id="search" placeholder="Search instructions, types, transformations, ids" aria-label="Search records"> <span class="muted"><span id="shown">${total}</span> shown</span>
<div class="browser"><nav class="list" aria-label="Sampled records">${lists}</nav>
<div class="detail"><p id="hint" class="muted">Select a record on the left.</p>${splits.flatMap(([, records]) => records.map(recordPanel)).join("")}</div></div>`;
}

export function renderReport(data: ReportData): string {
  const splits = Object.values(data.diversity);
  const duplicateBars: Bar[] = splits.map((split) => ({
    label: split.split,
    value: split.duplicates.rate,
    text: `${percent(split.duplicates.rate)} (${split.duplicates.near + split.duplicates.exact})`,
  }));
  const recordBars: Bar[] = splits.map((split) => ({ label: split.split, value: split.records }));
  const policy = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src data:; form-action 'none'; base-uri 'none'`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>agentinstruct report — ${e(data.where)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>agentinstruct report</h1><p>Run at ${e(data.where)}${data.runId ? ` (run ${e(data.runId)})` : ""} · generated ${e(data.generatedAt)}</p></header>
<main>
${runSection(data)}
<h2>Diversity</h2>
<div class="grid">
${barChart({ id: "records-split", title: "Records per split", bars: recordBars, empty: "no records yet" })}
${barChart({ id: "duplicates-split", title: "Near-duplicate rate before removal, per split", bars: duplicateBars, empty: "no records yet" })}
</div>
${splits.map(splitSection).join("")}
${samplesSection(data)}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
