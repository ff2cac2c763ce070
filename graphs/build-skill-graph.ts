// One builder turns any skill spec into a LangGraph StateGraph:
//   transform → instruct (Send fan-out over the chosen types) → plan_refine →
//   [suggest → edit → next_round]×rounds (Send fan-out over chains, originals kept) → respond (Send fan-out) →
//   verify → judge (only when the run has a rubric)
// Edges are drawn here only. A skill that needs a different responder plugs it in through FlowHooks;
// the graph is returned uncompiled so the runner chooses the checkpointer.
import type { RunnableConfig } from "@langchain/core/runnables";
import { Command, END, Send, START, StateGraph } from "@langchain/langgraph";
import type { InstructionTypeSpec, SkillSpec } from "../agents/define-skill.js";
import type { Seed } from "../runtime/corpus/read-corpus.js";
import { callAgent, renderTemplate } from "../runtime/models/call-agent.js";
import type { CallContext } from "../runtime/models/gateway.js";
import type { ModelRole } from "../runtime/models/model-roles.js";
import { noteReplies } from "../runtime/models/noted-replies.js";
import { chooser } from "../runtime/prng.js";
import type { CorpusSearch } from "../tools/corpus-search.js";
import { agentTools } from "../tools/index.js";
import { withFileHeader } from "./code-harness.js";
import { type Boundary, boundaryFor, withDataRule } from "./data-boundary.js";
import { isDecline, orDecline, sameAnswer } from "./expected-outcome.js";
import type { FlowDeps, FlowHooks } from "./flow-types.js";
import { instructionShape } from "./instruction-shapes.js";
import {
  belowThreshold,
  belowThresholdNote,
  judgeOutput,
  judgePrompt,
  judgeSystem,
  recordMessages,
  scoresOf,
} from "./judge-record.js";
import { RESPONDERS, type ResponderEnv, type RespondTask } from "./responders/index.js";
import {
  type Answer,
  type Draft,
  ItemState,
  type ItemStateUpdate,
  type ItemStateValue,
  type Note,
  Verification,
} from "./skill-state.js";
import { contentOf, editOutput, suggestOutput, transformOutput } from "./stage-outputs.js";
import {
  blockLabels,
  editPrompt,
  instructPrompt,
  renderPrompt,
  suggestPrompt,
  transformPrompt,
  VERIFY_SYSTEM,
  verifyPrompt,
} from "./stage-prompts.js";
import { checkAnswer } from "./verify-answer.js";

/** What every node task knows about its item; carried in Send payloads (a Send target sees only its payload). */
interface ItemRef {
  itemId: string;
  skill: string;
  seedId: string;
}

interface InstructTask extends ItemRef {
  type: string;
  content: string;
  transformation: string;
  /** The types chosen for this seed: a replacement for a declined type is drawn from the others. */
  chosen: string[];
}

interface RefineTask extends ItemRef {
  head: Draft;
  /** The chain: its original draft's id. */
  chain: string;
  goal: string;
  round: number;
  /** The content the head draft is about. */
  content: string;
}

interface EditTask extends RefineTask {
  suggestions: string;
}

interface VerifyTask extends RespondTask {
  answer: Answer;
  /** The cache keys of the replies that made the answer: forgotten if verification drops it. */
  cacheKeys?: string[];
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
  return passages.map((passage) => `[from ${passage.source}]\n${passage.text}`).join("\n\n");
}

