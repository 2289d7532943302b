/**
 * The records a concept page lists ("Related courses", lectures, MOOCs…), ranked by all the evidence the graph
 * holds rather than by one path: a short random walk from the concept X over concept–concept relations, then to
 * the records. For a record r with concept profile e(r, ·):
 *
 *   q(c)     = Σ over paths X → c of one or two relations of Π rel · k        (where the walk goes, c ≠ X; rel
 *              weighs the ontology's filing at κ: `walkWeight` in concept-relations.ts)
 *   h(c)     = ln(1 + N / df(c)) / ln(1 + N)                                  (hub damping, N records)
 *   k(c)     = sense coherence (`sense-coherence.ts`): 1 − the normalised entropy of the depth-2 branches of
 *              the concepts that share records with c, shrunk towards the mean for little-seen concepts
 *   ‖r‖      = max(‖h ∘ e(r, ·)‖^α, ‖parent of r‖, φ · h(X))                   (a part's norm is at least its
 *              parent's; a record of one weak concept is not all about it)
 *   named    = h(X) · e(r, X) / ‖r‖                                           (r is about X itself)
 *   m        = tf / (tf + k1 · (1 − b + b · len(r) / avglen))                  (r's text names X: BM25)
 *   f        = BM25(r, names of X) / max over records r' of r's type of BM25(r', names of X)
 *              (`name-bm25.ts`: what the search box finds when X's name is typed, in [0, 1])
 *   bridged  = Σ_c q̂(c) · (h(c) · e(r, c))² / ‖r‖²,  q̂ = q / max q            (the share of r that lies
 *              in X's neighbourhood, by relatedness: it grows with every related concept r has)
 *   g        = max(BM25(r, name of X's category), ½ · BM25(r, name of its parent)) / max over r' of r's type
 *              (the records of X's field, as the search box finds "Immunology" or "Cell biology")
 *   walk     = 1 − (1 − named) · (1 − μ · m) · (1 − ν · f) · (1 − γ · g) · (1 − β · bridged)
 *   tree     = Σ_{c ≠ X} e(r, c) · t(X, c) / (τ + Σ_{c ≠ X} e(r, c)), t = depth of their deepest shared
 *              category / depth (1 when τ = 0 and r has no other concept)      (the sense r gives X)
 *   own      = 1 − (1 − named) · (1 − μ · m) · (1 − ν · f)                      (the part of the walk from X itself)
 *   score    = own · (λ + (1 − λ) · tree) + (walk − own) · (λ_b + (1 − λ_b) · tree), × δ^k for the k-th listed
 *              record of one parent (`diversify`)
 *
 * Variants of one record (sections of a course, reruns of a lecture: `variantOf`) take one place, the best
 * listed and the others under it (`also`).
 *
 * So a record reached through many of X's related concepts beats one reached through a single one, a concept
 * shared by many records (h) or used in many unrelated fields (k: "Stimulation", "Model") weighs little as a
 * bridge, and a record whose concepts lie in a far branch of the category tree keeps only λ of its score,
 * whatever word it shares with X. A bridge's postings are read best edge first, at most `bridgePostings` of them.
 */
import { sharedFloat64 } from "../core/shared-arrays.js";
import { treeProximity } from "./category-tree.js";
import type { ConceptEdge } from "./entity-concepts.js";
import { mentionPostings, type NameMentions, sharedPostingLists } from "./name-mentions.js";
import { sortPostings } from "./postings.js";
import { ProfileTable } from "./profile-table.js";
import { senseCoherence } from "./sense-coherence.js";

