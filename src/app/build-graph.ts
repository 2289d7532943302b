/**
 * The graph build use case: detect the concepts of every record, compute entity → concept, concept ↔ concept and
 * entity ↔ entity edges, assemble each node's ranked neighbourhoods with the corpus's organisational links, and
 * store them with each node's importance, in one transaction. Pure computation lives in `src/graph/`.
 */
import type { ConceptDictionary } from "../detect/concept-dictionary.js";
import { applyEdgeCorrections } from "../graph/apply-corrections.js";
import { conceptRelations } from "../graph/concept-relations.js";
import type { ConceptEdge, ConceptEvidence } from "../graph/entity-concepts.js";
import type { NameMentions } from "../graph/name-mentions.js";
import { assembleNeighbourhoods, degreeScores, type NeighbourEdge } from "../graph/neighbourhood.js";
import { senseCoherence } from "../graph/sense-coherence.js";
import type { NodeScore, Store } from "../store/store.js";
import { collectGarbage } from "./collect-garbage.js";
import { conceptListEdges, conceptRecordGraph, conceptTree, recordTexts } from "./concept-lists.js";
import { curatedEdges } from "./curated-edges.js";
import { markGraphChanged } from "./data-version.js";
import {
  conceptEdgeEvidence,
  DERIVED,
  deriveProfiles,
  inheritParentProfiles,
  loadNodes,
  type Nodes,
  organisationalFacts,
  recordSemanticEdges,
  semanticNeighbour,
  toRows,
} from "./graph-inputs.js";
import { loadConceptDictionary } from "./load-concept-dictionary.js";
import { recordProfile } from "./record-concepts.js";

/** Options of `buildGraph`. */
export interface BuildGraphOptions {
  /** Called as each stage advances: its name, work done and work in all. */
  readonly onProgress?: (stage: string, done: number, total: number) => void;
  /** Kept in metadata under GRAPH_STAMP_KEY with the graph, e.g. the corpus hash the graph was built from. */
  readonly stamp?: string;
}

/** The metadata key of the stamp given to the last build. */
export const GRAPH_STAMP_KEY = "graph.stamp";

/** What a build did. */
export interface BuildGraphReport {
  readonly nodes: number;
  readonly entityConceptEdges: number;
  readonly conceptRelations: number;
  readonly semanticEdges: number;
  readonly neighbourRows: number;
  readonly seconds: number;
}

