// The deterministic checks: what a teacher's answer states, read the way a person would read it.
import { describe, expect, it } from "vitest";
import { numericKey } from "../graphs/read-numbers.js";
import { checkAnswer, finalAnswer, statedNumber } from "../graphs/verify-answer.js";

const relative = { mode: "relative" as const, within: 0.01 };
const answer = (content: string) => [{ role: "assistant" as const, content }];

describe("reading a final answer", () => {
  it("takes the first number of a marked final answer line, and only a lone number otherwise", () => {
    expect(statedNumber(finalAnswer("Work: 2 × 3 = 6.\n\nFinal answer: 4,200 arrivals (twice 2,100)"))).toBe(4200);
    expect(statedNumber(finalAnswer("In 1872 there were 4,200 arrivals, twice the 2,100 of 1852."))).toBeUndefined();
    expect(statedNumber(finalAnswer("Steps.\n\nThere were 4,200 arrivals."))).toBe(4200);
    expect(statedNumber(finalAnswer("Final answer: about 3 × 10^4 tonnes (order of magnitude 10^4)"))).toBe(3e4);
    expect(statedNumber(finalAnswer("Final answer: roughly 2.5 million people"))).toBe(2.5e6);
    expect(statedNumber(finalAnswer("Final answer: 3·10⁴"))).toBe(3e4);
    expect(numericKey("3 to 5 km")).toBeUndefined();
    expect(numericKey("$3.5 million")).toBe(3.5e6);
  });

  it("settles numbers within the tolerance, and orders of magnitude for estimates", () => {
    const expected = { answerable: true, key: "4200" };
    expect(checkAnswer({ expected, turns: answer("Final answer: 4,200"), numeric: relative }, false)?.status).toBe(
      "agrees",
    );
    expect(checkAnswer({ expected, turns: answer("Final answer: 2,100"), numeric: relative }, false)).toMatchObject({
      status: "disagrees",
      method: "numeric",
    });
    const orders = { mode: "orders" as const, within: 1 };
    const estimate = { answerable: true, key: "30,000 tonnes" };
    expect(
      checkAnswer({ expected: estimate, turns: answer("Final answer: 8 × 10^4 t"), numeric: orders }, false),
    ).toMatchObject({ status: "agrees" });
    expect(
      checkAnswer({ expected: estimate, turns: answer("Final answer: 5 × 10^6 t"), numeric: orders }, false),
    ).toMatchObject({ status: "disagrees" });
  });

  it("holds an unanswerable item to saying so", () => {
    const expected = { answerable: false, answer: "The passage gives no toll figure for 1880." };
    expect(
      checkAnswer({ expected, turns: answer("Final answer: The passage does not say."), numeric: relative }, false),
    ).toMatchObject({ status: "agrees", method: "abstention" });
    expect(
      checkAnswer(
        { expected, turns: answer("It rose.\n\nFinal answer: 4 shillings per ton"), numeric: relative },
        false,
      ),
    ).toMatchObject({ status: "disagrees", method: "abstention" });
    // Unmarked prose is the verifier agent's to judge.
    expect(checkAnswer({ expected, turns: answer("Tolls probably rose again."), numeric: relative }, false)).toBe(
      undefined,
    );
  });

  it("compares MCQ letters and fails code whose tests failed", () => {
    const letters = ["A", "B", "C", "D"];
    const expected = { answerable: true, key: "C" };
    expect(
      checkAnswer({ expected, turns: answer("Final answer: B"), letters, numeric: relative }, false),
    ).toMatchObject({
      status: "disagrees",
      reason: "answered B; the key is C",
    });
    const execution = {
      status: "failed",
      tests: [
        { name: "test_a", status: "passed" },
        { name: "test_b", status: "failed" },
      ],
    };
    expect(
      checkAnswer({ expected: { answerable: true }, turns: answer("code"), numeric: relative, execution }, false),
    ).toMatchObject({ status: "disagrees", method: "execution", reason: "tests failed: test_b" });
  });
});
