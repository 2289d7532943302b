import { describe, expect, it } from "vitest";
import { tokenise } from "../text/tokenise.js";
import {
  buildConceptDictionary,
  CONCEPT_FEATURES,
  type ConceptSource,
  USAGE_OFFSET,
} from "./concept-dictionary.js";
import { measureUsage } from "./concept-usage.js";
import { spotSurfaces } from "./spot-surfaces.js";

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

describe("acronym senses", () => {
  const acronyms = buildConceptDictionary([
    concept("Hidden_Markov_model"),
    concept("Heavy_metal_music"),
    concept("Ex_post_facto_law"),
    concept("Principal_component_analysis"),
  ]);
  /** The concepts the form `text` may mean in `d`, with their priors, as spotting sees them. */
  const senses = (d: typeof acronyms, text: string) => {
    const spots = spotSurfaces(d, tokenise(text, "en"), "en");
    return Object.fromEntries(
      (spots[0]?.surface.candidates ?? []).map((c) => [d.ids[c.concept], Math.round(c.prior * 100) / 100]),
    );
  };

  it("weigh an ambiguous acronym's senses by how often the corpus names each in full", () => {
    expect(senses(acronyms, "HMM")).toEqual({ Hidden_Markov_model: 0.5, Heavy_metal_music: 0.5 });
    const lectures = [
      ...Array.from({ length: 9 }, () => "Hidden Markov models for tagging"),
      "HMM",
      "HMM aligner",
      "Heavy metal music",
    ];
    const used = measureUsage(acronyms, new Map([["lecture", lectures]]));
    // (1 + 9) against (1 + 1): the corpus's own sense of "HMM".
    expect(senses(used, "HMM")).toEqual({ Hidden_Markov_model: 0.83, Heavy_metal_music: 0.17 });
  });

  it("drop initials the corpus writes in many records but whose name it almost never writes", () => {
    const courses = [...Array.from({ length: 30 }, () => "A course at EPFL"), "Principal component analysis"];
    const used = measureUsage(acronyms, new Map([["course", courses]]));
    expect(senses(used, "EPFL")).toEqual({});
    // One mention of the initials in a small corpus decides nothing.
    expect(senses(measureUsage(acronyms, new Map([["course", ["EPFL"]]])), "EPFL")).toEqual({
      Ex_post_facto_law: 1,
    });
    expect(senses(used, "PCA")).toEqual({ Principal_component_analysis: 1 });
  });
});
