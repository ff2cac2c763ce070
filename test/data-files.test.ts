// <out>/data/<split>.jsonl grows by appending each committed record exactly once, in commit order: across a SIGKILL
// at the worst instants (half a line written; every line written but the marks not committed), with several
// processes appending to one run at once, and when a file was deleted or cut short. Workers are real child processes
// (test/support/data-append-child.ts, built into dist/) on a real SQLite run store.
import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { exportDataset } from "../runtime/export/export-dataset.js";
import { appendRunData } from "../runtime/export/run-data-files.js";
import type { DatasetRecord } from "../runtime/store/run-store.js";
import { openSqliteStore } from "../runtime/store/sqlite-store.js";

const CHILD = fileURLToPath(new URL("../dist/test/support/data-append-child.js", import.meta.url));

const record = (id: string, split = "rc"): DatasetRecord => ({
  id,
  split,
  messages: [
    { role: "user", content: `question ${id}` },
    { role: "assistant", content: `answer ${id}` },
  ],
  metadata: {
    skill: "reading-comprehension",
    seed_id: id,
    source: `doc.txt#${id}`,
    transformation: "debate",
    instruction_type: "inference",
    refinement: [],
    models: { respond: "openai:test" },
    usage: { input_tokens: 10, output_tokens: 5 },
  },
});

/** The lines of a JSONL file; a file must end with a newline (a torn last line fails here). */
function lines(path: string): string[] {
  const text = readFileSync(path, "utf8");
  expect(text.endsWith("\n")).toBe(true);
  return text.slice(0, -1).split("\n");
}

const ids = (path: string) => lines(path).map((line) => (JSON.parse(line) as DatasetRecord).id);

async function newOut(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), "data-files-")), "out");
}

/** The appended files hold exactly the rows of a full export of the store (each once; order aside). */
async function expectExactlyOnce(out: string): Promise<number> {
  const store = openSqliteStore(join(out, "run.db"));
  try {
    const exported = await exportDataset(store, { format: "native", to: join(out, "export") });
    expect(readdirSync(join(out, "data")).sort()).toEqual(exported.map((file) => `${file.split}.jsonl`).sort());
    let rows = 0;
    for (const file of exported) {
      const appended = lines(join(out, "data", `${file.split}.jsonl`));
      expect(new Set(appended).size).toBe(appended.length);
      expect([...appended].sort()).toEqual(lines(file.path).sort());
      rows += appended.length;
    }
    expect(rows).toBe((await store.summary()).records);
    return rows;
  } finally {
    await store.close();
  }
}

function worker(
  out: string,
  prefix: string,
  count: number,
  ...extra: string[]
): ChildProcess & { done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  const child = spawn(process.execPath, [CHILD, out, prefix, String(count), "3", ...extra], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, stderr })),
  );
  return Object.assign(child, { done });
}

/** Each worker commits its items in order, so its records appear in that order (commit order). */
function expectCommitOrderPerWorker(path: string, prefixes: string[]): void {
  for (const prefix of prefixes) {
    const own = ids(path)
      .filter((id) => id.startsWith(`${prefix}-`))
      .map((id) => id.split("-").slice(1).map(Number));
    const sorted = [...own].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0));
    expect(own).toEqual(sorted);
  }
}

