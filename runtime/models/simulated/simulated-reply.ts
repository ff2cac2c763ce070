// The simulated model's replies to an OpenAI Chat Completions request body: schema-valid JSON for structured
// requests, tool calls on a seeded coin when tools are offered, a paragraph otherwise. The test server answers
// with these, and `agentinstruct estimate` runs its flows against them, so both make the same kinds of calls.
import { createHash } from "node:crypto";
import { instanceOf, type JsonSchema, paragraph } from "./schema-instance.js";

/** Wire JSON: untyped by nature, read defensively with optional chaining. */
// biome-ignore lint/suspicious/noExplicitAny: request bodies are arbitrary JSON.
export type WireJson = any;

/** Distinct words from the request mixed into a reply, so replies echo the input's topic. */
const HINT_WORD_COUNT = 30;

export interface SimulatedToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

/** The schema and value a structured reply was generated from (the test server's "invalid" fault breaks it). */
export interface Structured {
  schema: JsonSchema;
  value: unknown;
}

export interface SimulatedReply {
  content: string | null;
  toolCalls: SimulatedToolCall[];
  structured?: Structured;
}

interface FunctionTool {
  name: string;
  parameters: JsonSchema;
}

/** Same request (messages + model) → same reply; the response format decides the kind of reply. */
export function simulatedReply(body: WireJson): SimulatedReply {
  const random = seededRandom(JSON.stringify(body.messages) + body.model);
  const hints = { words: hintWords(body.messages) };
  const format = body.response_format?.type;

  if (format === "json_schema") {
    const schema = body.response_format.json_schema?.schema;
    return structuredReply(isSchema(schema) ? schema : { type: "object" }, random, hints);
  }
  const promptSchema = outputSchemaFromMessages(body.messages);
  if (format === "json_object") return structuredReply(promptSchema ?? { type: "object" }, random, hints);

  const toolCalls = chooseToolCalls(body, random, hints);
  if (toolCalls !== undefined) return toolCalls;
  if (promptSchema !== undefined) return structuredReply(promptSchema, random, hints);
  return { content: paragraph(random, hints, 2 + Math.floor(random() * 4)), toolCalls: [] };
}

function structuredReply(schema: JsonSchema, random: () => number, hints: { words: string[] }): SimulatedReply {
  const value = instanceOf(schema, random, hints);
  return { content: JSON.stringify(value), toolCalls: [], structured: { schema, value } };
}

/** Tool calls when forced, or on a seeded coin under "auto"; never right after a tool result. */
function chooseToolCalls(body: WireJson, random: () => number, hints: { words: string[] }): SimulatedReply | undefined {
  const tools = functionTools(body.tools);
  const lastMessage = body.messages[body.messages.length - 1];
  if (tools.length === 0 || lastMessage?.role === "tool") return undefined;

  const choice = body.tool_choice;
  const namedTool = tools.find((tool) => tool.name === choice?.function?.name);
  const forced = choice === "required" || namedTool !== undefined;
  const auto = choice === undefined || choice === null || choice === "auto";
  if (!forced && !(auto && random() < 0.5)) return undefined;

  const callCount = body.parallel_tool_calls !== false && random() < 0.3 ? 2 : 1;
  const toolCalls = Array.from({ length: callCount }, () => {
    const tool = namedTool ?? pickTool(tools, random);
    const value = instanceOf(tool.parameters, random, hints);
    return {
      call: toolCall(tool.name, JSON.stringify(value), random),
      structured: { schema: tool.parameters, value },
    };
  });
  return {
    content: null,
    toolCalls: toolCalls.map((entry) => entry.call),
    structured: toolCalls[0]?.structured,
  };
}

function functionTools(tools: unknown): FunctionTool[] {
  if (!Array.isArray(tools)) return [];
  return tools
    .filter((tool) => tool?.type === "function" && typeof tool.function?.name === "string")
    .map((tool) => ({
      name: tool.function.name as string,
      parameters: isSchema(tool.function.parameters) ? tool.function.parameters : { type: "object" },
    }));
}

function pickTool(tools: FunctionTool[], random: () => number): FunctionTool {
  return tools[Math.floor(random() * tools.length)] as FunctionTool;
}

function toolCall(name: string, argumentsText: string, random: () => number): SimulatedToolCall {
  const id = `call_${randomHex(random, 24)}`;
  return { id, type: "function", function: { name, arguments: argumentsText } };
}

/** The engine's prompt-only structured mode embeds the schema between <output_schema> tags. */
function outputSchemaFromMessages(messages: WireJson[]): JsonSchema | undefined {
  let found: JsonSchema | undefined;
  for (const message of messages) {
    const text = contentText(message?.content);
    for (const match of text.matchAll(/<output_schema>([\s\S]*?)<\/output_schema>/g)) {
      const parsed = parseJson((match[1] ?? "").trim());
      if (isSchema(parsed)) found = parsed; // The last block wins: later instructions override.
    }
  }
  return found;
}

/** Distinct longer words from the last user message, so replies echo the input's topic. */
function hintWords(messages: WireJson[]): string[] {
  const lastUser = [...messages].reverse().find((message) => message?.role === "user");
  const words = new Set<string>();
  for (const match of contentText(lastUser?.content).matchAll(/\p{L}+/gu)) {
    const word = match[0].toLowerCase();
    // Astral letters would make JS string length disagree with JSON Schema's code-point length.
    if (word.length >= 5 && [...word].length === word.length) words.add(word);
    if (words.size >= HINT_WORD_COUNT) break;
  }
  return [...words];
}

/** Message content is a string or an array of parts; only text parts count. */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((part) => (typeof part?.text === "string" ? part.text : "")).join("\n");
}

/** sfc32 seeded from sha256(seed): fast, reproducible and good enough for made-up data. */
export function seededRandom(seed: string): () => number {
  const digest = createHash("sha256").update(seed).digest();
  let a = digest.readUInt32LE(0);
  let b = digest.readUInt32LE(4);
  let c = digest.readUInt32LE(8);
  let d = digest.readUInt32LE(12);
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

function randomHex(random: () => number, length: number): string {
  return Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join("");
}

export function parseJson(text: string): WireJson {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === "boolean" || isPlainObject(value);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
