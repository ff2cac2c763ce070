/**
 * A local OpenAI-compatible server for tests and demos. It speaks enough of the Chat
 * Completions API (shapes, headers, error bodies) that the real openai SDK and
 * @langchain/openai code paths run unmodified, and it can inject the failures real
 * providers produce: rate limits, outages, hangs, resets and badly formatted JSON.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { pathToFileURL } from "node:url";
import { resolveSchema } from "../../runtime/models/simulated/schema-instance.js";
import {
  contentText,
  isPlainObject,
  parseJson,
  type SimulatedReply,
  type Structured,
  seededRandom,
  simulatedReply,
  type WireJson,
} from "../../runtime/models/simulated/simulated-reply.js";

export { seededRandom };

export type Fault =
  | "429"
  | "500"
  | "503"
  | "400"
  | "401"
  | "hang"
  | "malformed"
  | "fenced"
  | "prose"
  | "invalid"
  | "empty"
  | "reset";

export interface TestServerOptions {
  port?: number;
  latencyMs?: number;
  jitterMs?: number;
  /** When set, requests without "Authorization: Bearer <apiKey>" get 401. */
  apiKey?: string;
  /** Retry-After on 429/503, default 1. */
  retryAfterSeconds?: number;
  /** Probability per request, decided by a seeded PRNG so runs are reproducible. */
  faultRates?: Partial<Record<Fault, number>>;
  seed?: number;
  /** Every response reuses one id, like some servers. */
  repeatCompletionIds?: boolean;
  /**
   * A provider's per-minute limits, enforced the way OpenAI and Anthropic describe theirs: a bucket per limit
   * that holds a minute's allowance and refills continuously, so `reset` is the time until it is full again.
   * A request is admitted when 1 request and its tokens (the prompt's estimate plus max_tokens, or the reply's
   * actual output once written) fit; otherwise 429 with OpenAI's body, retry-after and retry-after-ms. With
   * `headers`, every response carries OpenAI's x-ratelimit-* headers; without it, none (a gateway that hides them).
   */
  rateLimits?: { rpm?: number; tpm?: number; headers?: boolean };
  /**
   * The length of the limits' "minute", in milliseconds (default 60000), so tests run in seconds. The limit
   * headers still say per-minute numbers; their reset durations are real time on the scaled clock, which is
   * what a client that paces from headers must go by.
   */
  rateWindowMs?: number;
  /** More than this many requests in flight: 429 "overloaded" with no rate headers (vLLM/TGI behind a gateway). */
  overloadAbove?: number;
  /**
   * No x-ratelimit-* headers on any response, as vLLM, TGI and Ollama answer. Without limits and without this,
   * responses carry fixed generous numbers, as a hosted provider would.
   */
  noRateHeaders?: boolean;
}

export interface RecordedRequest {
  index: number;
  /** Parsed JSON body, or the raw text when it was not valid JSON. */
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are arbitrary JSON; tests index into them freely.
  body: any;
  at: number;
  fault?: Fault;
  /** HTTP status sent; 0 when no response was sent ("hang", "reset"). */
  status: number;
  agent?: string;
  /** Rejected by the server's limits rather than an injected fault: over a rate limit, or overloaded. */
  limited?: "rate" | "overload";
}

export type ScriptedReply = string | { toolCalls: Array<{ name: string; arguments: Record<string, unknown> }> };

export interface TestServer {
  /** Base URL including /v1, e.g. http://127.0.0.1:PORT/v1 */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Requests answered 200. */
  readonly completions: number;
  /** Requests answered 429 by `rateLimits`. */
  readonly rateLimited: number;
  /** Requests answered 429 "overloaded" by `overloadAbove`. */
  readonly overloaded: number;
  /** The most chat requests in flight at once (admitted ones, not those rejected as overloaded). */
  readonly peakInFlight: number;
  /** Next requests get these, in order. */
  enqueueFaults(...faults: Fault[]): void;
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are arbitrary JSON; rules index into them freely.
  faultWhen(rule: (body: any, index: number) => Fault | undefined): void;
  /**
   * Script the model (a scripted model behind the real wire format): when the rule returns text, that is the
   * reply's content; when it returns tool calls, the reply calls those tools.
   */
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are arbitrary JSON; tests index into them freely.
  replyWhen(rule: (body: any) => ScriptedReply | undefined): void;
  reset(): void;
  close(): Promise<void>;
}

