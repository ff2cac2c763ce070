// Spend as a user sees it: dollars per call in the call log, per role, agent and skill in `status`, unknown (never
// $0) without a price, and a hard budget (--max-cost) that stops a run resumably and lets a higher one finish it
// without paying twice. Real CLI child processes, real HTTP to the test server, real SQLite.
import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProgressView } from "../cli/progress.js";
import { type RunProgress, runSkills } from "../runner/run-skills.js";
import { resolveRunConfig } from "../runtime/config.js";
import { BudgetReachedError } from "../runtime/errors.js";
import { Budget, spentBefore } from "../runtime/models/budget.js";
import type { ModelRole, ResolvedModel } from "../runtime/models/model-roles.js";
import { OpenAICompatibleGateway } from "../runtime/models/openai-adapter.js";
import { guessRequestTokens } from "../runtime/models/token-estimate.js";
import { openSqliteStore, SqliteRunStore } from "../runtime/store/sqlite-store.js";
import { runCli, sampleRunArgs, testServerEnv } from "./support/cli.js";
import { readRecords } from "./support/dataset.js";
import { startTestServer, type TestServer } from "./support/openai-test-server.js";

/** USD per million tokens for the test model: input and output differ, so a swapped pair shows. */
const PRICE = { input: 2, output: 8 };
const CONCURRENCY = 2;

let server: TestServer;
let work: string;
let pricedConfig: string;
let baseline: { requests: number; usd: number; records: number; status: Status };

// biome-ignore lint/suspicious/noExplicitAny: status --json is checked field by field.
type Status = any;

const env = () => testServerEnv(server.url);
const runArgs = (out: string, ...extra: string[]) =>
  sampleRunArgs(out, "--limit", "3", "--rounds", "0", "--concurrency", String(CONCURRENCY), ...extra);

