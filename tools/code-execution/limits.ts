// What a sandboxed program may use, and what came back. Shared by the Python (bubblewrap) and JavaScript
// (QuickJS) sandboxes so an agent sees one result shape whichever language it ran.
import { EngineError } from "../../runtime/errors.js";

export interface ExecutionLimits {
  /** Wall-clock time from start to result; the program is killed when it runs out. */
  wallMs: number;
  /** CPU time per process (Python: RLIMIT_CPU; JavaScript: folded into the wall deadline). */
  cpuSeconds: number;
  /** Memory per process (Python: address space, RLIMIT_AS; JavaScript: the WebAssembly heap). */
  memoryBytes: number;
  /** Processes and threads the program may have at once (Python only; QuickJS cannot start any). */
  maxProcesses: number;
  /** Output kept per stream (stdout, stderr); the rest is dropped and the program stopped if it keeps going. */
  maxOutputBytes: number;
}

export const DEFAULT_LIMITS: Readonly<ExecutionLimits> = Object.freeze({
  wallMs: 10_000,
  cpuSeconds: 5,
  memoryBytes: 256 * 1024 * 1024,
  maxProcesses: 32,
  maxOutputBytes: 1024 * 1024,
});

export interface ExecutionResult {
  stdout: string;
  stderr: string;
  /** The program's exit code (1 for an uncaught JavaScript exception); null when the sandbox killed it. */
  exitCode: number | null;
  /** Stopped by the wall-clock or CPU limit. */
  timedOut: boolean;
  /** Ran out of its memory limit (MemoryError, out of memory, or killed by the address-space limit). */
  memoryExceeded: boolean;
  /** stdout or stderr was longer than maxOutputBytes and was cut. */
  outputTruncated: boolean;
  durationMs: number;
}

/** The sandbox itself could not be set up (missing bubblewrap, namespaces refused, ...): nothing ran. */
export class SandboxUnavailableError extends EngineError {
  readonly kind = "tool";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SandboxUnavailableError";
  }
}

/** Defaults overridden by whatever the caller set; rejects values that would make no sense. */
export function resolveLimits(limits?: Partial<ExecutionLimits>): ExecutionLimits {
  const resolved: ExecutionLimits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof ExecutionLimits)[]) {
    const value = limits?.[key];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0)
      throw new RangeError(`limit ${key} must be a positive number, got ${value}`);
    resolved[key] = key === "wallMs" ? value : Math.floor(value);
  }
  return resolved;
}

/**
 * Bytes collected from one output stream, kept up to a cap. Past the cap the rest is counted but dropped,
 * so a program printing gigabytes costs the host nothing but the reading.
 */
export class CappedOutput {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  /** Every byte the program wrote to this stream, kept or not. */
  total = 0;

  constructor(private readonly cap: number) {}

  get truncated(): boolean {
    return this.total > this.cap;
  }

  push(chunk: Buffer): void {
    this.total += chunk.length;
    const room = this.cap - this.kept;
    if (room <= 0) return;
    const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
    // Copy a slice so the (possibly large) chunk it came from can be collected.
    this.chunks.push(part === chunk ? chunk : Buffer.from(part));
    this.kept += part.length;
  }

  /** The kept bytes as UTF-8, never more than the cap: a character cut in half at the cap is dropped. */
  text(): string {
    let bytes = Buffer.concat(this.chunks, this.kept);
    if (this.truncated) bytes = bytes.subarray(0, utf8Boundary(bytes));
    return bytes.toString("utf8");
  }
}

/** The length of the longest prefix of `bytes` that does not end inside a UTF-8 sequence. */
function utf8Boundary(bytes: Buffer): number {
  let end = bytes.length;
  let back = 0;
  // Step back over continuation bytes (10xxxxxx) to the lead byte of the last sequence.
  while (back < 4 && end - back - 1 >= 0 && ((bytes[end - back - 1] ?? 0) & 0xc0) === 0x80) back += 1;
  const leadIndex = end - back - 1;
  if (leadIndex < 0) return end;
  const lead = bytes[leadIndex] ?? 0;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  if (back + 1 < length) end = leadIndex;
  return end;
}
