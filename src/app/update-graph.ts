/**
 * The incremental graph update: after records changed, recompute their concept edges, the profiles of the
 * records without text linked to them, and the semantic edges; then rewrite only the neighbour lists of the nodes
 * that the change touches — the records themselves, their old and new concepts, their old and new semantic
 * partners, and the records they are linked to — in one transaction. Everything else keeps its stored rows.
 */
import type { CorpusRecord } from "../core/record.js";
import type { ConceptDictionary } from "../detect/concept-dictionary.js";
import { applyEdgeCorrections } from "../graph/apply-corrections.js";
import { type RelationEvidence, walkWeight } from "../graph/concept-relations.js";
import type { ConceptEdge, ConceptEvidence } from "../graph/entity-concepts.js";
import type { NameMentions } from "../graph/name-mentions.js";
import { assembleNeighbourhoods, degreeScores, type NeighbourEdge } from "../graph/neighbourhood.js";
import type { SemanticEdge } from "../graph/semantic-edges.js";
import { senseCoherence } from "../graph/sense-coherence.js";
import type { SimilarTexts } from "../graph/similar-texts.js";
import type { RecordKey, Store } from "../store/store.js";
import { toScores } from "./build-graph.js";
import {
  conceptListEdges,
  conceptRecordGraph,
  conceptsFoundIn,
  conceptTree,
  pageNodes,
  recordTexts,
} from "./concept-lists.js";
import { curatedEdges } from "./curated-edges.js";
import { markGraphChanged } from "./data-version.js";
import {
  conceptEdgeEvidence,
  DERIVED,
  deriveLinkedProfiles,
  inheritParentProfiles,
  loadNodes,
  NO_TEXT_TYPES,
  type Nodes,
  oneOfEachVariant,
  organisationalFacts,
  RECORD_EDGE_KINDS,
  recordSemanticEdges,
  recordsAlike,
  semanticNeighbour,
  toRows,
  withRecordsAlike,
} from "./graph-inputs.js";
import { withoutLinkedNames } from "./linked-names.js";
import { loadConceptDictionary } from "./load-concept-dictionary.js";
import { recordMentions, recordProfile } from "./record-concepts.js";

/** What an update did. */
export interface UpdateGraphReport {
  readonly changed: number;
  /** Nodes whose neighbour lists were rewritten. */
  readonly rewritten: number;
  readonly seconds: number;
}

interface Stored {
  readonly profiles: Map<number, ConceptEdge[]>;
  readonly evidence: Map<number, Map<number, Readonly<Record<string, unknown>>>>;
  readonly partners: Map<number, Set<number>>;
  /** Each concept's related concepts (dictionary numbers), as stored. */
  readonly related: Map<number, ConceptEdge[]>;
  /** The same relations weighed as the concept pages' walk weighs them (`walkWeight` of their evidence). */
  readonly walk: Map<number, ConceptEdge[]>;
  /** The evidence of each stored relation, by `${source}\0${target}` (dictionary numbers). */
  readonly relationEvidence: Map<string, Readonly<Record<string, unknown>>>;
}

