// A cheap guess at a request's size before it is sent, for what must be reserved up front (a budget's in-flight
// dollars, a tokens-per-minute bucket) and corrected from the reply's usage. It must cost next to nothing per call,
// so it counts characters (about four per token for English with BPE tokenizers) instead of running a tokenizer;
// `agentinstruct estimate` counts exactly with one.
import type { WireRequest } from "./model-adapter.js";

const CHARS_PER_TOKEN = 4;
/** Role markers and separators the chat format adds to each message. */
const TOKENS_PER_MESSAGE = 4;
/** What a reply is assumed to take when the model has no max_tokens (corrected from usage). */
export const DEFAULT_OUTPUT_GUESS = 1024;

export interface TokenGuess {
  input: number;
  output: number;
}

export function guessRequestTokens(request: Pick<WireRequest, "model" | "messages" | "json" | "tools">): TokenGuess {
  let chars = 0;
  for (const turn of request.messages) {
    chars += turn.content.length;
    for (const call of turn.tool_calls ?? []) chars += call.function.name.length + call.function.arguments.length;
  }
  if (request.json) chars += JSON.stringify(request.json.schema).length;
  if (request.tools?.length) chars += JSON.stringify(request.tools).length;
  return {
    input: Math.ceil(chars / CHARS_PER_TOKEN) + TOKENS_PER_MESSAGE * request.messages.length,
    output: request.model.maxTokens ?? DEFAULT_OUTPUT_GUESS,
  };
}
