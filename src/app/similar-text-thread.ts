/**
 * The records alike in words (`similarTexts`) found on a worker thread beside the build's own: the worker reads the
 * texts' index in place (shared memory), finds the listed records' matches in node order and posts them in blocks
 * of BLOCK_SOURCES records; the build's thread takes each node's as it writes that node (synchronously, as
 * `SemanticEdgeThread`'s edges). The worker lets go of the index once it has found the last, long before the
 * build's thread reaches the records. Same matches, in the same order, as `recordsAlike` on the build's thread.
 */
import { BlockChannel, type BlockChannelEnd } from "../core/block-channel.js";
import { CampusGraphError } from "../core/errors.js";
import { numberedTypes, siblingModule } from "../core/worker-thread.js";
import type { TextIndex } from "../graph/name-bm25.js";
import type { SimilarTexts } from "../graph/similar-texts.js";

/** The texts' index as another thread reads it: its arrays (shared, but for `lead`) and its token chunks. */
export interface SharedTextIndex {
  readonly index: Omit<TextIndex, "tokens" | "terms">;
  readonly chunks: readonly Int32Array[];
  readonly tokens: number;
}

/** What the worker starts from (`workerData`). */
export interface SimilarTextRequest {
  readonly texts: SharedTextIndex;
  /** Each node's type as a number: only records of the source's own type are its matches. */
  readonly types: Int32Array;
  /** The nodes whose matches are asked, ascending. */
  readonly sources: Int32Array;
  /** Matches kept per source. */
  readonly keep: number;
  readonly channel: BlockChannelEnd;
}

/**
 * The matches of sources[first…first + starts.length − 1): source first + i's targets and scores at
 * [starts[i], starts[i + 1]).
 */
export interface SimilarTextBlock {
  readonly first: number;
  readonly starts: Int32Array;
  readonly targets: Int32Array;
  readonly scores: Float32Array;
}

/** Sources per block sent. */
export const BLOCK_SOURCES = 2_000;

/**
 * Blocks the worker may hold ready (256,000 sources, ~20 MB of matches at 10 a source): at 600,000 records, every
 * course's, MOOC's and publication's, so that the worker is done, and lets go of the texts, while the build's
 * thread still writes the concept pages; bounded, so that a larger corpus's matches are never all held.
 */
const AHEAD = 128;

const ENTRY = siblingModule(import.meta.url, "similar-text-worker");

/** A worker thread finding the records alike in words of `sources`, taken one node at a time in ascending order. */
export class SimilarTextThread {
  private readonly channel: BlockChannel<SimilarTextBlock>;
  private block: SimilarTextBlock | undefined;
  /** The next source (an index into `sources`) not yet passed by a node asked. */
  private at = 0;

  /**
   * Starts the worker on `index` (read in place); `sources` are the nodes whose matches are asked (ascending),
   * `typeOf` gives each of the `nodes` nodes' type, `keep` the matches kept per source.
   */
  constructor(
    index: TextIndex,
    private readonly sources: Int32Array,
    nodes: number,
    typeOf: (node: number) => string,
    keep: number,
  ) {
    const { tokens, terms: _terms, ...arrays } = index;
    const { types } = numberedTypes(nodes, typeOf);
    this.channel = new BlockChannel<SimilarTextBlock>(
      "similar text",
      ENTRY,
      (channel): SimilarTextRequest => ({
        texts: { index: arrays, chunks: tokens.chunkArrays, tokens: tokens.length },
        types,
        sources,
        keep,
        channel,
      }),
      { ahead: AHEAD },
    );
  }

  /** The records alike in words of `node` (undefined for none), as `similarTexts` finds them; asked in ascending order. */
  alikeOf(node: number): SimilarTexts | undefined {
    const { sources } = this;
    while (this.at < sources.length && (sources[this.at] as number) < node) this.at += 1;
    if (this.at >= sources.length || sources[this.at] !== node) return undefined;
    let block = this.block;
    while (block === undefined || this.at >= block.first + block.starts.length - 1) {
      block = this.channel.take();
      this.block = block;
    }
    if (this.at < block.first) {
      throw new CampusGraphError("INTERNAL", {
        problem: `records alike in words of node ${node} asked out of order`,
      });
    }
    const i = this.at - block.first;
    const from = block.starts[i] as number;
    const to = block.starts[i + 1] as number;
    if (from === to) return undefined;
    return { targets: block.targets.slice(from, to), scores: block.scores.slice(from, to) };
  }

  /** Stops the worker (at the end of a build, or when it failed). */
  async close(): Promise<void> {
    await this.channel.close();
  }
}
