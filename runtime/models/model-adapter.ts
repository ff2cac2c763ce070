// The one thing that differs between providers: the wire format. An adapter turns the engine's request into a
// provider call and the reply into the engine's terms, and says what a failure means for the retry loop.
// Concurrency, retries, cache, call log and tracing names stay in the gateway base (gateway.ts), so a second
// provider is one adapter file.
import type { RunnableConfig } from "@langchain/core/runnables";
import type { ChatTurn, ToolCall } from "./chat-turn.js";
import type { ResolvedModel } from "./model-roles.js";
import type { FailureClass } from "./retry-policy.js";
import type { Usage } from "./usage.js";

/** A function the model may call (OpenAI tools). */
export interface ToolSpec {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/** One request as sent: the model's settings (name, endpoint, temperature, output mode) and what to ask. */
export interface WireRequest {
  model: ResolvedModel;
  messages: ChatTurn[];
  /** Ask for JSON matching this schema (how depends on the model's structuredOutput mode). */
  json?: { name: string; schema: Record<string, unknown> };
  /** Functions the model may call. */
  tools?: ToolSpec[];
}

/** A reply in the engine's terms. */
export interface WireReply {
  text: string;
  /** The model's tool calls (empty when it answered in text). */
  toolCalls: ToolCall[];
  usage: Usage;
  /** Why the model stopped (stop, length, tool_calls...), when the provider says. */
  finishReason?: string;
}

export interface ModelAdapter {
  /** One attempt, no retries of its own. `trace` names and nests the call (LangChain callbacks and metadata). */
  send(request: WireRequest, call: { signal?: AbortSignal; trace: RunnableConfig }): Promise<WireReply>;
  /** What a failed `send` means: retryable or not, the HTTP status, the server's Retry-After, or an abort. */
  classify(error: unknown): FailureClass;
}
