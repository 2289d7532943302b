/**
 * What the graph build and the graph update share: the records as numbered nodes, each record's concept evidence
 * and profile, derived profiles for records without text, organisational facts, and stored rows.
 */

import type { CorpusRecord } from "../core/record.js";
import { displayName } from "../core/record.js";
import type { ConceptDictionary } from "../detect/concept-dictionary.js";
import { type ConceptEdge, type ConceptEvidence, deriveConceptProfile } from "../graph/entity-concepts.js";
import type { TextIndex } from "../graph/name-bm25.js";
import type { NeighbourEdge, Neighbourhoods } from "../graph/neighbourhood.js";
import type { EditableProfiles } from "../graph/profile-table.js";
import { withVariants } from "../graph/record-variants.js";
import { type SemanticEdge, semanticEdgeFinder, semanticEdges } from "../graph/semantic-edges.js";
import type { ProfileSenses } from "../graph/semantic-senses.js";
import { type SimilarTexts, similarTexts } from "../graph/similar-texts.js";
import type { NeighbourRow, RecordKey, Store } from "../store/store.js";
import { phraseKeys } from "../text/tokenise.js";
import { recordCorrector } from "./curated-records.js";

/** Concept edges kept per record with text, and per record whose concepts are derived from linked records. */
export const CONCEPTS_PER_ENTITY = 20;
export const CONCEPTS_PER_DERIVED = 15;
/** Types that are not described by concepts of their own. */
export const NO_TEXT_TYPES = new Set(["concept", "category"]);

/**
 * The corpus's links between nodes, in record order: node n's links are at [start[n], start[n + 1]), each with
 * its relation (an index into `rels`) and its target node, -1 when the linked record does not exist.
 */
export interface NodeLinks {
  readonly start: Int32Array;
  readonly target: Int32Array;
  readonly rel: Uint16Array;
  readonly rels: readonly string[];
}

/** Every record of the store, numbered. */
export interface Nodes {
  readonly keys: RecordKey[];
  readonly names: string[];
  readonly index: Map<string, number>;
  readonly links: NodeLinks;
  /** Each category record's parent category id, and each concept record's category id, as the records say. */
  readonly categories: { readonly parent: Map<string, string>; readonly ofConcept: Map<string, string> };
  /** The parsed records by node: all of them, or none when loaded with `keepRecords: false`. */
  readonly records: CorpusRecord[];
}

/** Options of `loadNodes`. */
export interface LoadNodesOptions {
  /** Keep every parsed record in `records`; default true. A build reads each record once, in `onRecord`. */
  readonly keepRecords?: boolean;
  /**
   * Called with each record (curated corrections applied) and its node number, in node order; when it returns a
   * promise, the next record is read once it settles.
   */
  readonly onRecord?: (record: CorpusRecord, node: number) => void | Promise<void>;
}

/** Reads every record of the store as numbered nodes, with the curators' record corrections applied. */
export async function loadNodes(store: Store, options: LoadNodesOptions = {}): Promise<Nodes> {
  const keys: RecordKey[] = [];
  const names: string[] = [];
  const index = new Map<string, number>();
  const records: CorpusRecord[] = [];
  const categories = { parent: new Map<string, string>(), ofConcept: new Map<string, string>() };
  const links = new LinkCollector();
  // Curated aliases and category moves count as the record's own (see curated-records.ts).
  const correct = await recordCorrector(store);
  for await (const stored of store.scanRecords()) {
    const record = correct(stored);
    const node = keys.length;
    index.set(`${record.type}\0${record.id}`, node);
    keys.push({ type: record.type, id: record.id });
    names.push(displayName(record));
    links.add(record);
    noteCategory(record, categories);
    if (options.keepRecords ?? true) records.push(record);
    const pending = options.onRecord?.(record, node);
    if (pending) await pending;
  }
  return { keys, names, index, links: links.resolve(index), categories, records };
}

/** Notes a category record's parent, or a concept record's category (the first such link, by id). */
function noteCategory(record: CorpusRecord, categories: Nodes["categories"]): void {
  if (record.type === "category") {
    const up = record.links?.find((l) => l.rel === "parent" && l.type === "category");
    if (up) categories.parent.set(record.id, up.id);
  } else if (record.type === "concept") {
    const category = record.links?.find((l) => l.rel === "category" && l.type === "category");
    if (category) categories.ofConcept.set(record.id, category.id);
  }
}

