/**
 * Sense coherence: whether a concept is used in one field or across unrelated ones. A word such as
 * "Stimulation" (immunology, reservoir engineering, neuroscience) or "Model" co-occurs with concepts from every
 * branch of the category tree; "Interleukin 6" with concepts of one. Relations and the concept pages' walk weigh
 * an incoherent concept less: it relates things by accident of its senses.
 */
import type { ConceptEdge } from "./entity-concepts.js";

/** How many records' worth of the corpus mean a concept's coherence starts from (the shrinkage prior). */
export const COHERENCE_PRIOR = 5;

/** Each concept's sense coherence k in [0, 1], and the corpus mean that little-seen concepts shrink towards. */
export interface SenseCoherence {
  readonly k: Float64Array;
  readonly mean: number;
}

/**
 * k(c) = (n(c) · k₀(c) + n₀ · k̄) / (n(c) + n₀), with k₀(c) = 1 − H(c) / ln B: H the entropy of the B depth-2
 * branches of the concepts that share records with c (weighted by both edges), n(c) the records that have c,
 * k̄ the mean of k₀ over the concepts seen with another, n₀ = COHERENCE_PRIOR. A concept seen in few records
 * says little of its senses, so its k stays near the mean; one never seen gets the mean.
 * `profiles` should hold records' own concepts only: a profile copied onto people or lectures is one record.
 */
export function senseCoherence(
  size: number,
  profiles: Iterable<readonly ConceptEdge[]>,
  tree: readonly Int32Array[],
): SenseCoherence {
  const level = tree[Math.min(1, tree.length - 1)];
  const raw = new Float64Array(size);
  const seen = new Float64Array(size);
  if (!level) return { k: raw.fill(1), mean: 1 };
  let branches = 0;
  for (const b of level) branches = Math.max(branches, b + 1);
  const mass = new Map<number, Map<number, number>>();
  for (const edges of profiles) {
    const inProfile = new Map<number, number>();
    let total = 0;
    for (const e of edges) {
      seen[e.concept] = (seen[e.concept] ?? 0) + 1;
      const b = level[e.concept] ?? -1;
      if (b < 0) continue;
      inProfile.set(b, (inProfile.get(b) ?? 0) + e.score);
      total += e.score;
    }
    for (const e of edges) addBranchMass(mass, e, level[e.concept] ?? -1, inProfile, total);
  }
  const maxEntropy = Math.log(Math.max(branches, 2));
  const measured = new Set<number>();
  let sum = 0;
  for (const [concept, row] of mass) {
    let rowSum = 0;
    for (const m of row.values()) rowSum += m;
    if (rowSum <= 0) continue;
    let entropy = 0;
    for (const m of row.values()) entropy -= (m / rowSum) * Math.log(m / rowSum);
    raw[concept] = 1 - entropy / maxEntropy;
    measured.add(concept);
    sum += raw[concept] ?? 0;
  }
  const mean = measured.size === 0 ? 1 : sum / measured.size;
  const k = new Float64Array(size);
  for (let c = 0; c < size; c += 1) {
    const n = measured.has(c) ? (seen[c] ?? 0) : 0;
    k[c] = (n * (raw[c] ?? 0) + COHERENCE_PRIOR * mean) / (n + COHERENCE_PRIOR);
  }
  return { k, mean };
}

/** Adds to `e`'s row the mass of the profile's other concepts in each branch. */
function addBranchMass(
  mass: Map<number, Map<number, number>>,
  e: ConceptEdge,
  own: number,
  inProfile: ReadonlyMap<number, number>,
  total: number,
): void {
  let row = mass.get(e.concept);
  if (!row) {
    row = new Map();
    mass.set(e.concept, row);
  }
  for (const [b, m] of inProfile) {
    const other = b === own ? m - e.score : m;
    if (other > 0 && total > e.score) row.set(b, (row.get(b) ?? 0) + (e.score * other) / (total - e.score));
  }
}

/**
 * The weight of a concept as evidence that two things are related: min(1, k(c) / k̄). Concepts at least as
 * coherent as the mean count fully; a word of many senses counts in proportion.
 */
export function senseWeight(coherence: SenseCoherence, concept: number): number {
  return Math.min(1, (coherence.k[concept] ?? coherence.mean) / coherence.mean);
}
