import { describe, expect, it } from "vitest";
import { topWordPairs } from "./query-mix.js";

describe("topWordPairs", () => {
  it("counts adjacent word pairs across names, most frequent first, ties by text", () => {
    const names = [
      "Machine learning",
      "Machine Learning for physics",
      "Deep learning",
      "Physics of machine learning",
    ];
    expect(topWordPairs(names, 3)).toEqual(["machine learning", "deep learning", "for physics"]);
  });

  it("never pairs words of two different names", () => {
    expect(topWordPairs(["alpha", "beta"], 5)).toEqual([]);
  });
});
