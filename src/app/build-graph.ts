/**
 * The graph build use case: detect the concepts of every record, compute entity → concept, concept ↔ concept and
 * entity ↔ entity edges, assemble each node's ranked neighbourhoods with the corpus's organisational links, and
 * store them with each node's importance, in one transaction. Each node's lists are assembled as the store writes
 * them, so the graph's edges are never all in memory. Pure computation lives in `src/graph/`.
 */
import { indexPostings, sharedPostings } from "../graph/concept-records.js";
import {
  type ConceptRelation,
  conceptRelations,
  type NamingRecords,
  walkWeight,
} from "../graph/concept-relations.js";
import type { ConceptEdge } from "../graph/entity-concepts.js";
import { type degreeScores, importanceScores, type NeighbourEdge } from "../graph/neighbourhood.js";
import { ProfileOverlay, ProfileTable } from "../graph/profile-table.js";
import { RelationColumns } from "../graph/relation-columns.js";
import type { SemanticEdge } from "../graph/semantic-edges.js";
import { senseCoherence } from "../graph/sense-coherence.js";
import type { SimilarTexts } from "../graph/similar-texts.js";
import type { NodeScore, Store } from "../store/store.js";
import { collectGarbage, collectGarbageAbove, traceLive } from "./collect-garbage.js";
import {
  conceptRecordGraph,
  conceptTree,
  nameScoresOf,
  PAGE_PARAMS,
  pageEdgeNames,
  pageNodes,
  type RecordTexts,
} from "./concept-lists.js";
import { ConceptPageRanker, type PageEdgeNames, pageEdges } from "./concept-page-block.js";
import {
  ConceptPageThread,
  conceptsInNodeOrder,
  type PackedRelated,
  packRelated,
  pageInputs,
  pageTexts,
  RelatedLists,
} from "./concept-page-thread.js";
import { curatedEdges } from "./curated-edges.js";
import { markGraphChanged } from "./data-version.js";
import { detectRecords } from "./detect-records.js";
import { defaultDetectionWorkers } from "./detection-pool.js";
import type { EvidenceTable } from "./evidence-table.js";
import {
  ALIKE_PER_RECORD,
  alikeSources,
  DERIVED,
  deriveLinkedProfiles,
  inheritParentProfiles,
  type Nodes,
  oneOfEachVariant,
  recordSemanticEdgeFinder,
  recordsAlike,
  semanticNeighbour,
  withRecordsAlike,
} from "./graph-inputs.js";
import { loadConceptDictionary } from "./load-concept-dictionary.js";
import { nodeNeighbourRows } from "./node-neighbour-rows.js";
import { clearRefreshPending } from "./pending-refresh.js";
import { SemanticEdgeThread } from "./semantic-edge-thread.js";
import { SimilarTextThread } from "./similar-text-thread.js";

/** Options of `buildGraph`. */
export interface BuildGraphOptions {
  /** Called as each stage advances: its name, work done and work in all. */
  readonly onProgress?: (stage: string, done: number, total: number) => void;
  /**
   * Worker threads that detect concepts beside the build's own thread (`DetectionPool`); 0: none, and the
   * semantic edges and concept pages on the build's thread too (above 0 they are found on a thread of their own,
   * `SemanticEdgeThread`, and ranked by a worker beside the build's thread, `ConceptPageThread`). Default
   * `defaultDetectionWorkers()`: one per other core, at most 3.
   */
  readonly detectWorkers?: number;
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
  const { nodes, scoredOf, counts, close } = await prepareEdges(
    store,
    progress,
    options.detectWorkers ?? defaultDetectionWorkers(),
  );
  try {
    return await writeGraph(store, { nodes, scoredOf, counts }, progress, options.stamp, started);
  } finally {
    await close();
  }
}

