// The conformance suite every RunStore backend must pass (SQLite now, Postgres later).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Deduplicator } from "../runtime/dataset/dedup.js";
import { type DatasetRecord, LeaseLostError, type RunStore } from "../runtime/store/run-store.js";

export interface StoreFactory {
  name: string;
  create(): Promise<RunStore>;
}

const seed = (id: string, source = `doc.txt#${id}`) => ({ id, text: `text of ${id}`, source, kind: "text" as const });

const record = (id: string, split = "rc"): DatasetRecord => ({
  id,
  split,
  messages: [
    { role: "user", content: `question ${id}` },
    { role: "assistant", content: `answer ${id}` },
  ],
  metadata: {
    skill: "reading-comprehension",
    seed_id: "s1",
    source: "doc.txt#1",
    transformation: "debate",
    instruction_type: "inference",
    refinement: [],
    models: { respond: "openai:test" },
    usage: { input_tokens: 10, output_tokens: 5 },
  },
});

export function runStoreSuite(factory: StoreFactory): void {
  describe(`RunStore conformance: ${factory.name}`, () => {
    let store: RunStore;
    beforeEach(async () => {
      store = await factory.create();
    });
    afterEach(async () => {
      await store.close();
    });

    it("keeps meta values", async () => {
      expect(await store.getMeta("fingerprint")).toBeUndefined();
      await store.setMeta("fingerprint", "a");
      await store.setMeta("fingerprint", "b");
      expect(await store.getMeta("fingerprint")).toBe("b");
    });

    it("adds a seed once and reports an exact duplicate from another source", async () => {
      expect(await store.addSeed(seed("s1"))).toEqual({ added: true });
      expect(await store.addSeed(seed("s1"))).toEqual({ added: false });
      expect(await store.addSeed(seed("s1", "copy.txt#1"))).toEqual({ added: false, duplicateOf: "doc.txt#s1" });
      expect(await store.countSeeds()).toBe(1);
      expect(await store.getSeed("s1")).toMatchObject({ id: "s1", text: "text of s1", kind: "text" });
      await store.addSeed(seed("s2"));
      const ids: string[] = [];
      for await (const each of store.seeds()) ids.push(each.id);
      expect(ids).toEqual(["s1", "s2"]);
    });

    it("creates items once and pages through them in corpus order", async () => {
      for (const id of ["a", "b", "c", "d"]) await store.addItem({ id: `rc/${id}`, skill: "rc", seedId: id });
      await store.addItem({ id: "rc/a", skill: "rc", seedId: "a" });
      const first = await store.listItems(["pending"], 0, 2);
      expect(first.map((item) => item.id)).toEqual(["rc/a", "rc/b"]);
      const rest = await store.listItems(["pending"], first[1]?.ordinal, 10);
      expect(rest.map((item) => item.id)).toEqual(["rc/c", "rc/d"]);
    });

    it("moves an item through its states, counting attempts", async () => {
      await store.addItem({ id: "rc/a", skill: "rc", seedId: "a" });
      const claim = { limit: 10, leaseMs: 60_000, maxAttempts: 3 };
      expect(await store.claimItems("w1", claim)).toMatchObject([{ id: "rc/a", claimedFrom: "pending", attempts: 1 }]);
      expect(await store.getItem("rc/a")).toMatchObject({ status: "running", attempts: 1 });
      await store.failItem("rc/a", { kind: "model-unavailable", message: "503", status: 503 }, "w1");
      expect(await store.getItem("rc/a")).toMatchObject({ status: "failed", error: { message: "503", status: 503 } });
      expect(await store.claimItems("w1", claim)).toMatchObject([{ id: "rc/a", claimedFrom: "failed", attempts: 2 }]);
      await store.interruptItem("rc/a", "w1");
      expect(await store.getItem("rc/a")).toMatchObject({ status: "pending", attempts: 2 });
      await store.claimItems("w1", claim);
      await store.filterItem("rc/a", "too short", [], "w1");
      expect(await store.getItem("rc/a")).toMatchObject({ status: "filtered", reason: "too short" });
    });

    it("leases each item to one worker at a time, in corpus order, and skips failed items out of attempts", async () => {
      for (const id of ["a", "b", "c", "d", "e"]) await store.addItem({ id: `rc/${id}`, skill: "rc", seedId: id });
      await store.addItem({ id: "qa/a", skill: "qa", seedId: "a" });
      const claim = { leaseMs: 60_000, maxAttempts: 1 };
      const [first, second] = await Promise.all([
        store.claimItems("w1", { ...claim, limit: 2, skills: ["rc"] }),
        store.claimItems("w2", { ...claim, limit: 2, skills: ["rc"] }),
      ]);
      const ids = [...(first ?? []), ...(second ?? [])].map((item) => item.id);
      expect(new Set(ids).size).toBe(4);
      expect([...ids].sort()).toEqual(["rc/a", "rc/b", "rc/c", "rc/d"]);
      expect((await store.claimItems("w1", { ...claim, limit: 10, skills: ["rc"] })).map((i) => i.id)).toEqual([
        "rc/e",
      ]);
      await store.failItem("rc/e", { kind: "other", message: "boom" }, "w1");
      // One attempt allowed: the failed item is not claimed again; the other skill's item still is.
      expect((await store.claimItems("w3", { ...claim, limit: 10 })).map((i) => i.id)).toEqual(["qa/a"]);
      expect(await store.leasedElsewhere("w3", ["rc"])).toBe(4);
      expect(await store.leasedElsewhere("w3")).toBe(4);
      expect(await store.leasedElsewhere("w1")).toBe(3);
    });

    it("lets another worker take over an expired lease, and refuses the first worker's late commit", async () => {
      await store.registerWorker({ id: "w1", host: "h1", pid: 1 });
      await store.registerWorker({ id: "w2", host: "h2", pid: 2 });
      await store.addItem({ id: "rc/a", skill: "rc", seedId: "a" });
      await store.addItem({ id: "rc/b", skill: "rc", seedId: "b" });
      expect(await store.claimItems("w1", { limit: 2, leaseMs: 50, maxAttempts: 3 })).toHaveLength(2);
      expect(await store.claimItems("w2", { limit: 2, leaseMs: 60_000, maxAttempts: 3 })).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect((await store.staleLeases()).map((lease) => [lease.item, lease.worker])).toEqual([
        ["rc/a", "w1"],
        ["rc/b", "w1"],
      ]);
      const taken = await store.claimItems("w2", { limit: 1, leaseMs: 60_000, maxAttempts: 3 });
      expect(taken).toMatchObject([{ id: "rc/a", claimedFrom: "running", attempts: 2 }]);
      // w1 comes back to life: its heartbeat renews only what it still holds.
      expect(await store.heartbeat("w1", 60_000, { inFlight: 1, finished: 0 })).toEqual(["rc/b"]);
      await expect(store.completeItem("rc/a", [record("r1")], [], "w1")).rejects.toThrow(/no longer holds/);
      await expect(store.filterItem("rc/a", "x", [], "w1")).rejects.toBeInstanceOf(LeaseLostError);
      await expect(store.failItem("rc/a", { kind: "other", message: "x" }, "w1")).rejects.toThrow(LeaseLostError);
      await expect(store.interruptItem("rc/a", "w1")).rejects.toThrow(LeaseLostError);
      expect(await store.getItem("rc/a")).toMatchObject({ status: "running" });
      await store.completeItem("rc/a", [record("r1")], [], "w2");
      const ids: string[] = [];
      for await (const row of store.records()) ids.push(row.id);
      expect(ids).toEqual(["r1"]);
      expect(await store.staleLeases()).toEqual([]);
    });

    it("lists workers with their counters and leases, and releases a leaving worker's items", async () => {
      await store.registerWorker({ id: "w1", host: "h1", pid: 11 });
      await store.registerWorker({ id: "w2", host: "h2", pid: 22 });
      for (const id of ["a", "b", "c"]) await store.addItem({ id: `rc/${id}`, skill: "rc", seedId: id });
      await store.claimItems("w1", { limit: 2, leaseMs: 60_000, maxAttempts: 3 });
      await store.heartbeat("w1", 60_000, { inFlight: 2, finished: 5 });
      const listed = await store.workers();
      const w1 = listed.find((worker) => worker.id === "w1");
      expect(w1).toMatchObject({ host: "h1", pid: 11, inFlight: 2, finished: 5, leases: 2 });
      expect(Number.isNaN(Date.parse(w1?.lastHeartbeat ?? ""))).toBe(false);
      expect(listed.find((worker) => worker.id === "w2")).toMatchObject({ leases: 0 });
      await store.leaveWorker("w1");
      expect((await store.workers()).find((worker) => worker.id === "w1")?.leftAt).toBeDefined();
      expect((await store.listItems(["pending"])).map((item) => item.id)).toEqual(["rc/a", "rc/b", "rc/c"]);
      expect(await store.leasedElsewhere("w2")).toBe(0);
    });

    it("retries only what failed before the run began, claims only the ids asked for, and counts items", async () => {
      for (const id of ["a", "b", "c"]) await store.addItem({ id: `rc/${id}`, skill: "rc", seedId: id });
      const claim = { limit: 10, leaseMs: 60_000, maxAttempts: 3 };
      await store.claimItems("w1", { ...claim, ids: ["rc/a"] });
      await store.failItem("rc/a", { kind: "other", message: "boom" }, "w1");
      await new Promise((resolve) => setTimeout(resolve, 5));
      const runStarted = Date.now();
      expect((await store.claimItems("w2", { ...claim, ids: ["rc/b"] })).map((item) => item.id)).toEqual(["rc/b"]);
      await store.failItem("rc/b", { kind: "other", message: "boom" }, "w2");
      // rc/b failed during this run: not retried by it; rc/a failed before it began: retried.
      expect((await store.claimItems("w3", { ...claim, failedBefore: runStarted })).map((item) => item.id)).toEqual([
        "rc/a",
        "rc/c",
      ]);
      expect(await store.countItems()).toEqual({ pending: 0, running: 2, done: 0, failed: 1, filtered: 0, total: 3 });
    });

    it("commits records with the done status and never duplicates them", async () => {
      await store.addItem({ id: "rc/a", skill: "rc", seedId: "a" });
      await store.putCachedResponse("k1", "rc/a", '{"text":"x"}');
      await store.completeItem("rc/a", [record("r1"), record("r2")]);
      await store.completeItem("rc/a", [record("r1"), record("r2")]);
      expect(await store.getItem("rc/a")).toMatchObject({ status: "done", records: 2 });
      const ids: string[] = [];
      for await (const row of store.records("rc")) ids.push(row.id);
      expect(ids).toEqual(["r1", "r2"]);
      expect(await store.splits()).toEqual(["rc"]);
      // A finished item's cached responses are pruned with its checkpoints.
      expect(await store.getCachedResponse("k1")).toBeUndefined();
    });

    it("rolls back a completion that fails half-way", async () => {
      await store.addItem({ id: "rc/a", skill: "rc", seedId: "a" });
      await expect(store.completeItem("rc/missing", [record("r9")])).rejects.toThrow();
      // The first record is written, the second cannot be serialised: nothing of the completion may remain.
      const unserialisable = { ...record("r2"), metadata: { ...record("r2").metadata, size: 1n } } as never;
      await expect(store.completeItem("rc/a", [record("r1"), unserialisable])).rejects.toThrow(/BigInt/);
      const ids: string[] = [];
      for await (const row of store.records()) ids.push(row.id);
      expect(ids).toEqual([]);
      expect(await store.getItem("rc/a")).toMatchObject({ status: "pending", records: 0 });
    });

    it("lists every failed item in the summary, not only the first ones", async () => {
      for (let index = 0; index < 60; index += 1) {
        await store.addItem({ id: `rc/${index}`, skill: "rc", seedId: String(index) });
        await store.failItem(`rc/${index}`, { kind: "model-unavailable", message: `503 #${index}` });
      }
      const summary = await store.summary();
      expect(summary.failures).toHaveLength(60);
      expect(summary.failures.at(-1)?.item).toBe("rc/59");
    });

    it("counts dropped drafts per reason, over the run and per skill", async () => {
      const drop = (reason: string) => ({ kind: "dropped" as const, reason, subject: "q", detail: `why ${reason}` });
      await store.addItem({ id: "rc/a", skill: "rc", seedId: "a" });
      await store.addItem({ id: "fermi/a", skill: "fermi", seedId: "a" });
      await store.completeItem("rc/a", [record("r1")], [drop("near_duplicate"), drop("near_duplicate")]);
      await store.filterItem("fermi/a", "no instruction survived generation", [drop("near_duplicate"), drop("x")]);
      const summary = await store.summary();
      expect(summary.dropped).toEqual({ near_duplicate: 3, x: 1 });
      expect(summary.droppedBySkill).toEqual({ rc: { near_duplicate: 2 }, fermi: { near_duplicate: 1, x: 1 } });
    });

    it("caches responses and sums calls and tokens in the summary", async () => {
      await store.putCachedResponse("k", "rc/a", "first");
      await store.putCachedResponse("k", "rc/a", "second");
      expect(await store.getCachedResponse("k")).toBe("first");
      await store.deleteCachedResponse("k");
      expect(await store.getCachedResponse("k")).toBeUndefined();
      const call = { itemId: "rc/a", agent: "respond", role: "respond", model: "openai:m", latencyMs: 5, attempts: 1 };
      await store.recordCall({ ...call, usage: { input_tokens: 100, output_tokens: 20 }, cached: false, attempts: 3 });
      await store.recordCall({ ...call, usage: { input_tokens: 0, output_tokens: 0 }, cached: true });
      await store.recordCall({
        ...call,
        usage: { input_tokens: 0, output_tokens: 0 },
        cached: false,
        error: "400 bad request",
      });
      await store.addItem({ id: "rc/a", skill: "rc", seedId: "a" });
      const logged = await store.itemCalls("rc/a");
      expect(logged.map((entry) => [entry.cached, entry.error ?? null, entry.attempts])).toEqual([
        [false, null, 3],
        [true, null, 1],
        [false, "400 bad request", 1],
      ]);
      expect(await store.itemCalls("rc/other")).toEqual([]);
      await store.noteInput({ source: "x.bin", outcome: "skipped", reason: "binary file" });
      await store.noteInput({ source: "y.txt", outcome: "warning", reason: "invalid UTF-8" });
      const summary = await store.summary();
      expect(summary).toMatchObject({
        calls: 1,
        cachedCalls: 1,
        failedCalls: 1,
        retries: 2,
        tokens: { input: 100, output: 20 },
        items: { total: 1, pending: 1 },
        skipped: [{ source: "x.bin", reason: "binary file" }],
        warnings: [{ source: "y.txt", reason: "invalid UTF-8" }],
      });
    });

    it("logs each call's cost and sums spend per role, agent and skill, unknown where a price is missing", async () => {
      const call = { latencyMs: 5, attempts: 1, cached: false, usage: { input_tokens: 100, output_tokens: 20 } };
      const priced = { model: "openai:priced", role: "respond" };
      await store.recordCall({ ...call, ...priced, itemId: "rc/a", agent: "respond", costUsd: 0.25 });
      await store.recordCall({ ...call, ...priced, itemId: "rc/a", agent: "respond", costUsd: 0.5 });
      // A cache hit costs nothing and never makes a sum unknown.
      await store.recordCall({
        ...call,
        model: "openai:free",
        role: "verify",
        itemId: "rc/a",
        agent: "verify",
        cached: true,
      });
      await store.recordCall({ ...call, ...priced, itemId: "code/b", agent: "respond", costUsd: 1 });
      await store.recordCall({
        ...call,
        model: "openai:local",
        role: "instruct",
        itemId: "code/b",
        agent: "instruct:x",
      });
      expect((await store.itemCalls("rc/a")).map((entry) => entry.costUsd)).toEqual([0.25, 0.5, undefined]);
      const { cost } = await store.summary();
      expect(cost).toEqual({
        usd: null,
        unknownCalls: 1,
        unpricedModels: ["openai:local"],
        byRole: { instruct: null, respond: 1.75 },
        byAgent: { "instruct:x": null, respond: 1.75 },
        bySkill: { code: null, rc: 0.75 },
        tokensByRole: { instruct: { input: 100, output: 20 }, respond: { input: 300, output: 60 } },
        tokensBySkill: { code: { input: 200, output: 40 }, rc: { input: 200, output: 40 } },
      });
      expect(await store.spend()).toEqual({
        usd: 1.75,
        unpriced: [{ role: "instruct", model: "openai:local", usage: { input_tokens: 100, output_tokens: 20 } }],
      });
    });

    it("keeps what each cache hit saved, and sums it (unknown once a hit has no price)", async () => {
      await store.addItem({ id: "rc/a", skill: "rc", seedId: "a" });
      const hit = {
        itemId: "rc/a",
        agent: "respond",
        role: "respond",
        model: "openai:m",
        latencyMs: 0,
        attempts: 0,
        cached: true,
        usage: { input_tokens: 0, output_tokens: 0 },
      };
      await store.recordCall({ ...hit, savedUsage: { input_tokens: 1000, output_tokens: 100 }, savedUsd: 0.25 });
      await store.recordCall({ ...hit, savedUsage: { input_tokens: 500, output_tokens: 50 }, savedUsd: 0.5 });
      const logged = await store.itemCalls("rc/a");
      expect(logged.map((entry) => [entry.savedUsage, entry.savedUsd])).toEqual([
        [{ input_tokens: 1000, output_tokens: 100 }, 0.25],
        [{ input_tokens: 500, output_tokens: 50 }, 0.5],
      ]);
      expect((await store.summary()).cache).toEqual({
        hits: 2,
        savedUsd: 0.75,
        savedTokens: { input: 1500, output: 150 },
      });
      await store.recordCall({ ...hit, savedUsage: { input_tokens: 10, output_tokens: 1 } });
      expect((await store.summary()).cache).toEqual({
        hits: 3,
        savedUsd: null,
        savedTokens: { input: 1510, output: 151 },
      });
    });
  });
  dedupStoreSuite(factory);
}

