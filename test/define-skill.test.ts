import { describe, expect, it } from "vitest";
import { defineSkill, formatProblem, SkillSpecError, type SkillSpecInput } from "../agents/define-skill.js";
import { findSkill, resolveSkills, SKILLS, skillCatalog } from "../agents/index.js";

const readingComprehension = findSkill("rc") as NonNullable<ReturnType<typeof findSkill>>;

const minimal = (): SkillSpecInput => ({
  id: "tiny",
  title: "Tiny",
  split: "tiny",
  description: "A tiny skill.",
  seedKinds: ["text"],
  transform: {
    system: "You transform.",
    agents: [{ name: "identity", description: "Keep.", prompt: "Return the {kind} below." }],
  },
  contentLabel: "passage",
  itemLabel: "question",
  instruct: {
    system: "You write questions.",
    guidelines: "- Ask about one fact.",
    types: [{ name: "recall", definition: "Recall a fact.", examples: ["What year...?", "Who first...?"] }],
  },
  refine: {
    suggest: { system: "Suggest." },
    edit: { system: "Edit." },
    goals: [{ name: "harder", description: "Harder.", editsContent: false, repeatable: true }],
  },
  respond: { system: "Answer.", contentLabel: "passage", task: "Answer the question." },
});

describe("defineSkill", () => {
  it("accepts a valid spec and fills defaults", () => {
    const spec = defineSkill(minimal());
    expect(spec.instruct.typesPerSeed).toBe(3);
    expect(spec.userMessage).toBe("{content}\n\n{instruction}");
  });

  it("names the unknown placeholder, the stage and what the stage supplies", () => {
    const input = minimal();
    input.userMessage = "{content} {question}";
    expect(() => defineSkill(input)).toThrow(/userMessage: unknown placeholder \{question\}.*\{instruction\}/s);
  });

  it("refuses placeholders in text shown as written, and data placeholders inside a line", () => {
    const input = minimal();
    input.respond.task = "Answer {instruction}.";
    input.transform.agents[0] = { name: "identity", description: "Keep.", prompt: "Return {seed} as it is." };
    const problems = (() => {
      try {
        defineSkill(input);
      } catch (caught) {
        return (caught as SkillSpecError).problems.map(formatProblem);
      }
      throw new Error("expected an error");
    })();
    expect(
      problems.some((problem) => /respond\.task: unknown placeholder \{instruction\}.*shown as written/.test(problem)),
    ).toBe(true);
    expect(problems.some((problem) => /transform\.agents\.0\.prompt: unknown placeholder \{seed\}/.test(problem))).toBe(
      true,
    );
  });

  it("rejects a type that names a goal the skill does not have", () => {
    const input = minimal();
    input.instruct.types[0] = { name: "recall", definition: "Recall.", examples: ["a?", "b?"], goals: ["easier"] };
    expect(() => defineSkill(input)).toThrow(/instruct\.types\.0\.goals\.0: unknown refinement goal "easier"/);
  });

  it("rejects duplicate names and unknown transformation references", () => {
    const input = minimal();
    input.instruct.types.push({ name: "recall", definition: "x", examples: ["y", "z"], transformations: ["debate"] });
    const error = (() => {
      try {
        defineSkill(input);
      } catch (caught) {
        return caught as SkillSpecError;
      }
      throw new Error("expected an error");
    })();
    expect(error).toBeInstanceOf(SkillSpecError);
    const problems = error.problems.map(formatProblem);
    expect(problems).toContain('instruct.types.1.name: duplicate name "recall"');
    expect(problems).toContain(
      'instruct.types.1.transformations.0: unknown transformation "debate" (the skill\'s agents: identity)',
    );
  });

  it("rejects a malformed spec with the path of each problem", () => {
    const input = minimal() as Record<string, unknown>;
    input.seedKinds = ["pictures"];
    expect(() => defineSkill(input as SkillSpecInput)).toThrow(/seedKinds\.0/);
  });
});

describe("the catalog", () => {
  it("holds Reading Comprehension as published: 9 transformations, 43 question types, 3 goals", () => {
    expect(readingComprehension.split).toBe("rc");
    expect(readingComprehension.transform.agents.map((agent) => agent.name)).toEqual([
      "argument_passage",
      "debate",
      "conversation",
      "meeting_transcript",
      "poem",
      "satire",
      "instruction_manual",
      "long_text",
      "identity",
    ]);
    expect(readingComprehension.instruct.types).toHaveLength(43);
    const published = [
      "literal_comprehension",
      "numerical_discrete_reasoning",
      "critical_comprehension",
      "evaluative_comprehension",
      "vocabulary_and_language_use",
      "relationship_comprehension",
      "sequencing_events",
      "strengthen",
      "weaken",
      "necessary_assumption",
      "flaw",
      "inference",
      "principle",
      "method_of_reasoning",
    ];
    const names = readingComprehension.instruct.types.map((type) => type.name);
    for (const name of published) expect(names).toContain(name);
    expect(readingComprehension.refine.goals.map((goal) => goal.name)).toEqual([
      "unanswerable",
      "answer_changes",
      "harder_question",
    ]);
    for (const type of readingComprehension.instruct.types) {
      expect(type.definition.length, type.name).toBeGreaterThan(40);
      expect(type.examples.length, type.name).toBeGreaterThanOrEqual(2);
    }
  });

  it("resolves skills by id, split name, comma list and 'all', and names unknown ones", () => {
    expect(resolveSkills(["rc"]).map((skill) => skill.id)).toEqual(["reading-comprehension"]);
    expect(resolveSkills(["reading-comprehension,rc"])).toHaveLength(1);
    expect(resolveSkills(["all"])).toHaveLength(SKILLS.length);
    expect(() => resolveSkills(["rc,nope"])).toThrow(/unknown skill\(s\): nope.*reading-comprehension \(rc\)/);
  });

  it("describes each skill for `skills --json`", () => {
    const [entry] = skillCatalog([readingComprehension]);
    expect(entry).toMatchObject({ id: "reading-comprehension", split: "rc", seedKinds: ["text"] });
    expect(entry?.instructionTypes).toHaveLength(43);
  });
});
