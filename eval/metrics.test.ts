import { describe, expect, it } from "vitest";
import { scoreSets } from "./metrics.js";

describe("scoreSets", () => {
  it("pools counts over documents (micro) and averages R-precision per document", () => {
    const scores = scoreSets([
      { gold: ["a", "b"], predicted: ["a", "x", "b"] },
      { gold: ["c"], predicted: ["y"] },
    ]);
    expect(scores.precision).toBeCloseTo(2 / 4);
    expect(scores.recall).toBeCloseTo(2 / 3);
    expect(scores.f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3));
    // Document 1: top-2 is [a, x] → 1/2; document 2: top-1 is [y] → 0.
    expect(scores.rPrecision).toBeCloseTo(0.25);
  });

  it("counts a repeated prediction once and scores empty input as zero", () => {
    expect(scoreSets([{ gold: ["a"], predicted: ["a", "a"] }]).precision).toBe(1);
    expect(scoreSets([])).toEqual({ precision: 0, recall: 0, f1: 0, rPrecision: 0, documents: 0 });
  });
});