/** Parameters of the ranking; see the formula above. */
export interface ConceptRecordParams {
  /** β: weight of a related concept against the concept itself; default 0.25. */
  readonly relatedWeight: number;
  /** μ: weight of the concept's names in the record's text (m, `name-mentions.ts`); default 0.5. */
  readonly mentionWeight: number;
  /** ν: weight of full-text search's score of the concept's names (f); default 0.5. */
  readonly textWeight: number;
  /** γ: weight of full-text search's score of the names of the concept's categories (g); default 0.1. */
  readonly fieldWeight: number;
  /** α: how much a record's profile length is normalised away, in [0, 1]; default 1 (cosine). */
  readonly lengthNorm: number;
  /** λ: the share of the score a record keeps when none of its concepts shares a category with X; default 0.3. */
  readonly treeFloor: number;
  /**
   * λ_b: the same share for the part of the walk that does not come from X itself (its related concepts, its field):
   * a record reached only through them whose concepts lie in a far branch keeps little; default 0.15.
   */
  readonly bridgeTreeFloor: number;
  /** Concepts the walk's first steps keep, by weight; default 24. */
  readonly queryConcepts: number;
  /** Records read through each related concept, best edges first; default 64. */
  readonly bridgePostings: number;
  /** Records kept per concept and type; default 20. */
  readonly perType: number;
  /** Fewer records kept for some types, by type (e.g. people, known mostly through their records); default none. */
  readonly perTypeOf?: Readonly<Record<string, number>>;
  /** Scores below this are not kept; default 0.01. */
  readonly minScore: number;
  /**
   * φ: a record's profile norm counts as at least φ · h(X) on X's page, so that a record known by one weakly
   * detected concept is not "all about" it (a cosine over one concept is 1); in [0, 1], 0 turns it off.
   */
  readonly normFloor: number;
  /** δ: the score of the k-th listed record of one parent (lectures of one MOOC) is multiplied by δ^k; default 0.5. */
  readonly siblingDecay: number;
  /**
   * τ: a record's tree closeness to X counts τ more of its profile, as if that much lay in a far branch: a record
   * with few other concepts says little of the sense it gives X, so its name matching X is not enough; ≥ 0,
   * default 0.5; 0 turns it off (a record with no other concept then counts as close).
   */
  readonly treeDoubt: number;
}

/** The default parameters, chosen on the tune half of `npm run eval:neighbours`. */
export const DEFAULT_CONCEPT_RECORD_PARAMS: ConceptRecordParams = {
  relatedWeight: 0.25,
  mentionWeight: 0.5,
  textWeight: 0.5,
  fieldWeight: 0.1,
  lengthNorm: 1,
  treeFloor: 0.3,
  bridgeTreeFloor: 0.15,
  queryConcepts: 24,
  bridgePostings: 64,
  perType: 20,
  minScore: 0.01,
  normFloor: 0.5,
  siblingDecay: 0.5,
  treeDoubt: 0.5,
};

/** What the ranking reads. Concepts are numbered 0…size-1; records by any other numbering. */
export interface ConceptRecordGraph {
  readonly size: number;
  /** Each record's concept edges (its profile). */
  readonly profiles: ReadonlyMap<number, readonly ConceptEdge[]>;
  /** A concept's related concepts with their scores in (0, 1]. */
  readonly related: (concept: number) => readonly ConceptEdge[];
  /** The category of each concept at each depth of the tree, shallowest first (-1 when unknown). */
  readonly tree: readonly Int32Array[];
  /** k(c), each concept's sense coherence (`sense-coherence.ts`); default: measured over `profiles`. */
  readonly coherence?: Float64Array;
  /** What each record's text names (`name-mentions.ts`), by record number; default none. */
  readonly mentions?: ReadonlyMap<number, NameMentions>;
  /** BM25 of a concept's names over the records' texts, by record (`name-bm25.ts`); default none. */
  readonly nameScores?: (concept: number) => ReadonlyMap<number, number>;
  /**
   * BM25 of the names of a concept's categories over the records' texts, by record, each with its weight: a record's
   * is the largest weighted one; default none.
   */
  readonly categoryScores?: (concept: number) => readonly WeightedScores[];
  /** The name of the concept's category that a record's text holds, if any (for explanations). */
  readonly fieldOf?: (concept: number, record: number) => string | undefined;
  readonly typeOf: (record: number) => string;
  /** The record `record` is part of (a lecture's course or MOOC), or -1; default none. */
  readonly parentOf?: (record: number) => number;
  /** The group of records that are variants of one another (sections of a course, reruns), or -1; default none. */
  readonly variantOf?: (record: number) => number;
}

/** Scores by record, counting `weight` times. */
export interface WeightedScores {
  readonly scores: RecordScores;
  readonly weight: number;
}

/**
 * Scores by record as parallel typed arrays, in the order of the map they were made from (`recordScores`): 12 bytes
 * a record where a map entry took several times that, for the category scores a build keeps for hundreds of fields.
 */
