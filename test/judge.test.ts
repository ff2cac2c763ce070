// The optional quality judge as a user meets it: off, nothing changes (no judge request, the same records); on,
// every record carries its scores, the records the (scripted) judge scores low are dropped with the reason and their
// scores in status, a killed run resumes and a rerun replays without paying for judgements again, and estimate
// counts the judge's calls and dollars.
import { createHash } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { judgeSystem } from "../graphs/judge-record.js";
import { JudgeRubric, openSqliteStore, resolveRunConfig, runSkills } from "../index.js";
import type { Estimate } from "../runner/estimate.js";
import { loadConfigFile } from "../runtime/config.js";
import { cliEnv, runCli, sampleRunArgs, spawnCli, testServerEnv } from "./support/cli.js";
import { startTestServer, type TestServer } from "./support/openai-test-server.js";
import { readRecords } from "./support/records.js";

// biome-ignore lint/suspicious/noExplicitAny: request bodies are arbitrary JSON.
type Body = any;

const RUBRIC = {
  rubric: [
    {
      name: "accuracy",
      description: "Everything the assistant states is true and supported by the material in the user's turn.",
    },
    {
      name: "helpfulness",
      description: "The response does what the user asked, completely, at the length the task needs.",
    },
  ],
  scale: [1, 5] as [number, number],
  threshold: 3,
  instructions: "The data teaches reading comprehension to a small model.",
};

let server: TestServer;
let work: string;
beforeAll(async () => {
  server = await startTestServer({ latencyMs: 1 });
  work = await mkdtemp(join(tmpdir(), "judge-"));
});
afterAll(async () => {
  await server.close();
});
afterEach(() => server.reset());

const isJudge = (body: Body) => body.response_format?.json_schema?.name === "judge";
const judgeRequests = () => server.requests.filter((request) => isJudge(request.body));

/** The user turn the judge was shown (the record's first user message), read back from its prompt. */
function judgedUserTurn(body: Body): string {
  const prompt = String(body.messages.at(-1).content);
  const match = /<turn boundary="[0-9a-f]+" n="1" role="user">\n([\s\S]*?)\n<\/turn boundary=/.exec(prompt);
  if (!match?.[1]) throw new Error(`no user turn in the judge's prompt:\n${prompt}`);
  return match[1];
}

/** The scripted judge's verdict on a record: low on accuracy for about a third of them, by their user turn. */
const scoredLow = (userTurn: string) => "01234".includes(createHash("sha256").update(userTurn).digest("hex")[0] ?? "");

function scriptJudge(low: (userTurn: string) => boolean = scoredLow) {
  server.replyWhen((body) => {
    if (!isJudge(body)) return undefined;
    const bad = low(judgedUserTurn(body));
    return JSON.stringify({
      analysis: "scripted judge",
      accuracy: bad
        ? { reason: "States a date the passage does not give.", score: 2 }
        : { reason: "Every claim is in the passage.", score: 5 },
      helpfulness: { reason: "Answers the question asked.", score: 4 },
    });
  });
}

async function runInProcess(out: string, judge?: typeof RUBRIC) {
  const config = resolveRunConfig(
    {
      skills: ["rc"],
      seeds: ["seeds/sample"],
      out,
      model: "openai:test-model",
      concurrency: 4,
      limit: 3,
      ...(judge ? { judge } : {}),
    },
    { OPENAI_BASE_URL: server.url },
    process.cwd(),
  );
  const outcome = await runSkills(config);
  expect(outcome.summary.failures.map((failure) => JSON.stringify(failure)).join("\n")).toBe("");
  return { summary: outcome.summary, records: await readRecords(out) };
}

