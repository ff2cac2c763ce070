// The library API, as a script uses it: resolveRunConfig + runSkills in-process, with hooks and a controller.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  exportDataset,
  openSqliteStore,
  RunController,
  type RunProgress,
  resolveRunConfig,
  runSkills,
} from "../index.js";
import { readRecords } from "./support/dataset.js";
import { startTestServer, type TestServer } from "./support/openai-test-server.js";

let server: TestServer;
let corpus: string;
const paragraph =
  "The printing press spread across Europe within fifty years of its invention. Printers moved from city to city, " +
  "carrying type and skills with them, and by 1500 more than two hundred and fifty towns had a press of their own. ";

beforeAll(async () => {
  server = await startTestServer({ latencyMs: 1 });
  corpus = await mkdtemp(join(tmpdir(), "library-corpus-"));
  await writeFile(join(corpus, "a.txt"), paragraph.repeat(4));
  await writeFile(join(corpus, "b-copy.txt"), `${paragraph.repeat(4)}\n`);
  await writeFile(join(corpus, "c-short.txt"), "Too short to teach reading from.");
});
afterAll(async () => {
  await server.close();
});

const configFor = async (overrides: Record<string, unknown> = {}) =>
  resolveRunConfig(
    {
      skills: ["reading-comprehension"],
      seeds: [corpus],
      out: await mkdtemp(join(tmpdir(), "library-out-")),
      model: "openai:test-model",
      concurrency: 4,
      ...overrides,
    },
    { OPENAI_BASE_URL: server.url },
    process.cwd(),
  );

describe("runSkills from a script", () => {
  it("drops exact duplicates, filters seeds too short for the skill, and accounts for every item", async () => {
    const config = await configFor();
    const progress: RunProgress[] = [];
    const outcome = await runSkills(config, { onProgress: (update) => progress.push(structuredClone(update)) });
    expect(outcome.interrupted).toBe(false);
    expect(outcome.summary.items).toMatchObject({ total: 2, done: 1, filtered: 1, failed: 0, pending: 0, running: 0 });
    expect(outcome.summary.skipped).toContainEqual({
      source: `${basename(corpus)}/b-copy.txt#1`,
      reason: `exact duplicate of ${basename(corpus)}/a.txt#1`,
    });
    expect(progress.at(-1)?.phase).toBe("done");
    expect(progress.some((update) => update.items.running > 0)).toBe(true);
    expect(outcome.dataFiles).toEqual([
      { split: "rc", path: join(config.out, "data", "rc.jsonl"), rows: outcome.summary.records },
    ]);
    expect(readRecords(join(config.out, "data", "rc.jsonl"))).toHaveLength(outcome.summary.records);

    const store = openSqliteStore(join(config.out, "run.db"));
    try {
      const filtered = await store.listItems(["filtered"]);
      expect(filtered[0]?.reason).toMatch(/^seed has 32 characters; reading-comprehension needs at least 200$/);
      const files = await exportDataset(store, { format: "native", to: join(config.out, "native") });
      expect(files).toEqual([
        { split: "rc", path: join(config.out, "native", "rc.jsonl"), rows: outcome.summary.records },
      ]);
      expect(readRecords(files[0]?.path ?? "")).toHaveLength(outcome.summary.records);
    } finally {
      await store.close();
    }
  });

  it("lets a skill's responder be replaced through a hook", async () => {
    const config = await configFor({ rounds: 0 });
    const outcome = await runSkills(config, {
      hooks: {
        "reading-comprehension": {
          respond: async (task) => ({
            draftId: task.draft.id,
            turns: [{ role: "assistant", content: `Hooked answer to: ${task.draft.instruction.slice(0, 20)}` }],
            model: "script:hook",
            usage: { input_tokens: 0, output_tokens: 0 },
          }),
        },
      },
    });
    const store = openSqliteStore(join(config.out, "run.db"));
    try {
      const answers: string[] = [];
      for await (const record of store.records()) answers.push(record.messages.at(-1)?.content ?? "");
      expect(answers.length).toBe(outcome.summary.records);
      expect(answers.every((answer) => answer.startsWith("Hooked answer to: "))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it("stops before starting anything when drained, leaving every item pending", async () => {
    const config = await configFor();
    const controller = new RunController();
    controller.drain("test");
    const outcome = await runSkills(config, { controller });
    expect(outcome.interrupted).toBe(true);
    expect(outcome.summary.items.done).toBe(0);
    expect(outcome.summary.calls).toBe(0);
  });
});
