// Configuration is resolved once, at the edge: flags, a config file and the environment merge into one
// zod-parsed RunConfig that is passed down explicitly. Nothing below the CLI reads process.env.
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { DEFAULT_CHUNK_OPTIONS } from "./corpus/chunker.js";
import { ConfigError, formatZodIssues } from "./errors.js";
import { sha256, stableStringify } from "./hash.js";
import { JudgeRubric } from "./judge-rubric.js";
import {
  MODEL_ROLES,
  type ModelRole,
  type ResolvedModel,
  StructuredOutputMode,
  SUPPORTED_PROVIDERS,
} from "./models/model-roles.js";
import { Price } from "./models/prices.js";
import { DEFAULT_RETRY_POLICY } from "./models/retry-policy.js";
import { parsePostgresUrl } from "./store/postgres-url.js";

/** A run store URL (README > Run store on Postgres): checked once here, with a message saying what is wrong. */
const StoreUrl = z.string().superRefine((url, context) => {
  try {
    parsePostgresUrl(url);
  } catch (error) {
    context.addIssue({ code: "custom", message: (error as Error).message });
  }
});

export const ModelSettings = z.object({
  /** `provider:name`, e.g. `openai:gpt-4o-mini`. */
  model: z.string(),
  baseURL: z.string().url().optional(),
  /** Name of the environment variable holding the key (default OPENAI_API_KEY). */
  apiKeyEnv: z.string().optional(),
  temperature: z.number().min(0).max(2).default(0.7),
  maxTokens: z.number().int().positive().optional(),
  structuredOutput: StructuredOutputMode.default("json_schema"),
});
export type ModelSettings = z.infer<typeof ModelSettings>;

const ModelEntry = z.union([z.string(), ModelSettings]);

const perMinute = z.number().positive();
const REDIS_URL = /^rediss?:\/\//;
/** Per-minute limits of one endpoint and model (rate-limits.ts). */
const RateLimitSettings = z
  .object({ rpm: perMinute, tpm: perMinute, inputTpm: perMinute, outputTpm: perMinute })
  .partial()
  .strict();
/** The defaults for every model, and per model label (`provider:name`) settings on top of them. */
export const RateLimitConfig = RateLimitSettings.extend({
  models: z.record(z.string(), RateLimitSettings).optional(),
}).strict();

/** Near-duplicate removal (runtime/dataset/dedup.ts); `against`: earlier runs' --out directories. */
const DedupConfig = z.object({
  enabled: z.boolean().default(true),
  threshold: z.number().gt(0).max(1).default(0.8),
  shingle: z.number().int().positive().default(3),
  permutations: z.number().int().min(16).max(1024).default(128),
  acrossSplits: z.boolean().default(true),
  against: z.array(z.string().min(1)).default([]),
});

/** Decontamination (runtime/dataset/decontaminate.ts): eval files, their text fields (default: all), n-gram words. */
const DecontaminateConfig = z.object({
  files: z.array(z.string().min(1)).default([]),
  fields: z.array(z.string().min(1)).min(1).optional(),
  ngram: z.number().int().positive().default(13),
});

