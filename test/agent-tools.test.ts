// Skills that use tools for real, against a scripted model behind the test server's wire format:
// Coding runs its answer in the sandbox and revises it; Fermi calls the calculator; RAG retrieves passages
// from the corpus; Tool Use grows its API list with similar code from the corpus.
import { execFileSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { findSkill } from "../agents/index.js";
import { openSqliteStore, resolveRunConfig, runSkills } from "../index.js";
import type { CallContext } from "../runtime/models/gateway.js";
import type { ResolvedModel } from "../runtime/models/model-roles.js";
import { OpenAICompatibleGateway } from "../runtime/models/openai-adapter.js";
import { answerWithTools, realTool } from "../runtime/models/use-tools.js";
import type { DatasetRecord } from "../runtime/store/run-store.js";
import type { SqliteRunStore } from "../runtime/store/sqlite-store.js";
import { calculatorTool } from "../tools/calculator.js";
import { startTestServer, type TestServer } from "./support/openai-test-server.js";
import { readRecords } from "./support/records.js";

let server: TestServer;
let corpus: string;

const hasBubblewrap = (() => {
  try {
    execFileSync("bwrap", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** Long enough for every skill's minimum seed length. */
const long = (text: string) => `${text} ${text} ${text}`;

beforeAll(async () => {
  server = await startTestServer({ latencyMs: 1 });
  corpus = await mkdtemp(join(tmpdir(), "agent-tools-"));
  await writeFile(
    join(corpus, "harbor.md"),
    long(
      "The harbor commission recorded 4,200 ship arrivals in 1872, twice the figure of 1852. Engineers credited " +
        "the dredging of the channel; merchants credited the railway. Tolls rose to 3 shillings per ton in 1875.",
    ),
  );
  await writeFile(
    join(corpus, "lighthouse.md"),
    long(
      "The lighthouse keeper logged 312 foggy nights in 1880. The lamp burned colza oil until 1885, when the " +
        "commission paid for a kerosene lamp that the harbor pilots said could be seen eighteen miles out.",
    ),
  );
  await writeFile(
    join(corpus, "mill.md"),
    long(
      "The flour mill on the river employed forty workers and shipped its flour through the harbor each autumn, " +
        "paying the new tolls after 1875 and complaining about them to the commission in a letter of 1876.",
    ),
  );
  await writeFile(
    join(corpus, "inventory.py"),
    "def add_item(inventory: dict, name: str, quantity: int) -> dict:\n    inventory[name] = inventory.get(name, 0) + quantity\n" +
      "    return inventory\n\n\ndef remove_item(inventory: dict, name: str, quantity: int) -> dict:\n" +
      "    if inventory.get(name, 0) < quantity:\n        raise ValueError('not enough')\n    inventory[name] -= quantity\n    return inventory\n",
  );
  await writeFile(
    join(corpus, "warehouse.py"),
    "def restock(inventory: dict, supplier: str, items: list) -> dict:\n    for name, quantity in items:\n" +
      "        inventory[name] = inventory.get(name, 0) + quantity\n    return inventory\n\n\n" +
      "def audit(inventory: dict) -> int:\n    return sum(inventory.values())\n",
  );
});
afterAll(async () => {
  await server.close();
});
afterEach(() => server.reset());

async function run(skill: string, limit?: number): Promise<DatasetRecord[]> {
  const out = await mkdtemp(join(tmpdir(), `agent-tools-${skill}-`));
  const config = resolveRunConfig(
    // These tests are about tools; the random verifier's verdicts are kept, not acted on (see verification.test.ts).
    {
      skills: [skill],
      seeds: [corpus],
      out,
      model: "openai:test-model",
      concurrency: 4,
      rounds: 0,
      limit,
      onDisagree: "keep",
    },
    { OPENAI_BASE_URL: server.url },
    process.cwd(),
  );
  const outcome = await runSkills(config);
  expect(outcome.summary.failures).toEqual([]);
  return readRecords(out);
}

type Message = { role: string; content: string };

const scratchStore = async () => openSqliteStore(join(await mkdtemp(join(tmpdir(), "tool-loop-")), "run.db"));

/** A gateway on the test server for driving the tool loop directly. */
function loopGateway(store: SqliteRunStore) {
  const model: ResolvedModel = {
    provider: "openai",
    name: "test-model",
    baseURL: server.url,
    apiKey: "k",
    temperature: 0,
    structuredOutput: "json_schema",
  };
  return new OpenAICompatibleGateway({
    models: { transform: model, instruct: model, refine: model, respond: model, verify: model, judge: model },
    concurrency: 2,
    timeoutMs: 5000,
    retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 },
    cache: store,
    calls: store,
  });
}

const loopContext = (): CallContext => ({
  runId: "r",
  skill: "fermi",
  flow: "respond",
  agent: "respond",
  itemId: "fermi/s",
  seedId: "s",
});
const system = (body: { messages: Message[] }) => body.messages[0]?.content ?? "";

describe("Coding verifies its answers in the sandbox", () => {
  it.skipIf(!hasBubblewrap)(
    "runs the answer, shows the failure to the model, and records the revised answer's result",
    async () => {
      const respondSystem = findSkill("coding")?.respond.system ?? "";
      server.replyWhen((body) => {
        if (!system(body).startsWith(respondSystem) || body.response_format) return undefined;
        const revising = (body.messages as Message[]).some((message) =>
          message.content.includes("Your code was run in the sandbox"),
        );
        const returns = revising ? "a + b" : "a - b";
        return `Here is the function with a check.\n\n\`\`\`python\ndef add(a, b):\n    return ${returns}\n\`\`\`\n\n\`\`\`python\nassert add(2, 3) == 5\nprint("all tests passed")\n\`\`\``;
      });
      const records = await run("coding");
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) {
        expect(record.metadata.execution).toMatchObject({
          status: "passed",
          language: "python",
          exitCode: 0,
          runs: 2,
          stdout: "all tests passed\n",
        });
        expect(record.messages.at(-1)?.content).toContain("return a + b");
      }
      // The failing first run was shown to the model with its traceback.
      const revision = server.requests.find((request) =>
        JSON.stringify(request.body.messages).includes("Your code was run in the sandbox"),
      );
      expect(JSON.stringify(revision?.body.messages)).toContain("AssertionError");
    },
  );
});

describe("Fermi uses the calculator", () => {
  it("executes the model's calculator calls and records them with their results", async () => {
    server.replyWhen((body) => {
      if (!body.tools?.some((tool: { function: { name: string } }) => tool.function.name === "calculator"))
        return undefined;
      const answered = (body.messages as Message[]).some((message) => message.role === "tool");
      return answered
        ? "Assume 2^10 deliveries a year, so about 1024. Final answer: about 1 × 10^3."
        : { toolCalls: [{ name: "calculator", arguments: { expression: "2^10" } }] };
    });
    const records = await run("fermi", 2);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      expect(record.metadata.tools_used).toEqual([
        { tool: "calculator", input: { expression: "2^10" }, output: "1024" },
      ]);
      expect(record.messages.at(-1)?.content).toContain("Final answer");
    }
    const toolTurn = server.requests
      .flatMap((request) => request.body.messages as Array<Message & { tool_call_id?: string }>)
      .find((message) => message.role === "tool");
    expect(toolTurn?.content).toBe("1024");
  });
});

describe("RAG grounds answers in passages retrieved from the corpus", () => {
  it("adds other seeds' passages as further documents and records their seed ids", async () => {
    const records = await run("rag");
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      const retrieved = record.metadata.retrieved as Array<{ seed_id: string; source: string }>;
      expect(retrieved.length).toBeGreaterThan(0);
      for (const passage of retrieved) {
        expect(passage.seed_id).not.toBe(record.metadata.seed_id);
        expect(record.messages[0]?.content).toContain(`(from ${passage.source})`);
      }
    }
  });
});

describe("Tool Use grows its API list with similar code from the corpus", () => {
  it("shows the expand step code retrieved from other code seeds", async () => {
    const records = await run("tool-use");
    expect(records.length).toBeGreaterThan(0);
    const expansions = server.requests.filter((request) =>
      JSON.stringify(request.body.messages).includes("<related boundary="),
    );
    expect(expansions.length).toBeGreaterThan(0);
    const text = JSON.stringify(expansions.map((request) => request.body.messages));
    expect(text).toMatch(/warehouse\.py#1|inventory\.py#1/);
    // The simulated API is shown the conversation's earlier calls, so chained calls stay consistent.
    const simulations = server.requests.filter((request) =>
      JSON.stringify(request.body.messages).includes("<arguments boundary="),
    );
    expect(simulations.length).toBeGreaterThan(0);
    for (const request of simulations) expect(JSON.stringify(request.body.messages)).toContain("<history boundary=");
  });
});

describe("tool calls are traced", () => {
  it("runs each tool under the item's trace, named skill/tool:<name>, with its input and output", async () => {
    const { BaseCallbackHandler } = await import("@langchain/core/callbacks/base");
    const seen: Array<{ runName?: string; input: string; tags?: string[]; output?: string }> = [];
    class Recorder extends BaseCallbackHandler {
      name = "recorder";
      override handleToolStart(
        _tool: unknown,
        input: string,
        _runId: string,
        _parent?: string,
        tags?: string[],
        _metadata?: Record<string, unknown>,
        runName?: string,
      ) {
        seen.push({ runName, input, tags });
      }
      override handleToolEnd(output: unknown) {
        const last = seen.at(-1);
        if (last) last.output = String((output as { content?: unknown })?.content ?? output);
      }
    }
    server.replyWhen((body) =>
      (body.messages as Message[]).some((message) => message.role === "tool")
        ? "It is 1024."
        : { toolCalls: [{ name: "calculator", arguments: { expression: "2^10" } }] },
    );
    const store = await scratchStore();
    try {
      const answer = await answerWithTools(
        loopGateway(store),
        {
          messages: [{ role: "user", content: "What is 2^10?" }],
          tools: [realTool(calculatorTool)],
          maxSteps: 3,
          attempts: 2,
          invalidCalls: "report",
        },
        () => ({
          runId: "r",
          skill: "fermi",
          flow: "respond",
          agent: "respond",
          itemId: "fermi/s",
          seedId: "s",
          parent: { callbacks: [new Recorder()] },
        }),
      );
      expect(answer.text).toBe("It is 1024.");
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ runName: "fermi/tool:calculator", output: "1024" });
      expect(seen[0]?.input).toContain("2^10");
      expect(seen[0]?.tags).toEqual(expect.arrayContaining(["skill:fermi", "tool:calculator"]));
    } finally {
      await store.close();
    }
  });
});

