// One worker process for the shared-limits tests: the real gateway, rate limits and budget over the run's shared
// limits (or, for contrast, this process's own), sending requests to the test server from the common start time
// until its duration ends or the budget refuses. Prints one JSON line: what it sent and what each call cost.
// `node dist/test/support/limits-worker.js '<json WorkerSpec>'`
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BudgetReachedError } from "../../runtime/errors.js";
import { Budget } from "../../runtime/models/budget.js";
import { InProcessLimits } from "../../runtime/models/limits-in-process.js";
import { MODEL_ROLES, type ModelRole, type ResolvedModel } from "../../runtime/models/model-roles.js";
import { type LimitsLocation, openSharedLimits } from "../../runtime/models/open-limits.js";
import { OpenAICompatibleGateway } from "../../runtime/models/openai-adapter.js";
import { RateLimits } from "../../runtime/models/rate-limits.js";
import { openSqliteStore } from "../../runtime/store/sqlite-store.js";

export interface WorkerSpec {
  worker: string;
  /** "shared": the run's shared limits at `location`; "process": this process's own (today's single process). */
  limits: "shared" | "process";
  location: LimitsLocation;
  serverUrl: string;
  /** Requests per minute told (absent: only what the headers say). */
  rpm?: number;
  concurrency: number;
  /** Date.now() at which every worker starts, so they overlap. */
  startAt: number;
  durationMs: number;
  budget?: { usd: number; ttlMs: number };
  price: { input: number; output: number };
}

export interface WorkerReport {
  worker: string;
  calls: number;
  failed: number;
  refused: boolean;
  /** What each answered call cost, from this worker's call log. */
  costs: number[];
}

/** The request every worker sends, numbered: every one is new, so none is answered from a cache. */
const workerMessage = (worker: string, index: number) =>
  `Worker ${worker}, question ${index}: how far is the moon from the earth, and how do we know?`;

async function main(spec: WorkerSpec): Promise<WorkerReport> {
  const limits = spec.limits === "shared" ? await openSharedLimits(spec.location) : new InProcessLimits();
  const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), "limits-worker-")), "run.db"));
  const model: ResolvedModel = {
    provider: "openai",
    name: "test-model",
    baseURL: spec.serverUrl,
    apiKey: "test-key",
    temperature: 0.7,
    structuredOutput: "json_schema",
  };
  const models = Object.fromEntries(MODEL_ROLES.map((role) => [role, model])) as Record<ModelRole, ResolvedModel>;
  const budget =
    spec.budget &&
    new Budget(spec.budget.usd, 0, undefined, { limits, worker: spec.worker, ttlMs: spec.budget.ttlMs, pollMs: 50 });
  const gateway = new OpenAICompatibleGateway({
    models,
    concurrency: spec.concurrency,
    timeoutMs: 120_000,
    retry: { maxAttempts: 5, baseDelayMs: 50, maxDelayMs: 1000, maxRetryAfterMs: 5000 },
    cache: store,
    calls: store,
    prices: { "openai:test-model": spec.price },
    rateLimits: new RateLimits(spec.rpm ? { rpm: spec.rpm } : {}, limits),
    ...(budget ? { budget } : {}),
  });
  const report: WorkerReport = { worker: spec.worker, calls: 0, failed: 0, refused: false, costs: [] };
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, spec.startAt - Date.now())));
  const deadline = spec.startAt + spec.durationMs;
  let next = 0;
  const lane = async () => {
    while (Date.now() < deadline && !report.refused) {
      next += 1;
      const request = {
        role: "respond" as const,
        messages: [{ role: "user" as const, content: workerMessage(spec.worker, next) }],
      };
      try {
        await gateway.complete(request, {
          runId: "r",
          skill: "rc",
          flow: "respond",
          agent: "respond",
          itemId: spec.worker,
          seedId: "s",
        });
        report.calls += 1;
      } catch (error) {
        if (error instanceof BudgetReachedError) report.refused = true;
        else report.failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, lane));
  report.costs = (await store.itemCalls(spec.worker))
    .filter((call) => !call.cached && call.error === undefined)
    .map((call) => call.costUsd ?? Number.NaN);
  await budget?.close();
  await limits.close();
  await store.close();
  return report;
}

main(JSON.parse(process.argv[2] ?? "{}") as WorkerSpec).then(
  (report) => {
    process.stdout.write(`${JSON.stringify(report)}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
