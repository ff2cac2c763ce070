// The Postgres run store against a real server: the conformance suite every backend passes, claims by several
// stores at once (as on several machines), LangGraph checkpoints through the official PostgresSaver, and the
// store URL's schema parameter. Skipped, with the reason printed, where no Postgres answers.
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { Annotation, END, START, StateGraph } from "@langchain/langgraph";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Deduplicator } from "../runtime/dataset/dedup.js";
import { openPostgresStore } from "../runtime/store/postgres-store.js";
import { parsePostgresUrl } from "../runtime/store/postgres-url.js";
import type { DatasetRecord, RunStore } from "../runtime/store/run-store.js";
import { runStoreSuite } from "./run-store.suite.js";
import { ROOT } from "./support/cli.js";
import { dropSchemas, freshSchema, postgresUnavailable } from "./support/postgres.js";

const run = promisify(execFile);
const unavailable = await postgresUnavailable();
if (unavailable) console.warn(`postgres-store tests skipped: ${unavailable}`);

/** Schemas made by the test that is running, dropped once it ends. */
let made: string[] = [];
afterEach(async () => {
  if (unavailable) return;
  await dropSchemas(made);
  made = [];
});

const openFresh = async (prefix: string): Promise<{ store: RunStore; url: string }> => {
  const { schema, url } = freshSchema(prefix);
  made.push(schema);
  return { store: await openPostgresStore(url), url };
};