describe("the tool loop's policy for an invalid call", () => {
  const bad = { toolCalls: [{ name: "calculator", arguments: { formula: "2^10" } }] };
  const good = { toolCalls: [{ name: "calculator", arguments: { expression: "2^10" } }] };
  const loop = (invalidCalls: "re-ask" | "report") => ({
    messages: [{ role: "user" as const, content: `What is 2^10? (${invalidCalls})` }],
    tools: [realTool(calculatorTool)],
    maxSteps: 3,
    attempts: 2,
    invalidCalls,
  });

  it("re-ask: the invalid call is never recorded, and the model is asked again", async () => {
    server.replyWhen((body) => {
      const last = (body.messages as Message[]).at(-1);
      if (last?.role === "tool") return "It is 1024.";
      return last?.content.includes("cannot run") ? good : bad;
    });
    const store = await scratchStore();
    try {
      const answer = await answerWithTools(loopGateway(store), loop("re-ask"), loopContext);
      expect(answer.toolUses).toEqual([{ tool: "calculator", input: { expression: "2^10" }, output: "1024" }]);
      expect(answer.turns.map((turn) => turn.role)).toEqual(["assistant", "tool", "assistant"]);
      expect(JSON.stringify(answer.turns)).not.toContain("formula");
      // The re-ask went with one request only; the conversation the model saw next holds only the call that ran.
      expect(server.requests).toHaveLength(3);
      expect(JSON.stringify(server.requests[2]?.body.messages)).not.toContain("cannot run");
    } finally {
      await store.close();
    }
  });

  it("report: the validation error goes back to the model as the tool's result", async () => {
    server.replyWhen((body) => {
      const last = (body.messages as Message[]).at(-1);
      if (last?.role !== "tool") return bad;
      return last.content.startsWith("Error:") ? good : "It is 1024.";
    });
    const store = await scratchStore();
    try {
      const answer = await answerWithTools(loopGateway(store), loop("report"), loopContext);
      expect(answer.toolUses).toMatchObject([
        { tool: "calculator", input: { formula: "2^10" }, error: expect.stringMatching(/^calculator: expression/) },
        { tool: "calculator", input: { expression: "2^10" }, output: "1024" },
      ]);
      expect(answer.text).toBe("It is 1024.");
    } finally {
      await store.close();
    }
  });
});
