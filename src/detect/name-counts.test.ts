import { describe, expect, it } from "vitest";
import { tokenise } from "../text/tokenise.js";
import { readText } from "./concept-detector.js";
import { buildConceptDictionary, type ConceptSource } from "./concept-dictionary.js";
import { nameCounts } from "./name-counts.js";
import { spotSurfaces } from "./spot-surfaces.js";

const concept = (id: string, name: string, aliases: string[] = []): ConceptSource => ({
  id,
  name,
  names: [name],
  aliases,
  cluster: undefined,
  category: undefined,
  parentCategory: undefined,
  links: [],
});
// "Mercury" is the element's name and the planet's alias: one word, two senses.
const dictionary = buildConceptDictionary([
  concept("Mercury_(element)", "Mercury"),
  concept("Mercury_(planet)", "Mercury (planet)", ["Mercury"]),
  concept("T_cell", "T cell"),
  concept("T_cell_receptor", "T cell receptor"),
]);
const counts = (text: string) => {
  const found = nameCounts(spotSurfaces(dictionary, tokenise(text, "en"), "en"));
  return new Map([...found].map(([c, n]) => [dictionary.ids[c], n]));
};

describe("name counts", () => {
  it("counts every sense a name may have, in proportion to its prior", () => {
    const found = counts("Mercury in fish; mercury levels.");
    const element = found.get("Mercury_(element)") ?? 0;
    const planet = found.get("Mercury_(planet)") ?? 0;
    expect(element + planet).toBeCloseTo(2);
    expect(element).toBeGreaterThan(planet);
    expect(planet).toBeGreaterThan(0);
  });

  it("counts a name inside a longer one for less than a name on its own", () => {
    const found = counts("The T cell receptor binds. T cells divide.");
    expect(found.get("T_cell_receptor")).toBeCloseTo(1);
    expect(found.get("T_cell") ?? 0).toBeGreaterThan(1);
    expect(found.get("T_cell") ?? 0).toBeLessThan(2);
  });

  it("reads the same spots and length as detection does", () => {
    const text = "Mercury and the T cell receptor.";
    const reading = readText(dictionary, text, { lang: "en", threshold: 0 });
    expect(reading.tokens).toBe(tokenise(text, "en").length);
    expect(nameCounts(reading.spots)).toEqual(
      nameCounts(spotSurfaces(dictionary, tokenise(text, "en"), "en")),
    );
    expect(reading.concepts.map((c) => c.id)).toContain("T_cell_receptor");
  });
});
