// How a run's state reads to a person: one table per skill plus every skipped input and failure.
import type { CallRecord, Item, ItemNote, RunCost, RunSummary } from "../runtime/store/run-store.js";

/** Dollars as a person reads them: cents from $1 up, four decimals below (test runs cost fractions of a cent). */
export function formatUsd(usd: number): string {
  return `$${usd >= 1 ? usd.toFixed(2) : usd.toFixed(4)}`;
}

/** A spend that may be unknown: never printed as $0 when a price is missing, and saying how to add one. */
export function formatSpend(usd: number | null, unpricedModels: readonly string[]): string {
  if (usd !== null) return formatUsd(usd);
  const models = unpricedModels.length > 0 ? unpricedModels.join(", ") : "some model";
  return `unknown (no price for ${models} — add it under prices in the config)`;
}

/** Per group, largest spend first; unknown groups first of all, since they make the total unknown. */
function spendList(groups: RunCost["byRole"], limit: number): string {
  const entries = Object.entries(groups).sort(([, a], [, b]) => (b ?? Infinity) - (a ?? Infinity));
  const shown = entries.slice(0, limit).map(([name, usd]) => `${name} ${usd === null ? "unknown" : formatUsd(usd)}`);
  if (entries.length > limit) shown.push(`… and ${entries.length - limit} more`);
  return shown.join(", ") || "none";
}

export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
        .join("  "),
    )
    .join("\n");
}

export function formatSummary(summary: RunSummary, options: { out: string; listLimit?: number }): string {
  const limit = options.listLimit ?? 20;
  const header = ["skill", "total", "done", "failed", "filtered", "pending", "running", "records", "calls", "cost"];
  const skillCost = (skill: string) => {
    const usd = summary.cost.bySkill[skill];
    return usd === null ? "unknown" : formatUsd(usd ?? 0);
  };
  const rows = summary.bySkill.map((skill) => [
    skill.skill,
    String(skill.pending + skill.running + skill.done + skill.failed + skill.filtered),
    String(skill.done),
    String(skill.failed),
    String(skill.filtered),
    String(skill.pending),
    String(skill.running),
    String(skill.records),
    String(skill.calls),
    skillCost(skill.skill),
  ]);
  const { items } = summary;
  rows.push([
    "all",
    String(items.total),
    String(items.done),
    String(items.failed),
    String(items.filtered),
    String(items.pending),
    String(items.running),
    String(summary.records),
    String(summary.calls),
    summary.cost.usd === null ? "unknown" : formatUsd(summary.cost.usd),
  ]);
  const lines = [
    `Run at ${options.out}`,
    table([header, ...rows]),
    "",
    `seeds ${summary.seeds} | records ${summary.records} | LLM calls ${summary.calls} (${summary.retries} retries, ${summary.cachedCalls} answered from cache, ${summary.failedCalls} failed) | tokens ${summary.tokens.input} in / ${summary.tokens.output} out`,
    ...costLines(summary.cost, limit),
    cacheLine(summary.cache),
  ];
  const list = (title: string, entries: Array<{ source: string; reason: string }>) => {
    if (entries.length === 0) return;
    lines.push("", `${title} (${entries.length}):`);
    for (const entry of entries.slice(0, limit)) lines.push(`  ${entry.source}: ${entry.reason}`);
    if (entries.length > limit) lines.push(`  … and ${entries.length - limit} more (status --json lists all)`);
  };
  const dropped = Object.entries(summary.dropped);
  if (dropped.length > 0 || summary.declined > 0 || summary.flaggedSeeds > 0) {
    lines.push(
      "",
      `dropped ${dropped.map(([reason, n]) => `${reason} ${n}`).join(", ") || "none"} | declined ${summary.declined} | ` +
        `seeds flagged suspected_prompt_injection ${summary.flaggedSeeds}`,
    );
  }
  list("Skipped inputs", summary.skipped);
  list("Inputs used with a warning", summary.warnings);
  list(
    "Failed items",
    summary.failures.map((failure) => ({ source: failure.item, reason: failure.error })),
  );
  return lines.join("\n");
}

/** Spend for the run, by role and by agent; when nothing has a known price, one line says so (not one per group). */
function costLines(cost: RunSummary["cost"], limit: number): string[] {
  const total =
    `cost ${formatSpend(cost.usd, cost.unpricedModels)}` +
    (cost.unknownCalls > 0 ? ` (${cost.unknownCalls} calls without a price)` : "");
  const groups = Object.values(cost.byRole);
  if (groups.length === 0 || groups.every((usd) => usd === null)) return [total];
  const more = Object.keys(cost.byAgent).length > 8 ? " (status --json lists all)" : "";
  return [
    `${total} | by role: ${spendList(cost.byRole, limit)}`,
    `cost by agent: ${spendList(cost.byAgent, 8)}${more}`,
  ];
}

/** What the response cache saved: hits, dollars (unknown when a hit's model has no price, never $0) and tokens. */
function cacheLine(cache: RunSummary["cache"]): string {
  // No hit, nothing saved: "$0" would read as a price this run may not have.
  if (cache.hits === 0) return "cache hits 0";
  const dollars = cache.savedUsd === null ? "unknown" : formatUsd(cache.savedUsd);
  return `cache hits ${cache.hits} | saved ${dollars} | saved tokens ${cache.savedTokens.input} in / ${cache.savedTokens.output} out`;
}

/** The machine-readable status (`status --json`). */
export function summaryJson(summary: RunSummary): Record<string, unknown> {
  return {
    items: summary.items,
    records: summary.records,
    dropped: summary.dropped,
    droppedBySkill: summary.droppedBySkill,
    declined: summary.declined,
    flaggedSeeds: summary.flaggedSeeds,
    seeds: summary.seeds,
    skipped: summary.skipped,
    warnings: summary.warnings,
    calls: summary.calls,
    cachedCalls: summary.cachedCalls,
    failedCalls: summary.failedCalls,
    retries: summary.retries,
    tokens: summary.tokens,
    cost: summary.cost,
    cache: summary.cache,
    skills: summary.bySkill,
    failures: summary.failures,
  };
}

/** One item: its state, and every model call it made, in order. */
export function formatItem(
  item: Item,
  source: string | undefined,
  calls: CallRecord[],
  notes: ItemNote[] = [],
): string {
  const lines = [
    `${item.id} (${source ?? "unknown source"})`,
    `status ${item.status}, attempts ${item.attempts}, records ${item.records}`,
  ];
  if (item.reason) lines.push(`reason: ${item.reason}`);
  if (item.error) lines.push(`error: ${item.error.message}`);
  for (const note of notes) {
    lines.push(`${note.kind} ${note.subject} (${note.reason}): ${note.detail}`);
    if (note.key !== undefined) lines.push(`  key: ${note.key}`);
    if (note.answer !== undefined) lines.push(`  teacher's answer: ${note.answer.replaceAll("\n", "\n    ")}`);
  }
  if (calls.length > 0) {
    const rows = calls.map((call) => [
      call.agent,
      call.model,
      call.cached ? "cache" : String(call.attempts),
      String(call.usage.input_tokens),
      String(call.usage.output_tokens),
      `${call.latencyMs} ms`,
      call.costUsd === undefined ? "unknown" : formatUsd(call.costUsd),
      call.error ?? "",
    ]);
    // time: from queueing the call to its answer, retries and backoff included.
    lines.push("", table([["agent", "model", "attempts", "in", "out", "time", "cost", "error"], ...rows]));
  }
  return lines.join("\n");
}