export interface RecordScores {
  readonly records: Int32Array;
  readonly scores: Float64Array;
  /** True when `records` ascend: a record is then found by binary search. */
  readonly ascending: boolean;
}

/** `scores` as `RecordScores`, in its order. */
export function recordScores(scores: ReadonlyMap<number, number>): RecordScores {
  const records = new Int32Array(scores.size);
  const values = new Float64Array(scores.size);
  let i = 0;
  let ascending = true;
  for (const [record, score] of scores) {
    if (i > 0 && record <= (records[i - 1] as number)) ascending = false;
    records[i] = record;
    values[i] = score;
    i += 1;
  }
  return { records, scores: values, ascending };
}

/** `record`'s score in `list`, undefined when it has none. */
export function scoreOf(list: RecordScores, record: number): number | undefined {
  const { records } = list;
  if (!list.ascending) {
    const at = records.indexOf(record);
    return at < 0 ? undefined : list.scores[at];
  }
  let lo = 0;
  let hi = records.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = records[mid] as number;
    if (r === record) return list.scores[mid];
    if (r < record) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** One listed record, with the concepts through which it came and their contributions. */
export interface ConceptRecord {
  readonly record: number;
  readonly score: number;
  /** The concepts that contributed most, best first (at most 3), with their share of the walk. */
  readonly via: readonly ConceptEdge[];
  /** Variants of the record (same group of `variantOf`) listed under it rather than in their own places, best first. */
  readonly also: readonly number[];
}

/** The postings of the graph: each concept's records and edge scores, best first; hub and coherence weights. */
export interface Postings {
  readonly members: readonly Int32Array[];
  readonly scores: readonly Float64Array[];
  readonly hub: Float64Array;
  /** k(c), the sense coherence of each concept in [0, 1]. */
  readonly coherence: Float64Array;
  /** ‖h ∘ e(r, ·)‖^α and ‖h ∘ e(r, ·)‖² of each record, by record number. */
  readonly norm: Float64Array;
  readonly norm2: Float64Array;
  /** Each concept's records whose text names it, with m(r, X) (`name-mentions.ts`), best first. */
  readonly mentionMembers: readonly Int32Array[];
  readonly mentionScores: readonly Float64Array[];
  /** Scratch sums, one per record number, all zero between calls: through related concepts, direct, by name. */
  readonly sums: Float64Array;
  readonly direct: Float64Array;
  readonly mention: Float64Array;
  /** Scratch scores of full-text search (f) and of the field (g), one per record number, zero between calls. */
  readonly text: ScoresByRecord;
  readonly field: ScoresByRecord;
  /** The graph's profiles as a table, read without making an object per edge (the graph's own if it is one). */
  readonly table: ProfileTable;
  /** Each record's type as a small number. */
  readonly types: TypeNumbers;
  /** Each concept's categories, shallowest first (`categoryPaths`). */
  readonly paths: Int32Array;
}

/**
 * Records' types numbered 0, 1, … in the order met: a record's number is read from a dense array for the records
 * the postings know, and from its type's name past them.
 */
class TypeNumbers {
  readonly names: string[] = [];
  private readonly numbers = new Map<string, number>();
  private readonly known: Int32Array;

  constructor(
    private readonly typeOf: (record: number) => string,
    records: number,
  ) {
    this.known = new Int32Array(records);
    for (let r = 0; r < records; r += 1) this.known[r] = this.numberOfType(typeOf(r));
  }

  of(record: number): number {
    return record < this.known.length
      ? (this.known[record] as number)
      : this.numberOfType(this.typeOf(record));
  }

  private numberOfType(type: string): number {
    let n = this.numbers.get(type);
    if (n === undefined) {
      n = this.names.length;
      this.numbers.set(type, n);
      this.names.push(type);
    }
    return n;
  }
}

/** A record's score, dense by record number; `has` marks the records given one. */
interface ScoresByRecord {
  readonly score: Float64Array;
  readonly has: Uint8Array;
}

/**
 * What of `Postings` every concept reads and none writes: the postings, weights, norms and category paths. The
 * per-edge and per-record arrays are on shared memory, so another thread ranks pages from them (`postingsFrom`)
 * without a copy.
 */
export type SharedPostings = Pick<
  Postings,
  "members" | "scores" | "hub" | "coherence" | "norm" | "norm2" | "mentionMembers" | "mentionScores" | "paths"
>;

/** The parts of `postings` another thread ranks from (see `SharedPostings`). */
export function sharedPostings(postings: Postings): SharedPostings {
  const { members, scores, hub, coherence, norm, norm2, mentionMembers, mentionScores, paths } = postings;
  return { members, scores, hub, coherence, norm, norm2, mentionMembers, mentionScores, paths };
}

/**
 * Postings over `shared` with scratch arrays of their own: `table` is the graph's profiles and `typeOf` its types,
 * as `indexPostings` had them. Two threads each with their own rank pages from one `SharedPostings`.
 */
export function postingsFrom(
  shared: SharedPostings,
  table: ProfileTable,
  typeOf: (record: number) => string,
): Postings {
  const records = shared.norm.length;
  return {
    ...shared,
    sums: new Float64Array(records),
    direct: new Float64Array(records),
    mention: new Float64Array(records),
    text: { score: new Float64Array(records), has: new Uint8Array(records) },
    field: { score: new Float64Array(records), has: new Uint8Array(records) },
    table,
    types: new TypeNumbers(typeOf, records),
  };
}

/** Builds the postings, hub weights and record norms of `graph` once for many concepts. */
export function indexPostings(graph: ConceptRecordGraph, params: ConceptRecordParams): Postings {
  const counts = new Int32Array(graph.size);
  let records = 0;
  for (const [record, edges] of graph.profiles) {
    records = Math.max(records, record + 1);
    for (const e of edges) counts[e.concept] = (counts[e.concept] ?? 0) + 1;
  }
  const { members, scores } = sharedPostingLists(counts);
  const filled = new Int32Array(graph.size);
  for (const [record, edges] of graph.profiles) {
    for (const e of edges) {
      const at = filled[e.concept] ?? 0;
      (members[e.concept] as Int32Array)[at] = record;
      (scores[e.concept] as Float64Array)[at] = e.score;
      filled[e.concept] = at + 1;
    }
  }
  for (let c = 0; c < graph.size; c += 1) sortPostings(members[c] as Int32Array, scores[c] as Float64Array);
  const mentions = mentionPostings(graph.mentions ?? new Map(), graph.size);
  for (const record of graph.mentions?.keys() ?? []) records = Math.max(records, record + 1);
  const n = graph.profiles.size;
  const hub = Float64Array.from(counts, (df) => (df === 0 ? 0 : Math.log1p(n / df) / Math.log1p(n)));
  const norm = sharedFloat64(records);
  const norm2 = sharedFloat64(records);
  for (const [record, edges] of graph.profiles) {
    let sum = 0;
    for (const e of edges) sum += (hub[e.concept] ?? 0) ** 2 * e.score * e.score;
    norm[record] = Math.sqrt(sum) ** params.lengthNorm;
    norm2[record] = sum;
  }
  partNorms(graph, norm, norm2);
  const coherence = graph.coherence ?? senseCoherence(graph.size, graph.profiles.values(), graph.tree).k;
  const shared = {
    members,
    scores,
    hub,
    coherence,
    norm,
    norm2,
    mentionMembers: mentions.members,
    mentionScores: mentions.scores,
    paths: categoryPaths(graph.tree, graph.size),
  };
  const table = graph.profiles instanceof ProfileTable ? graph.profiles : ProfileTable.from(graph.profiles);
  return postingsFrom(shared, table, graph.typeOf);
}

/**
 * A part (a lecture) inherits half of its parent's profile: its norm is at least its parent's, so that the half
 * counts. Otherwise a lecture known by its name only would be as much about X as its MOOC, and every lecture of
 * one MOOC would tie with it.
 */
function partNorms(graph: ConceptRecordGraph, norm: Float64Array, norm2: Float64Array): void {
  if (!graph.parentOf) return;
  for (const record of graph.profiles.keys()) {
    const parent = graph.parentOf(record);
    if (parent < 0 || parent >= norm.length) continue;
    norm[record] = Math.max(norm[record] ?? 0, norm[parent] ?? 0);
    norm2[record] = Math.max(norm2[record] ?? 0, norm2[parent] ?? 0);
  }
}

/** The ranked records of `concept`, per type, best first. */
export function conceptRecords(
  concept: number,
  graph: ConceptRecordGraph,
  postings: Postings,
  params: ConceptRecordParams = DEFAULT_CONCEPT_RECORD_PARAMS,
): Map<string, ConceptRecord[]> {
  const query = queryOf(concept, graph, postings, params);
  const { sums, direct, mention } = postings;
  const touched: number[] = [];
  const hubX = postings.hub[concept] ?? 0;
  const own = postings.members[concept] ?? new Int32Array(0);
  const ownScores = postings.scores[concept] ?? new Float64Array(0);
  for (let i = 0; i < own.length; i += 1) {
    const record = own[i] as number;
    touched.push(record);
    direct[record] = hubX * (ownScores[i] as number);
  }
  const byName = postings.mentionMembers[concept] ?? new Int32Array(0);
  const byNameScores = postings.mentionScores[concept] ?? new Float64Array(0);
  for (let i = 0; i < byName.length; i += 1) {
    const record = byName[i] as number;
    if (direct[record] === 0) touched.push(record);
    mention[record] = byNameScores[i] as number;
  }
  // Full-text evidence, each record's score over the best of its type: X's names (f), then X's field (g). Records
  // numbered past the scratch arrays (no profile, no mention) are never listed: only the best of a type counts them.
  const { text, field, types } = postings;
  const names = graph.nameScores?.(concept);
  const textBest: number[] = [];
  if (names) {
    mergeMap(names, types, text, textBest, (record) => {
      if (direct[record] === 0 && mention[record] === 0) touched.push(record);
    });
  }
  const fieldLevels = params.fieldWeight > 0 ? (graph.categoryScores?.(concept) ?? []) : [];
  const fieldBest: number[] = [];
  mergeScores(fieldLevels, types, field, fieldBest, (record) => {
    if (direct[record] === 0 && mention[record] === 0 && text.has[record] === 0) touched.push(record);
  });
  let strongest = 0;
  for (const [c, q] of query) if (c !== concept) strongest = Math.max(strongest, q);
  for (const [c, q] of query) {
    const members = postings.members[c];
    const scores = postings.scores[c];
    const weight = (q / strongest) * (postings.hub[c] ?? 0) ** 2;
    if (c === concept || !members || !scores || weight === 0) continue;
    const read = Math.min(members.length, params.bridgePostings);
    for (let i = 0; i < read; i += 1) {
      const record = members[i] as number;
      if (
        sums[record] === 0 &&
        direct[record] === 0 &&
        mention[record] === 0 &&
        text.has[record] === 0 &&
        field.has[record] === 0
      )
        touched.push(record);
      sums[record] = (sums[record] ?? 0) + weight * (scores[i] as number) ** 2;
    }
  }
  // Each type's best walks, by type number, and the types in the order their first record came.
  const walks: (TopWalks | undefined)[] = [];
  const order: number[] = [];
  const floor = params.normFloor * hubX;
  for (const record of touched) {
    const norm = Math.max(postings.norm[record] ?? 0, floor) || 1;
    const named = (direct[record] ?? 0) / norm;
    const bridged = (sums[record] ?? 0) / (Math.max(postings.norm2[record] ?? 0, floor * floor) || 1);
    const byName = params.mentionWeight * (mention[record] ?? 0);
    const type = types.of(record);
    const found = params.textWeight * ((text.score[record] ?? 0) / (textBest[type] || 1));
    const filed = params.fieldWeight * ((field.score[record] ?? 0) / (fieldBest[type] || 1));
    const own = 1 - (1 - named) * (1 - byName) * (1 - found);
    const walk = 1 - (1 - own) * (1 - filed) * (1 - params.relatedWeight * bridged);
    sums[record] = 0;
    direct[record] = 0;
    mention[record] = 0;
    if (walk < params.minScore) continue;
    let top = walks[type];
    if (!top) {
      top = new TopWalks(keptOf(types.names[type] ?? "", params) * TREE_CANDIDATES);
      walks[type] = top;
      order.push(type);
    }
    top.offer(record, walk, own);
  }
  // Every record given a score was touched (it had one in range): cleared after the loop, which may visit one twice.
  for (const record of touched) {
    text.score[record] = 0;
    text.has[record] = 0;
    field.score[record] = 0;
    field.has[record] = 0;
  }
  const byType = new Map<string, ConceptRecord[]>();
  const near = conceptCategories(concept, postings.paths, graph.tree.length);
  for (const number of order) {
    const top = walks[number] as TopWalks;
    const type = types.names[number] ?? "";
    const perType = keptOf(type, params);
    const scored = bestByTree(top.items, postings.table, near, params, perType * DIVERSITY_CANDIDATES);
    const kept = diversify(scored, graph, params.siblingDecay, perType).filter(
      (r) => r.score >= params.minScore,
    );
    byType.set(
      type,
      kept.map(({ record, score, also }) => ({
        record,
        score,
        via: contributions(postings.table, record, query, postings.hub),
        also,
      })),
    );
  }
  return byType;
}

/**
 * The walk's first steps from `concept`: itself with weight 1, then its related concepts with β · rel · k and
 * theirs with (β · rel · k)², summed over paths; the `queryConcepts` heaviest kept.
 */
function queryOf(
  concept: number,
  graph: ConceptRecordGraph,
  postings: Postings,
  params: ConceptRecordParams,
): Map<number, number> {
  const step = (from: number, weight: number, into: Map<number, number>) => {
    for (const r of graph.related(from)) {
      if (r.concept === concept) continue;
      const q = weight * r.score * (postings.coherence[r.concept] ?? 1);
      into.set(r.concept, (into.get(r.concept) ?? 0) + q);
    }
  };
  const first = new Map<number, number>();
  step(concept, 1, first);
  const query = new Map(first);
  for (const [c, q] of first) step(c, q, query);
  const kept = [...query].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, params.queryConcepts);
  return new Map([[concept, 1], ...kept]);
}

