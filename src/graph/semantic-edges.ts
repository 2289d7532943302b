/**
 * Entity ↔ entity semantic edges from shared concepts, EPFL Graph's way: GBC(a, b) = Σ over shared concepts of
 * e_a(c) · e_b(c), kept when at least `minShared` concepts are shared, then bounded per pair of types as
 * tanh(GBC / (8 · mean GBC of that type pair)), kept when ≥ 0.1. With `senses` (`semantic-senses.ts`), each edge
 * is first weighed by the concept's sense coherence and commonness, and a pair's score by how far the two records'
 * other concepts agree in the category tree: tanh(x · (ρ + (1 − ρ) · T)), x = GBC / (8 · mean); records that share
 * only places or words of many senses relate little. With `fallbackCut`, a source whose list of a target type would
 * be empty keeps the targets sharing one concept or more that score at least that cut.
 * Two passes over an inverted index with dense accumulators: the first sums the means, the second keeps each
 * source's best edges per target type, one source at a time (`semanticEdgeFinder`), so that memory holds one
 * source's candidates at a time.
 */
import type { ConceptEdge } from "./entity-concepts.js";
import { ProfileTable } from "./profile-table.js";
import {
  DEFAULT_PAIR_FLOOR,
  type ProfileSenses,
  restAgreement,
  senseWeightedProfiles,
} from "./semantic-senses.js";
import { TopScores } from "./top-scores.js";

/** A semantic edge between two entities (by number), with the concepts they share most. */
export interface SemanticEdge {
  readonly source: number;
  readonly target: number;
  readonly score: number;
  /** The shared concepts that contribute most, best first (at most 5). */
  readonly shared: readonly number[];
}

/** Options of `semanticEdges`. */
export interface SemanticEdgeOptions {
  /** Fewer shared concepts than this make no edge; default 2. */
  readonly minShared?: number;
  /** A concept shared by more entities than this is too common to relate them; default 1,000. */
  readonly maxPosting?: number;
  /** Only each source's best this-many concepts look for partners; default 15. */
  readonly conceptsPerSource?: number;
  /** Keep at most this many edges per entity and target type, by the entity's type; default 10 for every type. */
  readonly perType?: (sourceType: string) => number;
  /** The ontology that weighs each record's concepts (`senseWeightedProfiles`); default none (scores as given). */
  readonly senses?: ProfileSenses;
  /**
   * A source with no target of a type scoring ≥ 0.1 (sharing `minShared` concepts) keeps those scoring at least this
   * and sharing one concept or more; in [0, 0.1], default 0 (no fallback).
   */
  readonly fallbackCut?: number;
  /** The types whose lists fall back (`fallbackCut`), as source and as target; default every type. */
  readonly fallbackTypes?: ReadonlySet<string>;
}

const MIN_SCORE = 0.1;

interface Index {
  readonly entities: number[];
  readonly types: string[];
  /** Each entity's type as a number, an index into `typeNames`. */
  readonly typeOf: Int32Array;
  readonly typeNames: readonly string[];
  readonly postings: Map<number, { members: Int32Array; scores: Float64Array }>;
}

/**
 * Computes semantic edges among `profiles` (entity number → its concept edges, best first); `typeOf` gives each
 * entity's type, so that scores are normalised per pair of types and kept per target type.
 */
export function semanticEdges(
  profiles: ReadonlyMap<number, readonly ConceptEdge[]>,
  typeOf: (entity: number) => string,
  options: SemanticEdgeOptions = {},
): SemanticEdge[] {
  const edgesOf = semanticEdgeFinder(profiles, typeOf, options);
  return [...profiles.keys()].flatMap((entity) => edgesOf(entity));
}

/**
 * Prepares the semantic edges of `profiles` (the index and the first pass, which sums the means) and returns a
 * function giving one entity's edges at a time, as `semanticEdges` lists them: a caller that writes each entity's
 * edges as it goes never holds them all.
 */
