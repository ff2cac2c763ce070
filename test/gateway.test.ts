// The gateway and agent calls against the OpenAI-compatible test server, over real HTTP, through
// @langchain/openai: retries, Retry-After, timeouts, the response cache, schema re-asks, tracing names.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ModelCallError, OutputInvalidError } from "../runtime/errors.js";
import { callAgent } from "../runtime/models/call-agent.js";
import { type CallContext, type ChatRequest, type ChatResult, Gateway } from "../runtime/models/gateway.js";
import type { ModelAdapter, WireRequest } from "../runtime/models/model-adapter.js";
import type { ModelRole, ResolvedModel } from "../runtime/models/model-roles.js";
import { OpenAICompatibleGateway } from "../runtime/models/openai-adapter.js";
import type { CallRecord } from "../runtime/store/run-store.js";
import type { SqliteRunStore } from "../runtime/store/sqlite-store.js";
import { openSqliteStore } from "../runtime/store/sqlite-store.js";
import { startTestServer, type TestServer } from "./support/openai-test-server.js";

let server: TestServer;
let store: SqliteRunStore;

beforeAll(async () => {
  server = await startTestServer({ latencyMs: 5, retryAfterSeconds: 1 });
  store = openSqliteStore(join(await mkdtemp(join(tmpdir(), "gateway-")), "run.db"));
});
afterAll(async () => {
  await server.close();
  await store.close();
});
afterEach(() => server.reset());

function gateway(
  overrides: {
    concurrency?: number;
    timeoutMs?: number;
    maxAttempts?: number;
    structuredOutput?: ResolvedModel["structuredOutput"];
  } = {},
) {
  const model: ResolvedModel = {
    provider: "openai",
    name: "test-model",
    baseURL: server.url,
    apiKey: "test-key",
    temperature: 0.7,
    structuredOutput: overrides.structuredOutput ?? "json_schema",
  };
  const models = Object.fromEntries(
    ["transform", "instruct", "refine", "respond"].map((role) => [role, model]),
  ) as Record<ModelRole, ResolvedModel>;
  return new OpenAICompatibleGateway({
    models,
    concurrency: overrides.concurrency ?? 4,
    timeoutMs: overrides.timeoutMs ?? 10_000,
    retry: { maxAttempts: overrides.maxAttempts ?? 4, baseDelayMs: 10, maxDelayMs: 100, maxRetryAfterMs: 5000 },
    cache: store,
    calls: store,
  });
}

let counter = 0;
/** A string never sent before, so the response cache never answers for the server. */
const fresh = (label: string) => {
  counter += 1;
  return `${label} ${counter} ${Date.now()}`;
};
const context = (overrides: Partial<CallContext> = {}): CallContext => ({
  runId: "run-1",
  skill: "reading-comprehension",
  flow: "respond",
  agent: "respond",
  itemId: "reading-comprehension/seed-1",
  seedId: "seed-1",
  ...overrides,
});
// A fresh question per test, so the response cache never answers for the server.
const request = (): ChatRequest => ({
  role: "respond",
  messages: [
    { role: "system", content: "You answer questions." },
    { role: "user", content: `${fresh("Question number")}?` },
  ],
});

