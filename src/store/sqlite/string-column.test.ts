import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareStrings } from "../../core/compare-strings.js";
import {
  columnLength,
  lowerBound,
  packStrings,
  prefixRange,
  startsWithAt,
  stringAt,
} from "./string-column.js";

const text = fc.string({ unit: fc.constantFrom("a", "b", "ab", "é", "😀", " "), maxLength: 6 });

describe("StringColumn", () => {
  it("gives back each string packed, in order", () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), (strings) => {
        const column = packStrings(strings);
        expect(columnLength(column)).toBe(strings.length);
        expect(strings.map((_, i) => stringAt(column, i))).toEqual(strings);
      }),
    );
  });

  it("finds the lower bound, the prefixes and the range of a prefix that a plain filter finds", () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), text, (strings, key) => {
        const sorted = [...strings].sort(compareStrings);
        const column = packStrings(sorted);
        expect(lowerBound(column, key)).toBe(sorted.filter((s) => s < key).length);
        expect(sorted.map((_, i) => startsWithAt(column, i, key))).toEqual(
          sorted.map((s) => s.startsWith(key)),
        );
        const [start, end] = prefixRange(column, key);
        expect(sorted.slice(start, end)).toEqual(sorted.filter((s) => s.startsWith(key)));
      }),
    );
  });
});
