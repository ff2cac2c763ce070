// Every export format read back by a reader, as a trainer would load it: JSONL parsed and compared field by field
// with the run store's records, Parquet shards read with hyparquet (in shard order, across shards), the dataset
// card's YAML header parsed with `yaml` and checked against the files written. One real run (the CLI as a child
// process, real HTTP to the test server, a real SQLite store) with single-turn, multi-turn and tool-calling skills,
// and a store built directly for the cases a run does not make on demand.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parquetMetadata, parquetReadObjects, parquetSchema } from "hyparquet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { ChatTurn } from "../runtime/models/chat-turn.js";
import type { DatasetRecord } from "../runtime/store/run-store.js";
import { openSqliteStore } from "../runtime/store/sqlite-store.js";
import { runCli, sampleRunArgs, testServerEnv } from "./support/cli.js";
import { readJsonl } from "./support/dataset.js";
import { startTestServer, type TestServer } from "./support/openai-test-server.js";
import { readRecords } from "./support/records.js";

let server: TestServer;
let work: string;
let out: string;
let records: DatasetRecord[];
let status: { dropped: Record<string, number>; records: number };

const bySplit = (rows: DatasetRecord[], split: string) => rows.filter((record) => record.split === split);
const SPLITS = ["follow_up", "rc", "tool_use"];

beforeAll(async () => {
  server = await startTestServer({ latencyMs: 1 });
  work = await mkdtemp(join(tmpdir(), "export-formats-"));
  out = join(work, "run");
  // Reading comprehension (one question, one answer), conversation (multi-turn) and tool use (tool calls and
  // results); disagreeing answers kept, so every refinement's parent is in the export too.
  const args = sampleRunArgs(out, "--rounds", "1", "--on-disagree", "keep", "--workers", "1").map((arg) =>
    arg === "rc" ? "rc,follow_up,tool-use" : arg,
  );
  const run = await runCli(args, { env: testServerEnv(server.url) });
  expect(run.code, run.stderr).toBe(0);
  records = await readRecords(out);
  status = JSON.parse((await runCli(["status", out, "--json"])).stdout);
}, 300_000);
afterAll(async () => {
  await server.close();
});

async function exportRun(...flags: string[]) {
  const to = join(work, flags.join("_").replace(/[^a-z0-9_]+/gi, ""));
  const result = await runCli(["export", out, "--to", to, ...flags]);
  expect(result.code, result.stderr).toBe(0);
  return { to, ...result };
}

/** The ids and reasons of a left-out report. */
const reportOf = (to: string) => readJsonl(join(to, "left-out.jsonl")) as Array<Record<string, string>>;

/** The rows of a split's shards, read in shard order, and the shards' names. */
async function readShards(dir: string, split: string) {
  const names = readdirSync(dir)
    .filter((name) => name.startsWith(`${split}-`))
    .sort();
  const rows: Array<Record<string, unknown>> = [];
  for (const name of names) {
    const buffer = readFileSync(join(dir, name));
    const file = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
    rows.push(...((await parquetReadObjects({ file })) as Array<Record<string, unknown>>));
  }
  return { names, rows };
}

