import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteStore } from "../runtime/store/sqlite-store.js";
import { runStoreSuite } from "./run-store.suite.js";

runStoreSuite({
  name: "sqlite",
  create: async () => openSqliteStore(join(await mkdtemp(join(tmpdir(), "store-")), "run.db")),
});
