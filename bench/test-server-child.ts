// The test server as a child process that a bench can ask, over IPC, for the request bodies it received
// (`take` hands them over and forgets them). Without `--keep-requests` it forgets them every second, so a
// run of hundreds of thousands of calls does not grow the server's memory.
import { startTestServer } from "../test/support/openai-test-server.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const keep = args.includes("--keep-requests");

const server = await startTestServer({
  port: 0,
  latencyMs: option("--latency", 1),
  jitterMs: option("--jitter", 0),
  noRateHeaders: args.includes("--no-rate-headers"),
});
if (!keep) setInterval(() => server.requests.splice(0), 1000).unref();
process.on("message", (message: { type: string }) => {
  if (message.type !== "take") return;
  const bodies = server.requests.map((request) => request.body);
  server.requests.splice(0);
  process.send?.({ type: "bodies", bodies });
});
process.once("SIGTERM", () => {
  server.close().then(() => process.exit(0));
});
console.log(`test server listening on ${server.url}`);
// Never outlive the bench that started it.
process.once("disconnect", () => process.exit(0));
