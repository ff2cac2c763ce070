// A skill is data: one validated spec per file in agents/. `defineSkill` checks the spec's shape and
// every {placeholder} in its prompts against what the flow supplies, at load time, before any call.
import { z } from "zod";
import { EngineError, zodProblems } from "../runtime/errors.js";
import { AgentToolName } from "../tools/agent-tools.js";
import { identityAgent, identityPrompt, SHARED_GOALS, type SharedGoalName } from "./shared-prompts.js";

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

/** Placeholders a stage prompt must use: without them the agent never sees what it works on. */
export const REQUIRED_PLACEHOLDERS: Partial<Record<Stage, readonly string[]>> = {
  expand: ["content"],
  followUp: ["conversation"],
  toolResult: ["api", "arguments"],
  userMessage: ["instruction"],
};

const name = z.string().regex(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, "names are snake_case: lowercase letters, digits and _");
const prose = z.string().trim().min(1);

/** A content-transformation agent: rewrites the seed into the form the skill needs. */
export const TransformAgentSpec = z
  .object({
    name,
    description: prose,
    /** The task (user message); the stage's shared `system` prompt gives the role. */
    prompt: prose,
    /** Relative chance of being picked for a seed (default 1). */
    weight: z.number().positive().default(1),
  })
  .strict();
export type TransformAgentSpec = z.infer<typeof TransformAgentSpec>;

/** The engine's identity transformation (agents/shared-prompts.ts), optionally told who reads the text. */
const IdentityAgentRef = z
  .object({
    use: z.literal("identity"),
    description: prose.optional(),
    /** One sentence on who uses the text, appended to the first line. */
    purpose: prose.optional(),
    /** Extra "- ..." rules after the engine's own. */
    rules: z.array(prose).optional(),
    /** Replaces the closing paragraph. */
    closing: prose.optional(),
  })
  .strict()
  .transform((ref): TransformAgentSpec => identityAgent(identityPrompt(ref), ref.description));

/** One instruction type of the skill's taxonomy; one agent instance per type at run time. */
export const InstructionTypeSpec = z
  .object({
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
  })
  .strict();
export type InstructionTypeSpec = z.infer<typeof InstructionTypeSpec>;

/** A refinement goal: what the suggester aims for and the editor applies. */
export const RefinementGoalSpec = z
  .object({
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
  })
  .strict();
export type RefinementGoalSpec = z.infer<typeof RefinementGoalSpec>;

/** One of the engine's shared goals (agents/shared-prompts.ts) by name. */
const SharedGoalRef = z
  .object({ use: z.enum(Object.keys(SHARED_GOALS) as [SharedGoalName, ...SharedGoalName[]]) })
  .strict()
  .transform((ref): RefinementGoalSpec => ({ outcome: "any", ...SHARED_GOALS[ref.use], name: ref.use }));

const StagePrompts = z.object({ system: prose, prompt: prose }).strict();
/** A stage whose user message the engine writes: the skill gives the role and, optionally, its own guidelines. */
const EngineStage = z.object({ system: prose, guidelines: prose.optional() }).strict();

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

export { AgentToolName };

/** What the transformation produces: text, or (Tool Use) a list of APIs with parameter schemas. */
export const ContentShape = z.enum(["text", "api_list"]);
export type ContentShape = z.infer<typeof ContentShape>;

/** What every response shape has: the teacher's role, what it sees, and its closing task line. */
const respondBase = {
  system: prose,
  /** The tag under which the teacher sees the content; absent when the teacher sees only the instruction. */
  contentLabel: name.optional(),
  /** The closing line of the teacher's message ("Answer the question about the passage above."). */
  task: prose,
};

/** The respond stage as the flow reads it: every shape's fields, with the defaults of the shapes that lack them. */
export interface RespondSpec {
  shape: ResponseShape;
  system: string;
  contentLabel?: string;
  task: string;
  toolResult?: { system: string; prompt: string };
  maxSteps: number;
  tools: AgentToolName[];
  retrieve: number;
  verifyCode: boolean;
}
const RESPOND_DEFAULTS = { maxSteps: 6, tools: [], retrieve: 0, verifyCode: false };

