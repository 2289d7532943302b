/**
 * What the ontology says of the concepts two records share, for their semantic edges (`semantic-edges.ts`): a
 * concept used across unrelated fields ("Model", a country) or held by a large share of the records relates them
 * little (`senseWeightedProfiles`), and two records whose other concepts lie in far branches of the category tree
 * (a paper on apple breeding and a course on Romantic music, both naming Germany and Austria) agree little
 * (`restAgreement`). Concept pages weigh the same evidence (`sense-coherence.ts`, `concept-records.ts`).
 */
import { ProfileTable } from "./profile-table.js";
import { type SenseCoherence, senseWeight } from "./sense-coherence.js";

/** What the semantic edges read of the ontology, concepts numbered as the profiles number them. */
export interface ProfileSenses {
  /** The category of each concept at each depth of the tree, shallowest first (-1 when unknown). */
  readonly tree: readonly Int32Array[];
  readonly coherence: SenseCoherence;
  /**
   * ρ: the share of a pair's x kept when the two records' other concepts agree in nothing (`restAgreement`); in
   * [0, 1], default DEFAULT_PAIR_FLOOR; 1 turns the agreement off.
   */
  readonly pairFloor?: number;
}

/** ρ, chosen on the tune half of `npm run eval:related` (0.2 and 0 cost a tenth to a third of its nDCG). */
export const DEFAULT_PAIR_FLOOR = 0.5;

/**
 * The profiles with each edge weighed by what the ontology says of its concept: e'(r, c) = e(r, c) · w(c) · u(c),
 * w(c) = min(1, k(c) / k̄) the sense weight (`sense-coherence.ts`) and u(c) = min(1, ln(1 + N / df(c)) / mean over
 * the edges of ln(1 + N / df)), N the profiles and df(c) those holding c: a concept as common as a typical edge's
 * counts fully, one held by many more records less. Records keep their order; each one's edges are sorted again,
 * best first by e' (a source's best concepts look for partners).
 */
export function senseWeightedProfiles(table: ProfileTable, senses: ProfileSenses): ProfileTable {
  const { records, starts, concepts, scores } = table.columns();
  const hub = hubWeights(concepts, records.length);
  const weighted = new Float64Array(scores.length);
  const sortedConcepts = new Int32Array(concepts.length);
  const sortedScores = new Float64Array(scores.length);
  for (let row = 0; row < records.length; row += 1) {
    const from = starts[row] as number;
    const to = starts[row + 1] as number;
    for (let i = from; i < to; i += 1) {
      const concept = concepts[i] as number;
      weighted[i] = (scores[i] as number) * senseWeight(senses.coherence, concept) * (hub.get(concept) ?? 1);
    }
    const order = Array.from({ length: to - from }, (_, k) => from + k).sort(
      (a, b) => (weighted[b] as number) - (weighted[a] as number) || a - b,
    );
    order.forEach((i, k) => {
      sortedConcepts[from + k] = concepts[i] as number;
      sortedScores[from + k] = weighted[i] as number;
    });
  }
  return new ProfileTable({ records, starts, concepts: sortedConcepts, scores: sortedScores });
}

/** u(c) = min(1, ln(1 + N / df(c)) / mean over the edges of ln(1 + N / df)), N = `profiles`. */
function hubWeights(concepts: Int32Array, profiles: number): Map<number, number> {
  const df = new Map<number, number>();
  for (const c of concepts) df.set(c, (df.get(c) ?? 0) + 1);
  const idf = new Map([...df].map(([c, n]) => [c, Math.log1p(profiles / n)]));
  let sum = 0;
  for (const c of concepts) sum += idf.get(c) ?? 0;
  const mean = concepts.length > 0 ? sum / concepts.length : 1;
  return new Map([...idf].map(([c, v]) => [c, Math.min(1, v / mean)]));
}

/**
 * A function giving how far two records of `table` are about the same field apart from what they share: the
 * histogram intersection T = Σ_b min(p_a(b), p_b(b)) of the depth-2 branches of the category tree over each one's
 * concepts that the other lacks (by their scores in `table`; concepts the tree does not place are left out), 1 when
 * either has nothing else. Two records sharing only countries, whose other concepts lie in botany and in music,
 * agree little. One record pair costs a pass over both profiles, on dense scratch arrays.
 */
export function restAgreement(
  table: ProfileTable,
  tree: readonly Int32Array[],
): (a: number, b: number) => number {
  const level = tree[Math.min(1, tree.length - 1)] ?? new Int32Array(0);
  let branches = 0;
  for (const b of level) branches = Math.max(branches, b + 1);
  let size = 0;
  for (const c of table.concepts) size = Math.max(size, c + 1);
  const inA = new Uint8Array(size);
  const inBoth = new Uint8Array(size);
  const massA = new Float64Array(branches);
  const massB = new Float64Array(branches);
  const touched: number[] = [];
  const { concepts, scores } = table;
  const branchOf = (c: number) => (c < level.length ? (level[c] as number) : -1);
  const add = (mass: Float64Array, branch: number, score: number) => {
    if (massA[branch] === 0 && massB[branch] === 0) touched.push(branch);
    mass[branch] = (mass[branch] ?? 0) + score;
  };
  return (a, b) => {
    const aFrom = table.edgesFrom(a);
    const aTo = table.edgesTo(a);
    for (let i = aFrom; i < aTo; i += 1) inA[concepts[i] as number] = 1;
    let totalB = 0;
    for (let i = table.edgesFrom(b), end = table.edgesTo(b); i < end; i += 1) {
      const c = concepts[i] as number;
      if (inA[c] === 1) inBoth[c] = 1;
      else if (branchOf(c) >= 0) {
        add(massB, branchOf(c), scores[i] as number);
        totalB += scores[i] as number;
      }
    }
    let totalA = 0;
    for (let i = aFrom; i < aTo; i += 1) {
      const c = concepts[i] as number;
      inA[c] = 0;
      if (inBoth[c] === 1) inBoth[c] = 0;
      else if (branchOf(c) >= 0) {
        add(massA, branchOf(c), scores[i] as number);
        totalA += scores[i] as number;
      }
    }
    let t = 0;
    for (const branch of touched) {
      if (totalA > 0 && totalB > 0)
        t += Math.min((massA[branch] ?? 0) / totalA, (massB[branch] ?? 0) / totalB);
      massA[branch] = 0;
      massB[branch] = 0;
    }
    touched.length = 0;
    return totalA > 0 && totalB > 0 ? t : 1;
  };
}
