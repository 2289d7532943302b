import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cleanQueryText,
  MAX_QUERY_CHARS,
  MAX_QUERY_WORDS,
  parseQuery,
  requiredGroups,
} from "./parse-query.js";

describe("parseQuery", () => {
  it("folds case and accents and stems plurals, like the index", () => {
    const query = parseQuery("Électricité des Cellules");
    expect(query.groups.map((g) => g[0])).toEqual(["electricite", "des", "cellule"]);
    expect(query.matchKey).toBe("electricite des cellule");
  });

  it("adds the English cognate of a French-looking word as an alternative", () => {
    expect(parseQuery("électricité").groups).toEqual([["electricite", "electricity"]]);
    expect(parseQuery("théorie", "fr").groups).toEqual([["theorie", "theory"]]);
    expect(parseQuery("théorie des graphes").cognateKey).toBe("theory des graph");
    expect(parseQuery("graph").cognateKey).toBeUndefined();
  });

  it("reads a text with French accents as French in the English interface too, and only such a text", () => {
    expect(parseQuery("énergie électrique", "en").groups).toEqual([
      ["energie", "energy"],
      ["electrique", "electric"],
    ]);
    expect(parseQuery("Théorie des graphes", "en").cognateKey).toBe("theory des graph");
    expect(parseQuery("theorie des graphes", "en").cognateKey).toBeUndefined();
    expect(parseQuery("energy", "en").groups).toEqual([["energy"]]);
  });

  it("keeps a one-word query as an id candidate, case and punctuation intact", () => {
    expect(parseQuery("  MSE-100(c) ").idCandidate).toBe("MSE-100(c)");
    expect(parseQuery("heat transfer").idCandidate).toBeUndefined();
    expect(parseQuery("   ").idCandidate).toBeUndefined();
  });

  it("turns control characters into spaces and cuts long text", () => {
    expect(cleanQueryText("a\u0000b\u001fc\u0085d\u2028")).toBe("a b c d");
    expect(cleanQueryText("x".repeat(10_000))).toHaveLength(MAX_QUERY_CHARS);
    expect(parseQuery("word ".repeat(5_000)).groups).toHaveLength(1);
  });

  it("keeps at most the first words of a long query", () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}${i}`).join(
      " ",
    );
    expect(parseQuery(words).groups.length).toBeLessThanOrEqual(MAX_QUERY_WORDS);
  });

  it("yields only letter and digit keys for any input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (raw) => {
        const query = parseQuery(raw);
        expect(query.text.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
        for (const key of query.groups.flat()) expect(key).toMatch(/^[\p{L}\p{M}\p{N}]+$/u);
      }),
    );
  });
});

describe("requiredGroups", () => {
  it("leaves short words optional, but keeps a one-letter word typed in capitals", () => {
    const lower = parseQuery("t cells");
    expect(requiredGroups(lower.groups, lower.capitals)).toEqual([["cell"]]);
    const upper = parseQuery("T cells");
    expect(upper.capitals).toEqual(["t"]);
    expect(requiredGroups(upper.groups, upper.capitals)).toEqual([["t"], ["cell"]]);
    const article = parseQuery("A guide to cells");
    expect(requiredGroups(article.groups, article.capitals)).toEqual([["guide"], ["cell"]]);
  });
});