/** The optional JSON config file (agentinstruct.config.json). */
export const ConfigFile = z
  .object({
    models: z
      .object({
        default: ModelEntry.optional(),
        transform: ModelEntry.optional(),
        instruct: ModelEntry.optional(),
        refine: ModelEntry.optional(),
        respond: ModelEntry.optional(),
        verify: ModelEntry.optional(),
        judge: ModelEntry.optional(),
      })
      .strict()
      .optional(),
    concurrency: z.number().int().positive().optional(),
    /** The run store, when it is not `<out>/run.db`: a postgres:// URL (--store overrides it). */
    store: StoreUrl.optional(),
    /** Skill files that every run with this config runs (paths relative to the config file). */
    skillFiles: z.array(z.string().min(1)).optional(),
    /** Folders of skill files that runs may name in --skills (paths relative to the config file). */
    skillDirs: z.array(z.string().min(1)).optional(),
    rounds: z.number().int().nonnegative().optional(),
    seed: z.number().int().optional(),
    chunk: z
      .object({ maxChars: z.number().int().positive(), minChars: z.number().int().nonnegative() })
      .partial()
      .optional(),
    textField: z.string().optional(),
    verification: z
      .object({ onDisagree: z.enum(["regenerate", "drop", "keep"]) })
      .partial()
      .optional(),
    /** The optional quality judge (README > Quality scores): absent, no record is scored. */
    judge: JudgeRubric.optional(),
    request: z
      .object({
        timeoutMs: z.number().int().positive(),
        maxAttempts: z.number().int().positive(),
        baseDelayMs: z.number().int().nonnegative(),
        maxDelayMs: z.number().int().positive(),
        outputAttempts: z.number().int().positive(),
        /** How long a model endpoint may stay unreachable mid-run before the run stops (resumably). */
        outageMs: z.number().int().positive(),
      })
      .partial()
      .optional(),
    /** Requests and tokens per minute, per model; learned from the provider's headers too. */
    limits: RateLimitConfig.optional(),
    /** USD per million tokens per model label (`provider:name`): overrides or extends the built-in price table. */
    prices: z.record(z.string(), Price).optional(),
    /** A hard budget in USD for the run (README > Budget); --max-cost overrides it. */
    budget: z.object({ usd: z.number().positive() }).strict().optional(),
    /** The lasting response cache, shared between runs (a SQLite file; path relative to the config file). */
    cache: z.string().min(1).optional(),
    /** How long a worker's claim on an item lasts without a heartbeat (README > Scale out). */
    workers: z.object({ leaseMs: z.number().int().positive() }).partial().strict().optional(),
    /** A Redis URL where the run's workers share their rate limits and budget (README > Rate limits). */
    redis: z.string().regex(REDIS_URL, "must be a redis:// or rediss:// URL").optional(),
    /** Near-duplicate removal of instructions (README > Deduplication). */
    dedup: DedupConfig.partial().strict().optional(),
    /** Eval sets kept out of the data (README > Decontamination; paths relative to the config file). */
    decontaminate: DecontaminateConfig.partial().strict().optional(),
  })
  .strict();
export type ConfigFile = z.infer<typeof ConfigFile>;

/** A skill a script hands over as an object (checked like a skill file when the run starts). */
const SkillObject = z.custom<object>((value) => typeof value === "object" && value !== null && !Array.isArray(value));

