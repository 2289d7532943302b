import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTypoIndex, typoCandidates } from "../../text/typo-index.js";
import { buildDeletionIndex, deletionCandidates } from "./deletion-index.js";

const vocabulary = (terms: readonly string[]) => terms.map((term, i) => ({ term, df: (i * 7) % 5 }));

describe("deletionCandidates", () => {
  it("finds what the map-based deletion index finds, in the same order, for one and two edits", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "é", "😀"), minLength: 0, maxLength: 9 });
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { maxLength: 40 }),
        word,
        fc.constantFrom(1, 2),
        (terms, query, maxEdits) => {
          const words = vocabulary(terms);
          expect(deletionCandidates(buildDeletionIndex(words), query, maxEdits, 100)).toEqual(
            typoCandidates(buildTypoIndex(words), query, maxEdits, 100),
          );
        },
      ),
    );
  });

  it("corrects a typo in a larger vocabulary, where hashes share buckets", () => {
    const terms = Array.from({ length: 5_000 }, (_, i) => `term${i.toString(36)}x`);
    const index = buildDeletionIndex(vocabulary([...terms, "thermodynamics"]));
    expect(deletionCandidates(index, "thermodinamics", 1, 5).map((w) => w.term)).toEqual(["thermodynamics"]);
    expect(deletionCandidates(index, "zzzzzz", 2, 5)).toEqual([]);
  });
});