/** Collects the records' links as they are read; `resolve` numbers their targets once every record is known. */
class LinkCollector {
  private readonly starts: number[] = [0];
  private readonly targets: string[] = [];
  private readonly relOf: number[] = [];
  private readonly rels = new Map<string, number>();

  add(record: CorpusRecord): void {
    for (const link of record.links ?? []) {
      let rel = this.rels.get(link.rel);
      if (rel === undefined) {
        rel = this.rels.size;
        this.rels.set(link.rel, rel);
      }
      this.relOf.push(rel);
      this.targets.push(`${link.type}\0${link.id}`);
    }
    this.starts.push(this.targets.length);
  }

  resolve(index: ReadonlyMap<string, number>): NodeLinks {
    return {
      start: Int32Array.from(this.starts),
      target: Int32Array.from(this.targets, (key) => index.get(key) ?? -1),
      rel: Uint16Array.from(this.relOf),
      rels: [...this.rels.keys()],
    };
  }
}

/** Calls `visit` with each resolved link of every node (or of `node` only), in record and link order. */
export function forEachLink(
  links: NodeLinks,
  visit: (source: number, target: number, rel: string) => void,
  node?: number,
): void {
  const from = node ?? 0;
  const to = node === undefined ? links.start.length - 1 : node + 1;
  for (let source = from; source < to; source += 1) {
    for (let i = links.start[source] ?? 0; i < (links.start[source + 1] ?? 0); i += 1) {
      const target = links.target[i] ?? -1;
      if (target >= 0) visit(source, target, links.rels[links.rel[i] ?? 0] ?? "");
    }
  }
}

/**
 * Records without text of their own (people, units…) take a profile from the records linked to them: all such
 * records without a profile yet and those in `also`, or exactly the records in `only` (to refresh them after a
 * change). Parts (a lecture known by its name only) do not: they inherit half of their parent's
 * (`inheritParentProfiles`), and a profile derived from the parent would make them as much about its concepts as
 * the parent itself.
 */
export function deriveProfiles(
  nodes: Nodes,
  profiles: EditableProfiles,
  only?: ReadonlySet<number>,
  also?: ReadonlySet<number>,
): void {
  const neighbours = new Map<number, number[]>();
  const connect = (a: number, b: number) => {
    const list = neighbours.get(a) ?? [];
    list.push(b);
    neighbours.set(a, list);
  };
  const parts = new Set<number>();
  forEachLink(nodes.links, (source, target, rel) => {
    connect(source, target);
    connect(target, source);
    if (rel === "part_of") parts.add(source);
  });
  // Two rounds: people from their courses and publications first, then units from their people too.
  for (let round = 0; round < 2; round += 1) {
    const derived = new Map<number, ConceptEdge[]>();
    for (const [node, linked] of neighbours) {
      const type = nodes.keys[node]?.type ?? "";
      const wanted = only ? only.has(node) : !profiles.has(node) || also?.has(node) === true;
      if (NO_TEXT_TYPES.has(type) || parts.has(node) || !wanted) continue;
      const edges = deriveConceptProfile(
        linked.flatMap((n) => (profiles.has(n) ? [profiles.get(n) ?? []] : [])),
        CONCEPTS_PER_DERIVED,
      );
      if (edges.length > 0) derived.set(node, edges);
    }
    for (const [node, edges] of derived) profiles.set(node, edges);
  }
}

/**
 * `deriveProfiles`, with units named after a person linked to them (`namedAfterPeople`) derived too: what
 * detection read in their name ("Julia" as the programming language) is set aside first, so that their people do
 * not derive it from them either, and kept only when nothing linked gives them a profile. `only` as in
 * `deriveProfiles` (their profiles are derived from nothing again: one that derives none is left empty);
 * `around`, the records whose names to look at (default all).
 */
