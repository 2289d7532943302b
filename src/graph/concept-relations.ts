/**
 * Concept ↔ concept edges from six kinds of evidence: a hyperlink between their articles (corpus `link`), one
 * named in the lead of the other's description (as the detector reads it: what the article is about),
 * co-occurrence in the same records (cosine over entity → concept scores, so that frequent concepts do not
 * dominate), the same co-occurrence where the source is found by its name in the records' texts rather than among
 * their detected concepts (`named`: most concepts have no link, no description and no record the detector gave
 * them, and their cluster alone ranked its members by popularity, the same list for each), the same ontology
 * cluster, and the same category. Combined by a noisy-or. Co-occurrence counts
 * less towards a concept used in many unrelated fields (its sense weight, `sense-coherence.ts`): the detector may
 * have read it in the wrong sense, as when a record names both "IL-6" and the "stimulation" of cells, which is
 * also the reservoir engineer's word. A link points to one article, one sense, but an article links to much that
 * is not its subject ("Sustainability" to "IKEA", "Landscape" to "20th century"): a link counts less between
 * concepts far apart in the category tree.
 */

import { sortedHas } from "../core/sorted-ints.js";
import { type LinkLists, linksOf } from "../detect/link-lists.js";
import { STOPWORDS } from "../text/stopwords.js";
import { phraseKeys } from "../text/tokenise.js";
import { treeProximity } from "./category-tree.js";
import type { ConceptEdge } from "./entity-concepts.js";
import { type SenseCoherence, senseWeight } from "./sense-coherence.js";
import { TopScores } from "./top-scores.js";

/** What the relations need to know of the ontology, concepts numbered 0…n-1. */
export interface Ontology {
  readonly size: number;
  readonly cluster: Int32Array;
  readonly category: Int32Array;
  /** Linked concepts of each concept, both directions, sorted. */
  readonly links: LinkLists;
  /**
   * The concepts each concept's description names, with the detector's score over the description's best, in
   * (0, 1]; default none.
   */
  readonly described?: ReadonlyMap<number, readonly ConceptEdge[]>;
  /** Each concept's name, for the `words` its cluster and category mates share with it; default none. */
  readonly names?: readonly string[];
}

