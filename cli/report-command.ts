// `agentinstruct report`: the run's report as one HTML file that opens from disk with no network.
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { runTaxonomies } from "../runner/run-taxonomies.js";
import { reportData } from "../runtime/dataset/report-data.js";
import { renderReport } from "../runtime/dataset/report-html.js";
import type { RunStore } from "../runtime/store/run-store.js";

export const REPORT_FILE = "report.html";

/** Write the report of the run in `store` to `to` (default `<out>/report.html`); returns its path and size. */
export async function writeReport(
  store: RunStore,
  options: { where: string; out: string; to?: string; sample?: number },
): Promise<{ path: string; bytes: number }> {
  const taxonomies = await runTaxonomies(store);
  const data = await reportData(store, { where: options.where, taxonomies, sample: options.sample });
  const path = resolve(options.to ?? join(options.out, REPORT_FILE));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderReport(data));
  return { path, bytes: statSync(path).size };
}