export function semanticEdgeFinder(
  profiles: ReadonlyMap<number, readonly ConceptEdge[]>,
  typeOf: (entity: number) => string,
  options: SemanticEdgeOptions = {},
): (entity: number) => SemanticEdge[] {
  const minShared = options.minShared ?? 2;
  const perType = options.perType ?? (() => 10);
  // Profiles are read from a table (the caller's, when it is one), without an object per edge.
  const given = profiles instanceof ProfileTable ? profiles : ProfileTable.from(profiles);
  const table = options.senses ? senseWeightedProfiles(given, options.senses) : given;
  const index = buildIndex(table, typeOf, options.maxPosting ?? 1_000);
  const fallbackCut = options.fallbackCut ?? 0;
  const conceptsPerSource = options.conceptsPerSource ?? 15;
  const conceptsOf = (entity: number) => {
    const from = table.edgesFrom(entity);
    return { from, to: Math.min(table.edgesTo(entity), from + conceptsPerSource) };
  };
  const accumulate = accumulator(index, table);
  // Sums and counts of GBC per unordered pair of types, by type number: no key string per pair of entities.
  const types = index.typeNames.length;
  const sums = new Float64Array(types * types);
  const counts = new Float64Array(types * types);
  const pairOf = (a: number, b: number) => (a < b ? a * types + b : b * types + a);
  index.entities.forEach((entity, source) => {
    const sourceType = index.typeOf[source] ?? 0;
    const { from, to } = conceptsOf(entity);
    accumulate(source, from, to, minShared, (target, gbc) => {
      const pair = pairOf(sourceType, index.typeOf[target] ?? 0);
      sums[pair] = (sums[pair] ?? 0) + gbc;
      counts[pair] = (counts[pair] ?? 0) + 1;
    });
  });
  // Each entity's number in the index, -1 for none: a typed array, not a map of 600,000 entries.
  const localOf = new Int32Array(index.entities.reduce((max, entity) => Math.max(max, entity + 1), 0)).fill(
    -1,
  );
  index.entities.forEach((entity, local) => {
    localOf[entity] = local;
  });
  const fallsBack = Uint8Array.from(index.typeNames, (type) =>
    fallbackCut > 0 && (options.fallbackTypes?.has(type) ?? true) ? 1 : 0,
  );
  const pairFloor = options.senses?.pairFloor ?? DEFAULT_PAIR_FLOOR;
  const agreement = options.senses && pairFloor < 1 ? restAgreement(table, options.senses.tree) : undefined;
  // A source's best targets per target type (and, for the fallback, its best below the cut), by source type then
  // target type: reused from source to source. With the agreement of the pairs' rests, RERANK times as many are
  // kept by GBC, then weighed by it (it only lowers scores).
  const heaps: { best: TopScores[]; below: TopScores[]; keep: number }[] = [];
  const shared = sharedConceptsOf(table);
  return (sourceEntity) => {
    const source = localOf[sourceEntity] ?? -1;
    if (source < 0) return [];
    const sourceType = index.typeOf[source] ?? 0;
    let kept = heaps[sourceType];
    if (kept === undefined) {
      const keep = Math.max(0, perType(index.types[source] ?? ""));
      const read = agreement ? keep * RERANK : keep;
      kept = {
        best: index.typeNames.map(() => new TopScores(read)),
        below: index.typeNames.map(
          (_, type) => new TopScores(fallsBack[sourceType] && fallsBack[type] ? read : 0),
        ),
        keep,
      };
      heaps[sourceType] = kept;
    }
    const { best, below, keep } = kept;
    // Target types in the order their first edge came (the order the edges are listed in).
    const order: number[] = [];
    const seen = new Uint8Array(index.typeNames.length);
    const { from, to } = conceptsOf(sourceEntity);
    // The cut's candidates, then, when a list that falls back has none, a second pass for those below it (targets
    // sharing one concept, or scoring under 0.1), offered to the empty lists only.
    const visit = (fallback: boolean) => (target: number, gbc: number) => {
      const targetType = index.typeOf[target] ?? 0;
      const pair = pairOf(sourceType, targetType);
      const x = gbc / (8 * ((sums[pair] ?? 0) / Math.max(counts[pair] ?? 0, 1)));
      const score = Math.tanh(x);
      const list = (fallback ? below : best)[targetType] as TopScores;
      if (fallback ? (best[targetType] as TopScores).size > 0 || score < fallbackCut : score < MIN_SCORE)
        return;
      if (list.capacity === 0) return;
      if (seen[targetType] === 0) {
        seen[targetType] = 1;
        order.push(targetType);
      }
      // Ranked by x when the agreement weighs it later (tanh saturates), else by the score itself.
      list.offer(target, agreement ? x : score);
    };
    accumulate(source, from, to, minShared, visit(false));
    if (below.some((list, type) => list.capacity > 0 && (best[type] as TopScores).size === 0))
      accumulate(source, from, to, 1, visit(true));
    const edges: SemanticEdge[] = [];
    for (const type of order) {
      const top = best[type] as TopScores;
      const rest = below[type] as TopScores;
      const listed = agreement
        ? weighByAgreement(
            top,
            rest,
            (t) => agreement(sourceEntity, index.entities[t] ?? -1),
            pairFloor,
            fallbackCut,
            keep,
          )
        : top.size > 0
          ? top.sorted()
          : rest.sorted();
      for (const { id: target, score } of listed) {
        const targetEntity = index.entities[target] ?? -1;
        edges.push({
          source: sourceEntity,
          target: targetEntity,
          score,
          shared: shared(sourceEntity, targetEntity),
        });
      }
      top.clear();
      rest.clear();
    }
    return edges;
  };
}

/** Candidates kept by GBC per listed edge when the pairs' agreement weighs them. */
const RERANK = 2;

/**
 * The listed targets of one type once each candidate's x = GBC / (8 · mean) is weighed by the agreement of the
 * pair's rests: score = tanh(x · (ρ + (1 − ρ) · T)); those of `full` that stay ≥ 0.1 when any do, else every
 * candidate ≥ `fallbackCut`, best `keep` (ties: the lower number first).
 */
