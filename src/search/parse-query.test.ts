import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TranslationTable } from "../text/learn-translations.js";
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
    expect(parseQuery("théorie des graphes").englishKeys).toContain("theory des graph");
    // Two French words put in English order, the modifier first.
    expect(parseQuery("théorie des graphes").englishKeys).toContain("graph theory");
    expect(parseQuery("graph").englishKeys).toEqual([]);
  });

  it("adds the learned English of French words and phrases, and drops a cognate the corpus shows made up", () => {
    const table: TranslationTable = {
      words: new Map([
        ["apprentissage", [{ english: "learning", confidence: 0.8 }]],
        ["solaire", [{ english: "solar", confidence: 0.9 }]],
        ["annee", [{ english: "year", confidence: 0.4 }]],
      ]),
      phrases: new Map([["apprentissage automatique", [{ english: "machine learning", confidence: 0.9 }]]]),
      falseCognates: new Set(["solaire"]),
    };
    const learned = parseQuery("apprentissage automatique", "fr", table);
    expect(learned.groups).toEqual([
      ["apprentissage", "learning"],
      ["automatique", "automatic", "machine"],
    ]);
    expect(learned.englishKeys).toContain("machine learning");
    expect(parseQuery("solaire", "fr", table).groups).toEqual([["solaire", "solar"]]);
    expect(parseQuery("solaire", "fr").groups).toEqual([["solaire", "solary"]]);
    // A learned word replaces the rule's cognate ("ann").
    expect(parseQuery("année", "fr").groups).toEqual([["annee", "ann"]]);
    expect(parseQuery("année", "fr", table).groups).toEqual([["annee", "year"]]);
    // In the English interface, a text without accents is read as French when its words are mostly the table's.
    expect(parseQuery("apprentissage automatique", "en", table).englishKeys).toContain("machine learning");
    expect(parseQuery("machine learning", "en", table).groups).toEqual([["machine"], ["learning"]]);
  });

  it("reads a text with French accents as French in the English interface too, and only such a text", () => {
    expect(parseQuery("énergie électrique", "en").groups).toEqual([
      ["energie", "energy"],
      ["electrique", "electric"],
    ]);
    expect(parseQuery("Théorie des graphes", "en").englishKeys).toContain("theory des graph");
    expect(parseQuery("theorie des graphes", "en").englishKeys).toEqual([]);
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
