// Spend control, the pacing half: a run against a server that enforces a provider's per-minute limits stays within
// them (told the limits, or learning them from the x-ratelimit-* headers), finds a self-hosted server's capacity
// without being told, fails fast when nothing listens, and stops resumably when the server goes away mid-run.
// Everything runs the built CLI against the real test server over HTTP; the limits' "minute" is scaled down
// (rateWindowMs) so each run takes seconds.
import { mkdtemp, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdaptiveConcurrency } from "../runtime/models/adaptive-concurrency.js";
import { parseResetDuration, readLimitHeaders } from "../runtime/models/rate-limit-headers.js";
import { runCli, sampleRunArgs, spawnCli, testServerEnv } from "./support/cli.js";
import { formatResetDuration, startTestServer, type TestServer } from "./support/openai-test-server.js";

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "rate-limits-"));
});

const env = testServerEnv;
const runArgs = (out: string, ...extra: string[]) => sampleRunArgs(out, "--rounds", "0", ...extra);

async function status(out: string) {
  const result = await runCli(["status", out, "--json"]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

// The provider: 20 requests and 20,000 tokens per "minute" of 4 s, so 5 requests/s and 5,000 tokens/s (a
// reading-comprehension call is about 1,300 tokens, so the token limit binds first, at about 4 calls/s, well below
// the 10 or more calls/s this run makes unpaced). Three seeds make about 45 calls.
const WINDOW_MS = 4000;
const RPM = 20;
const TPM = 20_000;
const PACED = ["--limit", "3", "--concurrency", "32"];
const SCALE = 60_000 / WINDOW_MS;

describe.each([
  {
    name: "told the limits (--rpm, --tpm)",
    headers: false,
    flags: ["--rpm", String(RPM * SCALE), "--tpm", String(TPM * SCALE)],
  },
  { name: "learning them from x-ratelimit-* headers", headers: true, flags: [] },
])("a provider with RPM and TPM limits, the run $name", ({ name, headers, flags }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      latencyMs: 20,
      rateLimits: { rpm: RPM, tpm: TPM, headers },
      rateWindowMs: WINDOW_MS,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it("stays within them: under 2% of requests answered 429, every item done", async () => {
    const out = join(work, name.replace(/\W+/g, "-"));
    const started = performance.now();
    const result = await runCli(runArgs(out, ...PACED, "--json", ...flags), { env: env(server.url) });
    const seconds = (performance.now() - started) / 1000;
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.items).toMatchObject({ failed: 0, pending: 0, running: 0 });
    const share = server.rateLimited / server.requests.length;
    console.log(
      `${name}: ${server.requests.length} requests, ${server.rateLimited} answered 429 (${(share * 100).toFixed(2)}%), ` +
        `${seconds.toFixed(1)} s, waited ${(summary.rateLimitWaitMs / 1000).toFixed(1)} s on rate limits`,
    );
    expect(share).toBeLessThan(0.02);
    // The limits held the run back: it was paced, not merely lucky.
    expect(summary.rateLimitWaitMs).toBeGreaterThan(1000);
  });
});

describe("the same provider, the run neither told the limits nor shown headers", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ latencyMs: 20, rateLimits: { rpm: RPM, tpm: TPM }, rateWindowMs: WINDOW_MS });
  });
  afterAll(async () => {
    await server.close();
  });

  it("runs into them: the limits above bind", async () => {
    const out = join(work, "unpaced");
    const result = await runCli(runArgs(out, ...PACED), { env: env(server.url) });
    const share = server.rateLimited / server.requests.length;
    // Retrying on 429 alone (retry-after is a few ms here) may even lose items: exit 0 or 2.
    console.log(
      `unpaced: exit ${result.code}, ${server.requests.length} requests, ${server.rateLimited} answered 429 (${(share * 100).toFixed(1)}%)`,
    );
    expect([0, 2]).toContain(result.code);
    expect(share).toBeGreaterThan(0.05);
  });
});

