// The row shapes trainers load, each from one stored record: OpenAI chat fine-tuning `messages`, ShareGPT
// `conversations` (LLaMA-Factory, Axolotl), and Alpaca's single instruction and answer. A record a format cannot hold
// without changing it (a multi-turn conversation in Alpaca) is left out with a reason, never flattened.
import type { ChatTurn, ToolCall } from "../models/chat-turn.js";
import type { DatasetRecord } from "../store/run-store.js";

/** The formats `export --format` writes as JSONL; the last three are the conversation formats `--hf` takes. */
export const EXPORT_FORMATS = ["orca", "native", "messages", "sharegpt", "alpaca"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const HF_FORMATS = ["messages", "sharegpt", "alpaca"] as const satisfies readonly ExportFormat[];
export type HfFormat = (typeof HF_FORMATS)[number];

/** A row of one of the conversation formats, or why the record has none. */
export type Converted = { row: Record<string, unknown> } | { leftOut: LeftOut };

export interface LeftOut {
  /** A short code (the report's `reason`). */
  reason: keyof typeof LEFT_OUT_WHY;
  detail: string;
}

/** Why a format has no row for a record, as the export's output says it. */
export const LEFT_OUT_WHY = {
  multi_turn: "alpaca holds one instruction and one answer per row: multi-turn records are left out, not flattened",
  text_with_tool_calls:
    "sharegpt's tool turns (function_call, observation) have no place for text an assistant wrote beside its calls",
} as const;

/** The one reason each format leaves records out for. */
export const LEFT_OUT_REASON = { alpaca: "multi_turn", sharegpt: "text_with_tool_calls" } as const satisfies Partial<
  Record<ExportFormat, LeftOut["reason"]>
>;

/** What the export's output says about the records `format` left out. */
export const leftOutWhy = (format: ExportFormat): string =>
  format === "alpaca" || format === "sharegpt" ? LEFT_OUT_WHY[LEFT_OUT_REASON[format]] : "";

/** The tool definitions of a tool-calling record, in OpenAI's form (metadata.tools), when it has them. */
export function recordTools(record: DatasetRecord): unknown[] | undefined {
  const tools = record.metadata.tools;
  return Array.isArray(tools) && tools.length > 0 ? tools : undefined;
}

/** OpenAI chat fine-tuning: the turns as stored (a system turn only when the record has one), tools beside them. */
export function messagesRow(record: DatasetRecord): Record<string, unknown> {
  const tools = recordTools(record);
  return { messages: record.messages, ...(tools ? { tools } : {}) };
}

/** A tool call as LLaMA-Factory's `function_call` value holds it: the arguments as JSON, not as JSON text. */
function sharegptCall(call: ToolCall): { name: string; arguments: unknown } {
  let args: unknown = call.function.arguments;
  try {
    args = JSON.parse(call.function.arguments);
  } catch {
    // Arguments the model wrote as invalid JSON stay the text it wrote.
  }
  return { name: call.function.name, arguments: args };
}

export interface SharegptTurn {
  from: "system" | "human" | "gpt" | "function_call" | "observation";
  value: string;
}

/**
 * ShareGPT turns. Tool calling follows LLaMA-Factory, which needs human/observation and gpt/function_call turns to
 * alternate: an assistant's calls are one `function_call` turn (a JSON list of {name, arguments}), the results of
 * those calls one `observation` (the result, or a JSON list of them for parallel calls). Undefined when the record
 * has a turn that cannot be written so (text beside tool calls).
 */
export function sharegptTurns(turns: readonly ChatTurn[]): SharegptTurn[] | undefined {
  const out: SharegptTurn[] = [];
  let results: string[] = [];
  const endResults = () => {
    if (results.length === 0) return;
    out.push({ from: "observation", value: results.length === 1 ? (results[0] ?? "") : JSON.stringify(results) });
    results = [];
  };
  for (const turn of turns) {
    if (turn.role === "tool") {
      results.push(turn.content);
      continue;
    }
    endResults();
    const calls = turn.tool_calls ?? [];
    if (turn.role === "system") out.push({ from: "system", value: turn.content });
    else if (turn.role === "user") out.push({ from: "human", value: turn.content });
    else if (calls.length === 0) out.push({ from: "gpt", value: turn.content });
    else if (turn.content.trim() !== "") return undefined;
    else out.push({ from: "function_call", value: JSON.stringify(calls.map(sharegptCall)) });
  }
  endResults();
  return out;
}

export function sharegptRow(record: DatasetRecord): Converted {
  const conversations = sharegptTurns(record.messages);
  if (!conversations) {
    const turns = record.messages.filter((turn) => turn.role === "assistant" && turn.tool_calls?.length).length;
    return {
      leftOut: { reason: "text_with_tool_calls", detail: `${turns} assistant turns with tool calls, some with text` },
    };
  }
  const tools = recordTools(record);
  // LLaMA-Factory reads `tools` as a JSON string of the function definitions.
  const functions = tools?.map((tool) => (tool as { function?: unknown }).function ?? tool);
  return { row: { conversations, ...(functions ? { tools: JSON.stringify(functions) } : {}) } };
}

/**
 * Alpaca: one instruction and its answer. The user turn goes whole into `instruction` (the engine's instructions
 * carry their passage inside them) and `input` stays empty; a system turn, when the record has one, is `system`
 * (LLaMA-Factory's column). Anything else (several user turns, tool calls) is left out.
 */
export function alpacaRow(record: DatasetRecord): Converted {
  const [first] = record.messages;
  const system = first?.role === "system" ? first : undefined;
  const turns = system ? record.messages.slice(1) : record.messages;
  const [user, assistant] = turns;
  const single =
    turns.length === 2 &&
    user?.role === "user" &&
    assistant?.role === "assistant" &&
    (assistant.tool_calls ?? []).length === 0;
  if (!single || !user || !assistant) {
    const roles = turns.map((turn) => (turn.tool_calls?.length ? "assistant(tool_calls)" : turn.role)).join(", ");
    return { leftOut: { reason: "multi_turn", detail: `${turns.length} turns (${roles})` } };
  }
  return {
    row: {
      instruction: user.content,
      input: "",
      output: assistant.content,
      ...(system ? { system: system.content } : {}),
    },
  };
}

/** The row of `record` in one of the conversation formats. */
export function convertRecord(format: HfFormat, record: DatasetRecord): Converted {
  if (format === "alpaca") return alpacaRow(record);
  return format === "messages" ? { row: messagesRow(record) } : sharegptRow(record);
}

export const isHfFormat = (format: string): format is HfFormat => (HF_FORMATS as readonly string[]).includes(format);
