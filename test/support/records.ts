// The records a finished run left in its store, in store order.
import { join } from "node:path";
import { openSqliteStore } from "../../index.js";
import type { DatasetRecord } from "../../runtime/store/run-store.js";

export async function readRecords(out: string): Promise<DatasetRecord[]> {
  const store = openSqliteStore(join(out, "run.db"));
  try {
    const records: DatasetRecord[] = [];
    for await (const record of store.records()) records.push(record);
    return records;
  } finally {
    await store.close();
  }
}
