// The project's OpenAI-compatible test server in a child process, so the engine under measurement does not
// share its event loop with the server it calls.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const SERVER = fileURLToPath(new URL("../test/support/openai-test-server.js", import.meta.url));

export async function startServer(options: { latencyMs: number; jitterMs: number; noRateHeaders?: boolean }): Promise<{
  url: string;
  stop: () => void;
}> {
  const args = ["--port", "0", "--latency", String(options.latencyMs), "--jitter", String(options.jitterMs)];
  if (options.noRateHeaders) args.push("--no-rate-headers");
  const child = spawn(process.execPath, [SERVER, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) {
    const match = /listening on (\S+)/.exec(line);
    if (match?.[1]) return { url: match[1], stop: () => child.kill("SIGTERM") };
  }
  throw new Error("the test server did not start");
}
