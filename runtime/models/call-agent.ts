// Calling an agent: render its prompt, ask the model, parse and validate the output against the
// agent's zod schema, and on failure ask again with the validation errors shown to the model. After
// the last attempt the item fails with those errors: nothing is silently dropped or coerced.
import { z } from "zod";
import { formatZodIssues, OutputInvalidError } from "../errors.js";
import type { ChatTurn } from "./chat-turn.js";
import type { CallContext, ChatRequest, ModelGateway, Verdict } from "./gateway.js";
import { JsonNotFoundError, parseJsonOutput } from "./json-output.js";
import { addUsage, noUsage, type Usage } from "./usage.js";

export interface AgentCall<Schema extends z.ZodType> {
  role: ChatRequest["role"];
  system: string;
  prompt: string;
  /** The output schema: an object schema for JSON agents, a string schema for free-text agents. */
  output: Schema;
  /** How many times to ask before giving up. */
  attempts: number;
}

export interface AgentResult<T> {
  value: T;
  /** The agent's working notes (never part of a record). */
  analysis: string;
  usage: Usage;
  model: string;
}

const RENDERED = /\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g;

/** Fill {placeholders}; a placeholder without a value is a programming error, never sent to a model. */
export function renderTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(RENDERED, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template placeholder {${name}} has no value`);
    return String(value);
  });
}

function isTextSchema(schema: z.ZodType): boolean {
  return schema instanceof z.ZodString;
}

/**
 * Room to reason: every JSON agent's output starts with an engine-owned `analysis` field, so a model without
 * built-in reasoning can work out what the prompt asks it to check before it commits to the answer fields.
 * It is stripped from the value before anything reaches state or a record.
 */
const Analysis = z
  .string()
  .describe("Your working notes, written first (at most about 150 words); nobody downstream sees them.");

export function withAnalysis(schema: z.ZodType): z.ZodType {
  // A new object: refinements of a top-level output object would be lost, so keep them on nested fields.
  if (schema instanceof z.ZodObject) return z.object({ analysis: Analysis }).extend(schema.shape);
  if (schema instanceof z.ZodUnion) {
    return z.union((schema.options as z.ZodType[]).map(withAnalysis) as [z.ZodType, z.ZodType, ...z.ZodType[]]);
  }
  return schema;
}

function splitAnalysis(value: unknown): { value: unknown; analysis: string } {
  if (typeof value !== "object" || value === null || !("analysis" in value)) return { value, analysis: "" };
  const { analysis, ...rest } = value as { analysis: unknown };
  return { value: rest, analysis: String(analysis ?? "") };
}

export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _draft, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return rest;
}

function outputInstructions(schema: Record<string, unknown>): string {
  return [
    "Output format: reply with a single JSON object that conforms to the JSON Schema below.",
    "Write nothing before or after the JSON: no explanations and no code fences.",
    "<output_schema>",
    JSON.stringify(schema),
    "</output_schema>",
  ].join("\n");
}

/**
 * An agent's output schema as validated (with analysis for JSON agents) and as sent (JSON Schema), made once per
 * schema object: converting to JSON Schema on every call was 2 % of the engine's CPU.
 */
const preparedSchemas = new WeakMap<z.ZodType, { output: z.ZodType; schema?: Record<string, unknown> }>();
function prepared(schema: z.ZodType): { output: z.ZodType; schema?: Record<string, unknown> } {
  let entry = preparedSchemas.get(schema);
  if (!entry) {
    if (isTextSchema(schema)) entry = { output: schema };
    else {
      const output = withAnalysis(schema);
      entry = { output, schema: jsonSchemaOf(output) };
    }
    preparedSchemas.set(schema, entry);
  }
  return entry;
}

export async function callAgent<Schema extends z.ZodType>(
  gateway: ModelGateway,
  call: AgentCall<Schema>,
  context: CallContext,
): Promise<AgentResult<z.infer<Schema>>> {
  const { output, schema } = prepared(call.output);
  const messages: ChatTurn[] = [
    { role: "system", content: call.system },
    { role: "user", content: schema ? `${call.prompt}\n\n${outputInstructions(schema)}` : call.prompt },
  ];
  const usage = noUsage();
  let lastRaw = "";
  let lastIssues: string[] = [];
  for (let attempt = 1; attempt <= call.attempts; attempt += 1) {
    const request: ChatRequest = { role: call.role, messages: [...messages] };
    if (schema) request.json = { name: context.agent.replace(/[^a-zA-Z0-9_-]/g, "_"), schema };
    const result = await gateway.complete(request, context, (reply) =>
      checkOutput(reply.text, output, Boolean(schema)),
    );
    addUsage(usage, result.usage);
    lastRaw = result.text;
    if (result.verdict.ok) {
      const { value, analysis } = splitAnalysis(result.verdict.value);
      return { value: value as z.infer<Schema>, analysis, usage, model: result.model };
    }
    lastIssues = result.verdict.issues;
    messages.push(
      { role: "assistant", content: result.text },
      { role: "user", content: reaskMessage(lastIssues, Boolean(schema)) },
    );
  }
  throw new OutputInvalidError(context.agent, lastRaw, lastIssues, call.attempts);
}

/** The agent's output as its schema reads it (JSON agents: the JSON value found in the text), or what is wrong. */
function checkOutput(text: string, output: z.ZodType, json: boolean): Verdict<unknown> {
  let candidate: unknown = text.trim();
  if (json) {
    try {
      candidate = parseJsonOutput(text);
    } catch (error) {
      if (!(error instanceof JsonNotFoundError)) throw error;
      return { ok: false, issues: [error.message] };
    }
  }
  const parsed = output.safeParse(candidate);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, issues: formatZodIssues(parsed.error.issues) };
}

function reaskMessage(issues: string[], json: boolean): string {
  const list = issues.map((issue) => `- ${issue}`).join("\n");
  return json
    ? `Your previous reply could not be used:\n${list}\nReply again with only the corrected JSON object, conforming to the schema.`
    : `Your previous reply could not be used:\n${list}\nReply again, following the instructions.`;
}