async function status(out: string): Promise<Status> {
  const result = await runCli(["status", out, "--json"]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

const costOfTokens = (tokens: { input: number; output: number }) =>
  (tokens.input * PRICE.input + tokens.output * PRICE.output) / 1e6;

/** The most one call of this run cost, from the call log. */
function dearestCall(out: string): number {
  const db = new Database(join(out, "run.db"), { readonly: true });
  try {
    return (db.prepare("SELECT max(cost_usd) AS usd FROM calls").get() as { usd: number }).usd;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  server = await startTestServer({ latencyMs: 5 });
  work = await mkdtemp(join(tmpdir(), "spend-"));
  pricedConfig = join(work, "priced.json");
  await writeFile(pricedConfig, JSON.stringify({ prices: { "openai:test-model": PRICE } }));
  const out = join(work, "baseline");
  const result = await runCli(runArgs(out, "--config", pricedConfig), { env: env() });
  expect(result.code, result.stderr).toBe(0);
  const summary = await status(out);
  baseline = {
    requests: server.requests.length,
    usd: summary.cost.usd,
    records: readRecords(join(out, "data", "rc.jsonl")).length,
    status: summary,
  };
  expect(baseline.records).toBeGreaterThan(3);
}, 180_000);
afterAll(async () => {
  await server.close();
});

describe("cost", { timeout: 180_000 }, () => {
  it("is the server's usage at the configured price, per role, agent and skill, in status --json and the table", async () => {
    const { cost, tokens, calls } = baseline.status;
    expect(calls).toBe(baseline.requests);
    expect(cost.usd).toBeGreaterThan(0);
    expect(cost.usd).toBeCloseTo(costOfTokens(tokens), 10);
    expect(cost.unknownCalls).toBe(0);
    expect(Object.keys(cost.bySkill)).toEqual(["reading-comprehension"]);
    expect(cost.bySkill["reading-comprehension"]).toBeCloseTo(cost.usd, 10);
    expect(Object.keys(cost.byRole).sort()).toEqual(["instruct", "respond", "transform", "verify"]);
    const sum = (groups: Record<string, number>) => Object.values(groups).reduce((total, usd) => total + usd, 0);
    expect(sum(cost.byRole)).toBeCloseTo(cost.usd, 10);
    expect(sum(cost.byAgent)).toBeCloseTo(cost.usd, 10);

    const table = await runCli(["status", join(work, "baseline")]);
    expect(table.stdout).toContain(`cost $${cost.usd.toFixed(4)} | by role: `);
    expect(table.stdout).toMatch(/cost by agent: .*instruct:\S+ \$0\.\d{4}/);
  });

  it("of each call is in the call log (status --item)", async () => {
    const db = new Database(join(work, "baseline", "run.db"), { readonly: true });
    const itemId = (db.prepare("SELECT item_id FROM calls LIMIT 1").get() as { item_id: string }).item_id;
    db.close();
    const shown = await runCli(["status", join(work, "baseline"), "--item", itemId, "--json"]);
    const { calls } = JSON.parse(shown.stdout) as {
      calls: Array<{ usage: { input_tokens: number; output_tokens: number }; costUsd: number }>;
    };
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(call.costUsd).toBeCloseTo(
        costOfTokens({ input: call.usage.input_tokens, output: call.usage.output_tokens }),
        12,
      );
    }
  });

  it("is unknown, never 0, for a self-hosted server with no price configured", async () => {
    const out = join(work, "unpriced");
    const result = await runCli(runArgs(out), { env: env() });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      "cost unknown (no price for openai:test-model — add it under prices in the config)",
    );
    const summary = await status(out);
    expect(summary.cost.usd).toBeNull();
    expect(summary.cost.unknownCalls).toBe(summary.calls);
    expect(summary.cost.unpricedModels).toEqual(["openai:test-model"]);
    expect(summary.cost.bySkill["reading-comprehension"]).toBeNull();
    expect(Object.values(summary.cost.byRole).every((usd) => usd === null)).toBe(true);
    const table = await runCli(["status", out]);
    expect(table.stdout).toContain("unknown (no price for openai:test-model — add it under prices in the config)");
    expect(table.stdout).not.toMatch(/\$0\.0+\b(?!\d)/);
  });

  it("opens a run.db from before costs were logged, its calls' cost unknown", async () => {
    const path = join(work, "old", "run.db");
    new SqliteRunStore(path).close();
    const db = new Database(path);
    db.exec("ALTER TABLE calls DROP COLUMN cost_usd");
    db.prepare(
      "INSERT INTO calls (item_id, agent, role, model, input_tokens, output_tokens, latency_ms, attempts, cached, at) VALUES ('rc/a', 'verify', 'verify', 'openai:test-model', 10, 5, 1, 1, 0, datetime('now'))",
    ).run();
    db.close();
    const store = new SqliteRunStore(path);
    try {
      const summary = await store.summary();
      expect(summary.cost).toMatchObject({ usd: null, unknownCalls: 1, byRole: { verify: null } });
      expect(await store.spend()).toEqual({
        usd: 0,
        unpriced: [{ role: "verify", model: "openai:test-model", usage: { input_tokens: 10, output_tokens: 5 } }],
      });
      // A budget on a resumed run counts those calls at today's price, and refuses to guess without one.
      const models = Object.fromEntries(
        ["transform", "instruct", "refine", "respond", "verify"].map((role) => [
          role,
          {
            provider: "openai",
            name: "test-model",
            baseURL: "http://127.0.0.1:1/v1",
            apiKey: "k",
            temperature: 0,
            structuredOutput: "json_schema",
          },
        ]),
      ) as Record<ModelRole, ResolvedModel>;
      expect(await spentBefore(store, models, { "openai:test-model": PRICE })).toBeCloseTo(
        costOfTokens({ input: 10, output: 5 }),
        12,
      );
      await expect(spentBefore(store, models, {})).rejects.toThrow('Add openai:test-model under "prices"');
    } finally {
      await store.close();
    }
  });
});

