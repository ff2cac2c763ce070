// A skill is data: one validated spec per file in agents/. `defineSkill` checks the spec's shape and
// every {placeholder} in its prompts against what the flow supplies, at load time, before any call.
import { z } from "zod";

export const SeedKind = z.enum(["text", "code"]);
export type SeedKind = z.infer<typeof SeedKind>;

/**
 * The placeholders each skill-owned prompt may use; the graph builder supplies exactly these. The stages whose
 * user message the engine writes itself (instruct, suggest, edit, respond, verify) take no skill template.
 */
export const STAGE_PLACEHOLDERS = {
  /** Transformation tasks: the engine appends the bounded source block itself. */
  transform: ["source", "kind", "language"],
  /** The optional second transformation step, which grows the first step's content. */
  expand: ["seed", "source", "kind", "language", "content", "transformation", "related"],
  /** Conversation skills: the agent that writes the next user turn. */
  followUp: ["content", "conversation", "turn", "turns"],
  /** Tool-use skills: the agent that simulates a tool's result. */
  toolResult: ["api", "arguments", "history"],
  userMessage: ["content", "instruction"],
} as const;
export type Stage = keyof typeof STAGE_PLACEHOLDERS;

/**
 * Placeholders that carry seed-derived text. In prompts they stand alone on their line: the engine replaces each
 * with a block between per-seed boundaries, so no seed can close its own block (see graphs/data-boundary.ts).
 */
export const DATA_PLACEHOLDERS = [
  "seed",
  "content",
  "instruction",
  "related",
  "conversation",
  "api",
  "arguments",
  "history",
] as const;

const name = z.string().regex(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, "names are snake_case: lowercase letters, digits and _");
const prose = z.string().trim().min(1);

/** A content-transformation agent: rewrites the seed into the form the skill needs. */
export const TransformAgentSpec = z.object({
  name,
  description: prose,
  /** The task (user message); the stage's shared `system` prompt gives the role. */
  prompt: prose,
  /** Relative chance of being picked for a seed (default 1). */
  weight: z.number().positive().default(1),
});
export type TransformAgentSpec = z.infer<typeof TransformAgentSpec>;

/** One instruction type of the skill's taxonomy; one agent instance per type at run time. */
export const InstructionTypeSpec = z.object({
  name,
  definition: prose,
  /**
   * Two to four short examples of the form the type produces. The engine shows two per seed, rotated by the
   * PRNG, and tells the model to follow their form, never their wording.
   */
  examples: z.array(prose).min(2).max(4),
  /** Limit the type to content made by these transformation agents (all if absent). */
  transformations: z.array(name).optional(),
  /** What the responder must know about this type (e.g. "a required parameter is missing: ask for it"). */
  guidance: z.string().trim().min(1).optional(),
  /** The refinement goals that fit this type (all of the skill's goals if absent). */
  goals: z.array(name).min(1).optional(),
});
export type InstructionTypeSpec = z.infer<typeof InstructionTypeSpec>;

/** A refinement goal: what the suggester aims for and the editor applies. */
export const RefinementGoalSpec = z.object({
  name,
  description: prose,
  /** Only a goal that edits the content gets the content back from the editor; otherwise it is kept byte for byte. */
  editsContent: z.boolean(),
  /** A one-shot goal (repeatable false) ends its refinement chain: no lineage applies it twice. */
  repeatable: z.boolean(),
  /**
   * What the goal must do to the expected outcome, checked on every edit: `changes`, a different answer from the
   * parent's (else the child is dropped as answer_unchanged); `unanswerable`, an item that can no longer be
   * answered (else dropped as still_answerable); `any`, no check.
   */
  outcome: z.enum(["any", "changes", "unanswerable"]).default("any"),
});
export type RefinementGoalSpec = z.infer<typeof RefinementGoalSpec>;

const StagePrompts = z.object({ system: prose, prompt: prose });
/** A stage whose user message the engine writes: the skill gives the role and, optionally, its own guidelines. */
const EngineStage = z.object({ system: prose, guidelines: prose.optional() });

/**
 * How instructions are structured. plain: one instruction text. mcq: a question with 4-5 lettered options and
 * the correct letter (kept in the record's metadata). few_shot: k worked examples (question, reasoning, answer)
 * followed by the question to answer.
 */
export const InstructionShape = z.enum(["plain", "mcq", "few_shot"]);
export type InstructionShape = z.infer<typeof InstructionShape>;

/**
 * How responses are made. text: a free-text answer. web_actions: a step-by-step action sequence on a page
 * observation. tool_calls: a tool-calling conversation against the API list the transformation produced.
 */
export const ResponseShape = z.enum(["text", "web_actions", "tool_calls"]);
export type ResponseShape = z.infer<typeof ResponseShape>;

/** Tools a responder may call (each only when available in the run: web_search needs a provider key). */
export const AgentToolName = z.enum(["calculator", "search_corpus", "web_search", "execute_code"]);
export type AgentToolName = z.infer<typeof AgentToolName>;