/** Why two concepts are related. */
export type RelationEvidence = {
  readonly link: boolean;
  /** How strongly one's description names the other, in [0, 1] (the larger of both ways); 0 or absent when neither does. */
  readonly described?: number;
  /** Cosine of their co-occurrence over records, 0 when they never share a record. */
  readonly cooccurrence: number;
  /**
   * Cosine of the records whose text names the source (BM25 of its names) with the target's records; absent when
   * no text names it with the target in two records or more.
   */
  readonly named?: number;
  readonly cluster: boolean;
  readonly category: boolean;
  /**
   * For concepts of one cluster or category, how much of their names' words they share, each word by its rarity
   * among the concepts' names (idf-weighted Dice, in [0, 1]); absent when none.
   */
  readonly words?: number;
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
export const RELATION_WEIGHTS = { link: 0.8, named: 0.5, words: 0.1, cluster: 0.4, category: 0.2 } as const;

/**
 * score = 1 − (1 − 0.8·max(link, described)·near)(1 − max(cooccurrence, 0.5·named)·sense)(1 − 0.4·cluster)
 * (1 − 0.2·category), near = 0.3 + 0.7·tree. A description naming a concept counts as a link weighted by how
 * strongly it names it; both are the article's word for the same thing, so a pair with both does not count it
 * twice. Records naming a concept and records the detector gave it are two readings of one co-occurrence, the
 * first the noisier (a name's words need not mean the concept): the larger counts, the textual one at half.
 */
export function relationScore(e: RelationEvidence): number {
  const w = RELATION_WEIGHTS;
  const near = LINK_TREE_FLOOR + (1 - LINK_TREE_FLOOR) * (e.tree ?? 1);
  const linked = Math.max(e.link ? 1 : 0, e.described ?? 0);
  const together = Math.max(e.cooccurrence, w.named * (e.named ?? 0));
  return (
    1 -
    (1 - w.link * linked * near) *
      (1 - together * (e.sense ?? 1)) *
      (1 - w.words * (e.words ?? 0)) *
      (1 - (e.cluster ? w.cluster : 0)) *
      (1 - (e.category ? w.category : 0))
  );
}

/** κ: the share of the ontology's filing that a relation carries in the concept pages' walk (`walkWeight`). */
export const WALK_ONTOLOGY_WEIGHT = 0.25;

/**
 * How much a relation carries the concept pages' walk: its evidence of the pair itself (a link, a description,
 * records naming both) in full, and the ontology's filing (the same cluster, the same category) at `ontology` of its
 * weight. Filing says two concepts lie in one area, not that one bears on the other: a cluster of 200 concepts gives
 * each the same 0.52 to all, and through them a concept's page listed its area's busiest records first (Linear least
 * squares listed log-linear parsing lectures through Log-linear model, a cluster mate, before Least squares').
 */
export function walkWeight(e: RelationEvidence, ontology = WALK_ONTOLOGY_WEIGHT): number {
  const w = RELATION_WEIGHTS;
  const near = LINK_TREE_FLOOR + (1 - LINK_TREE_FLOOR) * (e.tree ?? 1);
  const linked = Math.max(e.link ? 1 : 0, e.described ?? 0);
  const together = Math.max(e.cooccurrence, w.named * (e.named ?? 0));
  const filed = 1 - (1 - (e.cluster ? w.cluster : 0)) * (1 - (e.category ? w.category : 0));
  return (
    1 -
    (1 - w.link * linked * near) *
      (1 - together * (e.sense ?? 1)) *
      (1 - w.words * (e.words ?? 0)) *
      (1 - ontology * filed)
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
  /**
   * The records whose text names a concept, with the BM25 of its names (`nameScores`), and each record's own
   * concepts, numbered as those records: the `named` evidence; default none.
   */
  readonly texts?: NamingRecords;
}

/** The records naming each concept in their text, and the concepts of each record. */
export interface NamingRecords {
  readonly naming: (concept: number) => ReadonlyMap<number, number>;
  readonly profileOf: (record: number) => readonly ConceptEdge[] | undefined;
}

/** The records, best BM25 first, that a concept's `named` evidence reads: a common name's thousands are not all read. */
export const NAMING_RECORDS = 256;

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
  const pairs = options.pairsPerEntity ?? 12;
  const { cosines: cooccurrence, squares } = cooccurrenceCosines(ontology.size, profiles, pairs);
  const namedWith = options.texts
    ? namedCosines(options.texts, squares, pairs)
    : () => new Map<number, number>();
  const members = (table: Int32Array) => groupBy(table);
  const byCluster = members(ontology.cluster);
  const byCategory = members(ontology.category);
  const described = describedBothWays(ontology.described);
  const wordsShared = ontology.names ? nameWords(ontology.names) : undefined;
  const relations: ConceptRelation[] = [];
  for (let source = 0; source < ontology.size; source += 1) {
    const candidates = new Set<number>();
    for (const t of linksOf(ontology.links, source)) candidates.add(t);
    const naming = described.get(source);
    for (const t of naming?.keys() ?? []) candidates.add(t);
    const cooccurring = cooccurrence(source);
    for (const t of cooccurring.keys()) candidates.add(t);
    const named = namedWith(source);
    for (const t of named.keys()) candidates.add(t);
    for (const t of byCluster.get(ontology.cluster[source] ?? -1) ?? []) candidates.add(t);
    for (const t of byCategory.get(ontology.category[source] ?? -1) ?? []) candidates.add(t);
    candidates.delete(source);
    const scored = [...candidates].map((target) => {
      const link = sortedHas(linksOf(ontology.links, source), target);
      const describedBy = naming?.get(target) ?? 0;
      const namedWithTarget = named.get(target) ?? 0;
      const evidence: RelationEvidence = {
        link,
        ...(describedBy > 0 ? { described: describedBy } : {}),
        cooccurrence: cooccurring.get(target) ?? 0,
        ...(namedWithTarget > 0 ? { named: namedWithTarget } : {}),
        cluster: same(ontology.cluster, source, target),
        category: same(ontology.category, source, target),
        ...wordsOf(wordsShared, ontology, source, target),
        ...(coherence ? { sense: senseWeight(coherence, target) } : {}),
        ...(tree && (link || describedBy > 0) ? { tree: treeProximity(tree, source, target) } : {}),
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

/** For each concept, the concepts its description names and those whose description names it, the larger score. */
function describedBothWays(
  described: ReadonlyMap<number, readonly ConceptEdge[]> | undefined,
): Map<number, Map<number, number>> {
  const both = new Map<number, Map<number, number>>();
  const add = (a: number, b: number, score: number) => {
    let row = both.get(a);
    if (!row) {
      row = new Map();
      both.set(a, row);
    }
    row.set(b, Math.max(row.get(b) ?? 0, score));
  };
  for (const [source, edges] of described ?? []) {
    for (const e of edges) {
      add(source, e.concept, e.score);
      add(e.concept, source, e.score);
    }
  }
  return both;
}

/**
 * Cosine similarity of concepts over the records they occur in, for pairs seen in at least two records: a function
 * giving one concept's row at a time (its partners and their cosines), summed over an inverted index of the
 * records' best concepts with dense accumulators, so that the pairs of all concepts (millions at 600,000 records)
 * are never held at once. Each dot product adds its records' terms in record order, as a sum over all pairs would.
 */
function cooccurrenceCosines(
  size: number,
  profiles: Iterable<readonly ConceptEdge[]>,
  pairsPerEntity: number,
): { cosines: (concept: number) => Map<number, number>; squares: Float64Array } {
  const squares = new Float64Array(size);
  // Each record's best concepts, flat: record i's entries at [starts[i], starts[i + 1]).
  const starts: number[] = [0];
  const entryConcepts: number[] = [];
  const entryScores: number[] = [];
  for (const edges of profiles) {
    for (const e of edges) squares[e.concept] = (squares[e.concept] ?? 0) + e.score * e.score;
    const top = edges.slice(0, pairsPerEntity);
    // A record with one concept forms no pair.
    if (top.length < 2) continue;
    for (const e of top) {
      entryConcepts.push(e.concept);
      entryScores.push(e.score);
    }
    starts.push(entryConcepts.length);
  }
  const concepts = Int32Array.from(entryConcepts);
  const scores = Float64Array.from(entryScores);
  const recordOf = new Int32Array(concepts.length);
  for (let r = 0; r + 1 < starts.length; r += 1) recordOf.fill(r, starts[r], starts[r + 1]);
  const postings = invertedIndex(size, concepts);
  const dots = new Float64Array(size);
  const counts = new Int32Array(size);
  const touched: number[] = [];
  const cosines = (source: number) => {
    for (let p = postings.starts[source] ?? 0; p < (postings.starts[source + 1] ?? 0); p += 1) {
      const entry = postings.entries[p] ?? 0;
      const record = recordOf[entry] ?? 0;
      const score = scores[entry] ?? 0;
      for (let q = starts[record] ?? 0; q < (starts[record + 1] ?? 0); q += 1) {
        if (q === entry) continue;
        const target = concepts[q] ?? 0;
        if (counts[target] === 0) touched.push(target);
        counts[target] = (counts[target] ?? 0) + 1;
        dots[target] = (dots[target] ?? 0) + score * (scores[q] ?? 0);
      }
    }
    const row = new Map<number, number>();
    for (const target of touched) {
      if ((counts[target] ?? 0) >= 2) {
        const cosine = (dots[target] ?? 0) / Math.sqrt((squares[source] ?? 0) * (squares[target] ?? 0));
        if (cosine > 0) row.set(target, Math.min(cosine, 1));
      }
      counts[target] = 0;
      dots[target] = 0;
    }
    touched.length = 0;
    return row;
  };
  return { cosines, squares };
}

/**
 * The `named` evidence of one concept at a time: the cosine of the vector of BM25 scores of the records whose text
 * names it (its best NAMING_RECORDS) with each concept's vector of record scores (`squares` holds their squared
 * norms over every record), over each record's best `pairsPerEntity` concepts, for concepts met in two records or
 * more, as `cooccurrenceCosines` counts pairs. The source itself is left out.
 */
function namedCosines(
  texts: NamingRecords,
  squares: Float64Array,
  pairsPerEntity: number,
): (concept: number) => Map<number, number> {
  const dots = new Float64Array(squares.length);
  const counts = new Int32Array(squares.length);
  const touched: number[] = [];
  // A common name is in tens of thousands of texts at 600,000 records: its best are kept in a bounded heap, not sorted.
  const best = new TopScores(NAMING_RECORDS);
  return (source) => {
    const row = new Map<number, number>();
    best.clear();
    for (const [record, weight] of texts.naming(source)) best.offer(record, weight);
    if (best.size < 2) return row;
    let norm = 0;
    for (const { id: record, score: weight } of best.sorted()) {
      const edges = texts.profileOf(record);
      if (!edges || edges.length === 0) continue;
      norm += weight * weight;
      for (const e of edges.slice(0, pairsPerEntity)) {
        if (e.concept === source) continue;
        if (counts[e.concept] === 0) touched.push(e.concept);
        counts[e.concept] = (counts[e.concept] ?? 0) + 1;
        dots[e.concept] = (dots[e.concept] ?? 0) + weight * e.score;
      }
    }
    for (const target of touched) {
      const square = squares[target] ?? 0;
      if ((counts[target] ?? 0) >= 2 && norm > 0 && square > 0) {
        const cosine = (dots[target] ?? 0) / Math.sqrt(norm * square);
        if (cosine > 0) row.set(target, Math.min(cosine, 1));
      }
      counts[target] = 0;
      dots[target] = 0;
    }
    touched.length = 0;
    return row;
  };
}

/** For each concept, the positions in `concepts` that hold it, in ascending order. */
function invertedIndex(size: number, concepts: Int32Array): { starts: Int32Array; entries: Int32Array } {
  const starts = new Int32Array(size + 1);
  for (const c of concepts) starts[c + 1] = (starts[c + 1] ?? 0) + 1;
  for (let c = 0; c < size; c += 1) starts[c + 1] = (starts[c + 1] ?? 0) + (starts[c] ?? 0);
  const filled = starts.slice(0, size);
  const entries = new Int32Array(concepts.length);
  concepts.forEach((c, at) => {
    entries[filled[c] ?? 0] = at;
    filled[c] = (filled[c] ?? 0) + 1;
  });
  return { starts, entries };
}

/** The words of each concept's name (its disambiguator in brackets aside, no function word), with their idf. */
interface NameWords {
  readonly keys: readonly (readonly string[])[];
  readonly idf: ReadonlyMap<string, number>;
}

function nameWords(names: readonly string[]): NameWords {
  const keys = names.map((name) => [
    ...new Set(phraseKeys(name.replace(/\s*\([^)]*\)\s*$/, "")).filter((k) => !STOPWORDS.has(k))),
  ]);
  const df = new Map<string, number>();
  for (const list of keys) for (const k of list) df.set(k, (df.get(k) ?? 0) + 1);
  const idf = new Map([...df].map(([k, n]) => [k, Math.log(1 + names.length / n)]));
  return { keys, idf };
}

/** `words` evidence of two concepts of one cluster or category: the idf-weighted Dice of their names' words. */
function wordsOf(
  shared: NameWords | undefined,
  ontology: Ontology,
  source: number,
  target: number,
): { words?: number } {
  if (!shared || !(same(ontology.cluster, source, target) || same(ontology.category, source, target)))
    return {};
  const a = shared.keys[source] ?? [];
  const b = shared.keys[target] ?? [];
  const weight = (k: string) => shared.idf.get(k) ?? 0;
  let common = 0;
  for (const k of a) if (b.includes(k)) common += weight(k);
  if (common === 0) return {};
  let total = 0;
  for (const k of a) total += weight(k);
  for (const k of b) total += weight(k);
  return { words: (2 * common) / total };
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
