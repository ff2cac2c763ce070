// Python in a bubblewrap sandbox: fresh namespaces (no network, own pids, own hostname, no further user
// namespaces), an unprivileged uid, only /usr and the loader's links from the host and all of it read-only,
// a small tmpfs as the only writable place, a clean environment, and prlimit caps on address space, CPU
// time, processes, file size and open files. The whole process tree is killed at the wall-clock limit.
//
// Processes: RLIMIT_NPROC is counted per user, and a sandbox whose uid maps to host root is exempt from it.
// So when this engine runs as root, bubblewrap itself is started as uid/gid 65534 ("nobody"); each
// sandbox then gets its own user namespace and the process cap bites per sandbox (measured: a fork bomb
// stops at 32 processes). Memory: RLIMIT_AS caps each process, so a program's total is at most
// maxProcesses × memoryBytes plus the tmpfs sizes below.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { accessSync, constants as fsConstants, lstatSync, readlinkSync, statSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { constants as osConstants, tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import type { Readable } from "node:stream";
import { promisify } from "node:util";
import {
  CappedOutput,
  type ExecutionLimits,
  type ExecutionResult,
  resolveLimits,
  SandboxUnavailableError,
} from "./limits.js";

/** Debian's interpreter, never whatever python3 comes first on PATH (pyenv shims, virtualenvs). */
export const PYTHON = "/usr/bin/python3";
/** The uid/gid the program runs as, inside the sandbox and (when the engine is root) outside it too. */
export const SANDBOX_UID = 65534;
const TMPFS_BYTES = 64 * 1024 * 1024;
const SHM_BYTES = 16 * 1024 * 1024;
const FILE_BYTES = 32 * 1024 * 1024;
const OPEN_FILES = 64;
/** bubblewrap 0.8 brought --size (capped tmpfs) and --disable-userns; older ones are refused. */
const MIN_BWRAP = [0, 8, 0] as const;
const SANDBOX_ENV = {
  PATH: "/usr/bin:/bin",
  HOME: "/tmp",
  LANG: "C.UTF-8",
  PYTHONDONTWRITEBYTECODE: "1",
  PYTHONIOENCODING: "utf-8",
};

export interface PythonOptions {
  limits?: Partial<ExecutionLimits>;
  /** Text fed to the program's standard input (otherwise it reads end-of-file). */
  stdin?: string;
  /**
   * Trusted local use only: when bubblewrap is missing, run python3 directly under prlimit with a clean
   * environment (and as uid 65534 when the engine is root). The program can then read whatever that user
   * can read and reach the network. Without this flag a missing bubblewrap is an error.
   */
  allowUnsandboxed?: boolean;
}

const INSTALL_HINT =
  "install it with `apt-get install bubblewrap` (Debian/Ubuntu), or, for trusted local use only, opt in to running " +
  "code unsandboxed (allowUnsandboxed: true, CLI --allow-unsandboxed)";

/** An executable named `name` on PATH or in the system directories, or undefined. */
function findExecutable(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(delimiter), "/usr/bin", "/bin", "/usr/sbin", "/sbin"];
  for (const dir of dirs) {
    if (!dir) continue;
    const path = join(dir, name);
    try {
      accessSync(path, fsConstants.X_OK);
      if (statSync(path).isFile()) return path;
    } catch {
      // not here
    }
  }
  return undefined;
}

