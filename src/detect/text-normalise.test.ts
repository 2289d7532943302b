import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { englishCognate, foldWord, guessLanguage, phraseKeys, stem, tokenise } from "./text-normalise.js";

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

  it("is idempotent on singular forms", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z]{1,12}$/),
        (w) => stem(stem(w)) === stem(w) || w.endsWith("ies") || w.endsWith("aux") || w.endsWith("s"),
      ),
    );
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