describe("model gateway", () => {
  it("retries a 429 after the server's Retry-After, then succeeds", async () => {
    server.enqueueFaults("429");
    const started = performance.now();
    const result = await gateway().complete(request(), context());
    expect(result.text.length).toBeGreaterThan(0);
    expect(server.requests.map((entry) => entry.status)).toEqual([429, 200]);
    // Our own backoff would be ~10 ms; the server asked for 1 s.
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("retries 500 and 503 with backoff", async () => {
    server.enqueueFaults("500", "503");
    await gateway().complete(request(), context());
    expect(server.requests.map((entry) => entry.status)).toEqual([500, 503, 200]);
  });

  it("does not retry other 4xx errors", async () => {
    server.enqueueFaults("400");
    const error = await gateway()
      .complete(request(), context())
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(ModelCallError);
    expect(error).toMatchObject({ status: 400, retryable: false, attempts: 1 });
    expect(error.message).toMatch(/not retryable/);
    expect(server.requests).toHaveLength(1);
  });

  it("times out a hung request and retries it", async () => {
    server.enqueueFaults("hang");
    const result = await gateway({ timeoutMs: 300 }).complete(request(), context());
    expect(result.text.length).toBeGreaterThan(0);
    expect(server.requests.map((entry) => entry.status)).toEqual([0, 200]);
  });

  it("retries a dropped connection", async () => {
    server.enqueueFaults("reset");
    await gateway().complete(request(), context());
    expect(server.requests.map((entry) => entry.status)).toEqual([0, 200]);
  });

  it("gives up after maxAttempts and says so", async () => {
    server.enqueueFaults("500", "500", "500");
    const error = await gateway({ maxAttempts: 3 })
      .complete(request(), context())
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(ModelCallError);
    expect(error.message).toMatch(/gave up after 3 attempts/);
    expect(server.requests).toHaveLength(3);
  });

  it("answers a repeated request from the run's cache without calling the server", async () => {
    const same = request();
    const first = await gateway().complete(same, context());
    const second = await gateway().complete(same, context());
    expect(second).toMatchObject({ text: first.text, cached: true });
    expect(server.requests).toHaveLength(1);
  });

  it("does not cache a reply its caller rejects: a rerun asks the model again", async () => {
    const same = request();
    const rejectAll = () => ({ ok: false as const, issues: ["not what was asked"] });
    const rejected = await gateway().complete(same, context(), rejectAll);
    expect(rejected.verdict).toEqual({ ok: false, issues: ["not what was asked"] });
    const again = await gateway().complete(same, context());
    expect(again.cached).toBe(false);
    expect(server.requests).toHaveLength(2);
  });

  it("replays an accepted reply from the cache without a model call, judged again", async () => {
    const same = request();
    const judged: boolean[] = [];
    const accept = (result: ChatResult) => {
      judged.push(result.cached);
      return { ok: true as const, value: result.text.length };
    };
    const first = await gateway().complete(same, context(), accept);
    const second = await gateway().complete(same, context(), accept);
    expect(second).toMatchObject({ text: first.text, cached: true, verdict: { ok: true, value: first.text.length } });
    expect(judged).toEqual([false, true]);
    expect(server.requests).toHaveLength(1);
  });

  it("drops a cached reply that a later accept rejects, and asks the model instead", async () => {
    const same = request();
    await gateway().complete(same, context());
    const rejectCached = (result: ChatResult) =>
      result.cached ? { ok: false as const, issues: ["stale"] } : { ok: true as const, value: result };
    const fresher = await gateway().complete(same, context(), rejectCached);
    expect(fresher).toMatchObject({ cached: false, verdict: { ok: true } });
    expect(server.requests).toHaveLength(2);
    // The fresh, accepted reply took the rejected one's place in the cache.
    expect(await gateway().complete(same, context())).toMatchObject({ text: fresher.text, cached: true });
    expect(server.requests).toHaveLength(2);
  });

  it("keeps at most `concurrency` requests in flight", async () => {
    const slow = await startTestServer({ latencyMs: 200 });
    try {
      const limited = gateway({ concurrency: 2 });
      // Point the same gateway settings at the slow server.
      const model = { ...limited.modelFor("respond"), baseURL: slow.url };
      const slowGateway = new OpenAICompatibleGateway({
        models: { transform: model, instruct: model, refine: model, respond: model, verify: model, judge: model },
        concurrency: 2,
        timeoutMs: 10_000,
        retry: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10, maxRetryAfterMs: 10 },
        cache: store,
        calls: store,
      });
      await Promise.all(Array.from({ length: 6 }, () => slowGateway.complete(request(), context())));
      const arrivals = slow.requests.map((entry) => entry.at).sort((a, b) => a - b);
      expect(arrivals).toHaveLength(6);
      // A third arrival within 150 ms of two others would mean three calls in flight at once.
      for (let index = 2; index < arrivals.length; index += 1) {
        expect((arrivals[index] ?? 0) - (arrivals[index - 2] ?? 0)).toBeGreaterThanOrEqual(150);
      }
    } finally {
      await slow.close();
    }
  });

  it("names each call skill/agent with searchable tags and metadata for tracing", async () => {
    const seen: Array<{ runName?: string; tags?: string[]; metadata?: Record<string, unknown> }> = [];
    class Recorder extends BaseCallbackHandler {
      name = "recorder";
      override handleChatModelStart(
        _llm: unknown,
        _messages: unknown,
        _runId: string,
        _parentRunId?: string,
        _extra?: Record<string, unknown>,
        tags?: string[],
        metadata?: Record<string, unknown>,
        runName?: string,
      ) {
        seen.push({ runName, tags, metadata });
      }
    }
    await gateway().complete(
      request(),
      context({ agent: "transform:debate", flow: "transform", parent: { callbacks: [new Recorder()] } }),
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]?.runName).toBe("reading-comprehension/transform:debate");
    expect(seen[0]?.tags).toEqual(
      expect.arrayContaining(["skill:reading-comprehension", "flow:transform", "agent:transform:debate"]),
    );
    expect(seen[0]?.metadata).toMatchObject({
      run_id: "run-1",
      seed_id: "seed-1",
      thread_id: "reading-comprehension/seed-1",
    });
  });
});

