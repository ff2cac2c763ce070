// What an earlier run's replies were like: mean output tokens per skill and agent over its paid calls (not
// answered from the cache, not failed), read from the calls table of its run.db, opened read-only so the
// estimate that asks leaves that run exactly as it was.
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { InputError } from "../errors.js";

export interface OutputTokenStat {
  skill: string;
  agent: string;
  calls: number;
  meanOutputTokens: number;
}

export function readOutputTokenStats(dbPath: string): OutputTokenStat[] {
  if (!existsSync(dbPath)) throw new InputError(`no run found at ${dbPath} (--from needs an earlier run's --out)`);
  let db: Database.Database;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new InputError(`cannot read ${dbPath}: ${(error as Error).message}`, { cause: error });
  }
  try {
    // An item id is <skill>/<seed id>: the skill is what comes before the first slash.
    const rows = db
      .prepare(
        `SELECT substr(item_id, 1, instr(item_id, '/') - 1) AS skill, agent, COUNT(*) AS calls,
                AVG(output_tokens) AS mean
           FROM calls WHERE cached = 0 AND error IS NULL GROUP BY skill, agent ORDER BY skill, agent`,
      )
      .all() as Array<{ skill: string; agent: string; calls: number; mean: number }>;
    return rows.map((row) => ({ skill: row.skill, agent: row.agent, calls: row.calls, meanOutputTokens: row.mean }));
  } finally {
    db.close();
  }
}
