// The diversity measures and the report, end to end: a real run against the test server, `status` and `report`
// as a user runs them, and the report opened from disk in a real headless Chromium (Debian's, through
// playwright-core), which must render every plot, show a record's lineage when it is clicked, make no request and
// log no error. A record full of HTML is planted to show that model output cannot inject markup or script.
// The browser part is skipped, with the reason printed, where /usr/bin/chromium is absent; the Postgres part where
// no Postgres answers.
import { existsSync, readFileSync, statSync } from "node:fs";
import { copyFile, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diversity } from "../runtime/dataset/diversity.js";
import type { DatasetRecord } from "../runtime/store/run-store.js";
import { openSqliteStore } from "../runtime/store/sqlite-store.js";
import { ROOT, runCli, sampleRunArgs, testServerEnv } from "./support/cli.js";
import { startTestServer, type TestServer } from "./support/openai-test-server.js";
import { dropSchemas, freshSchema, postgresUnavailable } from "./support/postgres.js";

const CHROMIUM = "/usr/bin/chromium";
const noChromium = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is absent (apt-get install chromium)`;
if (noChromium) console.warn(`report browser tests skipped: ${noChromium}`);
const noPostgres = await postgresUnavailable();
if (noPostgres) console.warn(`report on Postgres skipped: ${noPostgres}`);

const HOSTILE = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">`;
const HOSTILE_INSTRUCTION = `Which tag is this? ${HOSTILE} "quoted" & 'single'`;

let server: TestServer;
let work: string;
let out: string;
let status: { records: number; diversity: Diversity };

/** A record as a compromised model could write it: HTML and script in every text and name it carries. */
function hostileRecord(): DatasetRecord {
  return {
    id: "0badc0de0badc0de",
    split: "rc",
    messages: [
      { role: "user", content: `Passage ${HOSTILE}\n\n${HOSTILE_INSTRUCTION}` },
      { role: "assistant", content: `Answer ${HOSTILE}</pre></article><h1>escaped</h1>` },
    ],
    metadata: {
      skill: "reading-comprehension",
      seed_id: "hostile-seed",
      source: `evil.html#1 ${HOSTILE}`,
      transformation: `poem"><script>window.__pwned = 3</script>`,
      instruction_type: "literal_comprehension",
      instruction: HOSTILE_INSTRUCTION,
      refinement: [{ goal: `harder_question${HOSTILE}`, round: 1, parent_id: "feedfacefeedface" }],
      models: { respond: `openai:${HOSTILE}` },
      usage: { input_tokens: 12, output_tokens: 34 },
      expected: { answer: `the tag ${HOSTILE}` },
      verification: { status: "agrees", method: "model", reason: HOSTILE },
    },
  };
}

beforeAll(async () => {
  server = await startTestServer({ latencyMs: 2 });
  work = await mkdtemp(join(tmpdir(), "report-"));
  out = join(work, "run");
  // Priced, so the spend plots have dollars to draw; disagreeing answers are kept so refinement chains reach their
  // parents' records.
  const config = join(work, "agentinstruct.config.json");
  await writeFile(config, JSON.stringify({ prices: { "openai:test-model": { input: 0.15, output: 0.6 } } }));
  const flags = ["--concurrency", "8", "--workers", "1", "--on-disagree", "keep", "--config", config];
  const run = await runCli(sampleRunArgs(out, ...flags), { env: testServerEnv(server.url) });
  expect(run.code, run.stderr).toBe(0);
  const result = await runCli(["status", out, "--json"]);
  expect(result.code, result.stderr).toBe(0);
  status = JSON.parse(result.stdout);
  // The README's screenshot is of the run as it came, before the hostile record is planted.
  expect((await runCli(["report", out, "--to", join(work, "clean.html")])).code).toBe(0);
  const store = openSqliteStore(join(out, "run.db"));
  try {
    await store.addSeed({ id: "hostile-seed", text: `Seed ${HOSTILE}`, source: "evil.html#1", kind: "text" });
    await store.addItem({
      id: "reading-comprehension/hostile-seed",
      skill: "reading-comprehension",
      seedId: "hostile-seed",
    });
    await store.completeItem("reading-comprehension/hostile-seed", [hostileRecord()]);
  } finally {
    await store.close();
  }
}, 300_000);
afterAll(async () => {
  await server?.close();
});

