// The agent tools that need no sandbox: exact arithmetic and BM25 search over the run's seeds.
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Seed } from "../runtime/corpus/read-corpus.js";
import { CalculatorError, calculate, calculatorTool } from "../tools/calculator.js";
import { CorpusSearch, corpusSearchTool, seedSetFingerprint } from "../tools/corpus-search.js";

describe("calculator", () => {
  it("is exact where floating point is not", () => {
    expect(calculate("0.1 + 0.2")).toBe("0.3");
    expect(calculate("2^100")).toBe("1267650600228229401496703205376");
    expect(calculate("1/3")).toBe("0.33333333333333333333");
    expect(calculate("3.2e6 * 365 / 12")).toBe("97333333.333333333333");
  });

  it("converts units", () => {
    expect(calculate("5 km to m")).toBe("5000 m");
  });

  it("refuses expressions that would change the calculator, and says why", () => {
    expect(() => calculate("import({ x: 1 })")).toThrow(/import is disabled/);
    expect(() => calculate('createUnit("foo")')).toThrow(CalculatorError);
    expect(() => calculate("1 +")).toThrow(/cannot evaluate "1 \+"/);
  });

  it("works as a LangChain tool with a zod input schema", async () => {
    expect(await calculatorTool.invoke({ expression: "12 * 12" })).toBe("144");
    await expect(calculatorTool.invoke({ expression: "" })).rejects.toThrow();
  });
});

const seeds: Seed[] = [
  { id: "a", source: "tides.md#1", kind: "text", text: "Spring tides happen when the Sun and Moon align." },
  { id: "b", source: "press.txt#1", kind: "text", text: "Gutenberg's printing press used movable metal type." },
  { id: "c", source: "cache.py#1", kind: "code", text: "def get(key):\n    return cache[key]  # LRU cache lookup" },
];

async function open(dir: string, fingerprint = seedSetFingerprint(seeds.map((seed) => seed.id))) {
  let reads = 0;
  const result = await CorpusSearch.open({
    dir,
    fingerprint,
    seeds: async function* () {
      reads += 1;
      yield* seeds;
    },
    text: async (id) => seeds.find((seed) => seed.id === id)?.text,
  });
  return { ...result, reads };
}

describe("corpus search", () => {
  it("finds passages by BM25 with their seed ids and sources", async () => {
    const { search } = await open(await mkdtemp(join(tmpdir(), "search-")));
    const [best] = await search.search("moon tides");
    expect(best).toMatchObject({ seedId: "a", source: "tides.md#1", kind: "text" });
    expect(best?.text).toContain("Spring tides");
    expect(await search.search("cache lookup", { kind: "text" })).toEqual([]);
    expect((await search.search("cache lookup", { kind: "code" }))[0]?.seedId).toBe("c");
    expect(await search.search("printing press", { exclude: ["b"] })).toEqual([]);
  });

  it("builds the index once and reuses it on resume; a new seed set rebuilds it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "search-"));
    expect((await open(dir)).built).toBe(true);
    expect(JSON.parse(await readFile(join(dir, "corpus-index.json"), "utf8")).fingerprint).toBe(
      seedSetFingerprint(["c", "b", "a"]),
    );
    const again = await open(dir);
    expect(again.built).toBe(false);
    expect(again.reads).toBe(0);
    expect((await again.search.search("Gutenberg"))[0]?.seedId).toBe("b");
    expect((await open(dir, "another-seed-set")).built).toBe(true);
  });

  it("works as a LangChain tool", async () => {
    const { search } = await open(await mkdtemp(join(tmpdir(), "search-")));
    const passages = JSON.parse(await corpusSearchTool(search).invoke({ query: "movable type", k: 1 }));
    expect(passages).toHaveLength(1);
    expect(passages[0].seedId).toBe("b");
  });
});

describe("web search", () => {
  it("is not offered without a provider key", async () => {
    const { webSearchTool } = await import("../tools/web-search.js");
    expect(webSearchTool(undefined)).toBeUndefined();
    expect(webSearchTool({ apiKey: "" })).toBeUndefined();
  });

  it("returns the provider's results, and fails loudly instead of inventing any", async () => {
    const { createServer } = await import("node:http");
    const { webSearchTool } = await import("../tools/web-search.js");
    const bodies: unknown[] = [];
    const server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        bodies.push({ auth: request.headers.authorization, ...JSON.parse(body) });
        const fail = JSON.parse(body).query === "fail";
        response.writeHead(fail ? 500 : 200, { "content-type": "application/json" });
        response.end(
          fail
            ? '{"error":"down"}'
            : JSON.stringify({
                results: [{ title: "Tides", url: "https://example.org/tides", content: "Two a day.", score: 0.9 }],
              }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const search = webSearchTool({ apiKey: "tvly-test", baseURL: `http://127.0.0.1:${port}` });
      const results = JSON.parse(String(await search?.invoke({ query: "tides", max_results: 2 })));
      expect(results).toEqual([{ title: "Tides", url: "https://example.org/tides", content: "Two a day." }]);
      expect(bodies[0]).toMatchObject({ auth: "Bearer tvly-test", query: "tides", max_results: 2 });
      await expect(search?.invoke({ query: "fail", max_results: 1 })).rejects.toThrow(/HTTP 500/);
    } finally {
      server.close();
    }
  });
});
