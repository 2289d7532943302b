import { describe, expect, it } from "vitest";
import {
  buildConceptDictionary,
  CONCEPT_FEATURES,
  type ConceptSource,
  USAGE_OFFSET,
} from "./concept-dictionary.js";
import { measureUsage } from "./concept-usage.js";

const concept = (id: string, extra: Partial<ConceptSource> = {}): ConceptSource => ({
  id,
  name: id.replaceAll("_", " "),
  names: [id.replaceAll("_", " ")],
  aliases: [],
  cluster: "c1",
  category: "k1",
  parentCategory: undefined,
  links: [],
  ...extra,
});

const dictionary = buildConceptDictionary([
  concept("Logistic_regression", { links: ["Gradient_descent"] }),
  concept("Gradient_descent"),
  concept("Linear_regression", { cluster: "c2" }),
  concept("Mercury_(planet)"),
  concept("Mercury_(element)"),
]);
const width = CONCEPT_FEATURES.length;
const feature = (d: typeof dictionary, id: string, name: (typeof CONCEPT_FEATURES)[number]) =>
  d.conceptFeatures[(d.index.get(id) ?? 0) * width + CONCEPT_FEATURES.indexOf(name)] ?? Number.NaN;

describe("concept features", () => {
  it("count a concept's links and the forms that may mean it, on a coarse log scale", () => {
    expect(feature(dictionary, "Logistic_regression", "links")).toBeGreaterThan(
      feature(dictionary, "Linear_regression", "links"),
    );
    const named = buildConceptDictionary([
      concept("Logistic_regression", { aliases: ["Logit model", "Logit regression"] }),
    ]);
    expect(feature(named, "Logistic_regression", "forms")).toBeGreaterThan(
      feature(dictionary, "Logistic_regression", "forms"),
    );
  });

  it("rise with the share of a type's records that name the concept, smoothed when the records are few", () => {
    const lectures = Array.from({ length: 2000 }, (_, i) =>
      i < 400 ? "Logistic regression" : i < 420 ? "Linear regression" : "Introduction",
    );
    const used = measureUsage(dictionary, new Map([["lecture", lectures]]));
    const lecture = (id: string) => feature(used, id, "lectureUsage");
    expect(lecture("Logistic_regression")).toBeGreaterThan(lecture("Linear_regression"));
    expect(lecture("Linear_regression")).toBeGreaterThan(lecture("Gradient_descent"));
    // No course was read: every concept has the same course usage.
    expect(feature(used, "Logistic_regression", "courseUsage")).toBe(
      feature(used, "Gradient_descent", "courseUsage"),
    );
    // Two lectures of two naming a concept are not a sure sign: far from what 400 of 2,000 give.
    const few = measureUsage(
      dictionary,
      new Map([["lecture", ["Logistic regression", "Logistic regression"]]]),
    );
    expect(feature(few, "Logistic_regression", "lectureUsage")).toBeLessThan(lecture("Logistic_regression"));
    // The ontology's part is kept.
    const ontologyPart = (d: typeof dictionary) =>
      d.ids.flatMap((_, c) => [...d.conceptFeatures.slice(c * width, c * width + USAGE_OFFSET)]);
    expect(ontologyPart(used)).toEqual(ontologyPart(dictionary));
  });

  it("do not count an ambiguous name for any of its senses", () => {
    const used = measureUsage(dictionary, new Map([["course", Array.from({ length: 50 }, () => "Mercury")]]));
    expect(feature(used, "Mercury_(planet)", "courseUsage")).toBe(
      feature(used, "Gradient_descent", "courseUsage"),
    );
  });
});