describe("data files in one process", () => {
  it("append each committed item's records once, in commit order, never rewriting what is there", async () => {
    const out = await newOut();
    const store = openSqliteStore(join(out, "run.db"));
    try {
      for (const id of ["a", "b", "c"]) await store.addItem({ id: `rc/${id}`, skill: "rc", seedId: id });
      const rc = join(out, "data", "rc.jsonl");
      await store.completeItem("rc/c", [record("c0"), record("c1", "mcq")]);
      expect(appendRunData(store, out)).toEqual([
        { split: "mcq", path: join(out, "data", "mcq.jsonl"), rows: 1 },
        { split: "rc", path: rc, rows: 1 },
      ]);
      const first = readFileSync(rc, "utf8");
      await store.completeItem("rc/a", [record("a0"), record("a1")]);
      appendRunData(store, out);
      const second = readFileSync(rc, "utf8");
      expect(second.startsWith(first)).toBe(true);
      await store.completeItem("rc/b", [record("b0")]);
      appendRunData(store, out);
      // Nothing new: the files stay as they are.
      expect(appendRunData(store, out)).toEqual([
        { split: "mcq", path: join(out, "data", "mcq.jsonl"), rows: 1 },
        { split: "rc", path: rc, rows: 4 },
      ]);
      expect(readFileSync(rc, "utf8").startsWith(second)).toBe(true);
      expect(ids(rc)).toEqual(["c0", "a0", "a1", "b0"]);
      expect(lines(rc)[0]).toBe(JSON.stringify(record("c0")));
      // An export keeps corpus order.
      const exported = await exportDataset(store, { format: "native", to: join(out, "export") });
      expect(ids(exported.find((file) => file.split === "rc")?.path ?? "")).toEqual(["a0", "a1", "b0", "c0"]);
    } finally {
      await store.close();
    }
    expect(await expectExactlyOnce(out)).toBe(5);
  });

  it("cut a torn or uncommitted tail, and write a deleted or shortened file again", async () => {
    const out = await newOut();
    const store = openSqliteStore(join(out, "run.db"));
    const rc = join(out, "data", "rc.jsonl");
    try {
      for (let index = 0; index < 5; index += 1) {
        await store.addItem({ id: `rc/${index}`, skill: "rc", seedId: String(index) });
        await store.completeItem(`rc/${index}`, [record(`r${index}`), record(`s${index}`)]);
      }
      appendRunData(store, out);
      const whole = readFileSync(rc, "utf8");
      appendFileSync(rc, '{"id":"half a li');
      appendRunData(store, out);
      expect(readFileSync(rc, "utf8")).toBe(whole);
      appendFileSync(rc, `${JSON.stringify(record("r4"))}\n`);
      appendRunData(store, out);
      expect(readFileSync(rc, "utf8")).toBe(whole);
      rmSync(rc);
      expect(appendRunData(store, out)).toEqual([{ split: "rc", path: rc, rows: 10 }]);
      expect(readFileSync(rc, "utf8")).toBe(whole);
      truncateSync(rc, whole.length - 10);
      appendRunData(store, out);
      expect(readFileSync(rc, "utf8")).toBe(whole);
      rmSync(join(out, "data"), { recursive: true });
      appendRunData(store, out);
      expect(readFileSync(rc, "utf8")).toBe(whole);
      await store.addItem({ id: "rc/new", skill: "rc", seedId: "new" });
      await store.completeItem("rc/new", [record("new")]);
      appendRunData(store, out);
      expect(readFileSync(rc, "utf8")).toBe(`${whole}${JSON.stringify(record("new"))}\n`);
    } finally {
      await store.close();
    }
  });

  it("number the records of a run.db from before commit sequences, and append after them", async () => {
    const out = await newOut();
    const store = openSqliteStore(join(out, "run.db"));
    for (const id of ["a", "b"]) await store.addItem({ id: `rc/${id}`, skill: "rc", seedId: id });
    await store.close();
    // The records table as releases before commit sequences made it, with rows of items 2 and 1.
    const old = new Database(join(out, "run.db"));
    old.exec(`DROP TABLE records; CREATE TABLE records (
      id TEXT PRIMARY KEY, item_ordinal INTEGER NOT NULL, position INTEGER NOT NULL,
      split TEXT NOT NULL, data TEXT NOT NULL)`);
    const insert = old.prepare("INSERT INTO records VALUES (?, ?, ?, 'rc', ?)");
    insert.run("b0", 2, 0, JSON.stringify(record("b0")));
    insert.run("a1", 1, 1, JSON.stringify(record("a1")));
    insert.run("a0", 1, 0, JSON.stringify(record("a0")));
    old.close();
    // A file the old end-of-run rewrite left, behind the store: without marks, it is written again from the store.
    const rc = join(out, "data", "rc.jsonl");
    mkdirSync(join(out, "data"));
    writeFileSync(rc, `${JSON.stringify(record("a0"))}\n`);
    const reopened = openSqliteStore(join(out, "run.db"));
    try {
      appendRunData(reopened, out);
      expect(ids(rc)).toEqual(["a0", "a1", "b0"]);
      await reopened.addItem({ id: "rc/c", skill: "rc", seedId: "c" });
      await reopened.completeItem("rc/c", [record("c0")]);
      appendRunData(reopened, out);
      expect(ids(rc)).toEqual(["a0", "a1", "b0", "c0"]);
    } finally {
      await reopened.close();
    }
  });

  it("export pages through the store without losing a record at a page boundary", async () => {
    const out = await newOut();
    const store = openSqliteStore(join(out, "run.db"));
    try {
      for (const id of ["a", "b"]) await store.addItem({ id: `rc/${id}`, skill: "rc", seedId: id });
      await store.completeItem("rc/a", [record("a")]);
      // An item committed twice with other records (a run from before leases): positions repeat within the item.
      const many = (tag: string) => Array.from({ length: 1200 }, (_, index) => record(`${tag}${index}`));
      await store.completeItem("rc/b", many("x"));
      await store.completeItem("rc/b", many("y"));
      const [file] = await exportDataset(store, { format: "native", to: join(out, "export") });
      expect(file?.rows).toBe(2401);
      expect(new Set(ids(file?.path ?? "")).size).toBe(2401);
    } finally {
      await store.close();
    }
  });

  it("leave data files to export for a store that keeps none", () => {
    const store = { dataFiles: undefined } as unknown as Parameters<typeof appendRunData>[0];
    expect(appendRunData(store, "/nonexistent/out")).toBeUndefined();
  });
});

