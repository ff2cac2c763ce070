// Running skills over a corpus: open (or resume) the run store, read the corpus into items, and drive
// each item's LangGraph thread from a bounded pool until every item reaches a recorded final state.
// The CLI and scripts call this same function.
import { randomUUID } from "node:crypto";
import { EventEmitter, setMaxListeners } from "node:events";
import { hostname } from "node:os";
import { join } from "node:path";
import { GraphDrained, isGraphDrained, RunControl } from "@langchain/langgraph";
import type { SkillSpec } from "../agents/define-skill.js";
import { chooseSkills } from "../agents/index.js";
import { buildSkillGraph } from "../graphs/build-skill-graph.js";
import type { FlowHooks } from "../graphs/flow-types.js";
import type { ItemStateValue } from "../graphs/skill-state.js";
import { configFingerprint, type RunConfig } from "../runtime/config.js";
import { ConfigError, InputError, type ServerUnreachableError, toErrorRecord } from "../runtime/errors.js";
import { type ExportedFile, writeRunData } from "../runtime/export/export-dataset.js";
import { sha256 } from "../runtime/hash.js";
import { Budget, requirePrices, spentBefore } from "../runtime/models/budget.js";
import { Gateway } from "../runtime/models/gateway.js";
import { InProcessLimits } from "../runtime/models/limits-in-process.js";
import type { ModelAdapter } from "../runtime/models/model-adapter.js";
import { MODEL_ROLES, modelLabel } from "../runtime/models/model-roles.js";
import { openSharedLimits } from "../runtime/models/open-limits.js";
import { OpenAICompatibleAdapter } from "../runtime/models/openai-adapter.js";
import { preflight } from "../runtime/models/preflight.js";
import { RateLimits } from "../runtime/models/rate-limits.js";
import { DEFAULT_RETRY_POLICY } from "../runtime/models/retry-policy.js";
import type { SharedLimits } from "../runtime/models/shared-limits.js";
import { type LastingCache, openLastingCache } from "../runtime/store/lasting-cache.js";
import type { Item, ItemStatus, RunStore, RunSummary } from "../runtime/store/run-store.js";
import { openSqliteStore } from "../runtime/store/sqlite-store.js";
import { buildRecords } from "./build-records.js";
import { ingestCorpus } from "./ingest-corpus.js";
import { prepareTools } from "./prepare-tools.js";

/** Stops a run: `drain` finishes in-flight steps and checkpoints; `abort` also cancels in-flight calls. */
export class RunController {
  private readonly drainer = new AbortController();
  private readonly aborter = new AbortController();
  constructor() {
    // Every in-flight call listens on these signals; hundreds at once are expected, not a leak.
    setMaxListeners(0, this.drainer.signal, this.aborter.signal);
  }
  get drainSignal(): AbortSignal {
    return this.drainer.signal;
  }
  get abortSignal(): AbortSignal {
    return this.aborter.signal;
  }
  drain(reason = "stop requested"): void {
    if (!this.drainer.signal.aborted) this.drainer.abort(reason);
  }
  abort(reason = "stopped now"): void {
    this.drain(reason);
    if (!this.aborter.signal.aborted) this.aborter.abort(new GraphDrained(reason));
  }
}

export interface RunProgress {
  phase: "reading" | "generating" | "done";
  items: Record<ItemStatus | "total", number>;
  calls: number;
  failedCalls: number;
  cachedCalls: number;
  tokens: { input: number; output: number };
  /** USD spent so far, this run and earlier ones on the same --out; null when a call's price is unknown. */
  spentUsd: number | null;
  /** Spend per finished item × items in total, once an item has finished (and the spend is known). */
  projectedUsd?: number;
  /** Wall-clock time calls were held back by rate limits (this process). */
  rateLimitWaitMs: number;
  /** The adaptive concurrency limit now, summed over the run's models (0 before the first call). */
  concurrency: number;
  /** Set while calls wait for a server that stopped answering: "cannot reach <URL>: <reason>". */
  paused?: string;
}

