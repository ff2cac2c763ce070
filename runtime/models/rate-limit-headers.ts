// What a provider says about its limits on every response. OpenAI: x-ratelimit-{limit,remaining,reset}-{requests,
// tokens}, the reset as a duration ("20ms", "1.5s", "6m0s"). Anthropic: anthropic-ratelimit-{requests,tokens,
// input-tokens,output-tokens}-{limit,remaining,reset}, the reset as an RFC 3339 time. Both describe a bucket that
// holds a minute's allowance and refills continuously; `reset` is when it is full again.

export const LIMIT_KINDS = ["requests", "tokens", "inputTokens", "outputTokens"] as const;
export type LimitKind = (typeof LIMIT_KINDS)[number];

export interface LimitReading {
  /** The allowance per minute. */
  limit: number;
  remaining: number;
  /** Milliseconds until the allowance is full again. */
  resetMs: number;
}

export type HeaderReadings = Partial<Record<LimitKind, LimitReading>>;

const WIRE_NAMES: Record<LimitKind, { openai?: string; anthropic: string }> = {
  requests: { openai: "requests", anthropic: "requests" },
  tokens: { openai: "tokens", anthropic: "tokens" },
  inputTokens: { anthropic: "input-tokens" },
  outputTokens: { anthropic: "output-tokens" },
};

const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** "6m0s", "1.5s", "20ms", "1h2m3s", or a bare number of seconds, in milliseconds; undefined when unreadable. */
export function parseResetDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join("") !== trimmed) return undefined;
  return parts.reduce((total, [, value, unit]) => total + Number(value) * (UNIT_MS[unit ?? ""] ?? 0), 0);
}

/** A reset as a duration or as a date (Anthropic), in milliseconds from `now`. */
function resetMsOf(text: string, now: number): number | undefined {
  const duration = parseResetDuration(text);
  if (duration !== undefined) return duration;
  const date = Date.parse(text);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

export function readLimitHeaders(headers: Pick<Headers, "get">, now = Date.now()): HeaderReadings {
  const readings: HeaderReadings = {};
  for (const kind of LIMIT_KINDS) {
    const names = WIRE_NAMES[kind];
    const candidates = [
      ...(names.openai
        ? [
            [
              `x-ratelimit-limit-${names.openai}`,
              `x-ratelimit-remaining-${names.openai}`,
              `x-ratelimit-reset-${names.openai}`,
            ],
          ]
        : []),
      [
        `anthropic-ratelimit-${names.anthropic}-limit`,
        `anthropic-ratelimit-${names.anthropic}-remaining`,
        `anthropic-ratelimit-${names.anthropic}-reset`,
      ],
    ];
    for (const [limitName, remainingName, resetName] of candidates) {
      const limit = Number(headers.get(limitName ?? "") ?? Number.NaN);
      const remaining = Number(headers.get(remainingName ?? "") ?? Number.NaN);
      const resetText = headers.get(resetName ?? "");
      const resetMs = resetText ? resetMsOf(resetText, now) : undefined;
      if (!(limit > 0) || !Number.isFinite(remaining) || resetMs === undefined) continue;
      readings[kind] = { limit, remaining: Math.max(0, Math.min(limit, remaining)), resetMs };
      break;
    }
  }
  return readings;
}
