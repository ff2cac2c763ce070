// Exact token counts of a request as sent, with the BPE tokenizer of the model's encoding (js-tiktoken), for
// `agentinstruct estimate`. The tokenizer tables are megabytes, so they load on first use: only the estimate pays.
// Exact for OpenAI's models; for any other model the count is in OpenAI's encoding, an approximation.
import type { WireRequest } from "./model-adapter.js";
import type { ResolvedModel } from "./model-roles.js";

export type EncodingName = "o200k_base" | "cl100k_base";

/** Tokens the chat format adds around each message, and the reply's priming (OpenAI cookbook's formula). */
export const TOKENS_PER_MESSAGE = 3;
export const REPLY_PRIMING_TOKENS = 3;

/** o200k_base for the GPT-4o generation and later (4o, 4.1, 5, o-series); cl100k_base for older or unknown models. */
export function encodingFor(modelName: string): EncodingName {
  const name = modelName.toLowerCase();
  return /^(gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o\d)/.test(name) ? "o200k_base" : "cl100k_base";
}

/** The count is exact only for OpenAI's own models on OpenAI's API; other servers' models have their own tokenizers. */
export function countIsExact(model: ResolvedModel): boolean {
  if (model.baseURL === undefined) return true;
  try {
    return new URL(model.baseURL).host === "api.openai.com";
  } catch {
    return false;
  }
}

export type CountText = (text: string) => number;

const loaded = new Map<EncodingName, Promise<CountText>>();

export function loadTokenizer(encoding: EncodingName): Promise<CountText> {
  let tokenizer = loaded.get(encoding);
  if (!tokenizer) {
    tokenizer = (async () => {
      const { Tiktoken } = await import("js-tiktoken/lite");
      const ranks =
        encoding === "o200k_base"
          ? (await import("js-tiktoken/ranks/o200k_base")).default
          : (await import("js-tiktoken/ranks/cl100k_base")).default;
      const bpe = new Tiktoken(ranks);
      // Special-token text in a seed is counted as the plain text it is, as the API does.
      return (text: string) => bpe.encode(text, [], []).length;
    })();
    loaded.set(encoding, tokenizer);
  }
  return tokenizer;
}

/**
 * Input tokens of one request: every message (role, content, tool calls' names and arguments) with the
 * per-message overhead, plus the JSON schema and the tool definitions the request carries, as their JSON text.
 */
export function requestTokens(request: Pick<WireRequest, "messages" | "json" | "tools">, count: CountText): number {
  let tokens = REPLY_PRIMING_TOKENS;
  for (const turn of request.messages) {
    tokens += TOKENS_PER_MESSAGE + count(turn.role) + count(turn.content);
    for (const call of turn.tool_calls ?? []) tokens += count(call.function.name) + count(call.function.arguments);
  }
  if (request.json) tokens += count(JSON.stringify(request.json.schema));
  if (request.tools?.length) tokens += count(JSON.stringify(request.tools));
  return tokens;
}