export const RunConfig = z.object({
  /** Skill ids or split names (built-in, or from skillDirs), and skill spec objects. */
  skills: z.array(z.union([z.string(), SkillObject])).default([]),
  /** Skill files that this run runs, whatever --skills says. */
  skillFiles: z.array(z.string()).default([]),
  /** Folders of skill files that --skills may name. */
  skillDirs: z.array(z.string()).default([]),
  seeds: z.array(z.string()).min(1),
  out: z.string(),
  /**
   * The run store's URL (postgres://…?schema=name) when the run is shared by machines; absent: `<out>/run.db`.
   * Where the run is kept, not what it makes: not part of the fingerprint (and it may hold a password).
   */
  store: StoreUrl.optional(),
  models: z.record(z.enum(MODEL_ROLES), z.custom<ResolvedModel>()),
  concurrency: z.number().int().positive().default(16),
  limit: z.number().int().positive().optional(),
  rounds: z.number().int().nonnegative().default(2),
  seed: z.number().int().default(0),
  chunk: z
    .object({ maxChars: z.number().int().positive(), minChars: z.number().int().nonnegative() })
    .default(DEFAULT_CHUNK_OPTIONS),
  textField: z.string().default("text"),
  /**
   * What happens to a record whose answer disagrees with its expected outcome: regenerate (ask the teacher for
   * one more independent answer, then drop), drop, or keep (marked disagrees in its metadata).
   */
  verification: z.object({ onDisagree: z.enum(["regenerate", "drop", "keep"]).default("regenerate") }).prefault({}),
  /** The quality judge's rubric: every kept record is scored on it after verification. Absent: no judge calls. */
  judge: JudgeRubric.optional(),
  // prefault: an absent object is parsed as {}, so each field's default below is the only one.
  request: z
    .object({
      timeoutMs: z.number().int().positive().default(120_000),
      maxAttempts: z.number().int().positive().default(DEFAULT_RETRY_POLICY.maxAttempts),
      baseDelayMs: z.number().int().nonnegative().default(DEFAULT_RETRY_POLICY.baseDelayMs),
      maxDelayMs: z.number().int().positive().default(DEFAULT_RETRY_POLICY.maxDelayMs),
      /** How many times an agent is asked before its output is declared invalid. */
      outputAttempts: z.number().int().positive().default(3),
      outageMs: z.number().int().positive().default(20_000),
    })
    .prefault({}),
  /** Per-minute limits (flags and config); providers' headers add what they say. */
  limits: RateLimitConfig.default({}),
  forceConfig: z.boolean().default(false),
  /** What agents' tools need from outside: a web search key; consent to run code without a sandbox. */
  tools: z
    .object({
      webSearch: z.object({ apiKey: z.string().min(1), baseURL: z.string().url().optional() }).optional(),
      allowUnsandboxed: z.boolean().default(false),
    })
    .prefault({}),
  /** Price overrides per model label (runtime/models/prices.ts has the built-in table). */
  prices: z.record(z.string(), Price).default({}),
  /**
   * A hard budget in USD, counted over every run on this --out. Not part of the fingerprint: raising it to
   * continue a stopped run is the point.
   */
  budget: z.object({ usd: z.number().positive() }).optional(),
  /** The lasting response cache file (runtime/store/lasting-cache.ts); absent: only the run's own cache. */
  cache: z.string().optional(),
  /**
   * Workers sharing the run: a claimed item stays leased for leaseMs, renewed every leaseMs / 3; a worker that
   * stops heartbeating loses its items to the others after that. How, not what: not part of the fingerprint.
   */
  workers: z.object({ leaseMs: z.number().int().positive().default(30_000) }).prefault({}),
  /** Where the run's workers share rate limits and budget; absent: beside the run store (open-limits.ts). */
  redis: z.string().regex(REDIS_URL).optional(),
  dedup: DedupConfig.prefault({}),
  decontaminate: DecontaminateConfig.prefault({}),
});
export type RunConfigInput = z.input<typeof RunConfig>;
export type RunConfig = z.infer<typeof RunConfig>;

export const NO_MODEL_MESSAGE = [
  "No model is configured. Configure one in any of these ways:",
  "  --model openai:gpt-4o-mini                      (flag, one model for every role)",
  '  agentinstruct.config.json: {"models": {"default": "openai:gpt-4o-mini", "respond": "openai:gpt-4o"}}',
  "  AGENTINSTRUCT_MODEL=openai:gpt-4o-mini           (environment)",
  "Then point it at a server: OPENAI_API_KEY for OpenAI, or OPENAI_BASE_URL=http://localhost:8000/v1 for",
  "vLLM, Ollama (http://localhost:11434/v1) or llama.cpp (http://localhost:8080/v1). See README > Models.",
].join("\n");

