// The dataset card (`README.md`) of a Hugging Face export: a YAML header the Hub reads (license, task, size, the
// files of each split, the features) and a body saying how the data was made and what was dropped on the way. Every
// number in it comes from the export just written or from the run store; nothing is guessed.
import { stringify } from "yaml";
import type { RunSummary } from "../store/run-store.js";
import { type HfFormat, leftOutWhy } from "./conversation-formats.js";
import { type Field, featuresOf } from "./hf-columns.js";
import type { Shard } from "./parquet-shards.js";

export interface CardSplit {
  name: string;
  rows: number;
  shards: Shard[];
  /** Records the format left out (alpaca: multi-turn). */
  leftOut: number;
}

/** What the run stored about its configuration (runner/run-settings.ts), as far as the card shows it. */
export interface StoredSettings {
  skills?: Array<string | { id?: string }>;
  models?: Record<string, { provider?: string; name?: string; temperature?: number }>;
  rounds?: number;
  seed?: number;
  verification?: { onDisagree?: string };
}

export interface CardInput {
  format: HfFormat;
  columns: readonly Field[];
  splits: readonly CardSplit[];
  /** As the user gave it; absent: "unknown". */
  license?: string;
  runId?: string;
  settings?: StoredSettings;
  summary: RunSummary;
  /** Items filtered (ended without records), per reason. */
  filtered: Record<string, number>;
  /** Metadata keys found in the exported records, with how many records have each. */
  metadataKeys: Record<string, number>;
  /** The report of left-out records, relative to the card, when there is one. */
  report?: string;
}

/** The Hub's size buckets. */
export function sizeCategory(rows: number): string {
  const buckets: Array<[number, string]> = [
    [1e3, "n<1K"],
    [1e4, "1K<n<10K"],
    [1e5, "10K<n<100K"],
    [1e6, "100K<n<1M"],
    [1e7, "1M<n<10M"],
    [1e8, "10M<n<100M"],
    [1e9, "100M<n<1B"],
  ];
  return buckets.find(([limit]) => rows < limit)?.[1] ?? "n>1B";
}

/** The glob of a split's shards, relative to the card: `data/<split>-*`. */
export const splitGlob = (split: string): string => `data/${split}-*`;

const COLUMN_MEANING: Record<string, string> = {
  id: "the record's id (16 hex digits); `refinement[].parent_id` names another record's id",
  messages: "the conversation, OpenAI chat format: `role` (system, user, assistant, tool) and `content`",
  conversations: "the conversation, ShareGPT: `from` (system, human, gpt, function_call, observation) and `value`",
  tools: "the tool definitions the assistant could call, as JSON text (null when the record calls none)",
  instruction: "the user turn, whole (the instruction carries its passage in it)",
  input: "empty: the instruction holds everything the user wrote",
  output: "the assistant's answer",
  system: "the system turn, when the record has one (null otherwise)",
  skill: "the skill (AgentInstruct flow) that made the record; its split is the skill's",
  seed_id: "the seed chunk (passage or code) the flow started from",
  source: "the seed's file, relative to the parent of the seeds folder (`:line` for a JSONL row, `#n` for the chunk)",
  transformation: "the content-transformation agent that rewrote the seed before instructions were written",
  instruction_type: "the instruction type, from the skill's taxonomy, the instruction was written for",
  refinement:
    "the suggester/editor rounds from the original instruction to this one: `goal`, `round`, `parent_id` (the record refined)",
  metadata: "the record's whole metadata as JSON text: the fields above and those listed below",
};

