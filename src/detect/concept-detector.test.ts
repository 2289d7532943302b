import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { openDemoStore } from "../../test/demo-store.js";
import { loadConceptDictionary } from "../app/load-concept-dictionary.js";
import { treesMargin } from "./boosted-trees.js";
import { FEATURES, INCREASING } from "./candidate-evidence.js";
import { detectConcepts, scoreCandidates } from "./concept-detector.js";
import { buildConceptDictionary, type ConceptDictionary, type ConceptSource } from "./concept-dictionary.js";
import type { DetectedConcept } from "./detected-concept.js";
import { SCORE_MODEL } from "./score-model.js";

let dictionary: ConceptDictionary;
beforeAll(async () => {
  const store = await openDemoStore();
  dictionary = await loadConceptDictionary(store);
  await store.close();
});

const ids = (found: readonly DetectedConcept[]) => found.map((c) => c.id);
const detect = (text: string, options: Parameters<typeof detectConcepts>[2] = {}) =>
  detectConcepts(dictionary, text, { threshold: 0, ...options });

describe("detectConcepts", () => {
  it.each(["IL-6", "IL 6", "IL6", "interleukin-6", "Interleukin 6"])(
    "finds Interleukin_6 written %s",
    (form) => {
      expect(ids(detect(`Macrophages secrete ${form} in inflammation.`))).toContain("Interleukin_6");
    },
  );

  it("reports each mention's span as offsets into the text", () => {
    const text = "Cytokines such as IL-6 drive inflammation; IL6 levels rise.";
    const il6 = detect(text).find((c) => c.id === "Interleukin_6");
    expect(il6?.mentions.map((m) => [m.start, m.end, m.text])).toEqual([
      [18, 22, "IL-6"],
      [43, 46, "IL6"],
    ]);
    for (const m of il6?.mentions ?? []) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it("matches plurals, accents and case", () => {
    expect(ids(detect("Vaccines and antibodies protect us."))).toEqual(
      expect.arrayContaining(["Vaccine", "Antibody"]),
    );
    expect(ids(detect("La transformée de Fourier et la mécanique quantique.", { lang: "fr" }))).toEqual(
      expect.arrayContaining(["Fourier_transform", "Quantum_mechanics"]),
    );
    expect(ids(detect("la mecanique quantique sans accents", { lang: "fr" }))).toContain("Quantum_mechanics");
  });

  it("matches an acronym only where it is written in capitals", () => {
    expect(ids(detect("The FFT of the signal"))).toContain("Fast_Fourier_transform");
    expect(ids(detect("we train a CNN"))).toContain("Convolutional_neural_network");
    expect(ids(detect("the fft of the signal and a cnn"))).not.toEqual(
      expect.arrayContaining(["Fast_Fourier_transform", "Convolutional_neural_network"]),
    );
  });

  it("prefers the longest phrase: 'fast Fourier transform' is not a bare 'Fourier transform'", () => {
    const found = detect("We compute the fast Fourier transform of each window.");
    expect(found[0]?.id).toBe("Fast_Fourier_transform");
    const fourier = found.find((c) => c.id === "Fourier_transform");
    expect(fourier?.score ?? 0).toBeLessThan(found[0]?.score ?? 0);
  });

  it("disambiguates a shared name by the other concepts of the text", () => {
    const chemistry = ids(detect("Mercury, quicksilver, is toxic; Hg vapour is measured in the lab."));
    expect(chemistry).toContain("Mercury_(element)");
    expect(chemistry).not.toContain("Mercury_(planet)");
  });

  it("ranks a concept of the title above the same concept mentioned once late in the body", () => {
    const body = `${"Students review many topics in this course. ".repeat(20)}We also mention the T cell.`;
    const titled = detect(`T cells in immunity\n\n${body}`, { titleLength: 19 }).find(
      (c) => c.id === "T_cell",
    );
    const late = detect(`Immunity\n\n${body}`, { titleLength: 8 }).find((c) => c.id === "T_cell");
    expect(titled?.score ?? 0).toBeGreaterThan(late?.score ?? 1);
  });

  it("scores higher a concept that the rest of the text supports", () => {
    const supported = detect("Cytokines, antibodies, T cells and B cells: and inflammation.").find(
      (c) => c.id === "Inflammation",
    );
    const alone = detect("Rivers, mountains, lakes and glaciers: and inflammation.").find(
      (c) => c.id === "Inflammation",
    );
    expect(supported?.score ?? 0).toBeGreaterThan(alone?.score ?? 1);
    expect(supported?.explanation.supports.map((s) => s.relation)).toContain("cluster");
  });

  it("gives scores in [0, 1], best first, and the same result for the same text", () => {
    const text = "Deep learning with convolutional neural networks for time series and signal processing.";
    const first = detect(text);
    expect(first.length).toBeGreaterThan(2);
    for (const c of first) expect(c.score).toBeGreaterThanOrEqual(0);
    for (const c of first) expect(c.score).toBeLessThanOrEqual(1);
    expect([...first].sort((a, b) => b.score - a.score)).toEqual(first);
    expect(detect(text)).toEqual(first);
  });

  it("applies the threshold and the limit", () => {
    const text = "Deep learning with convolutional neural networks for time series and signal processing.";
    const all = detect(text);
    const brief = (list: readonly DetectedConcept[]) => list.map((c) => [c.id, c.score]);
    expect(brief(detect(text, { limit: 2 }))).toEqual(brief(all.slice(0, 2)));
    expect(detect(text, { threshold: 1.01 })).toEqual([]);
  });

  it("answers empty text, numbers, binary garbage and 10 MB of text without failing", () => {
    expect(detect("")).toEqual([]);
    expect(detect("1 2 3 10 2019")).toEqual([]);
    const garbage = String.fromCharCode(...Array.from({ length: 5_000 }, (_, i) => (i * 7919) % 65_536));
    expect(Array.isArray(detect(garbage))).toBe(true);
    const big = "Interleukin 6 and T cells in the immune system. ".repeat(220_000);
    expect(big.length).toBeGreaterThan(10_000_000);
    const found = detectConcepts(dictionary, big, { maxMentions: 5 });
    expect(ids(found)).toContain("Interleukin_6");
    expect(found[0]?.mentions.length).toBeLessThanOrEqual(5);
  });

  it("exposes the features and score of every candidate for fitting", () => {
    const candidates = scoreCandidates(dictionary, "IL-6 and T cells");
    expect(candidates.map((c) => dictionary.ids[c.concept]).sort()).toEqual(["Interleukin_6", "T_cell"]);
    for (const c of candidates) expect(c.features.every(Number.isFinite)).toBe(true);
    for (const c of candidates) expect(c.features).toHaveLength(FEATURES.length);
  });

  it("scores with a model fit on the features it computes, in their order, never lower for more of a rising one", () => {
    expect(SCORE_MODEL.features).toEqual([...FEATURES]);
    const texts = [
      "IL-6 and T cells",
      "Cytokines, antibodies, T cells and B cells: and inflammation.",
      "Deep learning with convolutional neural networks for time series and signal processing.",
    ];
    const candidates = texts.flatMap((text) => scoreCandidates(dictionary, text));
    const rising = FEATURES.flatMap((f, i) => (INCREASING.has(f) ? [i] : []));
    fc.assert(
      fc.property(
        fc.constantFrom(...candidates),
        fc.constantFrom(...rising),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (candidate, feature, more) => {
          const x = [...candidate.features];
          const before = treesMargin(SCORE_MODEL, x);
          x[feature] = (x[feature] ?? 0) + more;
          expect(treesMargin(SCORE_MODEL, x)).toBeGreaterThanOrEqual(before);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("detectConcepts across word forms", () => {
  const concept = (id: string, name: string): ConceptSource => ({
    id,
    name,
    names: [name],
    aliases: [],
    cluster: undefined,
    category: undefined,
    parentCategory: undefined,
    links: [],
  });
  const small = buildConceptDictionary([
    concept("Cell_biology", "Cell biology"),
    concept("Structural_engineering", "Structural engineering"),
    concept("Graph_theory", "Graph theory"),
    concept("Recurrent_neural_network", "Recurrent neural network"),
  ]);
  const found = (text: string, lang?: "en" | "fr") =>
    detectConcepts(small, text, { threshold: 0, ...(lang ? { lang } : {}) }).map((c) => c.id);

  it("reads French phrases in English word order", () => {
    expect(found("Cours d'ingénierie structurale pour les ponts.", "fr")).toContain("Structural_engineering");
    expect(found("Introduction à la théorie des graphes.", "fr")).toContain("Graph_theory");
    expect(found("structural engineering", "fr")).toContain("Structural_engineering");
  });

  it("meets an English name through listed French words in English order", () => {
    expect(found("Un cours de biologie cellulaire.", "fr")).toContain("Cell_biology");
    expect(found("Un cours de biologie cellulaire.", "en")).not.toContain("Cell_biology");
  });

  it("matches the initials of a long name, in capitals only, plurals included", () => {
    expect(found("Training RNNs on text.")).toContain("Recurrent_neural_network");
    expect(found("the rnn package")).not.toContain("Recurrent_neural_network");
  });
});
