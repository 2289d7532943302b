import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editDistance } from "../text/edit-distance.js";
import { replacementCost, typoDistance } from "./typo-distance.js";

describe("typoDistance", () => {
  it.each([
    ["detection", "detection", 0],
    ["detection", "detectiom", 0.5], // n and m are neighbours
    ["detection", "detectiob", 0.5], // n and b too
    ["detection", "dteection", 0.5], // a swap
    ["detection", "detectoin", 0.5],
    ["immunology", "imunology", 0.5], // an undoubled letter
    ["detection", "deteccion", 1], // t and c are not neighbours
    ["detection", "detaction", 0.75], // a vowel by ear
    ["detection", "detecion", 1], // a dropped letter
  ])("costs %s → %s %d", (meant, typed, expected) => {
    expect(typoDistance(meant, typed, 5)).toBe(expected);
  });

  it("knows neighbours on QWERTY and AZERTY keyboards", () => {
    expect(replacementCost("s", "d")).toBe(0.5);
    expect(replacementCost("a", "z")).toBe(0.5); // AZERTY's first row
    expect(replacementCost("m", "l")).toBe(0.5); // AZERTY's second row ends in m
    expect(replacementCost("p", "q")).toBe(1);
  });

  it("answers Infinity once the cost exceeds max", () => {
    expect(typoDistance("kitten", "sitting", 1)).toBe(Number.POSITIVE_INFINITY);
    expect(typoDistance("a", "abcdefgh", 2)).toBe(Number.POSITIVE_INFINITY);
  });

  it("lies between half and all of the plain edit distance, zero only for equal words", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "e", "s", "d", "m", "n"), maxLength: 8 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        const plain = editDistance(a, b, 20);
        const typo = typoDistance(a, b, 20);
        expect(typo).toBeLessThanOrEqual(plain);
        expect(typo).toBeGreaterThanOrEqual(plain / 2);
        expect(typo === 0).toBe(a === b);
      }),
    );
  });
});
