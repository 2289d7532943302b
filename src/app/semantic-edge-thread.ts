/**
 * The records' semantic edges (`recordSemanticEdgeFinder`) computed on a worker thread beside the build's own: the
 * worker builds the index and sums the means from the profile table (its columns on shared memory), then finds every node's edges in
 * node order and sends them in blocks, running ahead of the build while its thread ranks the concept pages. The
 * build's thread takes each node's edges as it writes that node (synchronously: the neighbourhoods are written by
 * a generator inside one SQLite transaction), waiting on shared memory when the worker is behind. Same edges, in
 * the same order, as the finder on the build's own thread.
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, type Worker } from "node:worker_threads";
import { CampusGraphError } from "../core/errors.js";
import { numberedTypes, siblingModule, startWorker } from "../core/worker-thread.js";
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
  readonly port: MessagePort;
  /**
   * [blocks posted, blocks taken, worker gone]: the worker waits on the second, the build's thread on the first;
   * the third is set (and the first's waiter woken) when the worker's thread exits, done or not.
   */
  readonly signal: Int32Array;
  /** The most blocks posted and not yet taken. */
  readonly ahead: number;
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

/** A block, or why the worker failed. */
export type SemanticEdgeReply = SemanticEdgeBlock | { readonly failure: string };

/** Nodes per block sent. */
export const BLOCK_NODES = 1_000;

/**
 * Blocks the worker may hold ready (50,000 nodes): it runs ahead through the concept and category nodes, which
 * have no semantic edges, and well into the records while the build's thread ranks the concept pages; bounded
 * so that a large corpus's edges are never all held (about 40 bytes an edge).
 */
const AHEAD = 50;

/** How long the build's thread waits for a block before it gives up on the worker. */
const PATIENCE_MS = 10 * 60_000;

const ENTRY = siblingModule(import.meta.url, "semantic-edge-worker");

/** A worker thread computing the records' semantic edges, taken one node at a time in ascending node order. */
export class SemanticEdgeThread {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  private block: SemanticEdgeBlock | undefined;
  private taken = 0;
  /** What the worker threw outside its own `try` (an 'error' event unheard would end the process). */
  private error: Error | undefined;

  /**
   * Starts the worker on `table`'s columns (shared, not copied); `typeOf` gives each of the `nodes` nodes' type,
   * `senses` what weighs the edges (as `recordSemanticEdgeFinder` takes it).
   */
  constructor(table: ProfileTable, nodes: number, typeOf: (node: number) => string, senses?: ProfileSenses) {
    const { types, names: typeNames } = numberedTypes(nodes, typeOf);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const request: SemanticEdgeRequest = {
      columns: table.columns(),
      types,
      typeNames,
      ...(senses && { senses }),
      port: port2,
      signal: this.signal,
      ahead: AHEAD,
    };
    this.worker = startWorker(ENTRY, { workerData: request, transferList: [port2] });
    this.worker.on("error", (error) => {
      this.error = error;
    });
    // The build's thread waits synchronously; a worker left behind must not keep the process alive.
    this.worker.unref();
  }

  /** The semantic edges of `node`, as `recordSemanticEdgeFinder` gives them; nodes are asked in ascending order. */
  edgesOf(node: number): SemanticEdge[] {
    let block = this.block;
    while (block === undefined || node >= block.end) {
      block = this.next();
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
    this.port.close();
    await this.worker.terminate();
  }

  /** The next block, waiting for the worker when it has none ready. */
  private next(): SemanticEdgeBlock {
    for (;;) {
      const received = receiveMessageOnPort(this.port);
      if (received !== undefined) {
        const reply = received.message as SemanticEdgeReply;
        if ("failure" in reply) {
          throw new CampusGraphError("INTERNAL", { problem: `semantic edge worker: ${reply.failure}` });
        }
        this.taken += 1;
        Atomics.store(this.signal, 1, this.taken);
        Atomics.notify(this.signal, 1);
        return reply;
      }
      const posted = Atomics.load(this.signal, 0);
      if (posted > this.taken) continue;
      // Every block it posted is taken: a worker gone will post no other (it died, or no node is left).
      if (Atomics.load(this.signal, 2) !== 0) {
        throw new CampusGraphError("INTERNAL", {
          problem: `semantic edge worker ended before node ${this.block?.end ?? 0}'s block${this.error ? `: ${this.error.message}` : ""}`,
        });
      }
      if (Atomics.wait(this.signal, 0, posted, PATIENCE_MS) === "timed-out") {
        throw new CampusGraphError("INTERNAL", { problem: "semantic edge worker: no block in 10 minutes" });
      }
    }
  }
}
