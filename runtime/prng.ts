// Deterministic choices. Every random decision of a thread draws from a generator seeded by
// (run seed, skill, seed id, purpose) only, so the same --seed makes the same choices in any
// output directory, and a resumed thread repeats the choices it made before the crash.
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { sha256 } from "./hash.js";

export interface Chooser {
  /** An integer in [0, size). */
  index(size: number): number;
  pick<T>(items: readonly T[]): T;
  /** One item, with chance proportional to its weight. */
  pickWeighted<T>(items: readonly T[], weight: (item: T) => number): T;
  /** `count` distinct items (all of them when fewer), in drawn order. */
  sample<T>(items: readonly T[], count: number): T[];
}

export function chooser(...parts: Array<string | number>): Chooser {
  const seed = Number.parseInt(sha256(parts.join("\u0000"), 8), 16) | 0;
  const rng = xoroshiro128plus(seed);
  const index = (size: number): number => {
    if (size <= 0) throw new RangeError("cannot choose from an empty list");
    return uniformInt(rng, 0, size - 1);
  };
  return {
    index,
    pick: (items) => items[index(items.length)] as (typeof items)[number],
    pickWeighted(items, weight) {
      const total = items.reduce((sum, item) => sum + weight(item), 0);
      // Integer draws over a fixed resolution keep the choice exactly reproducible.
      const resolution = 1_000_000;
      let target = (index(resolution) / resolution) * total;
      for (const item of items) {
        target -= weight(item);
        if (target < 0) return item;
      }
      return items[items.length - 1] as (typeof items)[number];
    },
    sample(items, count) {
      const pool = [...items];
      const chosen: Array<(typeof items)[number]> = [];
      while (chosen.length < count && pool.length > 0) {
        chosen.push(pool.splice(index(pool.length), 1)[0] as (typeof items)[number]);
      }
      return chosen;
    },
  };
}
