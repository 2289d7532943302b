import { describe, expect, it } from "vitest";
import { textLanguages } from "../text/language.js";
import { tokenise } from "../text/tokenise.js";
import { detectConcepts } from "./concept-detector.js";
import { buildConceptDictionary, type ConceptSource } from "./concept-dictionary.js";
import { measureUsage } from "./concept-usage.js";
import { acronymTokens, CONTAINED_WEIGHT, spotSurfaces, spotText } from "./spot-surfaces.js";

const concept = (id: string, extra: Partial<ConceptSource> = {}): ConceptSource => ({
  id,
  name: id.replaceAll("_", " "),
  names: [id.replaceAll("_", " ")],
  aliases: [],
  cluster: undefined,
  category: undefined,
  parentCategory: undefined,
  links: [],
  ...extra,
});

const dictionary = buildConceptDictionary([
  concept("Eel"),
  concept("Electron_energy_loss_spectroscopy", { aliases: ["EELS"] }),
  concept("EdX"),
  concept("Laser"),
  concept("Partial_differential_equation", { aliases: ["PDEs"] }),
]);

/** The spot of `word` in `text` (English): its candidates with their priors, its weight and whether it is miscased. */
function spotOf(text: string, word: string, d = dictionary) {
  const tokens = tokenise(text, "en");
  const spot = spotSurfaces(d, tokens, "en").find(
    (s) => text.slice(tokens[s.first]?.start, tokens[s.last]?.end) === word,
  );
  return {
    senses: Object.fromEntries(
      (spot?.surface.candidates ?? []).map((c) => [d.ids[c.concept], Math.round(c.prior * 100) / 100]),
    ),
    weight: spot?.weight,
    miscased: spot?.miscased,
  };
}

describe("acronymTokens", () => {
  const acronyms = (text: string) =>
    [...acronymTokens(tokenise(text, "en"))].map((t) => text.slice(t.start, t.end));

  it("reads a word in capitals among lower-case words as an acronym, plurals and lists included", () => {
    expect(acronyms("We study EELS, EDX and CNNs in the TEM.")).toEqual(["EELS", "EDX", "CNNs", "TEM"]);
    expect(acronyms("Methods (SEM/EDX) and more")).toEqual(["SEM", "EDX"]);
  });

  it("reads nothing in a text written all in capitals, nor in a heading of three capitals words or more", () => {
    expect(acronyms("ANALYTICAL TEM USING EELS")).toEqual([]);
    expect(acronyms("COURSE OUTLINE AND GOALS: we study EELS")).toEqual(["EELS"]);
  });
});