describe("a self-hosted server that answers 429 'overloaded' above 8 requests in flight", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ latencyMs: 60, overloadAbove: 8 });
  });
  afterAll(async () => {
    await server.close();
  });

  it("completes a run at --concurrency 64 with every item done, its adaptive limit settling near 8", async () => {
    const out = join(work, "overloaded");
    const config = join(work, "overloaded.config.json");
    await writeFile(config, JSON.stringify({ request: { baseDelayMs: 100, maxDelayMs: 1000 } }));
    const started = performance.now();
    const result = await runCli(runArgs(out, "--limit", "6", "--concurrency", "64", "--config", config, "--json"), {
      env: env(server.url),
    });
    const seconds = (performance.now() - started) / 1000;
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.items).toMatchObject({ failed: 0, pending: 0, running: 0 });
    expect(summary.items.done).toBeGreaterThan(0);
    const share = server.overloaded / server.requests.length;
    console.log(
      `overloaded: ${server.requests.length} requests, ${server.overloaded} answered 'overloaded' (${(share * 100).toFixed(1)}%), ` +
        `peak ${server.peakInFlight} in flight, adaptive limit ${summary.concurrency} at the end, ${seconds.toFixed(1)} s`,
    );
    expect(server.peakInFlight).toBe(8);
    expect(summary.concurrency).toBeGreaterThanOrEqual(3);
    expect(summary.concurrency).toBeLessThanOrEqual(16);
    expect(share).toBeLessThan(0.15);
  });
});