function systemExecutable(name: string): string | undefined {
  // Only copies under /usr/bin and /bin: those are the ones visible inside the sandbox.
  for (const path of [`/usr/bin/${name}`, `/bin/${name}`]) {
    try {
      accessSync(path, fsConstants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  return undefined;
}

let bwrapVersion: Promise<string> | undefined;
async function bubblewrapVersion(bwrap: string): Promise<string> {
  bwrapVersion ??= promisify(execFile)(bwrap, ["--version"], { timeout: 5000 }).then(({ stdout }) => stdout.trim());
  return bwrapVersion;
}

function versionAtLeast(text: string, minimum: readonly number[]): boolean {
  const parts = (/(\d+)\.(\d+)(?:\.(\d+))?/.exec(text) ?? []).slice(1).map((part) => Number(part ?? 0));
  if (parts.length === 0) return false;
  for (let index = 0; index < minimum.length; index += 1) {
    const have = parts[index] ?? 0;
    const need = minimum[index] ?? 0;
    if (have !== need) return have > need;
  }
  return true;
}

interface Plan {
  sandboxed: boolean;
  bwrap?: string;
  prlimit: string;
}

async function plan(allowUnsandboxed: boolean | undefined): Promise<Plan> {
  if (process.platform !== "linux") throw new SandboxUnavailableError("the Python sandbox needs Linux (bubblewrap)");
  const prlimit = systemExecutable("prlimit");
  if (!prlimit)
    throw new SandboxUnavailableError("prlimit was not found in /usr/bin or /bin: apt-get install util-linux");
  try {
    accessSync(PYTHON, fsConstants.X_OK);
  } catch {
    throw new SandboxUnavailableError(`${PYTHON} was not found: apt-get install python3`);
  }
  const bwrap = findExecutable("bwrap");
  if (!bwrap) {
    if (allowUnsandboxed) return { sandboxed: false, prlimit };
    throw new SandboxUnavailableError(
      `bubblewrap (bwrap) is not installed, so Python code cannot run sandboxed: ${INSTALL_HINT}`,
    );
  }
  const version = await bubblewrapVersion(bwrap).catch((error: Error) => `unknown (${error.message})`);
  if (!versionAtLeast(version, MIN_BWRAP)) {
    throw new SandboxUnavailableError(
      `bubblewrap ${version} is too old: ${MIN_BWRAP.join(".")} or newer is needed (capped tmpfs, --disable-userns)`,
    );
  }
  return { sandboxed: true, bwrap, prlimit };
}

/** The host's /bin, /lib... as they are: symlinks into /usr recreated, real directories bound read-only. */
function systemMounts(): string[] {
  const args = ["--ro-bind", "/usr", "/usr"];
  for (const dir of ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"]) {
    try {
      const stat = lstatSync(dir);
      if (stat.isSymbolicLink()) args.push("--symlink", readlinkSync(dir), dir);
      else if (stat.isDirectory()) args.push("--ro-bind", dir, dir);
    } catch {
      // absent on this system
    }
  }
  // The dynamic loader's cache, and the alternatives links some distributions route interpreters through.
  args.push("--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache");
  args.push("--ro-bind-try", "/etc/alternatives", "/etc/alternatives");
  return args;
}

function rlimits(prlimit: string, limits: ExecutionLimits): string[] {
  return [
    prlimit,
    `--as=${limits.memoryBytes}`,
    // Soft limit: SIGXCPU (reported as timedOut); a program that ignores it is killed one second later.
    `--cpu=${Math.max(1, Math.ceil(limits.cpuSeconds))}:${Math.max(1, Math.ceil(limits.cpuSeconds)) + 1}`,
    `--nproc=${limits.maxProcesses}`,
    `--fsize=${FILE_BYTES}`,
    `--nofile=${OPEN_FILES}`,
    "--core=0",
    "--",
  ];
}

/** The exact bubblewrap command line for a program in `dir`/main.py (exported for the docs and tests). */
export function bubblewrapArgs(dir: string, limits: ExecutionLimits, prlimit = "/usr/bin/prlimit"): string[] {
  const env = Object.entries(SANDBOX_ENV).flatMap(([name, value]) => ["--setenv", name, value]);
  return [
    "--unshare-all", // network, pid, ipc, uts, cgroup and user namespaces
    "--unshare-user", // explicit, so --disable-userns applies
    "--disable-userns",
    "--die-with-parent",
    "--new-session",
    "--uid",
    String(SANDBOX_UID),
    "--gid",
    String(SANDBOX_UID),
    "--hostname",
    "sandbox",
    ...systemMounts(),
    "--ro-bind",
    dir,
    "/sandbox",
    "--size",
    String(Math.min(TMPFS_BYTES, limits.memoryBytes)),
    "--tmpfs",
    "/tmp",
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    "--size",
    String(SHM_BYTES),
    "--tmpfs",
    "/dev/shm",
    // bubblewrap's own root and /dev are tmpfs too: read-only, so /tmp and /dev/shm are the only writable places.
    "--remount-ro",
    "/dev",
    "--remount-ro",
    "/",
    "--chdir",
    "/tmp",
    "--clearenv",
    ...env,
    "--json-status-fd",
    "3",
    "--",
    ...rlimits(prlimit, limits),
    PYTHON,
    "-I",
    "/sandbox/main.py",
  ];
}

/** Run a Python program in the sandbox. Throws SandboxUnavailableError when the sandbox cannot be set up. */
export async function runPython(code: string, options: PythonOptions = {}): Promise<ExecutionResult> {
  const limits = resolveLimits(options.limits);
  const started = performance.now();
  const how = await plan(options.allowUnsandboxed);
  // As root, bubblewrap runs as uid 65534, which must reach the program: /tmp, not a TMPDIR under /root.
  const base = process.getuid?.() === 0 ? "/tmp" : tmpdir();
  const dir = await mkdtemp(join(base, "agentinstruct-py-"));
  try {
    // Readable by the sandbox's uid (the engine may be root with a 077 umask), writable by nobody else.
    await chmod(dir, 0o755);
    const file = join(dir, "main.py");
    await writeFile(file, code, { mode: 0o644 });
    await chmod(file, 0o644);
    const [command, args, cwd]: [string, string[], string] =
      how.sandboxed && how.bwrap
        ? [how.bwrap, bubblewrapArgs(dir, limits, how.prlimit), "/"]
        : [how.prlimit, [...rlimits(how.prlimit, limits).slice(1), PYTHON, "-I", file], dir];
    const env = how.sandboxed ? { PATH: SANDBOX_ENV.PATH } : { ...SANDBOX_ENV, HOME: dir };
    return await supervise({
      command,
      args,
      cwd,
      env,
      sandboxed: how.sandboxed,
      limits,
      stdin: options.stdin,
      started,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface Supervised {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  sandboxed: boolean;
  limits: ExecutionLimits;
  stdin: string | undefined;
  started: number;
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/** Start the command in its own process group and collect its result within the limits. */
function supervise(job: Supervised): Promise<ExecutionResult> {
  const { limits } = job;
  const dropPrivileges = process.getuid?.() === 0;
  return new Promise<ExecutionResult>((resolve, reject) => {
    const child = spawn(job.command, job.args, {
      cwd: job.cwd,
      env: job.env,
      detached: true, // its own process group, killed as one
      stdio: [job.stdin === undefined ? "ignore" : "pipe", "pipe", "pipe", job.sandboxed ? "pipe" : "ignore"],
      ...(dropPrivileges ? { uid: SANDBOX_UID, gid: SANDBOX_UID } : {}),
    });
    const stdout = new CappedOutput(limits.maxOutputBytes);
    const stderr = new CappedOutput(limits.maxOutputBytes);
    const floodBytes = limits.maxOutputBytes + Math.max(limits.maxOutputBytes, 1024 * 1024);
    let status = "";
    let timedOut = false;
    let flooded = false;
    let exited = false;
    let settled = false;

    const wallTimer = setTimeout(() => {
      if (exited) return; // finished in time; only its output is still draining
      timedOut = true;
      killGroup(child);
    }, limits.wallMs);
    let closeTimer: NodeJS.Timeout | undefined;

    const watch = (stream: Readable | null, sink: CappedOutput) => {
      stream?.on("data", (chunk: Buffer) => {
        sink.push(chunk);
        if (sink.total > floodBytes && !flooded && !exited) {
          // Far past the cap: stop the program rather than read (and drop) output forever.
          flooded = true;
          killGroup(child);
        }
      });
      stream?.on("error", () => {});
    };
    watch(child.stdout, stdout);
    watch(child.stderr, stderr);
    const statusStream = child.stdio[3] as Readable | null | undefined;
    statusStream?.on("data", (chunk: Buffer) => {
      if (status.length < 64 * 1024) status += chunk.toString("utf8");
    });
    statusStream?.on("error", () => {});
    if (job.stdin !== undefined && child.stdin) {
      child.stdin.on("error", () => {}); // the program may exit without reading it
      child.stdin.end(job.stdin);
    }

    child.on("error", (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(wallTimer);
      killGroup(child);
      reject(new SandboxUnavailableError(`could not start ${job.command}: ${error.message}`, { cause: error }));
    });
    child.on("exit", () => {
      exited = true;
      // Anything the program left behind in its group goes too (in the sandbox the pid namespace is already
      // gone); a descendant that kept the pipes open cannot hold the result back for long.
      killGroup(child);
      closeTimer = setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        statusStream?.destroy();
        finish(child.exitCode, child.signalCode);
      }, 1000);
    });
    child.on("close", (code: number | null, signal: NodeJS.Signals | null) => finish(code, signal));

    function finish(code: number | null, signal: NodeJS.Signals | null): void {
      if (settled || !exited) return;
      settled = true;
      clearTimeout(wallTimer);
      clearTimeout(closeTimer);
      const killedBySandbox = timedOut || flooded;
      const reported = /"exit-code"\s*:\s*(\d+)/.exec(status)?.[1];
      let errText = stderr.text();
      if (job.sandboxed && reported === undefined && !killedBySandbox && /^bwrap: /m.test(errText)) {
        const hint = /namespace|uid map|uid_map|setting up uid/i.test(errText)
          ? " (the sandbox needs unprivileged user namespaces: sysctl user.max_user_namespaces > 0, and on Ubuntu " +
            "kernel.apparmor_restrict_unprivileged_userns=0; in a container, a seccomp profile that allows them)"
          : "";
        reject(new SandboxUnavailableError(`bubblewrap could not set up the sandbox: ${errText.trim()}${hint}`));
        return;
      }
      let exitCode: number | null;
      if (reported !== undefined) exitCode = Number(reported);
      else if (killedBySandbox) exitCode = null;
      else if (code !== null) exitCode = code;
      else exitCode = signal ? 128 + (osConstants.signals[signal] ?? 0) : null;

      const cpuKilled = exitCode === 128 + osConstants.signals.SIGXCPU;
      const memoryExceeded =
        !killedBySandbox &&
        (/^MemoryError\b/m.test(errText) ||
          /\[Errno 12\] Cannot allocate memory/.test(errText) ||
          exitCode === 128 + osConstants.signals.SIGKILL ||
          exitCode === 128 + osConstants.signals.SIGSEGV);
      const notes: string[] = [];
      if (timedOut) notes.push(`[sandbox] killed: wall-clock limit of ${limits.wallMs} ms reached`);
      if (cpuKilled) notes.push(`[sandbox] killed: CPU time limit of ${limits.cpuSeconds} s reached`);
      if (flooded) notes.push(`[sandbox] killed: output far beyond the ${limits.maxOutputBytes}-byte limit`);
      if (notes.length > 0) errText += `${errText && !errText.endsWith("\n") ? "\n" : ""}${notes.join("\n")}\n`;
      resolve({
        stdout: stdout.text(),
        stderr: errText,
        exitCode,
        timedOut: timedOut || cpuKilled,
        memoryExceeded,
        outputTruncated: stdout.truncated || stderr.truncated,
        durationMs: Math.round(performance.now() - job.started),
      });
    }
  });
}

let availability: Promise<{ ok: boolean; reason?: string }> | undefined;

/** Whether Python code can run sandboxed here: the tools are present and a trial program runs. Cached. */
export function pythonSandboxAvailability(): Promise<{ ok: boolean; reason?: string }> {
  availability ??= (async () => {
    try {
      const result = await runPython('print("ok")', { limits: { wallMs: 15_000 } });
      if (result.exitCode === 0 && result.stdout === "ok\n") return { ok: true };
      return {
        ok: false,
        reason: `a trial program failed in the sandbox (exit ${result.exitCode}): ${result.stderr.trim().slice(0, 500)}`,
      };
    } catch (error) {
      return { ok: false, reason: (error as Error).message };
    }
  })();
  return availability;
}