describe("diversity in status", () => {
  it("measures each split in status --json against the skill's taxonomy", () => {
    const rc = status.diversity.rc;
    if (!rc) throw new Error("no diversity for split rc");
    expect(rc.records).toBe(status.records);
    expect(rc.skills).toEqual(["reading-comprehension"]);
    expect(rc.coverage.transformations.available).toBe(9);
    expect(rc.coverage.instructionTypes.available).toBe(43);
    expect(rc.coverage.refinementGoals.available).toBe(3);
    const counted = Object.values(rc.coverage.instructionTypes.counts as Record<string, number>);
    expect(counted.reduce((sum, n) => sum + n, 0)).toBe(status.records);
    expect(rc.coverage.instructionTypes.used + rc.coverage.instructionTypes.missing.length).toBe(43);
    expect(rc.refined).toBeGreaterThan(0);
    for (const distinct of [...rc.distinct.instructions, ...rc.distinct.responses]) {
      expect(distinct.ngrams).toBeGreaterThan(0);
      expect(distinct.ratio).toBeGreaterThan(0);
      expect(distinct.ratio).toBeLessThanOrEqual(1);
      expect(distinct.exact).toBe(true);
    }
    // No dedup ran: no duplicate was dropped, a rate of 0.
    expect(rc.duplicates).toEqual({ near: 0, exact: 0, rate: 0 });
    // Lengths are of the instruction alone: shorter than the user turn that also holds the content.
    expect(rc.lengths.instructions.count).toBe(status.records);
    expect(rc.lengths.instructions.quantiles.p50).toBeGreaterThan(3);
    expect(rc.lengths.responses.quantiles.p90).toBeGreaterThanOrEqual(rc.lengths.responses.quantiles.p10);
    expect(rc.openings.instructions.texts).toBe(status.records);
    expect(rc.openings.instructions.topStems.length).toBeGreaterThan(0);
  });

  it("prints a diversity block in the status table, and skips it with --no-diversity", async () => {
    const table = await runCli(["status", out]);
    expect(table.stdout).toContain("Diversity (status --json lists every count):");
    expect(table.stdout).toMatch(/coverage: transformations \d+\/9, instruction types \d+\/43, refinement goals \d\/3/);
    expect(table.stdout).toMatch(/distinct-1\/2\/3: instructions \d\.\d\d\/\d\.\d\d\/\d\.\d\d/);
    const skipped = await runCli(["status", out, "--json", "--no-diversity"]);
    expect(JSON.parse(skipped.stdout).diversity).toBeUndefined();
  });
});