function weighByAgreement(
  full: TopScores,
  below: TopScores,
  agreementOf: (target: number) => number,
  floor: number,
  fallbackCut: number,
  keep: number,
): { id: number; score: number }[] {
  const weigh = (c: { id: number; score: number }) => ({
    id: c.id,
    score: Math.tanh(c.score * (floor + (1 - floor) * agreementOf(c.id))),
  });
  const byScore = (a: { id: number; score: number }, b: { id: number; score: number }) =>
    b.score - a.score || a.id - b.id;
  const weighed = full.sorted().map(weigh);
  const kept = weighed.filter((c) => c.score >= MIN_SCORE);
  if (kept.length > 0 || fallbackCut <= 0) return kept.sort(byScore).slice(0, keep);
  return [...weighed, ...below.sorted().map(weigh)]
    .filter((c) => c.score >= fallbackCut)
    .sort(byScore)
    .slice(0, keep);
}

function buildIndex(
  profiles: ReadonlyMap<number, readonly ConceptEdge[]>,
  typeOf: (entity: number) => string,
  maxPosting: number,
): Index {
  const entities = [...profiles.keys()];
  // Two passes, counting then filling typed arrays: lists of JS numbers for every posting would take several
  // times the memory at 600,000 records.
  const counts = new Map<number, number>();
  for (const entity of entities)
    for (const { concept } of profiles.get(entity) ?? []) counts.set(concept, (counts.get(concept) ?? 0) + 1);
  const postings = new Map<number, { members: Int32Array; scores: Float64Array }>();
  for (const [concept, count] of counts) {
    if (count <= maxPosting)
      postings.set(concept, { members: new Int32Array(count), scores: new Float64Array(count) });
  }
  const filled = new Map<number, number>();
  entities.forEach((entity, local) => {
    for (const { concept, score } of profiles.get(entity) ?? []) {
      const posting = postings.get(concept);
      if (posting === undefined) continue;
      const at = filled.get(concept) ?? 0;
      posting.members[at] = local;
      posting.scores[at] = score;
      filled.set(concept, at + 1);
    }
  });
  const types = entities.map(typeOf);
  const typeNames = [...new Set(types)];
  const numbers = new Map(typeNames.map((name, n) => [name, n]));
  return { entities, types, typeOf: Int32Array.from(types, (t) => numbers.get(t) ?? 0), typeNames, postings };
}

/**
 * Returns a function that sums GBC(source, ·) into dense arrays over the source's edges [from, to) of `table` and
 * reports targets sharing enough concepts.
 */
function accumulator(index: Index, table: ProfileTable) {
  const gbc = new Float64Array(index.entities.length);
  const shared = new Int32Array(index.entities.length);
  const touched: number[] = [];
  return (
    source: number,
    from: number,
    to: number,
    minShared: number,
    visit: (target: number, gbc: number) => void,
  ): void => {
    for (let e = from; e < to; e += 1) {
      const concept = table.concepts[e] as number;
      const score = table.scores[e] as number;
      const posting = index.postings.get(concept);
      if (!posting) continue;
      for (let i = 0; i < posting.members.length; i += 1) {
        const target = posting.members[i] ?? 0;
        if (target === source) continue;
        if (shared[target] === 0) touched.push(target);
        shared[target] = (shared[target] ?? 0) + 1;
        gbc[target] = (gbc[target] ?? 0) + score * (posting.scores[i] ?? 0);
      }
    }
    for (const target of touched) {
      if ((shared[target] ?? 0) >= minShared) visit(target, gbc[target] ?? 0);
      shared[target] = 0;
      gbc[target] = 0;
    }
    touched.length = 0;
  };
}

/**
 * A function giving the concepts two entities of `table` share, by the product of their scores, best five (ties in
 * the first entity's order); the second's scores are looked up in a dense scratch array, not a map per pair.
 */
export function sharedConceptsOf(table: ProfileTable): (a: number, b: number) => number[] {
  let size = 0;
  for (const concept of table.concepts) size = Math.max(size, concept + 1);
  const score = new Float64Array(size);
  const has = new Uint8Array(size);
  const { concepts, scores } = table;
  return (a, b) => {
    const bFrom = table.edgesFrom(b);
    const bTo = table.edgesTo(b);
    for (let i = bFrom; i < bTo; i += 1) {
      score[concepts[i] as number] = scores[i] as number;
      has[concepts[i] as number] = 1;
    }
    const both: { concept: number; weight: number }[] = [];
    for (let i = table.edgesFrom(a), end = table.edgesTo(a); i < end; i += 1) {
      const concept = concepts[i] as number;
      if (has[concept] === 1)
        both.push({ concept, weight: (scores[i] as number) * (score[concept] as number) });
    }
    for (let i = bFrom; i < bTo; i += 1) has[concepts[i] as number] = 0;
    return both
      .sort((x, y) => y.weight - x.weight)
      .slice(0, 5)
      .map((s) => s.concept);
  };
}
