// BM25 search over the run's own seeds (MiniSearch). The index is built once per run and saved beside the
// run store, so a resumed run loads it instead of reading every seed again; a changed seed set rebuilds it.
import { randomBytes } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { tool } from "@langchain/core/tools";
import MiniSearch from "minisearch";
import { z } from "zod";
import type { Seed } from "../runtime/corpus/read-corpus.js";
import { sha256 } from "../runtime/hash.js";

export interface Passage {
  seedId: string;
  source: string;
  kind: Seed["kind"];
  score: number;
  text: string;
}

interface IndexedSeed {
  id: string;
  text: string;
  source: string;
  kind: Seed["kind"];
}

const OPTIONS = {
  fields: ["text"],
  storeFields: ["source", "kind"],
  searchOptions: { prefix: false, fuzzy: false },
};
const INDEX_FILE = "corpus-index.json";
/** A passage shown to a model is the seed's text, cut to this length. */
const PASSAGE_CHARS = 1500;

export class CorpusSearch {
  private constructor(
    private readonly index: MiniSearch<IndexedSeed>,
    private readonly texts: (id: string) => Promise<string | undefined>,
  ) {}

  /**
   * Load the saved index for this seed set, or build it from `seeds` and save it.
   * `fingerprint` identifies the seed set (e.g. a hash of the seed ids).
   */
  static async open(options: {
    dir: string;
    fingerprint: string;
    seeds: () => AsyncIterable<Seed>;
    text: (id: string) => Promise<string | undefined>;
  }): Promise<{ search: CorpusSearch; built: boolean }> {
    const path = join(options.dir, INDEX_FILE);
    try {
      const saved = JSON.parse(await readFile(path, "utf8")) as { fingerprint: string; index: unknown };
      if (saved.fingerprint === options.fingerprint) {
        const index = MiniSearch.loadJS<IndexedSeed>(saved.index as never, OPTIONS);
        return { search: new CorpusSearch(index, options.text), built: false };
      }
    } catch {
      // No saved index (or an unreadable one): build it.
    }
    const index = new MiniSearch<IndexedSeed>(OPTIONS);
    for await (const seed of options.seeds()) {
      index.add({ id: seed.id, text: seed.text, source: seed.source, kind: seed.kind });
    }
    // Workers sharing a run may build it at once: each writes its own file, and the last rename wins (same index).
    const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.partial`;
    await writeFile(temporary, JSON.stringify({ fingerprint: options.fingerprint, index: index.toJSON() }));
    await rename(temporary, path);
    return { search: new CorpusSearch(index, options.text), built: true };
  }

  get size(): number {
    return this.index.documentCount;
  }

  /** The best `k` passages for `query`, optionally of one kind and never from the excluded seeds. */
  async search(
    query: string,
    options: { k?: number; kind?: Seed["kind"]; exclude?: string[] } = {},
  ): Promise<Passage[]> {
    const exclude = new Set(options.exclude ?? []);
    const hits = this.index.search(query, {
      combineWith: "OR",
      filter: (hit) => !exclude.has(String(hit.id)) && (!options.kind || hit.kind === options.kind),
    });
    const passages: Passage[] = [];
    for (const hit of hits.slice(0, options.k ?? 3)) {
      const text = await this.texts(String(hit.id));
      if (text === undefined) continue;
      passages.push({
        seedId: String(hit.id),
        source: String(hit.source),
        kind: hit.kind as Seed["kind"],
        score: Math.round(hit.score * 1000) / 1000,
        text: text.length > PASSAGE_CHARS ? `${text.slice(0, PASSAGE_CHARS)}…` : text,
      });
    }
    return passages;
  }
}

/** A fingerprint of a seed set from its ids (order-independent). */
export function seedSetFingerprint(ids: string[]): string {
  return sha256([...ids].sort().join("\n"), 16);
}

export function corpusSearchTool(search: CorpusSearch) {
  return tool(async ({ query, k }) => JSON.stringify(await search.search(query, { k })), {
    name: "search_corpus",
    description:
      "Search the documents of this dataset run (BM25). Returns passages with their seed ids and sources; " +
      "use them to ground an answer, and cite the sources you use.",
    schema: z.object({
      query: z.string().min(1).describe("Keywords or a question."),
      k: z.number().int().min(1).max(10).default(3).describe("How many passages."),
    }),
  });
}
