import { describe, expect, it } from "vitest";
import { Chunker, chunkText, cutPosition, normalizeForId } from "../runtime/corpus/chunker.js";
import { seedId } from "../runtime/corpus/read-corpus.js";

const options = { maxChars: 200, minChars: 40 };

describe("chunking", () => {
  it("keeps a short text whole", () => {
    expect(chunkText("One paragraph only.", options)).toEqual(["One paragraph only."]);
  });

  it("cuts at paragraph boundaries before lines or sentences", () => {
    const paragraph = (n: number) => `Paragraph ${n} ${"word ".repeat(14)}ends here.`;
    const text = [1, 2, 3, 4, 5].map(paragraph).join("\n\n");
    const chunks = chunkText(text, options);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(options.maxChars * 1.5);
      expect(chunk.startsWith("Paragraph")).toBe(true);
      expect(chunk.endsWith("ends here.")).toBe(true);
    }
    expect(chunks.join("\n\n")).toBe(text);
  });

  it("falls back to sentence, then word boundaries in a single long line", () => {
    const line = "This is a sentence that goes on. ".repeat(20).trim();
    const chunks = chunkText(line, options);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.endsWith(".")).toBe(true);
    const words = "alpha ".repeat(100).trim();
    for (const chunk of chunkText(words, options)) expect(chunk).toMatch(/^(alpha ?)+$/);
  });

  it("hard-cuts text with no boundary at all at maxChars", () => {
    expect(cutPosition("x".repeat(500), 200)).toBe(200);
  });

  it("chunks a 2 MB single-line text fed in pieces without losing characters", () => {
    const sentence = "Tides rise and fall twice a day along most coasts. ";
    const text = sentence.repeat(Math.ceil((2 * 1024 * 1024) / sentence.length));
    const chunker = new Chunker({ maxChars: 4000, minChars: 400 });
    const chunks: string[] = [];
    for (let start = 0; start < text.length; start += 65_536)
      chunks.push(...chunker.push(text.slice(start, start + 65_536)));
    chunks.push(...chunker.end());
    expect(chunks.length).toBeGreaterThan(500);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThanOrEqual(4000 * 1.5);
    expect(chunks.join(" ").replace(/\s+/g, "")).toBe(text.replace(/\s+/g, ""));
  });

  it("merges a short tail into the chunk before it", () => {
    const text = `${"a".repeat(150)}.\n\n${"b".repeat(150)}.\n\nshort tail.`;
    const chunks = chunkText(text, options);
    expect(chunks[chunks.length - 1]).toMatch(/short tail\.$/);
    expect(chunks.every((chunk) => chunk.length >= options.minChars)).toBe(true);
  });

  it("refuses options where maxChars < 2 × minChars", () => {
    expect(() => new Chunker({ maxChars: 100, minChars: 80 })).toThrow(/at least twice/);
  });
});

describe("seed ids", () => {
  it("are stable hashes of the normalized text", () => {
    expect(normalizeForId("  Hello\n\n  world\t ")).toBe("Hello world");
    expect(seedId("Hello   world")).toBe(seedId("Hello\nworld"));
    expect(seedId("Hello world")).not.toBe(seedId("Hello worlds"));
    expect(seedId("Hello world")).toMatch(/^[0-9a-f]{16}$/);
    // Pinned: ids must not change between releases, or resumed runs would redo work.
    expect(seedId("Hello world")).toBe("64ec88ca00b268e5");
  });

  it("treat composed and decomposed Unicode as the same text", () => {
    expect(seedId("caf\u00e9")).toBe(seedId("cafe\u0301"));
  });
});
