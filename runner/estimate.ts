// `agentinstruct estimate`: what a run would cost, before paying for it. The whole corpus is read (same ingest
// and chunking as a run) to count its items per skill; a sample of items per skill, spread over the corpus, then
// runs through the real flows against a SIMULATED model (simulated-adapter.ts), which answers every request with
// schema-valid output and sends nothing anywhere. Calls and input tokens are counted exactly on the requests the
// flows make; output tokens come from an earlier run's call log or from per-role defaults. Everything happens in
// a temporary directory, removed afterwards: nothing is written to the run's --out.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chooseSkills } from "../agents/index.js";
import { type RunConfig, rolesInUse } from "../runtime/config.js";
import { type ModelRole, modelLabel } from "../runtime/models/model-roles.js";
import { costOf, type Price, priceFor } from "../runtime/models/prices.js";
import { SimulatedAdapter } from "../runtime/models/simulated/simulated-adapter.js";
import {
  type CountText,
  countIsExact,
  type EncodingName,
  encodingFor,
  loadTokenizer,
  requestTokens,
} from "../runtime/models/token-count.js";
import { type OutputTokenStat, readOutputTokenStats } from "../runtime/store/output-token-stats.js";
import type { CallRecord, Item, RunStore } from "../runtime/store/run-store.js";
import { openSqliteStore } from "../runtime/store/sqlite-store.js";
import { ingestCorpus } from "./ingest-corpus.js";
import { openRun, RUN_DB, RunController, runSkills } from "./run-skills.js";

export const DEFAULT_SAMPLE = 5;

/**
 * Output tokens per call when no earlier run says: a guess per role, stated in the output. JSON agents open with
 * about 150 words of working notes (call-agent.ts), which these include.
 */
export const DEFAULT_OUTPUT_TOKENS: Readonly<Record<ModelRole, number>> = {
  transform: 700,
  instruct: 450,
  refine: 400,
  respond: 500,
  verify: 250,
  // About 150 words of notes, then a one-line reason and a score per dimension.
  judge: 350,
};

export interface EstimateOptions {
  /** Items simulated per skill (default 5). */
  sample?: number;
  /** An earlier run's output directory: output tokens per agent come from its call log. */
  from?: string;
  /** An empty directory to work in (removed afterwards); default: a new one under the OS temp directory. */
  scratch?: string;
  controller?: RunController;
}

/** Mean and range over the sample. */
export interface Spread {
  mean: number;
  min: number;
  max: number;
}

/** Over the whole corpus: the sample's mean per item, and its lowest and highest item, times the items. */
export interface Projection {
  expected: number;
  low: number;
  high: number;
}

export interface SkillEstimate {
  skill: string;
  /** Items of this skill in the whole corpus. */
  items: number;
  /** Items simulated. */
  sampled: number;
  /** Simulated items that failed (their calls are counted up to the failure). */
  sampleFailed: number;
  perItem: { calls: Spread; inputTokens: Spread; outputTokens: Spread; usd: Spread | null };
  /** The simulated items, in corpus order, each with what it took (usd null when unknown). */
  sampleItems: Array<{ item: string; calls: number; inputTokens: number; outputTokens: number; usd: number | null }>;
  corpus: { calls: Projection; inputTokens: Projection; outputTokens: Projection; usd: Projection | null };
  /** Over the whole corpus, per model role: expected calls and dollars (null when unknown). */
  byRole: Record<string, RoleEstimate>;
}

/** A role's share of an estimate: items × the sample's mean per item. */
export interface RoleEstimate {
  calls: number;
  usd: number | null;
}

export interface AgentOutputTokens {
  skill: string;
  agent: string;
  role: string;
  tokensPerCall: number;
  /** "from": the earlier run's mean over `calls` paid calls; "default": the role's default. */
  source: "from" | "default";
  calls?: number;
}