/** A port where nothing listens: bound, then let go. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("a model server that is not there", () => {
  it("ends a 50-seed run in seconds with exit 4 and cannot reach URL: reason", async () => {
    const seeds = join(work, "fifty.jsonl");
    const lines = Array.from({ length: 50 }, (_, index) =>
      JSON.stringify({
        text: `Seed ${index}: the tides rise and fall twice a day because the moon pulls the oceans. `.repeat(4),
      }),
    );
    await writeFile(seeds, `${lines.join("\n")}\n`);
    const port = await deadPort();
    const started = performance.now();
    const result = await runCli(
      ["run", "--skills", "rc", "--seeds", seeds, "--out", join(work, "dead"), "--model", "openai:test-model"],
      { env: env(`http://127.0.0.1:${port}/v1`) },
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`dead endpoint: exit ${result.code} after ${seconds.toFixed(1)} s`);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`cannot reach http://127.0.0.1:${port}/v1: connect ECONNREFUSED 127.0.0.1:${port}`);
    expect(seconds).toBeLessThan(30);
  });
});

describe("a model server that goes down mid-run", () => {
  it("stops the run resumably (exit 4, items pending again), and a rerun once it is back completes", async () => {
    let server = await startTestServer({ latencyMs: 25 });
    const port = server.port;
    const out = join(work, "outage");
    const config = join(work, "outage.config.json");
    await writeFile(config, JSON.stringify({ request: { outageMs: 2000 } }));
    const argv = runArgs(out, "--limit", "6", "--concurrency", "4", "--config", config);
    try {
      const child = spawnCli(argv, { env: env(server.url) });
      const deadline = Date.now() + 60_000;
      while (server.completions < 20 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      await server.close();
      const closedAt = performance.now();
      const stopped = await child.result;
      const seconds = (performance.now() - closedAt) / 1000;
      console.log(`outage: exit ${stopped.code} ${seconds.toFixed(1)} s after the server went away`);
      expect(stopped.code, stopped.stderr).toBe(4);
      expect(stopped.stderr).toContain(`cannot reach http://127.0.0.1:${port}/v1: connect ECONNREFUSED`);
      expect(stopped.stderr).toContain(`paused: cannot reach http://127.0.0.1:${port}/v1: `);
      expect(stopped.stderr).toMatch(/resume with:\n\s+npx agentinstruct run/);
      expect(seconds).toBeLessThan(15);
      const halfway = await status(out);
      expect(halfway.items.failed).toBe(0);
      expect(halfway.items.running).toBe(0);
      expect(halfway.items.pending).toBeGreaterThan(0);

      server = await startTestServer({ port, latencyMs: 1 });
      const resumed = await runCli(argv, { env: env(server.url) });
      expect(resumed.code, resumed.stderr).toBe(0);
      expect((await status(out)).items).toMatchObject({ failed: 0, pending: 0, running: 0 });
    } finally {
      await server.close();
    }
  });
});

describe("a model server that is away for a moment", () => {
  it("pauses the run while it probes, and continues when the server is back", async () => {
    let server = await startTestServer({ latencyMs: 25 });
    const port = server.port;
    const out = join(work, "blip");
    const config = join(work, "blip.config.json");
    await writeFile(config, JSON.stringify({ request: { outageMs: 30_000 } }));
    try {
      const child = spawnCli(runArgs(out, "--limit", "6", "--concurrency", "4", "--config", config), {
        env: env(server.url),
      });
      const deadline = Date.now() + 60_000;
      while (server.completions < 20 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      await server.close();
      await new Promise((resolve) => setTimeout(resolve, 2000));
      server = await startTestServer({ port, latencyMs: 1 });
      const result = await child.result;
      expect(result.code, result.stderr).toBe(0);
      expect((await status(out)).items).toMatchObject({ failed: 0, pending: 0, running: 0 });
      expect(server.completions).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});

describe("rate-limit headers", () => {
  it("reads OpenAI's durations and Anthropic's reset times", () => {
    expect(parseResetDuration("20ms")).toBe(20);
    expect(parseResetDuration("1.5s")).toBe(1500);
    expect(parseResetDuration("6m0s")).toBe(360_000);
    expect(parseResetDuration("1h2m3s")).toBe(3_723_000);
    expect(parseResetDuration("soon")).toBeUndefined();
    expect(parseResetDuration(formatResetDuration(61_500))).toBe(61_500);
    const now = Date.parse("2026-01-01T00:00:00Z");
    const readings = readLimitHeaders(
      new Headers({
        "x-ratelimit-limit-requests": "500",
        "x-ratelimit-remaining-requests": "499",
        "x-ratelimit-reset-requests": "120ms",
        "anthropic-ratelimit-input-tokens-limit": "40000",
        "anthropic-ratelimit-input-tokens-remaining": "39000",
        "anthropic-ratelimit-input-tokens-reset": "2026-01-01T00:00:02Z",
      }),
      now,
    );
    expect(readings).toEqual({
      requests: { limit: 500, remaining: 499, resetMs: 120 },
      inputTokens: { limit: 40_000, remaining: 39_000, resetMs: 2000 },
    });
  });
});

describe("the adaptive concurrency limit", () => {
  const settle = async (limiter: AdaptiveConcurrency, count: number, outcome: "success" | "congestion") => {
    const slots = await Promise.all(Array.from({ length: count }, () => limiter.acquire()));
    for (const slot of slots) limiter.release(slot, outcome);
  };

  it("starts low, doubles per window of successes, halves on congestion, then grows by one", async () => {
    const limiter = new AdaptiveConcurrency({ max: 64, cooldownMs: 0 });
    expect(limiter.limit).toBe(4);
    await settle(limiter, 4, "success");
    expect(limiter.limit).toBe(8);
    await settle(limiter, 8, "success");
    expect(limiter.limit).toBe(16);
    // One congestion signal halves the limit; the others from requests sent before the decrease do not.
    await settle(limiter, 16, "congestion");
    expect(limiter.limit).toBe(8);
    await settle(limiter, 8, "success");
    expect(limiter.limit).toBe(9);
  });

  it("does not grow while its slots are never all taken", async () => {
    const limiter = new AdaptiveConcurrency({ max: 64, cooldownMs: 0 });
    for (let call = 0; call < 20; call += 1) await settle(limiter, 2, "success");
    expect(limiter.limit).toBe(4);
  });

  it("ignores successes within the cool-down and never goes below 1 or above the maximum", async () => {
    const limiter = new AdaptiveConcurrency({ max: 6, cooldownMs: 60_000 });
    await settle(limiter, 4, "success");
    expect(limiter.limit).toBe(6);
    for (let round = 0; round < 5; round += 1) await settle(limiter, 1, "congestion");
    expect(limiter.limit).toBe(1);
    await settle(limiter, 1, "success");
    await settle(limiter, 1, "success");
    expect(limiter.limit).toBe(1);
  });
});