const METADATA_MEANING: Record<string, string> = {
  models: "the model of each role (transform, instruct, refine, respond, verify…)",
  usage: "tokens of the call that wrote the answer",
  expected: "the outcome the instruction was written to have (answerable, the answer, its key)",
  verification: "how the answer was checked against it: status (agrees, disagrees…), method, reason",
  flags: "warnings about the seed (suspected_prompt_injection)",
  mcq: "the options of a multiple-choice instruction",
  few_shot: "the worked examples shown in the instruction",
  tools: "the tools offered, in OpenAI form",
  tools_available: "the names of the tools offered",
  tools_called: "the tools the assistant called",
  tool_results_simulated: "tool results were written by an agent, not a real API",
  tools_used: "the agent tools used while answering (search, code execution…)",
  execution: "the result of running the answer's code in the sandbox",
  retrieved: "the passages retrieved for the answer",
  actions: "the web actions of a web-agent answer",
};
const LINEAGE_COLUMNS = ["skill", "seed_id", "source", "transformation", "instruction_type", "refinement"];

function markdownTable(header: string[], rows: string[][]): string {
  const cell = (value: string) => value.replaceAll("|", "\\|").replaceAll("\n", " ");
  return [header, header.map(() => "---"), ...rows].map((row) => `| ${row.map(cell).join(" | ")} |`).join("\n");
}

const counted = (entries: Record<string, number>) =>
  Object.entries(entries)
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));

function header(input: CardInput): string {
  const written = input.splits.filter((split) => split.rows > 0);
  const rows = written.reduce((sum, split) => sum + split.rows, 0);
  const bytes = (split: CardSplit) => split.shards.reduce((sum, shard) => sum + shard.uncompressedBytes, 0);
  const download = written.flatMap((split) => split.shards).reduce((sum, shard) => sum + shard.bytes, 0);
  const dataset = written.reduce((sum, split) => sum + bytes(split), 0);
  const yaml = {
    license: input.license ?? "unknown",
    task_categories: ["text-generation"],
    tags: ["synthetic", "agentinstruct", input.format],
    size_categories: [sizeCategory(rows)],
    configs: [
      {
        config_name: "default",
        data_files: written.map((split) => ({ split: split.name, path: splitGlob(split.name) })),
      },
    ],
    dataset_info: {
      features: featuresOf(input.columns),
      splits: written.map((split) => ({ name: split.name, num_bytes: bytes(split), num_examples: split.rows })),
      download_size: download,
      dataset_size: dataset,
    },
  };
  return `---\n${stringify(yaml, { lineWidth: 0 })}---\n`;
}

function configSection(input: CardInput): string[] {
  const settings = input.settings;
  if (!settings) return ["The run store holds no configuration for this run (it was made by an older version)."];
  const skills = (settings.skills ?? []).map((skill) => (typeof skill === "string" ? skill : (skill.id ?? "?")));
  const models = Object.entries(settings.models ?? {}).map(([role, model]) => [
    role,
    `${model.provider ?? "?"}:${model.name ?? "?"}`,
    model.temperature === undefined ? "" : String(model.temperature),
  ]);
  return [
    `- skills: ${skills.map((skill) => `\`${skill}\``).join(", ") || "none recorded"}`,
    `- refinement rounds: ${settings.rounds ?? "not recorded"}`,
    `- run seed (same seed, same choices): ${settings.seed ?? "not recorded"}`,
    `- an answer that disagrees with its expected outcome: ${settings.verification?.onDisagree ?? "not recorded"}`,
    `- seeds read: ${input.summary.seeds}`,
    "",
    markdownTable(["role", "model", "temperature"], models),
  ];
}

function dropSection(input: CardInput): string[] {
  const { summary } = input;
  const lines = [
    `Items (seed × skill): ${summary.items.total} in all, ${summary.items.done} done, ${summary.items.filtered} ` +
      `filtered (ended without a record), ${summary.items.failed} failed, ${summary.items.pending + summary.items.running} unfinished.`,
    "",
    `Declined instruction types or goals: ${summary.declined}. Seeds flagged as aimed at a model: ${summary.flaggedSeeds}. ` +
      `Inputs skipped: ${summary.skipped.length}.`,
  ];
  const dropped = counted(summary.dropped);
  lines.push(
    "",
    dropped.length > 0
      ? `Drafts and answers dropped by a check, per reason:\n\n${markdownTable(
          ["reason", "count"],
          dropped.map(([reason, count]) => [`\`${reason}\``, String(count)]),
        )}`
      : "No draft or answer was dropped by a check.",
  );
  const filtered = counted(input.filtered);
  if (filtered.length > 0) {
    lines.push(
      "",
      `Filtered items, per reason:\n\n${markdownTable(
        ["reason", "count"],
        filtered.map(([reason, count]) => [`\`${reason}\``, String(count)]),
      )}`,
    );
  }
  const leftOut = input.splits.reduce((sum, split) => sum + split.leftOut, 0);
  if (leftOut > 0) {
    lines.push(
      "",
      `${leftOut} records were left out of this ${input.format} export: ${leftOutWhy(input.format)}. Their ids are in ` +
        `\`${input.report ?? "left-out.jsonl"}\`; the \`messages\` format keeps every record.`,
    );
  }
  return lines;
}

