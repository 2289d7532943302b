import { describe, expect, it } from "vitest";
import { detectConcepts } from "./concept-detector.js";
import { acronymOf, buildConceptDictionary, withoutArticle } from "./concept-dictionary.js";

describe("acronymOf", () => {
  it.each([
    ["Recurrent neural network", "RNN"],
    ["Part of speech", "POS"],
    ["Long short-term memory", "LSTM"],
  ])("gives %s the initials %s", (name, acronym) => {
    expect(acronymOf(name)).toBe(acronym);
  });

  it("leaves out short names, long names, names with digits and disambiguated titles", () => {
    expect(acronymOf("Machine learning")).toBeUndefined();
    expect(acronymOf("Interleukin 6 receptor subunit")).toBeUndefined();
    expect(acronymOf("A b c d e f g")).toBeUndefined();
    expect(acronymOf("Theory of everything (physics)")).toBeUndefined();
  });
});

describe("buildConceptDictionary", () => {
  it("adds the initials of a long name as a derived form, matched in capitals only", () => {
    const dictionary = buildConceptDictionary([
      {
        id: "Recurrent_neural_network",
        name: "Recurrent neural network",
        names: ["Recurrent neural network"],
        aliases: [],
        cluster: undefined,
        category: undefined,
        parentCategory: undefined,
        links: [],
      },
    ]);
    const rnn = dictionary.surfaces.find((s) => s.text === "RNN");
    expect(rnn?.candidates.map((c) => [c.kind, c.caseSensitive])).toEqual([["derived", true]]);
  });

  it("files aliases without a leading article, so that the name and its capital make the mention", () => {
    const dictionary = buildConceptDictionary([
      {
        id: "United_States",
        name: "United States",
        names: ["United States"],
        aliases: ["the United States", "USA"],
        cluster: undefined,
        category: undefined,
        parentCategory: undefined,
        links: [],
      },
    ]);
    expect(dictionary.surfaces.map((s) => s.text).sort()).toEqual(["USA", "United States"]);
    const [found] = detectConcepts(dictionary, "Swimming and diving in the United States.", { threshold: 0 });
    expect(found?.mentions.map((m) => m.text)).toEqual(["United States"]);
  });
});

describe("withoutArticle", () => {
  it.each([
    ["the United States", "United States"],
    ["The Hague", "Hague"],
    ["l'Europe", "Europe"],
    ["la Suisse", "Suisse"],
    ["Theory", "Theory"],
    ["Lagrangian", "Lagrangian"],
    ["A priori", "A priori"],
    ["The", "The"],
  ])("files %s as %s", (form, filed) => {
    expect(withoutArticle(form)).toBe(filed);
  });
});
