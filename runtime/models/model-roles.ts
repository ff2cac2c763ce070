// What names a model and the role it plays: shared by the config (which resolves them) and the gateway
// (which calls them), so neither imports the other.
import { z } from "zod";

/** `judge` is called only when the config has a rubric (README > Quality scores). */
export const MODEL_ROLES = ["transform", "instruct", "refine", "respond", "verify", "judge"] as const;
export type ModelRole = (typeof MODEL_ROLES)[number];

export const SUPPORTED_PROVIDERS = ["openai"] as const;

/** How the engine asks for JSON: a JSON schema the server enforces, JSON mode, or the prompt alone. */
export const StructuredOutputMode = z.enum(["json_schema", "json_object", "prompt"]);
export type StructuredOutputMode = z.infer<typeof StructuredOutputMode>;

/** A model ready to call: provider and name split, key resolved. Only `apiKey` is secret. */
export interface ResolvedModel {
  provider: (typeof SUPPORTED_PROVIDERS)[number];
  name: string;
  baseURL?: string;
  apiKey: string;
  /** The environment variable the key was read from: a worker joining the run reads its own (never stored). */
  apiKeyEnv?: string;
  temperature: number;
  maxTokens?: number;
  structuredOutput: StructuredOutputMode;
}

/** `openai:gpt-4o-mini` (plus the server when not OpenAI's): how a model is named in records and status. */
export function modelLabel(model: ResolvedModel): string {
  return `${model.provider}:${model.name}`;
}