describe("spotSurfaces reads the text's case", () => {
  it("reads a word in capitals by the forms written so, their priors renormalised", () => {
    expect(spotOf("We study EELS in the microscope.", "EELS").senses).toEqual({
      Electron_energy_loss_spectroscopy: 1,
    });
    expect(Object.keys(spotOf("Eels swim in rivers.", "Eels").senses)).toEqual(["Eel"]);
  });

  it("keeps the prior of initials derived from a name when they are the only acronyms of a word", () => {
    const d = buildConceptDictionary([concept("Map"), concept("Memory_access_pattern")]);
    expect(spotOf("Inference of the MAP estimate.", "MAP", d).senses).toEqual({
      Memory_access_pattern: 0.33,
    });
  });

  it("keeps every sense where the case says nothing: a text all in capitals", () => {
    expect(Object.keys(spotOf("ANALYTICAL MICROSCOPY: EELS", "EELS").senses).sort()).toEqual([
      "Eel",
      "Electron_energy_loss_spectroscopy",
    ]);
  });

  it("weighs a word in capitals read as a word in another case or an inflection little", () => {
    expect(spotOf("Spectra from EDX and a beam.", "EDX")).toEqual({
      senses: { EdX: 1 },
      weight: CONTAINED_WEIGHT,
      miscased: true,
    });
    expect(spotOf("Courses from EdX and a beam.", "EdX").weight).toBe(1);
    expect(spotOf("ALL CAPITALS FROM EDX", "EDX").weight).toBe(1);
    expect(spotOf("A LASER beam and a lens.", "LASER")).toEqual({
      senses: { Laser: 1 },
      weight: 1,
      miscased: false,
    });
  });

  it("matches the plural of an acronym in capitals only", () => {
    expect(spotOf("Solving PDEs numerically.", "PDEs").senses).toEqual({ Partial_differential_equation: 1 });
    expect(spotOf("The pdes of the river.", "pdes").senses).toEqual({});
  });

  it("weighs the senses of a form that is also a word by the corpus, among its acronyms", () => {
    const d = buildConceptDictionary([
      concept("Eel"),
      concept("Electron_energy_loss_spectroscopy", { aliases: ["EELS"] }),
      concept("Energy_efficient_landscaping"),
    ]);
    expect(spotOf("Spectra by EELS here.", "EELS", d).senses).toEqual({
      Electron_energy_loss_spectroscopy: 0.58,
      Energy_efficient_landscaping: 0.42,
    });
    const used = measureUsage(
      d,
      new Map([["course", ["Electron energy loss spectroscopy", "EELS in the TEM"]]]),
    );
    expect(spotOf("Spectra by EELS here.", "EELS", used).senses).toEqual({
      // 0.7 · (1 + 2 records naming it, by its name and by the alias) against 0.5 · (1 + 0).
      Electron_energy_loss_spectroscopy: 0.81,
      Energy_efficient_landscaping: 0.19,
    });
    // The word keeps its share when written in lower case.
    expect(spotOf("Eels swim here.", "Eels", used).senses).toEqual({
      Eel: spotOf("Eels swim here.", "Eels", d).senses.Eel,
    });
  });

  it("lets detection read an acronym in capitals as its concept, not the word it inflects", () => {
    const found = detectConcepts(dictionary, "We measure EELS spectra of oxides in the microscope.", {
      threshold: 0,
    });
    expect(found.map((c) => c.id)).toContain("Electron_energy_loss_spectroscopy");
    expect(found.map((c) => c.id)).not.toContain("Eel");
  });
});

describe("spotText", () => {
  const d = buildConceptDictionary([
    concept("Modulo"),
    concept("Machine_learning"),
    concept("Memory"),
    concept("Java"),
    concept("Death", { aliases: ["Die"] }),
    concept("Del"),
  ]);
  const spotted = (text: string) =>
    spotText(d, text, textLanguages(text, "en")).spots.map(
      (s) => d.ids[s.surface.candidates[0]?.concept ?? -1],
    );

  it("reads in a text of another language its phrases and the names inside its sentences, not its words", () => {
    const spanish =
      "En este módulo del curso aprenderás los modelos de Machine Learning y la memoria con Java, y en el Módulo 2 más.";
    expect(spotted(spanish)).toEqual(["Machine_learning", "Java"]);
    // A name is written as the dictionary writes it, case too, and inside a sentence: not after a bullet.
    expect(spotted("Apnea Del Sueño: los trastornos del sueño y la memoria con Java para el curso.")).toEqual(
      ["Java"],
    );
    expect(spotted("Los temas del curso son:\n• Java y la memoria para los datos del curso.")).toEqual([]);
  });

  it("reads only the phrases of a German text, which capitalises every noun", () => {
    const german =
      "Die Studenten lernen die Grundlagen der Programmierung mit Java und wie sie sich auf Probleme anwenden lässt, die sie nicht kennen.";
    expect(spotted(german)).toEqual([]);
    expect(spotted(`${german} Sie nutzen Machine Learning.`)).toEqual(["Machine_learning"]);
  });

  it("reads every word of an English text, even a Spanish one it quotes", () => {
    expect(spotted("The modulo of the machine learning model and its memory, or el módulo.")).toEqual([
      "Modulo",
      "Machine_learning",
      "Memory",
      "Modulo",
    ]);
  });
});

describe("detection of a text in another language", () => {
  it("reads its words as context but lets only the names and phrases it quotes become concepts", () => {
    const d = buildConceptDictionary([concept("Del"), concept("Modulo"), concept("Java")]);
    const found = detectConcepts(
      d,
      "En este módulo del curso aprenderás los fundamentos de la programación con Java y sus funciones.",
      { threshold: 0 },
    );
    expect(found.map((c) => c.id)).toEqual(["Java"]);
  });
});
