// JavaScript in QuickJS (the quickjs-ng engine compiled to WebAssembly), run in a worker thread that is
// thrown away after each program. Inside there is only the language: no require, import, process, fetch,
// fs or timers; the one thing added is a `console` whose output goes to capped buffers.
//
// Why a worker: QuickJS runs synchronously, so on the main thread a program would block the engine's event
// loop for up to the time limit; a deep recursion could overflow the host's native stack (the WebAssembly
// frames live on it); and the WebAssembly heap, once grown, is never given back. In a worker the event
// loop stays free, the stack is the worker's own, the heap is freed with the worker, and the worker can be
// terminated if the interrupt handler ever does not get a chance to run.
//
// Memory: QuickJS's malloc limit (runtime.setMemoryLimit) does not count ArrayBuffer storage, so the
// WebAssembly memory itself is created with a maximum: the program cannot have more than that, whatever
// it allocates.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import {
  CappedOutput,
  type ExecutionLimits,
  type ExecutionResult,
  resolveLimits,
  SandboxUnavailableError,
} from "./limits.js";

export interface JavaScriptOptions {
  limits?: Partial<ExecutionLimits>;
}

const CORE_PACKAGE = "quickjs-emscripten-core";
const VARIANT_PACKAGE = "@jitl/quickjs-ng-wasmfile-release-sync";
/** Room in the WebAssembly memory beyond the program's own limit: QuickJS's static data, stack and bookkeeping. */
const WASM_OVERHEAD_BYTES = 32 * 1024 * 1024;
const WASM_PAGE = 64 * 1024;
/** The variant is built with a 2 GiB maximum memory; an imported memory may not declare more. */
const WASM_MAX_PAGES = 32768;
/** QuickJS's own stack limit, well inside the worker's native stack below, so deep recursion is a RangeError. */
const QUICKJS_STACK_BYTES = 1024 * 1024;
const WORKER_STACK_MB = 32;
/** Time the worker gets after the deadline to report, before it is terminated. */
const HARD_KILL_GRACE_MS = 1000;

interface WorkerRequest {
  /** The engine's WebAssembly, compiled once per process (undefined: the worker compiles it itself). */
  wasmModule: unknown;
  corePath: string;
  variantPath: string;
  code: string;
  deadline: number;
  memoryBytes: number;
  wasmMaxPages: number;
  stackBytes: number;
  maxOutputBytes: number;
  floodBytes: number;
}

interface WorkerReply {
  stdout: Uint8Array;
  stdoutTotal: number;
  stderr: Uint8Array;
  stderrTotal: number;
  exitCode: number | null;
  timedOut: boolean;
  memoryExceeded: boolean;
  flooded: boolean;
}

