/**
 * What the graph build and the graph update share: the records as numbered nodes, each record's concept evidence
 * and profile, derived profiles for records without text, organisational facts, and stored rows.
 */

import type { CorpusRecord } from "../core/record.js";
import { displayName } from "../core/record.js";
import type { ConceptDictionary } from "../detect/concept-dictionary.js";
import { type ConceptEdge, type ConceptEvidence, deriveConceptProfile } from "../graph/entity-concepts.js";
import type { NeighbourEdge, Neighbourhoods } from "../graph/neighbourhood.js";
import { type SemanticEdge, semanticEdges } from "../graph/semantic-edges.js";
import type { NeighbourRow, RecordKey, Store } from "../store/store.js";
import { recordCorrector } from "./curated-records.js";

/** Concept edges kept per record with text, and per record whose concepts are derived from linked records. */
export const CONCEPTS_PER_ENTITY = 20;
export const CONCEPTS_PER_DERIVED = 15;
/** Types that are not described by concepts of their own. */
export const NO_TEXT_TYPES = new Set(["concept", "category"]);

/** Every record of the store, numbered. */
export interface Nodes {
  readonly keys: RecordKey[];
  readonly names: string[];
  readonly index: Map<string, number>;
  readonly records: CorpusRecord[];
}

/** Reads every record of the store as numbered nodes, with the curators' record corrections applied. */
export async function loadNodes(store: Store): Promise<Nodes> {
  const nodes: Nodes = { keys: [], names: [], index: new Map(), records: [] };
  // Curated aliases and category moves count as the record's own (see curated-records.ts).
  const correct = await recordCorrector(store);
  for await (const stored of store.scanRecords()) {
    const record = correct(stored);
    nodes.index.set(`${record.type}\0${record.id}`, nodes.keys.length);
    nodes.keys.push({ type: record.type, id: record.id });
    nodes.names.push(displayName(record));
    nodes.records.push(record);
  }
  return nodes;
}

/**
 * Records without text of their own (people, units…) take a profile from the records linked to them: all such
 * records without a profile yet, or exactly the records in `only` (to refresh them after a change).
 */
export function deriveProfiles(
  nodes: Nodes,
  profiles: Map<number, ConceptEdge[]>,
  only?: ReadonlySet<number>,
): void {
  const neighbours = new Map<number, number[]>();
  const connect = (a: number, b: number) => {
    const list = neighbours.get(a) ?? [];
    list.push(b);
    neighbours.set(a, list);
  };
  nodes.records.forEach((record, source) => {
    for (const link of record.links ?? []) {
      const target = nodes.index.get(`${link.type}\0${link.id}`);
      if (target === undefined) continue;
      connect(source, target);
      connect(target, source);
    }
  });
  // Two rounds: people from their courses and publications first, then units from their people too.
  for (let round = 0; round < 2; round += 1) {
    const derived = new Map<number, ConceptEdge[]>();
    for (const [node, linked] of neighbours) {
      const type = nodes.keys[node]?.type ?? "";
      if (NO_TEXT_TYPES.has(type) || (only ? !only.has(node) : profiles.has(node))) continue;
      const edges = deriveConceptProfile(
        linked.flatMap((n) => (profiles.has(n) ? [profiles.get(n) ?? []] : [])),
        CONCEPTS_PER_DERIVED,
      );
      if (edges.length > 0) derived.set(node, edges);
    }
    for (const [node, edges] of derived) profiles.set(node, edges);
  }
}

/** How much of its parent's concept edge a part (a lecture of a course or MOOC) takes as its own. */
export const INHERITED_WEIGHT = 0.5;

/**
 * Records that are part of another (a lecture of its course or MOOC) add their parent's concepts to their own:
 * e(part, c) = 1 − (1 − own(c)) · (1 − INHERITED_WEIGHT · parent(c)), best CONCEPTS_PER_ENTITY kept. A lecture
 * named only "Lecture 3: T cell activation" is then also about its course's immunology. Only the parts in `only`
 * when given.
 */
export function inheritParentProfiles(
  nodes: Nodes,
  profiles: Map<number, ConceptEdge[]>,
  only?: ReadonlySet<number>,
): void {
  const inherited = new Map<number, ConceptEdge[]>();
  nodes.records.forEach((record, node) => {
    if (only && !only.has(node)) return;
    const parents = (record.links ?? []).flatMap((l) =>
      l.rel === "part_of" ? (nodes.index.get(`${l.type}\0${l.id}`) ?? []) : [],
    );
    if (parents.length === 0) return;
    const scores = new Map<number, number>();
    for (const e of profiles.get(node) ?? []) scores.set(e.concept, e.score);
    for (const parent of parents) {
      for (const e of profiles.get(parent) ?? []) {
        scores.set(e.concept, 1 - (1 - (scores.get(e.concept) ?? 0)) * (1 - INHERITED_WEIGHT * e.score));
      }
    }
    const edges = [...scores].map(([concept, score]) => ({ concept, score }));
    edges.sort((a, b) => b.score - a.score || a.concept - b.concept);
    if (edges.length > 0) inherited.set(node, edges.slice(0, CONCEPTS_PER_ENTITY));
  });
  for (const [node, edges] of inherited) profiles.set(node, edges);
}

// Shared evidence objects: millions of fact rows, serialised once.
const FACT_OUT = Object.freeze({ fact: true, direction: "out" });
const FACT_IN = Object.freeze({ fact: true, direction: "in" });

/** The corpus's organisational links as neighbour edges in both directions (facts, score 1), of `sources` only if given. */
export function organisationalFacts(nodes: Nodes, sources?: ReadonlySet<number>): NeighbourEdge[] {
  const facts: NeighbourEdge[] = [];
  nodes.records.forEach((record, source) => {
    for (const link of record.links ?? []) {
      // Concept hyperlinks are evidence of related concepts, not facts to list first.
      if (link.rel === "link") continue;
      const target = nodes.index.get(`${link.type}\0${link.id}`);
      if (target === undefined) continue;
      if (!sources || sources.has(source))
        facts.push({ source, target, score: 1, kind: link.rel, evidence: FACT_OUT });
      if (!sources || sources.has(target))
        facts.push({ source: target, target: source, score: 1, kind: link.rel, evidence: FACT_IN });
    }
  });
  return facts;
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

/** The semantic edges among records, with the graph's policy: 10 per record and neighbour type, 5 for people. */
export function recordSemanticEdges(
  profiles: ReadonlyMap<number, readonly ConceptEdge[]>,
  nodes: Nodes,
): SemanticEdge[] {
  // People are known by what they teach and write (facts); a few semantic neighbours each are enough.
  return semanticEdges(profiles, (n) => nodes.keys[n]?.type ?? "", {
    perType: (type) => (type === "person" ? 5 : 10),
  });
}

/** A semantic edge as a neighbour edge, its evidence the ids of the concepts shared most. */
export function semanticNeighbour(edge: SemanticEdge, dictionary: ConceptDictionary): NeighbourEdge {
  const shared = edge.shared.map((c) => dictionary.ids[c]);
  return {
    source: edge.source,
    target: edge.target,
    score: edge.score,
    kind: "semantic",
    evidence: { shared },
  };
}
