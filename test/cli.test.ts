// The CLI end to end, as a user runs it: a real child process, real HTTP to the test server,
// a real SQLite run store, and the files it writes.
import { readFileSync, rmSync, statSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parquetReadObjects } from "hyparquet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliEnv, ROOT, runCli } from "./support/cli.js";
import { type ParsedRecord, readJsonl, readRecords } from "./support/dataset.js";
import { startTestServer, type TestServer } from "./support/openai-test-server.js";

let server: TestServer;
let work: string;

beforeAll(async () => {
  server = await startTestServer({ latencyMs: 2 });
  work = await mkdtemp(join(tmpdir(), "cli-"));
});
afterAll(async () => {
  await server.close();
});

const env = () => cliEnv({ OPENAI_BASE_URL: server.url, OPENAI_API_KEY: "test-key" });
const runArgs = (out: string, ...extra: string[]) => [
  "run",
  "--skills",
  "reading-comprehension",
  "--seeds",
  "seeds/sample",
  "--out",
  out,
  "--model",
  "openai:test-model",
  "--concurrency",
  "8",
  ...extra,
];

describe("agentinstruct CLI: informational commands", () => {
  it("prints help", async () => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(0);
    for (const command of ["run", "status", "export", "skills", "graph"]) expect(result.stdout).toContain(command);
  });

  it("lists skills as JSON with their agents", async () => {
    const result = await runCli(["skills", "--json"]);
    expect(result.code).toBe(0);
    const skills = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    const rc = skills.find((skill) => skill.id === "reading-comprehension");
    expect(rc).toMatchObject({ split: "rc", seedKinds: ["text"] });
    expect(rc?.transformations).toHaveLength(9);
    expect(rc?.instructionTypes).toHaveLength(43);
    expect(rc?.refinementGoals).toEqual(["unanswerable", "answer_changes", "harder_question"]);
  });

  it("draws a skill's graph in Mermaid", async () => {
    const result = await runCli(["graph", "rc"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^%%\{init/);
    for (const edge of [
      "__start__ --> transform",
      "instruct --> plan_refine",
      "suggest -.-> edit",
      "edit --> next_round",
    ]) {
      expect(result.stdout).toContain(edge);
    }
  });

  it("explains how to configure a model when none is", async () => {
    const result = await runCli(
      runArgs(join(work, "no-model")).filter((arg) => arg !== "--model" && arg !== "openai:test-model"),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("No model is configured");
    for (const way of ["--model", "agentinstruct.config.json", "AGENTINSTRUCT_MODEL", "OPENAI_BASE_URL"]) {
      expect(result.stderr).toContain(way);
    }
  });

  it("names the missing key when OpenAI is chosen without one", async () => {
    const result = await runCli(runArgs(join(work, "no-key")), { env: cliEnv() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/OPENAI_API_KEY is not set/);
  });

  it("rejects an unknown skill with the known ones", async () => {
    const result = await runCli(
      runArgs(join(work, "bad-skill")).map((arg) => (arg === "reading-comprehension" ? "rc,poetry" : arg)),
      {
        env: env(),
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/unknown skill\(s\): poetry. Known: reading-comprehension \(rc\)/);
  });

  it("fails with the reason when no seed could be read, so a mistyped path never looks like success", async () => {
    const args = runArgs(join(work, "no-seeds")).map((arg) => (arg === "seeds/sample" ? "/nonexistent/corpus" : arg));
    const before = server.requests.length;
    const result = await runCli(args, { env: env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("no usable seeds in /nonexistent/corpus (corpus: cannot read: ENOENT");
    expect(server.requests.length).toBe(before);
  });

  it("refuses an output directory that cannot be made, at once (it used to spin at 100 % CPU)", async () => {
    const result = await runCli(runArgs("/proc/agentinstruct-out"), { env: env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("cannot use /proc/agentinstruct-out as the output directory: ENOENT");
  });

  it("reports a missing run for status", async () => {
    const result = await runCli(["status", join(work, "nothing-here")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no run found/);
  });
});

describe("agentinstruct run on seeds/sample", () => {
  let out: string;
  let records: ParsedRecord[];
  let callsAfterFirstRun: number;

  beforeAll(async () => {
    out = join(work, "demo");
    server.reset();
    // Lineage links below resolve only when no parent answer is dropped: the random test teacher rarely agrees with
    // its random expected outcomes, so this run keeps disagreeing answers (marked in their metadata).
    const result = await runCli(runArgs(out, "--on-disagree", "keep"), { env: env() });
    expect(result.stderr).toContain("Run at");
    expect(result.code, result.stderr).toBe(0);
    callsAfterFirstRun = server.requests.length;
    records = readRecords(join(out, "data", "rc.jsonl"));
  });

  it("writes schema-valid records whose lineage shows the method's diversity", () => {
    expect(records.length).toBeGreaterThan(30);
    const transformations = new Set(records.map((record) => record.metadata.transformation));
    const types = new Set(records.map((record) => record.metadata.instruction_type));
    const goals = new Set(records.flatMap((record) => record.metadata.refinement.map((step) => step.goal)));
    expect(transformations.size).toBeGreaterThanOrEqual(3);
    expect(types.size).toBeGreaterThanOrEqual(8);
    expect(goals.size).toBeGreaterThanOrEqual(2);
    for (const record of records) {
      expect(record.split).toBe("rc");
      expect(record.messages.map((message) => message.role)).toEqual(["user", "assistant"]);
      expect(record.metadata.models).toEqual({
        transform: "openai:test-model",
        instruct: "openai:test-model",
        refine: "openai:test-model",
        respond: "openai:test-model",
        verify: "openai:test-model",
      });
    }
  });

  it("keeps originals beside refinements and links each refinement to its parent record", () => {
    const ids = new Set(records.map((record) => record.id));
    expect(ids.size).toBe(records.length);
    const refined = records.filter((record) => record.metadata.refinement.length > 0);
    expect(refined.length).toBeGreaterThan(0);
    expect(records.length - refined.length).toBeGreaterThan(refined.length);
    for (const record of refined) {
      const steps = record.metadata.refinement;
      expect(steps.map((step) => step.round)).toEqual(steps.map((_, index) => index + 1));
      for (const step of steps) expect(ids.has(step.parent_id)).toBe(true);
    }
    expect(refined.some((record) => record.metadata.refinement.length === 2)).toBe(true);
  });

  it("accounts for every item and input in status --json", async () => {
    const result = await runCli(["status", out, "--json"]);
    expect(result.code).toBe(0);
    const status = JSON.parse(result.stdout);
    expect(status.items.total).toBeGreaterThan(5);
    expect(status.items.done + status.items.filtered + status.items.failed).toBe(status.items.total);
    expect(status.items).toMatchObject({ pending: 0, running: 0, failed: 0 });
    expect(status.records).toBe(records.length);
    expect(status.calls).toBe(callsAfterFirstRun);
    expect(status.tokens.input).toBeGreaterThan(0);
    expect(status.tokens.output).toBeGreaterThan(0);
    const reasons = new Map(
      (status.skipped as Array<{ source: string; reason: string }>).map((entry) => [entry.source, entry.reason]),
    );
    expect(reasons.get("sample/LICENSE")).toMatch(/unsupported file type/);
    expect(
      [...reasons.entries()].some(
        ([source, reason]) => source.includes("lru_cache.py") && /no requested skill accepts code/.test(reason),
      ),
    ).toBe(true);
  });

  it("prints a readable status table", async () => {
    const result = await runCli(["status", out]);
    expect(result.stdout).toMatch(/reading-comprehension\s+\d+\s+\d+\s+0\s+\d+\s+0\s+0\s+\d+/);
    expect(result.stdout).toContain("Skipped inputs");
  });

  it("exports the orca-agentinstruct-1M-v1 shape as JSONL and Parquet", async () => {
    const to = join(out, "orca");
    const result = await runCli(["export", out, "--format", "orca", "--to", to, "--parquet"]);
    expect(result.code, result.stderr).toBe(0);
    const rows = readJsonl(join(to, "rc.jsonl")) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(records.length);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(["messages"]);
      expect(typeof row.messages).toBe("string");
      const messages = JSON.parse(row.messages as string) as Array<{ role: string; content: string }>;
      expect(messages[0]).toEqual({ role: "system", content: "" });
      expect(messages.slice(1).map((message) => message.role)).toEqual(["user", "assistant"]);
    }
    const buffer = readFileSync(join(to, "rc.parquet"));
    const parquetRows = (await parquetReadObjects({
      file: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength),
    })) as Array<{ messages: string }>;
    expect(parquetRows).toHaveLength(records.length);
    expect(parquetRows[0]?.messages).toBe(rows[0]?.messages);
  });

  it("resumes a finished run without a single new call or duplicate record", async () => {
    const before = server.requests.length;
    const data = join(out, "data", "rc.jsonl");
    const written = statSync(data).mtimeMs;
    const result = await runCli(runArgs(out, "--on-disagree", "keep"), { env: env() });
    expect(result.code, result.stderr).toBe(0);
    expect(server.requests.length).toBe(before);
    expect(readRecords(data)).toEqual(records);
    // Nothing new was committed: the data file was not written again.
    expect(statSync(data).mtimeMs).toBe(written);
    rmSync(data);
    expect((await runCli(runArgs(out, "--on-disagree", "keep"), { env: env() })).code).toBe(0);
    expect(readRecords(data)).toEqual(records);
  });

  it("refuses a changed configuration on the same --out unless forced", async () => {
    const refused = await runCli(runArgs(out, "--on-disagree", "keep", "--rounds", "1"), { env: env() });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/different configuration \(changed: rounds\).*--force-config/s);
    const forced = await runCli(runArgs(out, "--on-disagree", "keep", "--rounds", "1", "--force-config"), {
      env: env(),
    });
    expect(forced.code, forced.stderr).toBe(0);
  });

  it("makes the same choices for the same --seed in another directory, other choices for another seed", async () => {
    const lineage = (rows: ParsedRecord[]) =>
      rows
        .map((row) => `${row.metadata.seed_id}:${row.metadata.transformation}:${row.metadata.instruction_type}`)
        .sort();
    const again = join(work, "same-seed");
    expect((await runCli(runArgs(again, "--on-disagree", "keep"), { env: env() })).code).toBe(0);
    expect(lineage(readRecords(join(again, "data", "rc.jsonl")))).toEqual(lineage(records));
    const other = join(work, "other-seed");
    expect((await runCli(runArgs(other, "--on-disagree", "keep", "--seed", "7"), { env: env() })).code).toBe(0);
    expect(lineage(readRecords(join(other, "data", "rc.jsonl")))).not.toEqual(lineage(records));
  });

  it("writes byte-identical records when the same job runs from another working directory", async () => {
    const job = async (cwd: string, seeds: string) => {
      const out = await mkdtemp(join(work, "cwd-"));
      const args = runArgs(out, "--limit", "2", "--rounds", "0").map((arg) => (arg === "seeds/sample" ? seeds : arg));
      const result = await runCli(args, { env: env(), cwd });
      expect(result.code, result.stderr).toBe(0);
      return readFileSync(join(out, "data", "rc.jsonl"), "utf8");
    };
    // Lines are in commit order, which depends on which item's calls came back first: compared as a set of lines.
    const lines = (text: string) => text.trim().split("\n").sort();
    const fromRoot = await job(ROOT, "seeds/sample");
    const elsewhere = await job(work, join(ROOT, "seeds", "sample"));
    expect(lines(elsewhere)).toEqual(lines(fromRoot));
    const rows = fromRoot
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as ParsedRecord);
    expect(rows.length).toBeGreaterThan(0);
    // Relative to the parent of the --seeds root: never the cwd, never an absolute path.
    expect(rows.every((row) => /^sample\/[^/].*#\d+$/.test(row.metadata.source))).toBe(true);
  });

  it("reads models and settings from a config file", async () => {
    const dir = await mkdtemp(join(work, "config-"));
    await writeFile(
      join(dir, "agentinstruct.config.json"),
      JSON.stringify({
        models: { default: "openai:test-model", respond: { model: "openai:teacher-model", temperature: 0.2 } },
        rounds: 0,
      }),
    );
    const out2 = join(dir, "out");
    const args = runArgs(out2, "--limit", "2", "--config", join(dir, "agentinstruct.config.json")).filter(
      (arg) => arg !== "--model" && arg !== "openai:test-model",
    );
    const result = await runCli(args, { env: env() });
    expect(result.code, result.stderr).toBe(0);
    const rows = readRecords(join(out2, "data", "rc.jsonl"));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.metadata.refinement.length === 0)).toBe(true);
    expect(rows[0]?.metadata.models).toMatchObject({ transform: "openai:test-model", respond: "openai:teacher-model" });
  });
});
