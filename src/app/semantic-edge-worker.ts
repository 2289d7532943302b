/**
 * The entry of a build's semantic edge worker thread (see `SemanticEdgeThread`): it rebuilds the profile table from
 * its columns in `workerData` (shared memory), prepares `semanticEdgeFinder` with the graph's policy, and posts every
 * node's edges in blocks of BLOCK_NODES nodes, in node order, at most `ahead` blocks before the build's thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ProfileTable } from "../graph/profile-table.js";
import { type SemanticEdge, semanticEdgeFinder } from "../graph/semantic-edges.js";
import { SEMANTIC_POLICY } from "./graph-inputs.js";
import { BLOCK_NODES, type SemanticEdgeBlock, type SemanticEdgeRequest } from "./semantic-edge-thread.js";

if (parentPort === null)
  throw new Error("semantic-edge-worker.ts runs as a worker thread, started by SemanticEdgeThread");
const { columns, types, typeNames, senses, port, signal, ahead } = workerData as SemanticEdgeRequest;
// However the thread ends (done, thrown outside the `try` below, process.exit), the build's thread is told, and
// does not wait for a block that will never come. (Killed for its memory, it runs no handler: PATIENCE_MS.)
process.on("exit", () => {
  Atomics.store(signal, 2, 1);
  Atomics.notify(signal, 0);
});
let posted = 0;
const post = (message: SemanticEdgeBlock | { failure: string }, transfer: ArrayBuffer[] = []) => {
  port.postMessage(message, transfer);
  posted += 1;
  Atomics.store(signal, 0, posted);
  Atomics.notify(signal, 0);
};
try {
  const edgesOf = semanticEdgeFinder(
    new ProfileTable(columns),
    (node) => typeNames[types[node] ?? -1] ?? "",
    { ...SEMANTIC_POLICY, ...(senses && { senses }) },
  );
  for (let first = 0; first < types.length; first += BLOCK_NODES) {
    // Waits while the build's thread has `ahead` blocks to take.
    for (let taken = Atomics.load(signal, 1); posted - taken >= ahead; taken = Atomics.load(signal, 1))
      Atomics.wait(signal, 1, taken);
    const block = packBlock(first, Math.min(first + BLOCK_NODES, types.length), edgesOf);
    post(
      block,
      [block.nodeStarts, block.targets, block.scores, block.sharedStarts, block.shared].map(bufferOf),
    );
  }
} catch (error) {
  post({ failure: error instanceof Error ? (error.stack ?? error.message) : String(error) });
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
