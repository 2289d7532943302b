/**
 * The records' semantic edges (`recordSemanticEdgeFinder`) computed on a worker thread beside the build's own: the
 * worker builds the index and sums the means from the profile table (its columns on shared memory), then finds every node's edges in
 * node order and sends them in blocks, running ahead of the build while its thread ranks the concept pages. The
 * build's thread takes each node's edges as it writes that node (synchronously: the neighbourhoods are written by
 * a generator inside one SQLite transaction), waiting on shared memory when the worker is behind. Same edges, in
 * the same order, as the finder on the build's own thread.
 */
import { BlockChannel, type BlockChannelEnd } from "../core/block-channel.js";
import { CampusGraphError } from "../core/errors.js";
import { numberedTypes, siblingModule } from "../core/worker-thread.js";
import type { ProfileTable } from "../graph/profile-table.js";
import type { SemanticEdge } from "../graph/semantic-edges.js";
import type { ProfileSenses } from "../graph/semantic-senses.js";

/** What the worker starts from (`workerData`). */
export interface SemanticEdgeRequest {
  readonly columns: ReturnType<ProfileTable["columns"]>;
  /** Each node's type, an index into `typeNames`. */
  readonly types: Int32Array;
  readonly typeNames: readonly string[];
  /** The ontology the edges are weighed by (copied: a tree level and the coherences, a few hundred kB). */
  readonly senses?: ProfileSenses;
  /** Blocks of BLOCK_NODES nodes, in node order. */
  readonly channel: BlockChannelEnd;
}

/** The semantic edges of nodes [first, end): node first + i's at [nodeStarts[i], nodeStarts[i + 1]). */
export interface SemanticEdgeBlock {
  readonly first: number;
  readonly end: number;
  readonly nodeStarts: Int32Array;
  readonly targets: Int32Array;
  readonly scores: Float64Array;
  /** Edge e's shared concepts are shared[sharedStarts[e]…sharedStarts[e + 1]). */
  readonly sharedStarts: Int32Array;
  readonly shared: Int32Array;
}

/** Nodes per block sent. */
export const BLOCK_NODES = 1_000;

/**
 * Blocks the worker may hold ready (50,000 nodes): it runs ahead through the concept and category nodes, which
 * have no semantic edges, and well into the records while the build's thread ranks the concept pages; bounded
 * so that a large corpus's edges are never all held (about 40 bytes an edge).
 */
const AHEAD = 50;

const ENTRY = siblingModule(import.meta.url, "semantic-edge-worker");

/** A worker thread computing the records' semantic edges, taken one node at a time in ascending node order. */
export class SemanticEdgeThread {
  private readonly channel: BlockChannel<SemanticEdgeBlock>;
  private block: SemanticEdgeBlock | undefined;

  /**
   * Starts the worker on `table`'s columns (shared, not copied); `typeOf` gives each of the `nodes` nodes' type,
   * `senses` what weighs the edges (as `recordSemanticEdgeFinder` takes it).
   */
  constructor(table: ProfileTable, nodes: number, typeOf: (node: number) => string, senses?: ProfileSenses) {
    const { types, names: typeNames } = numberedTypes(nodes, typeOf);
    this.channel = new BlockChannel<SemanticEdgeBlock>(
      "semantic edge",
      ENTRY,
      (channel): SemanticEdgeRequest => ({
        columns: table.columns(),
        types,
        typeNames,
        ...(senses && { senses }),
        channel,
      }),
      { ahead: AHEAD },
    );
  }

  /** The semantic edges of `node`, as `recordSemanticEdgeFinder` gives them; nodes are asked in ascending order. */
  edgesOf(node: number): SemanticEdge[] {
    let block = this.block;
    while (block === undefined || node >= block.end) {
      block = this.channel.take();
      this.block = block;
    }
    if (node < block.first) {
      throw new CampusGraphError("INTERNAL", {
        problem: `semantic edges of node ${node} asked out of order`,
      });
    }
    const at = node - block.first;
    const edges: SemanticEdge[] = [];
    for (let e = block.nodeStarts[at] ?? 0, end = block.nodeStarts[at + 1] ?? 0; e < end; e += 1) {
      edges.push({
        source: node,
        target: block.targets[e] ?? -1,
        score: block.scores[e] ?? 0,
        shared: Array.from(block.shared.subarray(block.sharedStarts[e], block.sharedStarts[e + 1])),
      });
    }
    return edges;
  }

  /** Stops the worker (at the end of a build, or when it failed). */
  async close(): Promise<void> {
    await this.channel.close();
  }
}