it("reads the schema from the store URL, and refuses a name that is not plain", () => {
  expect(parsePostgresUrl("postgres://u:secret@db:5432/runs?schema=run_7&sslmode=require")).toEqual({
    connectionString: "postgres://u:secret@db:5432/runs?sslmode=require",
    schema: "run_7",
  });
  expect(parsePostgresUrl("postgresql://db/runs").schema).toBe("public");
  expect(() => parsePostgresUrl("postgres://db/runs?schema=Run-7")).toThrow(/schema "Run-7" is not a plain name/);
  expect(() => parsePostgresUrl("mysql://db/runs")).toThrow(/starts with postgres:\/\//);
});

it("never loads pg for a SQLite store", async () => {
  const dir = await mkdtemp(join(tmpdir(), "no-pg-"));
  // A module hook that names every pg module resolved while a SQLite store is opened through openStore.
  await writeFile(
    join(dir, "hook.mjs"),
    `export async function resolve(specifier, context, next) {
      const result = await next(specifier, context);
      if (/node_modules\\/(pg|pg-pool|@langchain\\/langgraph-checkpoint-postgres)\\//.test(result.url)) console.log("pg:", result.url);
      return result;
    }`,
  );
  await writeFile(
    join(dir, "register.mjs"),
    `import { register } from "node:module"; register(${JSON.stringify(pathToFileURL(join(dir, "hook.mjs")).href)});`,
  );
  const openStoreModule = pathToFileURL(join(ROOT, "dist/runtime/store/open-store.js")).href;
  const script = `const { openStore } = await import(${JSON.stringify(openStoreModule)});
    const store = await openStore({ out: ${JSON.stringify(join(dir, "out"))} });
    await store.addItem({ id: "rc/a", skill: "rc", seedId: "a" });
    console.log("items:", (await store.countItems()).total);
    await store.close();`;
  const { stdout } = await run(process.execPath, [
    "--import",
    join(dir, "register.mjs"),
    "--input-type=module",
    "-e",
    script,
  ]);
  expect(stdout.trim()).toBe("items: 1");
});

describe.skipIf(unavailable !== undefined)(`postgres store${unavailable ? ` (skipped: ${unavailable})` : ""}`, () => {
  runStoreSuite({ name: "postgres", create: async () => (await openFresh("suite")).store });

  it("never gives one item to two stores claiming at once (four pools, as on four machines)", async () => {
    const { store: first, url } = await openFresh("claims");
    const items = Array.from({ length: 200 }, (_, index) => `rc/${String(index).padStart(3, "0")}`);
    for (const id of items) await first.addItem({ id, skill: "rc", seedId: id.slice(3) });
    // The other three open the same schema at the same moment: their DDL waits on the schema lock.
    const others = await Promise.all([1, 2, 3].map(() => openPostgresStore(url)));
    const stores = [first, ...others];
    try {
      const claimed = await Promise.all(
        stores.map(async (store, index) => {
          const worker = `w${index}`;
          const mine: string[] = [];
          for (;;) {
            const batch = await store.claimItems(worker, { limit: 3, leaseMs: 60_000, maxAttempts: 3 });
            if (batch.length === 0) return mine;
            for (const item of batch) {
              mine.push(item.id);
              await store.completeItem(item.id, [], [], worker);
            }
          }
        }),
      );
      const all = claimed.flat();
      expect(all).toHaveLength(200);
      expect(new Set(all).size).toBe(200);
      // Every store did part of the work, and every item ran exactly once.
      for (const mine of claimed) expect(mine.length).toBeGreaterThan(0);
      const done = await first.listItems(["done"]);
      expect(done.map((item) => item.id)).toEqual(items);
      expect(done.every((item) => item.attempts === 1)).toBe(true);
    } finally {
      await Promise.all(others.map((store) => store.close()));
      await first.close();
    }
  });

  it("keeps one of each group of near-duplicates committed at once by four stores (the dedup lock)", async () => {
    const { store: first, url } = await openFresh("dedup");
    const dedup = new Deduplicator({ threshold: 0.8, shingle: 3, permutations: 128, acrossSplits: true });
    const words = (group: number) =>
      Array.from({ length: 30 }, (_, index) => `g${group}w${(index * 7 + group) % 30}`).join(" ");
    // 20 groups of 4 copies; copies 1-3 add a word to the instruction (estimated Jaccard about 0.97).
    const items = Array.from({ length: 80 }, (_, index) => ({ id: `rc/${String(index).padStart(3, "0")}`, index }));
    for (const { id } of items) await first.addItem({ id, skill: "rc", seedId: id.slice(3) });
    const partsOf = (index: number) => {
      // Copies sit next to each other in corpus order, so different stores claim and commit them at once.
      const group = Math.floor(index / 4);
      const copy = index % 4;
      return {
        instruction: `${words(group)}${copy > 0 ? ` extra${copy}` : ""}`,
        context: `passage ${words(group + 100)}`,
      };
    };
    const others = await Promise.all([1, 2, 3].map(() => openPostgresStore(url)));
    const stores = [first, ...others];
    try {
      await Promise.all(
        stores.map(async (store, storeIndex) => {
          const worker = `w${storeIndex}`;
          for (;;) {
            const batch = await store.claimItems(worker, { limit: 1, leaseMs: 60_000, maxAttempts: 3 });
            if (batch.length === 0) return;
            await Promise.all(
              batch.map(async (item) => {
                const index = Number(item.id.slice(3));
                const parts = partsOf(index);
                const record: DatasetRecord = {
                  id: `r${index}`,
                  split: "rc",
                  messages: [
                    { role: "user", content: `${parts.context}\n\n${parts.instruction}` },
                    { role: "assistant", content: "answer" },
                  ],
                  metadata: {
                    skill: "reading-comprehension",
                    seed_id: item.seedId,
                    source: "doc.txt",
                    transformation: "t",
                    instruction_type: "i",
                    refinement: [],
                    models: {},
                    usage: { input_tokens: 0, output_tokens: 0 },
                  },
                };
                const check = dedup.commitCheck(item.id, [{ recordId: record.id, split: "rc", subject: "q.1", parts }]);
                await store.completeItem(item.id, [record], [], worker, check);
              }),
            );
          }
        }),
      );
      const counts = await first.countItems();
      expect(counts).toMatchObject({ done: 20, filtered: 60 });
      const summary = await first.summary();
      expect((summary.dropped.near_duplicate ?? 0) + (summary.dropped.exact_duplicate ?? 0)).toBe(60);
      const kept = new Set<number>();
      for await (const record of first.records()) kept.add(Math.floor(Number(record.id.slice(1)) / 4));
      expect(kept.size).toBe(20);
      expect(await first.countDedupEntries()).toEqual({ "": 20 });
    } finally {
      await Promise.all(others.map((store) => store.close()));
      await first.close();
    }
  });

  it("keeps LangGraph checkpoints in the run's schema until the item is committed", async () => {
    const { store } = await openFresh("checkpoints");
    try {
      const State = Annotation.Root({ count: Annotation<number> });
      const graph = new StateGraph(State)
        .addNode("step", (state) => ({ count: state.count + 1 }))
        .addEdge(START, "step")
        .addEdge("step", END)
        .compile({ checkpointer: store.checkpointer });
      const thread = { configurable: { thread_id: "rc/a" } };
      expect(await graph.invoke({ count: 1 }, thread)).toEqual({ count: 2 });
      expect((await graph.getState(thread)).values).toEqual({ count: 2 });
      await store.addItem({ id: "rc/a", skill: "rc", seedId: "a" });
      await store.claimItems("w1", { limit: 1, leaseMs: 60_000, maxAttempts: 3 });
      await store.completeItem("rc/a", [], [], "w1");
      expect(await store.checkpointer.getTuple(thread)).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it("keeps text with NUL characters, which Postgres text cannot hold, without them", async () => {
    const { store } = await openFresh("nul");
    try {
      const text = "tides\u0000 and the moon";
      expect(await store.addSeed({ id: "s1", text, source: "a.jsonl:1#1", kind: "text" })).toEqual({ added: true });
      expect(await store.addSeed({ id: "s1", text, source: "a.jsonl:1#1", kind: "text" })).toEqual({ added: false });
      expect((await store.getSeed("s1"))?.text).toBe("tides and the moon");
      await store.addItem({ id: "rc/s1", skill: "rc", seedId: "s1" });
      const note = { kind: "dropped" as const, reason: "r", subject: "q\u0000", detail: "d\u0000", answer: "a\u0000" };
      await store.filterItem("rc/s1", "too\u0000 short", [note]);
      expect(await store.itemNotes("rc/s1")).toEqual([{ ...note, subject: "q", detail: "d", answer: "a" }]);
      expect(await store.getItem("rc/s1")).toMatchObject({ status: "filtered", reason: "too short" });
    } finally {
      await store.close();
    }
  });

  it("streams every record in corpus order across many pages", async () => {
    const { store } = await openFresh("records");
    try {
      const record = (id: string, split: string, seedId: string, flagged: boolean) => ({
        id,
        split,
        messages: [{ role: "user" as const, content: id }],
        metadata: {
          skill: "rc",
          seed_id: seedId,
          source: "doc.txt",
          transformation: "t",
          instruction_type: "i",
          refinement: [],
          models: {},
          usage: { input_tokens: 1, output_tokens: 1 },
          ...(flagged ? { flags: ["suspected_prompt_injection"] } : {}),
        },
      });
      for (let index = 0; index < 700; index += 1) {
        const id = `rc/${index}`;
        const seedId = String(index);
        const flagged = index % 10 === 7;
        await store.addItem({ id, skill: "rc", seedId });
        await store.completeItem(id, [
          record(`${index}-a`, "rc", seedId, flagged),
          record(`${index}-b`, index % 2 ? "rc" : "other", seedId, flagged),
        ]);
      }
      const ids: string[] = [];
      for await (const row of store.records("rc")) ids.push(row.id);
      expect(ids).toHaveLength(1050);
      expect(ids.slice(0, 4)).toEqual(["0-a", "1-a", "1-b", "2-a"]);
      expect(ids.at(-1)).toBe("699-b");
      let all = 0;
      for await (const _ of store.records()) all += 1;
      expect(all).toBe(1400);
      expect(await store.splits()).toEqual(["other", "rc"]);
      // Seeds whose records carry the injection flag, counted once each (every tenth seed, two records each).
      const summary = await store.summary();
      expect(summary.records).toBe(1400);
      expect(summary.flaggedSeeds).toBe(70);
    } finally {
      await store.close();
    }
  });
});

afterAll(async () => {
  if (!unavailable) await dropSchemas(made);
});
