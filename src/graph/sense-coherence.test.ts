import { describe, expect, it } from "vitest";
import { categoryLevels } from "./category-tree.js";
import type { ConceptEdge } from "./entity-concepts.js";
import { COHERENCE_PRIOR, senseCoherence, senseWeight } from "./sense-coherence.js";

// Depth-2 branches: immunology (0–2), geomechanics (3–5); 6 is the generic word used in both; 7 is never seen.
const CATEGORY = ["imm", "imm", "imm", "geo", "geo", "geo", "misc", "misc"];
const PARENT = new Map([
  ["imm", "biology"],
  ["geo", "earth"],
  ["misc", "other"],
  ["biology", "science"],
  ["earth", "science"],
  ["other", "science"],
]);
const tree = categoryLevels(CATEGORY, PARENT);
const edges = (...concepts: number[]): ConceptEdge[] => concepts.map((concept) => ({ concept, score: 0.5 }));
const times = (n: number, profile: ConceptEdge[]) => Array.from({ length: n }, () => profile);

describe("sense coherence", () => {
  const profiles = [
    ...times(20, edges(0, 1, 6)),
    ...times(20, edges(3, 4, 6)),
    ...times(20, edges(0, 2)),
    ...times(20, edges(3, 5)),
  ];
  const coherence = senseCoherence(CATEGORY.length, profiles, tree);

  it("scores a concept used in one field above a word used in two unrelated ones", () => {
    expect(coherence.k[0]).toBeGreaterThan(coherence.k[6] ?? 1);
    expect(coherence.k[3]).toBeGreaterThan(coherence.k[6] ?? 1);
    expect(senseWeight(coherence, 6)).toBeLessThan(senseWeight(coherence, 0));
    expect(senseWeight(coherence, 5)).toBe(1);
  });

  it("gives a concept never seen the mean, and pulls a concept seen in few records towards it", () => {
    expect(coherence.k[7]).toBeCloseTo(coherence.mean);
    const once = senseCoherence(CATEGORY.length, [...profiles, edges(7, 3)], tree);
    const often = senseCoherence(CATEGORY.length, [...profiles, ...times(50, edges(7, 3))], tree);
    const gap = (c: typeof once) => Math.abs((c.k[7] ?? 0) - c.mean);
    expect(gap(once)).toBeLessThan(gap(often));
    expect(gap(once)).toBeGreaterThan(0);
    expect(COHERENCE_PRIOR).toBeGreaterThan(0);
  });

  it("keeps every k within [0, 1]", () => {
    for (const k of coherence.k) {
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThanOrEqual(1);
    }
  });
});
