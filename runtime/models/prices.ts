// What a call costs. A built-in table of list prices for common hosted models, which the config file can override
// or extend per model (`prices` in agentinstruct.config.json). A model we cannot price has an unknown cost, never 0:
// a self-hosted server behind OPENAI_BASE_URL is not billed at OpenAI's list price, so a model with a baseURL other
// than OpenAI's is unknown unless the config prices it.
import { z } from "zod";
import { modelLabel, type ResolvedModel } from "./model-roles.js";
import type { Usage } from "./usage.js";

/** USD per million tokens. `cachedInput` is what a provider-side prompt-cache hit costs (default: `input`). */
export const Price = z
  .object({
    input: z.number().nonnegative(),
    output: z.number().nonnegative(),
    cachedInput: z.number().nonnegative().optional(),
  })
  .strict();
export type Price = z.infer<typeof Price>;

/** The day the built-in prices were last compared with the providers' published price pages. */
export const PRICES_CHECKED = "2025-08-07";

/** List prices (standard tier, USD per 1M tokens) keyed by `provider:name`. */
export const BUILTIN_PRICES: Readonly<Record<string, Price>> = {
  "openai:gpt-4o": { input: 2.5, output: 10, cachedInput: 1.25 },
  "openai:gpt-4o-mini": { input: 0.15, output: 0.6, cachedInput: 0.075 },
  "openai:gpt-4.1": { input: 2, output: 8, cachedInput: 0.5 },
  "openai:gpt-4.1-mini": { input: 0.4, output: 1.6, cachedInput: 0.1 },
  "openai:gpt-4.1-nano": { input: 0.1, output: 0.4, cachedInput: 0.025 },
  "openai:gpt-5": { input: 1.25, output: 10, cachedInput: 0.125 },
  "openai:gpt-5-mini": { input: 0.25, output: 2, cachedInput: 0.025 },
  "openai:gpt-5-nano": { input: 0.05, output: 0.4, cachedInput: 0.005 },
  "openai:o3": { input: 2, output: 8, cachedInput: 0.5 },
  "openai:o4-mini": { input: 1.1, output: 4.4, cachedInput: 0.275 },
  "anthropic:claude-opus-4-1": { input: 15, output: 75, cachedInput: 1.5 },
  "anthropic:claude-sonnet-4": { input: 3, output: 15, cachedInput: 0.3 },
  "anthropic:claude-3-5-haiku": { input: 0.8, output: 4, cachedInput: 0.08 },
};

const OPENAI_HOSTS = new Set(["api.openai.com"]);

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/**
 * The price of a model's calls: the config's entry for its label first, then the built-in table (only for the
 * provider's own endpoint). `undefined` means unknown.
 */
export function priceFor(model: ResolvedModel, overrides: Readonly<Record<string, Price>> = {}): Price | undefined {
  const label = modelLabel(model);
  if (overrides[label]) return overrides[label];
  const ownEndpoint = model.baseURL === undefined || OPENAI_HOSTS.has(hostOf(model.baseURL) ?? "");
  return ownEndpoint ? BUILTIN_PRICES[label] : undefined;
}

/** USD for one call's usage; `undefined` when the price is unknown. Cached input tokens are part of input_tokens. */
export function costOf(usage: Usage & { cached_input_tokens?: number }, price: Price | undefined): number | undefined {
  if (!price) return undefined;
  const cached = Math.min(usage.cached_input_tokens ?? 0, usage.input_tokens);
  const fresh = usage.input_tokens - cached;
  return (fresh * price.input + cached * (price.cachedInput ?? price.input) + usage.output_tokens * price.output) / 1e6;
}
