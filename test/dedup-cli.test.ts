// Deduplication and decontamination end to end: the CLI in a child process, real HTTP to the test server, a real
// SQLite run store. The test server is scripted like a model that echoes its seed (transform) and asks about the
// passage's opening words (instruct), so planted near-duplicate seeds make near-duplicate instructions and a seed
// quoting an eval question makes a contaminated one; everything else (answers, verification) is simulated.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliEnv, runCli } from "./support/cli.js";
import { readRecords } from "./support/dataset.js";
import { startTestServer, type TestServer } from "./support/openai-test-server.js";

const EVAL_QUESTION =
  "A bat and a ball cost one dollar and ten cents together, and the bat costs one dollar more than the ball; how much does the ball cost?";

/** A passage of plain sentences about `topic`, different for every topic. */
function passage(topic: string, facts: string[]): string {
  return `${topic} is the subject of this short note. ${facts.join(" ")} People who study ${topic.toLowerCase()} keep careful records of what they observe, and they compare those records across many years before they draw any conclusion about it.`;
}

const DISTINCT = {
  "harbour.txt": passage("The harbour", [
    "Fishing boats leave before dawn and return with the tide.",
    "The old stone wall was rebuilt after the storm of the long winter.",
  ]),
  "orchard.txt": passage("The orchard", [
    "Apple trees are pruned in late winter so that light reaches every branch.",
    "Bees from three hives pollinate the blossom in spring.",
  ]),
  "railway.txt": passage("The railway", [
    "The branch line carried milk and coal to the market town.",
    "Its last passenger train ran on a wet autumn evening.",
  ]),
  "library.txt": passage("The library", [
    "Its reading room holds maps of every parish in the county.",
    "Volunteers mend torn bindings on Thursday afternoons.",
  ]),
};
const TWIN = passage("The lighthouse", [
  "Its lamp turns once every ten seconds and can be seen twenty miles out to sea.",
  "Two keepers lived in the tower until the light was automated, and they kept a log of every ship that passed.",
  "The tower is painted with red and white bands so that sailors can recognise it by day.",
]);
/** The twin with three words changed near its end: Jaccard of 3-word shingles about 0.8–0.9. */
const TWIN_COPY = TWIN.replace("red and white", "black and yellow").replace("by day", "in daylight");
const BENCH = passage("The puzzle club", [
  `At its first meeting the club read out this riddle: ${EVAL_QUESTION}`,
  "Most members answered too quickly and got it wrong.",
]);
const PLANTED = [...Object.values(DISTINCT), TWIN, TWIN_COPY, BENCH];

let server: TestServer;
let work: string;
let seeds: string;

/** The planted passage a prompt is about: the longest one it quotes whole (the twin and its copy differ). */
function passageIn(body: { messages: Array<{ role: string; content: unknown }> }): string | undefined {
  const text = body.messages.map((message) => (typeof message.content === "string" ? message.content : "")).join("\n");
  return PLANTED.filter((candidate) => text.includes(candidate)).sort((a, b) => b.length - a.length)[0];
}

/** The scripted model: transform echoes the planted passage, instruct asks about its opening words. */
function script(target: TestServer): TestServer {
  target.replyWhen((body) => {
    const name: string = body.response_format?.json_schema?.name ?? "";
    const planted = passageIn(body);
    if (!planted) return undefined;
    if (name.startsWith("transform_")) return JSON.stringify({ analysis: "Kept as is.", content: planted });
    if (name.startsWith("instruct_")) {
      const opening = planted.split(" ").slice(0, 8).join(" ");
      const instruction = `What does the passage say about "${opening}"?`;
      return JSON.stringify({
        analysis: "One question.",
        instructions: [{ instruction, expected: { answerable: true, answer: "What the passage says about it." } }],
      });
    }
    return undefined;
  });
  return target;
}

beforeAll(async () => {
  server = script(await startTestServer({ latencyMs: 1 }));
  work = await mkdtemp(join(tmpdir(), "dedup-cli-"));
  seeds = join(work, "seeds");
  await mkdir(seeds);
  for (const [file, text] of Object.entries(DISTINCT)) await writeFile(join(seeds, file), `${text}\n`);
  await writeFile(join(seeds, "lighthouse.txt"), `${TWIN}\n`);
  await writeFile(join(seeds, "lighthouse-copy.txt"), `${TWIN_COPY}\n`);
  await writeFile(join(seeds, "puzzle-club.txt"), `${BENCH}\n`);
});
afterAll(async () => {
  await server.close();
});

const env = (url = server.url) => cliEnv({ OPENAI_BASE_URL: url, OPENAI_API_KEY: "test-key" });
const run = (out: string, ...extra: string[]) => runAt(server.url, out, ...extra);
const runAt = (url: string, out: string, ...extra: string[]) =>
  runCli(
    [
      "run",
      "--skills",
      "rc",
      "--seeds",
      seeds,
      "--out",
      out,
      "--model",
      "openai:test-model",
      "--rounds",
      "0",
      // Every answer is kept, so what is dropped is dropped for what it asks, nothing else.
      "--on-disagree",
      "keep",
      "--decontaminate",
      "seeds/evals/sample-eval.jsonl",
      ...extra,
    ],
    { env: env(url) },
  );

