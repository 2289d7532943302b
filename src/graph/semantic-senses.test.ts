import { describe, expect, it } from "vitest";
import { ProfileTable } from "./profile-table.js";
import { semanticEdges } from "./semantic-edges.js";
import { restAgreement, senseWeightedProfiles } from "./semantic-senses.js";

// Concepts 0–3 lie in one branch (botany: 0, 1; music: 2, 3 — two depth-2 branches under one root), 4 and 5 are
// places (a third branch). Coherence: the places are used across fields (k = 0.2 against a mean of 0.5).
const tree = [Int32Array.from([0, 0, 0, 0, 1, 1]), Int32Array.from([0, 0, 1, 1, 2, 2])];
const coherence = { k: Float64Array.from([0.5, 0.5, 0.5, 0.5, 0.2, 0.2]), mean: 0.5 };
const edge = (concept: number, score: number) => ({ concept, score });

describe("senseWeightedProfiles", () => {
  it("weighs a concept of many senses by k / mean and sorts each profile again by the weighed scores", () => {
    const table = ProfileTable.from([
      [0, [edge(4, 0.9), edge(0, 0.6)]],
      [1, [edge(1, 0.5)]],
    ]);
    const weighed = senseWeightedProfiles(table, { tree, coherence });
    // Concept 4 counts 0.2 / 0.5 of its score (and is held by as few profiles as concept 0: no hub damping).
    expect(weighed.get(0)?.map((e) => e.concept)).toEqual([0, 4]);
    expect(weighed.get(0)?.[1]?.score).toBeCloseTo(0.9 * 0.4);
  });

  it("damps a concept that many more profiles hold than a typical edge's", () => {
    const profiles = Array.from(
      { length: 20 },
      (_, r) => [r, [edge(0, 0.5), edge(r < 2 ? 1 : 2, 0.5)]] as const,
    );
    const weighed = senseWeightedProfiles(ProfileTable.from(profiles), { tree, coherence });
    const first = weighed.get(0) ?? [];
    // ln(1 + N / df) of each edge: concept 0 in all 20 profiles, 1 in 2, 2 in 18; the mean over the 40 edges.
    const mean = (20 * Math.log(2) + 2 * Math.log(11) + 18 * Math.log(1 + 20 / 18)) / 40;
    expect(first.find((e) => e.concept === 1)?.score).toBeCloseTo(0.5);
    expect(first.find((e) => e.concept === 0)?.score).toBeCloseTo((0.5 * Math.log(2)) / mean);
    expect(first.map((e) => e.concept)).toEqual([1, 0]);
  });
});

describe("restAgreement", () => {
  const table = ProfileTable.from([
    [0, [edge(4, 0.8), edge(5, 0.8), edge(0, 0.9), edge(1, 0.7)]], // botany, with places
    [1, [edge(4, 0.8), edge(5, 0.8), edge(2, 0.9), edge(3, 0.7)]], // music, with the same places
    [2, [edge(4, 0.8), edge(0, 0.6), edge(1, 0.9)]], // botany, one place
    [3, [edge(4, 0.8), edge(5, 0.8)]], // places only
  ]);
  const agreement = restAgreement(table, tree);

  it("is 0 when the concepts two records do not share lie in different branches", () => {
    expect(agreement(0, 1)).toBe(0);
    expect(agreement(1, 0)).toBe(0);
  });

  it("measures the branches of what each has apart from what they share", () => {
    // 0's rest: 5 (places) 0.8 of 2.4, botany 1.6; 2's rest: botany only (0 and 1 are shared, nothing else).
    expect(agreement(0, 2)).toBe(1);
    expect(agreement(2, 0)).toBe(1);
    expect(agreement(0, 3)).toBe(1);
  });
});

describe("semantic edges with senses", () => {
  const profiles = new Map([
    [0, [edge(4, 0.8), edge(5, 0.8), edge(0, 0.9), edge(1, 0.7)]],
    [1, [edge(4, 0.8), edge(5, 0.8), edge(2, 0.9), edge(3, 0.7)]],
    [2, [edge(0, 0.5), edge(1, 0.5), edge(4, 0.3)]],
    [3, [edge(2, 0.8), edge(3, 0.7)]],
  ]);
  const typeOf = () => "publication";

  it("ranks records of one field above records sharing only places, which it scores less than without senses", () => {
    const plain = semanticEdges(profiles, typeOf);
    const weighed = semanticEdges(profiles, typeOf, { senses: { tree, coherence } });
    const score = (edges: typeof plain, a: number, b: number) =>
      edges.find((e) => e.source === a && e.target === b)?.score ?? 0;
    expect(score(plain, 0, 1)).toBeGreaterThan(score(plain, 0, 2));
    expect(score(weighed, 0, 2)).toBeGreaterThan(score(weighed, 0, 1));
    expect(score(weighed, 0, 1) / score(weighed, 0, 2)).toBeLessThan(score(plain, 0, 1) / score(plain, 0, 2));
  });

  it("lists, when the cut leaves a list empty, the targets sharing one concept above the fallback cut", () => {
    const lone = new Map([
      [0, [edge(0, 0.9), edge(1, 0.8)]],
      [1, [edge(0, 0.9), edge(1, 0.8)]],
      [2, [edge(2, 0.9)]],
      [3, [edge(2, 0.8), edge(3, 0.5)]],
      [4, [edge(5, 0.01), edge(3, 0.01)]],
    ]);
    const without = semanticEdges(lone, typeOf);
    const withFallback = semanticEdges(lone, typeOf, { fallbackCut: 0.03 });
    const targetsOf = (edges: typeof without, source: number) =>
      edges.filter((e) => e.source === source).map((e) => e.target);
    expect(targetsOf(without, 2)).toEqual([]);
    expect(targetsOf(withFallback, 2)).toEqual([3]);
    // A list the cut does not leave empty keeps only what passes it.
    expect(targetsOf(withFallback, 0)).toEqual(targetsOf(without, 0));
    // A target sharing one barely-held concept scores below the fallback cut.
    expect(targetsOf(withFallback, 4)).toEqual([]);
  });

  it("falls back only for the types named, as source and as target", () => {
    const lone = new Map([
      [0, [edge(0, 0.9), edge(1, 0.8)]],
      [1, [edge(0, 0.9), edge(1, 0.8)]],
      [2, [edge(2, 0.9)]],
      [3, [edge(2, 0.8), edge(3, 0.5)]],
    ]);
    const kinds = ["course", "course", "person", "course"];
    const found = semanticEdges(lone, (r) => kinds[r] ?? "", {
      fallbackCut: 0.03,
      fallbackTypes: new Set(["course"]),
    });
    const targetsOf = (source: number) => found.filter((e) => e.source === source).map((e) => e.target);
    expect(targetsOf(2)).toEqual([]);
    expect(targetsOf(3)).toEqual([]);
    const all = semanticEdges(lone, (r) => kinds[r] ?? "", { fallbackCut: 0.03 });
    expect(all.filter((e) => e.source === 3).map((e) => e.target)).toEqual([2]);
  });
});