// The worker's code: plain CommonJS JavaScript (workers cannot load this TypeScript file when it runs from
// source), evaluated with `eval: true`. It gets everything it needs through workerData.
const WORKER_SOURCE = String.raw`
"use strict";
const { parentPort, workerData } = require("node:worker_threads");
const request = workerData;

function capped(cap) {
  const chunks = [];
  let kept = 0;
  return {
    total: 0,
    push(text) {
      const bytes = Buffer.from(text, "utf8");
      this.total += bytes.length;
      const room = cap - kept;
      if (room <= 0) return;
      const part = bytes.length <= room ? bytes : bytes.subarray(0, room);
      chunks.push(part);
      kept += part.length;
    },
    bytes() {
      return new Uint8Array(Buffer.concat(chunks, kept));
    },
  };
}

// Runs inside QuickJS before the program: defines console on top of one host function it keeps private.
const PRELUDE = "(" + function (write, maxChars) {
  "use strict";
  const apply = Reflect.apply;
  const slice = String.prototype.slice;
  const stringify = JSON.stringify;
  const toText = String;
  const objectToString = Object.prototype.toString;
  const ErrorClass = Error;
  function format(value) {
    if (typeof value === "string") return value;
    if (typeof value === "object" && value !== null) {
      try {
        if (value instanceof ErrorClass) return value.stack ? value.name + ": " + value.message + "\n" + value.stack : toText(value);
        const json = stringify(value);
        if (json !== undefined) return json;
      } catch (error) {}
    }
    try {
      return toText(value);
    } catch (error) {
      return apply(objectToString, value, []);
    }
  }
  function writer(fd) {
    return function (...args) {
      let text = "";
      for (let index = 0; index < args.length && text.length <= maxChars; index += 1) {
        if (index > 0) text += " ";
        text += format(args[index]);
      }
      text += "\n";
      if (text.length > maxChars) text = apply(slice, text, [0, maxChars]);
      write(fd, text);
    };
  }
  const out = writer(1);
  const err = writer(2);
  globalThis.console = { log: out, info: out, debug: out, warn: err, error: err, trace: err };
}.toString() + ")";

async function main() {
  const core = require(request.corePath);
  const base = require(request.variantPath);
  const memory = new WebAssembly.Memory({ initial: 256, maximum: request.wasmMaxPages });
  const options = { wasmMemory: memory };
  if (request.wasmModule) options.wasmModule = request.wasmModule;
  const variant = core.newVariant(base.default || base, options);
  const QuickJS = await core.newQuickJSWASMModuleFromVariant(variant);
  const runtime = QuickJS.newRuntime();
  runtime.setMemoryLimit(request.memoryBytes);
  runtime.setMaxStackSize(request.stackBytes);
  const stdout = capped(request.maxOutputBytes);
  const stderr = capped(request.maxOutputBytes);
  let flooded = false;
  let timedOut = false;
  runtime.setInterruptHandler(() => {
    if (Date.now() > request.deadline) timedOut = true;
    return timedOut || flooded;
  });
  const vm = runtime.newContext();

  const maxChars = request.maxOutputBytes + 1;
  const write = vm.newFunction("write", (fdHandle, textHandle) => {
    const sink = vm.getNumber(fdHandle) === 2 ? stderr : stdout;
    if (vm.typeof(textHandle) !== "string") return;
    const lengthHandle = vm.getProp(textHandle, "length");
    const length = vm.getNumber(lengthHandle);
    lengthHandle.dispose();
    // A string longer than the cap is not copied out of the sandbox at all (the prelude cuts its own).
    if (length > maxChars) sink.total += length;
    else sink.push(vm.getString(textHandle));
    if (stdout.total > request.floodBytes || stderr.total > request.floodBytes) flooded = true;
  });
  const prelude = vm.unwrapResult(vm.evalCode(PRELUDE, "prelude.js"));
  const limitHandle = vm.newNumber(maxChars);
  vm.unwrapResult(vm.callFunction(prelude, vm.undefined, write, limitHandle)).dispose();
  limitHandle.dispose();
  prelude.dispose();
  write.dispose();

  let exitCode = 0;
  let memoryExceeded = false;
  const uncaught = (errorHandle) => {
    const error = vm.dump(errorHandle);
    errorHandle.dispose();
    let text;
    if (error && typeof error === "object") {
      text = (error.name || "Error") + ": " + (error.message === undefined ? "" : error.message);
      if (error.stack) text += "\n" + error.stack;
      if (error.name === "InternalError" && error.message === "out of memory") memoryExceeded = true;
    } else {
      text = "Uncaught " + (typeof error === "string" ? error : JSON.stringify(error));
    }
    if (!(timedOut || flooded)) stderr.push(text.endsWith("\n") ? text : text + "\n");
    exitCode = 1;
  };

  try {
    const result = vm.evalCode(request.code, "main.js", { type: "global" });
    let completion;
    if (result.error) uncaught(result.error);
    else completion = result.value;
    // Promises and async functions: run their jobs until none are left (or the deadline interrupts).
    while (exitCode === 0 && runtime.hasPendingJob()) {
      const jobs = runtime.executePendingJobs();
      if (jobs.error) uncaught(jobs.error);
    }
    // A program ending in an expression that is a rejected promise (async main(), say) failed.
    if (exitCode === 0 && completion && vm.typeof(completion) === "object") {
      const state = vm.getPromiseState(completion);
      if (state.type === "rejected") uncaught(state.error);
      else if (state.type === "fulfilled" && !state.notAPromise) state.value.dispose();
    }
  } catch (error) {
    // The engine itself failed: its memory could not grow, or the native stack ran out.
    const message = String(error && error.message ? error.message : error);
    if (/Maximum call stack size exceeded/.test(message)) {
      stderr.push("RangeError: Maximum call stack size exceeded\n");
    } else {
      memoryExceeded = memoryExceeded || /memory|Aborted/i.test(message);
      stderr.push("the JavaScript engine stopped: " + message + "\n");
    }
    exitCode = 1;
  }
  if (timedOut || flooded) exitCode = null;
  const reply = {
    stdout: stdout.bytes(),
    stdoutTotal: stdout.total,
    stderr: stderr.bytes(),
    stderrTotal: stderr.total,
    exitCode,
    timedOut,
    memoryExceeded,
    flooded,
  };
  parentPort.postMessage(reply, [reply.stdout.buffer, reply.stderr.buffer]);
}

main().catch((error) => {
  parentPort.postMessage({ fatal: String(error && error.stack ? error.stack : error) });
});
`;