/**
 * Writes each record's largest weighted score over `levels` into `into` (records within its arrays), calling `added`
 * for each as it is first seen (the levels in order, each in its order), and raises `best` (by type number) to the
 * best weighted score of each type over every record: a record's share of its type's best is its score over that.
 */
function mergeScores(
  levels: readonly WeightedScores[],
  types: TypeNumbers,
  into: ScoresByRecord,
  best: number[],
  added: (record: number) => void,
): void {
  for (const { scores: list, weight } of levels) {
    const { records, scores } = list;
    for (let i = 0; i < records.length; i += 1)
      mergeScore(records[i] as number, weight * (scores[i] as number), types, into, best, added);
  }
}

/** `mergeScores` of one map counting once (full-text search's scores of a concept's names). */
function mergeMap(
  scores: ReadonlyMap<number, number>,
  types: TypeNumbers,
  into: ScoresByRecord,
  best: number[],
  added: (record: number) => void,
): void {
  for (const [record, s] of scores) mergeScore(record, s, types, into, best, added);
}

/** One record's weighted score, merged as `mergeScores` says. */
function mergeScore(
  record: number,
  weighted: number,
  types: TypeNumbers,
  into: ScoresByRecord,
  best: number[],
  added: (record: number) => void,
): void {
  const type = types.of(record);
  if (weighted > (best[type] ?? 0)) best[type] = weighted;
  if (record >= into.has.length) return;
  into.score[record] = Math.max(into.score[record] ?? 0, weighted);
  if (into.has[record] === 0) {
    into.has[record] = 1;
    added(record);
  }
}

