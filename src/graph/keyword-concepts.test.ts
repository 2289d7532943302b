import { describe, expect, it } from "vitest";
import { buildConceptDictionary } from "../detect/concept-dictionary.js";
import { keywordConcept } from "./keyword-concepts.js";

const concept = (id: string, aliases: string[] = []) => ({
  id,
  name: id.replace(/_/g, " "),
  names: [id.replace(/_/g, " ")],
  aliases,
  cluster: undefined,
  category: undefined,
  parentCategory: undefined,
  links: [],
});

describe("keywordConcept", () => {
  const dictionary = buildConceptDictionary([
    concept("Eel", ["Eels"]),
    concept("Electron_energy_loss_spectroscopy", ["EELS"]),
  ]);
  const eel = dictionary.index.get("Eel");
  const eels = dictionary.index.get("Electron_energy_loss_spectroscopy");

  it("reads a lower-case keyword as the common word, unless the text names the acronym it also spells", () => {
    expect(keywordConcept(dictionary, "eels", new Set())).toBe(eel);
    // The record's text wrote "EELS" in capitals, and its detection found the technique.
    expect(keywordConcept(dictionary, "eels", new Set([eels as number]))).toBe(eels);
    // The text writes it in capitals only, though its detection left it out.
    expect(keywordConcept(dictionary, "eels", new Set(), "Analytical TEM using EELS and EDX.")).toBe(eels);
    expect(keywordConcept(dictionary, "eels", new Set(), "EELS, and eels in rivers.")).toBe(eel);
    // With no concept taking the capitals as an acronym, an inflected name is not the keyword's.
    const fish = buildConceptDictionary([concept("Eel"), concept("Laser")]);
    expect(keywordConcept(fish, "eels", new Set(), "TEM using EELS")).toBeUndefined();
    expect(keywordConcept(fish, "laser", new Set(), "a LASER beam")).toBe(fish.index.get("Laser"));
  });

  it("names nothing for a keyword no concept is named by as a whole", () => {
    expect(keywordConcept(dictionary, "electric eels", new Set())).toBeUndefined();
  });
});
