import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildSurfaceTrie, TRIE_ROOT, trieChild, trieSurface } from "./surface-trie.js";

/** The surface the trie holds for `keys`, or -1; -2 when the walk leaves the trie before the end. */
function lookUp(trie: ReturnType<typeof buildSurfaceTrie>, keys: readonly string[]): number {
  let node = TRIE_ROOT;
  for (const key of keys) {
    node = trieChild(trie, node, key);
    if (node < 0) return -2;
  }
  return trieSurface(trie, node);
}

describe("buildSurfaceTrie", () => {
  it("finds each phrase's surface, every prefix of a phrase, and nothing else, as a map of phrases does", () => {
    const key = fc.stringMatching(/^[a-zé0-9]{1,4}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.array(key, { minLength: 1, maxLength: 4 }), {
          maxLength: 40,
          selector: (keys) => keys.join(" "),
        }),
        fc.array(fc.array(key, { minLength: 1, maxLength: 4 }), { maxLength: 20 }),
        (phrases, probes) => {
          const trie = buildSurfaceTrie(phrases);
          const surfaceOf = new Map(phrases.map((keys, s) => [keys.join(" "), s]));
          const prefixes = new Set(
            phrases.flatMap((keys) => keys.map((_, i) => keys.slice(0, i + 1).join(" "))),
          );
          for (const keys of [...phrases, ...probes]) {
            const phrase = keys.join(" ");
            const expected = surfaceOf.get(phrase) ?? (prefixes.has(phrase) ? -1 : -2);
            expect(lookUp(trie, keys)).toBe(expected);
          }
        },
      ),
    );
  });

  it("tells keys apart that differ in one character or share a hash slot's neighbourhood", () => {
    const trie = buildSurfaceTrie([["cell"], ["cells"], ["cel"], ["cell", "receptor"], ["t", "cell"]]);
    expect(lookUp(trie, ["cell"])).toBe(0);
    expect(lookUp(trie, ["cells"])).toBe(1);
    expect(lookUp(trie, ["cel"])).toBe(2);
    expect(lookUp(trie, ["cell", "receptor"])).toBe(3);
    expect(lookUp(trie, ["t", "cell"])).toBe(4);
    expect(lookUp(trie, ["t"])).toBe(-1);
    expect(lookUp(trie, ["celm"])).toBe(-2);
    expect(lookUp(trie, ["receptor"])).toBe(-2);
  });
});
