// The conformance suite every shared-limits backend must pass (runtime/models/shared-limits.ts): in-process,
// SQLite, Postgres and Redis decide buckets and budgets the same way.
import { afterEach, describe, expect, it } from "vitest";
import type { BucketSpec, SharedLimits } from "../runtime/models/shared-limits.js";

export interface LimitsFactory {
  name: string;
  /** Opens the backend on a place of its own; `again` opens a second connection to that same place. */
  create(): Promise<{ limits: SharedLimits; again?: () => Promise<SharedLimits> }>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** 1 per second, a bucket of 5: what refills while a test runs, even on a busy machine, stays well under 1. */
const bucket = (key: string, size = 5): BucketSpec => ({ key, ratePerMs: 0.001, size });

export function sharedLimitsSuite(factory: LimitsFactory): void {
  describe(`shared limits conformance: ${factory.name}`, () => {
    const opened: SharedLimits[] = [];
    const open = async () => {
      const created = await factory.create();
      opened.push(created.limits);
      const again = created.again;
      return {
        limits: created.limits,
        again: again
          ? async () => {
              const second = await again();
              opened.push(second);
              return second;
            }
          : undefined,
      };
    };
    afterEach(async () => {
      for (const limits of opened.splice(0)) await limits.close();
    });

    it("starts a bucket full, takes until it is empty, then says how long until a share is back", async () => {
      const { limits } = await open();
      const spec = bucket("a");
      for (let take = 0; take < 5; take += 1) expect(await limits.take([{ ...spec, amount: 1 }])).toBe(0);
      const waitMs = await limits.take([{ ...spec, amount: 1 }]);
      expect(waitMs).toBeGreaterThan(0);
      expect(waitMs).toBeLessThanOrEqual(1000);
      await sleep(waitMs + 5);
      expect(await limits.take([{ ...spec, amount: 1 }])).toBe(0);
    });

    it("takes from several buckets all or nothing", async () => {
      const { limits } = await open();
      const wide = bucket("wide");
      const narrow = bucket("narrow", 2);
      expect(
        await limits.take([
          { ...wide, amount: 1 },
          { ...narrow, amount: 2 },
        ]),
      ).toBe(0);
      expect(
        await limits.take([
          { ...wide, amount: 1 },
          { ...narrow, amount: 2 },
        ]),
      ).toBeGreaterThan(0);
      // The refused take left the wide bucket as it was: its 4 are all there.
      expect(await limits.take([{ ...wide, amount: 4 }])).toBe(0);
      expect(await limits.take([{ ...wide, amount: 1 }])).toBeGreaterThan(0);
    });

    it("lets a take larger than the bucket go when it is full, below zero, which later takes wait out", async () => {
      const { limits } = await open();
      const spec = bucket("big");
      expect(await limits.take([{ ...spec, amount: 8 }])).toBe(0);
      const waitMs = await limits.take([{ ...spec, amount: 1 }]);
      expect(waitMs).toBeGreaterThan(3000);
      expect(waitMs).toBeLessThanOrEqual(4000);
    });

    it("gives back what requests did not use, at most to full, and caps at what the provider says remains", async () => {
      const { limits } = await open();
      const spec = bucket("tokens");
      expect(await limits.take([{ ...spec, amount: 5 }])).toBe(0);
      await limits.adjust([{ bucket: spec, give: 3 }]);
      expect(await limits.take([{ ...spec, amount: 3 }])).toBe(0);
      expect(await limits.take([{ ...spec, amount: 1 }])).toBeGreaterThan(0);
      const full = bucket("capped");
      await limits.adjust([{ bucket: full, give: 100, most: 1 }]);
      expect(await limits.take([{ ...full, amount: 1 }])).toBe(0);
      expect(await limits.take([{ ...full, amount: 1 }])).toBeGreaterThan(0);
      // A take carries its worker's corrections: applied first, in the same atomic step.
      const carried = bucket("carried");
      expect(await limits.take([{ ...carried, amount: 5 }])).toBe(0);
      expect(await limits.take([{ ...carried, amount: 2 }], [{ bucket: carried, give: 2 }])).toBe(0);
      expect(await limits.take([{ ...carried, amount: 1 }])).toBeGreaterThan(0);
      // A refused take still applies them.
      const refusedWith = bucket("refused-with");
      expect(await limits.take([{ ...refusedWith, amount: 5 }])).toBe(0);
      expect(await limits.take([{ ...refusedWith, amount: 3 }], [{ bucket: refusedWith, give: 2 }])).toBeGreaterThan(
        50,
      );
      expect(await limits.take([{ ...refusedWith, amount: 2 }])).toBe(0);
    });

    it("keeps what headers taught, the newer limits with the better-measured window", async () => {
      const { limits, again } = await open();
      expect(await limits.loadLearned("e")).toBeUndefined();
      await limits.saveLearned("e", { limits: { requests: 20 }, windowMs: 4000, windowEvidence: 10 });
      await limits.saveLearned("e", { limits: { requests: 30, tokens: 900 }, windowMs: 60_000, windowEvidence: 0 });
      const other = again ? await again() : limits;
      expect(await other.loadLearned("e")).toEqual({
        limits: { requests: 30, tokens: 900 },
        windowMs: 4000,
        windowEvidence: 10,
      });
    });

    it("reserves, waits, settles and refuses like the budget of one process", async () => {
      const { limits } = await open();
      const ask = (id: string, usd: number, limitUsd = 1) =>
        limits.reserve({ id, worker: "w", usd, limitUsd, ttlMs: 10_000 });
      expect(await limits.joinBudget("w", 0.25, 10_000)).toBeCloseTo(0.25, 12);
      expect(await ask("a", 0.5)).toEqual({ outcome: "reserved", spentUsd: 0.25 });
      expect((await ask("b", 0.3)).outcome).toBe("wait");
      expect(await limits.settle("a", 0.1)).toBeCloseTo(0.35, 12);
      expect((await ask("b", 0.3)).outcome).toBe("reserved");
      expect((await ask("c", 0.7)).outcome).toBe("refused");
      // Reached at this limit: even a small call is refused now, for every worker.
      expect((await ask("d", 0.01)).outcome).toBe("refused");
      expect(await limits.settle("b", 0.2)).toBeCloseTo(0.55, 12);
      // A higher limit (a resumed run with a raised budget) has room again.
      expect((await ask("e", 0.7, 2)).outcome).toBe("reserved");
    });

    it("shares one budget between workers: a worker leaving frees its reservations", async () => {
      const { limits, again } = await open();
      const other = again ? await again() : limits;
      await limits.joinBudget("a", 0, 10_000);
      await other.joinBudget("b", 0, 10_000);
      expect((await limits.reserve({ id: "a1", worker: "a", usd: 0.8, limitUsd: 1, ttlMs: 10_000 })).outcome).toBe(
        "reserved",
      );
      const ask = () => other.reserve({ id: "b1", worker: "b", usd: 0.3, limitUsd: 1, ttlMs: 10_000 });
      expect((await ask()).outcome).toBe("wait");
      await limits.leaveBudget("a");
      expect((await ask()).outcome).toBe("reserved");
      // The spend of one worker is the spend of all.
      expect(await other.settle("b1", 0.25)).toBeCloseTo(0.25, 12);
      expect(
        (await limits.reserve({ id: "a2", worker: "a", usd: 0.8, limitUsd: 1, ttlMs: 10_000 })).spentUsd,
      ).toBeCloseTo(0.25, 12);
    });

    it("lets the reservations of a worker that stopped renewing lapse after its TTL", async () => {
      const { limits, again } = await open();
      const other = again ? await again() : limits;
      await limits.joinBudget("dying", 0, 300);
      await other.joinBudget("alive", 0, 10_000);
      expect((await limits.reserve({ id: "d1", worker: "dying", usd: 0.8, limitUsd: 1, ttlMs: 300 })).outcome).toBe(
        "reserved",
      );
      const ask = () => other.reserve({ id: "a1", worker: "alive", usd: 0.3, limitUsd: 1, ttlMs: 10_000 });
      expect((await ask()).outcome).toBe("wait");
      await sleep(400);
      expect((await ask()).outcome).toBe("reserved");
      // Its answer, should it come after all, is still paid for.
      expect(await limits.settle("d1", 0.5)).toBeCloseTo(0.5, 12);
    });

    it("takes the larger of the live count and the call log's, so neither a lagging log nor a stale read lowers it", async () => {
      const { limits, again } = await open();
      const other = again ? await again() : limits;
      await limits.joinBudget("a", 0.2, 10_000);
      await limits.reserve({ id: "a1", worker: "a", usd: 0.1, limitUsd: 1, ttlMs: 10_000 });
      await limits.settle("a1", 0.3);
      // The call log may lag the live count: a worker joining a live budget takes the live count.
      expect(await other.joinBudget("b", 0.1, 10_000)).toBeCloseTo(0.5, 12);
      await limits.leaveBudget("a");
      await other.leaveBudget("b");
      // Calls made since without a budget are in the log: it says more now.
      expect(await other.joinBudget("c", 0.6, 10_000)).toBeCloseTo(0.6, 12);
      await other.leaveBudget("c");
      // A worker that read the log when it started, before all that, joins late: the count stands.
      expect(await limits.joinBudget("d", 0, 10_000)).toBeCloseTo(0.6, 12);
      // d's call does not fit: the budget is reached, for every worker, even for a call that would fit...
      expect((await limits.reserve({ id: "d1", worker: "d", usd: 0.5, limitUsd: 1, ttlMs: 10_000 })).outcome).toBe(
        "refused",
      );
      await limits.leaveBudget("d");
      expect((await other.reserve({ id: "e0", worker: "e", usd: 0.1, limitUsd: 1, ttlMs: 10_000 })).outcome).toBe(
        "refused",
      );
      // ...until nobody is alive: a resumed run with the same limit asks again.
      await other.leaveBudget("e");
      await other.joinBudget("e", 0.6, 10_000);
      expect((await other.reserve({ id: "e1", worker: "e", usd: 0.3, limitUsd: 1, ttlMs: 10_000 })).outcome).toBe(
        "reserved",
      );
    });
  });
}
