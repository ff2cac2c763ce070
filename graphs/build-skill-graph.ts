// One builder turns any skill spec into a LangGraph StateGraph:
//   transform → instruct (Send fan-out over the chosen types) → plan_refine →
//   [suggest → edit → next_round]×rounds (Send fan-out over chains, originals kept) → respond (Send fan-out)
// Edges are drawn here only. A skill that needs a different responder plugs it in through FlowHooks;
// the graph is returned uncompiled so the runner chooses the checkpointer.
import type { RunnableConfig } from "@langchain/core/runnables";
import { Command, END, Send, START, StateGraph } from "@langchain/langgraph";
import type { InstructionTypeSpec, SkillSpec } from "../agents/define-skill.js";
import type { ModelRole } from "../runtime/config.js";
import type { Seed } from "../runtime/corpus/read-corpus.js";
import { callAgent, renderTemplate } from "../runtime/models/call-agent.js";
import type { CallContext, ModelGateway } from "../runtime/models/gateway.js";
import { chooser } from "../runtime/prng.js";
import type { CorpusSearch } from "../tools/corpus-search.js";
import { agentTools } from "../tools/index.js";
import type { WebSearchOptions } from "../tools/web-search.js";
import { instructionShape } from "./instruction-shapes.js";
import { RESPONDERS, type ResponderEnv, type RespondTask } from "./responders.js";
import { type Answer, type Draft, ItemState, type ItemStateUpdate, type ItemStateValue } from "./skill-state.js";
import { contentOf, editOutput, suggestOutput, transformOutput } from "./stage-outputs.js";

export type { RespondTask } from "./responders.js";

/** The tools a run can give its agents; each is absent when the run cannot offer it. */
export interface AgentTools {
  search?: CorpusSearch;
  webSearch?: WebSearchOptions;
  /** Code execution in the sandbox (present when a skill runs code). */
  code?: { allowUnsandboxed: boolean };
}

/** What the flow needs from the run: the model gateway, seed lookup and the run's settings. */
export interface FlowDeps {
  tools?: AgentTools;
  gateway: ModelGateway;
  loadSeed(id: string): Promise<Seed | undefined>;
  runId: string;
  /** The run's --seed: with skill and seed id it decides every random choice. */
  runSeed: number;
  rounds: number;
  /** How many times an agent is asked before its output is declared invalid. */
  outputAttempts: number;
  /** Aborts in-flight calls when the user insists on stopping now. */
  signal?: AbortSignal;
}

/** What every node task knows about its item; carried in Send payloads (a Send target sees only its payload). */
interface ItemRef {
  itemId: string;
  skill: string;
  seedId: string;
}

/** Extension points for skills that need more than the standard flow. */
export interface FlowHooks {
  /** Replace response generation (e.g. a tool-using agent). */
  respond?: (task: RespondTask, config: RunnableConfig, deps: FlowDeps) => Promise<Answer>;
}

interface InstructTask extends ItemRef {
  type: string;
  content: string;
  transformation: string;
}

interface RefineTask extends ItemRef {
  head: Draft;
  goal: string;
  round: number;
  /** The content the head draft is about. */
  content: string;
}

interface EditTask extends RefineTask {
  suggestions: string;
}

/** Types allowed after a transformation. */
export function eligibleTypes(spec: SkillSpec, transformation: string): InstructionTypeSpec[] {
  return spec.instruct.types.filter((type) => !type.transformations || type.transformations.includes(transformation));
}

