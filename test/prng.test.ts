import { describe, expect, it } from "vitest";
import { chooser } from "../runtime/prng.js";

const letters = "abcdefghijklmnopqrstuvwxyz".split("");

describe("deterministic choices", () => {
  it("repeat exactly for the same run seed, skill, seed id and purpose", () => {
    const first = chooser(7, "reading-comprehension", "seed-1", "instruct");
    const second = chooser(7, "reading-comprehension", "seed-1", "instruct");
    expect(first.sample(letters, 5)).toEqual(second.sample(letters, 5));
    expect(first.pick(letters)).toBe(second.pick(letters));
  });

  it("differ with the run seed, the seed id or the purpose", () => {
    const base = chooser(7, "rc", "seed-1", "instruct").sample(letters, 6).join("");
    expect(chooser(8, "rc", "seed-1", "instruct").sample(letters, 6).join("")).not.toBe(base);
    expect(chooser(7, "rc", "seed-2", "instruct").sample(letters, 6).join("")).not.toBe(base);
    expect(chooser(7, "rc", "seed-1", "transform").sample(letters, 6).join("")).not.toBe(base);
  });

  it("samples distinct items and at most all of them", () => {
    const sample = chooser(1, "x").sample(letters, 10);
    expect(new Set(sample).size).toBe(10);
    expect(chooser(1, "x").sample(["a", "b"], 5).sort()).toEqual(["a", "b"]);
  });

  it("spreads picks across all options and follows weights", () => {
    const counts = new Map<string, number>();
    for (let index = 0; index < 3000; index += 1) {
      const item = chooser(0, "seed", index).pickWeighted(["rare", "common"], (name) => (name === "rare" ? 1 : 3));
      counts.set(item, (counts.get(item) ?? 0) + 1);
    }
    const rare = counts.get("rare") ?? 0;
    expect(rare).toBeGreaterThan(600);
    expect(rare).toBeLessThan(900);
  });
});
