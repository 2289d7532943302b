/**
 * Ranked neighbourhoods: for every node and every type of neighbour, the list a page shows. Organisational
 * facts come first (in the corpus's order), then computed edges by score (a concept's records come ranked by
 * `conceptRecords`, labelled "concept" when the record names it and "via-concept" when it came through related
 * concepts).
 */

/** One ranked neighbour of a node. Nodes are numbered; `kind` is a relation ("teacher") or an edge kind. */
export interface NeighbourEdge {
  readonly source: number;
  readonly target: number;
  readonly score: number;
  readonly kind: string;
  readonly evidence: Readonly<Record<string, unknown>>;
}

/** Everything the neighbourhoods are assembled from. */
export interface GraphParts {
  readonly typeOf: (node: number) => string;
  /** Organisational links, both directions already (a course's teacher, and the teacher's course). */
  readonly facts: readonly NeighbourEdge[];
  /** Computed edges, both directions already (entity ↔ concept, concept ↔ concept, entity ↔ entity). */
  readonly scored: readonly NeighbourEdge[];
}

/** Limits of `assembleNeighbourhoods`. */
export interface NeighbourhoodLimits {
  /** Computed neighbours kept per node and type; default 64. */
  readonly scoredPerType?: number;
  /** Organisational neighbours kept per node and type; default 1,000. */
  readonly factsPerType?: number;
}

/** Neighbour lists keyed by `${source}\0${targetType}`, each ranked. */
export type Neighbourhoods = Map<string, NeighbourEdge[]>;

/** The key of a node's list of neighbours of one type. */
export function listKey(source: number, targetType: string): string {
  return `${source}\0${targetType}`;
}

/** Assembles the ranked neighbour lists of every node. */
export function assembleNeighbourhoods(parts: GraphParts, limits: NeighbourhoodLimits = {}): Neighbourhoods {
  const scoredPerType = limits.scoredPerType ?? 64;
  const lists: Neighbourhoods = new Map();
  const add = (edge: NeighbourEdge) => {
    const key = listKey(edge.source, parts.typeOf(edge.target));
    let list = lists.get(key);
    if (!list) {
      list = [];
      lists.set(key, list);
    }
    list.push(edge);
  };
  for (const edge of parts.facts) add(edge);
  for (const edge of parts.scored) add(edge);
  for (const [key, list] of lists)
    lists.set(key, rankList(list, limits.factsPerType ?? 1_000, scoredPerType));
  return lists;
}

/** Facts first in their order, then the rest by score; a target listed twice keeps its first row. */
function rankList(
  list: readonly NeighbourEdge[],
  factsPerType: number,
  scoredPerType: number,
): NeighbourEdge[] {
  const facts = list.filter((e) => e.score >= 1 && e.evidence.fact === true).slice(0, factsPerType);
  const scored = list
    .filter((e) => e.evidence.fact !== true)
    .sort((a, b) => b.score - a.score || a.target - b.target);
  const seen = new Map<number, number>();
  const ranked: NeighbourEdge[] = [];
  for (const edge of facts) {
    if (seen.has(edge.target)) continue;
    seen.set(edge.target, ranked.length);
    ranked.push(edge);
  }
  let kept = 0;
  for (const edge of scored) {
    const at = seen.get(edge.target);
    if (at !== undefined) {
      // A fact that is also a computed edge keeps its place and shows the computed score as evidence.
      const fact = ranked[at];
      if (fact && fact.evidence.fact === true && fact.evidence.score === undefined) {
        ranked[at] = { ...fact, evidence: { ...fact.evidence, score: edge.score, alsoKind: edge.kind } };
      }
      continue;
    }
    if (kept >= scoredPerType) continue;
    seen.set(edge.target, ranked.length);
    ranked.push(edge);
    kept += 1;
  }
  return ranked;
}

/**
 * The importance of each node in [0, 1], EPFL Graph's degree score: for each type of neighbour,
 * log(1 + degree) / max over nodes of the same type of log(1 + degree), averaged over the neighbour types that
 * nodes of this type have. `others` are the stored degrees of nodes whose lists are not being recomputed.
 */
export function degreeScores(
  lists: Neighbourhoods,
  typeOf: (node: number) => string,
  others: Iterable<{ readonly type: string; readonly degrees: Readonly<Record<string, number>> }> = [],
): Map<number, { importance: number; degrees: Record<string, number> }> {
  const degrees = new Map<number, Record<string, number>>();
  for (const [key, list] of lists) {
    const source = Number(key.slice(0, key.indexOf("\0")));
    const row = degrees.get(source) ?? {};
    row[key.slice(key.indexOf("\0") + 1)] = degreeOf(list);
    degrees.set(source, row);
  }
  return importanceScores(degrees, typeOf, others);
}

/**
 * How many neighbours of a list count towards a node's degree: all but the records a concept page lists only
 * because their text names the concept's field (`evidence.field` with no concept they came through), which say
 * nothing of how central the concept itself is; counted, they gave every thin concept a long list, and search's
 * importance prior lost what told concepts apart (prefix top 5 on the tune half 0.806 → 0.791).
 */
export function degreeOf(list: readonly NeighbourEdge[]): number {
  let n = 0;
  for (const e of list) {
    const via = e.evidence.via;
    const fieldOnly =
      e.kind === "via-concept" && e.evidence.field !== undefined && (!Array.isArray(via) || via.length === 0);
    if (!fieldOnly) n += 1;
  }
  return n;
}

/**
 * `degreeScores` from each node's number of neighbours per type (`degrees`, node → target type → count), for a
 * caller that counted its lists as it wrote them.
 */
export function importanceScores(
  degrees: ReadonlyMap<number, Record<string, number>>,
  typeOf: (node: number) => string,
  others: Iterable<{ readonly type: string; readonly degrees: Readonly<Record<string, number>> }> = [],
): Map<number, { importance: number; degrees: Record<string, number> }> {
  const maxLog = new Map<string, number>();
  const typesOf = new Map<string, Set<string>>();
  const count = (type: string, targetType: string, degree: number) => {
    const pair = `${type}\0${targetType}`;
    maxLog.set(pair, Math.max(maxLog.get(pair) ?? 0, Math.log1p(degree)));
    const seen = typesOf.get(type) ?? new Set();
    seen.add(targetType);
    typesOf.set(type, seen);
  };
  // Nodes not in `degrees` (after a partial update) still set the maxima and the types a node of each type has.
  for (const other of others) {
    for (const [targetType, degree] of Object.entries(other.degrees)) count(other.type, targetType, degree);
  }
  for (const [node, row] of degrees) {
    for (const [targetType, degree] of Object.entries(row)) count(typeOf(node), targetType, degree);
  }
  // Summed in one order whatever order the lists came in, so that a score does not depend on it.
  const sortedTypes = new Map([...typesOf].map(([type, seen]) => [type, [...seen].sort()]));
  const scores = new Map<number, { importance: number; degrees: Record<string, number> }>();
  for (const [node, row] of degrees) {
    const targetTypes = sortedTypes.get(typeOf(node)) ?? [];
    let sum = 0;
    for (const t of targetTypes) {
      const max = maxLog.get(`${typeOf(node)}\0${t}`) ?? 0;
      sum += max > 0 ? Math.log1p(row[t] ?? 0) / max : 0;
    }
    scores.set(node, { importance: targetTypes.length > 0 ? sum / targetTypes.length : 0, degrees: row });
  }
  return scores;
}
