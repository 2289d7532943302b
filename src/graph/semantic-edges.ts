/**
 * Entity ↔ entity semantic edges from shared concepts, EPFL Graph's way: GBC(a, b) = Σ over shared concepts of
 * e_a(c) · e_b(c), kept when at least `minShared` concepts are shared, then bounded per pair of types as
 * tanh(GBC / (8 · mean GBC of that type pair)), kept when ≥ 0.1.
 * Two passes over an inverted index with dense accumulators: the first sums the means, the second keeps each
 * source's best edges per target type, one source at a time (`semanticEdgeFinder`), so that memory holds one
 * source's candidates at a time.
 */
import type { ConceptEdge } from "./entity-concepts.js";

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
  const index = buildIndex(profiles, typeOf, options.maxPosting ?? 1_000);
  const conceptsOf = (entity: number) =>
    (profiles.get(entity) ?? []).slice(0, options.conceptsPerSource ?? 15);
  const accumulate = accumulator(index);
  // Sums and counts of GBC per unordered pair of types, by type number: no key string per pair of entities.
  const types = index.typeNames.length;
  const sums = new Float64Array(types * types);
  const counts = new Float64Array(types * types);
  const pairOf = (a: number, b: number) => (a < b ? a * types + b : b * types + a);
  index.entities.forEach((entity, source) => {
    const sourceType = index.typeOf[source] ?? 0;
    accumulate(source, conceptsOf(entity), minShared, (target, gbc) => {
      const pair = pairOf(sourceType, index.typeOf[target] ?? 0);
      sums[pair] = (sums[pair] ?? 0) + gbc;
      counts[pair] = (counts[pair] ?? 0) + 1;
    });
  });
  const localOf = new Map(index.entities.map((entity, local) => [entity, local]));
  return (sourceEntity) => {
    const source = localOf.get(sourceEntity);
    if (source === undefined) return [];
    const sourceType = index.typeOf[source] ?? 0;
    const byType = new Map<number, { target: number; score: number }[]>();
    accumulate(source, conceptsOf(sourceEntity), minShared, (target, gbc) => {
      const targetType = index.typeOf[target] ?? 0;
      const pair = pairOf(sourceType, targetType);
      const score = Math.tanh(gbc / (8 * ((sums[pair] ?? 0) / Math.max(counts[pair] ?? 0, 1))));
      if (score < MIN_SCORE) return;
      const list = byType.get(targetType) ?? [];
      list.push({ target, score });
      byType.set(targetType, list);
    });
    const keep = perType(index.types[source] ?? "");
    const edges: SemanticEdge[] = [];
    for (const list of byType.values()) {
      list.sort((a, b) => b.score - a.score || a.target - b.target);
      for (const { target, score } of list.slice(0, keep)) {
        const targetEntity = index.entities[target] ?? -1;
        const shared = sharedConcepts(profiles.get(sourceEntity) ?? [], profiles.get(targetEntity) ?? []);
        edges.push({ source: sourceEntity, target: targetEntity, score, shared });
      }
    }
    return edges;
  };
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

/** Returns a function that sums GBC(source, ·) into dense arrays and reports targets sharing enough concepts. */
function accumulator(index: Index) {
  const gbc = new Float64Array(index.entities.length);
  const shared = new Int32Array(index.entities.length);
  const touched: number[] = [];
  return (
    source: number,
    concepts: readonly ConceptEdge[],
    minShared: number,
    visit: (target: number, gbc: number) => void,
  ): void => {
    for (const { concept, score } of concepts) {
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

function sharedConcepts(a: readonly ConceptEdge[], b: readonly ConceptEdge[]): number[] {
  const scores = new Map(b.map((e) => [e.concept, e.score]));
  return a
    .flatMap((e) => {
      const other = scores.get(e.concept);
      return other === undefined ? [] : [{ concept: e.concept, weight: e.score * other }];
    })
    .sort((x, y) => y.weight - x.weight)
    .slice(0, 5)
    .map((s) => s.concept);
}
