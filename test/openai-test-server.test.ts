// The test server must look like OpenAI to the real client stack (ChatOpenAI → openai SDK),
// so these tests talk to it through that stack wherever the engine would.
import { AIMessage, type BaseMessage, HumanMessage, SystemMessage } from "@langchain/core/messages";
import { ChatOpenAI } from "@langchain/openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { instanceOf } from "../runtime/models/simulated/schema-instance.js";
import {
  seededRandom,
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from "./support/openai-test-server.js";

const Quiz = z.object({
  title: z.string().min(3).max(60),
  difficulty: z.enum(["easy", "medium", "hard"]),
  questions: z
    .array(
      z.object({
        question: z.string().min(10),
        answer: z.string(),
        options: z.array(z.string()).min(2).max(4),
        points: z.int().min(1).max(5),
        hint: z.string().nullable(),
        source: z.object({ url: z.url(), page: z.number().positive() }).optional(),
      }),
    )
    .min(1)
    .max(3),
  tags: z.record(z.string(), z.boolean()),
});

const Fact = z.object({
  subject: z.string().min(2),
  confidence: z.number().min(0).max(1),
  kind: z.enum(["definition", "claim", "statistic"]),
});

/** Like the engine: a json_schema format whose raw text is not JSON.parsed by the SDK. */
function jsonSchemaFormat(schema: z.ZodType) {
  const format = {
    type: "json_schema" as const,
    json_schema: {
      name: "out",
      schema: z.toJSONSchema(schema) as Record<string, unknown>,
      strict: false,
    },
  };
  Object.defineProperty(format, "$parseRaw", { value: () => null, enumerable: false });
  return format;
}

function chatModel(server: TestServer, overrides: Partial<ConstructorParameters<typeof ChatOpenAI>[0]> = {}) {
  return new ChatOpenAI({
    model: "test-model",
    apiKey: "test-key",
    maxRetries: 0,
    configuration: { baseURL: server.url },
    ...overrides,
  });
}

function textOf(message: BaseMessage): string {
  if (typeof message.content !== "string") throw new Error("expected string content");
  return message.content;
}

const quizMessages = (topic: string) => [
  new SystemMessage("You write quizzes."),
  new HumanMessage(`Write a quiz about ${topic} for curious students.`),
];

async function rejectionOf(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error("expected the call to reject");
}

describe("openai test server through ChatOpenAI", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ seed: 7 });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => server.reset());

  it("returns schema-valid JSON for a nested zod schema", async () => {
    const response_format = jsonSchemaFormat(Quiz);
    const result = await chatModel(server).invoke(quizMessages("photosynthesis"), {
      response_format,
    });
    const parsed = Quiz.safeParse(JSON.parse(textOf(result)));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(server.requests[0]?.body.response_format.type).toBe("json_schema");
  });

  it("is deterministic per request and varies across requests", async () => {
    const model = chatModel(server);
    const response_format = jsonSchemaFormat(Quiz);
    const first = textOf(await model.invoke(quizMessages("volcanoes"), { response_format }));
    const again = textOf(await model.invoke(quizMessages("volcanoes"), { response_format }));
    const other = textOf(await model.invoke(quizMessages("glaciers"), { response_format }));
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it("mixes words from the request into plain-text replies", async () => {
    const prompt = "Explain how tectonic plates create earthquakes along continental boundaries.";
    const result = await chatModel(server).invoke([new HumanMessage(prompt)]);
    const text = textOf(result);
    expect(text.split(/(?<=\.)\s/).length).toBeGreaterThanOrEqual(2);
    const hints = ["explain", "tectonic", "plates", "create", "earthquakes", "along", "continental", "boundaries"];
    expect(hints.some((word) => text.toLowerCase().includes(word))).toBe(true);
    expect(result.usage_metadata?.input_tokens).toBe(Math.ceil(prompt.length / 4));
  });

  it("answers a forced tool with arguments valid for the tool schema", async () => {
    const tool = { name: "record_fact", description: "Record one fact.", schema: Fact };
    const model = chatModel(server).bindTools([tool], { tool_choice: "record_fact" });
    const result = await model.invoke([new HumanMessage("Photosynthesis converts light into chemical energy.")]);
    expect(result.tool_calls?.length).toBeGreaterThanOrEqual(1);
    for (const call of result.tool_calls ?? []) {
      expect(call.name).toBe("record_fact");
      expect(call.id).toMatch(/^call_[0-9a-f]+$/);
      expect(Fact.safeParse(call.args).success).toBe(true);
    }
    expect(result.response_metadata.finish_reason).toBe("tool_calls");
  });

  it("does not call tools again right after a tool result", async () => {
    const tool = { name: "record_fact", description: "Record one fact.", schema: Fact };
    const model = chatModel(server).bindTools([tool], { tool_choice: "auto" });
    const call = {
      id: "call_1",
      name: "record_fact",
      args: { subject: "x", confidence: 1, kind: "claim" },
    };
    const result = await model.invoke([
      new HumanMessage("Record a fact."),
      new AIMessage({ content: "", tool_calls: [call] }),
      { role: "tool", content: "recorded", tool_call_id: "call_1" },
    ]);
    expect(result.tool_calls ?? []).toHaveLength(0);
    expect(textOf(result).length).toBeGreaterThan(0);
  });

  it("surfaces 429 with status and Retry-After headers", async () => {
    server.enqueueFaults("429");
    const error = await rejectionOf(chatModel(server).invoke(quizMessages("tides")));
    expect(error.status).toBe(429);
    const headers = error.headers as Headers;
    expect(headers.get("retry-after")).toBe("1");
    expect(headers.get("retry-after-ms")).toBe("1000");
    expect((error.error as { code?: string }).code).toBe("rate_limit_exceeded");
  });

  it("surfaces 500 and 503", async () => {
    server.enqueueFaults("500", "503");
    expect((await rejectionOf(chatModel(server).invoke(quizMessages("tides")))).status).toBe(500);
    const overloaded = await rejectionOf(chatModel(server).invoke(quizMessages("tides")));
    expect(overloaded.status).toBe(503);
    expect((overloaded.headers as Headers).get("retry-after")).toBe("1");
  });

  it("rejects a hanging request once the client times out", async () => {
    server.enqueueFaults("hang");
    const model = chatModel(server, { timeout: 300 });
    await expect(model.invoke(quizMessages("tides"))).rejects.toThrow();
    expect(server.requests[0]?.status).toBe(0);
  });

  it("rejects when the connection is reset", async () => {
    server.enqueueFaults("reset");
    await expect(chatModel(server).invoke(quizMessages("tides"))).rejects.toThrow();
  });

  it("produces the documented broken contents", async () => {
    const response_format = jsonSchemaFormat(Quiz);
    const ask = async () => textOf(await chatModel(server).invoke(quizMessages("comets"), { response_format }));
    const clean = await ask();
    server.enqueueFaults("fenced", "prose", "malformed", "invalid", "empty");

    const fenced = await ask();
    expect(fenced).toBe(`\`\`\`json\n${clean}\n\`\`\``);

    const prose = await ask();
    const [sentence, json] = prose.split("\n\n");
    expect(sentence).toMatch(/^[A-Z][^{]*\.$/);
    expect(json).toBe(clean);

    const malformed = await ask();
    expect(clean.startsWith(malformed)).toBe(true);
    expect(() => JSON.parse(malformed)).toThrow();

    const invalid = await ask();
    expect(Quiz.safeParse(JSON.parse(invalid)).success).toBe(false);

    expect(await ask()).toBe("");
  });

  it("records every request with its status and fault", async () => {
    server.enqueueFaults("500", "429");
    const model = chatModel(server);
    await rejectionOf(model.invoke(quizMessages("rivers")));
    await rejectionOf(model.invoke(quizMessages("rivers")));
    await model.invoke(quizMessages("rivers"));
    expect(server.requests.map((request) => request.status)).toEqual([500, 429, 200]);
    expect(server.requests.map((request) => request.fault)).toEqual(["500", "429", undefined]);
    expect(server.requests.map((request) => request.index)).toEqual([0, 1, 2]);
    expect(server.completions).toBe(1);
  });

  it("applies faultWhen rules and records the agent named in the system prompt", async () => {
    server.faultWhen((body) => (JSON.stringify(body.messages).includes("forbidden") ? "400" : undefined));
    const messages = [new SystemMessage("agent: instructor\nYou write."), new HumanMessage("a forbidden topic")];
    expect((await rejectionOf(chatModel(server).invoke(messages))).status).toBe(400);
    await chatModel(server).invoke([new SystemMessage("agent: instructor"), new HumanMessage("fine")]);
    expect(server.requests.map((request) => [request.status, request.agent])).toEqual([
      [400, "instructor"],
      [200, "instructor"],
    ]);
  });
});

describe("openai test server options", () => {
  const servers: TestServer[] = [];
  const start = async (options: TestServerOptions) => {
    const server = await startTestServer(options);
    servers.push(server);
    return server;
  };
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  it("answers 401 for a wrong key when apiKey is set", async () => {
    const server = await start({ apiKey: "secret-key" });
    const error = await rejectionOf(chatModel(server).invoke(quizMessages("tides")));
    expect(error.status).toBe(401);
    expect((error.error as { code?: string }).code).toBe("invalid_api_key");
    const result = await chatModel(server, { apiKey: "secret-key" }).invoke(quizMessages("tides"));
    expect(textOf(result).length).toBeGreaterThan(0);
  });

  it("draws rate-based faults reproducibly from the seed", async () => {
    const statuses = async (server: TestServer) => {
      const results: number[] = [];
      for (let index = 0; index < 20; index++) {
        const response = await postChat(server, {
          model: "m",
          messages: [{ role: "user", content: "hi" }],
        });
        results.push(response.status);
      }
      return results;
    };
    const faultRates = { "429": 0.3, "500": 0.2 };
    const first = await statuses(await start({ seed: 3, faultRates }));
    const second = await statuses(await start({ seed: 3, faultRates }));
    expect(second).toEqual(first);
    expect(first).toContain(429);
    expect(first).toContain(200);
  });

  it("waits latencyMs and can repeat completion ids", async () => {
    const server = await start({ latencyMs: 60, repeatCompletionIds: true });
    const startedAt = Date.now();
    const first = await jsonOf(await postChat(server, { model: "m", messages: [{ role: "user", content: "a" }] }));
    const second = await jsonOf(await postChat(server, { model: "m", messages: [{ role: "user", content: "b" }] }));
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(110);
    expect(first.id).toMatch(/^chatcmpl-/);
    expect(second.id).toBe(first.id);
  });

  it("answers without rate-limit headers when told to, as vLLM does", async () => {
    const server = await start({ noRateHeaders: true });
    const response = await postChat(server, { model: "m", messages: [{ role: "user", content: "a" }] });
    expect(response.status).toBe(200);
    expect([...response.headers.keys()].filter((name) => name.startsWith("x-ratelimit-"))).toEqual([]);
    await jsonOf(response);
  });
});

describe("openai test server over raw HTTP", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("responds in OpenAI's completion shape with rate-limit headers", async () => {
    const response = await postChat(server, {
      model: "gpt-x",
      messages: [{ role: "user", content: "Hello" }],
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-request-id")).toMatch(/^req_/);
    expect(Number(response.headers.get("x-ratelimit-remaining-requests"))).toBeGreaterThan(0);
    const body = await jsonOf(response);
    expect(body).toMatchObject({
      object: "chat.completion",
      model: "gpt-x",
      choices: [
        {
          index: 0,
          message: { role: "assistant", refusal: null },
          logprobs: null,
          finish_reason: "stop",
        },
      ],
      usage: { prompt_tokens: 2 },
    });
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
  });

  it("lists test-model plus requested models", async () => {
    const response = await fetch(`${server.url}/models`);
    const ids = (await jsonOf(response)).data.map((model: { id: string }) => model.id);
    expect(ids).toEqual(expect.arrayContaining(["test-model", "gpt-x"]));
  });

  it("answers unknown routes, bad bodies and streaming with OpenAI-shaped errors", async () => {
    const missing = await fetch(`${server.url}/nope`);
    expect(missing.status).toBe(404);
    expect((await jsonOf(missing)).error).toMatchObject({
      type: "invalid_request_error",
      param: null,
      code: null,
    });

    const garbage = await fetch(`${server.url}/chat/completions`, {
      method: "POST",
      body: "{not json",
    });
    expect(garbage.status).toBe(400);

    const noMessages = await postChat(server, { model: "m" });
    expect((await jsonOf(noMessages)).error.param).toBe("messages");

    const streaming = await postChat(server, {
      model: "m",
      stream: true,
      messages: [{ role: "user", content: "x" }],
    });
    expect(streaming.status).toBe(400);
    expect((await jsonOf(streaming)).error.message).toBe("streaming is not supported by the test server");
  });

  it("follows an <output_schema> block for json_object and prompt-only modes", async () => {
    const schema = JSON.stringify(z.toJSONSchema(Fact));
    const messages = [
      { role: "system", content: `Reply with JSON.\n<output_schema>\n${schema}\n</output_schema>` },
      { role: "user", content: "Tell me a fact." },
    ];
    for (const extra of [{ response_format: { type: "json_object" } }, {}]) {
      const body = await jsonOf(await postChat(server, { model: "m", messages, ...extra }));
      expect(Fact.safeParse(JSON.parse(body.choices[0].message.content)).success).toBe(true);
    }
  });
});

describe("instanceOf", () => {
  const Everything = z.object({
    title: z.string().min(5).max(12),
    count: z.int().min(1).max(10),
    ratio: z.number().gt(0).lt(1),
    step: z.number().multipleOf(0.25).min(1).max(2),
    kind: z.literal("fixed"),
    maybe: z.string().nullable(),
    nested: z.object({ flag: z.boolean(), nothing: z.null() }).nullable(),
    email: z.email(),
    id: z.uuid(),
    when: z.iso.datetime(),
    day: z.iso.date(),
    pair: z.tuple([z.string(), z.number()]),
    byLevel: z.record(z.enum(["low", "high"]), z.number()),
    either: z.union([z.number(), z.string()]),
    shape: z.discriminatedUnion("type", [
      z.object({ type: z.literal("circle"), radius: z.number() }),
      z.object({ type: z.literal("square"), side: z.number() }),
    ]),
    both: z.intersection(z.object({ a: z.string() }), z.object({ b: z.number() })),
    tags: z.array(z.string().max(8)).min(2).max(6),
    big: z.int(),
    get tree(): z.ZodOptional<typeof Tree> {
      return Tree.optional();
    },
  });
  const Tree: z.ZodType<{ label: string; children?: unknown[] }> = z.object({
    label: z.string(),
    get children() {
      return z.array(Tree).optional();
    },
  });

  it("validates against zod for many seeds", () => {
    const schema = z.toJSONSchema(Everything);
    for (let seed = 0; seed < 200; seed++) {
      const value = instanceOf(schema, seededRandom(String(seed)), {
        words: ["aurora", "borealis"],
      });
      const parsed = Everything.safeParse(value);
      expect(parsed.success, `seed ${seed}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  it("writes passages for content-like properties and phrases elsewhere", () => {
    const schema = z.toJSONSchema(z.object({ passage: z.string(), label: z.string() }));
    const value = instanceOf(schema, seededRandom("x")) as { passage: string; label: string };
    expect(value.passage.split(". ").length).toBeGreaterThanOrEqual(3);
    expect(value.label.split(" ").length).toBeLessThanOrEqual(12);
  });
});

function postChat(server: TestServer, body: unknown): Promise<Response> {
  return fetch(`${server.url}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** Response JSON for assertions; shapes are checked by the expectations themselves. */
// biome-ignore lint/suspicious/noExplicitAny: assertions index freely into response bodies.
async function jsonOf(response: Response): Promise<any> {
  return response.json();
}
