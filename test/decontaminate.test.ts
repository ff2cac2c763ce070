// Decontamination (runtime/dataset/decontaminate.ts): eval items' n-grams, read from JSONL and Parquet.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { EvalNgrams, loadEvalNgrams } from "../runtime/dataset/decontaminate.js";

const SAMPLE = "seeds/evals/sample-eval.jsonl";
const QUESTION =
  "A bat and a ball cost one dollar and ten cents together, and the bat costs one dollar more than the ball; how much does the ball cost?";

describe("eval n-grams", () => {
  it("finds a 13-word run of an eval item in a text, whatever its case, punctuation and spacing", async () => {
    const evals = await loadEvalNgrams({ files: [SAMPLE], ngram: 13 });
    expect(evals.items).toBe(30);
    const words = QUESTION.split(" ");
    const embedded = `Here is a puzzle.\n\n${words.slice(2, 15).join("  ").toUpperCase()} -- think.`;
    expect(evals.match(embedded)).toEqual({
      evalId: "sample-eval-019",
      ngram: "and a ball cost one dollar and ten cents together and the bat",
    });
    // Twelve words in a row are not enough.
    expect(evals.match(words.slice(2, 14).join(" "))).toBeUndefined();
    expect(
      evals.match("The tide rises twice a day because the moon pulls on the oceans of the earth."),
    ).toBeUndefined();
  });

  it("reads only the named fields, names items without an id by file and line, and takes another n", async () => {
    const dir = await mkdtemp(join(tmpdir(), "evals-"));
    const file = join(dir, "mine.jsonl");
    await writeFile(
      file,
      `${JSON.stringify({ prompt: "one two three four five", note: "alpha beta gamma delta epsilon" })}\n\n` +
        `${JSON.stringify({ prompt: "six seven eight nine ten", choices: ["red green blue cyan magenta"] })}\n`,
    );
    const byPrompt = await loadEvalNgrams({ files: [file], ngram: 5, fields: ["prompt"] });
    expect(byPrompt.match("x one two three four five y")).toMatchObject({ evalId: "mine.jsonl:1" });
    expect(byPrompt.match("alpha beta gamma delta epsilon")).toBeUndefined();
    expect(byPrompt.match("six seven eight nine ten")).toMatchObject({ evalId: "mine.jsonl:3" });
    const every = await loadEvalNgrams({ files: [file], ngram: 5 });
    expect(every.match("alpha beta gamma delta epsilon")).toMatchObject({ evalId: "mine.jsonl:1" });
    expect(every.match("RED green blue cyan magenta!")).toMatchObject({ evalId: "mine.jsonl:3" });
    await expect(loadEvalNgrams({ files: [file], ngram: 5, fields: ["question"] })).rejects.toThrow(
      /no item has a text field named question/,
    );
    await writeFile(join(dir, "bad.jsonl"), "not json\n");
    await expect(loadEvalNgrams({ files: [join(dir, "bad.jsonl")], ngram: 5 })).rejects.toThrow(
      /bad\.jsonl:1: not a JSON object/,
    );
    await expect(loadEvalNgrams({ files: [join(dir, "evals.csv")], ngram: 5 })).rejects.toThrow(/JSONL .* or Parquet/);
  });

  it("reads Parquet eval files", async () => {
    const dir = await mkdtemp(join(tmpdir(), "evals-pq-"));
    const file = join(dir, "evals.parquet");
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: "id", data: ["q-1", "q-2"], type: "STRING" },
        { name: "question", data: [QUESTION, "How many legs does a spider have on its body?"], type: "STRING" },
      ],
    });
    await writeFile(file, Buffer.from(buffer));
    const evals = await loadEvalNgrams({ files: [file], ngram: 13, fields: ["question"] });
    expect(evals.items).toBe(2);
    expect(evals.tooShort).toBe(1);
    expect(evals.match(`Consider: ${QUESTION}`)).toMatchObject({ evalId: "q-1" });
  });

  it("rejects an n-gram of no words", () => {
    expect(() => new EvalNgrams(0)).toThrow(/≥ 1 word/);
  });
});
