import { describe, expect, it } from "vitest";
import { mulberry32, weightedSample } from "./seeded-random.js";

describe("weightedSample", () => {
  it("draws distinct items, the same ones for the same seed", () => {
    const pool = Array.from({ length: 50 }, (_, i) => i);
    const first = weightedSample(mulberry32(7), pool, () => 1, 10);
    expect(new Set(first).size).toBe(10);
    expect(weightedSample(mulberry32(7), pool, () => 1, 10)).toEqual(first);
    expect(weightedSample(mulberry32(8), pool, () => 1, 10)).not.toEqual(first);
  });

  it("draws items of no weight only once every weighted item is drawn", () => {
    const pool = ["a", "b", "c", "d"];
    const weight = (t: string) => (t === "a" || t === "c" ? 1 : 0);
    expect(weightedSample(mulberry32(3), pool, weight, 2).sort()).toEqual(["a", "c"]);
    expect(weightedSample(mulberry32(3), pool, weight, 9)).toHaveLength(4);
  });

  it("favours heavy items in proportion to their weight", () => {
    const random = mulberry32(11);
    let heavy = 0;
    for (let round = 0; round < 2000; round++)
      if (weightedSample(random, ["light", "heavy"], (t) => (t === "heavy" ? 3 : 1), 1)[0] === "heavy")
        heavy += 1;
    expect(heavy / 2000).toBeGreaterThan(0.7);
    expect(heavy / 2000).toBeLessThan(0.8);
  });
});
