// Code execution for agents: Python in a bubblewrap sandbox, JavaScript in QuickJS. One entry point, one
// result shape, and the LangChain tool the agents call.
import { tool } from "@langchain/core/tools";
import { z } from "zod";
import { runJavaScript } from "./javascript-sandbox.js";
import type { ExecutionLimits, ExecutionResult } from "./limits.js";
import { pythonSandboxAvailability, runPython } from "./python-sandbox.js";

// The JavaScript sandbox module loads QuickJS only inside its worker, when a program runs.
export { runJavaScript } from "./javascript-sandbox.js";
export {
  DEFAULT_LIMITS,
  type ExecutionLimits,
  type ExecutionResult,
  resolveLimits,
  SandboxUnavailableError,
} from "./limits.js";
export { bubblewrapArgs, runPython } from "./python-sandbox.js";

export type CodeLanguage = "python" | "javascript";
export const CODE_LANGUAGES = ["python", "javascript"] as const satisfies readonly CodeLanguage[];

export interface ExecuteCodeRequest {
  language: CodeLanguage;
  code: string;
  limits?: Partial<ExecutionLimits>;
  /** Python only, trusted local use only: run without bubblewrap when it is missing (see runPython). */
  allowUnsandboxed?: boolean;
}

/** Run a program in the sandbox for its language. Throws SandboxUnavailableError when none can be set up. */
export async function executeCode(request: ExecuteCodeRequest): Promise<ExecutionResult> {
  if (request.language === "python") {
    return runPython(request.code, { limits: request.limits, allowUnsandboxed: request.allowUnsandboxed });
  }
  if (request.language === "javascript") return runJavaScript(request.code, { limits: request.limits });
  throw new RangeError(`unsupported language: ${String((request as { language: unknown }).language)}`);
}

export interface SandboxAvailability {
  python: { ok: boolean; reason?: string };
  javascript: { ok: true };
}

/** Which sandboxes work here. Python is checked by running a trial program once (cached). */
export async function sandboxAvailability(): Promise<SandboxAvailability> {
  return { python: await pythonSandboxAvailability(), javascript: { ok: true } };
}

export const executeCodeSchema = z.object({
  language: z.enum(CODE_LANGUAGES),
  code: z.string().min(1).describe("The complete program. Print what you want to see."),
});

/**
 * The `execute_code` tool: runs the program and answers with the ExecutionResult as JSON. A sandbox that
 * cannot be set up is reported the same way (exitCode null, the reason in stderr) so the agent can go on.
 */
export function createExecuteCodeTool(options: { limits?: Partial<ExecutionLimits>; allowUnsandboxed?: boolean } = {}) {
  return tool(
    async ({ language, code }) => {
      try {
        return JSON.stringify(await executeCode({ language, code, ...options }));
      } catch (error) {
        const failed: ExecutionResult = {
          stdout: "",
          stderr: `the ${language} sandbox is unavailable: ${(error as Error).message}`,
          exitCode: null,
          timedOut: false,
          memoryExceeded: false,
          outputTruncated: false,
          durationMs: 0,
        };
        return JSON.stringify(failed);
      }
    },
    {
      name: "execute_code",
      description:
        "Run a Python or JavaScript program in a sandbox (no network, no files of the host, time and memory limits). " +
        "Returns stdout, stderr, exitCode, timedOut, memoryExceeded and outputTruncated as JSON. Print what you want to see.",
      schema: executeCodeSchema,
    },
  );
}
