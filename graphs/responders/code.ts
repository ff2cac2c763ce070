// Code verification for code-checked skills: the answer runs in the sandbox, a failing one is revised.
import { type RunnableConfig, RunnableLambda } from "@langchain/core/runnables";
import type { ChatTurn } from "../../runtime/models/chat-turn.js";
import { traceConfig } from "../../runtime/models/trace-config.js";
import { addUsage, noUsage, type Usage } from "../../runtime/models/usage.js";
import { type ExecutionResult, executeCode } from "../../tools/code-execution/index.js";
import { harnessProgram, materialModule, programOf, type TestResult } from "../code-harness.js";
import { nextText, type ResponderEnv, type RespondTask } from "./responder-env.js";

const REVISIONS = 2;
const SHOWN = 2000;

/**
 * Coding: run the material, the answer's solution and its tests together in the sandbox, each test reported;
 * on failure show the teacher the real failure and take its revised answer, up to REVISIONS times. The record
 * keeps the last execution result either way.
 */
export async function verifyCode(
  env: ResponderEnv,
  task: RespondTask,
  opening: ChatTurn[],
  answer: string,
  config: RunnableConfig,
): Promise<{ text: string; usage: Usage; execution: Record<string, unknown> }> {
  const usage = noUsage();
  const sandbox = env.runTools?.code;
  if (!sandbox)
    return { text: answer, usage, execution: { status: "not_run", reason: "code execution is not available" } };
  const messages = [...opening];
  let text = answer;
  for (let attempt = 1; ; attempt += 1) {
    const program = programOf(text);
    if (!program)
      return { text, usage, execution: { status: "not_run", reason: "no Python or JavaScript code block" } };
    const material = materialModule(task.content, program.language);
    const harness = harnessProgram(program.language, program.code, material);
    let result: ExecutionResult;
    try {
      // As a runnable, so the run is traced with its program and result like any tool call.
      const context = env.context(task, "verify", "execute_code", config);
      result = await RunnableLambda.from((request: { language: typeof program.language; code: string }) =>
        executeCode({ ...request, allowUnsandboxed: sandbox.allowUnsandboxed }),
      ).invoke({ language: program.language, code: harness.code }, traceConfig(context, "execute_code"));
    } catch (error) {
      return { text, usage, execution: { status: "unavailable", reason: (error as Error).message } };
    }
    const report = harness.read(result.stdout);
    const passed = result.exitCode === 0 && !result.timedOut && !result.memoryExceeded;
    const execution = {
      status: passed ? "passed" : "failed",
      language: program.language,
      ...(material ? { module: material.name } : {}),
      tests: report.tests.map(({ name, status }) => ({ name, status })),
      exitCode: result.exitCode,
      timedOut: result.timedOut,
      memoryExceeded: result.memoryExceeded,
      stdout: report.stdout.slice(0, SHOWN),
      stderr: result.stderr.slice(0, SHOWN),
      durationMs: Math.round(result.durationMs),
      runs: attempt,
    };
    if (passed || attempt > REVISIONS) return { text, usage, execution };
    messages.push(
      { role: "assistant", content: text },
      { role: "user", content: revisionRequest(execution, report.tests) },
    );
    const revised = await nextText(env, messages, env.context(task, "verify", `revise:${attempt}`, config));
    addUsage(usage, revised.usage);
    text = revised.text;
  }
}

/** The failure as the sandbox saw it, and the same rules as the first request (import the material, do not copy it). */
function revisionRequest(
  execution: {
    language: string;
    module?: string;
    exitCode: number | null;
    timedOut: boolean;
    memoryExceeded: boolean;
    stdout: string;
    stderr: string;
  },
  tests: TestResult[],
): string {
  const how = execution.module ? `with the material as module ${execution.module}` : "without the material";
  const outcome = [
    `exit code ${execution.exitCode ?? "none"}`,
    ...(execution.timedOut ? ["timed out"] : []),
    ...(execution.memoryExceeded ? ["out of memory"] : []),
  ].join(", ");
  const results = tests.length
    ? tests.map((test) => `- ${test.name}: ${test.status}${test.message ? ` (${test.message})` : ""}`).join("\n")
    : "(no test ran)";
  return (
    `Your code was run in the sandbox (${execution.language}, its code blocks in order, ${how}) and did not pass: ` +
    `${outcome}.\nTests:\n${results}\nstdout:\n${execution.stdout || "(empty)"}\nstderr:\n${execution.stderr || "(empty)"}\n\n` +
    "Find the cause, in your solution or in a test that expects the wrong thing, and reply with your complete " +
    "corrected answer in the same form as before: the explanation, the solution and its tests, importing from the " +
    "material rather than repeating its code."
  );
}