function schemaOf(path: string) {
  const buffer = readFileSync(path);
  const metadata = parquetMetadata(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
  return { groups: metadata.row_groups.length, columns: parquetSchema(metadata).children.map((c) => c.element.name) };
}

/** The card's YAML header and its body. */
function readCard(to: string): { header: Record<string, unknown>; body: string } {
  const text = readFileSync(join(to, "README.md"), "utf8");
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  expect(match, "README.md opens with a YAML header between --- lines").not.toBeNull();
  return { header: parse(match?.[1] ?? "") as Record<string, unknown>, body: match?.[2] ?? "" };
}

/** A Hub data_files glob (`data/rc-*`) as the files of `to` it matches. */
function globFiles(to: string, glob: string): string[] {
  const [dir, pattern] = [glob.slice(0, glob.lastIndexOf("/")), glob.slice(glob.lastIndexOf("/") + 1)];
  const regex = new RegExp(`^${pattern.replaceAll(".", "\\.").replaceAll("*", ".*")}$`);
  return readdirSync(join(to, dir))
    .filter((name) => regex.test(name))
    .map((name) => `${dir}/${name}`)
    .sort();
}

/** A Parquet reader gives a null for each field a struct lacks (a turn without tool calls): compared without them. */
const withoutNulls = (turns: unknown): unknown =>
  (turns as Array<Record<string, unknown>>).map((turn) =>
    Object.fromEntries(Object.entries(turn).filter(([, value]) => value !== null && value !== undefined)),
  );

const isSingleTurn = (record: DatasetRecord) => {
  const turns = record.messages.filter((turn, index) => !(index === 0 && turn.role === "system"));
  return turns.map((turn) => turn.role).join(",") === "user,assistant" && !turns[1]?.tool_calls?.length;
};
const hasTextBesideCalls = (record: DatasetRecord) =>
  record.messages.some((turn) => (turn.tool_calls?.length ?? 0) > 0 && turn.content.trim() !== "");

describe("the run the exports read", () => {
  it("has single-turn, multi-turn and tool-calling records in three splits", () => {
    expect([...new Set(records.map((record) => record.split))].sort()).toEqual(SPLITS);
    expect(bySplit(records, "rc").every(isSingleTurn)).toBe(true);
    expect(bySplit(records, "follow_up").every((record) => record.messages.length >= 4)).toBe(true);
    const toolTurns = bySplit(records, "tool_use").flatMap((record) => record.messages);
    expect(toolTurns.some((turn) => turn.role === "tool")).toBe(true);
    expect(status.records).toBe(records.length);
  });
});

describe("export --format messages (OpenAI chat fine-tuning JSONL)", () => {
  it("writes each record's turns as stored, tools beside a tool-calling record's, nothing else", async () => {
    const { to, stdout } = await exportRun("--format", "messages");
    for (const split of SPLITS) {
      const expected = bySplit(records, split);
      expect(stdout).toContain(`${join(to, `${split}.jsonl`)}\t${expected.length} rows`);
      const rows = readJsonl(join(to, `${split}.jsonl`)) as Array<{ messages: ChatTurn[]; tools?: unknown }>;
      expect(rows).toHaveLength(expected.length);
      rows.forEach((row, index) => {
        const record = expected[index] as DatasetRecord;
        expect(row.messages).toEqual(record.messages);
        // A system turn only where the record has one (no empty system turn as orca adds).
        expect(row.messages[0]?.role === "system").toBe(record.messages[0]?.role === "system");
        if (record.metadata.tools) expect(Object.keys(row)).toEqual(["messages", "tools"]);
        else expect(Object.keys(row)).toEqual(["messages"]);
        expect(row.tools).toEqual(record.metadata.tools);
      });
    }
    expect(bySplit(records, "rc").every((record) => record.messages[0]?.role !== "system")).toBe(true);
    expect(existsSync(join(to, "left-out.jsonl"))).toBe(false);
  });
});

describe("export --format sharegpt", () => {
  it("maps roles to human/gpt/system and tool turns to LLaMA-Factory's function_call/observation", async () => {
    const { to } = await exportRun("--format", "sharegpt");
    const FROM: Record<string, string> = { system: "system", user: "human", assistant: "gpt" };
    for (const split of ["rc", "follow_up"]) {
      const rows = readJsonl(join(to, `${split}.jsonl`)) as Array<{ conversations: unknown[] }>;
      expect(rows).toEqual(
        bySplit(records, split).map((record) => ({
          conversations: record.messages.map((turn) => ({ from: FROM[turn.role], value: turn.content })),
        })),
      );
    }
    const tool = bySplit(records, "tool_use");
    const kept = tool.filter((record) => !hasTextBesideCalls(record));
    const rows = readJsonl(join(to, "tool_use.jsonl")) as Array<{
      conversations: Array<{ from: string; value: string }>;
      tools: string;
    }>;
    expect(rows).toHaveLength(kept.length);
    rows.forEach((row, index) => {
      const record = kept[index] as DatasetRecord;
      const turns = row.conversations;
      // LLaMA-Factory's rule: after an optional system turn, human/observation and gpt/function_call alternate.
      const body = turns[0]?.from === "system" ? turns.slice(1) : turns;
      for (const [position, turn] of body.entries()) {
        expect(position % 2 === 0 ? ["human", "observation"] : ["gpt", "function_call"]).toContain(turn.from);
      }
      const calls = record.messages.flatMap((turn) => turn.tool_calls ?? []);
      const written = turns
        .filter((turn) => turn.from === "function_call")
        .flatMap((turn) => JSON.parse(turn.value) as Array<{ name: string; arguments: unknown }>);
      expect(written).toEqual(
        calls.map((call) => ({ name: call.function.name, arguments: JSON.parse(call.function.arguments) })),
      );
      const results = record.messages.filter((turn) => turn.role === "tool").map((turn) => turn.content);
      const observed = turns
        .filter((turn) => turn.from === "observation")
        .flatMap((turn) => (turn.value.startsWith("[") ? (JSON.parse(turn.value) as string[]) : [turn.value]));
      expect(observed).toEqual(results);
      const tools = record.metadata.tools as Array<{ function: unknown }>;
      expect(JSON.parse(row.tools)).toEqual(tools.map((entry) => entry.function));
    });
    // Text an assistant wrote beside its calls has no ShareGPT turn: those records are reported, not changed.
    const left = tool.filter(hasTextBesideCalls);
    const report = existsSync(join(to, "left-out.jsonl")) ? reportOf(to) : [];
    expect(report.map((entry) => entry.id)).toEqual(left.map((record) => record.id));
    expect(report.every((entry) => entry.reason === "text_with_tool_calls")).toBe(true);
  });
});

describe("export --format alpaca", () => {
  it("writes single-turn records and leaves out multi-turn ones, counted per split and listed by id", async () => {
    const { to, stdout, stderr } = await exportRun("--format", "alpaca");
    const rc = readJsonl(join(to, "rc.jsonl"));
    expect(rc).toEqual(
      bySplit(records, "rc").map((record) => ({
        instruction: record.messages[0]?.content,
        input: "",
        output: record.messages[1]?.content,
      })),
    );
    const left = records.filter((record) => !isSingleTurn(record));
    const followUp = bySplit(left, "follow_up").length;
    const toolUse = bySplit(left, "tool_use").length;
    expect(followUp).toBe(bySplit(records, "follow_up").length);
    expect(readJsonl(join(to, "follow_up.jsonl"))).toEqual([]);
    expect(readJsonl(join(to, "tool_use.jsonl"))).toHaveLength(bySplit(records, "tool_use").length - toolUse);
    const report = reportOf(to);
    expect(report.map((entry) => entry.id).sort()).toEqual(left.map((record) => record.id).sort());
    expect(report.every((entry) => entry.reason === "multi_turn" && /^\d+ turns \(/.test(entry.detail ?? ""))).toBe(
      true,
    );
    const counts = [followUp && `follow_up ${followUp}`, toolUse && `tool_use ${toolUse}`].filter(Boolean).join(", ");
    expect(stdout).toContain(`${join(to, "left-out.jsonl")}\t${left.length} records left out (${counts})`);
    expect(stderr).toContain("multi-turn records are left out, not flattened");
    expect(stderr).toContain(`${left.length} records were left out`);
  });
});

describe("export --hf (Hugging Face layout)", () => {
  const SHARD = 20_000;
  let hf: { to: string; stdout: string; stderr: string };

  beforeAll(async () => {
    hf = await exportRun("--hf", "--shard-size", "20KB", "--license", "CC-BY-4.0");
  });

  it("shards each split by size, named <split>-0000i-of-0000N.parquet", () => {
    const files = readdirSync(join(hf.to, "data")).sort();
    for (const split of SPLITS) {
      const shards = files.filter((name) => name.startsWith(`${split}-`));
      expect(shards.length, split).toBeGreaterThan(1);
      const count = String(shards.length).padStart(5, "0");
      expect(shards).toEqual(
        shards.map((_, index) => `${split}-${String(index).padStart(5, "0")}-of-${count}.parquet`),
      );
      // A shard ends before a row group would take it past the size (the last group's footer is an estimate).
      for (const name of shards) expect(statSync(join(hf.to, "data", name)).size).toBeLessThanOrEqual(SHARD * 1.1);
    }
    expect(files.every((name) => name.endsWith(".parquet"))).toBe(true);
  });

  it("holds every record, across shards in order, with its conversation and lineage", async () => {
    for (const split of SPLITS) {
      const { names, rows } = await readShards(join(hf.to, "data"), split);
      const expected = bySplit(records, split);
      expect(rows).toHaveLength(expected.length);
      rows.forEach((row, index) => {
        const record = expected[index] as DatasetRecord;
        const { metadata } = record;
        expect(row.id).toBe(record.id);
        expect(withoutNulls(row.messages)).toEqual(record.messages);
        const plain = (row.messages as Array<Record<string, unknown>>).find((turn) => turn.role === "user");
        expect(plain?.tool_call_id).toBeNull();
        expect(row.tools === null || row.tools === undefined ? undefined : JSON.parse(row.tools as string)).toEqual(
          metadata.tools,
        );
        expect(row).toMatchObject({
          skill: metadata.skill,
          seed_id: metadata.seed_id,
          source: metadata.source,
          transformation: metadata.transformation,
          instruction_type: metadata.instruction_type,
        });
        expect(row.refinement).toEqual(metadata.refinement);
        expect(JSON.parse(row.metadata as string)).toEqual(metadata);
      });
      expect(schemaOf(join(hf.to, "data", names[0] as string)).groups).toBeGreaterThan(1);
    }
  });

  it("writes a card whose YAML header names the files, features, splits, license, task and size", async () => {
    const { header, body } = readCard(hf.to);
    expect(header.license).toBe("cc-by-4.0");
    expect(header.task_categories).toEqual(["text-generation"]);
    expect(header.size_categories).toEqual(["n<1K"]);
    const [config] = header.configs as Array<{
      config_name: string;
      data_files: Array<{ split: string; path: string }>;
    }>;
    expect(config?.config_name).toBe("default");
    expect(config?.data_files.map((entry) => entry.split)).toEqual(SPLITS);
    const info = header.dataset_info as {
      features: Array<{ name: string; list?: Array<{ name: string }> }>;
      splits: Array<{ name: string; num_examples: number; num_bytes: number }>;
      download_size: number;
    };
    let onDisk = 0;
    for (const entry of config?.data_files ?? []) {
      const matched = globFiles(hf.to, entry.path);
      const shards = readdirSync(join(hf.to, "data"))
        .filter((name) => name.startsWith(`${entry.split}-`))
        .map((name) => `data/${name}`)
        .sort();
      expect(matched).toEqual(shards);
      onDisk += matched.reduce((sum, path) => sum + statSync(join(hf.to, path)).size, 0);
      // The features are the Parquet columns, in order.
      for (const path of matched) expect(schemaOf(join(hf.to, path)).columns).toEqual(info.features.map((f) => f.name));
    }
    expect(info.download_size).toBe(onDisk);
    expect(info.splits.map((split) => [split.name, split.num_examples])).toEqual(
      SPLITS.map((split) => [split, bySplit(records, split).length]),
    );
    expect(info.features.find((feature) => feature.name === "messages")?.list?.map((field) => field.name)).toEqual([
      "role",
      "content",
      "tool_calls",
      "tool_call_id",
    ]);
    // The body: counts per split, the run's configuration, lineage fields, the drops by reason, spend.
    for (const split of SPLITS) expect(body).toContain(`| ${split} | ${bySplit(records, split).length} |`);
    expect(body).toContain("`reading-comprehension`, `conversation`, `tool-use`");
    expect(body).toContain("| respond | openai:test-model | 0.7 |");
    expect(body).toContain("- refinement rounds: 1");
    for (const field of ["seed_id", "transformation", "instruction_type", "refinement", "metadata"]) {
      expect(body).toContain(`| \`${field}\` |`);
    }
    for (const [reason, count] of Object.entries(status.dropped))
      expect(body).toContain(`| \`${reason}\` | ${count} |`);
    expect(body).toMatch(/spend: unknown \(\d+ calls to models without a known price: openai:test-model\)/);
    expect(hf.stdout).toContain(`${join(hf.to, "README.md")}\tdataset card`);
    expect(hf.stderr).not.toContain("license");
  });

  it("writes sharegpt rows in Parquet as the JSONL export writes them", async () => {
    const { to } = await exportRun("--hf", "--format", "sharegpt", "--license", "cc0-1.0");
    const jsonl = await exportRun("--format", "sharegpt");
    for (const split of ["rc", "follow_up", "tool_use"]) {
      const { rows } = await readShards(join(to, "data"), split);
      const expected = readJsonl(join(jsonl.to, `${split}.jsonl`)) as Array<Record<string, unknown>>;
      expect(
        rows.map((row) => ({ conversations: row.conversations, ...(row.tools ? { tools: row.tools } : {}) })),
      ).toEqual(expected);
    }
    const { header } = readCard(to);
    const features = (header.dataset_info as { features: Array<{ name: string }> }).features.map((f) => f.name);
    expect(features.slice(0, 3)).toEqual(["id", "conversations", "tools"]);
  });
});

describe("export of a store built directly", () => {
  const turn = (role: ChatTurn["role"], content: string): ChatTurn => ({ role, content });
  const record = (id: string, split: string, messages: ChatTurn[]): DatasetRecord => ({
    id,
    split,
    messages,
    metadata: {
      skill: split,
      seed_id: `seed-${id}`,
      source: `doc.txt#${id}`,
      transformation: "debate",
      instruction_type: "inference",
      refinement: id === "a2" ? [{ goal: "harder_question", round: 1, parent_id: "a1" }] : [],
      models: { respond: "openai:test" },
      usage: { input_tokens: 10, output_tokens: 5 },
    },
  });
  let built: string;

  beforeAll(async () => {
    built = join(work, "built");
    const store = openSqliteStore(join(built, "run.db"));
    try {
      for (const id of ["one", "two", "three", "four"]) await store.addItem({ id: `s/${id}`, skill: "s", seedId: id });
      await store.completeItem("s/one", [
        record("a1", "qa", [turn("user", "What is 2 + 2?"), turn("assistant", "4")]),
        record("a2", "qa", [turn("system", "Answer briefly."), turn("user", "And 3 + 3?"), turn("assistant", "6")]),
      ]);
      await store.completeItem("s/two", [
        record("m1", "qa", [
          turn("user", "Hi"),
          turn("assistant", "Hello"),
          turn("user", "Bye"),
          turn("assistant", "Bye"),
        ]),
      ]);
      await store.completeItem("s/three", [
        record("c1", "chat", [
          turn("user", "Tell me"),
          turn("assistant", "A"),
          turn("user", "More"),
          turn("assistant", "B"),
        ]),
      ]);
      await store.filterItem("s/four", "seed_too_short");
    } finally {
      await store.close();
    }
  });

  it("alpaca keeps a record's system turn, and reports the multi-turn record of a split it keeps", async () => {
    const to = join(work, "built-alpaca");
    const result = await runCli(["export", built, "--format", "alpaca", "--to", to]);
    expect(result.code, result.stderr).toBe(0);
    expect(readJsonl(join(to, "qa.jsonl"))).toEqual([
      { instruction: "What is 2 + 2?", input: "", output: "4" },
      { instruction: "And 3 + 3?", input: "", output: "6", system: "Answer briefly." },
    ]);
    expect(readJsonl(join(to, "chat.jsonl"))).toEqual([]);
    expect(reportOf(to)).toEqual([
      { id: "c1", split: "chat", reason: "multi_turn", detail: "4 turns (user, assistant, user, assistant)" },
      { id: "m1", split: "qa", reason: "multi_turn", detail: "4 turns (user, assistant, user, assistant)" },
    ]);
    expect(result.stdout).toContain(`${join(to, "left-out.jsonl")}\t2 records left out (chat 1, qa 1)`);
    // A later export that leaves nothing out takes the stale report away.
    expect((await runCli(["export", built, "--format", "messages", "--to", to])).code).toBe(0);
    expect(existsSync(join(to, "left-out.jsonl"))).toBe(false);
  });

  it("--hf alpaca: a system column, no shard for a split with no row, the card says so; license unknown", async () => {
    const to = join(work, "built-hf");
    // A shard an earlier export left, of a split this export has no row for: the glob must not find it.
    const stale = join(to, "data", "chat-00000-of-00001.parquet");
    await runCli(["export", built, "--hf", "--to", to]);
    writeFileSync(stale, "stale");
    const result = await runCli(["export", built, "--hf", "--format", "alpaca", "--to", to]);
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(join(to, "data"))).toEqual(["qa-00000-of-00001.parquet"]);
    const { rows } = await readShards(join(to, "data"), "qa");
    expect(
      rows.map(({ id, instruction, input, output, system }) => ({ id, instruction, input, output, system })),
    ).toEqual([
      { id: "a1", instruction: "What is 2 + 2?", input: "", output: "4", system: null },
      { id: "a2", instruction: "And 3 + 3?", input: "", output: "6", system: "Answer briefly." },
    ]);
    expect(rows[1]?.refinement).toEqual([{ goal: "harder_question", round: 1, parent_id: "a1" }]);
    const { header, body } = readCard(to);
    expect(header.license).toBe("unknown");
    expect(result.stderr).toContain("no --license given, so the dataset card says `license: unknown`");
    const info = header.dataset_info as { features: Array<{ name: string }>; splits: Array<{ name: string }> };
    expect(info.features.map((feature) => feature.name).slice(0, 5)).toEqual([
      "id",
      "instruction",
      "input",
      "output",
      "system",
    ]);
    expect(info.splits.map((split) => split.name)).toEqual(["qa"]);
    expect((header.configs as Array<{ data_files: unknown[] }>)[0]?.data_files).toEqual([
      { split: "qa", path: "data/qa-*" },
    ]);
    expect(body).toContain("| chat | 0 | none (no row to write) | 1 |");
    expect(body).toContain("| `seed_too_short` | 1 |");
    expect(body).toContain("2 records were left out of this alpaca export");
    expect(body).toContain("**Unknown.**");
    expect(reportOf(to).map((entry) => entry.id)).toEqual(["c1", "m1"]);
  });

  it("sharegpt: parallel results in one observation; text beside tool calls reported, not dropped", async () => {
    const tools = join(work, "built-tools");
    const call = (id: string, name: string) => ({
      id,
      type: "function" as const,
      function: { name, arguments: `{"city":"${id}"}` },
    });
    const store = openSqliteStore(join(tools, "run.db"));
    try {
      for (const id of ["one", "two"]) await store.addItem({ id: `t/${id}`, skill: "t", seedId: id });
      await store.completeItem("t/one", [
        record("p1", "tool_use", [
          turn("user", "Weather in Oslo and Rome?"),
          { role: "assistant", content: "", tool_calls: [call("c1", "weather"), call("c2", "weather")] },
          { role: "tool", content: '{"c":3}', tool_call_id: "c1" },
          { role: "tool", content: '{"c":19}', tool_call_id: "c2" },
          turn("assistant", "Oslo 3 °C, Rome 19 °C."),
        ]),
      ]);
      await store.completeItem("t/two", [
        record("p2", "tool_use", [
          turn("user", "Weather in Oslo?"),
          { role: "assistant", content: "Let me look that up.", tool_calls: [call("c3", "weather")] },
          { role: "tool", content: '{"c":3}', tool_call_id: "c3" },
          turn("assistant", "3 °C."),
        ]),
      ]);
    } finally {
      await store.close();
    }
    const to = join(work, "built-tools-sharegpt");
    const result = await runCli(["export", tools, "--format", "sharegpt", "--to", to]);
    expect(result.code, result.stderr).toBe(0);
    expect(readJsonl(join(to, "tool_use.jsonl"))).toEqual([
      {
        conversations: [
          { from: "human", value: "Weather in Oslo and Rome?" },
          {
            from: "function_call",
            value: JSON.stringify([
              { name: "weather", arguments: { city: "c1" } },
              { name: "weather", arguments: { city: "c2" } },
            ]),
          },
          { from: "observation", value: JSON.stringify(['{"c":3}', '{"c":19}']) },
          { from: "gpt", value: "Oslo 3 °C, Rome 19 °C." },
        ],
      },
    ]);
    expect(reportOf(to)).toEqual([
      {
        id: "p2",
        split: "tool_use",
        reason: "text_with_tool_calls",
        detail: "1 assistant turns with tool calls, some with text",
      },
    ]);
    expect(result.stderr).toContain("no place for text an assistant wrote beside its calls");
    // messages keeps both: the text and the calls.
    const messages = join(work, "built-tools-messages");
    expect((await runCli(["export", tools, "--format", "messages", "--to", messages])).code).toBe(0);
    const rows = readJsonl(join(messages, "tool_use.jsonl")) as Array<{ messages: ChatTurn[] }>;
    expect(rows[1]?.messages[1]).toEqual({
      role: "assistant",
      content: "Let me look that up.",
      tool_calls: [call("c3", "weather")],
    });
  });

  it("refuses flags that do not go together, saying what to do", async () => {
    const to = join(work, "never");
    const cases: Array<[string[], string]> = [
      [["--hf", "--format", "orca"], "--hf writes messages, sharegpt, alpaca; orca has its own files (drop --hf)"],
      [["--hf", "--parquet"], "--hf writes Parquet already: drop --parquet"],
      [["--format", "messages", "--parquet"], "--parquet writes orca or native; for messages in Parquet, use --hf"],
      [["--license", "mit"], "--license: only with --hf (the Hugging Face layout and its card)"],
      [["--hf", "--license", "my license"], "--license takes a license id as the Hub spells it"],
      [["--hf", "--shard-size", "lots"], "--shard-size must be a size of at least 1KB, such as 500MB or 64MiB"],
    ];
    for (const [flags, message] of cases) {
      const result = await runCli(["export", built, "--to", to, ...flags]);
      expect(result.code, flags.join(" ")).toBe(1);
      expect(result.stderr).toContain(message);
    }
    expect(existsSync(to)).toBe(false);
  });
});
