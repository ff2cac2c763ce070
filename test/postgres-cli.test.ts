// The CLI on a Postgres run store, as a user runs it: `run --store` against the test server, `status --store` and
// `export --store` reading it back, the same dataset and numbers as the same run on SQLite, and clear messages
// (password hidden) when the store cannot be used. Skipped, with the reason printed, where no Postgres answers.
import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, sampleRunArgs, testServerEnv } from "./support/cli.js";
import { type ParsedRecord, readRecords } from "./support/dataset.js";
import { startTestServer, type TestServer } from "./support/openai-test-server.js";
import { dropSchemas, freshSchema, postgresUnavailable, TEST_POSTGRES } from "./support/postgres.js";

const unavailable = await postgresUnavailable();
if (unavailable) console.warn(`postgres CLI tests skipped: ${unavailable}`);

let server: TestServer;
let work: string;
/** The same run on SQLite: what the Postgres run must match. */
let baseline: { records: ParsedRecord[]; summary: Record<string, unknown> };
const schemas: string[] = [];

const env = () => testServerEnv(server.url);
const statusJson = async (...args: string[]) => {
  const result = await runCli(["status", ...args, "--json"]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};

describe.skipIf(unavailable !== undefined)(
  `CLI on a Postgres store${unavailable ? ` (skipped: ${unavailable})` : ""}`,
  () => {
    beforeAll(async () => {
      server = await startTestServer({ latencyMs: 2 });
      work = await mkdtemp(join(tmpdir(), "postgres-cli-"));
      const out = join(work, "sqlite");
      const result = await runCli(sampleRunArgs(out, "--concurrency", "8", "--workers", "1"), { env: env() });
      expect(result.code, result.stderr).toBe(0);
      baseline = { records: readRecords(join(out, "data", "rc.jsonl")), summary: await statusJson(out) };
      expect(baseline.records.length).toBeGreaterThan(30);
    });
    afterAll(async () => {
      await server?.close();
      await dropSchemas(schemas);
    });

    it("runs to done in Postgres, and status and export read it back: the same dataset as on SQLite", async () => {
      const { schema, url } = freshSchema("cli");
      schemas.push(schema);
      const out = join(work, "postgres");
      server.reset();
      const run = await runCli(sampleRunArgs(out, "--concurrency", "8", "--workers", "2", "--store", url), {
        env: env(),
      });
      expect(run.code, run.stderr).toBe(0);
      // The run's state lives in Postgres, not in the output directory.
      expect(existsSync(join(out, "run.db"))).toBe(false);
      expect(run.stderr).toContain(`Run at ${url}`);
      expect(run.stderr).toContain(
        `Data: in the store; write it with \`agentinstruct export --store '${url}' --to <dir>\``,
      );

      const summary = await statusJson("--store", url);
      expect(summary.items).toEqual(baseline.summary.items);
      expect(summary.items).toMatchObject({ pending: 0, running: 0, failed: 0 });
      for (const key of ["records", "seeds", "calls", "tokens", "bySkill"])
        expect(summary[key]).toEqual(baseline.summary[key]);
      const text = await runCli(["status", "--store", url]);
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toContain(`Run at ${url}`);

      const to = join(work, "export");
      const exported = await runCli(["export", "--store", url, "--format", "native", "--to", to]);
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stdout).toContain(`${join(to, "rc.jsonl")}\t${baseline.records.length} rows`);
      const records = readRecords(join(to, "rc.jsonl"));
      // Export is in corpus order; the baseline's data file in commit order, which the timing decides: compare sets.
      const byId = (rows: typeof records) => [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));
      expect(byId(records)).toEqual(byId(baseline.records));

      // Run again: everything is done, so nothing is sent to the model.
      const calls = server.completions;
      const again = await runCli(sampleRunArgs(out, "--concurrency", "8", "--workers", "2", "--store", url), {
        env: env(),
      });
      expect(again.code, again.stderr).toBe(0);
      expect(server.completions).toBe(calls);
    });

    it("takes the store from the config file, and refuses a different configuration in the same schema", async () => {
      const { schema, url } = freshSchema("cli_config");
      schemas.push(schema);
      const out = join(work, "config");
      const config = join(work, "store.config.json");
      await writeFile(config, JSON.stringify({ store: url }));
      const first = await runCli(sampleRunArgs(out, "--rounds", "0", "--limit", "2", "--config", config), {
        env: env(),
      });
      expect(first.code, first.stderr).toBe(0);
      expect(existsSync(join(out, "run.db"))).toBe(false);
      expect((await statusJson("--store", url)).items).toMatchObject({ pending: 0, running: 0 });
      const changed = await runCli(sampleRunArgs(out, "--rounds", "1", "--limit", "2", "--store", url), { env: env() });
      expect(changed.code).toBe(1);
      expect(changed.stderr).toContain(`${url} holds a run with a different configuration (changed: rounds)`);
      expect(changed.stderr).toContain("another schema");
    });

    it("estimates in its scratch directory even when the config file names a run store", async () => {
      const { schema, url } = freshSchema("cli_estimate");
      schemas.push(schema);
      const config = join(work, "estimate.config.json");
      await writeFile(config, JSON.stringify({ store: url }));
      const args = sampleRunArgs(join(work, "estimate"), "--config", config, "--sample", "1", "--json");
      const estimate = await runCli(["estimate", ...args.slice(1)], { env: env() });
      expect(estimate.code, estimate.stderr).toBe(0);
      const missing = await runCli(["status", "--store", url]);
      expect(missing.stderr).toContain(`schema ${schema} holds no run`);
    });

    it("says which store cannot be opened and why, never printing its password", async () => {
      const unreachable = "postgres://postgres:hunter2@127.0.0.1:1/test?schema=nowhere";
      for (const args of [
        ["status", "--store", unreachable],
        ["export", "--store", unreachable, "--to", join(work, "never")],
        sampleRunArgs(join(work, "never"), "--store", unreachable),
      ]) {
        const result = await runCli(args, { env: env() });
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(
          "error: cannot open the run store postgres://postgres:***@127.0.0.1:1/test?schema=nowhere: connect ECONNREFUSED",
        );
        expect(result.stderr + result.stdout).not.toContain("hunter2");
        expect(result.stderr).not.toMatch(/\n\s+at /);
      }
      const empty = await runCli(["status", "--store", `${TEST_POSTGRES}?schema=no_run_here`]);
      expect(empty.code).toBe(1);
      expect(empty.stderr).toContain("schema no_run_here holds no run");
      const bad = await runCli(["status", "--store", "postgres://u:hunter2@db/x?schema=Bad-Name"]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('--store: schema "Bad-Name" is not a plain name');
      expect(bad.stderr).not.toContain("hunter2");
      const none = await runCli(["status"]);
      expect(none.code).toBe(1);
      expect(none.stderr).toContain("name the run: its output directory, or --store <url>");
    });
  },
);