interface ItemRow {
  id: string;
  status: string;
  reason: string | null;
  source: string;
}
function items(out: string): Map<string, ItemRow> {
  const db = new Database(join(out, "run.db"), { readonly: true });
  try {
    const rows = db
      .prepare("SELECT items.id, status, reason, source FROM items JOIN seeds ON seeds.id = items.seed_id")
      .all() as ItemRow[];
    return new Map(rows.map((row) => [row.source.replace(/^.*\//, "").replace(/#.*$/, ""), row]));
  } finally {
    db.close();
  }
}

async function statusJson(out: string) {
  const result = await runCli(["status", out, "--json"], { env: env() });
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as {
    items: Record<string, number>;
    dropped: Record<string, number>;
    records: number;
    workers: Array<{ finished: number }>;
  };
}

async function itemJson(out: string, id: string) {
  const result = await runCli(["status", out, "--item", id, "--json"], { env: env() });
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as {
    item: { status: string; reason?: string };
    notes: Array<{ kind: string; reason: string; subject: string; detail: string }>;
  };
}

/** The twin that was kept and the one dropped as its near-duplicate, with the drop's note. */
async function twins(out: string) {
  const rows = items(out);
  const pair = [rows.get("lighthouse.txt"), rows.get("lighthouse-copy.txt")];
  const dropped = pair.filter((row) => row?.status === "filtered");
  const kept = pair.filter((row) => row?.status === "done");
  expect(dropped).toHaveLength(1);
  expect(kept).toHaveLength(1);
  const shown = await itemJson(out, dropped[0]?.id ?? "");
  return { kept: kept[0] as ItemRow, dropped: dropped[0] as ItemRow, shown };
}

describe("deduplication and decontamination (CLI)", () => {
  it("drops exactly the planted near-duplicate and the planted benchmark item, with reasons in status", async () => {
    const out = join(work, "first");
    const result = await run(out, "--workers", "1");
    expect(result.code, result.stderr).toBe(0);
    const status = await statusJson(out);
    expect(status.items).toMatchObject({ total: 7, done: 5, filtered: 2, failed: 0 });
    expect(status.dropped).toEqual({ near_duplicate: 1, contaminated: 1 });
    // The run's summary (stderr) counts the drops by reason.
    expect(result.stderr).toMatch(/dropped contaminated 1, near_duplicate 1/);

    const records = readRecords(join(out, "data", "rc.jsonl"));
    expect(records).toHaveLength(5);
    const rows = items(out);
    for (const file of Object.keys(DISTINCT)) expect(rows.get(file)?.status).toBe("done");

    // The duplicate names the record it repeats (the kept twin's) and the estimated similarity.
    const { kept, dropped, shown } = await twins(out);
    const original = records.find((record) => `reading-comprehension/${record.metadata.seed_id}` === kept.id);
    expect(original).toBeDefined();
    expect(dropped.reason).toBe("no instruction survived generation: dropped near_duplicate");
    expect(shown.item.status).toBe("filtered");
    expect(shown.notes).toEqual([expect.objectContaining({ kind: "dropped", reason: "near_duplicate" })]);
    expect(shown.notes[0]?.detail).toMatch(
      new RegExp(
        `^duplicates record ${original?.id} \\(item ${kept.id}, split rc\\) at estimated Jaccard 0\\.[89]\\d$`,
      ),
    );
    const text = await runCli(["status", out, "--item", dropped.id], { env: env() });
    expect(text.stdout).toContain("near_duplicate");

    // The benchmark item is never answered: its note names the eval item.
    const bench = rows.get("puzzle-club.txt");
    expect(bench?.reason).toBe("no instruction survived generation: dropped contaminated");
    const benchShown = await itemJson(out, bench?.id ?? "");
    expect(benchShown.notes).toEqual([expect.objectContaining({ kind: "dropped", reason: "contaminated" })]);
    expect(benchShown.notes[0]?.detail).toMatch(/^shares a 13-gram with eval item sample-eval-019: "/);
    for (const record of records) expect(JSON.stringify(record)).not.toContain("ten cents together");

    // Across runs: a second run over the same corpus, given the first's output, repeats nothing of it.
    const second = join(work, "second");
    const again = await run(second, "--workers", "1", "--dedup-against", out);
    expect(again.code, again.stderr).toBe(0);
    const secondStatus = await statusJson(second);
    expect(secondStatus.items).toMatchObject({ total: 7, done: 0, filtered: 7 });
    expect(secondStatus.dropped).toEqual({ exact_duplicate: 5, near_duplicate: 1, contaminated: 1 });
    const harbour = items(second).get("harbour.txt");
    const harbourNotes = await itemJson(second, harbour?.id ?? "");
    const earlier = records.find((record) => record.metadata.source.includes("harbour.txt"));
    expect(harbourNotes.notes[0]?.detail).toBe(`same instruction and content as record ${earlier?.id} of ${out}`);
  });

  it("drops the duplicate with two workers sharing the run (the index is in the run store)", async () => {
    const out = join(work, "workers");
    // A slower model and one item in flight per worker (the concurrency is split between them): both take items
    // while the run lasts, and the twins (next to each other in corpus order) go to different workers.
    const slow = script(await startTestServer({ latencyMs: 150 }));
    const result = await runAt(slow.url, out, "--workers", "2", "--concurrency", "2").finally(() => slow.close());
    expect(result.code, result.stderr).toBe(0);
    const status = await statusJson(out);
    expect(status.items).toMatchObject({ total: 7, done: 5, filtered: 2 });
    expect(status.dropped).toEqual({ near_duplicate: 1, contaminated: 1 });
    expect(status.workers.filter((worker) => worker.finished > 0)).toHaveLength(2);
    const { kept, shown } = await twins(out);
    expect(shown.notes[0]?.detail).toContain(`(item ${kept.id}, split rc)`);
  });

  it("keeps near-duplicates with --no-dedup", async () => {
    const out = join(work, "no-dedup");
    const result = await run(out, "--workers", "1", "--no-dedup");
    expect(result.code, result.stderr).toBe(0);
    const status = await statusJson(out);
    expect(status.items).toMatchObject({ total: 7, done: 6, filtered: 1 });
    expect(status.dropped).toEqual({ contaminated: 1 });
  });
});
