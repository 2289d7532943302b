import { describe, expect, it } from "vitest";
import { mulberry32 } from "../core/seeded-random.js";
import { TopScores } from "./top-scores.js";

describe("TopScores", () => {
  it("keeps what sorting every pair and taking the first ones keeps, ties by the lower id", () => {
    const next = mulberry32(7);
    for (let round = 0; round < 200; round += 1) {
      const n = Math.floor(next() * 60);
      const capacity = Math.floor(next() * 12);
      // Few distinct scores, so that ties are common.
      const pairs = Array.from({ length: n }, (_, i) => ({
        id: i * 3 + 1,
        score: Math.floor(next() * 5) / 4,
      }));
      for (let i = pairs.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        [pairs[i], pairs[j]] = [pairs[j] as (typeof pairs)[number], pairs[i] as (typeof pairs)[number]];
      }
      const top = new TopScores(capacity);
      for (const p of pairs) top.offer(p.id, p.score);
      const expected = [...pairs].sort((a, b) => b.score - a.score || a.id - b.id).slice(0, capacity);
      expect(top.sorted()).toEqual(expected);
      expect(top.size).toBe(expected.length);
    }
  });

  it("starts empty again after clear", () => {
    const top = new TopScores(2);
    top.offer(1, 0.5);
    top.offer(2, 0.9);
    top.offer(3, 0.7);
    expect(top.sorted().map((p) => p.id)).toEqual([2, 3]);
    top.clear();
    top.offer(4, 0.1);
    expect(top.sorted()).toEqual([{ id: 4, score: 0.1 }]);
  });
});