export function deriveLinkedProfiles(
  nodes: Nodes,
  profiles: EditableProfiles,
  only?: ReadonlySet<number>,
  around?: ReadonlySet<number>,
): void {
  const named = namedAfterPeople(nodes, around);
  const read = new Map<number, readonly ConceptEdge[]>();
  for (const node of named) {
    const edges = profiles.get(node);
    if (edges && edges.length > 0) {
      read.set(node, edges);
      profiles.set(node, []);
    }
  }
  // Records derived again start with nothing, as in a full build: a person and their unit derive from each other,
  // and a stale profile of either would come back through the other.
  for (const node of only ?? []) if ((profiles.get(node) ?? []).length > 0) profiles.set(node, []);
  deriveProfiles(nodes, profiles, only && new Set([...only, ...named]), named);
  for (const [node, edges] of read) if ((profiles.get(node) ?? []).length === 0) profiles.set(node, edges);
}

/**
 * Units named after a person linked to them, such as a professorship "Vorholt, Julia" whose member is Julia
 * Vorholt: every word of the person's name (two at least) is a word of the unit's. Such a name is a proper name, as
 * a person's is (`record-concepts.ts` does not read those). Only units: a lecture "Importance Sampling Prof.
 * Nicholas Zabaras" or a collection "lecture slides by …" names its subject or nothing, not its author's field.
 * Among `among` only, when given.
 */
export function namedAfterPeople(nodes: Nodes, among?: ReadonlySet<number>): Set<number> {
  const named = new Set<number>();
  forEachLink(nodes.links, (source, target) => {
    for (const [person, other] of [
      [source, target],
      [target, source],
    ] as const) {
      if (nodes.keys[person]?.type !== "person" || nodes.keys[other]?.type !== "unit") continue;
      if (among && !among.has(other)) continue;
      const personal = phraseKeys(nodes.names[person] ?? "");
      if (personal.length < 2) continue;
      const own = new Set(phraseKeys(nodes.names[other] ?? ""));
      if (personal.every((w) => own.has(w))) named.add(other);
    }
  });
  return named;
}

/** How much of its parent's concept edge a part (a lecture of a course or MOOC) takes as its own. */
export const INHERITED_WEIGHT = 0.5;

/**
 * Records that are part of another (a lecture of its course or MOOC) add what their parent is about to their own:
 * e(part, c) = 1 − (1 − own(c)) · (1 − INHERITED_WEIGHT · p(c)), best CONCEPTS_PER_ENTITY kept, where
 * p(c) = 1 − (1 − parent(c)) · (1 − parts(c)) joins the parent's own profile with the profile its parts derive
 * (`deriveConceptProfile` over the parts' own profiles, as a person's is derived from their courses). A lecture
 * named only "Lecture 3: T cell activation" is then also about its course's immunology, and "Morphology" in a
 * collection of slides on parsing and language models is about language, whatever sense its one word took.
 * The parent's own profile is not changed. Only the parts in `only` when given: each of their parents' parts
 * must then be in `only` too, with its own profile (the parts' profile is made from all of them).
 */
export function inheritParentProfiles(
  nodes: Nodes,
  profiles: EditableProfiles,
  only?: ReadonlySet<number>,
): void {
  const partsOf = new Map<number, number[]>();
  for (let node = 0; node < nodes.keys.length; node += 1) {
    if (only && !only.has(node)) continue;
    forEachLink(
      nodes.links,
      (_, target, rel) => {
        if (rel !== "part_of") return;
        const parts = partsOf.get(target);
        if (parts) parts.push(node);
        else partsOf.set(target, [node]);
      },
      node,
    );
  }
  const inherited = new Map<number, ConceptEdge[]>();
  for (const [parent, parts] of partsOf) {
    const whole = new Map<number, number>();
    for (const e of profiles.get(parent) ?? []) whole.set(e.concept, e.score);
    const derived = deriveConceptProfile(
      parts.map((part) => profiles.get(part) ?? []),
      CONCEPTS_PER_DERIVED,
    );
    for (const e of derived) whole.set(e.concept, 1 - (1 - (whole.get(e.concept) ?? 0)) * (1 - e.score));
    for (const part of parts) {
      const scores = inherited.has(part)
        ? new Map(inherited.get(part)?.map((e) => [e.concept, e.score]))
        : new Map((profiles.get(part) ?? []).map((e) => [e.concept, e.score]));
      for (const [concept, score] of whole)
        scores.set(concept, 1 - (1 - (scores.get(concept) ?? 0)) * (1 - INHERITED_WEIGHT * score));
      const edges = [...scores].map(([concept, score]) => ({ concept, score }));
      edges.sort((a, b) => b.score - a.score || a.concept - b.concept);
      if (edges.length > 0) inherited.set(part, edges.slice(0, CONCEPTS_PER_ENTITY));
    }
  }
  for (const [node, edges] of inherited) profiles.set(node, edges);
}