function spendSection(summary: RunSummary): string[] {
  const usd = summary.cost.usd;
  const spend =
    usd !== null
      ? `$${usd >= 1 ? usd.toFixed(2) : usd.toFixed(4)}`
      : `unknown (${summary.cost.unknownCalls} calls to models without a known price: ${summary.cost.unpricedModels.join(", ")})`;
  return [
    `${summary.calls} model calls (${summary.cachedCalls} more answered from the cache), ${summary.tokens.input} input ` +
      `and ${summary.tokens.output} output tokens; spend: ${spend}.`,
  ];
}

function lineageSection(input: CardInput): string[] {
  const columns = input.columns.map((field) => [`\`${field.name}\``, COLUMN_MEANING[field.name] ?? ""]);
  const keys = Object.entries(input.metadataKeys)
    .filter(([key]) => !LINEAGE_COLUMNS.includes(key))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, count]) => [`\`${key}\``, String(count), METADATA_MEANING[key] ?? "added by the skill or a check"]);
  return [
    markdownTable(["column", "what it holds"], columns),
    "",
    "Keys of `metadata` in this export, besides the lineage columns (records that have each):",
    "",
    markdownTable(["key", "records", "meaning"], keys),
  ];
}

/** The card's text: the YAML header, then the body. */
export function datasetCard(input: CardInput): string {
  const rows = input.splits.reduce((sum, split) => sum + split.rows, 0);
  const license = input.license
    ? `The license of the seed documents, as given by whoever exported this dataset: \`${input.license}\`. Model ` +
      "outputs may carry their provider's terms as well."
    : "**Unknown.** No license was given for the seed documents (`agentinstruct export --license <id>`): find out " +
      "what their license allows before you publish or train on this dataset.";
  const splits = markdownTable(
    ["split", "rows", "files", "left out"],
    input.splits.map((split) => [
      split.name,
      String(split.rows),
      split.shards.length > 0 ? `${split.shards.length} (\`${splitGlob(split.name)}\`)` : "none (no row to write)",
      String(split.leftOut),
    ]),
  );
  const body = [
    "# Synthetic instruction data (agentinstruct)",
    "",
    `${rows} rows in the \`${input.format}\` format, generated with AgentInstruct flows from seed documents` +
      `${input.runId ? ` (run \`${input.runId}\`)` : ""}. Each row keeps its lineage: the seed, the transformation, ` +
      "the instruction type and every refinement round.",
    "",
    "## Splits",
    "",
    splits,
    "",
    "## How it was made",
    "",
    ...configSection(input),
    "",
    "## Columns and lineage",
    "",
    ...lineageSection(input),
    "",
    "## What was dropped",
    "",
    ...dropSection(input),
    "",
    "## Spend",
    "",
    ...spendSection(input.summary),
    "",
    "## License",
    "",
    license,
    "",
    "## Use",
    "",
    "```python",
    "from datasets import load_dataset",
    'dataset = load_dataset("path/to/this/folder")  # or "<user>/<dataset>" once uploaded',
    "```",
    "",
    "Upload: `huggingface-cli upload <user>/<dataset> path/to/this/folder . --repo-type dataset`.",
    "",
  ];
  return `${header(input)}\n${body.join("\n")}`;
}