/** The drafts worth answering: identical instructions about identical content are answered once. */
export function distinctDrafts(drafts: Draft[]): Draft[] {
  const seen = new Set<string>();
  return drafts.filter((draft) => {
    const key = `${draft.content ?? ""}\u0000${draft.instruction.trim().toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Code like the seed's from elsewhere in the corpus, to help reconstruct the rest of a library. */
async function relatedSeeds(search: CorpusSearch | undefined, seed: Seed): Promise<string> {
  if (!search) return "(no corpus search in this run)";
  const passages = await search.search(seed.text.slice(0, 2000), { k: 2, kind: seed.kind, exclude: [seed.id] });
  if (passages.length === 0) return "(nothing similar in the corpus)";
  return passages.map((passage) => `<related source="${passage.source}">\n${passage.text}\n</related>`).join("\n");
}

export function buildSkillGraph(spec: SkillSpec, deps: FlowDeps, hooks: FlowHooks = {}) {
  const context = (ref: ItemRef, flow: string, agent: string, config: RunnableConfig): CallContext => ({
    runId: deps.runId,
    skill: spec.id,
    flow,
    agent,
    itemId: ref.itemId,
    seedId: ref.seedId,
    parent: config,
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  const ask = <S extends Parameters<typeof callAgent>[1]["output"]>(
    role: ModelRole,
    stage: { system: string; prompt: string },
    values: Record<string, string | number>,
    output: S,
    callContext: CallContext,
  ) =>
    callAgent(
      deps.gateway,
      {
        role,
        system: renderTemplate(stage.system, values),
        prompt: renderTemplate(stage.prompt, values),
        output,
        attempts: deps.outputAttempts,
      },
      callContext,
    );
  const shape = instructionShape(spec.instruct);
  const ref = (state: ItemRef): ItemRef => ({ itemId: state.itemId, skill: state.skill, seedId: state.seedId });
  const draws = (seedId: string, purpose: string) => chooser(deps.runSeed, spec.id, seedId, purpose);

  const transform = async (state: ItemStateValue, config: RunnableConfig): Promise<ItemStateUpdate> => {
    const seed = await deps.loadSeed(state.seedId);
    if (!seed) throw new Error(`seed ${state.seedId} is missing from the run store`);
    if (seed.text.length < spec.minSeedChars) {
      return {
        filtered: `seed has ${seed.text.length} characters; ${spec.id} needs at least ${spec.minSeedChars}`,
      };
    }
    const agent = draws(seed.id, "transform").pickWeighted(spec.transform.agents, (candidate) => candidate.weight);
    const values = { seed: seed.text, source: seed.source, kind: seed.kind, language: seed.language ?? "" };
    const output = transformOutput(spec.transform.output, spec.respond.shape);
    const stage = { system: spec.transform.system, prompt: agent.prompt };
    const made = await ask(
      "transform",
      stage,
      values,
      output,
      context(state, "transform", `transform:${agent.name}`, config),
    );
    let content = contentOf(made.value);
    if (spec.transform.expand) {
      const related = await relatedSeeds(deps.tools?.search, seed);
      const expandValues = { ...values, content, transformation: agent.name, related };
      const grown = await ask(
        "transform",
        spec.transform.expand,
        expandValues,
        output,
        context(state, "transform", `expand:${agent.name}`, config),
      );
      content = contentOf(grown.value);
    }
    return { transformation: agent.name, content };
  };

  const routeAfterTransform = (state: ItemStateValue) => {
    const { content, transformation } = state;
    if (state.filtered || !transformation || !content) return END;
    const types = draws(state.seedId, "instruct").sample(
      eligibleTypes(spec, transformation),
      spec.instruct.typesPerSeed,
    );
    return types.map(
      (type) =>
        new Send("instruct", {
          ...ref(state),
          type: type.name,
          content,
          transformation,
        } satisfies InstructTask),
    );
  };

  const instruct = async (task: InstructTask, config: RunnableConfig): Promise<ItemStateUpdate> => {
    const type = spec.instruct.types.find((candidate) => candidate.name === task.type);
    if (!type) throw new Error(`unknown instruction type ${task.type}`);
    const { min, max } = spec.instruct.perType;
    const values = {
      content: task.content,
      transformation: task.transformation,
      type_name: type.name,
      type_definition: type.definition,
      type_example: type.example,
      count_min: min,
      count_max: max,
    };
    const result = await ask(
      "instruct",
      spec.instruct,
      values,
      shape.output(min, max),
      context(task, "instruct", `instruct:${type.name}`, config),
    );
    const drafts: Draft[] = shape.items(result.value).map((entry, index) => ({
      id: `${type.name}.${index + 1}`,
      type: type.name,
      instruction: entry.instruction,
      round: 0,
      ...(entry.item ? { item: entry.item } : {}),
    }));
    return { drafts };
  };

  const planRefine = (state: ItemStateValue): ItemStateUpdate => {
    if (deps.rounds === 0 || spec.refine.chainsPerSeed === 0) return { chains: [], round: 1 };
    const originals = distinctDrafts(state.drafts.filter((draft) => draft.round === 0));
    const heads = draws(state.seedId, "refine").sample(originals, spec.refine.chainsPerSeed);
    const chains = heads.map((draft) => ({
      draftId: draft.id,
      goal: draws(state.seedId, `refine-goal:${draft.id}`).pick(spec.refine.goals).name,
    }));
    return { chains, round: 1 };
  };

  /** After planning and after each round: the next round of suggesters, or the responders. */
  const routeRefine = (state: ItemStateValue) => {
    if (state.round <= deps.rounds && state.chains.length > 0) {
      return state.chains.map((chain) => {
        const headId = state.round === 1 ? chain.draftId : `${chain.draftId}~r${state.round - 1}`;
        const head = state.drafts.find((draft) => draft.id === headId);
        if (!head) throw new Error(`refinement chain ${chain.draftId} lost its head ${headId}`);
        return new Send("suggest", {
          ...ref(state),
          head,
          goal: chain.goal,
          round: state.round,
          content: head.content ?? state.content ?? "",
        } satisfies RefineTask);
      });
    }
    return distinctDrafts(state.drafts).map(
      (draft) =>
        new Send("respond", {
          ...ref(state),
          draft,
          content: draft.content ?? state.content ?? "",
        } satisfies RespondTask),
    );
  };

  const typeValues = (name: string) => ({
    type_name: name,
    type_guidance: spec.instruct.types.find((type) => type.name === name)?.guidance ?? "",
  });
  const editSchema = editOutput(shape.edit, spec.transform.output, spec.respond.shape);

  const goalOf = (name: string) => {
    const goal = spec.refine.goals.find((candidate) => candidate.name === name);
    if (!goal) throw new Error(`unknown refinement goal ${name}`);
    return goal;
  };

  /** What the suggester and the editor both see: the item, its type, and the goal. */
  const refineValues = (task: RefineTask) => {
    const goal = goalOf(task.goal);
    return {
      content: task.content,
      instruction: shape.review(task.head),
      ...typeValues(task.head.type),
      goal_name: goal.name,
      goal_description: goal.description,
    };
  };

  const suggest = async (task: RefineTask, config: RunnableConfig) => {
    const goal = goalOf(task.goal);
    const values = { ...refineValues(task), suggestion_count: spec.refine.suggestions };
    const result = await ask(
      "refine",
      spec.refine.suggest,
      values,
      suggestOutput(spec.refine.suggestions),
      context(task, "suggest", `suggest:${goal.name}`, config),
    );
    const suggestions = result.value.suggestions
      .map((entry, index) => `${index + 1}. ${entry.suggestion} (why: ${entry.rationale})`)
      .join("\n");
    return new Command({ goto: new Send("edit", { ...task, suggestions } satisfies EditTask) });
  };

  const edit = async (task: EditTask, config: RunnableConfig): Promise<ItemStateUpdate> => {
    const goal = goalOf(task.goal);
    const values = { ...refineValues(task), suggestions: task.suggestions };
    const result = await ask(
      "refine",
      spec.refine.edit,
      values,
      editSchema,
      context(task, "edit", `edit:${goal.name}`, config),
    );
    const edited = "content" in result.value ? String(result.value.content) : task.content;
    const item = shape.edited(result.value);
    const refined: Draft = {
      id: `${task.head.id.split("~")[0]}~r${task.round}`,
      type: task.head.type,
      instruction: item.instruction,
      parentId: task.head.id,
      goal: goal.name,
      round: task.round,
      ...(item.item ? { item: item.item } : {}),
    };
    // Keep a copy of the content only when the editor changed it: state stays lean.
    if (edited.trim() !== task.content.trim()) refined.content = edited;
    else if (task.head.content !== undefined) refined.content = task.head.content;
    return { drafts: [refined] };
  };

  const nextRound = (state: ItemStateValue): ItemStateUpdate => ({ round: state.round + 1 });

  const responder: ResponderEnv = {
    spec,
    gateway: deps.gateway,
    outputAttempts: deps.outputAttempts,
    context: (task, flow, agent, config) => context(task, flow, agent, config),
    tools: agentTools(spec.respond.tools, deps.tools),
    ...(deps.tools ? { runTools: deps.tools } : {}),
  };
  const respond = async (task: RespondTask, config: RunnableConfig): Promise<ItemStateUpdate> => {
    const retrieved = spec.respond.retrieve > 0 ? await retrieve(task) : undefined;
    const input = retrieved ? { ...task, content: retrieved.content } : task;
    const answer = hooks.respond
      ? await hooks.respond(input, config, deps)
      : await RESPONDERS[spec.respond.shape](responder, input, config);
    if (!retrieved) return { answers: [answer] };
    return {
      answers: [
        { ...answer, content: retrieved.content, metadata: { ...answer.metadata, retrieved: retrieved.passages } },
      ],
    };
  };

  /** RAG: passages from elsewhere in the corpus, found by the question, added as further [Doc N] entries. */
  const retrieve = async (task: RespondTask) => {
    const search = deps.tools?.search;
    if (!search) throw new Error(`${spec.id} retrieves passages, but the run has no corpus search`);
    // The question names what to find; the start of its documents names the topic when the question is terse.
    const query = `${task.draft.instruction}\n${task.content.slice(0, 500)}`;
    const passages = await search.search(query, { k: spec.respond.retrieve, exclude: [task.seedId] });
    const numbers = [...task.content.matchAll(/\[Doc (\d+)\]/g)].map((match) => Number(match[1]));
    let next = Math.max(0, ...numbers) + 1;
    const added = passages.map((passage) => `[Doc ${next++}] (from ${passage.source})\n${passage.text}`);
    return {
      content: added.length > 0 ? `${task.content}\n\n${added.join("\n\n")}` : task.content,
      passages: passages.map((passage) => ({ seed_id: passage.seedId, source: passage.source, score: passage.score })),
    };
  };

  // Node functions are typed by what they receive; Send targets receive their payload, not the state.
  type AnyNode = (input: never, config: RunnableConfig) => unknown;
  const node = (fn: AnyNode) => fn as unknown as (state: ItemStateValue) => ItemStateUpdate;
  return new StateGraph(ItemState)
    .addNode("transform", node(transform))
    .addNode("instruct", node(instruct))
    .addNode("plan_refine", node(planRefine))
    .addNode("suggest", node(suggest), { ends: ["edit"] })
    .addNode("edit", node(edit))
    .addNode("next_round", node(nextRound))
    .addNode("respond", node(respond))
    .addEdge(START, "transform")
    .addConditionalEdges("transform", routeAfterTransform, ["instruct", END])
    .addEdge("instruct", "plan_refine")
    .addConditionalEdges("plan_refine", routeRefine, ["suggest", "respond"])
    .addEdge("edit", "next_round")
    .addConditionalEdges("next_round", routeRefine, ["suggest", "respond"])
    .addEdge("respond", END);
}
