// The group commit every SQLite file of a run writes through (runtime/store/sqlite-writes.ts): writes of one turn
// share a transaction, a write's promise settles only once it is on disk, and one failing write costs no other.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GroupCommit } from "../runtime/store/sqlite-writes.js";

let dir: string;
let db: Database.Database;
let other: Database.Database;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "group-commit-"));
  db = new Database(join(dir, "x.db"));
  db.pragma("journal_mode = WAL");
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)");
  // A second connection, as another process would see the file.
  other = new Database(join(dir, "x.db"));
});

afterEach(async () => {
  other.close();
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const rowsSeenElsewhere = () =>
  (other.prepare("SELECT v FROM t ORDER BY id").all() as Array<{ v: string }>).map((r) => r.v);

describe("group commit", () => {
  it("commits the writes of one turn together, and each promise settles after the commit", async () => {
    const writes = new GroupCommit(db);
    const insert = db.prepare("INSERT INTO t (v) VALUES (?)");
    const seenAtResolve: string[][] = [];
    const all = ["a", "b", "c"].map((v) =>
      writes
        .run(() => insert.run(v).lastInsertRowid)
        .then((id) => {
          seenAtResolve.push(rowsSeenElsewhere());
          return id;
        }),
    );
    // Queued, not yet written: another connection sees nothing until the turn ends.
    expect(rowsSeenElsewhere()).toEqual([]);
    expect(await Promise.all(all)).toEqual([1, 2, 3]);
    // Every promise settled after all three were on disk: one transaction.
    expect(seenAtResolve).toEqual([
      ["a", "b", "c"],
      ["a", "b", "c"],
      ["a", "b", "c"],
    ]);
  });

  it("undoes only the failing write and rejects only its promise", async () => {
    const writes = new GroupCommit(db);
    const insert = db.prepare("INSERT INTO t (v) VALUES (?)");
    const first = writes.run(() => insert.run("same"));
    // Two statements: the first is undone with the second's failure (a savepoint each), the others stay.
    const failing = writes.run(() => {
      insert.run("half");
      insert.run("same");
    });
    const last = writes.run(() => insert.run("last"));
    await expect(first).resolves.toBeDefined();
    await expect(failing).rejects.toThrow(/UNIQUE constraint failed/);
    await expect(last).resolves.toBeDefined();
    expect(rowsSeenElsewhere()).toEqual(["same", "last"]);
  });

  it("rejects every write of a group whose transaction cannot start, and later groups still commit", async () => {
    db.pragma("busy_timeout = 0");
    const writes = new GroupCommit(db);
    const insert = db.prepare("INSERT INTO t (v) VALUES (?)");
    // Another process holds the write lock.
    other.prepare("BEGIN IMMEDIATE").run();
    const blocked = [writes.run(() => insert.run("x")), writes.run(() => insert.run("y"))];
    for (const write of blocked) await expect(write).rejects.toThrow(/database is locked/);
    other.prepare("COMMIT").run();
    await writes.run(() => insert.run("z"));
    expect(rowsSeenElsewhere()).toEqual(["z"]);
  });

  it("flush writes what is queued at once (a store that closes leaves nothing behind)", async () => {
    const writes = new GroupCommit(db);
    const done = writes.run(() => db.prepare("INSERT INTO t (v) VALUES (?)").run("now"));
    writes.flush();
    expect(rowsSeenElsewhere()).toEqual(["now"]);
    await done;
  });
});
