// The one retry layer for model requests. HTTP status decides once whether a failure is worth
// retrying (408/409/429/5xx, timeouts, dropped connections); other 4xx never are. A server's
// Retry-After beats our backoff: the server knows its own window.

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Retry-After values above this are capped (a misconfigured server must not park a run for hours). */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  maxRetryAfterMs: 300_000,
};

export interface FailureClass {
  retryable: boolean;
  status?: number;
  retryAfterMs?: number;
  /** The caller gave up (abort): not a model failure at all. */
  aborted: boolean;
  message: string;
  /** The server says it has too much to do (429, 503, 529 overloaded) or it did not answer in time. */
  congestion?: boolean;
  /** No HTTP answer at all: refused, unresolvable, dropped. Says why, as the circuit breaker reports it. */
  connection?: string;
}

const RETRYABLE_STATUS = (status: number) => status === 408 || status === 409 || status === 429 || status >= 500;
const RETRYABLE_NAMES = new Set(["TimeoutError", "APIConnectionTimeoutError", "APIConnectionError", "FetchError"]);
const RETRYABLE_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "UND_ERR_SOCKET", "EAI_AGAIN"]);
const CONGESTION_STATUS = new Set([429, 503, 529]);
const TIMEOUT_NAMES = new Set(["TimeoutError", "APIConnectionTimeoutError"]);
/** Failures that mean the server is not there (rather than slow or unhappy). */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
]);

export function classifyFailure(error: unknown): FailureClass {
  const record = (error ?? {}) as Record<string, unknown>;
  const message = error instanceof Error ? error.message : String(error);
  // The openai SDK's connection errors keep the generic name "Error"; their class names tell them apart.
  const className = error && typeof error === "object" ? error.constructor.name : "";
  const name = typeof record.name === "string" && record.name !== "Error" ? record.name : className;
  if (name === "AbortError" || name === "APIUserAbortError") {
    return { retryable: false, aborted: true, message };
  }
  const status = typeof record.status === "number" ? record.status : undefined;
  if (status !== undefined) {
    return {
      retryable: RETRYABLE_STATUS(status),
      status,
      retryAfterMs: retryAfterFrom(record.headers),
      aborted: false,
      message,
      congestion: CONGESTION_STATUS.has(status),
    };
  }
  const cause = connectionCause(error);
  const code = cause?.code;
  const retryable = RETRYABLE_NAMES.has(name) || (code !== undefined && RETRYABLE_CODES.has(code));
  const timeout = TIMEOUT_NAMES.has(name);
  return {
    retryable,
    aborted: false,
    message,
    congestion: timeout,
    ...(!timeout && cause && CONNECTION_CODES.has(cause.code) ? { connection: cause.reason } : {}),
  };
}

/**
 * The system error under the wrappers (the SDK's APIConnectionError around fetch's TypeError around the socket's
 * error), with a message that says what happened: "connect ECONNREFUSED 127.0.0.1:8000".
 */
export function connectionCause(error: unknown): { code: string; reason: string } | undefined {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 8; depth += 1) {
    const { code, message, cause, errors } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown[];
    };
    if (typeof code === "string" && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code)) {
      // Happy eyeballs fails as an AggregateError with an empty message; its first attempt says it best.
      const first = Array.isArray(errors) ? (errors[0] as { message?: unknown } | undefined) : undefined;
      const text = typeof message === "string" && message ? message : String(first?.message ?? code);
      return { code, reason: text };
    }
    current = cause;
  }
  return undefined;
}

/** Milliseconds the server asked us to wait, from retry-after-ms or retry-after (seconds or a date). */
export function retryAfterFrom(headers: unknown, now = Date.now()): number | undefined {
  const get = (key: string): string | null | undefined => {
    if (!headers) return undefined;
    if (typeof (headers as Headers).get === "function") return (headers as Headers).get(key);
    const value = (headers as Record<string, unknown>)[key];
    return typeof value === "string" ? value : undefined;
  };
  const milliseconds = Number.parseFloat(get("retry-after-ms") ?? "");
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const value = get("retry-after");
  if (!value) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/**
 * Delay before attempt `attempt + 1` (attempt counts from 1): Retry-After if given, else exponential backoff with
 * equal jitter (half the ceiling fixed, half random), so a retry never comes back at once.
 */
export function retryDelay(attempt: number, failure: FailureClass, policy: RetryPolicy, random = Math.random): number {
  if (failure.retryAfterMs !== undefined) return Math.min(failure.retryAfterMs, policy.maxRetryAfterMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
