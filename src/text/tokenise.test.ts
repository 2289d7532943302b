import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { englishCognate } from "./french-cognates.js";
import { guessLanguage } from "./language.js";
import { matchingTokens, phraseKeys, tokenise } from "./tokenise.js";
import { foldWord, stem } from "./word-key.js";

describe("tokenise", () => {
  it("treats hyphens, spaces and letter-digit boundaries alike", () => {
    expect(phraseKeys("IL-6")).toEqual(["il", "6"]);
    expect(phraseKeys("IL 6")).toEqual(["il", "6"]);
    expect(phraseKeys("IL6")).toEqual(["il", "6"]);
  });

  it("folds accents and ligatures and drops possessive 's", () => {
    expect(phraseKeys("Schrödinger's Équation")).toEqual(["schrodinger", "equation"]);
    expect(foldWord("Œdème")).toBe("oedeme");
  });

  it("keeps offsets that slice back to the original words", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        for (const token of tokenise(text)) {
          expect(token.end).toBeGreaterThan(token.start);
          expect(foldWord(text.slice(token.start, token.end)).length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it("finds the words the pattern [\\p{L}\\p{M}]+|\\p{N}+ finds, in any script, surrogate pairs included", () => {
    const unit = fc.oneof(
      fc.constantFrom(
        "a",
        "Z",
        "é",
        "1",
        "٣",
        "Ⅻ",
        " ",
        "-",
        "'",
        "’",
        "s",
        "\u0301",
        "𝐀",
        "😀",
        "\ud800",
        "\udc00",
      ),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        const expected = [...text.matchAll(/[\p{L}\p{M}]+|\p{N}+/gu)]
          .filter((m) => !(/^s$/i.test(m[0]) && /['’]/.test(text.charAt(m.index - 1))))
          .map((m) => [m.index, m.index + m[0].length]);
        expect(tokenise(text).map((t) => [t.start, t.end])).toEqual(expected);
        expect(tokenise(text, "fr").map((t) => [t.start, t.end])).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps, for highlighting, exactly the words whose key or English cognate is asked for", () => {
    const words = [
      "Apprentissage",
      "learning",
      "réseaux",
      "Network",
      "cellules",
      "cell",
      "IL-6",
      "Été",
      "data",
    ];
    const text = fc
      .array(fc.constantFrom(...words, " ", ", ", "'s"), { maxLength: 30 })
      .map((w) => w.join(" "));
    const keys = fc.uniqueArray(
      fc.constantFrom("learning", "network", "cell", "il", "6", "ete", "data", "reseau"),
    );
    fc.assert(
      fc.property(text, keys, (t, k) => {
        const wanted = new Set<string>(k);
        const expected = tokenise(t, "fr").filter(
          (token) => wanted.has(token.key) || (token.cognate !== undefined && wanted.has(token.cognate)),
        );
        expect(matchingTokens(t, wanted)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
    expect(matchingTokens("Apprentissage automatique", new Set(["learning"])).map((x) => x.start)).toEqual([
      0,
    ]);
  });

  it("marks upper-case words and gives French words an English cognate", () => {
    expect(tokenise("DNA dna").map((t) => t.upper)).toEqual([true, false]);
    expect(tokenise("théorie", "fr")[0]?.cognate).toBe("theory");
    expect(tokenise("théorie", "en")[0]?.cognate).toBeUndefined();
  });

  it("treats the plural of an acronym as upper-case", () => {
    expect(tokenise("CNNs Cnns").map((t) => t.upper)).toEqual([true, false]);
  });
});

describe("stem", () => {
  it.each([
    ["cells", "cell"],
    ["antibodies", "antibody"],
    ["signaux", "signal"],
    ["process", "process"],
    ["virus", "virus"],
    ["analysis", "analysis"],
    ["gas", "gas"],
  ])("stems %s to %s", (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it("gives a regular English plural the key of its singular", () => {
    // Singulars whose "+s" plural is another ending the stemmer keeps ("-us", "-is", "-ss") or reads otherwise
    // ("-ies" → "-y") are outside the rule; every other singular of four letters or more must meet its plural.
    const singular = fc.stringMatching(/^[a-z]{3,11}[a-hj-rtvwz]$/).filter((w) => !w.endsWith("ie"));
    fc.assert(fc.property(singular, (w) => stem(`${w}s`) === stem(w) && stem(w) === w));
  });
});

describe("englishCognate", () => {
  it.each([
    ["theorie", "theory"],
    ["modernite", "modernity"],
    ["humanisme", "humanism"],
    ["territoire", "territory"],
    ["logique", "logic"],
    ["ressource", "resource"],
    ["produit", "product"],
    ["vectoriel", "vector"],
    ["euclidien", "euclidean"],
    ["bipolaire", "bipolar"],
    ["rigide", "rigid"],
    ["orthogonale", "orthogonal"],
  ])("maps %s to %s", (french, english) => {
    expect(englishCognate(french)).toBe(english);
  });
});

describe("guessLanguage", () => {
  it("tells French from English by function words", () => {
    expect(guessLanguage("Le cours présente les bases de la physique et des mathématiques.")).toBe("fr");
    expect(guessLanguage("The course presents the basics of physics and mathematics.")).toBe("en");
    expect(guessLanguage("")).toBe("en");
  });
});