// Shared evidence objects: millions of fact rows, serialised once.
const FACT_OUT = Object.freeze({ fact: true, direction: "out" });
const FACT_IN = Object.freeze({ fact: true, direction: "in" });

/** The corpus's organisational links as neighbour edges in both directions (facts, score 1), of `sources` only if given. */
export function organisationalFacts(nodes: Nodes, sources?: ReadonlySet<number>): NeighbourEdge[] {
  const facts: NeighbourEdge[] = [];
  forEachLink(nodes.links, (source, target, rel) => {
    // Concept hyperlinks are evidence of related concepts, not facts to list first.
    if (rel === "link") return;
    if (!sources || sources.has(source))
      facts.push({ source, target, score: 1, kind: rel, evidence: FACT_OUT });
    if (!sources || sources.has(target))
      facts.push({ source: target, target: source, score: 1, kind: rel, evidence: FACT_IN });
  });
  return facts;
}

/** For each node, the links that point to it (indices into `links.target`, ascending): `organisationalFacts` backwards. */
export interface IncomingLinks {
  readonly start: Int32Array;
  readonly link: Int32Array;
}

/** Numbers each node's incoming links, in record and link order. */
export function incomingLinks(links: NodeLinks): IncomingLinks {
  const nodes = links.start.length - 1;
  const start = new Int32Array(nodes + 1);
  for (const target of links.target) if (target >= 0) start[target + 1] = (start[target + 1] ?? 0) + 1;
  for (let n = 0; n < nodes; n += 1) start[n + 1] = (start[n + 1] ?? 0) + (start[n] ?? 0);
  const filled = start.slice(0, nodes);
  const link = new Int32Array(start[nodes] ?? 0);
  links.target.forEach((target, i) => {
    if (target < 0) return;
    link[filled[target] ?? 0] = i;
    filled[target] = (filled[target] ?? 0) + 1;
  });
  return { start, link };
}

/**
 * The facts whose source is `node`, in the order `organisationalFacts` lists them: its own links outwards and the
 * links pointing to it, by record and link order (a link to itself gives the outward fact first).
 */
export function nodeFacts(links: NodeLinks, incoming: IncomingLinks, node: number): NeighbourEdge[] {
  const facts: NeighbourEdge[] = [];
  let out = links.start[node] ?? 0;
  const outEnd = links.start[node + 1] ?? 0;
  let into = incoming.start[node] ?? 0;
  const intoEnd = incoming.start[node + 1] ?? 0;
  while (out < outEnd || into < intoEnd) {
    const inLink = into < intoEnd ? (incoming.link[into] ?? 0) : Number.POSITIVE_INFINITY;
    const outward = out < outEnd && out <= inLink;
    const i = outward ? out : inLink;
    const rel = links.rels[links.rel[i] ?? 0] ?? "";
    const target = links.target[i] ?? -1;
    if (outward) out += 1;
    else into += 1;
    // Concept hyperlinks are evidence of related concepts, not facts to list first.
    if (rel === "link" || target < 0) continue;
    if (outward) facts.push({ source: node, target, score: 1, kind: rel, evidence: FACT_OUT });
    else facts.push({ source: node, target: ownerOf(links, i), score: 1, kind: rel, evidence: FACT_IN });
  }
  return facts;
}

