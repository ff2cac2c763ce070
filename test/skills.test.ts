// Every skill of the catalog: it meets the method's minimums, and a run against the test server yields
// schema-valid records of the shape the skill promises (multi-turn, tool calls that match their API schemas,
// action steps on real page elements, MCQ options and answer, few-shot examples).
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { SKILLS } from "../agents/index.js";
import { elementIds } from "../graphs/responders/index.js";
import { resolveRunConfig, runSkills } from "../index.js";
import type { DatasetRecord } from "../runtime/store/run-store.js";
import { RecordSchema } from "./support/dataset.js";
import { startTestServer, type TestServer } from "./support/openai-test-server.js";
import { readRecords } from "./support/records.js";

/** The split names of microsoft/orca-agentinstruct-1M-v1, one per skill. */
const SPLITS = [
  "rc",
  "open_domain_qa",
  "text_modification",
  "webagent_flow",
  "brain_teaser",
  "analytical_reasoning",
  "mcq",
  "struct2text_flow",
  "fermi",
  "code_",
  "text_extraction",
  "text_classification",
  "rag",
  "tool_use",
  "creative_content",
  "fs_cot_flow",
  "follow_up",
];

describe("the skill catalog", () => {
  it("has all 17 AgentInstruct skills, one per released split", () => {
    expect(SKILLS.map((skill) => skill.split).sort()).toEqual([...SPLITS].sort());
  });

  it.each(SKILLS.map((skill) => [skill.id, skill] as const))("%s meets the minimums", (_id, skill) => {
    const identities = skill.transform.agents.filter((agent) => /identity/.test(agent.name));
    expect(skill.transform.agents.length - Math.max(0, identities.length - 1)).toBeGreaterThanOrEqual(6);
    expect(identities.length).toBeLessThanOrEqual(1);
    // A seed's words aimed at a model are never copied into a record as content.
    for (const identity of identities) expect(identity.prompt).toMatch(/address(es)? an AI model/);
    const minimumTypes =
      skill.split === "text_modification" ? 18 : skill.split === "tool_use" ? 7 : skill.split === "rc" ? 43 : 8;
    expect(skill.instruct.types.length).toBeGreaterThanOrEqual(minimumTypes);
    expect(skill.refine.goals.length).toBeGreaterThanOrEqual(2);
    for (const type of skill.instruct.types) {
      expect(type.definition.length, `${skill.id}/${type.name}`).toBeGreaterThan(30);
      expect(type.examples.length, `${skill.id}/${type.name}`).toBeGreaterThanOrEqual(2);
      for (const example of type.examples) expect(example.length, `${skill.id}/${type.name}`).toBeGreaterThan(10);
    }
  });

  it("keeps the published taxonomies of Text Modification and Tool Use", () => {
    const names = (split: string) =>
      SKILLS.find((skill) => skill.split === split)?.instruct.types.map((type) => type.name) ?? [];
    for (const type of [
      "paraphrasing",
      "simplification",
      "expansion",
      "translation",
      "formatting",
      "sentiment_modification",
      "annotation",
      "keyword_replacement",
      "capitalization",
      "styling",
      "content_rewriting",
      "data_normalization",
      "plagiarism_rewording",
      "code_switching",
      "obfuscation",
      "textual_entailment",
    ]) {
      expect(names("text_modification")).toContain(type);
    }
    for (const variant of [
      "single_api_all_params",
      "single_api_extra_params",
      "single_api_missing_params",
      "multi_api_all_params",
      "multi_api_missing_params",
      "single_api_unavailable",
      "multi_api_some_unavailable",
    ]) {
      expect(names("tool_use")).toContain(variant);
    }
  });
});

let server: TestServer;
let corpus: string;

beforeAll(async () => {
  server = await startTestServer({ latencyMs: 1 });
  corpus = await mkdtemp(join(tmpdir(), "skills-corpus-"));
  await writeFile(
    join(corpus, "harbor.md"),
    "# The harbor\n\nIn 1872 the harbor commission recorded 4,200 ship arrivals, twice the figure of 1852. " +
      "Engineers argued that dredging the channel caused the growth; merchants credited the new railway. " +
      "The commission's report lists three causes, two costs and one unresolved dispute about tolls.\n\n" +
      "Tolls rose from 2 to 3 shillings per ton in 1875, and arrivals fell by a tenth the next year.",
  );
  await writeFile(
    join(corpus, "inventory.py"),
    'def add_item(inventory: dict, name: str, quantity: int) -> dict:\n    """Add quantity of name."""\n' +
      "    inventory[name] = inventory.get(name, 0) + quantity\n    return inventory\n\n\n" +
      'def remove_item(inventory: dict, name: str, quantity: int) -> dict:\n    """Remove quantity of name."""\n' +
      "    if inventory.get(name, 0) < quantity:\n        raise ValueError(f'not enough {name}')\n" +
      "    inventory[name] -= quantity\n    return inventory\n",
  );
});
afterAll(async () => {
  await server.close();
});