/** WebAssembly as Node provides it (the project's type libraries do not describe it). */
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<unknown> } }).WebAssembly;
let compiledEngine: Promise<unknown> | undefined;

/** Compile QuickJS's WebAssembly once per process; each worker instantiates it afresh (about 15 ms saved per run). */
function compileEngine(): Promise<unknown> {
  compiledEngine ??= (async () => {
    try {
      const require = createRequire(import.meta.url);
      return await wasm.compile(await readFile(require.resolve(`${VARIANT_PACKAGE}/wasm`)));
    } catch {
      return undefined; // each worker loads it the usual way
    }
  })();
  return compiledEngine;
}

let packagePaths: { corePath: string; variantPath: string } | undefined;
function resolvePackages(): { corePath: string; variantPath: string } {
  if (packagePaths) return packagePaths;
  const require = createRequire(import.meta.url);
  try {
    packagePaths = { corePath: require.resolve(CORE_PACKAGE), variantPath: require.resolve(VARIANT_PACKAGE) };
    return packagePaths;
  } catch (error) {
    throw new SandboxUnavailableError(
      `the JavaScript sandbox needs ${CORE_PACKAGE} and ${VARIANT_PACKAGE}: npm install ${CORE_PACKAGE} ${VARIANT_PACKAGE}`,
      { cause: error },
    );
  }
}

function toResult(reply: WorkerReply, limits: ExecutionLimits, started: number): ExecutionResult {
  const stdout = new CappedOutput(limits.maxOutputBytes);
  stdout.push(Buffer.from(reply.stdout));
  stdout.total = reply.stdoutTotal;
  const stderr = new CappedOutput(limits.maxOutputBytes);
  stderr.push(Buffer.from(reply.stderr));
  stderr.total = reply.stderrTotal;
  let errText = stderr.text();
  const notes: string[] = [];
  if (reply.timedOut) notes.push(`[sandbox] stopped: time limit of ${deadlineMs(limits)} ms reached`);
  if (reply.flooded) notes.push(`[sandbox] stopped: output far beyond the ${limits.maxOutputBytes}-byte limit`);
  if (notes.length > 0) errText += `${errText && !errText.endsWith("\n") ? "\n" : ""}${notes.join("\n")}\n`;
  return {
    stdout: stdout.text(),
    stderr: errText,
    exitCode: reply.exitCode,
    timedOut: reply.timedOut,
    memoryExceeded: reply.memoryExceeded,
    outputTruncated: stdout.truncated || stderr.truncated,
    durationMs: Math.round(performance.now() - started),
  };
}

