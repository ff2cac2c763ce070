// The run's configuration, kept in its store so a worker can join from anywhere with nothing but the store's
// location: skills as spec objects (a worker elsewhere has no skill files), models without their keys (each
// worker reads its own key from the variable the run named).
import { SKILLS, type SkillSpec } from "../agents/index.js";
import { RunConfig } from "../runtime/config.js";
import { ConfigError } from "../runtime/errors.js";
import type { RunStore } from "../runtime/store/run-store.js";

const META_KEY = "run_settings";

export async function saveRunSettings(store: RunStore, config: RunConfig, skills: readonly SkillSpec[]): Promise<void> {
  const models = Object.fromEntries(
    Object.entries(config.models).map(([role, { apiKey: _secret, ...model }]) => [role, model]),
  );
  const { webSearch: _key, ...tools } = config.tools;
  const stored = {
    ...config,
    skills: skills.map((skill) => (SKILLS.includes(skill) ? skill.id : skill)),
    skillFiles: [],
    skillDirs: [],
    models,
    tools,
    forceConfig: false,
    // Where the store is, and its password, is each worker's own setting (it is in the store already).
    store: undefined,
  };
  await store.setMeta(META_KEY, JSON.stringify(stored));
}

/** What a joining worker sets itself: where its files go, how many calls it makes at once, its lease. */
export interface WorkerSettings {
  out: string;
  /** The run store's URL, when it is not `<out>/run.db`. */
  store?: string;
  concurrency?: number;
  leaseMs?: number;
}

/** The stored configuration, with this worker's own settings and keys. */
export async function loadRunSettings(
  store: RunStore,
  worker: WorkerSettings,
  env: Record<string, string | undefined>,
): Promise<RunConfig> {
  const raw = await store.getMeta(META_KEY);
  if (!raw) {
    throw new ConfigError(
      "this run store holds no run configuration to join (it was started by an older version, or no run was " +
        "started yet): start the run with `agentinstruct run` (or `run --enqueue-only`) first",
    );
  }
  const stored = JSON.parse(raw) as Record<string, unknown> & {
    models: Record<string, { apiKeyEnv?: string }>;
    tools: Record<string, unknown>;
    workers?: { leaseMs?: number };
  };
  const models = Object.fromEntries(
    Object.entries(stored.models).map(([role, model]) => [
      role,
      { ...model, apiKey: env[model.apiKeyEnv ?? "OPENAI_API_KEY"] || "not-needed" },
    ]),
  );
  const webSearch = env.TAVILY_API_KEY
    ? { apiKey: env.TAVILY_API_KEY, ...(env.TAVILY_BASE_URL ? { baseURL: env.TAVILY_BASE_URL } : {}) }
    : undefined;
  return RunConfig.parse({
    ...stored,
    models,
    out: worker.out,
    store: worker.store,
    ...(worker.concurrency !== undefined ? { concurrency: worker.concurrency } : {}),
    workers: { ...stored.workers, ...(worker.leaseMs !== undefined ? { leaseMs: worker.leaseMs } : {}) },
    tools: { ...stored.tools, ...(webSearch ? { webSearch } : {}) },
  });
}