export function buildSkillGraph(spec: SkillSpec, deps: FlowDeps, hooks: FlowHooks = {}) {
  const context = (ref: ItemRef, flow: string, agent: string, config: RunnableConfig, sample = 1): CallContext => ({
    runId: deps.runId,
    skill: spec.id,
    flow,
    agent,
    itemId: ref.itemId,
    seedId: ref.seedId,
    parent: config,
    ...(sample > 1 ? { sample } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  const labels = blockLabels(spec);
  const boundary = (seedId: string): Boundary => boundaryFor(deps.runSeed, seedId, labels);
  /** Every stage that shows seed-derived text carries the data rule in its system prompt. */
  const ask = <S extends Parameters<typeof callAgent>[1]["output"]>(
    role: ModelRole,
    system: string,
    prompt: string,
    output: S,
    callContext: CallContext,
    gateway = deps.gateway,
  ) =>
    callAgent(
      gateway,
      {
        role,
        system: withDataRule(system, boundary(callContext.seedId)),
        prompt,
        output,
        attempts: deps.outputAttempts,
      },
      callContext,
    );
  const shape = instructionShape(spec.instruct);
  /** The quality judge's rubric: absent, the graph has no judge node (README > Quality scores). */
  const judgeRubric = deps.judge;
  const ref = (state: ItemRef): ItemRef => ({ itemId: state.itemId, skill: state.skill, seedId: state.seedId });
  const draws = (seedId: string, purpose: string) => chooser(deps.runSeed, spec.id, seedId, purpose);
  const typeOf = (name: string) => spec.instruct.types.find((type) => type.name === name);
  const goalOf = (name: string) => {
    const goal = spec.refine.goals.find((candidate) => candidate.name === name);
    if (!goal) throw new Error(`unknown refinement goal ${name}`);
    return goal;
  };
  // When types carry guidance for the teacher, the editor restates the type, so guidance never goes stale.
  const retype = spec.instruct.types.some((type) => type.guidance) ? spec.instruct.types.map((type) => type.name) : [];

  const transform = async (state: ItemStateValue, config: RunnableConfig): Promise<ItemStateUpdate> => {
    const seed = await deps.loadSeed(state.seedId);
    if (!seed) throw new Error(`seed ${state.seedId} is missing from the run store`);
    if (seed.text.length < spec.minSeedChars) {
      return {
        filtered: `seed has ${seed.text.length} characters; ${spec.id} needs at least ${spec.minSeedChars}`,
      };
    }
    const agent = draws(seed.id, "transform").pickWeighted(spec.transform.agents, (candidate) => candidate.weight);
    const output = transformOutput(spec.transform.output, spec.respond.shape);
    const fence = boundary(seed.id);
    const made = await ask(
      "transform",
      spec.transform.system,
      transformPrompt(agent.prompt, seed, fence),
      output,
      context(state, "transform", `transform:${agent.name}`, config),
    );
    let content = contentOf(made.value);
    if (spec.transform.expand) {
      const related = await relatedSeeds(deps.tools?.search, seed);
      const values = {
        seed: seed.text,
        source: seed.source,
        kind: seed.kind,
        language: seed.language ?? "",
        content,
        transformation: agent.name,
        related,
      };
      const grown = await ask(
        "transform",
        spec.transform.expand.system,
        renderPrompt(spec, spec.transform.expand.prompt, values, fence),
        output,
        context(state, "transform", `expand:${agent.name}`, config),
      );
      content = contentOf(grown.value);
    }
    // Code-checked skills name the material's file, so tasks, answers and records can import it by that name.
    if (spec.respond.verifyCode) content = withFileHeader(content, seed.source);
    return { transformation: agent.name, content };
  };

  const routeAfterTransform = (state: ItemStateValue) => {
    const { content, transformation } = state;
    if (state.filtered || !transformation || !content) return END;
    const types = draws(state.seedId, "instruct").sample(
      eligibleTypes(spec, transformation),
      spec.instruct.typesPerSeed,
    );
    const chosen = types.map((type) => type.name);
    return types.map(
      (type) =>
        new Send("instruct", {
          ...ref(state),
          type: type.name,
          content,
          transformation,
          chosen,
        } satisfies InstructTask),
    );
  };

  // Output schemas are made once per graph (per goal for the editor), so the agent call converts each to JSON
  // Schema once, not on every call.
  const instructOutput = orDecline(shape.output(spec.instruct.perType.min, spec.instruct.perType.max) as never);
  const editOutputs = new Map<string, ReturnType<typeof orDecline>>();
  const editOutputFor = (goal: { name: string; editsContent: boolean }) => {
    let schema = editOutputs.get(goal.name);
    if (!schema) {
      schema = orDecline(
        editOutput(shape.edit, {
          editsContent: goal.editsContent,
          content: spec.transform.output,
          respond: spec.respond.shape,
          retype,
        }),
      );
      editOutputs.set(goal.name, schema);
    }
    return schema;
  };

  const instruct = async (task: InstructTask, config: RunnableConfig): Promise<ItemStateUpdate> => {
    const { min, max } = spec.instruct.perType;
    const notes: Note[] = [];
    const attempt = async (typeName: string) => {
      const type = typeOf(typeName);
      if (!type) throw new Error(`unknown instruction type ${typeName}`);
      const examples = draws(task.seedId, `examples:${type.name}`).sample(type.examples, 2);
      const prompt = instructPrompt(
        spec,
        { content: task.content, transformation: task.transformation, type, examples, min, max },
        boundary(task.seedId),
      );
      const result = await ask(
        "instruct",
        spec.instruct.system,
        prompt,
        instructOutput,
        context(task, "instruct", `instruct:${type.name}`, config),
      );
      return { type, value: result.value as unknown };
    };
    let outcome = await attempt(task.type);
    if (isDecline(outcome.value)) {
      notes.push({
        kind: "declined",
        reason: "type_declined",
        subject: `instruct:${task.type}`,
        detail: outcome.value.decline,
      });
      // A declined type is replaced once, by an eligible type not chosen for this seed.
      const others = eligibleTypes(spec, task.transformation).filter((type) => !task.chosen.includes(type.name));
      if (others.length === 0) return { notes };
      const replacement = draws(task.seedId, `replace:${task.type}`).pick(others);
      outcome = await attempt(replacement.name);
      if (isDecline(outcome.value)) {
        notes.push({
          kind: "declined",
          reason: "type_declined",
          subject: `instruct:${replacement.name}`,
          detail: outcome.value.decline,
        });
        return { notes };
      }
    }
    const drafts: Draft[] = shape.items(outcome.value).map((entry, index) => ({
      id: `${outcome.type.name}.${index + 1}`,
      type: outcome.type.name,
      instruction: entry.instruction,
      round: 0,
      expected: entry.expected,
      ...(entry.item ? { item: entry.item } : {}),
    }));
    return { drafts, notes };
  };

  const planRefine = (state: ItemStateValue): ItemStateUpdate => {
    if (state.drafts.length === 0) {
      const reasons = state.notes
        .filter((note) => note.kind === "declined")
        .map((note) => `${note.subject}: ${note.detail}`);
      return { filtered: `every instruction agent declined (${reasons.join("; ") || "no instructions"})` };
    }
    if (deps.rounds === 0 || spec.refine.chainsPerSeed === 0) return { chains: [], round: 1 };
    const originals = distinctDrafts(state.drafts.filter((draft) => draft.round === 0));
    const heads = draws(state.seedId, "refine").sample(originals, spec.refine.chainsPerSeed);
    return { chains: heads.map((draft) => ({ draftId: draft.id })), round: 1 };
  };

  /** The goals a chain's head may take next: its type's goals, less the one-shot goals already applied. */
  const goalsFor = (state: ItemStateValue, head: Draft) => {
    const applied = new Set<string>();
    for (let draft: Draft | undefined = head; draft; ) {
      if (draft.goal) applied.add(draft.goal);
      const parentId: string | undefined = draft.parentId;
      draft = parentId ? state.drafts.find((candidate) => candidate.id === parentId) : undefined;
    }
    const allowed = typeOf(head.type)?.goals;
    return spec.refine.goals.filter(
      (goal) => (!allowed || allowed.includes(goal.name)) && (goal.repeatable || !applied.has(goal.name)),
    );
  };

  const respondAll = (state: ItemStateValue) =>
    distinctDrafts(state.drafts).map(
      (draft) =>
        new Send("respond", {
          ...ref(state),
          draft,
          content: draft.content ?? state.content ?? "",
          attempt: 1,
        } satisfies RespondTask),
    );

  /** After planning and after each round: the next round of suggesters, or the responders. */
  const routeRefine = (state: ItemStateValue) => {
    if (state.filtered) return END;
    const sends: Send[] = [];
    if (state.round <= deps.rounds) {
      for (const chain of state.chains) {
        if (state.ended.includes(chain.draftId)) continue;
        const headId = state.round === 1 ? chain.draftId : `${chain.draftId}~r${state.round - 1}`;
        const head = state.drafts.find((draft) => draft.id === headId);
        if (!head) continue; // the chain's last edit was dropped or declined
        const goals = goalsFor(state, head);
        if (goals.length === 0) continue;
        const goal = draws(state.seedId, `refine-goal:${chain.draftId}:${state.round}`).pick(goals);
        sends.push(
          new Send("suggest", {
            ...ref(state),
            head,
            chain: chain.draftId,
            goal: goal.name,
            round: state.round,
            content: head.content ?? state.content ?? "",
          } satisfies RefineTask),
        );
      }
    }
    return sends.length > 0 ? sends : respondAll(state);
  };

  /** What the suggester and the editor both see: the item, its type, its expected outcome and the goal. */
  const refineInput = (task: RefineTask) => ({
    content: task.content,
    review: shape.review(task.head),
    expected: task.head.expected,
    typeName: task.head.type,
    goal: goalOf(task.goal),
  });

  const suggest = async (task: RefineTask, config: RunnableConfig) => {
    const result = await ask(
      "refine",
      spec.refine.suggest.system,
      suggestPrompt(spec, refineInput(task), boundary(task.seedId)),
      suggestOutput(spec.refine.suggestions),
      context(task, "suggest", `suggest:${task.goal}`, config),
    );
    const suggestions = result.value.suggestions
      .map((entry, index) => `${index + 1}. ${entry.suggestion} (why: ${entry.rationale}; outcome: ${entry.outcome})`)
      .join("\n");
    return new Command({ goto: new Send("edit", { ...task, suggestions } satisfies EditTask) });
  };

  const edit = async (task: EditTask, config: RunnableConfig): Promise<ItemStateUpdate> => {
    const goal = goalOf(task.goal);
    const noted = noteReplies(deps.gateway);
    const result = await ask(
      "refine",
      spec.refine.edit.system,
      editPrompt(spec, { ...refineInput(task), suggestions: task.suggestions, retype }, boundary(task.seedId)),
      editOutputFor(goal),
      context(task, "edit", `edit:${goal.name}`, config),
      noted,
    );
    const id = `${task.chain}~r${task.round}`;
    if (isDecline(result.value)) {
      return {
        ended: [task.chain],
        notes: [
          {
            kind: "declined",
            reason: "goal_declined",
            subject: `edit:${goal.name} ${id}`,
            detail: result.value.decline,
          },
        ],
      };
    }
    const value = result.value as Record<string, unknown>;
    const item = shape.edited(value);
    // A dropped edit is forgotten by the cache: a later run asks the editor again rather than replay it.
    const drop = async (reason: string, detail: string): Promise<ItemStateUpdate> => {
      await deps.gateway.forget(noted.keys);
      return {
        ended: [task.chain],
        notes: [
          { kind: "dropped", reason, subject: id, detail, ...(item.expected.key ? { key: item.expected.key } : {}) },
        ],
      };
    };
    if (goal.outcome === "changes" && sameAnswer(item.expected, task.head.expected)) {
      return drop("answer_unchanged", `${goal.name}: the expected answer equals the parent's`);
    }
    if (goal.outcome === "unanswerable" && item.expected.answerable) {
      return drop("still_answerable", `${goal.name}: the revised item is still answerable`);
    }
    const refined: Draft = {
      id,
      type: typeof value.type === "string" && typeOf(value.type) ? value.type : task.head.type,
      instruction: item.instruction,
      parentId: task.head.id,
      goal: goal.name,
      round: task.round,
      expected: item.expected,
      ...(item.item ? { item: item.item } : {}),
    };
    // The content changes only when the goal edits it; state keeps a copy only when it differs.
    const edited = goal.editsContent && typeof value.content === "string" ? value.content : task.content;
    if (edited.trim() !== task.content.trim()) refined.content = edited;
    else if (task.head.content !== undefined) refined.content = task.head.content;
    return { drafts: [refined], ...(goal.repeatable ? {} : { ended: [task.chain] }) };
  };

  const nextRound = (state: ItemStateValue): ItemStateUpdate => ({ round: state.round + 1 });

  const responder: ResponderEnv = {
    spec,
    gateway: deps.gateway,
    outputAttempts: deps.outputAttempts,
    boundary,
    context: (task, flow, agent, config) => context(task, flow, agent, config, task.attempt ?? 1),
    tools: agentTools(spec.respond.tools, deps.tools),
    ...(deps.tools ? { runTools: deps.tools } : {}),
  };
  const respond = async (task: RespondTask, config: RunnableConfig) => {
    if (deps.screen && (task.attempt ?? 1) === 1) {
      // Checked before the teacher is paid: a duplicate or contaminated instruction is never answered.
      const userTurn = renderTemplate(spec.userMessage, { content: task.content, instruction: task.draft.instruction });
      const note = await deps.screen({ skill: spec.id, split: spec.split, subject: task.draft.id, userTurn });
      if (note) return { notes: [note] };
    }
    const retrieved = spec.respond.retrieve > 0 ? await retrieve(task) : undefined;
    const input = retrieved ? { ...task, content: retrieved.content } : task;
    const noted = noteReplies(deps.gateway);
    let answer = hooks.respond
      ? await hooks.respond(input, config, { ...deps, gateway: noted })
      : await RESPONDERS[spec.respond.shape]({ ...responder, gateway: noted }, input, config);
    if (retrieved) {
      answer = {
        ...answer,
        content: retrieved.content,
        metadata: { ...answer.metadata, retrieved: retrieved.passages },
      };
    }
    return new Command({
      goto: new Send("verify", { ...task, answer, cacheKeys: [...noted.keys] } satisfies VerifyTask),
    });
  };

  /** The teacher's answer against the item's expected outcome: a rule where one applies, else the verifier agent. */
  const verify = async (task: VerifyTask, config: RunnableConfig) => {
    const { draft, answer } = task;
    const execution = answer.metadata?.execution as
      | { status: string; tests?: Array<{ name: string; status: string }> }
      | undefined;
    let verification = checkAnswer(
      {
        expected: draft.expected,
        turns: answer.turns,
        ...(spec.instruct.shape === "mcq"
          ? { letters: ["A", "B", "C", "D", "E"].slice(0, spec.instruct.optionCount) }
          : {}),
        numeric: spec.verify.numeric,
        ...(execution ? { execution } : {}),
      },
      spec.respond.shape === "tool_calls",
    );
    if (!verification) {
      const response = answer.turns
        .map((turn) =>
          turn.role === "tool"
            ? `[tool result] ${turn.content}`
            : `[${turn.role}] ${turn.content}${(turn.tool_calls ?? []).map((call) => ` [calls ${call.function.name}(${call.function.arguments})]`).join("")}`,
        )
        .join("\n\n");
      const judged = await ask(
        "verify",
        VERIFY_SYSTEM,
        verifyPrompt(
          spec,
          { content: answer.content ?? task.content, review: shape.review(draft), expected: draft.expected, response },
          boundary(task.seedId),
        ),
        Verification.pick({ status: true, reason: true }),
        context(task, "verify", "verify", config, task.attempt ?? 1),
      );
      verification = { ...judged.value, method: "model" };
    }
    const policy = deps.onDisagree ?? "regenerate";
    if (verification.status !== "disagrees" || policy === "keep") {
      const verified = { ...answer, verification };
      // With a rubric, the judge keeps or drops the verified answer: its own node, so its call is checkpointed.
      if (judgeRubric) {
        return new Command({ goto: new Send("judge", { ...task, answer: verified } satisfies VerifyTask) });
      }
      return { answers: [verified] };
    }
    // Regenerated or dropped, this answer is rejected: its replies leave the cache, so no rerun replays them.
    await deps.gateway.forget(task.cacheKeys ?? []);
    if (policy === "regenerate" && (task.attempt ?? 1) === 1) {
      const { answer: _rejected, cacheKeys: _forgotten, ...again } = task;
      return new Command({ goto: new Send("respond", { ...again, attempt: 2 } satisfies RespondTask) });
    }
    const teacher = answer.turns.filter((turn) => turn.role === "assistant").at(-1)?.content ?? "";
    return {
      notes: [
        {
          kind: "dropped",
          reason: `verification_${verification.method}`,
          subject: draft.id,
          detail: verification.reason,
          answer: teacher.slice(0, 4000),
          ...(draft.expected.key ? { key: draft.expected.key } : {}),
        } satisfies Note,
      ],
    };
  };

  /**
   * The quality judge: the record as it will be written, scored on the rubric in one structured call. Its reply
   * stays cached whatever the scores say: a rerun pays for no judgement twice.
   */
  const judgeSchema = judgeRubric ? judgeOutput(judgeRubric) : undefined;
  const judge = async (task: VerifyTask, config: RunnableConfig): Promise<ItemStateUpdate> => {
    if (!judgeRubric || !judgeSchema) throw new Error("the judge node runs only with a rubric");
    const { draft, answer } = task;
    const messages = recordMessages(spec, draft, answer, answer.content ?? task.content);
    const judged = await ask(
      "judge",
      judgeSystem(judgeRubric),
      judgePrompt(messages, boundary(task.seedId)),
      judgeSchema,
      context(task, "judge", "judge", config, task.attempt ?? 1),
    );
    const scores = scoresOf(
      judgeRubric,
      judged.value as Record<string, { reason: string; score: number }>,
      judged.model,
    );
    if (belowThreshold(judgeRubric, scores).length === 0) return { answers: [{ ...answer, scores }] };
    const teacher = answer.turns.filter((turn) => turn.role === "assistant").at(-1)?.content ?? "";
    return { notes: [belowThresholdNote(judgeRubric, draft.id, scores, teacher)] };
  };

  /** RAG: passages from elsewhere in the corpus, found by the question, added as further [Doc N] entries. */
  const retrieve = async (task: RespondTask) => {
    const search = deps.tools?.search;
    if (!search) throw new Error(`${spec.id} retrieves passages, but the run has no corpus search`);
    // The question names what to find; the start of its documents names the topic when the question is terse.
    const query = `${task.draft.instruction}\n${task.content.slice(0, 500)}`;
    let passages = await search.search(query, { k: spec.respond.retrieve, exclude: [task.seedId] });
    if (passages.length === 0) {
      // Nothing shares the question's words: fall back to passages on the seed's own topic.
      const seed = await deps.loadSeed(task.seedId);
      if (seed)
        passages = await search.search(seed.text.slice(0, 2000), { k: spec.respond.retrieve, exclude: [seed.id] });
    }
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
  const graph = new StateGraph(ItemState)
    .addNode("transform", node(transform))
    .addNode("instruct", node(instruct))
    .addNode("plan_refine", node(planRefine))
    .addNode("suggest", node(suggest), { ends: ["edit"] })
    .addNode("edit", node(edit))
    .addNode("next_round", node(nextRound))
    .addNode("respond", node(respond), { ends: ["verify"] })
    .addNode("verify", node(verify), { ends: judgeRubric ? ["respond", "judge"] : ["respond"] })
    .addEdge(START, "transform")
    .addConditionalEdges("transform", routeAfterTransform, ["instruct", END])
    .addEdge("instruct", "plan_refine")
    .addConditionalEdges("plan_refine", routeRefine, ["suggest", "respond", END])
    .addEdge("edit", "next_round")
    .addConditionalEdges("next_round", routeRefine, ["suggest", "respond", END])
    .addEdge("verify", END);
  // Without a rubric the graph is the one it always was: no judge node, no judge call.
  return judgeRubric ? graph.addNode("judge", node(judge)).addEdge("judge", END) : graph;
}