describe("data files with worker processes", () => {
  it.each(["half", "whole"])(
    "a worker SIGKILLed in an append (%s of its bytes written, marks not committed) leaves files the next append repairs",
    async (how) => {
      const out = await newOut();
      expect((await worker(out, "p", 4).done).code).toBe(0);
      // Splits are appended in name order: the kill lands in mcq.jsonl.
      const mcq = join(out, "data", "mcq.jsonl");
      const before = readFileSync(mcq, "utf8");
      const killed = await worker(out, "k", 3, "--die-in-append", how).done;
      expect(killed.signal, killed.stderr).toBe("SIGKILL");
      const torn = readFileSync(mcq, "utf8");
      expect(torn.startsWith(before)).toBe(true);
      expect(torn.length).toBeGreaterThan(before.length);
      // Half: the file ends inside a line. Whole: the new lines are all there, but were never committed as appended.
      if (how === "half") expect(torn.endsWith("\n")).toBe(false);
      else expect(torn.slice(before.length)).toContain('"id":"k-0-2"');
      expect((await worker(out, "q", 2).done).code).toBe(0);
      expect(await expectExactlyOnce(out)).toBe((4 + 1 + 2) * 3);
      expect(ids(mcq).filter((id) => id.startsWith("k-"))).toEqual(["k-0-2"]);
      expect(ids(join(out, "data", "rc.jsonl")).filter((id) => id.startsWith("k-"))).toEqual(["k-0-0", "k-0-1"]);
    },
  );

  it("two workers appending to one run at once: every record once, each worker's in its commit order", async () => {
    const out = await newOut();
    // The store exists before both start, as when `run --workers 2` starts its workers.
    await openSqliteStore(join(out, "run.db")).close();
    const results = await Promise.all([worker(out, "p", 150).done, worker(out, "q", 150).done]);
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    expect(await expectExactlyOnce(out)).toBe(900);
    expectCommitOrderPerWorker(join(out, "data", "rc.jsonl"), ["p", "q"]);
    expectCommitOrderPerWorker(join(out, "data", "mcq.jsonl"), ["p", "q"]);
  });

  it("workers SIGKILLed at random instants beside a live one: every committed record once", async () => {
    const out = await newOut();
    await openSqliteStore(join(out, "run.db")).close();
    const live = worker(out, "live", 400);
    for (let round = 0; round < 5; round += 1) {
      // Far more than it can commit before the kill, so it is always killed mid-run, whatever the machine's speed.
      const victim = worker(out, `v${round}`, 4000);
      await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 400));
      victim.kill("SIGKILL");
      expect((await victim.done).signal).toBe("SIGKILL");
    }
    expect((await live.done).code).toBe(0);
    // The next run's append (here: a last worker) repairs whatever the last kill left.
    expect((await worker(out, "last", 1).done).code).toBe(0);
    const rows = await expectExactlyOnce(out);
    expect(rows).toBeGreaterThan(400 * 3);
    expectCommitOrderPerWorker(join(out, "data", "rc.jsonl"), ["live", "v0", "v1", "v2", "v3", "v4"]);
  });
});