/** What responds to an instruction: one set of fields per shape, so a field that does not fit its shape is an error. */
const RespondStage = z
  .discriminatedUnion("shape", [
    z
      .object({
        shape: z.literal("text").default("text"),
        ...respondBase,
        /** Tools the responder may call while answering. */
        tools: z.array(AgentToolName).default([]),
        /** Most model turns while answering with tools. */
        maxSteps: z.number().int().positive().default(6),
        /** Passages retrieved from the run's corpus (BM25 on the instruction) and added to the content. */
        retrieve: z.number().int().min(0).max(10).default(0),
        /** Run the answer's code in the sandbox, revise it on failure, and record the execution result. */
        verifyCode: z.boolean().default(false),
      })
      .strict(),
    z.object({ shape: z.literal("web_actions"), ...respondBase }).strict(),
    z
      .object({
        shape: z.literal("tool_calls"),
        ...respondBase,
        /** How tool results are simulated when no real tool runs. */
        toolResult: StagePrompts,
        /** Most model turns in one tool-calling exchange. */
        maxSteps: z.number().int().positive().default(6),
      })
      .strict(),
  ])
  .transform((respond): RespondSpec => ({ ...RESPOND_DEFAULTS, ...respond }));

export const SkillSpec = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "skill ids are kebab-case"),
    title: prose,
    /** The split name, exactly as in orca-agentinstruct-1M-v1 (a user skill's own split: records land there). */
    split: z.string().regex(/^[a-z0-9_]+$/, "split names are lowercase letters, digits and _"),
    description: prose,
    seedKinds: z.array(SeedKind).min(1),
    /** Seeds shorter than this (characters) are filtered for this skill with a reason. */
    minSeedChars: z.number().int().nonnegative().default(200),
    /** Tag and noun of the transformed content in prompts ("passage", "study_material"...). */
    contentLabel: name,
    /** What one instruction is called in prompts ("question", "task", "request"...). */
    itemLabel: z.string().regex(/^[a-z][a-z ]*[a-z]$/, "a lowercase noun, like question or task"),
    transform: z
      .object({
        system: prose,
        agents: z.array(z.union([TransformAgentSpec, IdentityAgentRef])).min(1),
        output: ContentShape.default("text"),
        /** A second step that grows what the chosen agent produced (Tool Use: reconstruct the rest of the library). */
        expand: StagePrompts.optional(),
      })
      .strict(),
    instruct: z
      .object({
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
          .strict()
          .default({ min: 1, max: 2 }),
      })
      .strict(),
    refine: z
      .object({
        suggest: EngineStage,
        edit: EngineStage,
        goals: z.array(z.union([RefinementGoalSpec, SharedGoalRef])).min(1),
        /** How many original instructions per seed enter refinement. */
        chainsPerSeed: z.number().int().nonnegative().default(2),
        /** How many suggestions the suggester proposes. */
        suggestions: z.number().int().positive().default(3),
      })
      .strict(),
    respond: RespondStage,
    /** Multi-turn skills: after the first answer, a follow-up agent writes each next user turn. */
    conversation: z
      .object({
        /** User turns in all, the first included. */
        userTurns: z.number().int().min(2),
        followUp: StagePrompts,
      })
      .strict()
      .optional(),
    /** How deterministic verification compares numbers: within a relative tolerance, or within orders of magnitude. */
    verify: z
      .object({
        numeric: z
          .object({ mode: z.enum(["relative", "orders"]), within: z.number().positive() })
          .strict()
          .default({ mode: "relative", within: 0.01 }),
      })
      .strict()
      .default({ numeric: { mode: "relative", within: 0.01 } }),
    /** The user turn of the record; the assistant turn is the response. */
    userMessage: prose.default("{content}\n\n{instruction}"),
  })
  .strict();
export type SkillSpecInput = z.input<typeof SkillSpec>;
export type SkillSpec = z.infer<typeof SkillSpec>;

/** One problem in a skill: where (the field path, as in the file) and what is wrong or expected. */
export interface SkillProblem {
  path: Array<string | number>;
  message: string;
}

export const formatProblem = (problem: SkillProblem) =>
  `${problem.path.map(String).join(".") || "(root)"}: ${problem.message}`;

