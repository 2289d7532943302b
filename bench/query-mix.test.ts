import { describe, expect, it } from "vitest";
import { rareWords, topWordPairs, topWords } from "./query-mix.js";

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

describe("topWords and rareWords", () => {
  const names = [
    "Machine learning",
    "Machine vision",
    "Learning machines",
    "Deep learning",
    "Vision of machines",
  ];

  it("lists the words found in the most names, each name counted once", () => {
    expect(topWords([...names, "Learning learning"], 2)).toEqual(["learning", "machine"]);
  });

  it("lists words found in few names, spread over the alphabet", () => {
    expect(rareWords(names, 10, 2, 2)).toEqual(["machine", "machines", "vision"]);
    expect(rareWords(names, 1, 1, 2)).toEqual(["deep"]);
  });
});
