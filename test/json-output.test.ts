import { describe, expect, it } from "vitest";
import { JsonNotFoundError, parseJsonOutput } from "../runtime/models/json-output.js";

describe("parseJsonOutput", () => {
  it("parses plain JSON", () => {
    expect(parseJsonOutput('{"a": 1}')).toEqual({ a: 1 });
  });
  it("parses JSON in ```json fences", () => {
    expect(parseJsonOutput('```json\n{"a": [1, 2]}\n```')).toEqual({ a: [1, 2] });
    expect(parseJsonOutput('Here you go:\n```\n{"a": true}\n```\nDone.')).toEqual({ a: true });
  });
  it("parses JSON preceded by prose and followed by a remark", () => {
    expect(parseJsonOutput('Sure! Here is the output:\n\n{"text": "a } inside", "n": 2}\nHope this helps.')).toEqual({
      text: "a } inside",
      n: 2,
    });
  });
  it("skips a bracket in the prose that is not JSON", () => {
    expect(parseJsonOutput('Options [A] and [B]: {"choice": "A"}')).toEqual({ choice: "A" });
  });
  it("says why when there is no JSON", () => {
    expect(() => parseJsonOutput("")).toThrow(/empty/);
    expect(() => parseJsonOutput('{"a": 1, "b": ')).toThrow(JsonNotFoundError);
    expect(() => parseJsonOutput("no json here")).toThrow(/not valid JSON/);
  });
});

describe("parseJsonOutput on truncated output", () => {
  it("does not pass off an inner object of a cut-off value as the answer", () => {
    expect(() => parseJsonOutput('{"instructions": [{"instruction": "What is the main point?"}, {"instr')).toThrow(
      /not valid JSON/,
    );
  });
});