export const FAULTS: readonly Fault[] = [
  "429",
  "500",
  "503",
  "400",
  "401",
  "hang",
  "malformed",
  "fenced",
  "prose",
  "invalid",
  "empty",
  "reset",
];

const DEFAULT_MODEL = "test-model";
const SYSTEM_FINGERPRINT = "fp_testserver";
const REQUEST_LIMIT = 10_000;
const TOKEN_LIMIT = 2_000_000;
const PROSE_PREFIX = "Sure, here is the requested output in JSON format.";

/** Fault-free request handling state shared by the handlers. */
interface ServerState {
  options: TestServerOptions;
  requests: RecordedRequest[];
  completions: number;
  requestCount: number;
  tokensUsed: number;
  queuedFaults: Fault[];
  faultRule?: (body: WireJson, index: number) => Fault | undefined;
  replyRule?: (body: WireJson) => ScriptedReply | undefined;
  faultRandom: () => number;
  jitterRandom: () => number;
  hangingSockets: Set<Socket>;
  models: Set<string>;
  repeatedId: string;
  inFlight: number;
  peakInFlight: number;
  rateLimited: number;
  overloaded: number;
  buckets?: { requests?: Bucket; tokens?: Bucket };
}

/** A per-minute limit: holds `limit`, refills at limit per window, continuously. */
interface Bucket {
  limit: number;
  level: number;
  at: number;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const state = createState(options);
  const server = createServer((request, response) => {
    handleRequest(state, request, response).catch((error: unknown) => {
      // A bug in the test server should show up as a 500, not as a hung test.
      sendError(state, response, 500, String(error), "server_error", null);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests: state.requests,
    get completions() {
      return state.completions;
    },
    get rateLimited() {
      return state.rateLimited;
    },
    get overloaded() {
      return state.overloaded;
    },
    get peakInFlight() {
      return state.peakInFlight;
    },
    enqueueFaults(...faults) {
      state.queuedFaults.push(...faults);
    },
    faultWhen(rule) {
      state.faultRule = rule;
    },
    replyWhen(rule) {
      state.replyRule = rule;
    },
    reset() {
      resetState(state);
    },
    async close() {
      for (const socket of state.hangingSockets) socket.destroy();
      state.hangingSockets.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function createState(options: TestServerOptions): ServerState {
  const seed = options.seed ?? 1;
  return {
    options,
    requests: [],
    completions: 0,
    requestCount: 0,
    tokensUsed: 0,
    queuedFaults: [],
    faultRandom: seededRandom(`faults:${seed}`),
    jitterRandom: seededRandom(`jitter:${seed}`),
    hangingSockets: new Set(),
    models: new Set([DEFAULT_MODEL]),
    repeatedId: completionId(),
    inFlight: 0,
    peakInFlight: 0,
    rateLimited: 0,
    overloaded: 0,
    buckets: createBuckets(options),
  };
}

function createBuckets(options: TestServerOptions): ServerState["buckets"] {
  const { rpm, tpm } = options.rateLimits ?? {};
  const full = (limit: number | undefined): Bucket | undefined =>
    limit === undefined ? undefined : { limit, level: limit, at: performance.now() };
  return options.rateLimits ? { requests: full(rpm), tokens: full(tpm) } : undefined;
}

/** Clears recordings and pending faults; the seeded fault sequence starts over. */
function resetState(state: ServerState): void {
  const seed = state.options.seed ?? 1;
  state.requests.length = 0; // In place: callers may hold the array.
  state.completions = 0;
  state.requestCount = 0;
  state.tokensUsed = 0;
  state.queuedFaults.length = 0;
  state.faultRule = undefined;
  state.replyRule = undefined;
  state.faultRandom = seededRandom(`faults:${seed}`);
  state.jitterRandom = seededRandom(`jitter:${seed}`);
  state.peakInFlight = 0;
  state.rateLimited = 0;
  state.overloaded = 0;
  state.buckets = createBuckets(state.options);
}

// ---------------------------------------------------------------------------
// Routing

async function handleRequest(state: ServerState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname.replace(/\/+$/, "");
  const route = `${request.method} ${path}`;

  if (route === "POST /v1/chat/completions") return handleChatCompletion(state, request, response);

  await waitLatency(state);
  if (!isAuthorized(state, request)) return sendAuthError(state, request, response);
  if (route === "GET /v1/models") return sendJson(state, response, 200, modelList(state));
  sendError(state, response, 404, `Invalid URL (${request.method} ${path})`, "invalid_request_error", null);
}

function modelList(state: ServerState): unknown {
  const created = Math.floor(Date.now() / 1000);
  const data = [...state.models].map((id) => ({
    id,
    object: "model",
    created,
    owned_by: "test-server",
  }));
  return { object: "list", data };
}

async function handleChatCompletion(
  state: ServerState,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const at = Date.now();
  const rawBody = await readBody(request);
  const index = state.requestCount++;
  const record = (status: number, body: WireJson, fault?: Fault) => {
    state.requests.push({ index, body, at, status, fault, agent: agentOf(body) });
  };

  if (!isAuthorized(state, request)) {
    record(401, parseJson(rawBody) ?? rawBody);
    await waitLatency(state);
    return sendAuthError(state, request, response);
  }

  const body = parseJson(rawBody);
  const problem = validateBody(body);
  if (problem !== undefined) {
    record(400, body ?? rawBody);
    await waitLatency(state);
    return sendError(state, response, 400, problem.message, "invalid_request_error", problem.param);
  }

  state.models.add(body.model);
  const overloadAbove = state.options.overloadAbove;
  if (overloadAbove !== undefined && state.inFlight >= overloadAbove) {
    state.overloaded++;
    state.requests.push({ index, body, at, status: 429, agent: agentOf(body), limited: "overload" });
    sendJson(
      state,
      response,
      429,
      { error: { message: "overloaded", type: "overloaded_error", param: null, code: null } },
      {},
      false,
    );
    return;
  }
  const promptTokens = estimateTokens(messagesText(body.messages));
  const maxTokens =
    typeof body.max_tokens === "number"
      ? body.max_tokens
      : typeof body.max_completion_tokens === "number"
        ? body.max_completion_tokens
        : undefined;
  const refusal = admit(state, promptTokens + (maxTokens ?? 0));
  if (refusal) {
    state.rateLimited++;
    state.requests.push({ index, body, at, status: 429, agent: agentOf(body), limited: "rate" });
    const retryAfterMs = Math.ceil(refusal.waitMs);
    sendError(state, response, 429, refusal.message, refusal.type, null, "rate_limit_exceeded", {
      "retry-after": String(Math.ceil(retryAfterMs / 1000)),
      "retry-after-ms": String(retryAfterMs),
    });
    return;
  }
  state.inFlight++;
  state.peakInFlight = Math.max(state.peakInFlight, state.inFlight);
  response.once("close", () => {
    state.inFlight--;
  });
  // Decided on arrival so queued faults follow request order, not completion order.
  const fault = chooseFault(state, body, index);
  if (fault === "hang") return hang(state, request, () => record(0, body, fault));
  if (fault === "reset") {
    record(0, body, fault);
    await waitLatency(state);
    request.socket.destroy();
    return;
  }

  const errorStatus = fault === undefined ? undefined : ERROR_FAULT_STATUS[fault];
  record(errorStatus ?? 200, body, fault);
  await waitLatency(state);
  if (fault !== undefined && errorStatus !== undefined) return sendFaultError(state, request, response, fault);

  state.completions++;
  const completion = buildCompletion(state, body, fault);
  // Output counts once written (OpenAI counts max_tokens up front when the request sets it).
  if (maxTokens === undefined && state.buckets?.tokens) {
    const tokens = state.buckets.tokens;
    refill(state, tokens);
    tokens.level -= completion.usage.completion_tokens;
  }
  sendJson(state, response, 200, completion);
}

// ---------------------------------------------------------------------------
// Provider-like limits

function refill(state: ServerState, bucket: Bucket): void {
  const now = performance.now();
  const window = state.options.rateWindowMs ?? 60_000;
  bucket.level = Math.min(bucket.limit, bucket.level + ((now - bucket.at) * bucket.limit) / window);
  bucket.at = now;
}

/** Takes 1 request and `tokens` from the buckets, or says which limit is in the way and for how long. */
function admit(state: ServerState, tokens: number): { message: string; type: string; waitMs: number } | undefined {
  const buckets = state.buckets;
  if (!buckets) return undefined;
  const window = state.options.rateWindowMs ?? 60_000;
  const checks = [
    { bucket: buckets.requests, need: 1, name: "requests", unit: "RPM" },
    { bucket: buckets.tokens, need: tokens, name: "tokens", unit: "TPM" },
  ];
  for (const { bucket, need, name, unit } of checks) {
    if (!bucket) continue;
    refill(state, bucket);
    if (bucket.level >= Math.min(need, bucket.limit)) continue;
    const waitMs = ((Math.min(need, bucket.limit) - bucket.level) * window) / bucket.limit;
    const used = Math.max(0, Math.ceil(bucket.limit - bucket.level));
    return {
      type: name,
      waitMs,
      message: `Rate limit reached for ${DEFAULT_MODEL} in organization org-test on ${name} per min (${unit}): Limit ${bucket.limit}, Used ${used}, Requested ${need}. Please try again in ${formatResetDuration(waitMs)}.`,
    };
  }
  if (buckets.requests) buckets.requests.level -= 1;
  if (buckets.tokens) buckets.tokens.level -= tokens;
  return undefined;
}

/** OpenAI's duration format for x-ratelimit-reset-*: "20ms", "1.5s", "6m0s". */
export function formatResetDuration(ms: number): string {
  if (ms < 1000) return `${Math.ceil(ms)}ms`;
  const seconds = Math.ceil(ms) / 1000;
  if (seconds < 60) return `${Number(seconds.toFixed(3))}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${Number((seconds - minutes * 60).toFixed(3))}s`;
}

type ValidatedBody = { model: string; messages: WireJson[]; [key: string]: WireJson };

function validateBody(body: WireJson): { message: string; param: string | null } | undefined {
  if (body === undefined || typeof body !== "object" || body === null || Array.isArray(body)) {
    return { message: "We could not parse the JSON body of your request.", param: null };
  }
  if (typeof body.model !== "string" || body.model === "") {
    return { message: "you must provide a model parameter", param: "model" };
  }
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return { message: "Missing required parameter: 'messages'.", param: "messages" };
  }
  if (body.stream === true) return { message: "streaming is not supported by the test server", param: "stream" };
  return undefined;
}

/** Accepts the request and never answers; close() (or the client giving up) ends the socket. */
function hang(state: ServerState, request: IncomingMessage, record: () => void): void {
  record();
  const socket = request.socket;
  state.hangingSockets.add(socket);
  socket.once("close", () => state.hangingSockets.delete(socket));
}

// ---------------------------------------------------------------------------
// Faults

const ERROR_FAULT_STATUS: Partial<Record<Fault, number>> = {
  "429": 429,
  "500": 500,
  "503": 503,
  "400": 400,
  "401": 401,
};

/** Queued faults first, then the rule, then the seeded rates. */
function chooseFault(state: ServerState, body: WireJson, index: number): Fault | undefined {
  // Always draw, so the rate-based sequence does not shift when queued faults are used.
  const draw = state.faultRandom();
  const queued = state.queuedFaults.shift();
  if (queued !== undefined) return queued;
  const ruled = state.faultRule?.(body, index);
  if (ruled !== undefined) return ruled;
  return faultFromRates(state.options.faultRates, draw);
}

function faultFromRates(rates: Partial<Record<Fault, number>> | undefined, draw: number): Fault | undefined {
  if (rates === undefined) return undefined;
  let cumulative = 0;
  for (const fault of FAULTS) {
    cumulative += rates[fault] ?? 0;
    if (draw < cumulative) return fault;
  }
  return undefined;
}

function sendFaultError(state: ServerState, request: IncomingMessage, response: ServerResponse, fault: Fault): void {
  const retryAfter = state.options.retryAfterSeconds ?? 1;
  const retryHeaders = {
    "retry-after": String(retryAfter),
    "retry-after-ms": String(retryAfter * 1000),
  };
  if (fault === "429") {
    const message = `Rate limit reached for ${DEFAULT_MODEL} in organization org-test on requests per min (RPM): Limit ${REQUEST_LIMIT}, Used ${REQUEST_LIMIT}, Requested 1. Please try again in ${retryAfter}s.`;
    const headers = { ...retryHeaders, "x-ratelimit-remaining-requests": "0" };
    sendError(state, response, 429, message, "requests", null, "rate_limit_exceeded", headers);
  } else if (fault === "500") {
    const message = "The server had an error while processing your request. Sorry about that!";
    sendError(state, response, 500, message, "server_error", null);
  } else if (fault === "503") {
    const message = "The engine is currently overloaded, please try again later.";
    sendError(state, response, 503, message, "server_error", null, null, retryHeaders);
  } else if (fault === "400") {
    const message = "Invalid request: rejected by an injected test fault.";
    sendError(state, response, 400, message, "invalid_request_error", null);
  } else sendAuthError(state, request, response, true);
}

/** Content faults rewrite the reply text (or the first tool call's arguments) after it is generated. */
function applyContentFault(reply: SimulatedReply, fault: Fault): void {
  if (fault === "empty") {
    reply.content = "";
    reply.toolCalls = [];
    return;
  }
  const firstCall = reply.toolCalls[0];
  const original = firstCall ? firstCall.function.arguments : (reply.content ?? "");
  const rewritten = rewritePayload(original, fault, reply.structured);
  if (firstCall) firstCall.function.arguments = rewritten;
  else reply.content = rewritten;
}

function rewritePayload(text: string, fault: Fault, structured: Structured | undefined): string {
  switch (fault) {
    case "malformed":
      return truncateJson(text);
    case "fenced":
      return `\`\`\`json\n${text}\n\`\`\``;
    case "prose":
      return `${PROSE_PREFIX}\n\n${text}`;
    case "invalid":
      // Without a schema there is nothing to violate; a bare number is the closest "wrong shape".
      return structured ? JSON.stringify(violateSchema(structured)) : "42";
    default:
      return text;
  }
}

/** Cuts JSON in the middle; if the cut still parses (tiny scalars), leaves an object unterminated. */
function truncateJson(text: string): string {
  const cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  return parseJson(cut) === undefined ? cut : `{"value": ${cut}`;
}

/** The generated value made invalid: first required property removed, else a wrong type. */
function violateSchema({ schema, value }: Structured): unknown {
  const resolved = resolveSchema(schema, schema);
  if (!isPlainObject(value)) return wrongType(value);
  const copy: Record<string, unknown> = { ...value };
  const required = typeof resolved === "object" && Array.isArray(resolved.required) ? resolved.required : [];
  const firstRequired = required.find((name): name is string => typeof name === "string" && name in copy);
  if (firstRequired !== undefined) {
    delete copy[firstRequired];
    return copy;
  }
  const firstKey = Object.keys(copy)[0];
  if (firstKey === undefined) return wrongType(value);
  copy[firstKey] = wrongType(copy[firstKey]);
  return copy;
}

function wrongType(value: unknown): unknown {
  if (typeof value === "string" || value === null) return 12345;
  if (typeof value === "number" || typeof value === "boolean") return "not the expected type";
  return Array.isArray(value) ? { unexpected: true } : ["unexpected"];
}

// ---------------------------------------------------------------------------
// Reply generation

function buildCompletion(
  state: ServerState,
  body: ValidatedBody,
  fault: Fault | undefined,
): Record<string, unknown> & { usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number } } {
  const scripted = state.replyRule?.(body);
  const reply: SimulatedReply = scripted === undefined ? simulatedReply(body) : scriptedReply(scripted);
  if (fault !== undefined) applyContentFault(reply, fault);

  const hasToolCalls = reply.toolCalls.length > 0;
  const outputText = hasToolCalls ? reply.toolCalls.map((call) => call.function.arguments).join("") : reply.content;
  const promptTokens = estimateTokens(messagesText(body.messages));
  const completionTokens = estimateTokens(outputText ?? "");
  state.tokensUsed += promptTokens + completionTokens;

  const message: Record<string, unknown> = {
    role: "assistant",
    content: reply.content,
    refusal: null,
  };
  if (hasToolCalls) message.tool_calls = reply.toolCalls;
  return {
    id: state.options.repeatCompletionIds ? state.repeatedId : completionId(),
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices: [{ index: 0, message, logprobs: null, finish_reason: hasToolCalls ? "tool_calls" : "stop" }],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  };
}

function scriptedReply(scripted: ScriptedReply): SimulatedReply {
  if (typeof scripted === "string") return { content: scripted, toolCalls: [] };
  return {
    content: null,
    toolCalls: scripted.toolCalls.map((call, index) => ({
      id: `call_scripted_${index}_${randomBytes(4).toString("hex")}`,
      type: "function" as const,
      function: { name: call.name, arguments: JSON.stringify(call.arguments) },
    })),
  };
}

/** `agent: <name>` on a line of the first system message, or body.metadata.agent. */
function agentOf(body: WireJson): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  if (typeof body.metadata?.agent === "string") return body.metadata.agent;
  const messages: WireJson[] = Array.isArray(body.messages) ? body.messages : [];
  const system = messages.find((message) => message?.role === "system" || message?.role === "developer");
  const match = /^\s*agent:\s*(\S.*?)\s*$/im.exec(contentText(system?.content));
  return match?.[1];
}

function messagesText(messages: WireJson[]): string {
  return messages
    .map((message) => {
      const calls = Array.isArray(message?.tool_calls) ? message.tool_calls : [];
      const callText = calls.map((call: WireJson) => String(call?.function?.arguments ?? "")).join("");
      return contentText(message?.content) + callText;
    })
    .join("\n");
}

/** Roughly four characters per token, like OpenAI's rule of thumb. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

// ---------------------------------------------------------------------------
// HTTP helpers

function isAuthorized(state: ServerState, request: IncomingMessage): boolean {
  const expected = state.options.apiKey;
  return expected === undefined || request.headers.authorization === `Bearer ${expected}`;
}

/** OpenAI's 401 bodies: a missing key and a wrong key read differently. */
function sendAuthError(state: ServerState, request: IncomingMessage, response: ServerResponse, injected = false): void {
  const header = request.headers.authorization;
  if (!injected && header === undefined) {
    const message =
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
    sendError(state, response, 401, message, "invalid_request_error", null);
    return;
  }
  const key = header?.replace(/^Bearer\s+/i, "") ?? "";
  const masked = key.length > 8 ? `${key.slice(0, 3)}***${key.slice(-4)}` : "***";
  const message = `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`;
  sendError(state, response, 401, message, "invalid_request_error", null, "invalid_api_key");
}

function sendError(
  state: ServerState,
  response: ServerResponse,
  status: number,
  message: string,
  type: string,
  param: string | null,
  code: string | null = null,
  headers: Record<string, string> = {},
): void {
  sendJson(state, response, status, { error: { message, type, param, code } }, headers);
}

function sendJson(
  state: ServerState,
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  withRateHeaders = true,
): void {
  // The client may have given up during the latency wait.
  if (response.headersSent || response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
    "x-request-id": `req_${randomBytes(16).toString("hex")}`,
    "openai-version": "2020-10-01",
    "openai-processing-ms": String(state.options.latencyMs ?? 0),
    ...(withRateHeaders ? rateLimitHeaders(state) : {}),
    ...headers,
  });
  response.end(text);
}

function rateLimitHeaders(state: ServerState): Record<string, string> {
  if (state.options.noRateHeaders) return {};
  if (state.buckets) return state.options.rateLimits?.headers ? bucketHeaders(state) : {};
  // Without configured limits: fixed, generous numbers, so clients that read them never slow down.
  return {
    "x-ratelimit-limit-requests": String(REQUEST_LIMIT),
    "x-ratelimit-remaining-requests": String(Math.max(0, REQUEST_LIMIT - (state.requestCount % REQUEST_LIMIT))),
    "x-ratelimit-reset-requests": "6ms",
    "x-ratelimit-limit-tokens": String(TOKEN_LIMIT),
    "x-ratelimit-remaining-tokens": String(Math.max(0, TOKEN_LIMIT - (state.tokensUsed % TOKEN_LIMIT))),
    "x-ratelimit-reset-tokens": "0s",
  };
}

/** The configured limits' current state, as OpenAI reports it on every response. */
function bucketHeaders(state: ServerState): Record<string, string> {
  const window = state.options.rateWindowMs ?? 60_000;
  const headers: Record<string, string> = {};
  for (const [name, bucket] of Object.entries(state.buckets ?? {})) {
    if (!bucket) continue;
    refill(state, bucket);
    headers[`x-ratelimit-limit-${name}`] = String(bucket.limit);
    headers[`x-ratelimit-remaining-${name}`] = String(Math.max(0, Math.floor(bucket.level)));
    headers[`x-ratelimit-reset-${name}`] = formatResetDuration(((bucket.limit - bucket.level) * window) / bucket.limit);
  }
  return headers;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function waitLatency(state: ServerState): Promise<void> {
  const latency = state.options.latencyMs ?? 0;
  const jitter = state.options.jitterMs ?? 0;
  const total = latency + (jitter > 0 ? state.jitterRandom() * jitter : 0);
  if (total > 0) await new Promise((resolve) => setTimeout(resolve, total));
}

// ---------------------------------------------------------------------------
// Small utilities

function completionId(): string {
  return `chatcmpl-${randomBytes(15).toString("hex")}`;
}

// ---------------------------------------------------------------------------
// Standalone mode: `node dist/test/support/openai-test-server.js --port 8089 --fault-rate 429=0.05`
// Limits: `--rpm 500 --tpm 200000 [--rate-headers] [--rate-window MS]`, `--overload-above 8`, `--no-rate-headers`.

function parseCommandLine(argv: string[]): TestServerOptions {
  const options: TestServerOptions = { port: 8089 };
  for (let position = 0; position < argv.length; position++) {
    const flag = argv[position];
    const value = argv[position + 1];
    const number = () => {
      const parsed = Number(value);
      if (value === undefined || !Number.isFinite(parsed)) throw new Error(`${flag} needs a number`);
      position++;
      return parsed;
    };
    if (flag === "--port") options.port = number();
    else if (flag === "--latency") options.latencyMs = number();
    else if (flag === "--jitter") options.jitterMs = number();
    else if (flag === "--seed") options.seed = number();
    else if (flag === "--retry-after") options.retryAfterSeconds = number();
    else if (flag === "--rpm") options.rateLimits = { ...options.rateLimits, rpm: number() };
    else if (flag === "--tpm") options.rateLimits = { ...options.rateLimits, tpm: number() };
    else if (flag === "--rate-headers") options.rateLimits = { ...options.rateLimits, headers: true };
    else if (flag === "--rate-window") options.rateWindowMs = number();
    else if (flag === "--overload-above") options.overloadAbove = number();
    else if (flag === "--no-rate-headers") options.noRateHeaders = true;
    else if (flag === "--api-key" && value !== undefined) {
      options.apiKey = value;
      position++;
    } else if (flag === "--fault-rate" && value !== undefined) {
      options.faultRates = parseFaultRates(value);
      position++;
    } else throw new Error(`unknown or incomplete argument: ${flag}`);
  }
  return options;
}

/** "429=0.05,500=0.02" → { "429": 0.05, "500": 0.02 } */
function parseFaultRates(text: string): Partial<Record<Fault, number>> {
  const rates: Partial<Record<Fault, number>> = {};
  for (const entry of text.split(",").filter(Boolean)) {
    const [name, rate] = entry.split("=");
    const fault = FAULTS.find((candidate) => candidate === name?.trim());
    const probability = Number(rate);
    if (fault === undefined || !Number.isFinite(probability)) throw new Error(`bad fault rate: ${entry}`);
    rates[fault] = probability;
  }
  return rates;
}

async function runStandalone(): Promise<void> {
  const server = await startTestServer(parseCommandLine(process.argv.slice(2)));
  console.log(`test server listening on ${server.url}`);
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

const entryScript = process.argv[1];
if (entryScript !== undefined && import.meta.url === pathToFileURL(entryScript).href) {
  runStandalone().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
