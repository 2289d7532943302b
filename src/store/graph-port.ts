/** The Store port's precomputed graph: ranked neighbour lists and node scores, read by indexed lookups. */
import type { RecordKey } from "./records-port.js";

/** A record as a neighbour list shows it. */
export interface NodeSummary {
  readonly type: string;
  readonly id: string;
  /** Display name: English, else French, else the first language. */
  readonly name: string;
}

/** The edge to a neighbour: a fact (`kind` is the relation, score 1) or a computed edge with its evidence. */
export interface EdgeSummary {
  readonly score: number;
  readonly kind: string;
  readonly evidence: Readonly<Record<string, unknown>>;
}

/** One neighbour of a node. */
export interface Neighbour {
  readonly node: NodeSummary;
  readonly edge: EdgeSummary;
}

/** A page of a node's ranked neighbours of one type, with how many there are in all. */
export interface NeighbourPage {
  readonly items: readonly Neighbour[];
  readonly total: number;
}

/** A ranked neighbour to store; rows of one source and target type are ranked in the order given. */
export interface NeighbourRow {
  readonly source: RecordKey;
  readonly target: RecordKey;
  readonly score: number;
  readonly kind: string;
  readonly evidence: Readonly<Record<string, unknown>>;
}

/** A node's importance in [0, 1] and its number of neighbours per type. */
export interface NodeScore {
  readonly key: RecordKey;
  readonly importance: number;
  readonly degrees: Readonly<Record<string, number>>;
}

/** The write side of the precomputed graph. */
export interface GraphWriter {
  /**
   * Replaces the neighbour lists of `sources` (of every node with "all") by `rows`; rows whose source is not
   * among `sources` are an error. Rows of one source and target type are ranked in the order given.
   */
  replaceNeighbours(sources: readonly RecordKey[] | "all", rows: Iterable<NeighbourRow>): Promise<void>;
  /** Replaces the scores of the given nodes (of every node with "all"). */
  replaceNodeScores(sources: readonly RecordKey[] | "all", scores: readonly NodeScore[]): Promise<void>;
}

/** The read side of the precomputed graph: indexed lookups, no traversal. */
export interface GraphReader {
  /** The node's neighbours of `targetType`, best first, `limit` from `offset`, with the total count. */
  neighbours(key: RecordKey, targetType: string, limit: number, offset: number): Promise<NeighbourPage>;
  /** How many neighbours the node has per type. */
  neighbourCounts(key: RecordKey): Promise<Record<string, number>>;
  /** Every node's score, in key order. */
  scanNodeScores(): AsyncIterable<NodeScore>;
  /**
   * Every stored neighbour row towards `targetType`, streamed, the rows of one source together and in rank
   * order (sources in storage order): what an incremental update reads instead of one list per node.
   */
  scanNeighbours(targetType: string): AsyncIterable<NeighbourRow>;
}
