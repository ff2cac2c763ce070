// The lasting response cache (--cache): runs that share it pay only for requests no earlier run with the same
// seed made, against the real test server over HTTP; what the server received is the measure. A dropped answer
// is never replayed from it, and status says what the hits saved.
import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RunController, type RunSettings, resolveRunConfig, runSkills } from "../index.js";
import { stableStringify } from "../runtime/hash.js";
import { cliEnv, runCli, spawnCli } from "./support/cli.js";
import { startTestServer, type TestServer } from "./support/openai-test-server.js";
import { readRecords } from "./support/records.js";

// biome-ignore lint/suspicious/noExplicitAny: request bodies are arbitrary JSON.
type Body = any;

const RC = "reading-comprehension";
const MCQ = "multiple-choice";

let server: TestServer;
let work: string;

beforeAll(async () => {
  server = await startTestServer({ latencyMs: 1 });
  work = await mkdtemp(join(tmpdir(), "lasting-cache-"));
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

let runs = 0;

/**
 * One run (of the first seed of seeds/sample unless told), in its own --out unless told. `keep`: no answer is
 * dropped by verification (the test server's verifier disagrees at random), so every reply of the run is one a
 * later run may replay.
 */
async function run(
  settings: Partial<RunSettings> & { skills: string[] },
  env: Record<string, string> = {},
  controller?: RunController,
) {
  runs += 1;
  const out = settings.out ?? join(work, `run-${runs}`);
  const before = server.requests.length;
  const config = resolveRunConfig(
    {
      seeds: ["seeds/sample"],
      limit: 1,
      out,
      model: "openai:test-model",
      concurrency: 8,
      rounds: 0,
      onDisagree: "keep",
      ...settings,
    },
    { OPENAI_BASE_URL: server.url, ...env },
    process.cwd(),
  );
  const outcome = await runSkills(config, controller ? { controller } : {});
  expect(outcome.summary.failures).toEqual([]);
  const bodies: Body[] = server.requests.slice(before).map((request) => request.body);
  return { out, summary: outcome.summary, records: await readRecords(out), bodies };
}

const schemaName = (body: Body): string => body.response_format?.json_schema?.name ?? "";
const isTeacher = (body: Body) => !body.response_format && !body.tools;
const sorted = (bodies: Body[]) => bodies.map((body) => stableStringify(body)).sort();
const ofSkill = <T extends { metadata: { skill: string } }>(records: T[], skill: string) =>
  records.filter((record) => record.metadata.skill === skill);

describe("two runs sharing --cache", () => {
  it("where the second adds a skill: the server gets only the new skill's requests, the shared records are the same", async () => {
    const cache = join(work, "add-skill.db");
    const first = await run({ skills: [RC], cache });
    expect(first.summary.cache.hits).toBe(0);
    expect(first.bodies.length).toBe(first.summary.calls);

    const second = await run({ skills: [RC, MCQ], cache });
    // What a fresh run of the new skill alone sends, with a cache of its own.
    const alone = await run({ skills: [MCQ], cache: join(work, "mcq-alone.db") });
    expect(second.bodies.length).toBe(alone.bodies.length);
    expect(sorted(second.bodies)).toEqual(sorted(alone.bodies));
    // Every call the first run made is answered from the cache, for free.
    expect(second.summary.cache.hits).toBe(first.summary.calls);
    expect(second.summary.calls).toBe(alone.summary.calls);
    expect(ofSkill(second.records, RC)).toEqual(ofSkill(first.records, RC));
    expect(ofSkill(second.records, MCQ)).toEqual(alone.records);
    // The test model has no price: what the hits saved is unknown, not $0.
    expect(second.summary.cache.savedUsd).toBeNull();
    expect(second.summary.cache.savedTokens).toEqual(first.summary.tokens);
  });

  it("where the second has one more round: the server gets only the extra round's requests", async () => {
    const cache = join(work, "rounds.db");
    const first = await run({ skills: [MCQ], rounds: 1, cache });
    const second = await run({ skills: [MCQ], rounds: 2, cache });
    const fresh = await run({ skills: [MCQ], rounds: 2, cache: join(work, "rounds-fresh.db") });
    expect(fresh.bodies.length).toBeGreaterThan(first.bodies.length);
    // An edit the first run dropped (answer_unchanged, still_answerable) is asked again; nothing else it paid for.
    const kept = first.bodies.length - Object.values(first.summary.dropped).reduce((sum, n) => sum + n, 0);
    expect(second.bodies.length).toBe(fresh.bodies.length - kept);
    const paidBefore = new Set(sorted(first.bodies));
    for (const body of second.bodies) {
      if (paidBefore.has(stableStringify(body))) expect(schemaName(body)).toMatch(/^edit_/);
    }
    expect(second.summary.cache.hits).toBe(first.summary.calls);
    expect(second.records).toEqual(fresh.records);
  });

  it("with a different --seed share nothing", async () => {
    const cache = join(work, "seeds.db");
    const first = await run({ skills: [RC], cache, seed: 1 });
    const second = await run({ skills: [RC], cache, seed: 2 });
    expect(second.summary.cache.hits).toBe(0);
    expect(second.bodies.length).toBe(second.summary.calls);
    expect(second.bodies.length).toBeGreaterThan(0);
    // The same seed again shares everything, whatever the API key.
    const third = await run({ skills: [RC], cache, seed: 1 }, { OPENAI_API_KEY: "another-key" });
    expect(third.bodies).toEqual([]);
    expect(third.summary.cache.hits).toBe(first.summary.calls);
  });
});

const HARBOR =
  "# The harbor\n\nIn 1872 the harbor commission recorded 4,200 ship arrivals, twice the figure of 1852. Engineers " +
  "argued that dredging the channel caused the growth; merchants credited the new railway. The commission's report " +
  "lists three causes, two costs and one unresolved dispute about tolls.\n\nTolls rose from 2 to 3 shillings per ton " +
  "in 1875, and arrivals fell by a tenth the next year.";

/** The instruct agents' reply: as few numeric questions about the harbor as the schema allows, keyed 4200. */
function instructReply(body: Body): string {
  const schema = body.response_format.json_schema.schema;
  const normal = schema.anyOf?.[0] ?? schema;
  const field = Object.keys(normal.properties).find((name) => name !== "analysis") as string;
  const count = normal.properties[field].minItems ?? 1;
  return JSON.stringify({
    analysis: "scripted",
    [field]: Array.from({ length: count }, (_, index) => ({
      instruction: `How many ship arrivals did the commission record in 1872? (${schemaName(body)} ${index})`,
      expected: { answerable: true, key: "4200" },
    })),
  });
}

describe("a run with --cache", () => {
  it("resumes from it: stopped half-way and run again, it pays for no call twice", async () => {
    const cache = join(work, "resume.db");
    const out = join(work, "resumed");
    const controller = new RunController();
    // Stop taking new work once a few calls are paid; in-flight steps finish and are checkpointed.
    server.faultWhen((_body, index) => {
      if (index === 6) controller.drain("test stop");
      return undefined;
    });
    const stopped = await run({ skills: [RC, MCQ], out, cache }, {}, controller);
    expect(stopped.summary.items.done).toBeLessThan(stopped.summary.items.total);
    server.faultWhen(() => undefined);
    const resumed = await run({ skills: [RC, MCQ], out, cache });
    expect(resumed.summary.items.done).toBe(resumed.summary.items.total);
    const fresh = await run({ skills: [RC, MCQ], cache: join(work, "resume-fresh.db") });
    expect(stopped.bodies.length + resumed.bodies.length).toBe(fresh.bodies.length);
    expect(resumed.records).toEqual(fresh.records);
  });
});

describe("CLI runs at the same time, in two processes", () => {
  it("share one cache file without errors, and a later run finds every reply of both", {
    timeout: 120_000,
  }, async () => {
    const cache = join(work, "concurrent.db");
    const env = cliEnv({ OPENAI_BASE_URL: server.url, OPENAI_API_KEY: "test-key" });
    const argv = (skill: string, out: string) => [
      "run",
      "--skills",
      skill,
      "--seeds",
      "seeds/sample",
      "--limit",
      "1",
      "--rounds",
      "0",
      "--on-disagree",
      "keep",
      "--out",
      join(work, out),
      "--model",
      "openai:test-model",
      "--cache",
      cache,
      "--json",
    ];
    const children = [spawnCli(argv(RC, "together-rc"), { env }), spawnCli(argv(MCQ, "together-mcq"), { env })];
    const results = await Promise.all(children.map((child) => child.result));
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    const paid = results.reduce((sum, result) => sum + (JSON.parse(result.stdout).calls as number), 0);
    expect(server.requests.length).toBe(paid);
    const later = await run({ skills: [RC, MCQ], cache });
    expect(later.bodies).toEqual([]);
    expect(later.summary.cache.hits).toBe(paid);
  });
});

describe("an answer dropped by verification", () => {
  it("is not replayed from the cache: the next run asks the teacher again", async () => {
    const corpus = await mkdtemp(join(tmpdir(), "lasting-cache-corpus-"));
    await writeFile(join(corpus, "harbor.md"), HARBOR);
    server.replyWhen((body) => {
      if (schemaName(body).startsWith("instruct_")) return instructReply(body);
      // Always the wrong number: the first answer and its regeneration are both dropped.
      if (isTeacher(body)) return "The passage compares two years.\n\nFinal answer: 2,100";
      return undefined;
    });
    const cache = join(work, "dropped.db");
    const first = await run({ skills: [RC], seeds: [corpus], cache, onDisagree: "regenerate" });
    const dropped = first.summary.dropped.verification_numeric ?? 0;
    expect(dropped).toBeGreaterThan(0);
    expect(first.records).toEqual([]);
    const taught = first.bodies.filter(isTeacher);
    expect(taught.length).toBe(2 * dropped);

    const second = await run({ skills: [RC], seeds: [corpus], cache, onDisagree: "regenerate" });
    // The teacher is asked everything again; what was kept (transform, instruct) comes from the cache.
    expect(sorted(second.bodies)).toEqual(sorted(taught));
    expect(second.summary.cache.hits).toBe(first.bodies.length - taught.length);
    expect(second.summary.dropped).toEqual(first.summary.dropped);
  });
});

describe("an edit dropped by its goal's check (answer_unchanged)", () => {
  it("is not replayed from the cache: the next run asks the editor again", async () => {
    const corpus = await mkdtemp(join(tmpdir(), "lasting-cache-edits-"));
    // Several seeds, so the answer_changes goal is drawn for some chain.
    for (const [index, year] of ["1872", "1873", "1874", "1876", "1877", "1878"].entries()) {
      await writeFile(join(corpus, `harbor-${index}.md`), HARBOR.replace("1872", year));
    }
    server.replyWhen((body) => {
      if (schemaName(body).startsWith("instruct_")) return instructReply(body);
      if (schemaName(body) === "edit_answer_changes") {
        const fields = body.response_format.json_schema.schema.anyOf[0].properties;
        return JSON.stringify({
          analysis: "scripted",
          instruction: "How many ship arrivals did the commission record that year?",
          expected: { answerable: true, key: "4,200" },
          ...(fields.content ? { content: HARBOR } : {}),
          ...(fields.type ? { type: "numerical_discrete_reasoning" } : {}),
        });
      }
      if (isTeacher(body)) return "Final answer: 4,200";
      return undefined;
    });
    const cache = join(work, "edits.db");
    const first = await run({ skills: [RC], seeds: [corpus], limit: 6, rounds: 1, cache });
    const edits = first.bodies.filter((body) => schemaName(body) === "edit_answer_changes");
    expect(edits.length).toBeGreaterThan(0);
    expect(first.summary.dropped.answer_unchanged).toBe(edits.length);

    const second = await run({ skills: [RC], seeds: [corpus], limit: 6, rounds: 1, cache });
    // Only the dropped edits are asked again: these, and any unanswerable edit the test server's random reply
    // left answerable (dropped as still_answerable); everything else comes from the cache.
    const droppedEdits = Object.values(first.summary.dropped).reduce((sum, n) => sum + n, 0);
    expect(second.bodies.length).toBe(droppedEdits);
    expect(second.bodies.every((body) => schemaName(body).startsWith("edit_"))).toBe(true);
    const again = new Set(sorted(second.bodies));
    for (const body of sorted(edits)) expect(again.has(body)).toBe(true);
    const paidBefore = new Set(sorted(first.bodies));
    for (const body of again) expect(paidBefore.has(body)).toBe(true);
    expect(second.summary.dropped).toEqual(first.summary.dropped);
    expect(second.records).toEqual(first.records);
  });
});

describe("the CLI", () => {
  const env = () => cliEnv({ OPENAI_BASE_URL: server.url, OPENAI_API_KEY: "test-key" });
  /** A run of the built CLI; its --json summary is what `status --json` shows. */
  async function runOnce(out: string, ...extra: string[]) {
    const result = await runCli(
      [
        "run",
        "--skills",
        RC,
        "--seeds",
        "seeds/sample",
        "--limit",
        "1",
        "--rounds",
        "0",
        "--on-disagree",
        "keep",
        "--out",
        out,
        "--model",
        "openai:test-model",
        "--json",
        ...extra,
      ],
      { env: env() },
    );
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout);
  }

  it("takes the cache from the config file, pays nothing the second time, shows the dollars saved; --no-cache pays again", {
    timeout: 180_000,
  }, async () => {
    const dir = await mkdtemp(join(tmpdir(), "lasting-cache-cli-"));
    const config = join(dir, "agentinstruct.config.json");
    const price = { input: 2, output: 8 };
    // A relative cache path is read from the config file's folder.
    await writeFile(config, JSON.stringify({ cache: "responses.db", prices: { "openai:test-model": price } }));

    const first = await runOnce(join(dir, "first"), "--config", config);
    const paid = server.requests.length;
    expect(paid).toBe(first.calls);
    expect(paid).toBeGreaterThan(0);
    expect(existsSync(join(dir, "responses.db"))).toBe(true);

    const second = await runOnce(join(dir, "second"), "--config", config);
    expect(server.requests.length).toBe(paid);
    const tokens = first.tokens as { input: number; output: number };
    const saved = (tokens.input * price.input + tokens.output * price.output) / 1e6;
    expect(second.calls).toBe(0);
    expect(second.cache.hits).toBe(first.calls);
    expect(second.cache.savedTokens).toEqual(tokens);
    expect(second.cache.savedUsd).toBeCloseTo(saved, 10);
    const status = await runCli(["status", join(dir, "second")]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain(`cache hits ${first.calls} | saved $${saved.toFixed(4)}`);

    // --no-cache: the same run in a third --out pays for every call again.
    const third = await runOnce(join(dir, "third"), "--config", config, "--no-cache");
    expect(server.requests.length).toBe(2 * paid);
    expect(third.cache).toEqual({ hits: 0, savedUsd: 0, savedTokens: { input: 0, output: 0 } });
  });
});
