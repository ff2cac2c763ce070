// The code-execution sandboxes under attack: programs that try to read the host's secrets, write to the
// host, start processes, reach the network, fork-bomb, exhaust memory, spin forever or flood output, and
// must find every door shut while the host process stays unharmed. Plus honest programs, which must work.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { registerSandboxCommand } from "../cli/sandbox-command.js";
import { createExecuteCodeTool, executeCode, sandboxAvailability } from "../tools/code-execution/index.js";
import { runJavaScript } from "../tools/code-execution/javascript-sandbox.js";
import type { ExecutionResult } from "../tools/code-execution/limits.js";
import { runPython } from "../tools/code-execution/python-sandbox.js";

const availability = await sandboxAvailability();
const pythonSkipReason = availability.python.ok
  ? ""
  : ` — SKIPPED: the Python sandbox is unavailable here (${availability.python.reason}). CI installs bubblewrap; locally: apt-get install bubblewrap`;
if (!availability.python.ok) console.warn(`Python sandbox tests skipped: ${availability.python.reason}`);

const token = randomBytes(12).toString("hex");
const SECRET = `secret-${token}`;
const hostTmpSecret = join("/tmp", `agentinstruct-secret-${token}.txt`);
const homeSecret = join(homedir(), `.agentinstruct-secret-${token}`);
const hostTmpTarget = join("/tmp", `agentinstruct-escape-${token}`);
const projectTarget = join(process.cwd(), `agentinstruct-escape-${token}`);
const workTarget = join("/work", `agentinstruct-escape-${token}`);
const subprocessTargets = [`${hostTmpTarget}-child`, `${projectTarget}-child`, `${hostTmpTarget}-daemon`];
const allTargets = [hostTmpTarget, projectTarget, workTarget, ...subprocessTargets];

let server: Server;
let port = 0;
let connections = 0;
let scratch: string;

beforeAll(async () => {
  process.env.AGENTINSTRUCT_TEST_SECRET = SECRET;
  // World-readable on purpose: what keeps them out of reach is the sandbox, not file permissions.
  await writeFile(hostTmpSecret, SECRET, { mode: 0o644 });
  await writeFile(homeSecret, SECRET, { mode: 0o644 });
  scratch = await mkdtemp(join(tmpdir(), "sandbox-test-"));
  server = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  port = typeof address === "object" && address ? address.port : 0;
});

afterAll(async () => {
  delete process.env.AGENTINSTRUCT_TEST_SECRET;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  for (const path of [hostTmpSecret, homeSecret, scratch, ...allTargets])
    await rm(path, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const output = (result: ExecutionResult) => `${result.stdout}\n${result.stderr}`;

/** Processes of a sandbox still alive on the host (zombies waiting for init to reap them hold nothing). */
async function sandboxProcesses(): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = await readFile(`/proc/${entry}/status`, "utf8");
      if (/^State:\s+Z/m.test(status)) continue;
      const cmdline = (await readFile(`/proc/${entry}/cmdline`, "utf8")).replaceAll("\0", " ");
      const runsAsSandboxUid = process.getuid?.() === 0 && /^Uid:\s+65534\b/m.test(status);
      if (runsAsSandboxUid || cmdline.includes("/sandbox/main.py") || cmdline.includes("agentinstruct-py-")) {
        found.push(`${entry} ${cmdline.trim()}`);
      }
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

async function expectNoLeftovers(): Promise<void> {
  let left = await sandboxProcesses();
  for (let attempt = 0; attempt < 30 && left.length > 0; attempt += 1) {
    await sleep(100);
    left = await sandboxProcesses();
  }
  expect(left).toEqual([]);
}

async function expectHostResponsive(): Promise<void> {
  const started = performance.now();
  await sleep(20);
  expect(performance.now() - started).toBeLessThan(500);
}

/** Runs `run` while sampling the event loop's worst delay and this isolate's memory. */
async function watchHost<T>(run: () => Promise<T>): Promise<{ value: T; maxLagMs: number; memoryGrowth: number }> {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  const memory = () => {
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.arrayBuffers;
  };
  const before = memory();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, memory());
  }, 5);
  lag.enable();
  try {
    const value = await run();
    return { value, maxLagMs: lag.max / 1e6, memoryGrowth: Math.max(peak, memory()) - before };
  } finally {
    clearInterval(sampler);
    lag.disable();
  }
}

