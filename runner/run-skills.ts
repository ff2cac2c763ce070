// Running skills over a corpus: open (or resume) the run store, read the corpus into items, and drive
// each item's LangGraph thread from a bounded pool until every item reaches a recorded final state.
// The CLI and scripts call this same function.
import { EventEmitter, setMaxListeners } from "node:events";
import { GraphDrained, isGraphDrained, RunControl } from "@langchain/langgraph";
import type { SkillSpec } from "../agents/define-skill.js";
import { chooseSkills } from "../agents/index.js";
import { buildSkillGraph } from "../graphs/build-skill-graph.js";
import type { FlowHooks } from "../graphs/flow-types.js";
import type { ItemStateValue } from "../graphs/skill-state.js";
import { configFingerprint, type RunConfig, rolesInUse } from "../runtime/config.js";
import { ConfigError, EngineError, InputError, type ServerUnreachableError, toErrorRecord } from "../runtime/errors.js";
import type { ExportedFile } from "../runtime/export/export-dataset.js";
import { RunDataFiles } from "../runtime/export/run-data-files.js";
import { sha256 } from "../runtime/hash.js";
import { Budget, requirePrices, spentBefore } from "../runtime/models/budget.js";
import { Gateway } from "../runtime/models/gateway.js";
import { InProcessLimits } from "../runtime/models/limits-in-process.js";
import type { ModelAdapter } from "../runtime/models/model-adapter.js";
import { modelLabel } from "../runtime/models/model-roles.js";
import { openSharedLimits } from "../runtime/models/open-limits.js";
import { OpenAICompatibleAdapter } from "../runtime/models/openai-adapter.js";
import { preflight } from "../runtime/models/preflight.js";
import { RateLimits } from "../runtime/models/rate-limits.js";
import { DEFAULT_RETRY_POLICY } from "../runtime/models/retry-policy.js";
import type { SharedLimits } from "../runtime/models/shared-limits.js";
import { type LastingCache, openLastingCache } from "../runtime/store/lasting-cache.js";
import { describeStore, openStore, storeKind } from "../runtime/store/open-store.js";
import {
  type ClaimedItem,
  type CommitDedup,
  ITEM_STATUSES,
  type Item,
  type ItemStatus,
  LeaseLostError,
  nothingSurvived,
  type RunStore,
  type RunSummary,
  type WorkerIdentity,
} from "../runtime/store/run-store.js";
import { buildRecords, recordId } from "./build-records.js";
import { ingestCorpus } from "./ingest-corpus.js";
import { prepareTools } from "./prepare-tools.js";
import { saveRunSettings } from "./run-settings.js";
import { indexDedupAgainst, openRecordScreen } from "./screen-records.js";
import { isGoneHere, newWorkerIdentity } from "./worker-id.js";

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
  /** Items this worker had run whose lease another worker took over: their results were dropped (absent: 0). */
  leasesLost?: number;
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
  /** This process as a worker of the run (default: a new `<host>:<pid>:<random>` identity). */
  worker?: WorkerIdentity;
  /**
   * Join the run already in the store (`agentinstruct worker`): no corpus is read and the stored configuration
   * stays as it is; `config` is the one stored (runner/run-settings.ts).
   */
  join?: boolean;
  /** Failed items are retried only if they failed before this time (epoch ms; default: when this call began). */
  failedBefore?: number;
  /** Write data/<split>.jsonl at the end (default true; `run --workers` has its parent write it once). */
  writeData?: boolean;
  /** How often a worker with nothing to claim looks again while others hold items (default 1 s). */
  pollMs?: number;
  /** Keep the rate limits and budget in this process, not shared with other workers (the estimate's sample run). */
  localLimits?: boolean;
}

export interface RunOutcome {
  runId: string;
  out: string;
  interrupted: boolean;
  summary: RunSummary;
  /**
   * `<out>/data/<split>.jsonl` and their rows: each committed record appended once, in commit order, as its item
   * commits (by any worker). Empty with a store that keeps no data files (Postgres): `export` writes those.
   */
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
  /** This process's worker id, and how many of its items other workers took over (their results dropped). */
  worker: string;
  leasesLost: number;
}

export { RUN_DB } from "../runtime/store/open-store.js";

/** A worker that stops renewing (it died) stops holding budget this long after its last renewal. */
const BUDGET_TTL_MS = 30_000;

async function openRunStore(config: RunConfig): Promise<RunStore> {
  try {
    return await openStore({ out: config.out, store: config.store });
  } catch (error) {
    // A Postgres store's error already names the store and the reason.
    if (error instanceof EngineError) throw error;
    throw new InputError(`cannot use ${config.out} as the output directory: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** Open the run store for `out` to join the run in it: its stored configuration is the one that runs. */
export async function joinRun(config: RunConfig): Promise<{ store: RunStore; runId: string }> {
  const store = await openRunStore(config);
  const runId = await store.getMeta("run_id");
  if (!runId) {
    await store.close();
    const where = config.store ? describeStore({ out: config.out, store: config.store }) : config.out;
    throw new ConfigError(`no run to join in ${where}: start one with \`agentinstruct run\``);
  }
  return { store, runId };
}

