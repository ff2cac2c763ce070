import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { expect, it } from "vitest";
import { openSqliteStore } from "../runtime/store/sqlite-store.js";
import { runStoreSuite } from "./run-store.suite.js";

runStoreSuite({
  name: "sqlite",
  create: async () => openSqliteStore(join(await mkdtemp(join(tmpdir(), "store-")), "run.db")),
});

it("opens a run.db from before the call log kept what cache hits saved", async () => {
  const path = join(await mkdtemp(join(tmpdir(), "store-old-")), "run.db");
  const old = new Database(path);
  old.exec(`CREATE TABLE calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT, item_id TEXT NOT NULL, agent TEXT NOT NULL, role TEXT NOT NULL,
    model TEXT NOT NULL, input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL,
    latency_ms INTEGER NOT NULL, attempts INTEGER NOT NULL, cached INTEGER NOT NULL, error TEXT, at TEXT NOT NULL)`);
  old
    .prepare("INSERT INTO calls VALUES (NULL, 'rc/a', 'respond', 'respond', 'openai:m', 10, 2, 5, 1, 0, NULL, 'then')")
    .run();
  old.close();
  const store = openSqliteStore(path);
  try {
    const hit = { itemId: "rc/a", agent: "respond", role: "respond", model: "openai:m", latencyMs: 0, attempts: 0 };
    await store.recordCall({
      ...hit,
      cached: true,
      usage: { input_tokens: 0, output_tokens: 0 },
      savedUsage: { input_tokens: 10, output_tokens: 2 },
      savedUsd: 0.01,
    });
    const calls = await store.itemCalls("rc/a");
    expect(calls.map((call) => call.savedUsd)).toEqual([undefined, 0.01]);
    expect((await store.summary()).cache).toEqual({ hits: 1, savedUsd: 0.01, savedTokens: { input: 10, output: 2 } });
  } finally {
    await store.close();
  }
});
