/**
 * The entry of a build's semantic edge worker thread (see `SemanticEdgeThread`): it rebuilds the profile table from
 * its columns in `workerData` (shared memory), prepares `semanticEdgeFinder` with the graph's policy, and posts every
 * node's edges in blocks of BLOCK_NODES nodes, in node order, at most `ahead` blocks before the build's thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { BlockPoster } from "../core/block-channel.js";
import { ProfileTable } from "../graph/profile-table.js";
import { type SemanticEdge, semanticEdgeFinder } from "../graph/semantic-edges.js";
import { SEMANTIC_POLICY } from "./graph-inputs.js";
import { traceMemory } from "./memory-trace.js";
import { BLOCK_NODES, type SemanticEdgeBlock, type SemanticEdgeRequest } from "./semantic-edge-thread.js";

if (parentPort === null)
  throw new Error("semantic-edge-worker.ts runs as a worker thread, started by SemanticEdgeThread");
const { columns, types, typeNames, senses, channel } = workerData as SemanticEdgeRequest;
const poster = new BlockPoster<SemanticEdgeBlock>(channel);
try {
  const edgesOf = semanticEdgeFinder(
    new ProfileTable(columns),
    (node) => typeNames[types[node] ?? -1] ?? "",
    { ...SEMANTIC_POLICY, ...(senses && { senses }) },
  );
  for (let first = 0; first < types.length; first += BLOCK_NODES) {
    poster.waitForRoom();
    traceMemory("semantic worker", 2_000);
    const block = packBlock(first, Math.min(first + BLOCK_NODES, types.length), edgesOf);
    poster.post(
      block,
      [block.nodeStarts, block.targets, block.scores, block.sharedStarts, block.shared].map(bufferOf),
    );
  }
} catch (error) {
  poster.fail(error);
}

/** The edges of nodes [first, end) in typed arrays. */
function packBlock(first: number, end: number, edgesOf: (node: number) => SemanticEdge[]): SemanticEdgeBlock {
  const nodeStarts = new Int32Array(end - first + 1);
  const edges: SemanticEdge[] = [];
  for (let node = first; node < end; node += 1) {
    edges.push(...edgesOf(node));
    nodeStarts[node - first + 1] = edges.length;
  }
  const sharedStarts = new Int32Array(edges.length + 1);
  edges.forEach((edge, e) => {
    sharedStarts[e + 1] = (sharedStarts[e] ?? 0) + edge.shared.length;
  });
  const shared = new Int32Array(sharedStarts[edges.length] ?? 0);
  edges.forEach((edge, e) => {
    shared.set(edge.shared, sharedStarts[e]);
  });
  return {
    first,
    end,
    nodeStarts,
    targets: Int32Array.from(edges, (edge) => edge.target),
    scores: Float64Array.from(edges, (edge) => edge.score),
    sharedStarts,
    shared,
  };
}

function bufferOf(array: Int32Array | Float64Array): ArrayBuffer {
  return array.buffer as ArrayBuffer;
}