/** The node whose record holds link `i` (a binary search of the starts). */
function ownerOf(links: NodeLinks, i: number): number {
  let lo = 0;
  let hi = links.start.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((links.start[mid] ?? 0) <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Evidence of the concept edges of records whose profile is derived from linked records. */
export const DERIVED = Object.freeze({ derived: true });

/** The stored evidence of a record → concept edge: detector score, keyword, first mentions. */
export function conceptEdgeEvidence(found: ConceptEvidence): Readonly<Record<string, unknown>> {
  return {
    detected: Math.round(found.detected * 10_000) / 10_000,
    keyword: found.keyword,
    mentions: found.mentions,
  };
}

/** The stored rows of every list, produced one at a time; each list is dropped once written, to free memory. */
export function* toRows(
  lists: Neighbourhoods,
  nodes: Nodes,
  sources?: ReadonlySet<number>,
): Generator<NeighbourRow> {
  for (const [key, list] of lists) {
    lists.delete(key);
    if (sources && !sources.has(list[0]?.source ?? -1)) continue;
    for (const edge of list) {
      const source = nodes.keys[edge.source];
      const target = nodes.keys[edge.target];
      if (!source || !target) continue;
      yield {
        source,
        target,
        score: Math.round(edge.score * 10_000) / 10_000,
        kind: edge.kind,
        evidence: edge.evidence,
      };
    }
  }
}

// People are known by what they teach and write (facts); a few semantic neighbours each are enough. A record
// reads twice as many as it lists (RECORDS_LISTED), so that its list keeps ten once one course's sections are
// listed as one (`oneOfEachVariant`). A list the cut leaves empty stays empty: filling it with targets sharing one
// concept (`fallbackCut`) listed about 3 right of 10 when read blind, against 9 of 10 above the cut (EXPERIMENTS,
// "The fallback read blind").
export const SEMANTIC_POLICY = {
  perType: (type: string) => (type === "person" ? 5 : 2 * RECORDS_LISTED),
};

/** Computed records a record's list of one type keeps (semantic and alike in words, one of each variant). */
export const RECORDS_LISTED = 10;

/**
 * The semantic edges among records, with the graph's policy: 10 per record and neighbour type, 5 for people,
 * weighed by the ontology's `senses` when given.
 */
export function recordSemanticEdges(
  profiles: ReadonlyMap<number, readonly ConceptEdge[]>,
  nodes: Nodes,
  senses?: ProfileSenses,
): SemanticEdge[] {
  return semanticEdges(profiles, (n) => nodes.keys[n]?.type ?? "", {
    ...SEMANTIC_POLICY,
    ...(senses && { senses }),
  });
}

/** `recordSemanticEdges` one record at a time (`semanticEdgeFinder`). */
export function recordSemanticEdgeFinder(
  profiles: ReadonlyMap<number, readonly ConceptEdge[]>,
  nodes: Nodes,
  senses?: ProfileSenses,
): (node: number) => SemanticEdge[] {
  return semanticEdgeFinder(profiles, (n) => nodes.keys[n]?.type ?? "", {
    ...SEMANTIC_POLICY,
    ...(senses && { senses }),
  });
}

/** A semantic edge as a neighbour edge, its evidence the ids of the concepts shared most. */
export function semanticNeighbour(
  edge: SemanticEdge,
  dictionary: Pick<ConceptDictionary, "ids">,
): NeighbourEdge {
  const shared = edge.shared.map((c) => dictionary.ids[c]);
  return {
    source: edge.source,
    target: edge.target,
    score: edge.score,
    kind: "semantic",
    evidence: { shared },
  };
}

/**
 * The record types whose pages list records of their own type alike in words (`similar-texts.ts`) beside the
 * semantic ones; not lectures, mostly known by bare names ("Week 2", "Lecture 7").
 */
export const ALIKE_TYPES: ReadonlySet<string> = new Set(["course", "mooc", "publication"]);
/** The kinds of computed record → record edges: shared concepts, and words alike (`withRecordsAlike`). */
export const RECORD_EDGE_KINDS: ReadonlySet<string> = new Set(["semantic", "similar-text"]);
/** Records alike in words kept per record, and the most listed of its own type once they join the semantic ones. */
export const ALIKE_PER_RECORD = 10;
/**
 * α: how much a text match counts beside a semantic edge, the best match of a record's name counting α (chosen on
 * the tune half of `npm run eval:related`).
 */
export const ALIKE_WEIGHT = 0.15;

/** Each course's, MOOC's and publication's records alike in words (`similarTexts`), by node. */
export function recordsAlike(index: TextIndex, nodes: Pick<Nodes, "keys">): Map<number, SimilarTexts> {
  const typeNumbers = new Map<string, number>();
  const typeOf = (node: number) => {
    const type = nodes.keys[node]?.type ?? "";
    let n = typeNumbers.get(type);
    if (n === undefined) {
      n = typeNumbers.size;
      typeNumbers.set(type, n);
    }
    return n;
  };
  return similarTexts(index, typeOf, alikeSources(nodes), ALIKE_PER_RECORD);
}

/** The nodes whose records alike in words are listed (courses, MOOCs, publications), ascending. */
export function alikeSources(nodes: Pick<Nodes, "keys">): Int32Array {
  return Int32Array.from(nodes.keys.flatMap((key, node) => (ALIKE_TYPES.has(key.type) ? [node] : [])));
}

/**
 * A record's computed record edges with its records alike in words (`alike`, of its own type) joined in: a target
 * of its own type scores 1 − (1 − s)(1 − α·t), s its semantic score (0 without a semantic edge) and t its text
 * score (0 when not alike); a target alike only is a `similar-text` edge. The semantic edges of other types are
 * kept as they are. `evidence.alike` is t.
 */
export function withRecordsAlike(
  source: number,
  sourceType: string,
  edges: readonly NeighbourEdge[],
  alike: SimilarTexts | undefined,
  typeOf: (node: number) => string,
): NeighbourEdge[] {
  if (alike === undefined) return [...edges];
  const text = new Map<number, number>();
  alike.targets.forEach((target, i) => {
    text.set(target, alike.scores[i] as number);
  });
  const others: NeighbourEdge[] = [];
  const own: NeighbourEdge[] = [];
  for (const edge of edges) {
    if (typeOf(edge.target) !== sourceType) {
      others.push(edge);
      continue;
    }
    const t = text.get(edge.target);
    text.delete(edge.target);
    own.push(t === undefined ? edge : joined(edge, edge.score, t));
  }
  for (const [target, t] of text)
    own.push(joined({ source, target, score: 0, kind: "similar-text", evidence: {} }, 0, t));
  return [...others, ...own];
}

/** `edge` scored 1 − (1 − s)(1 − α·t), with t in its evidence. */
function joined(edge: NeighbourEdge, s: number, t: number): NeighbourEdge {
  const score = 1 - (1 - s) * (1 - ALIKE_WEIGHT * t);
  return {
    ...edge,
    score: Math.round(score * 10_000) / 10_000,
    evidence: { ...edge.evidence, alike: Math.round(t * 1000) / 1000 },
  };
}

/**
 * A record's record → record edges with one record of each variant group (`variantGroups`: the sections of one
 * course, the reruns of one MOOC), the best scored, the others named under it (`evidence.also`), as the concept
 * pages list them, and the best RECORDS_LISTED of each type; `variantOf` gives a node's group, or -1.
 */
export function oneOfEachVariant(
  edges: readonly NeighbourEdge[],
  variantOf: (node: number) => number,
  idOf: (node: number) => string,
  typeOf: (node: number) => string,
): NeighbourEdge[] {
  const order = [...edges].sort((a, b) => b.score - a.score || a.target - b.target);
  const kept: NeighbourEdge[] = [];
  const also = new Map<number, string[]>();
  const listed = new Map<string, number>();
  for (const edge of order) {
    const type = typeOf(edge.target);
    if ((listed.get(type) ?? 0) >= RECORDS_LISTED) continue;
    const group = variantOf(edge.target);
    const ids = group < 0 ? undefined : also.get(group);
    if (ids) {
      ids.push(idOf(edge.target));
      continue;
    }
    if (group >= 0) also.set(group, []);
    kept.push(edge);
    listed.set(type, (listed.get(type) ?? 0) + 1);
  }
  return kept.map((edge) => {
    const ids = also.get(variantOf(edge.target)) ?? [];
    return ids.length === 0 ? edge : { ...edge, evidence: withVariants(edge.evidence, ids) };
  });
}