describe("the gateway", () => {
  const request = { role: "respond" as const, messages: [{ role: "user" as const, content: "How far is the moon?" }] };
  const context = (itemId: string) => ({
    runId: "r",
    skill: "rc",
    flow: "respond",
    agent: "respond",
    itemId,
    seedId: "s",
  });
  const testModel = (): ResolvedModel => ({
    provider: "openai",
    name: "test-model",
    baseURL: server.url,
    apiKey: "test-key",
    temperature: 0.7,
    structuredOutput: "json_schema",
  });
  async function gatewayWith(options: { budget?: Budget } = {}) {
    const store = openSqliteStore(join(await mkdtemp(join(tmpdir(), "spend-gateway-")), "run.db"));
    const model = testModel();
    const models = Object.fromEntries(
      ["transform", "instruct", "refine", "respond", "verify"].map((role) => [role, model]),
    ) as Record<ModelRole, ResolvedModel>;
    const gateway = new OpenAICompatibleGateway({
      models,
      concurrency: 2,
      timeoutMs: 10_000,
      retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 50, maxRetryAfterMs: 1000 },
      cache: store,
      calls: store,
      prices: { "openai:test-model": PRICE },
      ...options,
    });
    return { gateway, store };
  }

  it("logs an answer's cost from its usage, a cache hit's and a failure's as 0", async () => {
    server.reset();
    const { gateway, store } = await gatewayWith();
    try {
      const answered = await gateway.complete(request, context("rc/a"));
      await gateway.complete(request, context("rc/a"));
      server.enqueueFaults("400");
      await expect(
        gateway.complete({ ...request, messages: [{ role: "user", content: "Why?" }] }, context("rc/a")),
      ).rejects.toThrow();
      const calls = await store.itemCalls("rc/a");
      expect(calls.map((call) => [call.cached, call.error !== undefined])).toEqual([
        [false, false],
        [true, false],
        [false, true],
      ]);
      expect(calls[0]?.costUsd).toBeCloseTo(
        costOfTokens({ input: answered.usage.input_tokens, output: answered.usage.output_tokens }),
        12,
      );
      expect(calls[0]?.costUsd).toBeGreaterThan(0);
      expect(calls.slice(1).map((call) => call.costUsd)).toEqual([0, 0]);
    } finally {
      await store.close();
    }
  });

  it("sends nothing once the budget has no room for a call, and counts what an answer cost", async () => {
    server.reset();
    // Room for the first call's estimate (its text, and 1,024 reply tokens) and no more.
    const guess = guessRequestTokens({ ...request, model: testModel() });
    const budget = new Budget(costOfTokens(guess) + 1e-6, 0);
    const { gateway, store } = await gatewayWith({ budget });
    try {
      await gateway.complete(request, context("rc/b"));
      const [paid] = await store.itemCalls("rc/b");
      expect(budget.spentUsd).toBeCloseTo(paid?.costUsd ?? Number.NaN, 12);
      const next = { ...request, messages: [{ role: "user" as const, content: "And the sun?" }] };
      await expect(gateway.complete(next, context("rc/b"))).rejects.toThrow(BudgetReachedError);
      expect(server.requests.length).toBe(1);
      expect(budget.reached).toBe(true);
    } finally {
      await store.close();
    }
  });
});