export interface RunOptions {
  controller?: RunController;
  onProgress?: (progress: RunProgress) => void;
  /** Graph hooks per skill id (extension point for scripts). */
  hooks?: Record<string, FlowHooks>;
  /** Items driven at once; default: the model concurrency (each item fans out several calls). */
  itemsInFlight?: number;
  /** Failed items are retried on a later run while they have had fewer attempts than this. */
  maxItemAttempts?: number;
  /** The model's wire format; default: OpenAI-compatible HTTP. `agentinstruct estimate` passes a simulated one. */
  adapter?: ModelAdapter;
  /** Only items this accepts are driven (the estimate's sample); the others are left as they are. */
  only?: (item: Item) => boolean;
  /** Keep the rate limits and budget in this process, not shared with other workers (the estimate's sample run). */
  localLimits?: boolean;
}

export interface RunOutcome {
  runId: string;
  out: string;
  interrupted: boolean;
  summary: RunSummary;
  /** `<out>/data/<split>.jsonl`, rewritten whole from the store at the end of every run (interrupted ones too). */
  dataFiles: ExportedFile[];
  durationMs: number;
  /** Why the run stopped early, when it was not a signal: "budget" (the next call would pass the budget). */
  stopped?: "budget";
  /** The hard budget, when there is one: its limit and what the run has spent against it (earlier runs included). */
  budget?: { usd: number; spentUsd: number };
  /** Set when a model server stayed unreachable and the run stopped (resumably) because of it. */
  unreachable?: ServerUnreachableError;
  /** Time held back by rate limits, and the adaptive concurrency at the end. */
  pacing: { rateLimitWaitMs: number; concurrency: number };
}

export const RUN_DB = "run.db";
/** A worker that stops renewing (it died) stops holding budget this long after its last renewal. */
const BUDGET_TTL_MS = 30_000;