/** How many records of `type` a concept keeps. */
function keptOf(type: string, params: ConceptRecordParams): number {
  return params.perTypeOf?.[type] ?? params.perType;
}

/** How many candidates per kept record, best by walk, are weighed by the tree: the rest are not read. */
const TREE_CANDIDATES = 4;

/** How many candidates per kept record, best by score, `diversify` chooses from. */
const DIVERSITY_CANDIDATES = 2;

/**
 * The best `perType` of `scored` (best first) once repeats are set aside: a record of a variant group already
 * listed (a section of a listed course, a rerun of a listed MOOC's lecture) goes under it as `also` and takes no
 * place, and the k-th record of one parent (k = 0 for the first) counts with its score × `decay`^k, so that one
 * MOOC's lectures, which share what they inherit from it, do not fill the list. Greedy: each step takes the best
 * score as it counts then.
 */
export function diversify(
  scored: readonly { record: number; score: number }[],
  graph: Pick<ConceptRecordGraph, "parentOf" | "variantOf">,
  decay: number,
  perType: number,
): { record: number; score: number; also: number[] }[] {
  const kept: { record: number; score: number; also: number[] }[] = [];
  const head = new Map<number, { also: number[] }>();
  const siblings = new Map<number, number>();
  const pending = [...scored];
  const parentOf = (record: number) => graph.parentOf?.(record) ?? -1;
  const counted = (item: { record: number; score: number }) => {
    const parent = parentOf(item.record);
    return parent < 0 ? item.score : item.score * decay ** (siblings.get(parent) ?? 0);
  };
  while (pending.length > 0 && kept.length < perType) {
    let best = 0;
    for (let i = 1; i < pending.length; i += 1) {
      const a = pending[i] as { record: number; score: number };
      const b = pending[best] as { record: number; score: number };
      const d = counted(a) - counted(b);
      if (d > 0 || (d === 0 && a.record < b.record)) best = i;
    }
    const item = pending.splice(best, 1)[0] as { record: number; score: number };
    const group = graph.variantOf?.(item.record) ?? -1;
    const listed = group < 0 ? undefined : head.get(group);
    if (listed) {
      listed.also.push(item.record);
      continue;
    }
    const entry = { record: item.record, score: counted(item), also: [] as number[] };
    kept.push(entry);
    if (group >= 0) head.set(group, entry);
    const parent = parentOf(item.record);
    if (parent >= 0) siblings.set(parent, (siblings.get(parent) ?? 0) + 1);
  }
  // Variants ranked below the last kept record still go under their listed one.
  for (const item of pending) {
    const group = graph.variantOf?.(item.record) ?? -1;
    head.get(group)?.also.push(item.record);
  }
  return kept;
}

