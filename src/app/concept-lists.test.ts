import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoStore } from "../../test/demo-store.js";
import { scoreOf } from "../graph/concept-records.js";
import { withVariants } from "../graph/record-variants.js";
import type { Store } from "../store/store.js";
import { categoryScoresOf, conceptsFoundIn, recordTexts } from "./concept-lists.js";
import { loadNodes } from "./graph-inputs.js";
import { loadConceptDictionary } from "./load-concept-dictionary.js";

let store: Store;
beforeAll(async () => {
  store = await openDemoStore();
});
afterAll(() => store.close());

describe("withVariants", () => {
  it("names the first eight variants and counts the others, leaving evidence without variants as it is", () => {
    const evidence = { via: [{ id: "Entropy", share: 1 }] };
    expect(withVariants(evidence, [])).toBe(evidence);
    const few = withVariants(evidence, ["PHYS-106(a)", "PHYS-106(b)"]);
    expect(few).toEqual({ ...evidence, also: ["PHYS-106(a)", "PHYS-106(b)"] });
    const ids = Array.from({ length: 11 }, (_, i) => `lb-${i}`);
    const many = withVariants(evidence, ids);
    expect(many.also).toEqual(ids.slice(0, 8));
    expect(many.alsoMore).toBe(3);
    expect(many.via).toBe(evidence.via);
  });
});

describe("categoryScoresOf", () => {
  it("finds the records whose text names a concept's category, for every concept of that category only", async () => {
    const dictionary = await loadConceptDictionary(store);
    const nodes = await loadNodes(store);
    const texts = recordTexts(nodes.records.entries(), dictionary);
    const { categoryScores: field, fieldOf } = categoryScoresOf(texts);
    const immunology = nodes.index.get("course\0BIO-479") as number;
    const il6 = dictionary.index.get("Interleukin_6") as number;
    const tCell = dictionary.index.get("T_cell") as number;
    const quantum = dictionary.index.get("Quantum_mechanics") as number;
    expect(texts.categories?.[il6]?.map((c) => c.id)).toEqual(["immunology", "life-sciences"]);
    // A record's field score is its largest weighted one over the concept's categories.
    const score = (concept: number, record: number) =>
      Math.max(0, ...field(concept).map((level) => level.weight * (scoreOf(level.scores, record) ?? 0)));
    expect(score(il6, immunology)).toBeGreaterThan(0);
    expect(score(tCell, immunology)).toBe(score(il6, immunology));
    expect(field(quantum).some((level) => scoreOf(level.scores, immunology) !== undefined)).toBe(false);
    expect(fieldOf(il6, immunology)).toBe("Immunology");
    expect(fieldOf(quantum, immunology)).toBeUndefined();
  });
});

describe("conceptsFoundIn", () => {
  it("reads a record written in another language by its keywords only", async () => {
    const dictionary = await loadConceptDictionary(store);
    const texts = recordTexts((await loadNodes(store)).records.entries(), dictionary);
    const il6 = dictionary.index.get("Interleukin_6") as number;
    const mooc = (text: string, keywords: string[] = []) => ({
      type: "mooc",
      id: "m",
      name: { en: "Inmunología" },
      text: { en: text },
      keywords,
    });
    expect(
      conceptsFoundIn(texts, mooc("The interleukin 6 pathway is a part of the immune response.")),
    ).toContain(il6);
    const spanish =
      "Este curso presenta la interleukin 6 y los linfocitos, con sus funciones para el sistema inmune.";
    expect(conceptsFoundIn(texts, mooc(spanish))).not.toContain(il6);
    expect(conceptsFoundIn(texts, mooc(spanish, ["Interleukin 6"]))).toContain(il6);
  });
});
