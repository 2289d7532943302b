/**
 * Concept ↔ concept edges from four kinds of evidence: a hyperlink between their articles (corpus `link`),
 * co-occurrence in the same records (cosine over entity → concept scores, so that frequent concepts do not
 * dominate), the same ontology cluster, and the same category. Combined by a noisy-or. Co-occurrence counts
 * less towards a concept used in many unrelated fields (its sense weight, `sense-coherence.ts`): the detector may
 * have read it in the wrong sense, as when a record names both "IL-6" and the "stimulation" of cells, which is
 * also the reservoir engineer's word. A link points to one article, one sense, but an article links to much that
 * is not its subject ("Sustainability" to "IKEA", "Landscape" to "20th century"): a link counts less between
 * concepts far apart in the category tree.
 */
import { sortedHas } from "../core/sorted-ints.js";
import { treeProximity } from "./category-tree.js";
import type { ConceptEdge } from "./entity-concepts.js";
import { type SenseCoherence, senseWeight } from "./sense-coherence.js";

/** What the relations need to know of the ontology, concepts numbered 0…n-1. */
export interface Ontology {
  readonly size: number;
  readonly cluster: Int32Array;
  readonly category: Int32Array;
  /** Linked concepts of each concept, both directions. */
  readonly links: readonly Int32Array[];
}

/** Why two concepts are related. */
export type RelationEvidence = {
  readonly link: boolean;
  /** Cosine of their co-occurrence over records, 0 when they never share a record. */
  readonly cooccurrence: number;
  readonly cluster: boolean;
  readonly category: boolean;
  /** The target's sense weight in [0, 1], which scales the co-occurrence; 1 when not given. */
  readonly sense?: number;
  /** How close the two sit in the category tree, in [0, 1] (`treeProximity`), which scales a link; 1 when not given. */
  readonly tree?: number;
};

/** The share of a link's weight kept between concepts with no category in common; as the concept pages' λ. */
export const LINK_TREE_FLOOR = 0.3;

/** A scored relation from one concept to another. */
export interface ConceptRelation {
  readonly source: number;
  readonly target: number;
  readonly score: number;
  readonly evidence: RelationEvidence;
}

/** Weight of each kind of evidence in the noisy-or. */
export const RELATION_WEIGHTS = { link: 0.8, cluster: 0.4, category: 0.2 } as const;

/**
 * score = 1 − (1 − 0.8·link·(0.3 + 0.7·tree))(1 − cooccurrence·sense)(1 − 0.4·cluster)(1 − 0.2·category).
 */
export function relationScore(e: RelationEvidence): number {
  const w = RELATION_WEIGHTS;
  const near = LINK_TREE_FLOOR + (1 - LINK_TREE_FLOOR) * (e.tree ?? 1);
  return (
    1 -
    (1 - (e.link ? w.link * near : 0)) *
      (1 - e.cooccurrence * (e.sense ?? 1)) *
      (1 - (e.cluster ? w.cluster : 0)) *
      (1 - (e.category ? w.category : 0))
  );
}

/** Options of `conceptRelations`. */
export interface ConceptRelationOptions {
  /** Relations kept per concept; default 12. */
  readonly perConcept?: number;
  /** Each record's best concepts that form co-occurrence pairs; default 12. */
  readonly pairsPerEntity?: number;
  /** Sense coherence of the concepts, to weigh co-occurrence by the target's; default none (weight 1). */
  readonly coherence?: SenseCoherence;
  /** The category tree (`categoryLevels`), to weigh links by how close their ends sit; default none (weight 1). */
  readonly tree?: readonly Int32Array[];
}

/**
 * The best `perConcept` relations of every concept. `profiles` are the records' own concept edges (a profile
 * derived for a person from one publication would count that publication twice); `popularity` breaks ties (more
 * records first).
 */
export function conceptRelations(
  ontology: Ontology,
  profiles: Iterable<readonly ConceptEdge[]>,
  popularity: (concept: number) => number,
  options: ConceptRelationOptions = {},
): ConceptRelation[] {
  const perConcept = options.perConcept ?? 12;
  const { coherence, tree } = options;
  const cooccurrence = cooccurrenceCosines(ontology.size, profiles, options.pairsPerEntity ?? 12);
  const members = (table: Int32Array) => groupBy(table);
  const byCluster = members(ontology.cluster);
  const byCategory = members(ontology.category);
  const relations: ConceptRelation[] = [];
  for (let source = 0; source < ontology.size; source += 1) {
    const candidates = new Set<number>();
    for (const t of ontology.links[source] ?? []) candidates.add(t);
    for (const t of cooccurrence.get(source)?.keys() ?? []) candidates.add(t);
    for (const t of byCluster.get(ontology.cluster[source] ?? -1) ?? []) candidates.add(t);
    for (const t of byCategory.get(ontology.category[source] ?? -1) ?? []) candidates.add(t);
    candidates.delete(source);
    const scored = [...candidates].map((target) => {
      const link = sortedHas(ontology.links[source], target);
      const evidence: RelationEvidence = {
        link,
        cooccurrence: cooccurrence.get(source)?.get(target) ?? 0,
        cluster: same(ontology.cluster, source, target),
        category: same(ontology.category, source, target),
        ...(coherence ? { sense: senseWeight(coherence, target) } : {}),
        ...(tree && link ? { tree: treeProximity(tree, source, target) } : {}),
      };
      return { source, target, score: relationScore(evidence), evidence };
    });
    scored.sort(
      (a, b) => b.score - a.score || popularity(b.target) - popularity(a.target) || a.target - b.target,
    );
    relations.push(...scored.slice(0, perConcept));
  }
  return relations;
}

/** Cosine similarity of concepts over the records they occur in, for pairs seen in at least two records. */
function cooccurrenceCosines(
  size: number,
  profiles: Iterable<readonly ConceptEdge[]>,
  pairsPerEntity: number,
): Map<number, Map<number, number>> {
  const squares = new Float64Array(size);
  const dots = new Map<number, number>();
  const counts = new Map<number, number>();
  for (const edges of profiles) {
    const top = edges.slice(0, pairsPerEntity);
    for (const e of edges) squares[e.concept] = (squares[e.concept] ?? 0) + e.score * e.score;
    for (let i = 0; i < top.length; i += 1) {
      for (let j = i + 1; j < top.length; j += 1) {
        const a = top[i];
        const b = top[j];
        if (!a || !b) continue;
        const key = a.concept < b.concept ? a.concept * size + b.concept : b.concept * size + a.concept;
        dots.set(key, (dots.get(key) ?? 0) + a.score * b.score);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  const cosines = new Map<number, Map<number, number>>();
  const put = (a: number, b: number, value: number) => {
    let row = cosines.get(a);
    if (!row) {
      row = new Map();
      cosines.set(a, row);
    }
    row.set(b, value);
  };
  for (const [key, dot] of dots) {
    if ((counts.get(key) ?? 0) < 2) continue;
    const a = Math.floor(key / size);
    const b = key % size;
    const cosine = dot / Math.sqrt((squares[a] ?? 0) * (squares[b] ?? 0));
    if (cosine > 0) {
      put(a, b, Math.min(cosine, 1));
      put(b, a, Math.min(cosine, 1));
    }
  }
  return cosines;
}

function groupBy(table: Int32Array): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  table.forEach((group, concept) => {
    if (group < 0) return;
    let list = groups.get(group);
    if (!list) {
      list = [];
      groups.set(group, list);
    }
    list.push(concept);
  });
  return groups;
}

function same(table: Int32Array, a: number, b: number): boolean {
  return (table[a] ?? -1) >= 0 && table[a] === table[b];
}