/** Open the run store (`<out>/run.db`, or `config.store`), refusing a different configuration unless forced. */
export async function openRun(
  config: RunConfig,
  skills: readonly SkillSpec[],
): Promise<{ store: RunStore; runId: string }> {
  const store = await openRunStore(config);
  const location = { out: config.out, store: config.store };
  try {
    const { fingerprint, material } = configFingerprint(config, [...skills]);
    const previous = await store.getMeta("fingerprint");
    if (previous && previous !== fingerprint && !config.forceConfig) {
      const before = JSON.parse((await store.getMeta("config")) ?? "{}") as Record<string, unknown>;
      const changed = Object.keys(material as object).filter(
        (key) => JSON.stringify(before[key]) !== JSON.stringify((material as Record<string, unknown>)[key]),
      );
      const postgres = storeKind(location) === "postgres";
      const elsewhere = postgres ? "another schema (--store …?schema=name)" : "a new --out directory";
      throw new ConfigError(
        `${postgres ? describeStore(location) : config.out} holds a run with a different configuration (changed: ${changed.join(", ") || "unknown"}). ` +
          `Use ${elsewhere}, or pass --force-config to continue this run with the new settings.`,
      );
    }
    await store.setMeta("fingerprint", fingerprint);
    await store.setMeta("config", JSON.stringify(material));
    await saveRunSettings(store, config, skills);
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

/** Read the corpus into the store (idempotent); an empty corpus is an error, not an empty success. */
async function readCorpusInto(
  store: RunStore,
  skills: readonly SkillSpec[],
  config: RunConfig,
  signal: AbortSignal,
): Promise<void> {
  await ingestCorpus(store, skills, { ...config, signal });
  await indexDedupAgainst(config, skills, store);
  const counts = await store.countItems();
  if (counts.total === 0 && !signal.aborted) {
    // A typo in a path must not look like an empty success.
    const { skipped } = await store.summary();
    const reasons = skipped.slice(0, 5).map((entry) => `${entry.source}: ${entry.reason}`);
    throw new InputError(
      `no usable seeds in ${config.seeds.join(", ")}` +
        (reasons.length > 0 ? ` (${reasons.join("; ")}${skipped.length > 5 ? "; …" : ""})` : ""),
    );
  }
}

/**
 * `run --enqueue-only` (and the parent of `run --workers`): open or resume the run, read the corpus into its store
 * and keep the configuration there for workers to join; nothing is run.
 */
export async function enqueueRun(config: RunConfig, options: { signal?: AbortSignal } = {}): Promise<RunSummary> {
  const skills = chooseSkills(config);
  if (config.budget) requirePrices(config.models, config.prices, rolesInUse(config));
  const { store } = await openRun(config, skills);
  try {
    // An eval file that cannot be read fails the run here, not in every worker that joins it.
    await openRecordScreen(config, skills, store);
    await readCorpusInto(store, skills, config, options.signal ?? new AbortController().signal);
    return await store.summary();
  } finally {
    await store.close();
  }
}

export async function runSkills(config: RunConfig, options: RunOptions = {}): Promise<RunOutcome> {
  const started = performance.now();
  const failedBefore = options.failedBefore ?? Date.now();
  // LangGraph links an abort signal per Send branch; a fan-out wider than 10 is normal here, not a leak.
  EventEmitter.defaultMaxListeners = Math.max(EventEmitter.defaultMaxListeners, 100);
  const skills = chooseSkills(config);
  const controller = options.controller ?? new RunController();
  // Before anything is written: a budget over a model we cannot price could not hold.
  if (config.budget) requirePrices(config.models, config.prices, rolesInUse(config));
  const { store, runId } = options.join ? await joinRun(config) : await openRun(config, skills);
  const worker = options.worker ?? newWorkerIdentity();
  let registered = false;
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
    leasesLost: 0,
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
      : await openSharedLimits({ out: config.out, store: config.store, redis: config.redis, runId });
    if (!options.join) await readCorpusInto(store, skills, config, controller.drainSignal);
    const before = await store.summary();
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

    // This process in the shared budget (as the run's worker): its reservations lapse if it stops renewing them.
    if (config.budget) {
      budget = new Budget(
        config.budget.usd,
        await spentBefore(store, config.models, config.prices),
        () => controller.drain("budget reached"),
        { limits, worker: worker.id, ttlMs: BUDGET_TTL_MS },
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
    const screen = await openRecordScreen(config, skills, store);
    const deps = {
      gateway,
      ...(screen ? { screen: screen.beforeResponse.bind(screen) } : {}),
      tools: await prepareTools(config, skills, store),
      loadSeed: (id: string) => store.getSeed(id),
      runId,
      runSeed: config.seed,
      rounds: config.rounds,
      outputAttempts: config.request.outputAttempts,
      onDisagree: config.verification.onDisagree,
      ...(config.judge ? { judge: config.judge } : {}),
      signal: controller.abortSignal,
    };
    const graphs = new Map(
      skills.map((skill) => [
        skill.id,
        buildSkillGraph(skill, deps, options.hooks?.[skill.id]).compile({ checkpointer: store.checkpointer }),
      ]),
    );
    const models = Object.fromEntries(rolesInUse(config).map((role) => [role, modelLabel(config.models[role])]));
    const specs = new Map(skills.map((skill) => [skill.id, skill]));
    const dataFiles = new RunDataFiles(store, config.out);
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

    /** Runs a claimed item to a final state; false when another worker took it over (nothing was committed). */
    const runItem = async (item: ClaimedItem, lease: Lease): Promise<boolean> => {
      const graph = graphs.get(item.skill);
      const spec = specs.get(item.skill);
      if (!graph || !spec) throw new Error(`claimed item ${item.id} of a skill this run does not have`);
      move(item.claimedFrom, "running");
      const control = new RunControl();
      lease.control = control;
      controls.add(control);
      if (controller.drainSignal.aborted || lease.lost) control.requestDrain("stop requested");
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
            await store.filterItem(item.id, final.filtered, notes, worker.id);
            move("running", "filtered");
            return true;
          }
          const seed = await store.getSeed(item.seedId);
          if (!seed) throw new Error(`seed ${item.seedId} is missing from the run store`);
          let records = buildRecords(spec, final, seed, models);
          let kept = notes;
          let dedup: CommitDedup | undefined;
          if (screen) {
            // Contaminated records go now; duplicates are settled in the commit's transaction (another worker may
            // have committed one since this item's instructions were checked).
            const drafts = new Map(final.drafts.map((draft) => [recordId(item.id, draft.id), draft.id]));
            const screened = screen.atCommit(item.id, records, (record) => drafts.get(record.id) ?? record.id);
            records = screened.records;
            kept = [...notes, ...screened.notes];
            dedup = screened.dedup;
          }
          if (records.length === 0) {
            await store.filterItem(item.id, nothingSurvived(kept), kept, worker.id);
            move("running", "filtered");
            return true;
          }
          const outcome = await store.completeItem(item.id, records, kept, worker.id, dedup);
          if (outcome.filtered) {
            move("running", "filtered");
            return true;
          }
          move("running", "done");
          dataFiles.append();
          return true;
        } catch (error) {
          if (error instanceof LeaseLostError) throw error;
          if (isGraphDrained(error) || controller.drainSignal.aborted || lease.lost) {
            await store.interruptItem(item.id, worker.id);
            move("running", "pending");
            return false;
          }
          await store.failItem(item.id, toErrorRecord(error), worker.id);
          move("running", "failed");
          return true;
        }
      } catch (error) {
        if (!(error instanceof LeaseLostError)) throw error;
        // Another worker holds the item now and commits it: this result is dropped (the refresh recounts it).
        progress.leasesLost = (progress.leasesLost ?? 0) + 1;
        report();
        return false;
      } finally {
        controls.delete(control);
      }
    };

    await store.registerWorker(worker);
    registered = true;
    const ids = options.only ? await acceptedIds(store, options.only) : undefined;
    await drivePool(store, runItem, {
      worker: worker.id,
      inFlight: options.itemsInFlight ?? Math.max(1, config.concurrency),
      maxItemAttempts: options.maxItemAttempts ?? 3,
      failedBefore,
      leaseMs: config.workers.leaseMs,
      pollMs: options.pollMs ?? 1000,
      skills: skills.map((skill) => skill.id),
      ...(ids ? { ids } : {}),
      signal: controller.drainSignal,
      onCounts: (items) => {
        progress.items = items;
        report();
      },
    });
    controller.drainSignal.removeEventListener("abort", stopAll);
    await store.leaveWorker(worker.id);
    registered = false;
    progress.items = await store.countItems();
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
      dataFiles: options.writeData === false ? [] : dataFiles.finish(),
      durationMs: performance.now() - started,
      worker: worker.id,
      leasesLost: progress.leasesLost ?? 0,
      ...(budget?.reached ? { stopped: "budget" as const } : {}),
      ...(budget ? { budget: { usd: budget.limitUsd, spentUsd: budget.spentUsd } } : {}),
    };
  } finally {
    lasting?.close();
    // An error left items claimed: they go back to pending now rather than when their lease runs out.
    if (registered) await store.leaveWorker(worker.id).catch(() => undefined);
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

/** The ids of the items `only` accepts, read a page at a time (a run over a chosen sample). */
async function acceptedIds(store: RunStore, only: (item: Item) => boolean): Promise<string[]> {
  const ids: string[] = [];
  let after = 0;
  for (;;) {
    const page = await store.listItems(ITEM_STATUSES, after, 1000);
    if (page.length === 0) return ids;
    for (const item of page) if (only(item)) ids.push(item.id);
    after = page[page.length - 1]?.ordinal ?? after;
  }
}

/** One claimed item while this worker runs it: `lost` once a heartbeat finds another worker holds it now. */
interface Lease {
  lost: boolean;
  control?: RunControl;
}

interface PoolOptions {
  worker: string;
  inFlight: number;
  maxItemAttempts: number;
  failedBefore: number;
  leaseMs: number;
  pollMs: number;
  skills: readonly string[];
  ids?: readonly string[];
  signal: AbortSignal;
  /** The store's item counts, re-read now and then: other workers move items too. */
  onCounts: (items: Record<ItemStatus | "total", number>) => void;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });

