import { describe, expect, it } from "vitest";
import { acronymOf, buildConceptDictionary } from "./concept-dictionary.js";

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
});