/** Open the run store for `out`, refusing a different configuration unless forced. */
export async function openRun(
  config: RunConfig,
  skills: readonly SkillSpec[],
): Promise<{ store: RunStore; runId: string }> {
  let store: RunStore;
  try {
    store = openSqliteStore(join(config.out, RUN_DB));
  } catch (error) {
    throw new InputError(`cannot use ${config.out} as the output directory: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    const { fingerprint, material } = configFingerprint(config, [...skills]);
    const previous = await store.getMeta("fingerprint");
    if (previous && previous !== fingerprint && !config.forceConfig) {
      const before = JSON.parse((await store.getMeta("config")) ?? "{}") as Record<string, unknown>;
      const changed = Object.keys(material as object).filter(
        (key) => JSON.stringify(before[key]) !== JSON.stringify((material as Record<string, unknown>)[key]),
      );
      throw new ConfigError(
        `${config.out} holds a run with a different configuration (changed: ${changed.join(", ") || "unknown"}). ` +
          "Use a new --out directory, or pass --force-config to continue this run with the new settings.",
      );
    }
    await store.setMeta("fingerprint", fingerprint);
    await store.setMeta("config", JSON.stringify(material));
    let runId = await store.getMeta("run_id");
    if (!runId) {
      runId = sha256(`${fingerprint}:${Date.now()}:${Math.random()}`, 12);
      await store.setMeta("run_id", runId);
    }
    return { store, runId };
  } catch (error) {
    await store.close();
    throw error;
  }
}

export async function runSkills(config: RunConfig, options: RunOptions = {}): Promise<RunOutcome> {
  const started = performance.now();
  // LangGraph links an abort signal per Send branch; a fan-out wider than 10 is normal here, not a leak.
  EventEmitter.defaultMaxListeners = Math.max(EventEmitter.defaultMaxListeners, 100);
  const skills = chooseSkills(config);
  const controller = options.controller ?? new RunController();
  // Before anything is written: a budget over a model we cannot price could not hold.
  if (config.budget) requirePrices(config.models, config.prices);
  const { store, runId } = await openRun(config, skills);
  let lasting: LastingCache | undefined;
  let limits: SharedLimits | undefined;
  let budget: Budget | undefined;
  const progress: RunProgress = {
    phase: "reading",
    items: { total: 0, pending: 0, running: 0, done: 0, failed: 0, filtered: 0 },
    calls: 0,
    failedCalls: 0,
    cachedCalls: 0,
    tokens: { input: 0, output: 0 },
    spentUsd: 0,
    rateLimitWaitMs: 0,
    concurrency: 0,
  };
  const report = () => {
    const { done, failed, filtered, total } = progress.items;
    const finished = done + failed + filtered;
    if (progress.spentUsd !== null && finished > 0) progress.projectedUsd = (progress.spentUsd / finished) * total;
    else delete progress.projectedUsd;
    options.onProgress?.(progress);
  };
  try {
    try {
      if (config.cache) lasting = openLastingCache(config.cache);
    } catch (error) {
      throw new InputError(`cannot use ${config.cache} as the response cache: ${(error as Error).message}`, {
        cause: error,
      });
    }
    // The rate limits and the budget hold across every worker of the run, wherever they run (open-limits.ts).
    limits = options.localLimits
      ? new InProcessLimits()
      : await openSharedLimits({ out: config.out, redis: config.redis, runId });
    await ingestCorpus(store, skills, { ...config, signal: controller.drainSignal });
    const before = await store.summary();
    if (before.items.total === 0 && !controller.drainSignal.aborted) {
      // A typo in a path must not look like an empty success.
      const reasons = before.skipped.slice(0, 5).map((entry) => `${entry.source}: ${entry.reason}`);
      throw new InputError(
        `no usable seeds in ${config.seeds.join(", ")}` +
          (reasons.length > 0 ? ` (${reasons.join("; ")}${before.skipped.length > 5 ? "; …" : ""})` : ""),
      );
    }
    Object.assign(progress, {
      phase: "generating",
      items: { ...before.items },
      calls: before.calls,
      failedCalls: before.failedCalls,
      cachedCalls: before.cachedCalls,
      tokens: { ...before.tokens },
      spentUsd: before.cost.usd,
    });
    report();

    // This process in the shared budget: its reservations lapse if it stops renewing them (it died).
    const budgetWorker = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
    if (config.budget) {
      budget = new Budget(
        config.budget.usd,
        await spentBefore(store, config.models, config.prices),
        () => controller.drain("budget reached"),
        { limits, worker: budgetWorker, ttlMs: BUDGET_TTL_MS },
      );
    }

    // A server that is not there fails the run now, not item after item (a script's own adapter needs no server).
    if (!options.adapter && !controller.drainSignal.aborted) await preflight(Object.values(config.models));
    let unreachable: ServerUnreachableError | undefined;
    // The adapter learns limits from response headers into the same buckets the gateway paces calls by.
    const rateLimits = new RateLimits(config.limits, limits);
    const gateway: Gateway = new Gateway({
      adapter: options.adapter ?? new OpenAICompatibleAdapter({ timeoutMs: config.request.timeoutMs, rateLimits }),
      models: config.models,
      concurrency: config.concurrency,
      rateLimits,
      outageMs: config.request.outageMs,
      onOutage: (error) => {
        // Items in flight go back to pending (drained), so a rerun once the server is back continues them.
        unreachable ??= error;
        controller.drain(error.message);
      },
      onPause: (url, reason) => {
        if (reason === undefined) delete progress.paused;
        else progress.paused = `cannot reach ${url}: ${reason}`;
        report();
      },
      // The Retry-After cap is not configurable: it keeps the policy's default.
      retry: {
        ...DEFAULT_RETRY_POLICY,
        maxAttempts: config.request.maxAttempts,
        baseDelayMs: config.request.baseDelayMs,
        maxDelayMs: config.request.maxDelayMs,
      },
      // One cache: the lasting one when given (it also serves this run's resume), else the run's own.
      cache: lasting ?? store,
      seed: config.seed,
      calls: store,
      prices: config.prices,
      ...(budget ? { budget } : {}),
      onCall: (event) => {
        if (event.cached) progress.cachedCalls += 1;
        else if (event.ok) {
          progress.calls += 1;
          // One call of unknown price makes the whole spend unknown: a partial sum would read as the total.
          progress.spentUsd =
            progress.spentUsd === null || event.costUsd === undefined ? null : progress.spentUsd + event.costUsd;
        } else progress.failedCalls += 1;
        progress.tokens.input += event.usage.input_tokens;
        progress.tokens.output += event.usage.output_tokens;
        Object.assign(progress, gateway.pacing);
        report();
      },
    });
    const deps = {
      gateway,
      tools: await prepareTools(config, skills, store),
      loadSeed: (id: string) => store.getSeed(id),
      runId,
      runSeed: config.seed,
      rounds: config.rounds,
      outputAttempts: config.request.outputAttempts,
      onDisagree: config.verification.onDisagree,
      signal: controller.abortSignal,
    };
    const graphs = new Map(
      skills.map((skill) => [
        skill.id,
        buildSkillGraph(skill, deps, options.hooks?.[skill.id]).compile({ checkpointer: store.checkpointer }),
      ]),
    );
    const models = Object.fromEntries(MODEL_ROLES.map((role) => [role, modelLabel(config.models[role])]));
    const specs = new Map(skills.map((skill) => [skill.id, skill]));
    const controls = new Set<RunControl>();
    const stopAll = () => {
      for (const control of controls) control.requestDrain(String(controller.drainSignal.reason ?? "stop"));
    };
    controller.drainSignal.addEventListener("abort", stopAll, { once: true });

    const move = (from: ItemStatus, to: ItemStatus) => {
      progress.items[from] -= 1;
      progress.items[to] += 1;
      report();
    };

    const runItem = async (item: Item): Promise<void> => {
      const graph = graphs.get(item.skill);
      const spec = specs.get(item.skill);
      // An item of a skill not requested this time, or outside the chosen items: left as it is.
      if (!graph || !spec || options.only?.(item) === false) return;
      await store.startItem(item.id);
      move(item.status, "running");
      const control = new RunControl();
      controls.add(control);
      if (controller.drainSignal.aborted) control.requestDrain("stop requested");
      const graphConfig = {
        configurable: { thread_id: item.id },
        control,
        durability: "sync" as const,
        recursionLimit: 200,
        runName: spec.id,
        tags: [`skill:${spec.id}`],
        metadata: { run_id: runId, seed_id: item.seedId, thread_id: item.id, skill: spec.id },
      };
      try {
        const fromStart = async () =>
          (await graph.invoke(
            { itemId: item.id, skill: item.skill, seedId: item.seedId },
            graphConfig,
          )) as ItemStateValue;
        const snapshot = await graph.getState(graphConfig);
        let final: ItemStateValue;
        if (!snapshot.createdAt) {
          final = await fromStart();
        } else if (snapshot.next.length > 0) {
          // Interrupted earlier: continue from the last checkpoint (finished branches are not re-run).
          final = (await graph.invoke(null, graphConfig)) as ItemStateValue;
        } else {
          final = snapshot.values as ItemStateValue;
        }
        if (snapshot.createdAt && lostItsWork(final) && !control.drainRequested) {
          // A resumed thread that ends with nothing to show (no answer, no note, not filtered) lost its pending
          // tasks: after a SIGKILL under load, its last checkpoint had no next task though the graph had not
          // finished (seen in test/resume.test.ts, about one run in three with two other runs beside it). Start
          // the item over; every call it had finished is answered from the response cache.
          await store.checkpointer.deleteThread(item.id);
          final = await fromStart();
        }
        if (control.drainRequested && (await graph.getState(graphConfig)).next.length > 0) {
          throw new GraphDrained("stop requested");
        }
        const notes = final.notes ?? [];
        if (final.filtered) {
          await store.filterItem(item.id, final.filtered, notes);
          move("running", "filtered");
          return;
        }
        const seed = await store.getSeed(item.seedId);
        if (!seed) throw new Error(`seed ${item.seedId} is missing from the run store`);
        const records = buildRecords(spec, final, seed, models);
        if (records.length === 0) {
          const dropped = notes.filter((note) => note.kind === "dropped").map((note) => note.reason);
          const why = dropped.length > 0 ? `: dropped ${dropped.join(", ")}` : "";
          await store.filterItem(item.id, `no instruction survived generation${why}`, notes);
          move("running", "filtered");
          return;
        }
        await store.completeItem(item.id, records, notes);
        move("running", "done");
      } catch (error) {
        if (isGraphDrained(error) || controller.drainSignal.aborted) {
          await store.interruptItem(item.id);
          move("running", "pending");
          return;
        }
        await store.failItem(item.id, toErrorRecord(error));
        move("running", "failed");
      } finally {
        controls.delete(control);
      }
    };

    await drivePool(store, runItem, {
      inFlight: options.itemsInFlight ?? Math.max(1, config.concurrency),
      maxItemAttempts: options.maxItemAttempts ?? 3,
      signal: controller.drainSignal,
    });
    controller.drainSignal.removeEventListener("abort", stopAll);
    progress.phase = "done";
    Object.assign(progress, gateway.pacing);
    report();
    return {
      runId,
      out: config.out,
      interrupted: controller.drainSignal.aborted,
      ...(unreachable ? { unreachable } : {}),
      pacing: gateway.pacing,
      summary: await store.summary(),
      dataFiles: await writeRunData(store, config.out),
      durationMs: performance.now() - started,
      ...(budget?.reached ? { stopped: "budget" as const } : {}),
      ...(budget ? { budget: { usd: budget.limitUsd, spentUsd: budget.spentUsd } } : {}),
    };
  } finally {
    lasting?.close();
    // Leaving is a courtesy to the other workers (this one's reservations lapse by themselves within the TTL):
    // a shared store that went away must not hide the run's own outcome or error.
    await budget?.close().catch(() => undefined);
    await limits?.close().catch(() => undefined);
    await store.close();
  }
}

/** A finished graph always leaves something: answers, notes (declines and drops), or a filter reason. */
function lostItsWork(state: ItemStateValue): boolean {
  return !state.filtered && (state.answers ?? []).length === 0 && (state.notes ?? []).length === 0;
}

/**
 * A bounded pool over the store's runnable items, read a page at a time so a corpus of millions of
 * items never sits in memory. Stops taking new items once `signal` fires.
 */
async function drivePool(
  store: RunStore,
  runItem: (item: Item) => Promise<void>,
  options: { inFlight: number; maxItemAttempts: number; signal: AbortSignal },
): Promise<void> {
  const runnable: ItemStatus[] = ["pending", "running", "failed"];
  const page = Math.max(100, options.inFlight * 4);
  const active = new Set<Promise<void>>();
  let after = 0;
  for (;;) {
    if (options.signal.aborted) break;
    const items = await store.listItems(runnable, after, page);
    if (items.length === 0) break;
    after = items[items.length - 1]?.ordinal ?? after;
    for (const item of items) {
      if (options.signal.aborted) break;
      if (item.status === "failed" && item.attempts >= options.maxItemAttempts) continue;
      const task = runItem(item).finally(() => active.delete(task));
      active.add(task);
      if (active.size >= options.inFlight) await Promise.race(active);
    }
  }
  await Promise.all(active);
}
