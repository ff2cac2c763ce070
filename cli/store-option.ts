// `--store <url>`: the one definition of the flag every command that opens a run takes (run, status, export,
// worker), and how those commands open the run it names.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { Option } from "commander";
import { ConfigError } from "../runtime/errors.js";
import { describeStore, openStore, RUN_DB, storeUrlProblem } from "../runtime/store/open-store.js";
import type { RunStore } from "../runtime/store/run-store.js";

export const STORE_FLAG_HELP =
  "run store shared by workers on many machines: postgres://user@host:5432/db?schema=name " +
  "(default schema public; a password is better kept in PGPASSWORD); absent: <out>/run.db";

/**
 * The `--store <url>` option, checked as it is parsed. Not with commander's InvalidArgumentError: its message
 * echoes the value, and a store URL may hold a password.
 */
export function storeOption(description = STORE_FLAG_HELP): Option {
  return new Option("--store <url>", description).argParser((value: string) => {
    const problem = storeUrlProblem(value);
    if (problem) throw new ConfigError(`--store: ${problem}`);
    return value;
  });
}

/**
 * Open the run a reading command (status, export) names: `--store` when given, else `<out>/run.db`, which must
 * exist. Throws `missing(message)` (the CLI's usage error) when there is no run there.
 */
export async function openExistingRun(
  out: string | undefined,
  store: string | undefined,
  missing: (message: string) => Error,
): Promise<{ store: RunStore; where: string }> {
  if (store) {
    const location = { out: resolve(out ?? "."), store };
    const where = describeStore(location);
    const opened = await openStore(location, { existing: true });
    if ((await opened.getMeta("run_id")) === undefined) {
      await opened.close();
      throw missing(`no run found in ${where} (start one with \`agentinstruct run --store <url>\`)`);
    }
    return { store: opened, where };
  }
  if (!out) throw missing("name the run: its output directory, or --store <url> for a run kept in Postgres");
  const location = { out: resolve(out) };
  const where = describeStore(location);
  if (!existsSync(where)) {
    throw missing(`no run found at ${location.out} (expected ${RUN_DB}; start one with \`agentinstruct run\`)`);
  }
  return { store: await openStore(location), where: location.out };
}
