// One error family for the engine. Each error carries what a person needs to act on it and says
// once whether retrying can help; the retry layers read `retryable` instead of guessing from text.
import type { z } from "zod";

export type ErrorKind =
  | "config"
  | "model-unavailable"
  | "output-invalid"
  | "input"
  | "store"
  | "interrupted"
  /** A skill file fails its spec. */
  | "skill"
  /** An agent tool (calculator, web search, code sandbox) could not do what it was asked. */
  | "tool"
  /** The command line asked for something that is not there (a run, an item, a skill). */
  | "usage"
  /** The run's budget (--max-cost, budget.usd) has no room for the next call. */
  | "budget"
  /** A model endpoint cannot be reached: nothing listens, the name does not resolve, or it stopped answering. */
  | "unreachable";

export abstract class EngineError extends Error {
  abstract readonly kind: ErrorKind;
  readonly retryable: boolean = false;
}

/** A user-facing configuration problem: the message says what to change. */
export class ConfigError extends EngineError {
  readonly kind = "config";
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** The corpus or the output directory cannot be used: the message names what and why. */
export class InputError extends EngineError {
  readonly kind = "input";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "InputError";
  }
}

/** The model endpoint failed the request (after the gateway's own retries, when retryable). */
export class ModelCallError extends EngineError {
  readonly kind = "model-unavailable";
  override readonly retryable: boolean;
  constructor(
    message: string,
    readonly status: number | undefined,
    retryable: boolean,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ModelCallError";
    this.retryable = retryable;
  }
}

/**
 * The next call would pass the run's budget, so it is not sent. The runner drains on it: the item goes back to
 * pending (not failed) and a resumed run with a higher budget continues it.
 */
export class BudgetReachedError extends EngineError {
  readonly kind = "budget";
  constructor(
    readonly spentUsd: number,
    readonly limitUsd: number,
  ) {
    super(`budget reached: $${spentUsd.toFixed(4)} spent of $${limitUsd.toFixed(4)}`);
    this.name = "BudgetReachedError";
  }
}

/**
 * A model endpoint is unreachable: at the pre-flight check, or after the circuit breaker saw it stay down. The run
 * stops resumably (exit code 4); the message names the URL and the reason.
 */
export class ServerUnreachableError extends EngineError {
  readonly kind = "unreachable";
  constructor(
    readonly url: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot reach ${url}: ${reason}`, options);
    this.name = "ServerUnreachableError";
  }
}

/** The model answered, but never with output that passes the agent's schema. */
export class OutputInvalidError extends EngineError {
  readonly kind = "output-invalid";
  constructor(
    readonly agent: string,
    readonly raw: string,
    readonly issues: string[],
    readonly attempts: number,
  ) {
    super(`${agent}: output failed its schema after ${attempts} attempt(s): ${issues.slice(0, 3).join("; ")}`);
    this.name = "OutputInvalidError";
  }
}

/** Zod issues as field paths and messages; a failed union says what its closest branch lacked. */
export function zodProblems(
  issues: readonly z.core.$ZodIssue[],
  prefix: PropertyKey[] = [],
): Array<{ path: Array<string | number>; message: string }> {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    // A union ("the output, or a decline") fails as one "Invalid input": say what the closest branch lacked.
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      if (closest.length > 0) return zodProblems(closest, path);
    }
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: [...path, key].map(String), message: `unknown field "${key}"` }));
    }
    // A missing field reads "expected string, received undefined": say it is missing.
    const message =
      issue.code === "invalid_type" && issue.message.endsWith("received undefined")
        ? `missing (expected ${issue.expected})`
        : issue.message;
    return [{ path: path.map((key) => (typeof key === "number" ? key : String(key))), message }];
  });
}

export function formatZodIssues(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): string[] {
  return zodProblems(issues, prefix).map(({ path, message }) => `${path.join(".") || "(root)"}: ${message}`);
}

/** The plain-data form stored with a failed item. */
export interface ErrorRecord {
  kind: string;
  message: string;
  status?: number;
  raw?: string;
}

export function toErrorRecord(error: unknown): ErrorRecord {
  // Parallel branches (Send fan-out) that fail together arrive as one AggregateError: report the first
  // cause in full and count the others, rather than "Multiple errors occurred".
  if (error instanceof AggregateError && error.errors.length > 0) {
    const first = toErrorRecord(error.errors[0]);
    const others = error.errors.length - 1;
    return others > 0 ? { ...first, message: `${first.message} (and ${others} more in parallel branches)` } : first;
  }
  if (error instanceof OutputInvalidError) {
    return { kind: error.kind, message: error.message, raw: error.raw.slice(0, 2000) };
  }
  if (error instanceof ModelCallError) {
    return { kind: error.kind, message: error.message, status: error.status };
  }
  if (error instanceof EngineError) return { kind: error.kind, message: error.message };
  if (error instanceof Error) return { kind: "internal", message: `${error.name}: ${error.message}` };
  return { kind: "internal", message: String(error) };
}
