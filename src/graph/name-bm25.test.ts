import { describe, expect, it } from "vitest";
import { indexTexts, nameScores } from "./name-bm25.js";

const words = (text: string) => text.split(" ");

describe("BM25 of concept names", () => {
  const index = indexTexts([
    [0, words("immune response of t cells to a virus")],
    [1, words("the immune system and the response to vaccines immune immune")],
    [2, words("reservoir response to stimulation")],
    [3, words("immune")],
    [
      5,
      words(
        "a long text about many things that mentions an immune response once among many other words here",
      ),
    ],
    [6, words("immune cognate response and immune response immune response")],
  ]);

  it("finds the records that hold a name's words in order, one word between them at most", () => {
    const found = nameScores(index, [words("immune response")]);
    expect([...found.keys()].sort()).toEqual([0, 5, 6]);
    expect(nameScores(index, [words("reservoir stimulation")]).size).toBe(0);
  });

  it("ranks a record that says the name more often, or in a shorter text, higher", () => {
    const found = nameScores(index, [words("immune response")]);
    expect(found.get(6) ?? 0).toBeGreaterThan(found.get(0) ?? 0);
    expect(found.get(0) ?? 0).toBeGreaterThan(found.get(5) ?? 0);
  });

  it("keeps each record's best name and skips names with a word no text holds", () => {
    const one = nameScores(index, [words("immune")]);
    const both = nameScores(index, [words("immune"), words("reservoir"), words("unknown word")]);
    expect(both.get(3)).toBe(one.get(3));
    expect(both.has(2)).toBe(true);
    expect(nameScores(index, [words("unknown")]).size).toBe(0);
  });

  it("weighs a rare word more than a common one", () => {
    const rare = nameScores(index, [words("stimulation")]).get(2) ?? 0;
    const common = nameScores(index, [words("response")]).get(2) ?? 0;
    expect(rare).toBeGreaterThan(common);
  });

  it("skips records the filter refuses", () => {
    expect([...nameScores(index, [words("immune")], (r) => r !== 1).keys()].sort()).toEqual([0, 3, 5, 6]);
  });
});
