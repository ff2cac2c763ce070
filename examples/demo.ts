// Run Reading Comprehension over seeds/sample from a TypeScript script, the way a pipeline would.
// With OPENAI_API_KEY or OPENAI_BASE_URL set it uses that model server; without either it starts the
// bundled OpenAI-compatible test server, so the whole flow runs offline (its "model" writes filler text).
//   npm run demo            (after npm ci)
import "dotenv/config";
import { join } from "node:path";
import { exportDataset, openSqliteStore, resolveRunConfig, runSkills } from "../index.js";
import { startTestServer } from "../test/support/openai-test-server.js";

const out = process.argv[2] ?? "outputs/demo";
const env = { ...process.env };
let stopServer: (() => Promise<void>) | undefined;
if (!env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) {
  const server = await startTestServer({ latencyMs: 20 });
  stopServer = () => server.close();
  env.OPENAI_BASE_URL = server.url;
  env.AGENTINSTRUCT_MODEL ??= "openai:test-model";
  console.error(`No OPENAI_API_KEY or OPENAI_BASE_URL: using the offline test server at ${server.url} (filler text).`);
}
env.AGENTINSTRUCT_MODEL ??= "openai:gpt-4o-mini";

try {
  const config = resolveRunConfig(
    { skills: ["reading-comprehension"], seeds: ["seeds/sample"], out, concurrency: 16, forceConfig: true },
    env,
    process.cwd(),
  );
  const outcome = await runSkills(config, {
    onProgress: (progress) => {
      if (progress.phase === "done")
        console.error(
          `LLM calls: ${progress.calls}, tokens in/out: ${progress.tokens.input}/${progress.tokens.output}`,
        );
    },
  });
  for (const file of outcome.dataFiles) console.log(`${file.path}: ${file.rows} records`);
  const store = openSqliteStore(join(config.out, "run.db"));
  try {
    for (const file of await exportDataset(store, { format: "orca", to: join(config.out, "orca"), parquet: true })) {
      console.log(`${file.path}: ${file.rows} rows`);
    }
  } finally {
    await store.close();
  }
  const { items } = outcome.summary;
  console.log(`items: ${items.done} done, ${items.filtered} filtered, ${items.failed} failed of ${items.total}`);
  console.log(`next: npx agentinstruct status ${out}`);
} finally {
  await stopServer?.();
}