/** What the transformation produces: text, or (Tool Use) a list of APIs with parameter schemas. */
export const ContentShape = z.enum(["text", "api_list"]);
export type ContentShape = z.infer<typeof ContentShape>;

export const SkillSpec = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "skill ids are kebab-case"),
  title: prose,
  /** The split name, exactly as in orca-agentinstruct-1M-v1. */
  split: z.string().regex(/^[a-z0-9_]+$/),
  description: prose,
  seedKinds: z.array(SeedKind).min(1),
  /** Seeds shorter than this (characters) are filtered for this skill with a reason. */
  minSeedChars: z.number().int().nonnegative().default(200),
  /** Tag and noun of the transformed content in prompts ("passage", "study_material"...). */
  contentLabel: name,
  /** What one instruction is called in prompts ("question", "task", "request"...). */
  itemLabel: z.string().regex(/^[a-z][a-z ]*[a-z]$/, "a lowercase noun, like question or task"),
  transform: z.object({
    system: prose,
    agents: z.array(TransformAgentSpec).min(1),
    output: ContentShape.default("text"),
    /** A second step that grows what the chosen agent produced (Tool Use: reconstruct the rest of the library). */
    expand: StagePrompts.optional(),
  }),
  instruct: z.object({
    system: prose,
    /** The skill's own requirements for its items, shown after the engine's task line. */
    guidelines: prose,
    shape: InstructionShape.default("plain"),
    /** mcq: how many options every question has (A-D = 4, A-E = 5). */
    optionCount: z.number().int().min(3).max(5).default(4),
    types: z.array(InstructionTypeSpec).min(1),
    /** How many distinct types run per seed. */
    typesPerSeed: z.number().int().positive().default(3),
    /** How many instructions each type agent writes. */
    perType: z
      .object({ min: z.number().int().positive(), max: z.number().int().positive() })
      .default({ min: 1, max: 2 }),
  }),
  refine: z.object({
    suggest: EngineStage,
    edit: EngineStage,
    goals: z.array(RefinementGoalSpec).min(1),
    /** How many original instructions per seed enter refinement. */
    chainsPerSeed: z.number().int().nonnegative().default(2),
    /** How many suggestions the suggester proposes. */
    suggestions: z.number().int().positive().default(3),
  }),
  respond: z.object({
    system: prose,
    /** The tag under which the teacher sees the content; absent when the teacher sees only the instruction. */
    contentLabel: name.optional(),
    /** The closing line of the teacher's message ("Answer the question about the passage above."). */
    task: prose,
    shape: ResponseShape.default("text"),
    /** tool_calls: how tool results are simulated when no real tool runs. */
    toolResult: StagePrompts.optional(),
    /** Most model turns in one tool-calling exchange. */
    maxSteps: z.number().int().positive().default(6),
    /** Tools the responder may call while answering (text responses). */
    tools: z.array(AgentToolName).default([]),
    /** Passages retrieved from the run's corpus (BM25 on the instruction) and added to the content. */
    retrieve: z.number().int().min(0).max(10).default(0),
    /** Run the answer's code in the sandbox, revise it on failure, and record the execution result. */
    verifyCode: z.boolean().default(false),
  }),
  /** Multi-turn skills: after the first answer, a follow-up agent writes each next user turn. */
  conversation: z
    .object({
      /** User turns in all, the first included. */
      userTurns: z.number().int().min(2),
      followUp: StagePrompts,
    })
    .optional(),
  /** How deterministic verification compares numbers: within a relative tolerance, or within orders of magnitude. */
  verify: z
    .object({
      numeric: z
        .object({ mode: z.enum(["relative", "orders"]), within: z.number().positive() })
        .default({ mode: "relative", within: 0.01 }),
    })
    .default({ numeric: { mode: "relative", within: 0.01 } }),
  /** The user turn of the record; the assistant turn is the response. */
  userMessage: prose.default("{content}\n\n{instruction}"),
});
export type SkillSpecInput = z.input<typeof SkillSpec>;
export type SkillSpec = z.infer<typeof SkillSpec>;

export class SkillSpecError extends Error {
  constructor(
    readonly skill: string,
    readonly problems: string[],
  ) {
    super(`skill "${skill}" is invalid:\n  - ${problems.join("\n  - ")}`);
    this.name = "SkillSpecError";
  }
}

const PLACEHOLDER = /\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g;

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
}

/** A skill-owned template may use its stage's placeholders; data placeholders must stand alone on their line. */
function checkPlaceholders(problems: string[], where: string, template: string, stage: Stage | "none"): void {
  const allowed: readonly string[] = stage === "none" ? [] : STAGE_PLACEHOLDERS[stage];
  for (const placeholder of placeholdersOf(template)) {
    if (!allowed.includes(placeholder)) {
      problems.push(
        stage === "none"
          ? `${where}: unknown placeholder {${placeholder}} (this text is shown as written and takes no placeholders)`
          : `${where}: unknown placeholder {${placeholder}} (the ${stage} stage supplies ${allowed.map((p) => `{${p}}`).join(", ")})`,
      );
    }
  }
  if (stage === "userMessage") return; // the record's user turn is never bounded
  for (const line of template.split("\n")) {
    for (const placeholder of placeholdersOf(line)) {
      if ((DATA_PLACEHOLDERS as readonly string[]).includes(placeholder) && line.trim() !== `{${placeholder}}`) {
        problems.push(
          `${where}: {${placeholder}} carries seed text and must stand alone on its line (the engine puts it between boundaries)`,
        );
      }
    }
  }
}