describe(`Python sandbox (bubblewrap)${pythonSkipReason}`, () => {
  const py = (code: string, limits: Parameters<typeof runPython>[1] = {}) => runPython(code, limits);

  it.skipIf(!availability.python.ok)("runs an honest stdlib program", async () => {
    const result = await py(
      [
        "import json, math, re, collections",
        "words = re.findall(r'[a-z]+', 'the cat and the hat and the bat')",
        "counts = collections.Counter(words)",
        "print(json.dumps({'hyp': math.hypot(3, 4), 'top': counts.most_common(1)[0], 'fact': math.factorial(20)}))",
      ].join("\n"),
    );
    expect(result).toMatchObject({
      exitCode: 0,
      timedOut: false,
      memoryExceeded: false,
      outputTruncated: false,
      stderr: "",
    });
    expect(JSON.parse(result.stdout)).toEqual({ hyp: 5, top: ["the", 3], fact: 2432902008176640000 });
  });

  it.skipIf(!availability.python.ok)("reports a failing program with its traceback, and feeds stdin", async () => {
    const failed = await py("raise ValueError('boom')");
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toContain("ValueError: boom");
    const echoed = await py("import sys; print(sys.stdin.read().upper())", { stdin: "hello" });
    expect(echoed.stdout).toBe("HELLO\n");
  });

  it.skipIf(!availability.python.ok)("cannot see the host's environment variables", async () => {
    const result = await py(
      [
        "import os",
        "print(dict(os.environ))",
        "for pid in ['1', 'self', str(os.getppid())]:",
        "    try: print(pid, open(f'/proc/{pid}/environ', 'rb').read())",
        "    except Exception as e: print(pid, 'denied', repr(e))",
        `try: print(open('/proc/${process.pid}/environ', 'rb').read())`,
        "except Exception as e: print('host pid', repr(e))",
      ].join("\n"),
    );
    expect(result.exitCode).toBe(0);
    expect(output(result)).not.toContain(SECRET);
    expect(result.stdout).not.toContain("AGENTINSTRUCT_TEST_SECRET");
    expect(result.stdout).toContain("'PATH': '/usr/bin:/bin'");
  });

  it.skipIf(!availability.python.ok)("cannot read secret files in the host's /tmp or home directory", async () => {
    const result = await py(
      [
        `for path in ${JSON.stringify([hostTmpSecret, homeSecret])}:`,
        "    try: print('READ', open(path).read())",
        "    except Exception as e: print('denied', type(e).__name__)",
        "import os",
        "print(sorted(os.listdir('/')))",
      ].join("\n"),
    );
    expect(output(result)).not.toContain(SECRET);
    expect(result.stdout).not.toContain("READ");
    expect(result.stdout.match(/denied/g)).toHaveLength(2);
    // Only the system and the sandbox's own mounts are there: no /root, /home, /work, /etc of the host.
    const listing = result.stdout.trim().split("\n").at(-1) ?? "";
    for (const name of ["root", "home", "work", "var", "opt"]) expect(listing).not.toContain(`'${name}'`);
  });

  it.skipIf(!availability.python.ok)("cannot write to the host (/tmp, /work, the project directory)", async () => {
    const result = await py(
      [
        `for path in ${JSON.stringify([hostTmpTarget, projectTarget, workTarget, "/usr/pwned", "/pwned", "/sandbox/pwned"])}:`,
        "    try:",
        "        open(path, 'w').write('pwned'); print('wrote (inside the sandbox)', path)",
        "    except Exception as e: print('denied', path, type(e).__name__)",
      ].join("\n"),
    );
    expect(result.exitCode).toBe(0);
    // /tmp inside is the sandbox's own tmpfs; everything else is read-only or absent.
    expect(result.stdout).toContain(`wrote (inside the sandbox) ${hostTmpTarget}`);
    for (const path of [projectTarget, workTarget, "/usr/pwned", "/pwned", "/sandbox/pwned"]) {
      expect(result.stdout).toContain(`denied ${path}`);
    }
    for (const path of [hostTmpTarget, projectTarget, workTarget, "/usr/pwned", "/pwned"])
      expect(existsSync(path)).toBe(false);
  });

  it.skipIf(!availability.python.ok)("subprocesses (even detached ones) cannot write to the host either", async () => {
    const [childTmp, childProject, daemon] = subprocessTargets;
    const result = await py(
      [
        "import subprocess",
        `r = subprocess.run(['sh', '-c', 'echo pwned > ${childTmp}; echo pwned > ${childProject}; id -u'], capture_output=True, text=True)`,
        "print('uid', r.stdout.strip(), r.stderr.strip())",
        `subprocess.Popen(['sh', '-c', 'sleep 1; echo pwned > ${daemon}'], start_new_session=True)`,
        "print('left a daemon behind')",
      ].join("\n"),
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("uid 65534");
    await sleep(1500); // the daemon would have written by now
    for (const path of subprocessTargets) expect(existsSync(path)).toBe(false);
    await expectNoLeftovers();
  });

  it.skipIf(!availability.python.ok)(
    "has no network: the test's listener on 127.0.0.1 sees no connection",
    async () => {
      const before = connections;
      const result = await py(
        [
          "import socket",
          `for host, port in [('127.0.0.1', ${port}), ('1.1.1.1', 53)]:`,
          "    try:",
          "        socket.create_connection((host, port), timeout=2); print('CONNECTED', host)",
          "    except OSError as e: print('BLOCKED', host, e)",
        ].join("\n"),
      );
      expect(result.stdout).not.toContain("CONNECTED");
      expect(result.stdout.match(/BLOCKED/g)).toHaveLength(2);
      await sleep(100);
      expect(connections).toBe(before);
    },
  );

  it.skipIf(!availability.python.ok)("caps processes: forking stops at maxProcesses", async () => {
    const result = await py(
      [
        "import os, time",
        "n = 0",
        "for _ in range(200):",
        "    try: pid = os.fork()",
        "    except OSError: break",
        "    if pid == 0:",
        "        time.sleep(2); os._exit(0)",
        "    n += 1",
        "print(n)",
      ].join("\n"),
      { limits: { maxProcesses: 16, wallMs: 5000 } },
    );
    expect(result.exitCode).toBe(0);
    expect(Number(result.stdout.trim())).toBeLessThan(16);
    await expectNoLeftovers();
  });

  it.skipIf(!availability.python.ok)(
    "contains a fork bomb; the host stays responsive and nothing is left over",
    async () => {
      const { value: result, maxLagMs } = await watchHost(() =>
        py("import os\nwhile True:\n    try: os.fork()\n    except OSError: pass", { limits: { wallMs: 3000 } }),
      );
      expect(result.timedOut || (result.exitCode ?? 1) !== 0).toBe(true);
      expect(result.durationMs).toBeLessThan(6000);
      expect(maxLagMs).toBeLessThan(1000);
      await expectHostResponsive();
      await expectNoLeftovers();
    },
  );

  it.skipIf(!availability.python.ok)("stops an 8 GiB allocation: memoryExceeded", async () => {
    const result = await py("data = bytearray(8 * 1024 ** 3)\nprint('allocated')");
    expect(result.memoryExceeded).toBe(true);
    expect(result.stdout).not.toContain("allocated");
    expect(result.stderr).toContain("MemoryError");
  });

  it.skipIf(!availability.python.ok)("stops an infinite loop at the wall-clock limit", async () => {
    const result = await py("while True: pass", { limits: { wallMs: 2000 } });
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBeNull();
    expect(result.durationMs).toBeGreaterThanOrEqual(1900);
    expect(result.durationMs).toBeLessThan(3500);
    await expectNoLeftovers();
  });

  it.skipIf(!availability.python.ok)("stops a busy loop at the CPU limit", async () => {
    const result = await py("while True: pass", { limits: { wallMs: 8000, cpuSeconds: 1 } });
    expect(result.timedOut).toBe(true);
    expect(result.durationMs).toBeLessThan(4000);
  });

  it.skipIf(!availability.python.ok)("truncates 50 MB of output without holding it in memory", async () => {
    const cap = 1024 * 1024;
    const { value: result, memoryGrowth } = await watchHost(() =>
      py("import sys\nchunk = 'x' * 1023 + '\\n'\nfor _ in range(51200): sys.stdout.write(chunk)"),
    );
    expect(result.outputTruncated).toBe(true);
    expect(Buffer.byteLength(result.stdout)).toBeLessThanOrEqual(cap);
    expect(Buffer.byteLength(result.stdout)).toBeGreaterThan(cap - 1024);
    expect(memoryGrowth).toBeLessThan(32 * 1024 * 1024);
    await expectNoLeftovers();
  });

  it.skipIf(!availability.python.ok)("cuts output at a character boundary under a small cap", async () => {
    const result = await py("print('é' * 1000)", { limits: { maxOutputBytes: 101 } });
    expect(result.outputTruncated).toBe(true);
    expect(result.stdout).toBe("é".repeat(50));
    expect(result.exitCode).toBe(0);
  });
});

describe("JavaScript sandbox (QuickJS, quickjs-ng)", () => {
  const js = (code: string, limits: Parameters<typeof runJavaScript>[1] = {}) => runJavaScript(code, limits);

  it("runs an honest program", async () => {
    const result = await js(
      [
        "const words = 'the cat and the hat and the bat'.match(/[a-z]+/g);",
        "const counts = {};",
        "for (const word of words) counts[word] = (counts[word] ?? 0) + 1;",
        "const top = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];",
        "const fact = (n) => (n <= 1n ? 1n : n * fact(n - 1n));",
        "console.log(JSON.stringify({ hyp: Math.hypot(3, 4), top, fact: String(fact(20n)) }));",
        "(async () => { await null; console.log('async', [1, 2, 3].map((x) => x * 2)); })();",
      ].join("\n"),
    );
    expect(result).toMatchObject({
      exitCode: 0,
      timedOut: false,
      memoryExceeded: false,
      outputTruncated: false,
      stderr: "",
    });
    const [first, second] = result.stdout.trim().split("\n");
    expect(JSON.parse(first ?? "")).toEqual({ hyp: 5, top: ["the", 3], fact: "2432902008176640000" });
    expect(second).toBe("async [2,4,6]");
  });

  it("reports an uncaught exception with exit code 1 and the message on stderr", async () => {
    const result = await js("function f() { throw new TypeError('boom'); }\nf();");
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("TypeError: boom");
    const rejected = await js("async function main() { await null; throw new Error('late'); }\nmain();");
    expect(rejected.exitCode).toBe(1);
    expect(rejected.stderr).toContain("Error: late");
  });

  it("has no host objects: environment, files, processes and network all fail", async () => {
    const attempts = {
      env: "process.env.AGENTINSTRUCT_TEST_SECRET",
      functionConstructor: "(function(){}).constructor('return process')().env",
      globalThisProcess: "globalThis.process.env",
      require: `require('fs').readFileSync(${JSON.stringify(hostTmpSecret)}, 'utf8')`,
      writeFile: `require('fs').writeFileSync(${JSON.stringify(hostTmpTarget)}, 'pwned')`,
      childProcess: `require('child_process').execSync('echo pwned > ${subprocessTargets[0]}')`,
      quickjsStd: `std.loadFile(${JSON.stringify(homeSecret)})`,
      quickjsOs: "os.exec(['sh', '-c', 'id'])",
      fetch: `fetch('http://127.0.0.1:${port}/')`,
      websocket: `new WebSocket('ws://127.0.0.1:${port}/')`,
      xhr: "new XMLHttpRequest()",
      timers: "setTimeout(() => {}, 0)",
      worker: "new Worker('x.js')",
      deno: "Deno.readTextFileSync('/etc/passwd')",
      bun: "Bun.file('/etc/passwd')",
    };
    for (const [name, code] of Object.entries(attempts)) {
      const result = await js(code);
      expect(result.exitCode, name).toBe(1);
      expect(result.stderr, name).toMatch(/^(ReferenceError|TypeError): /);
      expect(output(result), name).not.toContain(SECRET);
    }
    const importAttempt = await js(
      "import('fs').then(() => console.log('IMPORTED'), (error) => console.log('import failed:', String(error)))",
    );
    expect(importAttempt.stdout).toContain("import failed:");
    const typeofAll = await js(
      "console.log(['process','require','fetch','std','os','Buffer','setTimeout','WebAssembly','XMLHttpRequest'].map((n) => typeof globalThis[n]).join(','))",
    );
    expect(typeofAll.stdout.trim()).toBe(Array(9).fill("undefined").join(","));
    for (const path of allTargets) expect(existsSync(path)).toBe(false);
    expect(connections).toBe(0);
  });

  it("leaves the host's own objects alone", async () => {
    const result = await js(
      "Object.prototype.polluted = 'yes'; Array.prototype.map = null; globalThis.console.log('done')",
    );
    expect(result.stdout).toBe("done\n");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect([1].map((x) => x + 1)).toEqual([2]);
  });

  it("stops an 8 GiB allocation: memoryExceeded", async () => {
    const result = await js(
      "const blocks = [];\nfor (let i = 0; i < 8; i++) blocks.push(new ArrayBuffer(1024 ** 3));\nconsole.log('allocated');",
    );
    expect(result.memoryExceeded).toBe(true);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).not.toContain("allocated");
    // One 8 GiB buffer is refused outright, without touching memory.
    const single = await js("new Uint8Array(8 * 1024 ** 3)");
    expect(single.exitCode).toBe(1);
    expect(single.stderr).toContain("RangeError");
  });

  it("caps the WebAssembly heap itself, not only QuickJS's own allocations", async () => {
    // ArrayBuffer storage is not counted by QuickJS's malloc limit; the memory's maximum stops it.
    const result = await js(
      "const blocks = [];\nfor (let i = 0; i < 64; i++) blocks.push(new Uint8Array(16 * 1024 * 1024));\nconsole.log(blocks.length);",
      { limits: { memoryBytes: 64 * 1024 * 1024 } },
    );
    expect(result.memoryExceeded).toBe(true);
    expect(result.stdout).toBe("");
  });

  it("stops an infinite loop (and an endless promise chain) at the time limit", async () => {
    const { value: result, maxLagMs } = await watchHost(() => js("while (true) {}", { limits: { wallMs: 2000 } }));
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBeNull();
    expect(result.durationMs).toBeLessThan(3500);
    // The loop runs in a worker: this thread's event loop never waited on it.
    expect(maxLagMs).toBeLessThan(500);
    const jobs = await js("const spin = () => Promise.resolve().then(spin);\nspin();", { limits: { wallMs: 1500 } });
    expect(jobs.timedOut).toBe(true);
    await expectHostResponsive();
  });

  it("turns runaway recursion into a RangeError, not a host crash", async () => {
    const result = await js("function down(n) { return down(n + 1) + 1; }\ndown(0);");
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("RangeError");
    const parsed = await js("JSON.parse('['.repeat(200000) + ']'.repeat(200000));");
    expect(parsed.exitCode).toBe(1);
    expect(parsed.stderr).toContain("RangeError");
  });

  it("truncates 50 MB of output without holding it in memory", async () => {
    const cap = 1024 * 1024;
    const { value: lines, memoryGrowth } = await watchHost(() =>
      js("const line = 'x'.repeat(1023);\nfor (let i = 0; i < 51200; i++) console.log(line);"),
    );
    expect(lines.outputTruncated).toBe(true);
    expect(Buffer.byteLength(lines.stdout)).toBeLessThanOrEqual(cap);
    expect(memoryGrowth).toBeLessThan(32 * 1024 * 1024);
    const oneString = await js("console.log('y'.repeat(50 * 1024 * 1024));");
    expect(oneString.outputTruncated).toBe(true);
    expect(Buffer.byteLength(oneString.stdout)).toBeLessThanOrEqual(cap);
  });
});