/** QuickJS runs on one thread, so CPU time is wall time: the tighter of the two limits applies. */
function deadlineMs(limits: ExecutionLimits): number {
  return Math.min(limits.wallMs, limits.cpuSeconds * 1000);
}

/** Run a JavaScript program in QuickJS. Throws SandboxUnavailableError when the engine cannot be loaded. */
export async function runJavaScript(code: string, options: JavaScriptOptions = {}): Promise<ExecutionResult> {
  const limits = resolveLimits(options.limits);
  const started = performance.now();
  const { corePath, variantPath } = resolvePackages();
  const timeLimit = deadlineMs(limits);
  const wasmModule = await compileEngine();
  const request: WorkerRequest = {
    wasmModule,
    corePath,
    variantPath,
    code,
    deadline: Date.now() + timeLimit,
    memoryBytes: limits.memoryBytes,
    wasmMaxPages: Math.min(WASM_MAX_PAGES, Math.ceil((limits.memoryBytes + WASM_OVERHEAD_BYTES) / WASM_PAGE)),
    stackBytes: QUICKJS_STACK_BYTES,
    maxOutputBytes: limits.maxOutputBytes,
    floodBytes: limits.maxOutputBytes + Math.max(limits.maxOutputBytes, 1024 * 1024),
  };
  // The worker's JavaScript heap holds the two output buffers and strings on their way out of QuickJS.
  const heapMb = 64 + Math.ceil((8 * limits.maxOutputBytes) / (1024 * 1024));
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: request,
    env: {},
    stdout: true,
    stderr: true,
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 16, stackSizeMb: WORKER_STACK_MB },
  });
  // The engine's own diagnostics (an Emscripten abort, say) are kept short, never printed by the host.
  let diagnostics = "";
  worker.stdout.resume();
  worker.stderr.on("data", (chunk: Buffer) => {
    if (diagnostics.length < 4096) diagnostics += chunk.toString("utf8");
  });

  return new Promise<ExecutionResult>((resolve, reject) => {
    let settled = false;
    const settle = (result: ExecutionResult | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(hardKill);
      void worker.terminate();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const failure = (overrides: Partial<ExecutionResult>, message: string): ExecutionResult => ({
      stdout: "",
      stderr: `${message}\n`,
      exitCode: null,
      timedOut: false,
      memoryExceeded: false,
      outputTruncated: false,
      durationMs: Math.round(performance.now() - started),
      ...overrides,
    });
    // If QuickJS never reaches its interrupt check (one long native operation), the worker is terminated.
    const hardKill = setTimeout(
      () => settle(failure({ timedOut: true }, `[sandbox] killed: time limit of ${timeLimit} ms reached`)),
      timeLimit + HARD_KILL_GRACE_MS,
    );
    worker.on("message", (message: WorkerReply | { fatal: string }) => {
      if ("fatal" in message) {
        settle(new SandboxUnavailableError(`the JavaScript sandbox could not start: ${message.fatal}`));
      } else settle(toResult(message, limits, started));
    });
    worker.on("error", (error: Error & { code?: string }) => {
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
        settle(
          failure(
            { memoryExceeded: true },
            "[sandbox] killed: the program's output or strings exhausted the host-side heap",
          ),
        );
      } else if (/Maximum call stack size exceeded/.test(error.message)) {
        settle(failure({ exitCode: 1 }, "RangeError: Maximum call stack size exceeded"));
      } else {
        settle(
          failure(
            { exitCode: 1 },
            `the JavaScript engine failed: ${error.message}${diagnostics ? `\n${diagnostics}` : ""}`,
          ),
        );
      }
    });
    worker.on("exit", (code) => {
      settle(
        failure(
          { exitCode: 1 },
          `the JavaScript engine exited unexpectedly (code ${code})${diagnostics ? `\n${diagnostics}` : ""}`,
        ),
      );
    });
  });
}