/** Read the config file: the explicit path (must exist) or ./agentinstruct.config.json when present. */
export function loadConfigFile(path: string | undefined, cwd: string): ConfigFile {
  const candidate = path ? resolve(cwd, path) : resolve(cwd, "agentinstruct.config.json");
  if (!existsSync(candidate)) {
    if (path) throw new ConfigError(`config file not found: ${candidate}`);
    return {};
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(candidate, "utf8"));
  } catch (error) {
    throw new ConfigError(`config file ${candidate} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ConfigFile.safeParse(raw);
  if (!parsed.success) {
    const problems = formatZodIssues(parsed.error.issues);
    throw new ConfigError(`config file ${candidate} is invalid:\n  - ${problems.join("\n  - ")}`);
  }
  const here = dirname(candidate);
  const { skillFiles, skillDirs, cache, dedup, decontaminate } = parsed.data;
  return {
    ...parsed.data,
    ...(cache ? { cache: resolve(here, cache) } : {}),
    ...(dedup?.against ? { dedup: { ...dedup, against: dedup.against.map((dir) => resolve(here, dir)) } } : {}),
    ...(decontaminate?.files
      ? { decontaminate: { ...decontaminate, files: decontaminate.files.map((file) => resolve(here, file)) } }
      : {}),
    ...(skillFiles ? { skillFiles: skillFiles.map((file) => resolve(here, file)) } : {}),
    ...(skillDirs ? { skillDirs: skillDirs.map((dir) => resolve(here, dir)) } : {}),
  };
}

/**
 * Resolve the model of every role. Precedence: --model flag, then the file's role entry, then the
 * file's default, then AGENTINSTRUCT_MODEL. Base URL and key come from the entry, else OPENAI_BASE_URL
 * and the key variable (OPENAI_API_KEY unless the entry names another).
 */
export function resolveModels(
  flagModel: string | undefined,
  file: ConfigFile,
  env: Record<string, string | undefined>,
): Record<ModelRole, ResolvedModel> {
  const entries = file.models ?? {};
  const resolved = {} as Record<ModelRole, ResolvedModel>;
  for (const role of MODEL_ROLES) {
    const entry = flagModel ?? entries[role] ?? entries.default ?? env.AGENTINSTRUCT_MODEL;
    if (!entry) throw new ConfigError(NO_MODEL_MESSAGE);
    const settings = ModelSettings.parse(typeof entry === "string" ? { model: entry } : entry);
    resolved[role] = resolveModel(settings, env, role);
  }
  return resolved;
}

function resolveModel(
  settings: ModelSettings,
  env: Record<string, string | undefined>,
  role: ModelRole,
): ResolvedModel {
  const separator = settings.model.indexOf(":");
  if (separator <= 0 || separator === settings.model.length - 1) {
    throw new ConfigError(
      `model "${settings.model}" (role ${role}) must be written provider:name, e.g. openai:gpt-4o-mini`,
    );
  }
  const provider = settings.model.slice(0, separator);
  const name = settings.model.slice(separator + 1);
  if (!(SUPPORTED_PROVIDERS as readonly string[]).includes(provider)) {
    throw new ConfigError(
      `unknown model provider "${provider}" in "${settings.model}"; supported: ${SUPPORTED_PROVIDERS.join(", ")} ` +
        "(any OpenAI-compatible server works through openai: with OPENAI_BASE_URL)",
    );
  }
  const baseURL = settings.baseURL ?? (env.OPENAI_BASE_URL || undefined);
  const keyVariable = settings.apiKeyEnv ?? "OPENAI_API_KEY";
  const key = env[keyVariable];
  if (!key && !baseURL) {
    throw new ConfigError(
      `${keyVariable} is not set. Set it for OpenAI, or set OPENAI_BASE_URL to use a local OpenAI-compatible ` +
        "server (vLLM, Ollama, llama.cpp), which needs no key.",
    );
  }
  const model: ResolvedModel = {
    provider: "openai",
    name,
    // Local servers ignore the key, but the client insists on one.
    apiKey: key || "not-needed",
    apiKeyEnv: keyVariable,
    temperature: settings.temperature,
    structuredOutput: settings.structuredOutput,
  };
  if (baseURL) model.baseURL = baseURL;
  if (settings.maxTokens !== undefined) model.maxTokens = settings.maxTokens;
  return model;
}

/** The roles a run calls: the judge only when the config has a rubric for it. */
export function rolesInUse(config: Pick<RunConfig, "judge">): ModelRole[] {
  return MODEL_ROLES.filter((role) => role !== "judge" || config.judge !== undefined);
}

/**
 * What decides the data: skills and their prompts, models and sampling, rounds, seed, corpus and chunking.
 * Concurrency, limit, timeouts and the lasting cache change how fast or how dear, not what, so they stay out: a
 * resumed run may change them.
 */
export function configFingerprint(
  config: RunConfig,
  skillSpecs: ReadonlyArray<{ id: string }>,
): { fingerprint: string; material: unknown } {
  const material = {
    skills: skillSpecs.map((spec) => spec.id),
    specs: sha256(stableStringify(skillSpecs)),
    models: Object.fromEntries(
      rolesInUse(config).map((role) => {
        const { apiKey: _secret, apiKeyEnv: _where, ...visible } = config.models[role];
        return [role, visible];
      }),
    ),
    rounds: config.rounds,
    seed: config.seed,
    seeds: config.seeds.map((path) => resolve(path)),
    chunk: config.chunk,
    textField: config.textField,
    verification: config.verification,
    // Only with a judge: runs without one keep the fingerprint they had before the judge existed.
    ...(config.judge ? { judge: config.judge } : {}),
    // Only when set otherwise than the defaults: a run from before they existed keeps its fingerprint.
    ...(stableStringify(config.dedup) !== stableStringify(DedupConfig.parse({})) ? { dedup: config.dedup } : {}),
    ...(config.decontaminate.files.length > 0 ? { decontaminate: config.decontaminate } : {}),
  };
  return { fingerprint: sha256(stableStringify(material), 16), material };
}

/** What a user sets for a run: the CLI's flags, or a script's options. */
export interface RunSettings {
  /** Skill ids or split names, comma-separated or repeated, or "all"; or skill spec objects. */
  skills?: Array<string | object>;
  /** Skill files to run (YAML, see README > Write your own skill). */
  skillFiles?: string[];
  seeds: string[];
  out: string;
  /** The run store URL (postgres://…); overrides the config file's `store`. */
  store?: string;
  /** `provider:name` for every role; otherwise the config file or AGENTINSTRUCT_MODEL decides. */
  model?: string;
  /** Config file path (default: ./agentinstruct.config.json when present). */
  config?: string;
  /** The most LLM calls in flight per model (the adaptive limit's ceiling). */
  concurrency?: number;
  /** Requests per minute per model (overrides the config file's `limits.rpm`). */
  rpm?: number;
  /** Tokens (input + output) per minute per model (overrides `limits.tpm`). */
  tpm?: number;
  limit?: number;
  rounds?: number;
  seed?: number;
  /** Largest seed chunk, in characters. */
  chunkSize?: number;
  textField?: string;
  /** Per-request timeout, in seconds. */
  timeout?: number;
  forceConfig?: boolean;
  /** Run agents' code without the sandbox (trusted local use only). */
  allowUnsandboxed?: boolean;
  /** What to do with an answer that disagrees with its expected outcome. */
  onDisagree?: "regenerate" | "drop" | "keep";
  /** The quality judge's rubric (overrides the config file's `judge`). */
  judge?: z.input<typeof JudgeRubric>;
  /** A hard budget in USD (overrides the config file's budget.usd). */
  maxCost?: number;
  /** The lasting response cache file (overrides the config file's `cache`); false: none for this run. */
  cache?: string | false;
  /** Lease of a claimed item, in seconds (overrides the config file's `workers.leaseMs`). */
  lease?: number;
  /** Redis URL for the rate limits and budget the run's workers share (overrides the config file's `redis`). */
  redis?: string;
  /** false: no near-duplicate removal (--no-dedup); otherwise the config file's `dedup.enabled`, default on. */
  dedup?: boolean;
  /** Near-duplicate threshold, estimated Jaccard (overrides `dedup.threshold`). */
  dedupThreshold?: number;
  /** Earlier runs' --out directories whose records new instructions must not repeat (added to `dedup.against`). */
  dedupAgainst?: string[];
  /** Eval files (JSONL or Parquet) whose n-grams records must not share (added to `decontaminate.files`). */
  decontaminate?: string[];
  /** The eval items' text fields (overrides `decontaminate.fields`; default: every string field). */
  decontaminateFields?: string[];
  /** Words per n-gram (overrides `decontaminate.ngram`). */
  decontaminateNgram?: number;
}

/** Settings, config file and environment into one validated RunConfig: the one place they meet. */
export function resolveRunConfig(
  settings: RunSettings,
  env: Record<string, string | undefined>,
  cwd: string,
): RunConfig {
  const file = loadConfigFile(settings.config, cwd);
  const chunk = { ...DEFAULT_CHUNK_OPTIONS, ...file.chunk };
  if (settings.chunkSize !== undefined) chunk.maxChars = settings.chunkSize;
  chunk.minChars = Math.min(chunk.minChars, Math.floor(chunk.maxChars / 2));
  const request = { ...file.request };
  if (settings.redis !== undefined && !REDIS_URL.test(settings.redis)) {
    throw new ConfigError(`--redis must be a redis:// or rediss:// URL, got "${settings.redis}"`);
  }
  if (settings.timeout !== undefined) request.timeoutMs = Math.round(settings.timeout * 1000);
  return RunConfig.parse({
    skills: settings.skills ?? [],
    skillFiles: [...(file.skillFiles ?? []), ...(settings.skillFiles ?? []).map((path) => resolve(cwd, path))],
    skillDirs: file.skillDirs ?? [],
    seeds: settings.seeds.map((path) => resolve(cwd, path)),
    out: resolve(cwd, settings.out),
    store: settings.store ?? file.store,
    models: resolveModels(settings.model, file, env),
    concurrency: settings.concurrency ?? file.concurrency,
    limit: settings.limit,
    rounds: settings.rounds ?? file.rounds,
    seed: settings.seed ?? file.seed,
    chunk,
    textField: settings.textField ?? file.textField,
    verification: { onDisagree: settings.onDisagree ?? file.verification?.onDisagree },
    judge: settings.judge ?? file.judge,
    request,
    forceConfig: settings.forceConfig ?? false,
    prices: file.prices ?? {},
    ...(settings.maxCost !== undefined || file.budget ? { budget: { usd: settings.maxCost ?? file.budget?.usd } } : {}),
    limits: {
      ...file.limits,
      ...(settings.rpm !== undefined ? { rpm: settings.rpm } : {}),
      ...(settings.tpm !== undefined ? { tpm: settings.tpm } : {}),
    },
    cache: settings.cache === false ? undefined : settings.cache ? resolve(cwd, settings.cache) : file.cache,
    workers: { leaseMs: settings.lease !== undefined ? Math.round(settings.lease * 1000) : file.workers?.leaseMs },
    redis: settings.redis ?? file.redis,
    dedup: {
      ...file.dedup,
      ...(settings.dedup === false ? { enabled: false } : {}),
      ...(settings.dedupThreshold !== undefined ? { threshold: settings.dedupThreshold } : {}),
      against: [...(file.dedup?.against ?? []), ...(settings.dedupAgainst ?? []).map((dir) => resolve(cwd, dir))],
    },
    decontaminate: {
      ...file.decontaminate,
      files: [
        ...(file.decontaminate?.files ?? []),
        ...(settings.decontaminate ?? []).map((path) => resolve(cwd, path)),
      ],
      ...(settings.decontaminateFields ? { fields: settings.decontaminateFields } : {}),
      ...(settings.decontaminateNgram !== undefined ? { ngram: settings.decontaminateNgram } : {}),
    },
    tools: {
      ...(env.TAVILY_API_KEY
        ? {
            webSearch: { apiKey: env.TAVILY_API_KEY, ...(env.TAVILY_BASE_URL ? { baseURL: env.TAVILY_BASE_URL } : {}) },
          }
        : {}),
      allowUnsandboxed: settings.allowUnsandboxed ?? false,
    },
  });
}