/** The near-duplicate index every store keeps (runtime/dataset/dedup.ts): shared by the run's workers. */
function dedupStoreSuite(factory: StoreFactory): void {
  describe(`RunStore near-duplicate index: ${factory.name}`, () => {
    let store: RunStore;
    beforeEach(async () => {
      store = await factory.create();
    });
    afterEach(async () => {
      await store.close();
    });
    const dedup = new Deduplicator({ threshold: 0.8, shingle: 3, permutations: 128, acrossSplits: true });
    const passage = "The tide rises twice a day because the moon pulls the oceans toward it as the earth turns.";
    const question = "Why does the tide rise twice a day according to the passage about the moon and the oceans?";
    const entry = (recordId: string, origin: string, instruction: string) => {
      const print = dedup.fingerprint({ instruction, context: passage });
      return { recordId, itemId: origin ? "" : "rc/x", split: "rc", origin, ...print };
    };
    const claim = { limit: 10, leaseMs: 60_000, maxAttempts: 3 };

    it("finds entries by exact hash or band key, and adds each origin's record once", async () => {
      expect(await store.addDedupEntries([entry("r1", "/earlier", question), entry("r2", "", "Name the moon.")])).toBe(
        2,
      );
      expect(await store.addDedupEntries([entry("r1", "/earlier", question), entry("r1", "/other", question)])).toBe(1);
      expect(await store.countDedupEntries()).toEqual({ "": 1, "/earlier": 1, "/other": 1 });
      const near = dedup.fingerprint({ instruction: `${question} Explain briefly.`, context: passage });
      const found = await store.dedupCandidates([], near.bands);
      expect(found.map((candidate) => candidate.recordId).sort()).toEqual(["r1", "r1"]);
      const candidate = found[0];
      if (!candidate) throw new Error("no candidate");
      // The signature comes back bit for bit: the estimate made from it is the one made before storing.
      expect(Array.from(candidate.signature)).toEqual(Array.from(entry("r1", "/earlier", question).signature));
      expect(dedup.similarity(near.signature, candidate.signature)).toBeGreaterThanOrEqual(0.8);
      const exact = dedup.fingerprint({ instruction: "name the MOON!", context: passage });
      expect((await store.dedupCandidates([exact.exact], [])).map((each) => each.recordId)).toEqual(["r2"]);
      expect(await store.dedupCandidates(["0000"], [1, 2, 3])).toEqual([]);
    });

    it("drops duplicates as an item commits, indexes the records kept, and filters an item left with none", async () => {
      for (const id of ["rc/a", "rc/b"]) await store.addItem({ id, skill: "rc", seedId: id });
      await store.claimItems("w1", claim);
      const first = record("ra");
      first.messages[0] = { role: "user", content: question };
      const twin = record("rb");
      twin.messages[0] = { role: "user", content: `${question} Explain briefly.` };
      const own = { recordId: "ra", split: "rc", subject: "q.1", parts: { instruction: question, context: passage } };
      const copy = {
        recordId: "rb",
        split: "rc",
        subject: "q.2",
        parts: { instruction: `${question} Explain briefly.`, context: passage },
      };
      // Within one item: the second of two near-duplicates goes.
      const done = await store.completeItem("rc/a", [first, twin], [], "w1", dedup.commitCheck("rc/a", [own, copy]));
      expect(done).toEqual({ records: 1 });
      expect((await store.getItem("rc/a"))?.records).toBe(1);
      const notes = await store.itemNotes("rc/a");
      expect(notes).toEqual([expect.objectContaining({ kind: "dropped", reason: "near_duplicate", subject: "q.2" })]);
      expect(notes[0]?.detail).toMatch(/^duplicates record ra \(item rc\/a, split rc\) at estimated Jaccard 0\.\d\d$/);
      expect(await store.countDedupEntries()).toEqual({ "": 1 });
      // Another item with the same instruction: every record dropped, so the item is filtered with the reason.
      const again = record("rc-b-1");
      const outcome = await store.completeItem(
        "rc/b",
        [again],
        [],
        "w1",
        dedup.commitCheck("rc/b", [{ ...own, recordId: "rc-b-1", subject: "q.1" }]),
      );
      expect(outcome).toEqual({ records: 0, filtered: "no instruction survived generation: dropped exact_duplicate" });
      expect(await store.getItem("rc/b")).toMatchObject({ status: "filtered", records: 0 });
      expect((await store.itemNotes("rc/b"))[0]?.detail).toBe(
        "same instruction and content as record ra (item rc/a, split rc)",
      );
      expect((await store.summary()).dropped).toEqual({ exact_duplicate: 1, near_duplicate: 1 });
      const kept: string[] = [];
      for await (const each of store.records()) kept.push(each.id);
      expect(kept).toEqual(["ra"]);
    });
  });
}
