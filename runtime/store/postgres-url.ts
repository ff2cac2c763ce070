// What a postgres:// store URL says: a libpq connection URL plus one parameter of ours, `schema` (default
// `public`). Every table of the run, LangGraph's checkpoints included, lives in that schema, so one database holds
// many runs side by side. Kept apart from postgres-store.ts so checking a URL never loads pg.

export const DEFAULT_SCHEMA = "public";
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresLocation {
  /** The URL without `schema`, for pg. */
  connectionString: string;
  schema: string;
}

/** Parse a store URL, or throw an Error saying what is wrong with it (without echoing it: it may hold a password). */
export function parsePostgresUrl(url: string): PostgresLocation {
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error("a store URL starts with postgres:// or postgresql://");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("the store URL cannot be parsed (percent-encode @ : / in a password)");
  }
  const schema = parsed.searchParams.get("schema") ?? DEFAULT_SCHEMA;
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(
      `schema "${schema}" is not a plain name: use lower-case letters, digits and _ (at most 63, not starting with a digit)`,
    );
  }
  parsed.searchParams.delete("schema");
  return { connectionString: parsed.toString(), schema };
}