describe("progress line", { timeout: 120_000 }, () => {
  const lines = (progress: RunProgress) => {
    const written: string[] = [];
    const stream = { isTTY: false, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
    createProgressView(stream).update(progress);
    return written.join("");
  };
  const progress = (fields: Partial<RunProgress>): RunProgress => ({
    phase: "generating",
    items: { total: 10, pending: 6, running: 2, done: 2, failed: 0, filtered: 0 },
    calls: 30,
    failedCalls: 0,
    cachedCalls: 0,
    tokens: { input: 1000, output: 100 },
    spentUsd: 0.5,
    rateLimitWaitMs: 0,
    concurrency: 4,
    ...fields,
  });

  it("gets the run's spend as it goes, and a projection once items finish (runSkills in-process)", async () => {
    const config = resolveRunConfig(
      {
        skills: ["rc"],
        seeds: ["seeds/sample"],
        limit: 2,
        rounds: 0,
        out: join(work, "progress"),
        model: "openai:test-model",
        concurrency: CONCURRENCY,
        config: pricedConfig,
      },
      { OPENAI_BASE_URL: server.url },
      process.cwd(),
    );
    const updates: RunProgress[] = [];
    const outcome = await runSkills(config, { onProgress: (update) => updates.push(structuredClone(update)) });
    const final = updates.at(-1);
    expect(final?.spentUsd).toBeCloseTo(outcome.summary.cost.usd ?? Number.NaN, 10);
    // Every item finished: the projection is what was spent.
    expect(final?.projectedUsd).toBeCloseTo(final?.spentUsd ?? Number.NaN, 10);
    const spent = updates.map((update) => update.spentUsd ?? Number.NaN);
    expect(spent.every((usd, index) => index === 0 || usd >= (spent[index - 1] ?? 0))).toBe(true);
    const first = updates.findIndex((update) => update.items.done + update.items.filtered > 0);
    expect(updates.slice(0, first).every((update) => update.projectedUsd === undefined)).toBe(true);
  });

  it("shows what was spent and the projected total", () => {
    expect(lines(progress({ projectedUsd: 2.5 }))).toContain("| $0.5000 spent of ~$2.50 projected |");
    expect(lines(progress({}))).toContain("| $0.5000 spent |");
  });

  it("says the cost is unknown rather than $0 when a price is missing", () => {
    const text = lines(progress({ spentUsd: null }));
    expect(text).toContain("cost unknown");
    expect(text).not.toContain("$");
  });
});

describe("budget", { timeout: 300_000 }, () => {
  it("reserves and settles; a call that does not fit waits for calls in flight, and is refused once spend leaves no room", async () => {
    let reached = 0;
    const budget = new Budget(1, 0.25, () => {
      reached += 1;
    });
    const first = await budget.reserve(0.5);
    let second: Awaited<ReturnType<Budget["reserve"]>> | undefined;
    const waiting = budget.reserve(0.3).then((reservation) => {
      second = reservation;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(second).toBeUndefined();
    first.settle(0.1);
    await waiting;
    expect(budget.spentUsd).toBeCloseTo(0.35, 12);
    await expect(budget.reserve(0.7)).rejects.toThrow(BudgetReachedError);
    expect(reached).toBe(1);
    await expect(budget.reserve(0.01)).rejects.toThrow(BudgetReachedError);
    second?.settle(0.2);
    expect(budget.spentUsd).toBeCloseTo(0.55, 12);
    expect(reached).toBe(1);

    const tight = new Budget(1, 0);
    const inFlight = await tight.reserve(0.6);
    const queued = tight.reserve(0.6);
    inFlight.settle(0.5);
    await expect(queued).rejects.toThrow("budget reached: $0.5000 spent of $1.0000");
    expect(tight.reached).toBe(true);

    const fresh = new Budget(1, 0);
    (await fresh.reserve(0.6)).release();
    (await fresh.reserve(0.9)).settle(0.2);
    expect(fresh.spentUsd).toBeCloseTo(0.2, 12);
    expect(fresh.reached).toBe(false);
  });

  it("stops at --max-cost with exit 3 and no failed item, then a higher budget finishes without paying twice", async () => {
    server.reset();
    const out = join(work, "budget");
    const limit = Number((baseline.usd * 0.4).toPrecision(3));
    const stopped = await runCli(runArgs(out, "--config", pricedConfig, "--max-cost", String(limit), "--json"), {
      env: env(),
    });
    expect(stopped.code, stopped.stderr).toBe(3);
    const spent = await status(out);
    expect(stopped.stderr).toContain(
      `Budget reached: $${spent.cost.usd.toFixed(4)} spent of the $${limit.toFixed(4)} budget`,
    );
    expect(stopped.stderr).toContain("the resumed run counts the");
    expect(stopped.stderr).toMatch(/npx agentinstruct run --skills rc .* --max-cost \d/);
    expect(JSON.parse(stopped.stdout)).toMatchObject({ stopped: "budget", interrupted: true, budget: { usd: limit } });
    expect(spent.cost.usd).toBeGreaterThan(0);
    expect(spent.cost.usd).toBeLessThanOrEqual(limit + dearestCall(out));
    expect(spent.items).toMatchObject({ failed: 0, running: 0 });
    expect(spent.items.pending).toBeGreaterThan(0);
    const requestsStopped = server.requests.length;
    expect(requestsStopped).toBeLessThan(baseline.requests);

    // The same budget again: what was spent counts, so nothing more is sent.
    const again = await runCli(runArgs(out, "--config", pricedConfig, "--max-cost", String(limit)), { env: env() });
    expect(again.code, again.stderr).toBe(3);
    expect(server.requests.length - requestsStopped).toBeLessThanOrEqual(CONCURRENCY);

    const resumed = await runCli(runArgs(out, "--config", pricedConfig, "--max-cost", String(baseline.usd * 10)), {
      env: env(),
    });
    expect(resumed.code, resumed.stderr).toBe(0);
    const final = await status(out);
    expect(final.items).toMatchObject({ pending: 0, running: 0, failed: 0 });
    expect(final.items.done + final.items.filtered).toBe(final.items.total);
    expect(readRecords(join(out, "data", "rc.jsonl")).length).toBe(baseline.records);
    // Work already paid for is not asked again: the stopped and resumed runs together sent what one run sends.
    expect(server.requests.length).toBeLessThanOrEqual(baseline.requests);
    expect(final.cost.usd).toBeCloseTo(baseline.usd, 10);
  });

  it("takes budget.usd from the config file, and is not part of the configuration's fingerprint", async () => {
    const out = join(work, "budget-file");
    const config = join(work, "budget.json");
    await writeFile(
      config,
      JSON.stringify({ prices: { "openai:test-model": PRICE }, budget: { usd: baseline.usd * 0.3 } }),
    );
    const stopped = await runCli(runArgs(out, "--config", config), { env: env() });
    expect(stopped.code, stopped.stderr).toBe(3);
    // A higher budget on the command line continues the same run: no --force-config needed.
    const resumed = await runCli(runArgs(out, "--config", config, "--max-cost", String(baseline.usd * 10)), {
      env: env(),
    });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect((await status(out)).items.pending).toBe(0);
  });

  it("is refused at start when a model has no price, naming the model and how to add one", async () => {
    server.reset();
    const out = join(work, "budget-unpriced");
    const result = await runCli(runArgs(out, "--max-cost", "5"), { env: env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("needs the price of every model");
    expect(result.stderr).toContain("openai:test-model (role transform, instruct, refine, respond, verify) has none");
    expect(result.stderr).toContain('under "prices" in the config file');
    expect(server.requests.length).toBe(0);
    expect(existsSync(join(out, "run.db"))).toBe(false);
  });
});
