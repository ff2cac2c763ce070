// Before a run spends anything: is every model endpoint there? One cheap request per endpoint (GET <baseURL>/models
// with the key). Any HTTP answer means something listens; 401 means the key is wrong, which no retry fixes.
// The circuit breaker probes a server that went away with the same request.
import { ConfigError, ServerUnreachableError } from "../errors.js";
import type { ResolvedModel } from "./model-roles.js";
import { connectionCause } from "./retry-policy.js";

/** Where the openai client sends requests when no base URL is given. */
export const OPENAI_BASE_URL = "https://api.openai.com/v1";

export const PROBE_TIMEOUT_MS = 5000;

export type ProbeResult = { reachable: true; status: number } | { reachable: false; reason: string };

export const baseUrlOf = (model: ResolvedModel) => (model.baseURL ?? OPENAI_BASE_URL).replace(/\/+$/, "");

export async function probeEndpoint(
  baseURL: string,
  apiKey: string,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<ProbeResult> {
  try {
    const response = await fetch(`${baseURL}/models`, {
      headers: { authorization: `Bearer ${apiKey}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return { reachable: true, status: response.status };
  } catch (error) {
    const name = (error as { name?: unknown })?.name;
    if (name === "TimeoutError") return { reachable: false, reason: `no answer within ${timeoutMs} ms` };
    return { reachable: false, reason: connectionCause(error)?.reason ?? innermostMessage(error) };
  }
}

/** fetch fails as "fetch failed"; what went wrong is in its innermost cause ("bad port", "invalid URL"). */
function innermostMessage(error: unknown): string {
  let message = String((error as Error)?.message ?? error);
  for (let current = (error as Error)?.cause, depth = 0; current && depth < 8; depth += 1) {
    if (current instanceof Error && current.message) message = current.message;
    current = (current as Error).cause;
  }
  return message;
}

/** Probes each distinct endpoint of the run's models once; throws what stops the run. */
export async function preflight(models: readonly ResolvedModel[], timeoutMs = PROBE_TIMEOUT_MS): Promise<void> {
  const endpoints = new Map<string, ResolvedModel>();
  for (const model of models) endpoints.set(JSON.stringify([baseUrlOf(model), model.apiKey]), model);
  const checks = await Promise.all(
    [...endpoints.values()].map(async (model) => ({
      url: baseUrlOf(model),
      result: await probeEndpoint(baseUrlOf(model), model.apiKey, timeoutMs),
    })),
  );
  for (const { url, result } of checks) {
    if (!result.reachable) throw new ServerUnreachableError(url, result.reason);
    if (result.status === 401) {
      throw new ConfigError(
        `${url} rejected the API key (HTTP 401): check the key in OPENAI_API_KEY (or the variable the model's apiKeyEnv names)`,
      );
    }
  }
}