async function recordsOf(skillId: string): Promise<DatasetRecord[]> {
  const out = await mkdtemp(join(tmpdir(), `skill-${skillId}-`));
  const config = resolveRunConfig(
    // The random teacher rarely matches its random expected outcomes: keep disagreeing answers (marked in their
    // metadata) so every shape is checked; verification policies have tests of their own.
    {
      skills: [skillId],
      seeds: [corpus],
      out,
      model: "openai:test-model",
      concurrency: 8,
      // Three rounds, so chains are long enough to repeat a goal if the goal draw allowed it.
      rounds: 3,
      onDisagree: "keep",
    },
    { OPENAI_BASE_URL: server.url },
    process.cwd(),
  );
  const outcome = await runSkills(config);
  expect(outcome.summary.failures).toEqual([]);
  expect(outcome.summary.items.done).toBeGreaterThan(0);
  return readRecords(out);
}

const McqMetadata = z.object({
  options: z.array(z.string().min(1)).min(3).max(5),
  answer: z.enum(["A", "B", "C", "D", "E"]),
});

/** Refinement steps per record over all skills: the one-shot check above means something only for long chains. */
const chainLengths: number[] = [];

describe.each(SKILLS.map((skill) => [skill.id, skill] as const))("a run of %s", (_id, skill) => {
  it("yields schema-valid records of the skill's shape", async () => {
    const records = await recordsOf(skill.id);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      RecordSchema.parse(record);
      expect(record.split).toBe(skill.split);
      expect(typeof (record.metadata.expected as { answerable?: unknown }).answerable).toBe("boolean");
      // No lineage applies a one-shot goal twice.
      const goals = record.metadata.refinement.map((step) => step.goal);
      chainLengths.push(goals.length);
      const oneShots = goals.filter(
        (goal) => skill.refine.goals.find((spec) => spec.name === goal)?.repeatable === false,
      );
      expect(new Set(oneShots).size, goals.join(" → ")).toBe(oneShots.length);
      expect(["agrees", "disagrees", "unverifiable"]).toContain(
        (record.metadata.verification as { status?: string } | undefined)?.status,
      );
      const kind = record.metadata.source.endsWith(".py#1") ? "code" : "text";
      expect(skill.seedKinds).toContain(kind);
      const roles = record.messages.map((message) => message.role);
      expect(roles.at(-1)).toBe("assistant");

      if (skill.conversation) {
        expect(roles.filter((role) => role === "user")).toHaveLength(skill.conversation.userTurns);
        expect(roles).toEqual(roles.map((_, index) => (index % 2 === 0 ? "user" : "assistant")));
      }
      if (skill.instruct.shape === "mcq") {
        const mcq = McqMetadata.parse(record.metadata.mcq);
        expect(mcq.options).toHaveLength(skill.instruct.optionCount);
        expect(record.messages.find((message) => message.role === "user")?.content).toContain(`A. ${mcq.options[0]}`);
      }
      if (skill.instruct.shape === "few_shot") {
        expect((record.metadata.few_shot as { k: number }).k).toBeGreaterThanOrEqual(2);
        expect(record.messages.find((message) => message.role === "user")?.content).toContain("Example 1");
      }
      if (skill.respond.shape === "web_actions") {
        const observation = record.messages[0]?.content ?? "";
        const ids = elementIds(observation);
        const actions = record.metadata.actions as Array<{ action: string; target: string }>;
        expect(actions.length).toBeGreaterThan(0);
        for (const action of actions) if (action.target) expect(ids.has(action.target)).toBe(true);
      }
      if (skill.respond.shape === "tool_calls") {
        expect(roles[0]).toBe("system");
        const tools = record.metadata.tools as Array<{
          function: { name: string; parameters: Record<string, unknown> };
        }>;
        const schemas = new Map(
          tools.map((tool) => [tool.function.name, z.fromJSONSchema(tool.function.parameters as never)]),
        );
        for (const message of record.messages) {
          for (const call of message.tool_calls ?? []) {
            const schema = schemas.get(call.function.name);
            expect(schema, call.function.name).toBeDefined();
            expect(schema?.safeParse(JSON.parse(call.function.arguments)).success).toBe(true);
            const result = record.messages.find(
              (candidate) => candidate.role === "tool" && candidate.tool_call_id === call.id,
            );
            expect(result).toBeDefined();
          }
        }
        expect(typeof record.metadata.tool_results_simulated).toBe("boolean");
      }
    }
    if (skill.respond.shape === "tool_calls") {
      expect(records.some((record) => record.messages.some((message) => (message.tool_calls ?? []).length > 0))).toBe(
        true,
      );
    }
  });
});

describe("refinement chains over all 17 skills", () => {
  it("were refined more than once, so a repeated one-shot goal would have shown", () => {
    expect(chainLengths.filter((length) => length >= 2).length).toBeGreaterThan(20);
  });
});