/** The best `capacity` records by walk, in a min-heap. */
class TopWalks {
  readonly items: { record: number; walk: number; own: number }[] = [];
  constructor(private readonly capacity: number) {}

  /** Keeps the record if it is among the best seen so far; `own` is the part of its walk that comes from X itself. */
  offer(record: number, walk: number, own: number): void {
    const items = this.items;
    if (items.length < this.capacity) {
      items.push({ record, walk, own });
      let i = items.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(items[i], items[parent])) break;
        [items[i], items[parent]] = [
          items[parent] as (typeof items)[number],
          items[i] as (typeof items)[number],
        ];
        i = parent;
      }
      return;
    }
    const least = items[0];
    if (!least || !worse(least, { record, walk })) return;
    items[0] = { record, walk, own };
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < items.length && worse(items[l], items[m])) m = l;
      if (r < items.length && worse(items[r], items[m])) m = r;
      if (m === i) break;
      [items[i], items[m]] = [items[m] as (typeof items)[number], items[i] as (typeof items)[number]];
      i = m;
    }
  }
}

/** True when `a` ranks below `b` by walk (ties: the higher record number ranks below). */
function worse(
  a: { record: number; walk: number } | undefined,
  b: { record: number; walk: number } | undefined,
): boolean {
  if (!a || !b) return false;
  return a.walk < b.walk || (a.walk === b.walk && a.record > b.record);
}