async function statusJson(out: string, ...args: string[]) {
  const result = await runCli(["status", out, "--json", ...args], { env: cliEnv() });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

async function itemIds(out: string): Promise<string[]> {
  const store = openSqliteStore(join(out, "run.db"));
  try {
    return (await store.listItems(["done", "filtered"])).map((item) => item.id);
  } finally {
    await store.close();
  }
}

async function configFile(name: string, content: Record<string, unknown>): Promise<string> {
  const path = join(work, name);
  await writeFile(path, JSON.stringify(content));
  return path;
}

describe("a judge section in the config file", () => {
  it("says what is wrong with a bad rubric, field by field", async () => {
    const bad = await configFile("bad-judge.json", {
      judge: {
        rubric: [
          { name: "Accuracy", description: "x" },
          { name: "reasons", description: "y" },
          { name: "depth", description: "z" },
          { name: "depth", description: "w" },
        ],
        threshold: 7,
      },
    });
    expect(() => loadConfigFile(bad, work)).toThrow(
      [
        `config file ${bad} is invalid:`,
        "  - judge.rubric.0.name: must be snake_case: a lowercase letter, then letters, digits or _",
        "  - judge.rubric.1.name: is reserved (reasons, judge_model, analysis)",
        '  - judge.rubric.3.name: "depth" is named twice',
        "  - judge.threshold: must be within the scale [1, 5], got 7",
      ].join("\n"),
    );
  });

  it("tells the judge what its scale means, whatever the scale", () => {
    const system = judgeSystem(JudgeRubric.parse({ rubric: RUBRIC.rubric, scale: [0, 10] }));
    expect(system).toContain("with an integer from 0 to 10");
    expect(system).toContain("- 0: fails the dimension");
    expect(system).toContain("- 5: acceptable, with a clear flaw.");
    expect(system).toContain("- 10: fully meets it");
    expect(system).toContain("- Scores between these points lie between their meanings.");
    expect(system).toContain("Give 10 only when you would change nothing");
  });
});

describe("the quality judge", () => {
  it("off: sends no judge request; on with top scores: the same requests and records, plus their scores", async () => {
    const off = await runInProcess(join(work, "off"));
    const offRequests = server.requests.map((request) => JSON.stringify(request.body));
    expect(judgeRequests()).toEqual([]);
    expect(off.records.length).toBeGreaterThan(5);
    for (const record of off.records) {
      expect(record.metadata.scores).toBeUndefined();
      expect(Object.keys(record.metadata.models as object)).not.toContain("judge");
    }
    server.reset();

    scriptJudge(() => false);
    const on = await runInProcess(join(work, "on"), RUBRIC);
    const onRequests = server.requests.filter((request) => !isJudge(request.body));
    // Exactly the requests of the run without a judge (same bodies), and one judge call per record.
    expect(onRequests.map((request) => JSON.stringify(request.body)).sort()).toEqual(offRequests.sort());
    expect(judgeRequests().length).toBe(on.records.length);
    expect(on.summary.dropped).toEqual(off.summary.dropped);

    const byId = new Map(on.records.map((record) => [record.id, record]));
    for (const record of off.records) {
      const judged = byId.get(record.id);
      if (!judged) throw new Error(`record ${record.id} is missing from the judged run`);
      const { scores, models, ...rest } = judged.metadata as Record<string, unknown>;
      expect(scores).toEqual({
        accuracy: 5,
        helpfulness: 4,
        reasons: { accuracy: "Every claim is in the passage.", helpfulness: "Answers the question asked." },
        judge_model: "openai:test-model",
      });
      expect(models).toEqual({ ...(record.metadata.models as object), judge: "openai:test-model" });
      const { models: _models, ...offRest } = record.metadata as Record<string, unknown>;
      expect(rest).toEqual(offRest);
      expect(judged.messages).toEqual(record.messages);
    }
    expect(on.records.length).toBe(off.records.length);

    // What the judge reads: the rubric with its descriptions, the scale's meaning, the whole conversation.
    const [first] = judgeRequests();
    const [system, user] = first?.body.messages ?? [];
    console.log(`--- the judge's system prompt ---\n${system.content}\n--- its user prompt ---\n${user.content}`);
    expect(system.content).toContain(`- accuracy: ${RUBRIC.rubric[0]?.description}`);
    expect(system.content).toContain("- 1: fails the dimension");
    expect(system.content).toContain("- 5: fully meets it");
    expect(system.content).toContain("Score what is there, not what could be");
    expect(system.content).toContain(RUBRIC.instructions);
    const judgedRecord = on.records.find((record) => record.messages[0]?.content === judgedUserTurn(first?.body));
    expect(judgedRecord).toBeDefined();
    expect(user.content).toContain(`role="assistant">\n${judgedRecord?.messages[1]?.content}\n</turn`);
    expect(first?.body.response_format.json_schema.schema.properties.accuracy.properties.score).toMatchObject({
      type: "integer",
      minimum: 1,
      maximum: 5,
    });
  }, 300_000);

  it("drops exactly the records scored below the threshold, with the reason and scores in status", async () => {
    scriptJudge();
    const config = await configFile("judge.json", {
      judge: RUBRIC,
      prices: { "openai:test-model": { input: 1, output: 4 } },
    });
    const out = join(work, "cli");
    const result = await runCli(sampleRunArgs(out, "--limit", "3", "--config", config), {
      env: testServerEnv(server.url),
    });
    expect(result.code, result.stderr).toBe(0);

    const judged = judgeRequests().map((request) => judgedUserTurn(request.body));
    const low = judged.filter(scoredLow);
    expect(low.length).toBeGreaterThan(0);
    expect(low.length).toBeLessThan(judged.length);
    const records = await readRecords(out);
    // Kept: exactly the records scored high, each with every dimension's score.
    expect(records.map((record) => record.messages[0]?.content).sort()).toEqual(
      judged.filter((turn) => !scoredLow(turn)).sort(),
    );
    for (const record of records) {
      expect(record.metadata.scores).toMatchObject({ accuracy: 5, helpfulness: 4, judge_model: "openai:test-model" });
    }

    const status = await statusJson(out);
    expect(status.dropped.below_quality_threshold).toBe(low.length);
    expect(status.cost.byRole.judge).toBeGreaterThan(0);
    const notes = [];
    for (const item of await itemIds(out)) notes.push(...(await statusJson(out, "--item", item)).notes);
    const drops = notes.filter((note: { reason: string }) => note.reason === "below_quality_threshold");
    expect(drops.length).toBe(low.length);
    for (const note of drops) {
      expect(note.kind).toBe("dropped");
      expect(note.detail).toContain("scores accuracy 2, helpfulness 4 (every dimension needs 3");
      expect(note.detail).toContain("accuracy: States a date the passage does not give.");
    }
    const text = await runCli(["status", out], { env: cliEnv() });
    expect(text.stdout).toMatch(/by role: .*judge \$0\.\d{4}/);
    expect(text.stdout).toContain(`below_quality_threshold ${low.length}`);
  }, 300_000);

  it("after a SIGKILL resumes without paying twice; a rerun on a lasting cache pays for no judgement", async () => {
    scriptJudge();
    const lasting = join(work, "lasting.db");
    const config = await configFile("judge-cache.json", { judge: RUBRIC, cache: lasting });
    const args = (out: string, ...extra: string[]) =>
      sampleRunArgs(out, "--limit", "3", "--concurrency", "2", "--config", config, ...extra);
    const out = join(work, "killed");
    const child = spawnCli(args(out), { env: testServerEnv(server.url) });
    const deadline = Date.now() + 120_000;
    while (judgeRequests().filter((request) => request.status === 200).length < 3) {
      if (Date.now() > deadline) throw new Error("no judge call was answered");
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    child.kill("SIGKILL");
    expect((await child.result).signal).toBe("SIGKILL");
    const beforeResume = judgeRequests().map((request) => JSON.stringify(request.body));

    const resumed = await runCli(args(out), { env: testServerEnv(server.url) });
    expect(resumed.code, resumed.stderr).toBe(0);
    const all = judgeRequests().map((request) => JSON.stringify(request.body));
    // Each judgement is paid once: what the killed run had asked is not asked again, beyond the calls in flight.
    const repeated = all.length - new Set(all).size;
    console.log(
      `judge calls: ${beforeResume.length} before the SIGKILL, ${all.length - beforeResume.length} after it, ${repeated} repeated`,
    );
    expect(all.length).toBeGreaterThan(beforeResume.length); // the kill left judgements to make
    expect(repeated).toBeLessThanOrEqual(2);
    expect(all.slice(beforeResume.length).filter((body) => beforeResume.includes(body)).length).toBe(repeated);
    const status = await statusJson(out);
    expect(status.items.done + status.items.filtered).toBe(status.items.total);
    const records = await readRecords(out);

    // The same run elsewhere, on the same lasting cache: every call (the judge's too) is answered from it.
    server.reset();
    scriptJudge();
    const again = join(work, "again");
    const rerun = await runCli(args(again), { env: testServerEnv(server.url) });
    expect(rerun.code, rerun.stderr).toBe(0);
    // (The teacher is asked again only for answers verification dropped: those replies left the cache on purpose.)
    expect(judgeRequests()).toEqual([]);
    expect((await readRecords(again)).map((record) => record.id).sort()).toEqual(
      records.map((record) => record.id).sort(),
    );
    expect((await statusJson(again)).dropped).toEqual(status.dropped);

    // A stricter threshold on the same cache: the same judgements, replayed, now drop more, and none is paid for.
    const strict = await configFile("judge-strict.json", { judge: { ...RUBRIC, threshold: 5 }, cache: lasting });
    const stricter = join(work, "stricter");
    const strictRun = await runCli(sampleRunArgs(stricter, "--limit", "3", "--config", strict), {
      env: testServerEnv(server.url),
    });
    expect(strictRun.code, strictRun.stderr).toBe(0);
    expect(judgeRequests()).toEqual([]);
    // helpfulness is always 4: below 5, every judged record is dropped.
    expect(await readRecords(stricter)).toEqual([]);
    expect((await statusJson(stricter)).dropped.below_quality_threshold).toBe(
      (status.dropped.below_quality_threshold ?? 0) + records.length,
    );
  }, 300_000);

  it("is counted by estimate: its calls and dollars by role, and none without a rubric", async () => {
    const priced = { prices: { "openai:test-model": { input: 1, output: 4 } } };
    const estimate = async (config: string) => {
      const result = await runCli(
        ["estimate", ...sampleRunArgs(join(work, "never"), "--limit", "3", "--config", config).slice(1), "--json"],
        { env: testServerEnv(server.url) },
      );
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as Estimate;
    };
    const without = await estimate(await configFile("priced.json", priced));
    const withJudge = await estimate(await configFile("priced-judge.json", { ...priced, judge: RUBRIC }));
    expect(server.requests).toEqual([]);
    expect(without.total.byRole).not.toHaveProperty("judge");
    const judge = withJudge.total.byRole.judge;
    expect(judge?.calls).toBeGreaterThan(0);
    expect(judge?.usd).toBeGreaterThan(0);
    // The judge's calls are added to the run's, not taken from them.
    expect(withJudge.total.calls.expected).toBeCloseTo(without.total.calls.expected + (judge?.calls ?? 0), 6);
    expect(withJudge.outputTokens.byAgent).toContainEqual(
      expect.objectContaining({ agent: "judge", role: "judge", tokensPerCall: 350, source: "default" }),
    );
    const text = await runCli(
      [
        "estimate",
        ...sampleRunArgs(join(work, "never"), "--limit", "3", "--config", join(work, "priced-judge.json")).slice(1),
      ],
      { env: testServerEnv(server.url) },
    );
    expect(text.stdout).toMatch(/By role \(corpus, expected\): .*judge \d+ calls \$/);
  }, 300_000);
});
