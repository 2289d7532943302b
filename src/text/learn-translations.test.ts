import { describe, expect, it } from "vitest";
import { englishCognate } from "./french-cognates.js";
import {
  type BilingualPair,
  findFalseCognates,
  learnTranslations,
  stringLikeness,
  textUnits,
} from "./learn-translations.js";

// Ten course names in both languages, where each French word's English word is plain to a reader.
const PAIRS: BilingualPair[] = [
  { fr: "Apprentissage automatique", en: "Machine learning" },
  { fr: "Apprentissage automatique avancé", en: "Advanced machine learning" },
  { fr: "Apprentissage par renforcement", en: "Reinforcement learning" },
  { fr: "Énergie solaire", en: "Solar energy" },
  { fr: "Énergie solaire et bâtiment", en: "Solar energy and building" },
  { fr: "Énergie nucléaire", en: "Nuclear energy" },
  { fr: "Physique nucléaire avancée", en: "Advanced nuclear physics" },
  { fr: "Bâtiment et énergie", en: "Building and energy" },
  { fr: "Chaleur et bâtiment", en: "Heat and building" },
  { fr: "Chaleur solaire", en: "Solar heat" },
];

describe("learnTranslations", () => {
  const table = learnTranslations(PAIRS);
  const first = (french: string) => table.words.get(french)?.[0]?.english;

  it("links each French word to the English word it shares its pairs with", () => {
    expect(first("energie")).toBe("energy");
    expect(first("solaire")).toBe("solar");
    expect(first("batiment")).toBe("building");
    expect(first("chaleur")).toBe("heat");
    expect(first("apprentissage")).toBe("learning");
    expect(first("nucleaire")).toBe("nuclear");
  });

  it("links a word one to one in each pair: a word met with a linked one is not linked to it again", () => {
    // "automatique" always stands next to "apprentissage", whose link to "learning" is stronger: it gets "machine".
    expect(first("automatique")).toBe("machine");
    expect(table.words.get("energie")?.map((t) => t.english)).not.toContain("solar");
  });

  it("learns two-word phrases in English word order", () => {
    expect(table.phrases.get("apprentissage automatique")?.[0]?.english).toBe("machine learning");
    expect(table.phrases.get("energie solaire")?.[0]?.english).toBe("solar energy");
  });

  it("gives confidences in (0, 1] and drops what was linked once", () => {
    for (const list of table.words.values()) {
      for (const t of list) expect(t.confidence).toBeGreaterThan(0);
      for (const t of list) expect(t.confidence).toBeLessThanOrEqual(1);
    }
    // "renforcement" is met once.
    expect(table.words.has("renforcement")).toBe(false);
  });

  it("learns nothing from nothing", () => {
    expect(learnTranslations([]).words.size).toBe(0);
  });
});

describe("findFalseCognates", () => {
  it("keeps the French words whose rule cognate is no English word of the corpus and nothing translates", () => {
    expect(englishCognate("solaire")).toBe("solary");
    const english = new Set(["solar", "theory"]);
    expect([...findFalseCognates(["solaire", "theorie"], english, new Map())]).toEqual(["solaire"]);
    const learned = new Map([["solaire", [{ english: "solar", confidence: 1 }]]]);
    expect([...findFalseCognates(["solaire"], english, learned)]).toEqual([]);
  });
});

describe("textUnits and stringLikeness", () => {
  it("takes content words once and phrases across French function words only", () => {
    expect(textUnits("Théorie des graphes, des graphes", "fr")).toEqual({
      words: ["theorie", "graphe"],
      phrases: ["theorie graphe", "graphe graphe"],
    });
    expect(textUnits("theory of graphs", "en").phrases).toEqual([]);
  });

  it("scores written likeness after the cognate rules", () => {
    expect(stringLikeness("theorie", "theory")).toBe(1);
    expect(stringLikeness("fenetre", "window")).toBe(0);
  });
});