/**
 * The best `perType` records by walk × tree factor, among the best candidates by walk. The factor is at most 1,
 * so candidates are taken by walk and the scan stops once a walk cannot beat the last kept score. `near` is the
 * concept's category at each depth (`conceptCategories`).
 */
function bestByTree(
  list: { record: number; walk: number; own: number }[],
  table: ProfileTable,
  near: ConceptCategories,
  params: ConceptRecordParams,
  perType: number,
): { record: number; score: number }[] {
  list.sort((a, b) => b.walk - a.walk || a.record - b.record);
  const kept: { record: number; score: number }[] = [];
  const bridgeFloor = params.bridgeTreeFloor;
  for (const { record, walk, own } of list) {
    const last = kept[perType - 1];
    if (last && walk < last.score) break;
    const tree = profileTreeAffinity(near, table, record, params.treeDoubt);
    const score =
      own * (params.treeFloor + (1 - params.treeFloor) * tree) +
      (walk - own) * (bridgeFloor + (1 - bridgeFloor) * tree);
    if (score < params.minScore) continue;
    // Into its place (best score first, then lower record): the list stays sorted without sorting it again.
    let at = kept.length;
    while (at > 0 && ranksBelow(kept[at - 1] as { record: number; score: number }, record, score)) at -= 1;
    kept.splice(at, 0, { record, score });
    if (kept.length > perType) kept.pop();
  }
  return kept;
}