/** Builds the whole graph of `store` and replaces what was there. */
export async function buildGraph(store: Store, options: BuildGraphOptions = {}): Promise<BuildGraphReport> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => undefined);
  const nodes = await loadNodes(store);
  const { scored, counts } = await computeScoredEdges(store, nodes, progress);
  // The dictionary, detection results and relations are garbage now: collect before the lists are built.
  collectGarbage();
  progress("neighbourhoods", 0, 1);
  const facts = organisationalFacts(nodes);
  // The parsed records are not needed past this point; let them go before the largest allocations.
  nodes.records.length = 0;
  const lists = assembleNeighbourhoods({
    typeOf: (n) => nodes.keys[n]?.type ?? "",
    facts,
    scored,
  });
  // Curators' hides and pins win over what was computed, and count in the degrees.
  applyEdgeCorrections(lists, await curatedEdges(store, nodes), (n) => nodes.keys[n]?.type ?? "");
  // The lists keep at most 64 computed edges per node and type: let the others go before writing, the peak.
  scored.length = 0;
  facts.length = 0;
  collectGarbage();
  const scores = degreeScores(lists, (n) => nodes.keys[n]?.type ?? "");
  progress("neighbourhoods", 1, 1);
  progress("writing", 0, 1);
  let neighbourRows = 0;
  for (const list of lists.values()) neighbourRows += list.length;
  await store.transaction(async (writer) => {
    await writer.graph.replaceNeighbours("all", toRows(lists, nodes));
    await writer.graph.replaceNodeScores("all", toScores(scores, nodes));
    await markGraphChanged(writer);
    if (options.stamp !== undefined) await writer.setMeta(GRAPH_STAMP_KEY, options.stamp);
  });
  progress("writing", 1, 1);
  // What the build held is garbage now; a caller building the search index next starts from a clean heap.
  collectGarbage();
  return {
    nodes: nodes.keys.length,
    ...counts,
    neighbourRows,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Every computed edge, in both directions where it is symmetric: record ↔ concept, concept → concept,
 * record → record. Intermediate results (evidence, relations, semantic edges) stay local and are freed on return.
 */
async function computeScoredEdges(
  store: Store,
  nodes: Nodes,
  progress: NonNullable<BuildGraphOptions["onProgress"]>,
): Promise<{
  scored: NeighbourEdge[];
  counts: Omit<BuildGraphReport, "nodes" | "neighbourRows" | "seconds">;
}> {
  progress("dictionary", 0, 1);
  const dictionary = await loadConceptDictionary(store);
  progress("dictionary", 1, 1);
  const conceptNode = (concept: number) => nodes.index.get(`concept\0${dictionary.ids[concept] ?? ""}`);
  const { profiles, evidence, mentions } = detectEntityConcepts(nodes, dictionary, progress);
  // Relations and sense coherence read each record's own concepts: a person's profile derived from one
  // publication, or a lecture's inherited from its MOOC, would count that record again.
  const own = [...profiles.values()];
  deriveProfiles(nodes, profiles);
  progress("relations", 0, 1);
  const popularity = new Map<number, number>();
  for (const edges of own)
    for (const e of edges) popularity.set(e.concept, (popularity.get(e.concept) ?? 0) + 1);
  const ontology = {
    size: dictionary.ids.length,
    cluster: dictionary.cluster,
    category: dictionary.category,
    links: dictionary.links,
  };
  const tree = conceptTree(nodes, dictionary);
  const coherence = senseCoherence(dictionary.ids.length, own, tree);
  const relations = conceptRelations(ontology, own, (c) => popularity.get(c) ?? 0, { coherence, tree });
  const scored: NeighbourEdge[] = [];
  const related = new Map<number, ConceptEdge[]>();
  for (const r of relations) {
    related.set(r.source, [...(related.get(r.source) ?? []), { concept: r.target, score: r.score }]);
    const source = conceptNode(r.source);
    const target = conceptNode(r.target);
    if (source !== undefined && target !== undefined) {
      scored.push({ source, target, score: r.score, kind: "related-concept", evidence: r.evidence });
    }
  }
  progress("relations", 1, 1);
  // Parts (lectures) take their parent's concepts too, for the rest.
  inheritParentProfiles(nodes, profiles);
  progress("semantic", 0, 1);
  const semantic = recordSemanticEdges(profiles, nodes);
  for (const s of semantic) {
    scored.push(semanticNeighbour(s, dictionary));
  }
  progress("semantic", 1, 1);
  const entityConceptEdges = [...profiles.values()].reduce((n, p) => n + p.length, 0);
  // The stored evidence of each record's own edges, one object shared by the record's row and the concept page's.
  const stored = new Map<number, Map<number, Readonly<Record<string, unknown>>>>();
  for (const [entity, edges] of profiles) {
    for (const e of edges) {
      const concept = conceptNode(e.concept);
      if (concept === undefined) continue;
      const found = evidence.get(entity)?.get(e.concept);
      // Derived and inherited edges (people, units, lectures' parents) have no evidence of their own.
      const why = found ? conceptEdgeEvidence(found) : DERIVED;
      if (found) stored.set(entity, (stored.get(entity) ?? new Map()).set(e.concept, why));
      scored.push({ source: entity, target: concept, score: e.score, kind: "concept", evidence: why });
    }
  }
  evidence.clear();
  // The semantic passes' accumulators are garbage now: collect before the largest stage's allocations.
  collectGarbage();
  progress("concept pages", 0, 1);
  const graph = conceptRecordGraph(nodes, dictionary.ids.length, {
    profiles,
    related,
    tree,
    coherence,
    mentions,
    texts: recordTexts(nodes.records.entries(), dictionary),
  });
  for (const edge of conceptListEdges(nodes, dictionary, graph, (r, c) => stored.get(r)?.get(c)))
    scored.push(edge);
  progress("concept pages", 1, 1);
  return {
    scored,
    counts: { entityConceptEdges, conceptRelations: relations.length, semanticEdges: semantic.length },
  };
}

/** Concept edges of every record that has text (detection on its texts, and its keywords), and what it names. */
function detectEntityConcepts(
  nodes: Nodes,
  dictionary: ConceptDictionary,
  progress: NonNullable<BuildGraphOptions["onProgress"]>,
): {
  profiles: Map<number, ConceptEdge[]>;
  evidence: Map<number, Map<number, ConceptEvidence>>;
  mentions: Map<number, NameMentions>;
} {
  const profiles = new Map<number, ConceptEdge[]>();
  const evidence = new Map<number, Map<number, ConceptEvidence>>();
  const mentions = new Map<number, NameMentions>();
  const total = nodes.records.length;
  nodes.records.forEach((record, node) => {
    if (node % 500 === 0) progress("detection", node, total);
    const profile = recordProfile(record, dictionary);
    if (profile.mentions && profile.mentions.concepts.length > 0) mentions.set(node, profile.mentions);
    if (profile.edges.length === 0) return;
    profiles.set(node, profile.edges);
    evidence.set(node, profile.evidence);
  });
  progress("detection", total, total);
  return { profiles, evidence, mentions };
}

/** Node scores keyed by record, rounded. */
export function toScores(scores: ReturnType<typeof degreeScores>, nodes: Nodes): NodeScore[] {
  const out: NodeScore[] = [];
  for (const [node, s] of scores) {
    const key = nodes.keys[node];
    if (key) out.push({ key, importance: Math.round(s.importance * 10_000) / 10_000, degrees: s.degrees });
  }
  return out;
}