describe("agentinstruct report", () => {
  let report: string;
  let html: string;

  beforeAll(async () => {
    const result = await runCli(["report", out, "--sample", "100"]);
    expect(result.code, result.stderr).toBe(0);
    report = join(out, "report.html");
    expect(result.stdout).toBe(`${report}\t${statSync(report).size} bytes\n`);
    html = readFileSync(report, "utf8");
  });

  it("writes one file with nothing to fetch, and every text escaped", () => {
    expect(html).not.toMatch(/<(?:link|img|iframe|object|embed)\b/i);
    // No element with a src or href attribute (attribute values are quoted, their quotes escaped).
    expect(html).not.toMatch(/<[a-z]+(?:\s+[a-z-]+(?:="[^"]*")?)*\s+(?:src|href)=/i);
    expect(html).not.toContain("<script>window");
    expect(html).toContain("&lt;script&gt;window.__pwned = 1&lt;/script&gt;");
    // One script, the report's own.
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it("writes where --to says, with the sample size asked for", async () => {
    const to = join(work, "elsewhere", "small.html");
    const result = await runCli(["report", out, "--to", to, "--sample", "2"]);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(to, "utf8").match(/data-record=/g)).toHaveLength(2);
    expect((await runCli(["report", join(work, "nothing")])).stderr).toContain("no run found");
  });

  describe.skipIf(noChromium !== undefined)(
    `in headless Chromium${noChromium ? ` (skipped: ${noChromium})` : ""}`,
    () => {
      it("renders every plot, shows a record's lineage on click, makes no request and logs no error", async () => {
        const browser = await chromium.launch({
          executablePath: CHROMIUM,
          args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        try {
          await checkReport(browser, report);
        } finally {
          await browser.close();
        }
      });
    },
  );
});

/** What a user sees of the report in the browser (the test above). */
async function checkReport(browser: Browser, report: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const requests: string[] = [];
  const url = pathToFileURL(report).href;
  const allowed = new Set([url]);
  // Everything but the report itself is refused and counted.
  await context.route("**/*", (route) => {
    const target = route.request().url();
    if (allowed.has(target)) return route.continue();
    requests.push(target);
    return route.abort();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("request", (request) => {
    if (!allowed.has(request.url())) requests.push(request.url());
  });
  await page.goto(url);

  const charts = await page.locator("figure.chart").all();
  // Run: 4 spend/token charts, 3 reason charts; diversity: 2 across splits, 9 for the one split.
  expect(charts.length).toBe(4 + 3 + 2 + 9);
  const empty = await page
    .locator("figure.chart.empty")
    .evaluateAll((figures) => figures.map((figure) => figure.getAttribute("data-chart")));
  // Only a reason chart may have nothing to draw (the test server's run fails nothing, may filter nothing).
  for (const chart of empty) expect(["dropped", "filtered", "failed"]).toContain(chart);
  for (const chart of await page.locator("figure.chart:not(.empty)").all()) {
    const svg = chart.locator("svg");
    const box = await svg.boundingBox();
    const name = await chart.getAttribute("data-chart");
    expect(box?.width, name ?? "").toBeGreaterThan(100);
    expect(box?.height, name ?? "").toBeGreaterThan(20);
    const drawn = await svg
      .locator("rect")
      .evaluateAll(
        (rects) =>
          rects.filter((rect) => (rect as unknown as { getBBox(): { width: number } }).getBBox().width > 0).length,
      );
    expect(drawn, name ?? "").toBeGreaterThan(0);
  }

  // Lineage of a refined record of the real run: its seed, transformation, chain with the parent's instruction.
  expect(await page.locator(".record:not([hidden])").count()).toBe(0);
  const refined = page.locator("[data-record]", { hasText: "refined ×" }).first();
  const id = await refined.getAttribute("data-record");
  await refined.click();
  const panel = page.locator(`#record-${id}`);
  await expect.poll(() => panel.isVisible()).toBe(true);
  expect(await page.locator(".record:not([hidden])").count()).toBe(1);
  for (const heading of [
    "Seed passage",
    "Instruction",
    "Refinement chain",
    "Expected outcome",
    "Verification",
    "Models",
  ]) {
    expect(await panel.locator("h4", { hasText: heading }).isVisible()).toBe(true);
  }
  expect(await panel.locator("pre.seed").innerText()).toMatch(/\w{4,}/);
  const chain = panel.locator("ol.chain li").first();
  expect(await chain.isVisible()).toBe(true);
  expect(await chain.locator("pre").innerText()).toMatch(/\w{4,}/);

  // The planted record reads as text, and none of its script ran.
  await page.locator("#search").fill("which tag is this");
  expect(await page.locator("[data-record]:visible").count()).toBe(1);
  await page.locator('[data-record="0badc0de0badc0de"]').click();
  const hostile = page.locator("#record-0badc0de0badc0de");
  expect(await hostile.locator("pre.instruction").innerText()).toBe(HOSTILE_INSTRUCTION);
  expect(await hostile.locator("pre.seed").innerText()).toBe(`Seed ${HOSTILE}`);
  expect(await hostile.innerText()).toContain(`poem"><script>window.__pwned = 3</script>`);
  expect(await hostile.locator("ol.chain").innerText()).toContain("its answer was dropped");
  expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator("h1").count()).toBe(1);

  const clean = pathToFileURL(join(work, "clean.html")).href;
  allowed.add(clean);
  await page.goto(clean);
  await page.locator("#split-rc").evaluate((section) => section.scrollIntoView());
  const shot = join(work, "report.png");
  await page.screenshot({ path: shot });
  const png = readFileSync(shot);
  expect(png.readUInt32BE(16)).toBe(1200);
  expect(png.readUInt32BE(20)).toBe(900);
  // REPORT_SCREENSHOT=docs/report.png refreshes the README's screenshot.
  if (process.env.REPORT_SCREENSHOT) await copyFile(shot, join(ROOT, process.env.REPORT_SCREENSHOT));

  expect(requests).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
}

describe.skipIf(noPostgres !== undefined)(
  `report of a run on Postgres${noPostgres ? ` (skipped: ${noPostgres})` : ""}`,
  () => {
    const schemas: string[] = [];
    afterAll(async () => {
      await dropSchemas(schemas);
    });

    it("reads the run from --store, with the same diversity as status", async () => {
      const { schema, url } = freshSchema("report");
      schemas.push(schema);
      const pgOut = join(work, "pg");
      const run = await runCli(sampleRunArgs(pgOut, "--concurrency", "8", "--workers", "1", "--store", url), {
        env: testServerEnv(server.url),
      });
      expect(run.code, run.stderr).toBe(0);
      const pgStatus = JSON.parse((await runCli(["status", "--store", url, "--json"])).stdout);
      const to = join(work, "pg-report.html");
      const result = await runCli(["report", "--store", url, "--to", to]);
      expect(result.code, result.stderr).toBe(0);
      const html = readFileSync(to, "utf8");
      expect(html).toContain(`${pgStatus.diversity.rc.records} records`);
      expect(html).toContain("Records per instruction type");
      expect(html.match(/data-record=/g)).toHaveLength(Math.min(20, pgStatus.records));
      // This run has no price: its spend reads unknown, never $0.
      expect(html).toContain("unknown (no price)");
      // The password-free store URL names the run.
      expect(html).toContain(`Run at ${url}`);
    }, 300_000);
  },
);