export interface Estimate {
  model: "simulated";
  interrupted: boolean;
  /** Seeds and items in the whole corpus. */
  seeds: number;
  items: number;
  /** Items simulated per skill (fewer when a skill has fewer items). */
  sample: number;
  skills: SkillEstimate[];
  total: {
    items: number;
    calls: Projection;
    inputTokens: Projection;
    outputTokens: Projection;
    usd: Projection | null;
    byRole: Record<string, RoleEstimate>;
  };
  /** Per model label: the tokenizer encoding the input tokens were counted with, and whether that is exact. */
  tokenizers: Record<string, { encoding: EncodingName; exact: boolean }>;
  outputTokens: { source: "from" | "defaults"; from?: string; byAgent: AgentOutputTokens[] };
  /** Per model label: USD per million tokens, or null when unknown. */
  prices: Record<string, Price | null>;
  /** Models without a price: why a dollar figure is unknown. */
  unpriced: string[];
}

/** Where N items are taken from `count`, spread evenly over corpus order (the middle of N equal slices). */
export function samplePositions(count: number, sample: number): number[] {
  const taken = Math.min(count, sample);
  return Array.from({ length: taken }, (_, index) => Math.floor(((index + 0.5) * count) / taken));
}

async function* pendingItems(store: RunStore): AsyncGenerator<Item> {
  let after = 0;
  for (;;) {
    const page = await store.listItems(["pending"], after, 1000);
    if (page.length === 0) return;
    yield* page;
    after = page[page.length - 1]?.ordinal ?? after;
  }
}

/** Two passes over the items (count per skill, then take the positions), so no corpus-sized list is held. */
async function chooseSample(
  store: RunStore,
  skills: readonly string[],
  sample: number,
): Promise<{ counts: Map<string, number>; chosen: Set<string> }> {
  const counts = new Map(skills.map((skill) => [skill, 0]));
  for await (const item of pendingItems(store)) counts.set(item.skill, (counts.get(item.skill) ?? 0) + 1);
  const wanted = new Map([...counts].map(([skill, count]) => [skill, new Set(samplePositions(count, sample))]));
  const seen = new Map<string, number>();
  const chosen = new Set<string>();
  for await (const item of pendingItems(store)) {
    const position = seen.get(item.skill) ?? 0;
    seen.set(item.skill, position + 1);
    if (wanted.get(item.skill)?.has(position)) chosen.add(item.id);
  }
  return { counts, chosen };
}

