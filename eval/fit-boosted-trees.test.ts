import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { treesMargin } from "../src/detect/boosted-trees.js";
import { binEdges, DEFAULT_BOOSTING, fitBoostedTrees } from "./fit-boosted-trees.js";

/** A grid of points in [0, 1)², deterministic. */
function grid(n: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) rows.push([i / n, j / n]);
  return rows;
}

const small = { ...DEFAULT_BOOSTING, rounds: 40, minLeaf: 5, learningRate: 0.3 };

/** Trees over two features "a" and "b", every sample weighing 1 unless `weights` says otherwise. */
function fitTwo(
  x: number[][],
  y: number[],
  options: Parameters<typeof fitBoostedTrees>[4] = small,
  weights: number[] = y.map(() => 1),
) {
  return fitBoostedTrees(["a", "b"], x, y, weights, options);
}

describe("fitBoostedTrees", () => {
  it("learns a rule no single linear score can: positive when exactly one coordinate is above a half", () => {
    const x = grid(20);
    const y = x.map(([a = 0, b = 0]) => (a > 0.5 !== b > 0.5 ? 1 : 0));
    const model = fitTwo(x, y);
    const wrong = x.filter((row, i) => (treesMargin(model, row) > 0 ? 1 : 0) !== y[i]).length;
    expect(wrong / x.length).toBeLessThan(0.05);
  });

  it("keeps the score rising with a feature constrained to, even where the data says otherwise", () => {
    const x = grid(20);
    // Falls with a above 0.7, rises below: an unconstrained model follows, a constrained one may not fall.
    const y = x.map(([a = 0]) => (a > 0.3 && a < 0.7 ? 1 : 0));
    const free = fitTwo(x, y);
    const bound = fitTwo(x, y, { ...small, monotone: [1, 0] });
    expect(treesMargin(free, [0.9, 0.5])).toBeLessThan(treesMargin(free, [0.5, 0.5]));
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a1, a2, b) => {
          const [low, high] = a1 <= a2 ? [a1, a2] : [a2, a1];
          expect(treesMargin(bound, [low, b])).toBeLessThanOrEqual(treesMargin(bound, [high, b]) + 1e-12);
        },
      ),
    );
  });

  it("weighs samples: doubling the weight of the positives raises the base and the mean score", () => {
    const x = grid(10);
    const y = x.map(([a = 0, b = 0]) => (a + b > 1 ? 1 : 0));
    const even = fitTwo(x, y);
    const heavy = fitTwo(
      x,
      y,
      small,
      y.map((v) => (v ? 2 : 1)),
    );
    const mean = (model: typeof even) =>
      x.reduce((sum, row) => sum + 1 / (1 + Math.exp(-treesMargin(model, row))), 0) / x.length;
    expect(heavy.base).toBeGreaterThan(even.base);
    expect(mean(heavy)).toBeGreaterThan(mean(even));
  });

  it("never makes a leaf of fewer samples than asked, and gives the same trees for the same data", () => {
    const x = grid(10);
    const y = x.map(([a = 0], i) => (a > 0.45 || i % 7 === 0 ? 1 : 0));
    const options = { ...small, minLeaf: 30, depth: 4 };
    const model = fitTwo(x, y, options);
    for (const tree of model.trees) {
      const counts = new Map<number, number>();
      for (const row of x) {
        let at = 0;
        for (let node = tree[0]; node && node[0] >= 0; node = tree[at])
          at = (row[node[0]] ?? 0) <= node[1] ? node[2] : node[3];
        counts.set(at, (counts.get(at) ?? 0) + 1);
      }
      for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(30);
    }
    expect(fitTwo(x, y, options)).toEqual(model);
  });
});

describe("binEdges", () => {
  it("cuts between the distinct values when there are few, at quantiles when there are many", () => {
    expect(binEdges([3, 1, 2, 1], 8)).toEqual([1, 2]);
    const many = Array.from({ length: 1000 }, (_, i) => i);
    const edges = binEdges(many, 10);
    expect(edges).toHaveLength(9);
    expect(edges[0]).toBe(100);
    expect([...edges].sort((a, b) => a - b)).toEqual(edges);
  });
});
