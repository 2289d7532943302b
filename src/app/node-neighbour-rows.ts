/**
 * The neighbour rows of every node, assembled one node at a time as the store writes them: the node's facts (its
 * links both ways), its computed edges, ranked (`assembleNeighbourhoods`) and corrected by the curators, then
 * let go. The build holds one node's lists at a time, never the whole graph's edges.
 */
import { applyEdgeCorrections, type EdgeCorrection } from "../graph/apply-corrections.js";
import { assembleNeighbourhoods, degreeOf, type NeighbourEdge } from "../graph/neighbourhood.js";
import type { NeighbourRow } from "../store/store.js";
import { incomingLinks, type Nodes, nodeFacts, toRows } from "./graph-inputs.js";

/** What each node's lists are assembled from, besides its links. */
export interface NodeEdgeSources {
  /** The computed edges whose source is `node`, in the order the whole graph's producers list them. */
  readonly scoredOf: (node: number) => NeighbourEdge[];
  /** The curators' standing edge corrections, oldest first. */
  readonly corrections: readonly EdgeCorrection[];
  /** Called before each node, with its number. */
  readonly onNode?: (node: number) => void;
}

/**
 * The stored rows of every node's neighbour lists, node by node; `degrees` receives each node's number of
 * neighbours per type as its lists are done (for `importanceScores`). Rows are the same as
 * `toRows(assembleNeighbourhoods(…))` over all the graph's edges with the corrections applied.
 */
export function* nodeNeighbourRows(
  nodes: Nodes,
  sources: NodeEdgeSources,
  degrees: Map<number, Record<string, number>>,
): Generator<NeighbourRow> {
  const typeOf = (n: number) => nodes.keys[n]?.type ?? "";
  const incoming = incomingLinks(nodes.links);
  const corrections = correctionsByNode(sources.corrections);
  for (let node = 0; node < nodes.keys.length; node += 1) {
    sources.onNode?.(node);
    const lists = assembleNeighbourhoods({
      typeOf,
      facts: nodeFacts(nodes.links, incoming, node),
      scored: sources.scoredOf(node),
    });
    applyEdgeCorrections(lists, corrections.get(node) ?? [], typeOf);
    if (lists.size === 0) continue;
    const row: Record<string, number> = {};
    for (const [key, list] of lists) row[key.slice(key.indexOf("\0") + 1)] = degreeOf(list);
    degrees.set(node, row);
    yield* toRows(lists, nodes);
  }
}

/**
 * The corrections that change each node's own lists, in their order: those from the node, and the hides towards
 * it (a hidden edge leaves both ends' lists).
 */
function correctionsByNode(corrections: readonly EdgeCorrection[]): Map<number, EdgeCorrection[]> {
  const byNode = new Map<number, EdgeCorrection[]>();
  const add = (node: number, c: EdgeCorrection) => byNode.set(node, [...(byNode.get(node) ?? []), c]);
  for (const c of corrections) {
    add(c.source, c);
    if (c.kind === "hide" && c.target !== c.source) add(c.target, c);
  }
  return byNode;
}