export class SkillSpecError extends EngineError {
  readonly kind = "skill";
  constructor(
    readonly skill: string,
    readonly problems: SkillProblem[],
  ) {
    super(`skill "${skill}" is invalid:\n  - ${problems.map(formatProblem).join("\n  - ")}`);
    this.name = "SkillSpecError";
  }
}

const PLACEHOLDER = /\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g;

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
}

type Path = SkillProblem["path"];

/**
 * A skill-owned template may use its stage's placeholders and must use the required ones; data placeholders
 * must stand alone on their line.
 */
function checkPlaceholders(
  problems: SkillProblem[],
  path: Path,
  template: string | undefined,
  stage: Stage | "none",
): void {
  if (typeof template !== "string") return;
  const allowed: readonly string[] = stage === "none" ? [] : STAGE_PLACEHOLDERS[stage];
  const used = placeholdersOf(template);
  for (const placeholder of used) {
    if (!allowed.includes(placeholder)) {
      problems.push({
        path,
        message:
          stage === "none"
            ? `unknown placeholder {${placeholder}} (this text is shown as written and takes no placeholders)`
            : `unknown placeholder {${placeholder}} (the ${stage} stage supplies ${allowed.map((p) => `{${p}}`).join(", ")})`,
      });
    }
  }
  const required = stage === "none" ? [] : (REQUIRED_PLACEHOLDERS[stage] ?? []);
  for (const placeholder of required) {
    if (!used.includes(placeholder)) {
      problems.push({ path, message: `must show {${placeholder}}: without it the agent never sees what it works on` });
    }
  }
  // The record's user turn is never bounded; text shown as written already refused every placeholder.
  if (stage === "userMessage" || stage === "none") return;
  for (const line of template.split("\n")) {
    for (const placeholder of placeholdersOf(line)) {
      if ((DATA_PLACEHOLDERS as readonly string[]).includes(placeholder) && line.trim() !== `{${placeholder}}`) {
        problems.push({
          path,
          message: `{${placeholder}} carries seed text and must stand alone on its line (the engine puts it between boundaries)`,
        });
      }
    }
  }
}

/** The system prompts, guidelines, definitions and examples: shown as written. */
function fixedTexts(spec: SkillSpec): Array<[Path, string | undefined]> {
  return [
    [["transform", "system"], spec.transform.system],
    [["transform", "expand", "system"], spec.transform.expand?.system],
    [["instruct", "system"], spec.instruct.system],
    [["instruct", "guidelines"], spec.instruct.guidelines],
    [["refine", "suggest", "system"], spec.refine.suggest.system],
    [["refine", "suggest", "guidelines"], spec.refine.suggest.guidelines],
    [["refine", "edit", "system"], spec.refine.edit.system],
    [["refine", "edit", "guidelines"], spec.refine.edit.guidelines],
    [["respond", "system"], spec.respond.system],
    [["respond", "task"], spec.respond.task],
    [["respond", "toolResult", "system"], spec.respond.toolResult?.system],
    [["conversation", "followUp", "system"], spec.conversation?.followUp.system],
    ...spec.instruct.types.flatMap(
      (type, t): Array<[Path, string | undefined]> => [
        [["instruct", "types", t, "definition"], type.definition],
        [["instruct", "types", t, "guidance"], type.guidance],
        ...(type.examples ?? []).map((example, e): [Path, string] => [
          ["instruct", "types", t, "examples", e],
          example,
        ]),
      ],
    ),
    ...spec.refine.goals.map((goal, g): [Path, string] => [["refine", "goals", g, "description"], goal.description]),
  ];
}

function checkUnique(problems: SkillProblem[], path: Path, names: string[]): void {
  names.forEach((n, index) => {
    if (names.indexOf(n) !== index) problems.push({ path: [...path, index, "name"], message: `duplicate name "${n}"` });
  });
}

/** Specs that passed the checks: a spec object handed over twice is not parsed (and defaulted) again. */
const checked = new WeakSet<object>();

/**
 * Every problem of a skill spec: shape, unique names, placeholders and cross-references. When the shape is wrong
 * the other checks still run on what is there, so one pass reports every mistake.
 */