/**
 * The worker's pool: it claims runnable items from the store as slots free up (in corpus order, under a lease
 * it renews by heartbeat) until nothing is left. With nothing to claim while other workers hold items, it polls:
 * an item whose worker dies becomes claimable once its lease runs out (at once when that worker's process is
 * seen gone on this machine). Stops claiming once `signal` fires.
 */
async function drivePool(
  store: RunStore,
  runItem: (item: ClaimedItem, lease: Lease) => Promise<boolean>,
  options: PoolOptions,
): Promise<void> {
  const held = new Map<string, Lease>();
  const active = new Set<Promise<void>>();
  let finished = 0;
  let stopped = false;

  const beat = async () => {
    // Only items held before the call are judged: one claimed meanwhile is not in the answer yet.
    const before = [...held.keys()];
    const still = new Set(await store.heartbeat(options.worker, options.leaseMs, { inFlight: held.size, finished }));
    for (const id of before) {
      const lease = held.get(id);
      if (lease && !still.has(id)) {
        lease.lost = true;
        lease.control?.requestDrain("another worker took the item over");
      }
    }
    await recount(true);
  };
  // Other workers move items too: the counts are re-read from the store every couple of seconds of claiming.
  let counted = performance.now();
  const recount = async (now = false) => {
    if (!now && performance.now() - counted < 2000) return;
    counted = performance.now();
    options.onCounts(await store.countItems());
  };
  let heartbeat: NodeJS.Timeout | undefined;
  const schedule = () => {
    heartbeat = setTimeout(() => {
      // A busy store delays a beat; the next one renews the leases (a lease outlives two missed beats).
      beat()
        .catch(() => undefined)
        .finally(() => {
          if (!stopped) schedule();
        });
    }, options.leaseMs / 3);
  };
  schedule();

  const claimOptions = {
    leaseMs: options.leaseMs,
    maxAttempts: options.maxItemAttempts,
    failedBefore: options.failedBefore,
    skills: options.skills,
    ...(options.ids ? { ids: options.ids } : {}),
  };
  try {
    for (;;) {
      if (options.signal.aborted) break;
      const free = options.inFlight - active.size;
      if (free <= 0) {
        await Promise.race(active);
        continue;
      }
      const claimed = await store.claimItems(options.worker, { ...claimOptions, limit: free });
      for (const item of claimed) {
        const lease: Lease = { lost: false };
        held.set(item.id, lease);
        const task = runItem(item, lease)
          .then((ended) => {
            if (ended) finished += 1;
          })
          .finally(() => {
            held.delete(item.id);
            active.delete(task);
          });
        active.add(task);
      }
      await recount();
      if (claimed.length > 0) continue;
      if (active.size > 0) {
        // Nothing to claim now: wait for a slot, or look again in a while (a lease elsewhere may run out).
        await Promise.race([...active, sleep(options.pollMs, options.signal)]);
        continue;
      }
      if ((await store.leasedElsewhere(options.worker, options.skills)) === 0) break;
      await releaseDeadWorkers(store);
      await recount(true);
      await sleep(options.pollMs, options.signal);
    }
    await Promise.all(active);
    // The worker's last counters, for `status` (it leaves next).
    await store.heartbeat(options.worker, options.leaseMs, { inFlight: 0, finished });
  } finally {
    stopped = true;
    clearTimeout(heartbeat);
  }
}

/** Workers of this machine whose process is gone: their items go back to pending now, not when leases run out. */
async function releaseDeadWorkers(store: RunStore): Promise<void> {
  for (const other of await store.workers()) {
    if (other.leftAt === undefined && other.leases > 0 && isGoneHere(other)) await store.leaveWorker(other.id);
  }
}
