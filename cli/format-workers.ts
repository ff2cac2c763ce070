// `status`: the workers that joined the run and the leases that ran out (a worker that stopped heartbeating).
import type { StaleLease, WorkerInfo } from "../runtime/store/run-store.js";

function ago(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 120) return `${seconds}s ago`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}m ago`;
  return `${Math.round(seconds / 3600)}h ago`;
}

/** The workers table and the stale leases; empty when no worker ever joined. */
export function formatWorkers(workers: readonly WorkerInfo[], stale: readonly StaleLease[], now = Date.now()): string {
  if (workers.length === 0 && stale.length === 0) return "";
  const rows = [
    ["worker", "host", "pid", "in flight", "leases", "finished", "last heartbeat", "left"],
    ...workers.map((worker) => [
      worker.id,
      worker.host,
      String(worker.pid),
      String(worker.inFlight),
      String(worker.leases),
      String(worker.finished),
      ago(worker.lastHeartbeat, now),
      worker.leftAt ? ago(worker.leftAt, now) : "-",
    ]),
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  const table = rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd(),
  );
  const lines = [`Workers (${workers.length}):`, ...table.map((line) => `  ${line}`)];
  if (stale.length > 0) {
    lines.push(`Stale leases (${stale.length}; their workers stopped heartbeating, another worker takes them over):`);
    for (const lease of stale.slice(0, 20)) {
      lines.push(`  ${lease.item}  held by ${lease.worker}, expired ${ago(lease.expiredAt, now)}`);
    }
    if (stale.length > 20) lines.push(`  … and ${stale.length - 20} more`);
  }
  return lines.join("\n");
}