function spread(values: number[]): Spread {
  if (values.length === 0) return { mean: 0, min: 0, max: 0 };
  return {
    mean: values.reduce((sum, value) => sum + value, 0) / values.length,
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

const project = (perItem: Spread, items: number): Projection => ({
  expected: perItem.mean * items,
  low: perItem.min * items,
  high: perItem.max * items,
});

const sumProjections = (projections: Projection[]): Projection => ({
  expected: projections.reduce((sum, p) => sum + p.expected, 0),
  low: projections.reduce((sum, p) => sum + p.low, 0),
  high: projections.reduce((sum, p) => sum + p.high, 0),
});

/** Per role, the sampled items' mean calls and dollars (an item without a call of the role counts 0) × items. */
function roleEstimates(
  sampled: ReadonlyArray<ReadonlyMap<string, { calls: number; usd: number | undefined }>>,
  items: number,
): Record<string, RoleEstimate> {
  const names = [...new Set(sampled.flatMap((roles) => [...roles.keys()]))];
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, sampled.length);
  return Object.fromEntries(
    names.map((name) => {
      const entries = sampled.map((roles) => roles.get(name) ?? { calls: 0, usd: 0 });
      const unknown = entries.some((entry) => entry.usd === undefined);
      return [
        name,
        {
          calls: mean(entries.map((entry) => entry.calls)) * items,
          usd: unknown ? null : mean(entries.map((entry) => entry.usd as number)) * items,
        },
      ];
    }),
  );
}

function sumRoles(perSkill: ReadonlyArray<Record<string, RoleEstimate>>): Record<string, RoleEstimate> {
  const total: Record<string, RoleEstimate> = {};
  for (const roles of perSkill) {
    for (const [name, role] of Object.entries(roles)) {
      const sum = total[name] ?? { calls: 0, usd: 0 };
      total[name] = {
        calls: sum.calls + role.calls,
        usd: sum.usd === null || role.usd === null ? null : sum.usd + role.usd,
      };
    }
  }
  return total;
}

/** Output tokens per call of an agent: the earlier run's mean for this skill's agent, else for the agent, else the role's default. */
function outputTokensFor(stats: OutputTokenStat[]) {
  const chosen = new Map<string, AgentOutputTokens>();
  return {
    lookup(skill: string, agent: string, role: string): number {
      const key = `${skill}\u0000${agent}`;
      let entry = chosen.get(key);
      if (!entry) {
        const same = stats.filter((stat) => stat.skill === skill && stat.agent === agent);
        const matches = same.length > 0 ? same : stats.filter((stat) => stat.agent === agent);
        const calls = matches.reduce((sum, stat) => sum + stat.calls, 0);
        entry =
          calls > 0
            ? {
                skill,
                agent,
                role,
                source: "from",
                calls,
                tokensPerCall: matches.reduce((sum, stat) => sum + stat.meanOutputTokens * stat.calls, 0) / calls,
              }
            : { skill, agent, role, source: "default", tokensPerCall: DEFAULT_OUTPUT_TOKENS[role as ModelRole] };
        chosen.set(key, entry);
      }
      return entry.tokensPerCall;
    },
    used: () => [...chosen.values()],
  };
}

export async function estimateRun(config: RunConfig, options: EstimateOptions = {}): Promise<Estimate> {
  const sample = options.sample ?? DEFAULT_SAMPLE;
  const controller = options.controller ?? new RunController();
  const skills = chooseSkills(config);
  const stats = options.from ? readOutputTokenStats(join(options.from, RUN_DB)) : [];

  // One tokenizer per encoding the run's models use, loaded before the first call.
  const labels = new Map(
    rolesInUse(config).map((role) => [modelLabel(config.models[role]), config.models[role]] as const),
  );
  const counters = new Map<string, CountText>();
  const tokenizers: Estimate["tokenizers"] = {};
  for (const [label, model] of labels) {
    const encoding = encodingFor(model.name);
    counters.set(label, await loadTokenizer(encoding));
    tokenizers[label] = { encoding, exact: countIsExact(model) };
  }
  const adapter = new SimulatedAdapter({
    usage(request, replyText) {
      const count = counters.get(modelLabel(request.model)) as CountText;
      return { input_tokens: requestTokens(request, count), output_tokens: count(replyText) };
    },
  });

  const scratch = options.scratch ?? mkdtempSync(join(tmpdir(), "agentinstruct-estimate-"));
  try {
    // The run as configured, in the scratch directory, with nothing that leaves the machine (web search is real).
    const simulated: RunConfig = {
      ...config,
      out: scratch,
      // The scratch run.db, never the configured run store: an estimate writes nothing to a real run.
      store: undefined,
      forceConfig: false,
      tools: { ...config.tools, webSearch: undefined },
      // Simulated replies must never reach a lasting cache (a real run would replay them), and neither the
      // budget nor the provider's rate limits apply to a model that costs nothing and answers at once.
      cache: undefined,
      budget: undefined,
      limits: {},
    };
    const { store } = await openRun(simulated, skills);
    let counts: Map<string, number>;
    let chosen: Set<string>;
    let seeds: number;
    try {
      await ingestCorpus(store, skills, { ...config, signal: controller.drainSignal });
      seeds = await store.countSeeds();
      ({ counts, chosen } = await chooseSample(
        store,
        skills.map((skill) => skill.id),
        sample,
      ));
    } finally {
      await store.close();
    }
    const outcome = await runSkills(simulated, {
      adapter,
      controller,
      only: (item) => chosen.has(item.id),
      localLimits: true,
    });

    const log = openSqliteStore(join(scratch, RUN_DB));
    const sampled: Array<{ item: Item; calls: CallRecord[] }> = [];
    try {
      for (const id of chosen) {
        const item = await log.getItem(id);
        if (item) sampled.push({ item, calls: (await log.itemCalls(id)).filter((call) => !call.cached) });
      }
    } finally {
      await log.close();
    }

    const output = outputTokensFor(stats);
    const prices = new Map([...labels].map(([label, model]) => [label, priceFor(model, config.prices)]));
    const unpriced = new Set<string>();
    const perItem = sampled.map(({ item, calls }) => {
      let inputTokens = 0;
      let outputTokens = 0;
      let usd: number | undefined = 0;
      const roles = new Map<string, { calls: number; usd: number | undefined }>();
      for (const call of calls) {
        const out = output.lookup(item.skill, call.agent, call.role);
        inputTokens += call.usage.input_tokens;
        outputTokens += out;
        const label = modelLabel(config.models[call.role as ModelRole]);
        const cost = costOf({ input_tokens: call.usage.input_tokens, output_tokens: out }, prices.get(label));
        if (cost === undefined) unpriced.add(label);
        usd = cost === undefined || usd === undefined ? undefined : usd + cost;
        const role = roles.get(call.role) ?? { calls: 0, usd: 0 };
        role.calls += 1;
        role.usd = cost === undefined || role.usd === undefined ? undefined : role.usd + cost;
        roles.set(call.role, role);
      }
      return { item, calls: calls.length, inputTokens, outputTokens, usd, roles };
    });

    const skillEstimates = skills.map((skill): SkillEstimate => {
      const items = counts.get(skill.id) ?? 0;
      const mine = perItem.filter((entry) => entry.item.skill === skill.id);
      const usdValues = mine.map((entry) => entry.usd);
      const usd = usdValues.every((value) => value !== undefined) ? spread(usdValues as number[]) : null;
      const each = {
        calls: spread(mine.map((entry) => entry.calls)),
        inputTokens: spread(mine.map((entry) => entry.inputTokens)),
        outputTokens: spread(mine.map((entry) => entry.outputTokens)),
        usd,
      };
      return {
        skill: skill.id,
        items,
        sampled: mine.length,
        sampleFailed: mine.filter((entry) => entry.item.status === "failed").length,
        perItem: each,
        sampleItems: mine.map((entry) => ({
          item: entry.item.id,
          calls: entry.calls,
          inputTokens: entry.inputTokens,
          outputTokens: entry.outputTokens,
          usd: entry.usd ?? null,
        })),
        byRole: roleEstimates(
          mine.map((entry) => entry.roles),
          items,
        ),
        corpus: {
          calls: project(each.calls, items),
          inputTokens: project(each.inputTokens, items),
          outputTokens: project(each.outputTokens, items),
          usd: usd ? project(usd, items) : null,
        },
      };
    });
    const allUsd = skillEstimates.map((skill) => skill.corpus.usd);
    return {
      model: "simulated",
      interrupted: outcome.interrupted,
      seeds,
      items: skillEstimates.reduce((sum, skill) => sum + skill.items, 0),
      sample,
      skills: skillEstimates,
      total: {
        items: skillEstimates.reduce((sum, skill) => sum + skill.items, 0),
        calls: sumProjections(skillEstimates.map((skill) => skill.corpus.calls)),
        inputTokens: sumProjections(skillEstimates.map((skill) => skill.corpus.inputTokens)),
        outputTokens: sumProjections(skillEstimates.map((skill) => skill.corpus.outputTokens)),
        usd: allUsd.every((usd) => usd !== null) ? sumProjections(allUsd as Projection[]) : null,
        byRole: sumRoles(skillEstimates.map((skill) => skill.byRole)),
      },
      tokenizers,
      outputTokens: {
        source: stats.length > 0 ? "from" : "defaults",
        ...(options.from ? { from: options.from } : {}),
        byAgent: output.used().sort((a, b) => a.skill.localeCompare(b.skill) || a.agent.localeCompare(b.agent)),
      },
      prices: Object.fromEntries([...prices].map(([label, price]) => [label, price ?? null])),
      unpriced: [...unpriced].sort(),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