describe("executeCode, the execute_code tool and the sandbox command", () => {
  it("dispatches by language and answers the agent with the result as JSON", async () => {
    const direct = await executeCode({ language: "javascript", code: "console.log(6 * 7)" });
    expect(direct.stdout).toBe("42\n");
    const tool = createExecuteCodeTool();
    expect(tool.name).toBe("execute_code");
    const answer = JSON.parse(String(await tool.invoke({ language: "javascript", code: "console.log('hi')" })));
    expect(answer).toMatchObject({ stdout: "hi\n", exitCode: 0, timedOut: false, memoryExceeded: false });
    if (availability.python.ok) {
      const python = JSON.parse(String(await tool.invoke({ language: "python", code: "print(6 * 7)" })));
      expect(python).toMatchObject({ stdout: "42\n", exitCode: 0 });
    }
  });

  it("`sandbox` prints one JSON line and exits 0 even when the program fails", async () => {
    const file = join(scratch, "fails.js");
    await writeFile(file, "console.log('before'); throw new Error('after');");
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const previousExitCode = process.exitCode;
    try {
      const program = new Command().exitOverride();
      registerSandboxCommand(program);
      await program.parseAsync(["sandbox", "--lang", "javascript", file, "--timeout", "5", "--memory", "64"], {
        from: "user",
      });
      expect(process.exitCode).toBe(0);
    } finally {
      spy.mockRestore();
      process.exitCode = previousExitCode;
    }
    expect(written).toHaveLength(1);
    const line = JSON.parse(written[0] ?? "");
    expect(Object.keys(line)).toEqual([
      "stdout",
      "stderr",
      "exitCode",
      "timedOut",
      "memoryExceeded",
      "outputTruncated",
      "durationMs",
    ]);
    expect(line).toMatchObject({ stdout: "before\n", exitCode: 1, timedOut: false });
    expect(line.stderr).toContain("Error: after");
  });
});
