import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editDistance } from "./edit-distance.js";

describe("editDistance", () => {
  it.each([
    ["detection", "detection", 0],
    ["dteection", "detection", 1],
    ["detecion", "detection", 1],
    ["detectoin", "detection", 1],
    ["detectiom", "detection", 1],
    ["kitten", "sitting", 3],
    ["", "abc", 3],
  ])("counts %s → %s as %i edits", (a, b, expected) => {
    expect(editDistance(a, b, 5)).toBe(expected);
  });

  it("stops at max + 1", () => {
    expect(editDistance("kitten", "sitting", 1)).toBe(2);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
  });

  it("is symmetric, zero only for equal words, and at most the longer length", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "d"), maxLength: 8 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        const d = editDistance(a, b, 20);
        expect(editDistance(b, a, 20)).toBe(d);
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});