/**
 * Every concept's categories, shallowest first, side by side (`depth` a concept, -1 when unknown), and one concept's
 * own, for `profileTreeAffinity`: a concept's path is one read, where the tree's levels are one array each.
 */
export interface ConceptCategories {
  readonly concept: number;
  readonly categories: Int32Array;
  readonly paths: Int32Array;
  readonly depth: number;
}

/** Each concept's categories at each depth of `tree`, concept by concept (see `ConceptCategories`). */
export function categoryPaths(tree: readonly Int32Array[], size: number): Int32Array {
  const depth = tree.length;
  const paths = new Int32Array(size * depth);
  for (let c = 0; c < size; c += 1)
    for (let level = 0; level < depth; level += 1) paths[c * depth + level] = tree[level]?.[c] ?? -1;
  return paths;
}

/** `concept`'s categories over the concepts' `paths` (`categoryPaths` of a tree of `depth` levels). */
export function conceptCategories(concept: number, paths: Int32Array, depth: number): ConceptCategories {
  const categories = new Int32Array(depth);
  for (let level = 0; level < depth; level += 1) categories[level] = paths[concept * depth + level] ?? -1;
  return { concept, categories, paths, depth };
}

/**
 * `treeAffinity` of `record`'s profile in `table`, summed in the same order (the same value), without making the
 * profile's objects: a page weighs up to eighty candidates of each type.
 */
export function profileTreeAffinity(
  near: ConceptCategories,
  table: ProfileTable,
  record: number,
  doubt = 0,
): number {
  const { concept, categories, paths, depth } = near;
  const { concepts, scores } = table;
  let shared = 0;
  let total = doubt;
  for (let i = table.edgesFrom(record), end = table.edgesTo(record); i < end; i += 1) {
    const other = concepts[i] as number;
    if (other === concept) continue;
    const score = scores[i] as number;
    total += score;
    // treeProximity(tree, concept, other), the concept's side read once; a concept past the paths shares nothing.
    let matched = 0;
    const at = other * depth;
    while (matched < depth) {
      const category = categories[matched] as number;
      if (category < 0 || category !== paths[at + matched]) break;
      matched += 1;
    }
    shared += score * (depth === 0 ? 0 : matched / depth);
  }
  return total === 0 ? 1 : shared / total;
}

/** True when `item` ranks below a record `record` scored `score`: lower score, or the same and a higher record. */
function ranksBelow(item: { record: number; score: number }, record: number, score: number): boolean {
  return item.score < score || (item.score === score && item.record > record);
}

/**
 * How close to `concept` in the category tree the rest of a record's profile lies: the weighted mean, over the
 * profile's other concepts, of the depth of the deepest category they share with it over the tree's depth. This is
 * the record's sense of the concept: "Landscape" in a lecture whose other concepts are optimisation and machine
 * learning is not the geographer's. `doubt` (τ) counts as that much more profile in a far branch, so that a
 * profile with little besides the concept gives little (its sense is unknown); with no doubt and no other concept, 1.
 */
export function treeAffinity(
  concept: number,
  profile: readonly ConceptEdge[],
  tree: readonly Int32Array[],
  doubt = 0,
): number {
  let shared = 0;
  let total = doubt;
  for (const e of profile) {
    if (e.concept === concept) continue;
    total += e.score;
    shared += e.score * treeProximity(tree, concept, e.concept);
  }
  return total === 0 ? 1 : shared / total;
}

/** The concepts of a profile that the query reaches, by contribution, best three. */
function contributions(
  table: ProfileTable,
  record: number,
  query: ReadonlyMap<number, number>,
  hub: Float64Array,
): ConceptEdge[] {
  const parts: ConceptEdge[] = [];
  let total = 0;
  for (let i = table.edgesFrom(record), end = table.edgesTo(record); i < end; i += 1) {
    const concept = table.concepts[i] as number;
    const q = query.get(concept);
    if (q === undefined) continue;
    const part = q * (hub[concept] ?? 0) ** 2 * (table.scores[i] as number);
    total += part;
    parts.push({ concept, score: part });
  }
  return parts
    .sort((a, b) => b.score - a.score || a.concept - b.concept)
    .slice(0, 3)
    .map((p) => ({ concept: p.concept, score: total > 0 ? Math.round((p.score / total) * 100) / 100 : 0 }));
}