export function checkSkill(input: unknown): { spec?: SkillSpec; problems: SkillProblem[] } {
  const parsed = SkillSpec.safeParse(input);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error.issues);
    try {
      semanticChecks(input as SkillSpec, problems);
    } catch {
      // the shape is too broken for the cross-checks to read: the shape problems say enough
    }
    return { problems };
  }
  const spec = parsed.data;
  const problems: SkillProblem[] = [];
  semanticChecks(spec, problems);
  if (problems.length > 0) return { problems };
  checked.add(spec);
  return { spec, problems };
}

/** The checks beyond the shape. Also run on input that failed the shape, so every read is guarded. */
function semanticChecks(spec: SkillSpec, problems: SkillProblem[]): void {
  for (const [path, text] of fixedTexts(spec)) checkPlaceholders(problems, path, text, "none");
  spec.transform.agents.forEach((agent, a) => {
    checkPlaceholders(problems, ["transform", "agents", a, "prompt"], agent.prompt, "transform");
  });
  checkPlaceholders(problems, ["userMessage"], spec.userMessage ?? "{content}\n\n{instruction}", "userMessage");
  if (spec.transform.expand) {
    checkPlaceholders(problems, ["transform", "expand", "prompt"], spec.transform.expand.prompt, "expand");
  }
  if (spec.conversation) {
    checkPlaceholders(problems, ["conversation", "followUp", "prompt"], spec.conversation.followUp.prompt, "followUp");
    if (spec.respond.shape !== "text") {
      problems.push({ path: ["respond", "shape"], message: "a conversation needs respond.shape text" });
    }
  }
  if (spec.respond.toolResult) {
    checkPlaceholders(problems, ["respond", "toolResult", "prompt"], spec.respond.toolResult.prompt, "toolResult");
  }
  const toolUse = spec.respond.shape === "tool_calls";
  if (toolUse !== (spec.transform.output === "api_list")) {
    problems.push({
      path: ["transform", "output"],
      message: "transform.output api_list and respond.shape tool_calls go together (one needs the other)",
    });
  }
  checkUnique(
    problems,
    ["transform", "agents"],
    spec.transform.agents.map((a) => a.name),
  );
  checkUnique(
    problems,
    ["instruct", "types"],
    spec.instruct.types.map((t) => t.name),
  );
  checkUnique(
    problems,
    ["refine", "goals"],
    spec.refine.goals.map((g) => g.name),
  );

  const agentNames = spec.transform.agents.map((a) => a.name);
  const goalNames = spec.refine.goals.map((goal) => goal.name);
  spec.instruct.types.forEach((type, t) => {
    type.transformations?.forEach((name, i) => {
      if (!agentNames.includes(name)) {
        problems.push({
          path: ["instruct", "types", t, "transformations", i],
          message: `unknown transformation "${name}" (the skill's agents: ${agentNames.join(", ")})`,
        });
      }
    });
    type.goals?.forEach((goal, i) => {
      if (!goalNames.includes(goal)) {
        problems.push({
          path: ["instruct", "types", t, "goals", i],
          message: `unknown refinement goal "${goal}" (the skill's goals: ${goalNames.join(", ")})`,
        });
      }
    });
  });
  spec.transform.agents.forEach((agent, a) => {
    if (!spec.instruct.types.some((type) => !type.transformations || type.transformations.includes(agent.name))) {
      problems.push({
        path: ["transform", "agents", a],
        message: `no instruction type accepts ${agent.name}'s content`,
      });
    }
  });
  if (spec.instruct.perType && spec.instruct.perType.min > spec.instruct.perType.max) {
    problems.push({ path: ["instruct", "perType"], message: "min is greater than max" });
  }
}

/** Validate a skill spec (or return one already validated); throws SkillSpecError listing every problem. */
export function defineSkill(input: SkillSpecInput | SkillSpec): SkillSpec {
  if (checked.has(input)) return input as SkillSpec;
  const { spec, problems } = checkSkill(input);
  if (!spec) throw new SkillSpecError(typeof input?.id === "string" ? input.id : "(no id)", problems);
  checked.add(spec);
  return spec;
}