/** Updates the stored graph for the records `changed` (new or modified; removed ones are gone already). */
export async function updateGraph(store: Store, changed: readonly RecordKey[]): Promise<UpdateGraphReport> {
  const started = performance.now();
  const dictionary = await loadConceptDictionary(store);
  const nodes = await loadNodes(store);
  // Each record as detection reads it: without the names of the people it links to (`linked-names.ts`).
  const read = nodes.records.map((record) => withoutLinkedNames(record, personName(nodes)));
  const changedNodes = new Set(changed.flatMap((k) => nodes.index.get(`${k.type}\0${k.id}`) ?? []));
  const stored = await readProfiles(store, nodes, dictionary);
  await readPartners(store, nodes, changedNodes, stored);
  const conceptNode = (concept: number) => nodes.index.get(`concept\0${dictionary.ids[concept] ?? ""}`);
  const oldConcepts = conceptsOf(changedNodes, stored.profiles, conceptNode);
  const linked = linkedNodes(nodes, changedNodes);
  // Parts (lectures) of a changed record take its new concepts, and the other parts of a changed part's parent
  // what it now says: their own are detected again, then inherited (`inheritParentProfiles`).
  const parts = partsAround(nodes, [...changedNodes, ...linked]);
  const oldPartConcepts = conceptsOf(parts, stored.profiles, conceptNode);
  // A changed person's name is blanked in the records that link to them: those are read again, as a build would.
  const namingAgain = linkingToPeople(nodes, changedNodes);
  const fresh = new Map<number, Map<number, ConceptEvidence>>();
  for (const node of new Set([...changedNodes, ...parts, ...namingAgain])) {
    const record = read[node];
    if (!record) continue;
    const profile = recordProfile(record, dictionary);
    stored.profiles.delete(node);
    if (profile.edges.length > 0) stored.profiles.set(node, profile.edges);
    fresh.set(node, profile.evidence);
  }
  // Re-derive the changed records that found no concept in their own text, and the linked records whose
  // stored profile was derived (people, units): a linked course keeps the concepts of its own text.
  const isDerived = (n: number) =>
    fresh.has(n)
      ? !fresh.get(n)?.size
      : [...(stored.evidence.get(n)?.values() ?? [])].every((e) => e.derived === true);
  const rederive = new Set(
    [...linked, ...changedNodes].filter(
      (n) => !NO_TEXT_TYPES.has(nodes.keys[n]?.type ?? "") && !parts.has(n) && isDerived(n),
    ),
  );
  deriveLinkedProfiles(nodes, stored.profiles, rederive, new Set([...linked, ...changedNodes]));
  inheritParentProfiles(nodes, stored.profiles, parts);
  const touched = new Set([...changedNodes, ...rederive, ...parts, ...namingAgain]);
  await readPartners(store, nodes, touched, stored);
  const evidenceOf = (r: number, c: number) => {
    const found = fresh.get(r)?.get(c);
    return found ? conceptEdgeEvidence(found) : stored.evidence.get(r)?.get(c);
  };
  const tree = conceptTree(nodes, dictionary);
  const coherence = senseCoherence(dictionary.ids.length, ownEdges(stored.profiles, evidenceOf), tree);
  const semantic = recordSemanticEdges(stored.profiles, nodes, { tree, coherence });
  const mentions = allMentions(read, dictionary);
  const pages = conceptPagesToRewrite(
    [...oldConcepts, ...oldPartConcepts, ...conceptsOf(touched, stored.profiles, conceptNode)],
    stored.related,
    nodes,
    dictionary,
  );
  // The pages that listed a changed record, and those whose names its new text holds, are ranked again too; so
  // are the lists of the records that listed it as alike in words.
  const listedAlikeBy = new Set<number>();
  for (const source of await sourcesListing(store, nodes, touched)) {
    if (nodes.keys[source]?.type === "concept") addPage(pages, source, nodes, dictionary);
    else listedAlikeBy.add(source);
  }
  const texts = recordTexts(read.entries(), dictionary);
  const alike = recordsAlike(texts.index, nodes);
  for (const node of touched) {
    const record = read[node];
    const named = [
      ...(mentions.get(node)?.concepts ?? []),
      ...(record ? conceptsFoundIn(texts, record) : []),
    ];
    for (const concept of named) {
      const page = conceptNode(concept);
      if (page !== undefined) addPage(pages, page, nodes, dictionary);
    }
  }
  const affected = new Set([...touched, ...linked, ...pages.nodes]);
  for (const node of touched) for (const partner of stored.partners.get(node) ?? []) affected.add(partner);
  for (const s of semantic) if (touched.has(s.target)) affected.add(s.source);
  for (const source of listedAlikeBy) affected.add(source);
  for (const [source, list] of alike) if (list.targets.some((t) => touched.has(t))) affected.add(source);
  const listed = pageNodes(nodes);
  const graph = conceptRecordGraph(listed, dictionary.ids.length, {
    profiles: stored.profiles,
    related: stored.walk,
    tree,
    coherence,
    mentions,
    texts,
  });
  const lists = assembleNeighbourhoods({
    typeOf: (n) => nodes.keys[n]?.type ?? "",
    facts: organisationalFacts(nodes, affected),
    scored: [
      ...scoredEdges(
        nodes,
        dictionary,
        stored,
        fresh,
        { semantic, alike, variants: listed.variants },
        affected,
      ),
      ...conceptListEdges(nodes, dictionary, graph, evidenceOf, pages.concepts),
    ],
  });
  applyEdgeCorrections(lists, await curatedEdges(store, nodes), (n) => nodes.keys[n]?.type ?? "");
  const others: { type: string; degrees: Record<string, number> }[] = [];
  for await (const score of store.graph.scanNodeScores())
    others.push({ type: score.key.type, degrees: { ...score.degrees } });
  const scores = degreeScores(lists, (n) => nodes.keys[n]?.type ?? "", others);
  const keys = [...affected].flatMap((n) => nodes.keys[n] ?? []);
  await store.transaction(async (writer) => {
    await writer.graph.replaceNeighbours(keys, toRows(lists, nodes, affected));
    await writer.graph.replaceNodeScores(
      keys,
      toScores(scores, nodes).filter((s) =>
        affected.has(nodes.index.get(`${s.key.type}\0${s.key.id}`) ?? -1),
      ),
    );
    await markGraphChanged(writer);
  });
  return {
    changed: changedNodes.size,
    rewritten: affected.size,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Every record's stored concept edges, with their evidence: one scan of the stored rows towards concepts. */
async function readProfiles(store: Store, nodes: Nodes, dictionary: ConceptDictionary): Promise<Stored> {
  const stored: Stored = {
    profiles: new Map(),
    evidence: new Map(),
    partners: new Map(),
    related: new Map(),
    walk: new Map(),
    relationEvidence: new Map(),
  };
  for await (const row of store.graph.scanNeighbours("concept")) {
    if (row.kind === "related-concept" && row.source.type === "concept") {
      const source = dictionary.index.get(row.source.id);
      const target = dictionary.index.get(row.target.id);
      if (source === undefined || target === undefined) continue;
      stored.related.set(source, [
        ...(stored.related.get(source) ?? []),
        { concept: target, score: row.score },
      ]);
      stored.relationEvidence.set(`${source}\0${target}`, row.evidence);
      const walk = walkWeight(row.evidence as unknown as RelationEvidence);
      stored.walk.set(source, [...(stored.walk.get(source) ?? []), { concept: target, score: walk }]);
      continue;
    }
    if (row.kind !== "concept" || NO_TEXT_TYPES.has(row.source.type)) continue;
    const node = nodes.index.get(`${row.source.type}\0${row.source.id}`);
    const concept = dictionary.index.get(row.target.id);
    if (node === undefined || concept === undefined) continue;
    let edges = stored.profiles.get(node);
    let evidence = stored.evidence.get(node);
    if (edges === undefined || evidence === undefined) {
      edges = [];
      evidence = new Map();
      stored.profiles.set(node, edges);
      stored.evidence.set(node, evidence);
    }
    edges.push({ concept, score: row.score });
    evidence.set(concept, row.evidence);
  }
  return stored;
}

/** What every record's text names: the update reads the texts again, since no stored row holds it. */
function allMentions(
  records: readonly CorpusRecord[],
  dictionary: ConceptDictionary,
): Map<number, NameMentions> {
  const mentions = new Map<number, NameMentions>();
  records.forEach((record, node) => {
    const m = recordMentions(record, dictionary);
    if (m && m.concepts.length > 0) mentions.set(node, m);
  });
  return mentions;
}

/** The concept nodes whose stored pages list one of `records`: one scan of the rows towards each of their types. */
async function sourcesListing(
  store: Store,
  nodes: Nodes,
  records: ReadonlySet<number>,
): Promise<Set<number>> {
  const sources = new Set<number>();
  const types = new Set([...records].flatMap((n) => nodes.keys[n]?.type ?? []));
  for (const type of types) {
    for await (const row of store.graph.scanNeighbours(type)) {
      if (row.source.type !== "concept" && row.kind !== "similar-text" && row.evidence.alike === undefined)
        continue;
      const target = nodes.index.get(`${row.target.type}\0${row.target.id}`);
      const source = nodes.index.get(`${row.source.type}\0${row.source.id}`);
      if (target !== undefined && source !== undefined && records.has(target)) sources.add(source);
    }
  }
  return sources;
}

/** Adds the concept node `page` to the pages to rewrite. */
function addPage(
  pages: { concepts: Set<number>; nodes: Set<number> },
  page: number,
  nodes: Nodes,
  dictionary: ConceptDictionary,
): void {
  const concept = dictionary.index.get(nodes.keys[page]?.id ?? "");
  if (concept === undefined) return;
  pages.concepts.add(concept);
  pages.nodes.add(page);
}

/** The stored semantic partners of `sources` (records alike in words too), of every type. */
async function readPartners(
  store: Store,
  nodes: Nodes,
  sources: Iterable<number>,
  into: Stored,
): Promise<void> {
  for (const node of sources) {
    const key = nodes.keys[node];
    if (!key) continue;
    for (const type of Object.keys(await store.graph.neighbourCounts(key))) {
      for (const item of (await store.graph.neighbours(key, type, 1_000, 0)).items) {
        const target = nodes.index.get(`${item.node.type}\0${item.node.id}`);
        if (!RECORD_EDGE_KINDS.has(item.edge.kind) || target === undefined) continue;
        const partners = into.partners.get(node) ?? new Set();
        partners.add(target);
        into.partners.set(node, partners);
      }
    }
  }
}

/**
 * The concept pages a change of `concepts` (nodes) reaches: those concepts, and every concept that has one of
 * them among its related concepts (its walk goes through it). As dictionary numbers and as nodes.
 */
function conceptPagesToRewrite(
  concepts: readonly number[],
  related: ReadonlyMap<number, readonly ConceptEdge[]>,
  nodes: Nodes,
  dictionary: ConceptDictionary,
): { concepts: Set<number>; nodes: Set<number> } {
  const changed = new Set(concepts.flatMap((node) => dictionary.index.get(nodes.keys[node]?.id ?? "") ?? []));
  const pages = new Set(changed);
  for (const [source, edges] of related) if (edges.some((e) => changed.has(e.concept))) pages.add(source);
  const pageNodes = new Set(
    [...pages].flatMap((c) => nodes.index.get(`concept\0${dictionary.ids[c] ?? ""}`) ?? []),
  );
  return { concepts: pages, nodes: pageNodes };
}

/** The computed edges whose source is in `affected`, but concept pages' records (see `conceptListEdges`). */
function scoredEdges(
  nodes: Nodes,
  dictionary: ConceptDictionary,
  stored: Stored,
  fresh: ReadonlyMap<number, ReadonlyMap<number, ConceptEvidence>>,
  records: {
    readonly semantic: readonly SemanticEdge[];
    readonly alike: ReadonlyMap<number, SimilarTexts>;
    /** Each node's variant group (`variantGroups`), or -1. */
    readonly variants: Int32Array;
  },
  affected: ReadonlySet<number>,
): NeighbourEdge[] {
  const conceptNode = (concept: number) => nodes.index.get(`concept\0${dictionary.ids[concept] ?? ""}`);
  const scored: NeighbourEdge[] = [];
  for (const [concept, edges] of stored.related) {
    const source = conceptNode(concept);
    if (source === undefined || !affected.has(source)) continue;
    for (const e of edges) {
      const target = conceptNode(e.concept);
      if (target === undefined) continue;
      const evidence = stored.relationEvidence.get(`${concept}\0${e.concept}`) ?? {};
      scored.push({ source, target, score: e.score, kind: "related-concept", evidence });
    }
  }
  for (const [entity, edges] of stored.profiles) {
    if (!affected.has(entity)) continue;
    for (const e of edges) {
      const concept = conceptNode(e.concept);
      if (concept === undefined) continue;
      const found = fresh.get(entity)?.get(e.concept);
      const why = found
        ? conceptEdgeEvidence(found)
        : (stored.evidence.get(entity)?.get(e.concept) ?? DERIVED);
      scored.push({ source: entity, target: concept, score: e.score, kind: "concept", evidence: why });
    }
  }
  const bySource = new Map<number, NeighbourEdge[]>();
  for (const s of records.semantic) {
    if (!affected.has(s.source)) continue;
    bySource.set(s.source, [...(bySource.get(s.source) ?? []), semanticNeighbour(s, dictionary)]);
  }
  const typeOf = (n: number) => nodes.keys[n]?.type ?? "";
  for (const source of affected) {
    const edges = bySource.get(source) ?? [];
    const listed = withRecordsAlike(source, typeOf(source), edges, records.alike.get(source), typeOf);
    scored.push(
      ...oneOfEachVariant(
        listed,
        (n) => records.variants[n] ?? -1,
        (n) => nodes.keys[n]?.id ?? "",
        typeOf,
      ),
    );
  }
  return scored;
}

/**
 * The edges of each profile that the record's own text or keywords gave (not derived from linked records nor
 * inherited from a parent), as the full build measures sense coherence on.
 */
function* ownEdges(
  profiles: ReadonlyMap<number, readonly ConceptEdge[]>,
  evidenceOf: (record: number, concept: number) => unknown,
): Generator<ConceptEdge[]> {
  for (const [record, edges] of profiles) {
    const own = edges.filter((e) => {
      const evidence = evidenceOf(record, e.concept);
      return (
        evidence !== undefined && evidence !== DERIVED && (evidence as { derived?: unknown }).derived !== true
      );
    });
    if (own.length > 0) yield own;
  }
}

/** The parts among `around`, and every other part of their parents: all of those parents' parts. */
function partsAround(nodes: Nodes, around: readonly number[]): Set<number> {
  const parentsOf = (node: number) =>
    (nodes.records[node]?.links ?? []).flatMap((l) =>
      l.rel === "part_of" ? (nodes.index.get(`${l.type}\0${l.id}`) ?? []) : [],
    );
  const parents = new Set(around.flatMap(parentsOf));
  const parts = new Set<number>();
  nodes.records.forEach((_, node) => {
    if (parentsOf(node).some((p) => parents.has(p))) parts.add(node);
  });
  return parts;
}

/** The concept nodes in the profiles of `entities`. */
function conceptsOf(
  entities: Iterable<number>,
  profiles: ReadonlyMap<number, readonly ConceptEdge[]>,
  conceptNode: (concept: number) => number | undefined,
): number[] {
  const concepts: number[] = [];
  for (const entity of entities) {
    for (const e of profiles.get(entity) ?? []) {
      const node = conceptNode(e.concept);
      if (node !== undefined) concepts.push(node);
    }
  }
  return concepts;
}

/** The records linked to any of `changed`, in either direction. */
function linkedNodes(nodes: Nodes, changed: ReadonlySet<number>): Set<number> {
  const linked = new Set<number>();
  nodes.records.forEach((record, source) => {
    for (const link of record.links ?? []) {
      const target = nodes.index.get(`${link.type}\0${link.id}`);
      if (target === undefined) continue;
      if (changed.has(source)) linked.add(target);
      if (changed.has(target)) linked.add(source);
    }
  });
  for (const node of changed) linked.delete(node);
  return linked;
}

/** The records with text of their own that link to a person among `changed` (whose name they may hold). */
function linkingToPeople(nodes: Nodes, changed: ReadonlySet<number>): Set<number> {
  const people = new Set([...changed].filter((n) => nodes.keys[n]?.type === "person"));
  const linking = new Set<number>();
  if (people.size === 0) return linking;
  nodes.records.forEach((record, source) => {
    if (changed.has(source) || NO_TEXT_TYPES.has(record.type) || record.type === "person") return;
    for (const link of record.links ?? []) {
      const target = nodes.index.get(`${link.type}\0${link.id}`);
      if (target !== undefined && people.has(target)) linking.add(source);
    }
  });
  return linking;
}

/** A person's display name by id, from the loaded nodes. */
function personName(nodes: Nodes): (id: string) => string | undefined {
  return (id) => {
    const node = nodes.index.get(`person\0${id}`);
    return node === undefined ? undefined : nodes.names[node];
  };
}
