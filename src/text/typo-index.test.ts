import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editDistance } from "./edit-distance.js";
import { buildTypoIndex, deletions, typoCandidates } from "./typo-index.js";

const vocabulary = (terms: readonly string[]) => terms.map((term, i) => ({ term, df: i + 1 }));

describe("typoCandidates", () => {
  const index = buildTypoIndex(
    vocabulary(["detection", "selection", "election", "materials", "material", "riemann"]),
  );

  it("finds a word from a swap, a dropped letter, a replaced letter or an extra letter", () => {
    for (const typo of ["dteection", "detecion", "detectiom", "detectiion"]) {
      expect(typoCandidates(index, typo, 1, 5).map((w) => w.term)).toEqual(["detection"]);
    }
  });

  it("orders candidates by distance, then by document frequency", () => {
    expect(typoCandidates(index, "materiall", 1, 5).map((w) => w.term)).toEqual(["material", "materials"]);
    expect(typoCandidates(index, "materia", 1, 5).map((w) => w.term)).toEqual(["material"]);
  });

  it("looks for two edits only in long words that one edit does not correct", () => {
    expect(typoCandidates(index, "riwmnan", 2, 5)).toEqual([]);
    expect(typoCandidates(index, "dtecetion", 2, 5).map((w) => w.term)).toEqual(["detection"]);
  });

  it("returns the words within one edit, as a brute-force filter does", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c"), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 30 }), word, (terms, query) => {
        const found = typoCandidates(buildTypoIndex(vocabulary(terms)), query, 1, 100).map((w) => w.term);
        const expected = terms.filter((t) => t !== query && editDistance(query, t, 1) <= 1);
        expect(found.sort()).toEqual(expected.sort());
      }),
    );
  });

  it("lists each one-letter deletion once", () => {
    expect(deletions("boot")).toEqual(["oot", "bot", "boo"]);
  });
});
