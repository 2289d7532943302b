/**
 * Entity → concept edges: how strongly a course, lecture, MOOC, publication… is about each concept, from the
 * detector's scores on its texts and the author's keywords; and, for records without text of their own
 * (people, units), a profile derived from the records linked to them.
 */

/** Evidence of one concept for one entity. */
export interface ConceptEvidence {
  /** Best detector score over the entity's texts, in [0, 1]; 0 when not detected. */
  readonly detected: number;
  /** True when an author keyword names the concept exactly (a manual tag). */
  readonly keyword: boolean;
  /** Surface texts of the first mentions, for explanations. */
  readonly mentions: readonly string[];
}

/** A scored entity → concept edge. */
export interface ConceptEdge {
  readonly concept: number;
  readonly score: number;
}

/** Weight of an author keyword in the noisy-or: a keyword alone gives this score. */
export const KEYWORD_WEIGHT = 0.8;

/** Edges scoring below this are dropped. */
export const MIN_CONCEPT_SCORE = 0.05;

/**
 * The score of an entity → concept edge: a noisy-or of the independent pieces of evidence,
 * 1 − (1 − detected) · (1 − 0.8 · keyword), in [0, 1].
 */
export function conceptEdgeScore(evidence: ConceptEvidence): number {
  return 1 - (1 - evidence.detected) * (1 - (evidence.keyword ? KEYWORD_WEIGHT : 0));
}

/** The entity's concept edges from its evidence: scored, at least MIN_CONCEPT_SCORE, best first, at most `limit`. */
export function scoreEntityConcepts(
  evidence: ReadonlyMap<number, ConceptEvidence>,
  limit: number,
): ConceptEdge[] {
  const edges: ConceptEdge[] = [];
  for (const [concept, e] of evidence) {
    const score = conceptEdgeScore(e);
    if (score >= MIN_CONCEPT_SCORE) edges.push({ concept, score });
  }
  return edges.sort((a, b) => b.score - a.score || a.concept - b.concept).slice(0, limit);
}

/**
 * A derived concept profile (for a person from what they teach and write, for a unit from its courses and
 * publications): S(c) = Σ over linked records of their edge score to c, bounded as tanh(S(c) / (2 · mean S)),
 * so that a concept seen in many of the person's records approaches 1 and one seen once stays low.
 */
export function deriveConceptProfile(
  linked: readonly (readonly ConceptEdge[])[],
  limit: number,
): ConceptEdge[] {
  const sums = new Map<number, number>();
  for (const edges of linked)
    for (const e of edges) sums.set(e.concept, (sums.get(e.concept) ?? 0) + e.score);
  if (sums.size === 0) return [];
  let total = 0;
  for (const s of sums.values()) total += s;
  const mean = total / sums.size;
  const edges: ConceptEdge[] = [];
  for (const [concept, sum] of sums) {
    const score = Math.tanh(sum / (2 * mean));
    if (score >= MIN_CONCEPT_SCORE) edges.push({ concept, score });
  }
  return edges.sort((a, b) => b.score - a.score || a.concept - b.concept).slice(0, limit);
}