/** The system prompts and guidelines: shown as written. */
function fixedTexts(spec: SkillSpec): Array<[string, string | undefined]> {
  return [
    ["transform.system", spec.transform.system],
    ["instruct.system", spec.instruct.system],
    ["instruct.guidelines", spec.instruct.guidelines],
    ["refine.suggest.system", spec.refine.suggest.system],
    ["refine.suggest.guidelines", spec.refine.suggest.guidelines],
    ["refine.edit.system", spec.refine.edit.system],
    ["refine.edit.guidelines", spec.refine.edit.guidelines],
    ["respond.system", spec.respond.system],
    ["respond.task", spec.respond.task],
    ["transform.expand.system", spec.transform.expand?.system],
    ["conversation.followUp.system", spec.conversation?.followUp.system],
    ["respond.toolResult.system", spec.respond.toolResult?.system],
    ...spec.instruct.types.flatMap(
      (type): Array<[string, string | undefined]> => [
        [`instruction type ${type.name}: definition`, type.definition],
        [`instruction type ${type.name}: guidance`, type.guidance],
        ...type.examples.map((example, index): [string, string] => [
          `instruction type ${type.name}: example ${index + 1}`,
          example,
        ]),
      ],
    ),
    ...spec.refine.goals.map((goal): [string, string] => [`refinement goal ${goal.name}`, goal.description]),
  ];
}

function checkUnique(problems: string[], where: string, names: string[]): void {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) problems.push(`${where}: duplicate name "${n}"`);
    seen.add(n);
  }
}

/** Validate a skill spec: shape, unique names, placeholders, and cross-references. Throws SkillSpecError. */
export function defineSkill(input: SkillSpecInput): SkillSpec {
  const parsed = SkillSpec.safeParse(input);
  const id = typeof input?.id === "string" ? input.id : "(no id)";
  if (!parsed.success) {
    throw new SkillSpecError(
      id,
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`),
    );
  }
  const spec = parsed.data;
  const problems: string[] = [];
  for (const [where, text] of fixedTexts(spec)) if (text) checkPlaceholders(problems, where, text, "none");
  for (const agent of spec.transform.agents) {
    checkPlaceholders(problems, `transform agent ${agent.name}`, agent.prompt, "transform");
  }
  checkPlaceholders(problems, "userMessage", spec.userMessage, "userMessage");
  if (spec.transform.expand) {
    checkPlaceholders(problems, "transform.expand.prompt", spec.transform.expand.prompt, "expand");
  }
  if (spec.conversation) {
    checkPlaceholders(problems, "conversation.followUp.prompt", spec.conversation.followUp.prompt, "followUp");
    if (spec.respond.shape !== "text") problems.push("conversation: needs respond.shape text");
  }
  if (spec.respond.toolResult) {
    checkPlaceholders(problems, "respond.toolResult.prompt", spec.respond.toolResult.prompt, "toolResult");
  }
  const toolUse = spec.respond.shape === "tool_calls";
  if (toolUse && (!spec.respond.toolResult || spec.transform.output !== "api_list")) {
    problems.push("respond.shape tool_calls needs respond.toolResult and transform.output api_list");
  }
  if (!toolUse && spec.transform.output === "api_list") {
    problems.push("transform.output api_list is only for respond.shape tool_calls");
  }

  checkUnique(
    problems,
    "transform.agents",
    spec.transform.agents.map((a) => a.name),
  );
  checkUnique(
    problems,
    "instruct.types",
    spec.instruct.types.map((t) => t.name),
  );
  checkUnique(
    problems,
    "refine.goals",
    spec.refine.goals.map((g) => g.name),
  );

  const agentNames = new Set(spec.transform.agents.map((a) => a.name));
  for (const type of spec.instruct.types) {
    for (const t of type.transformations ?? []) {
      if (!agentNames.has(t)) {
        problems.push(`instruction type ${type.name}: unknown transformation "${t}"`);
      }
    }
  }
  for (const agent of spec.transform.agents) {
    const usable = spec.instruct.types.filter(
      (type) => !type.transformations || type.transformations.includes(agent.name),
    );
    if (usable.length === 0) {
      problems.push(`transform agent ${agent.name}: no instruction type accepts its content`);
    }
  }
  const goalNames = new Set(spec.refine.goals.map((goal) => goal.name));
  for (const type of spec.instruct.types) {
    for (const goal of type.goals ?? []) {
      if (!goalNames.has(goal)) problems.push(`instruction type ${type.name}: unknown refinement goal "${goal}"`);
    }
  }
  if (spec.instruct.perType.min > spec.instruct.perType.max) {
    problems.push("instruct.perType: min is greater than max");
  }
  if (problems.length > 0) throw new SkillSpecError(spec.id, problems);
  return spec;
}