/** Writes the graph's lists and node scores from the prepared edges, in one transaction. */
async function writeGraph(
  store: Store,
  {
    nodes,
    scoredOf,
    counts,
  }: { nodes: Nodes; scoredOf: (node: number) => NeighbourEdge[]; counts: EdgeCounts },
  progress: NonNullable<BuildGraphOptions["onProgress"]>,
  stamp: string | undefined,
  started: number,
): Promise<BuildGraphReport> {
  // The dictionary, detection results and the semantic passes' accumulators are garbage now.
  collectGarbage();
  // Curators' hides and pins win over what was computed, and count in the degrees.
  const corrections = await curatedEdges(store, nodes);
  traceLive("write-start");
  const degrees = new Map<number, Record<string, number>>();
  const total = nodes.keys.length;
  let neighbourRows = 0;
  await store.transaction(async (writer) => {
    // Each node's lists are assembled as the store writes them: the graph's edges are never all held at once.
    progress("neighbourhoods", 0, total);
    const onNode = (node: number) => node % 1_000 === 0 && progress("neighbourhoods", node, total);
    const rows = nodeNeighbourRows(nodes, { scoredOf, corrections, onNode }, degrees);
    await writer.graph.replaceNeighbours(
      "all",
      counted(rows, () => (neighbourRows += 1)),
    );
    progress("neighbourhoods", total, total);
    progress("writing", 0, 1);
    const scores = importanceScores(degrees, (n) => nodes.keys[n]?.type ?? "");
    await writer.graph.replaceNodeScores("all", toScores(scores, nodes));
    await markGraphChanged(writer);
    // Every record is in this graph, and a search index older than it is rebuilt (see ensureSearchIndex).
    await clearRefreshPending(writer);
    if (stamp !== undefined) await writer.setMeta(GRAPH_STAMP_KEY, stamp);
  });
  progress("writing", 1, 1);
  // What the build held is garbage now; a caller building the search index next starts from a clean heap.
  collectGarbage();
  return {
    nodes: nodes.keys.length,
    entityConceptEdges: counts.entityConceptEdges,
    conceptRelations: counts.conceptRelations,
    semanticEdges: counts.semanticEdges,
    neighbourRows,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The items of `items`, calling `count` for each as it passes. */
function* counted<T>(items: Iterable<T>, count: () => void): Generator<T> {
  for (const item of items) {
    count();
    yield item;
  }
}

/** The counts of what a build computed; the semantic edges are counted as the nodes are written. */
interface EdgeCounts {
  entityConceptEdges: number;
  conceptRelations: number;
  semanticEdges: number;
}

/**
 * Detects every record's concepts and prepares each node's computed edges, in the order the graph lists them:
 * concept → concept relations, record → record semantic edges (found when asked, one node at a time), record →
 * concept edges, and the concept pages' records. Intermediate results (the dictionary, evidence, relations)
 * stay local and are freed on return.
 */
async function prepareEdges(
  store: Store,
  progress: NonNullable<BuildGraphOptions["onProgress"]>,
  detectWorkers: number,
): Promise<{
  nodes: Nodes;
  scoredOf: (node: number) => NeighbourEdge[];
  counts: EdgeCounts;
  close: () => Promise<void>;
}> {
  progress("dictionary", 0, 1);
  const dictionary = await loadConceptDictionary(store);
  progress("dictionary", 1, 1);
  // No name holds the detection's result: its own profiles table must be let go once the final one is made.
  const { nodes, evidence, mentions, texts, described, ...rest } = await detectRecords(
    store,
    dictionary,
    progress,
    {
      workers: detectWorkers,
    },
  );
  const detected: { profiles: ProfileTable | undefined } = rest;
  // Detection leaves hundreds of MB of garbage at 600,000 records: collected before relations allocate theirs.
  collectGarbage();
  // Closures made here share this function's scope while any lives (the lists' functions live to the last row): none
  // may name the dictionary (tens of MB), so that it is let go once the concept pages are set up.
  const conceptNode = conceptNodeFinder(nodes, dictionary.ids);
  // Relations and sense coherence read each record's own concepts (the detected table, made again as objects
  // for each pass): a person's profile derived from one publication, or a lecture's inherited from its MOOC,
  // would count that record again. The others are written over the table without copying it.
  let ownTable: ProfileTable | undefined = rest.profiles;
  let own: Iterable<readonly ConceptEdge[]> | undefined = rereadable(rest.profiles);
  let profiles: ProfileOverlay | undefined = new ProfileOverlay(rest.profiles);
  // Each concept's records, read from the table's column (not its edges made as objects).
  const popularity = conceptCounts(rest.profiles, dictionary.ids.length);
  detected.profiles = undefined;
  deriveLinkedProfiles(nodes, profiles);
  progress("relations", 0, 1);
  const ontology = {
    size: dictionary.ids.length,
    cluster: dictionary.cluster,
    category: dictionary.category,
    links: dictionary.links,
    described,
    names: dictionary.names,
  };
  const tree = conceptTree(nodes, dictionary);
  const coherence = senseCoherence(dictionary.ids.length, own, tree);
  // No name holds the relations as objects: only what is made of them (`relationParts`).
  const { related, relatedEdges, relationCount } = relationParts(
    conceptRelations(ontology, own, (c) => popularity[c] ?? 0, {
      coherence,
      tree,
      texts: namingRecords(texts, ownTable),
    }),
    conceptNode,
    nodes.keys.length,
  );
  progress("relations", 1, 1);
  // The relations' passes over the profiles made them again as objects, and the relations were objects too: garbage
  // (~0.3 GB at 600,000 records) collected before the final table is made beside the profiles it is made from.
  collectGarbage();
  // Parts (lectures) take their parent's concepts too, for the rest.
  inheritParentProfiles(nodes, profiles);
  // The profiles are final: into typed arrays, which the rest of the build holds until the last row is written.
  const table = ProfileTable.from(profiles);
  profiles = undefined;
  own = undefined;
  ownTable = undefined;
  const entityConceptEdges = table.columns().concepts.length;
  // The profiles as objects and the relations' work are garbage: collected before the semantic index is made.
  collectGarbage();
  progress("semantic", 0, 1);
  // With worker threads, the semantic edges are found on one, ahead of the lists that take them (see
  // SemanticEdgeThread); its stage here is only its start.
  const thread =
    detectWorkers > 0
      ? new SemanticEdgeThread(table, nodes.keys.length, (n) => nodes.keys[n]?.type ?? "", {
          tree,
          coherence,
        })
      : undefined;
  const semanticOf = thread
    ? (node: number) => thread.edgesOf(node)
    : recordSemanticEdgeFinder(table, nodes, { tree, coherence });
  // Records alike in words are found from the texts' index that the concept pages read next: with worker threads,
  // on one of its own, done before the build's thread reaches the records; without, here.
  const alike =
    detectWorkers > 0
      ? new SimilarTextThread(
          texts.index,
          alikeSources(nodes),
          nodes.keys.length,
          (n) => nodes.keys[n]?.type ?? "",
          ALIKE_PER_RECORD,
        )
      : undefined;
  const alikeOf = alike ? (node: number) => alike.alikeOf(node) : mapGetter(recordsAlike(texts.index, nodes));
  progress("semantic", 1, 1);
  // Until this returns, no caller holds the threads to close them: a worker left running would hold what it reads
  // and, its blocks ahead, wait forever.
  let pages: ConceptPageThread | undefined;
  try {
    // The semantic passes' accumulators are garbage now: collect before the largest stage's allocations.
    collectGarbage();
    progress("concept pages", 0, 1);
    const conceptNodes = Int32Array.from(dictionary.ids, (_, c) => conceptNode(c) ?? -1);
    const sources = { profiles: table, related, tree, coherence, mentions, texts: pageTexts(texts) };
    const pageNodesOf = pageNodes(nodes);
    const graph = conceptRecordGraph(pageNodesOf, dictionary.ids.length, {
      ...sources,
      related: new RelatedLists(related),
    });
    const postings = indexPostings(graph, PAGE_PARAMS);
    const ranker = new ConceptPageRanker(graph, postings, PAGE_PARAMS);
    const order = conceptsInNodeOrder(conceptNodes);
    // With worker threads, a worker ranks the pages ahead of the lists that take them, and this thread ranks some
    // too while it waits (see ConceptPageThread); without, each page is ranked here as its node is written.
    pages =
      detectWorkers > 0
        ? new ConceptPageThread(
            pageInputs(dictionary.ids.length, {
              ...sources,
              nodes: { ...pageNodesOf, count: nodes.keys.length },
              postings: sharedPostings(postings),
            }),
            order,
            ranker,
          )
        : undefined;
    // Each concept's page is ranked when its node is written, not all before: the pages' rows are never all held.
    // (Neither the dictionary nor this function's scope is kept by it: only the concepts' ids and the evidence.)
    const pageOf = conceptPageFinder(
      pages ?? ranker,
      conceptNodes,
      pageEdgeNames(nodes, dictionary, evidence.get.bind(evidence)),
    );
    progress("concept pages", 1, 1);
    const counts = { entityConceptEdges, conceptRelations: relationCount, semanticEdges: 0 };
    const scoredOf = computedEdges(
      {
        ids: dictionary.ids,
        conceptNodes,
        related: relatedEdges,
        semanticOf,
        alikeOf,
        variants: pageNodesOf.variants,
        idOf: (node: number) => nodes.keys[node]?.id ?? "",
        typeOf: (node: number) => nodes.keys[node]?.type ?? "",
        profiles: table,
        evidence,
        pages: conceptPages(conceptNodes, pageOf, closer(pages)),
      },
      counts,
    );
    return { nodes, scoredOf, counts, close: closer(thread, alike, pages) };
  } catch (error) {
    await closer(thread, alike, pages)();
    throw error;
  }
}

/**
 * A function stopping `threads`' workers. Made out of `prepareEdges`, so that the closure, kept to the build's end,
 * holds nothing of its scope (such as the dictionary).
 */
function closer(...threads: ({ close(): Promise<void> } | undefined)[]): () => Promise<void> {
  return async () => {
    for (const thread of threads) await thread?.close();
  };
}

/**
 * Each concept's page edges, by dictionary number, from `ranked`: a `ConceptPageThread` (pages asked in its order), or
 * a ranker on this thread. A function of its own, so that the closure holds nothing else of the build.
 */
function conceptPageFinder(
  ranked: ConceptPageThread | ConceptPageRanker,
  conceptNodes: Int32Array,
  names: PageEdgeNames,
): (concept: number) => NeighbourEdge[] {
  return (concept) => {
    const source = conceptNodes[concept] ?? -1;
    if (source < 0) return [];
    const { block, page } =
      ranked instanceof ConceptPageThread
        ? ranked.pageOf(concept)
        : { block: ranked.block([concept]), page: 0 };
    return pageEdges(block, page, source, concept, names);
  };
}

/** What each node's computed edges are made from, concepts by dictionary number. */
interface ComputedEdgeParts {
  readonly ids: readonly string[];
  /** Each concept's node, -1 when it has none. */
  readonly conceptNodes: Int32Array;
  readonly related: RelationColumns;
  readonly semanticOf: (node: number) => SemanticEdge[];
  /** Each course's, MOOC's and publication's records alike in words (`recordsAlike`), asked in node order. */
  readonly alikeOf: (node: number) => SimilarTexts | undefined;
  /** Each node's variant group (`variantGroups`), or -1, and its id: a list names a group's others under one. */
  readonly variants: Int32Array;
  readonly idOf: (node: number) => string;
  readonly typeOf: (node: number) => string;
  readonly profiles: ReadonlyMap<number, readonly ConceptEdge[]>;
  /** The stored evidence of each record's own edges. */
  readonly evidence: EvidenceTable;
  /** Each concept node's page rows, asked once per node in node order. */
  readonly pages: (node: number) => readonly NeighbourEdge[];
}

/**
 * A function giving each node's computed edges in the order the graph's producers list them (relations,
 * semantic, record → concept, concept pages); it counts the semantic edges in `counts`. Only `parts` is kept
 * (a function of its own, so that the closure holds nothing else of the build, such as the dictionary).
 */
function computedEdges(parts: ComputedEdgeParts, counts: EdgeCounts): (node: number) => NeighbourEdge[] {
  const dictionary = { ids: parts.ids };
  return (node) => {
    const semantic = parts.semanticOf(node);
    counts.semanticEdges += semantic.length;
    const records = oneOfEachVariant(
      withRecordsAlike(
        node,
        parts.typeOf(node),
        semantic.map((s) => semanticNeighbour(s, dictionary)),
        parts.alikeOf(node),
        parts.typeOf,
      ),
      (n) => parts.variants[n] ?? -1,
      parts.idOf,
      parts.typeOf,
    );
    const edges = [...parts.related.take(node), ...records];
    for (const e of parts.profiles.get(node) ?? []) {
      const concept = parts.conceptNodes[e.concept] ?? -1;
      // Derived and inherited edges (people, units, lectures' parents) have no evidence of their own.
      if (concept < 0) continue;
      const evidence = parts.evidence.get(node, e.concept) ?? DERIVED;
      edges.push({ source: node, target: concept, score: e.score, kind: "concept", evidence });
    }
    edges.push(...parts.pages(node));
    return edges;
  };
}

/**
 * Each concept node's page rows from `pageOf` (by dictionary number), asked once per node in ascending node order.
 * Once the last concept node is asked, `onLast` is called (it stops a worker ranking them), and `pageOf` and what it
 * ranks from (the texts' index, the mention counts, the pages' postings: hundreds of MB at 600,000 records) are
 * let go and collected.
 */
function conceptPages(
  conceptNodes: Int32Array,
  pageOf: (concept: number) => NeighbourEdge[],
  onLast: () => Promise<void>,
): (node: number) => readonly NeighbourEdge[] {
  const conceptOf = new Map<number, number>();
  conceptNodes.forEach((node, concept) => {
    if (node >= 0) conceptOf.set(node, concept);
  });
  let last = -1;
  for (const node of conceptOf.keys()) last = Math.max(last, node);
  let ranked: typeof pageOf | undefined = pageOf;
  // With the pages ranked by a worker, this thread allocates slowly through them, and V8 let its heap grow by
  // ~290 MB of garbage over K = 1's concept nodes without a collection (EXPERIMENTS).
  const bounded = collectGarbageAbove(GARBAGE_PER_CONCEPTS);
  let asked = 0;
  return (node) => {
    const concept = conceptOf.get(node);
    if (concept !== undefined && asked++ % 1_024 === 0) bounded();
    const rows = concept === undefined || ranked === undefined ? [] : ranked(concept);
    if (node >= last && ranked !== undefined) {
      ranked = undefined;
      conceptOf.clear();
      void onLast();
      collectGarbage();
    }
    return rows;
  };
}

/** The garbage the concept nodes' writing may leave before it is collected: 128 MB. */
const GARBAGE_PER_CONCEPTS = 128 * 1024 * 1024;

/**
 * What the build keeps of the concept relations: each concept's related concepts (for the concept pages), by
 * dictionary number, and the relations' edges by node, packed.
 */
function relationParts(
  relations: readonly ConceptRelation[],
  conceptNode: (concept: number) => number | undefined,
  nodes: number,
): { related: PackedRelated; relatedEdges: RelationColumns; relationCount: number } {
  const related = new Map<number, ConceptEdge[]>();
  for (const r of relations) {
    const edges = related.get(r.source);
    // The pages' walk weighs a relation by its evidence, the ontology's filing only in part (`walkWeight`).
    const walk = { concept: r.target, score: walkWeight(r.evidence) };
    if (edges) edges.push(walk);
    else related.set(r.source, [walk]);
  }
  return {
    related: packRelated(related),
    relatedEdges: new RelationColumns(relations, conceptNode, nodes),
    relationCount: relations.length,
  };
}

/** How many edges of `table` name each of the `size` concepts, by dictionary number. */
function conceptCounts(table: ProfileTable, size: number): Int32Array {
  const counts = new Int32Array(size);
  for (const concept of table.columns().concepts) counts[concept] = (counts[concept] ?? 0) + 1;
  return counts;
}

/** Each concept's node by dictionary number (`ids`), undefined when it has none. */
function conceptNodeFinder(nodes: Nodes, ids: readonly string[]): (concept: number) => number | undefined {
  return (concept) => nodes.index.get(`concept\0${ids[concept] ?? ""}`);
}

/** `map`'s `get`, as a function that holds nothing else. */
function mapGetter<K, V>(map: ReadonlyMap<K, V>): (key: K) => V | undefined {
  return (key) => map.get(key);
}

/** The values of `table`, as often as they are iterated (each pass makes its edge objects anew). */
/**
 * The records naming each concept and each record's own concepts, for the relations' `named` evidence; made here,
 * not in the build's scope, so that no closure the build keeps holds the detected table.
 */
function namingRecords(texts: RecordTexts, table: ProfileTable): NamingRecords {
  return { naming: nameScoresOf(texts), profileOf: (record) => table.get(record) };
}

function rereadable(table: ProfileTable): Iterable<readonly ConceptEdge[]> {
  return { [Symbol.iterator]: () => table.values() };
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