describe("agent calls with output schemas", () => {
  const Output = z.object({
    instructions: z
      .array(z.object({ instruction: z.string().min(1) }))
      .min(1)
      .max(3),
  });
  const call = (prompt: string) => ({
    role: "instruct" as const,
    system: "You write questions.",
    prompt,
    output: Output,
    attempts: 3,
  });

  it("sends the schema as response_format and validates the answer", async () => {
    const result = await callAgent(gateway(), call(fresh("Write questions")), context());
    expect(Output.safeParse(result.value).success).toBe(true);
    expect(server.requests[0]?.body.response_format.type).toBe("json_schema");
    expect(server.requests[0]?.body.response_format.json_schema.schema.properties.instructions.maxItems).toBe(3);
  });

  it("parses JSON wrapped in fences or preceded by prose on the first try", async () => {
    server.enqueueFaults("fenced", "prose");
    await callAgent(gateway(), call(fresh("Fenced")), context());
    await callAgent(gateway(), call(fresh("Prose")), context());
    expect(server.requests.map((entry) => entry.fault)).toEqual(["fenced", "prose"]);
  });

  it("re-asks with the validation errors shown to the model", async () => {
    server.enqueueFaults("invalid");
    const result = await callAgent(gateway(), call(fresh("Invalid once")), context());
    expect(Output.safeParse(result.value).success).toBe(true);
    expect(server.requests).toHaveLength(2);
    const retry = server.requests[1]?.body.messages as Array<{ role: string; content: string }>;
    expect(retry.at(-2)?.role).toBe("assistant");
    expect(retry.at(-1)?.content).toMatch(/could not be used:\n- analysis/);
  });

  it("fails with the last raw output and issues after the last attempt", async () => {
    server.enqueueFaults("malformed", "malformed", "malformed");
    const error = await callAgent(
      gateway(),
      call(fresh("Always malformed")),
      context({ agent: "instruct:inference" }),
    ).catch((caught) => caught);
    expect(error).toBeInstanceOf(OutputInvalidError);
    expect(error.message).toMatch(
      /^instruct:inference: output failed its schema after 3 attempt\(s\): the output was not valid JSON/,
    );
    expect(error.raw.length).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(3);
  });

  it("never replays a rejected answer from the cache: a rerun asks the model again", async () => {
    server.enqueueFaults("invalid", "invalid", "invalid");
    const prompt = fresh("Rejected");
    await expect(callAgent(gateway(), call(prompt), context())).rejects.toBeInstanceOf(OutputInvalidError);
    const result = await callAgent(gateway(), call(prompt), context());
    expect(Output.safeParse(result.value).success).toBe(true);
    expect(server.requests.map((entry) => entry.fault ?? "ok")).toEqual(["invalid", "invalid", "invalid", "ok"]);
  });

  it("works with servers that only honour JSON mode or the prompt", async () => {
    await callAgent(gateway({ structuredOutput: "json_object" }), call(fresh("JSON mode")), context());
    await callAgent(gateway({ structuredOutput: "prompt" }), call(fresh("Prompt only")), context());
    expect(server.requests[0]?.body.response_format).toEqual({ type: "json_object" });
    expect(server.requests[1]?.body.response_format).toBeUndefined();
    expect(server.requests[1]?.body.messages.at(-1).content).toContain("<output_schema>");
  });
});

describe("the gateway base with another adapter", () => {
  /** A provider in a few lines: echoes the last message, fails once with a 503, never touches the network. */
  function echoAdapter() {
    const sent: Array<{ request: WireRequest; runName?: string }> = [];
    let failures = 1;
    const adapter: ModelAdapter = {
      async send(request, call) {
        sent.push({ request, runName: call.trace.runName });
        if (failures-- > 0) throw Object.assign(new Error("overloaded"), { status: 503 });
        return {
          text: `echo: ${request.messages.at(-1)?.content}`,
          toolCalls: [],
          usage: { input_tokens: 3, output_tokens: 2 },
          finishReason: "stop",
        };
      },
      classify: (error) => {
        const status = (error as { status?: number }).status;
        return { retryable: status === 503, status, aborted: false, message: String(error) };
      },
    };
    return { adapter, sent };
  }

  it("gets retries, cache, call log and tracing names from the base", async () => {
    const { adapter, sent } = echoAdapter();
    const cache = new Map<string, string>();
    const calls: CallRecord[] = [];
    const model: ResolvedModel = {
      provider: "openai",
      name: "echo",
      apiKey: "none",
      temperature: 0,
      structuredOutput: "prompt",
    };
    const echo = new Gateway({
      adapter,
      models: { transform: model, instruct: model, refine: model, respond: model, verify: model, judge: model },
      concurrency: 1,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 },
      cache: {
        getCachedResponse: async (key) => cache.get(key),
        putCachedResponse: async (key, _itemId, response) => void cache.set(key, response),
        deleteCachedResponse: async (key) => void cache.delete(key),
      },
      calls: { recordCall: async (call) => void calls.push(call) },
    });
    const ask: ChatRequest = { role: "respond", messages: [{ role: "user", content: "hello" }] };
    const first = await echo.complete(ask, context());
    const second = await echo.complete(ask, context());
    expect(first).toMatchObject({ text: "echo: hello", model: "openai:echo", cached: false, finishReason: "stop" });
    expect(second).toMatchObject({ text: "echo: hello", cached: true });
    // One failed attempt and one answer on the wire; the repeat came from the cache.
    expect(sent).toHaveLength(2);
    expect(sent[0]?.runName).toBe("reading-comprehension/respond");
    expect(calls.map(({ attempts, cached, usage }) => ({ attempts, cached, usage }))).toEqual([
      { attempts: 2, cached: false, usage: { input_tokens: 3, output_tokens: 2 } },
      { attempts: 0, cached: true, usage: { input_tokens: 0, output_tokens: 0 } },
    ]);
    expect(server.requests).toHaveLength(0);
  });
});
