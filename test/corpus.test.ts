// Bad input is never fatal and never silent: each case is used or skipped with a recorded reason.
import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type CorpusEvent, readCorpus } from "../runtime/corpus/read-corpus.js";

const options = { chunk: { maxChars: 4000, minChars: 400 }, textField: "text" };
const sentence = "The tide comes in twice a day and goes out twice a day. ";

async function collect(paths: string[], textField = "text"): Promise<CorpusEvent[]> {
  const events: CorpusEvent[] = [];
  for await (const event of readCorpus(paths, { ...options, textField })) events.push(event);
  return events;
}

const seedsOf = (events: CorpusEvent[]) => events.flatMap((event) => (event.type === "seed" ? [event.seed] : []));
const reasonFor = (events: CorpusEvent[], fragment: string) =>
  events.find((event) => event.type !== "seed" && event.source.includes(fragment)) as
    | { type: string; source: string; reason: string }
    | undefined;

describe("reading a corpus with bad input", () => {
  let root: string;
  let events: CorpusEvent[];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "corpus-"));
    await writeFile(join(root, "good.md"), `# Tides\n\n${sentence.repeat(10)}`);
    await writeFile(join(root, "empty.txt"), "");
    await writeFile(join(root, "blank.txt"), "  \n\n\t \n");
    await writeFile(
      join(root, "image.txt"),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2]),
    );
    await writeFile(
      join(root, "latin1.txt"),
      Buffer.concat([Buffer.from("caf"), Buffer.from([0xe9]), Buffer.from(` au lait. ${sentence}`)]),
    );
    await symlink(join(root, "missing-target.txt"), join(root, "dangling.txt"));
    await symlink("/proc/self/clear_refs", join(root, "unreadable.txt")); // read() fails, even for root
    await writeFile(join(root, "picture.bmp"), "not a supported kind");
    await writeFile(join(root, "long-line.txt"), sentence.repeat(Math.ceil((2 * 1024 * 1024) / sentence.length)));
    await writeFile(
      join(root, "rows.jsonl"),
      [
        JSON.stringify({ text: `First row. ${sentence}` }),
        "{not json",
        JSON.stringify({ body: "no text field" }),
        JSON.stringify({ text: 42 }),
        "",
        JSON.stringify({ text: "   " }),
        JSON.stringify({ text: `Second row. ${sentence}` }),
      ].join("\n"),
    );
    await writeFile(join(root, "other.jsonl"), `${JSON.stringify({ content: `Content field. ${sentence}` })}\n`);
    await writeFile(
      join(root, "page.html"),
      "<html><head><style>.x{color:red}</style><script>var SCRIPT_SENTINEL = 1;</script></head>" +
        "<body><h1>Tides &amp; Moon</h1><p>The Moon pulls the oceans &mdash; twice daily.</p></body></html>",
    );
    await mkdir(join(root, "code"));
    await writeFile(join(root, "code", "cache.py"), "def get(key):\n    return store[key]\n");
    await mkdir(join(root, "node_modules"));
    await writeFile(join(root, "node_modules", "dep.js"), "module.exports = 1;\n");
    await writeFile(join(root, ".hidden.md"), "secret notes");
    events = await collect([root, join(root, "does-not-exist")]);
  });

  it("uses good text, HTML, code and JSONL rows", () => {
    const seeds = seedsOf(events);
    const good = seeds.find((seed) => seed.source.endsWith("good.md#1"));
    expect(good?.text).toContain("# Tides");
    expect(good?.kind).toBe("text");
    const html = seeds.find((seed) => seed.source.includes("page.html"));
    expect(html?.text).toContain("Tides & Moon");
    expect(html?.text).toContain("The Moon pulls the oceans — twice daily.");
    expect(html?.text).not.toContain("SCRIPT_SENTINEL");
    expect(html?.text).not.toContain("color:red");
    const code = seeds.find((seed) => seed.source.includes("cache.py"));
    expect(code).toMatchObject({ kind: "code", language: "python" });
    const rows = seeds.filter((seed) => seed.source.includes("rows.jsonl"));
    expect(rows.map((seed) => seed.source.replace(/^.*rows/, "rows"))).toEqual(["rows.jsonl:1#1", "rows.jsonl:7#1"]);
  });

  it("names sources relative to the corpus root's parent, whatever the working directory", () => {
    const name = basename(root);
    expect(seedsOf(events).find((seed) => seed.source.includes("good.md"))?.source).toBe(`${name}/good.md#1`);
    expect(reasonFor(events, "does-not-exist")?.source).toBe("does-not-exist");
    expect(events.every((event) => !(event.type === "seed" ? event.seed.source : event.source).startsWith("/"))).toBe(
      true,
    );
  });

  it("skips each bad file or row with a specific reason", () => {
    expect(reasonFor(events, "empty.txt")?.reason).toBe("empty file");
    expect(reasonFor(events, "blank.txt")?.reason).toMatch(/whitespace only/);
    expect(reasonFor(events, "image.txt")?.reason).toMatch(/binary file/);
    expect(reasonFor(events, "dangling.txt")?.reason).toMatch(/dangling symlink to .*missing-target\.txt/);
    expect(reasonFor(events, "unreadable.txt")?.reason).toMatch(/^unreadable: EINVAL/);
    expect(reasonFor(events, "picture.bmp")?.reason).toMatch(/unsupported file type/);
    expect(reasonFor(events, "rows.jsonl:2")?.reason).toMatch(/^malformed JSON/);
    expect(reasonFor(events, "rows.jsonl:3")?.reason).toBe('no "text" field (choose the field with --text-field)');
    expect(reasonFor(events, "rows.jsonl:4")?.reason).toMatch(/"text" is not a string/);
    expect(reasonFor(events, "rows.jsonl:6")?.reason).toBe('empty "text"');
    expect(reasonFor(events, "other.jsonl:1")?.reason).toMatch(/no "text" field/);
    expect(reasonFor(events, "node_modules")?.reason).toMatch(/dependency directory/);
    expect(reasonFor(events, ".hidden.md")?.reason).toMatch(/hidden file/);
    expect(reasonFor(events, "does-not-exist")?.reason).toMatch(/ENOENT/);
  });

  it("decodes invalid UTF-8 with replacement characters and says so", () => {
    const seed = seedsOf(events).find((candidate) => candidate.source.includes("latin1.txt"));
    expect(seed?.text).toContain("caf\uFFFD au lait");
    expect(events).toContainEqual({
      type: "warning",
      source: expect.stringContaining("latin1.txt"),
      reason: "invalid UTF-8: decoded with U+FFFD replacement characters",
    });
  });

  it("chunks a 2 MB single-line file instead of dropping it", () => {
    const chunks = seedsOf(events).filter((seed) => seed.source.includes("long-line.txt"));
    expect(chunks.length).toBeGreaterThan(500);
    expect(chunks.every((chunk) => chunk.text.length <= 6000)).toBe(true);
  });

  it("reads another JSONL field with --text-field", async () => {
    const seeds = seedsOf(await collect([join(root, "other.jsonl")], "content"));
    expect(seeds).toHaveLength(1);
    expect(seeds[0]?.text).toMatch(/^Content field\./);
  });

  it("reads directories in a stable, sorted order", async () => {
    const again = await collect([root, join(root, "does-not-exist")]);
    expect(seedsOf(again).map((seed) => seed.id)).toEqual(seedsOf(events).map((seed) => seed.id));
  });
});
