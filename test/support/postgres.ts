// The real Postgres the tests use (trust auth, database `test`): each test gets a schema of its own, dropped after,
// so parallel tests and other suites on the same server never see each other's rows.
import { randomBytes } from "node:crypto";
import pg from "pg";

export const TEST_POSTGRES = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Why Postgres cannot be used here, or undefined when it answers. */
export async function postgresUnavailable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (error) {
    return `no Postgres at ${TEST_POSTGRES}: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A fresh schema name (not created yet) and the store URL naming it. */
export function freshSchema(prefix: string): { schema: string; url: string } {
  const schema = `${prefix}_${randomBytes(5).toString("hex")}`;
  return { schema, url: `${TEST_POSTGRES}?schema=${schema}` };
}

export async function dropSchemas(schemas: readonly string[]): Promise<void> {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: TEST_POSTGRES });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
