// Who a worker is: one per process, unique across machines and restarts (`<host>:<pid>:<random>`). The host and
// pid also let a worker on the same machine tell that another one has died (its pid is gone).
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { WorkerIdentity } from "../runtime/store/run-store.js";

export function newWorkerIdentity(): WorkerIdentity {
  const host = hostname();
  return { id: `${host}:${process.pid}:${randomBytes(4).toString("hex")}`, host, pid: process.pid };
}

/** Whether a worker that registered from this machine still has a live process (false only when it surely died). */
export function isGoneHere(worker: { host: string; pid: number }): boolean {
  if (worker.host !== hostname() || worker.pid === process.pid) return false;
  try {
    process.kill(worker.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
