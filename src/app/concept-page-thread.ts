/**
 * The concept pages ranked by a worker thread and the build's own, together: the concepts, in their nodes' order,
 * are cut into blocks of BLOCK_PAGES, and each thread claims the next block from a shared counter. The worker ranks
 * blocks ahead of the writer (at most AHEAD posted and not taken) and sends them as typed arrays; the build's
 * thread takes each page as it writes that concept's node (synchronously: the neighbourhoods are written by a
 * generator inside one SQLite transaction), and when the block it needs is still being ranked by the worker, it
 * ranks the next unclaimed block itself rather than wait (once the worker has sent its first). Both rank from the same postings, profiles, mention
 * counts and texts' index, on shared memory (a copy of them would cost hundreds of MB at 600,000 records); the
 * rows are the same as ranking every page on the build's thread (`ConceptPageRanker`, one code for both).
 */
import { BlockChannel, type BlockChannelEnd } from "../core/block-channel.js";
import { CampusGraphError } from "../core/errors.js";
import { numberedTypes, siblingModule } from "../core/worker-thread.js";
import type { SharedPostings } from "../graph/concept-records.js";
import type { ConceptEdge } from "../graph/entity-concepts.js";
import type { TextIndex } from "../graph/name-bm25.js";
import type { MentionColumns, MentionTable } from "../graph/name-mentions.js";
import type { ProfileTable } from "../graph/profile-table.js";
import type { SenseCoherence } from "../graph/sense-coherence.js";
import type { CategoryName, PageNodes, RecordTexts } from "./concept-lists.js";
import type { ConceptPageBlock, ConceptPageRanker } from "./concept-page-block.js";

/** Concepts per block: a block is ranked in tens of milliseconds. */
export const BLOCK_PAGES = 16;

/** Blocks the worker may hold ready (2,048 pages, a few MB): it runs ahead while the build's thread writes rows. */
const AHEAD = 128;

const ENTRY = siblingModule(import.meta.url, "concept-page-worker");

/** What a worker ranks pages from (`workerData`): the per-record and per-edge arrays on shared memory. */
export interface PageInputs {
  readonly size: number;
  readonly profiles: ReturnType<ProfileTable["columns"]>;
  readonly related: PackedRelated;
  readonly tree: readonly Int32Array[];
  readonly coherence: SenseCoherence;
  readonly mentions: MentionColumns;
  readonly texts?: SharedTexts;
  readonly parents: Int32Array;
  readonly variants: Int32Array;
  /** Each node's type, an index into `typeNames`. */
  readonly types: Int32Array;
  readonly typeNames: readonly string[];
  readonly postings: SharedPostings;
}

/**
 * The records' texts for another thread: the index's arrays (shared), its token chunks, and of its words only
 * those the concepts' and categories' names use (the only ones a page looks up).
 */
export interface SharedTexts {
  readonly index: Omit<TextIndex, "tokens" | "terms">;
  readonly terms: ReadonlyMap<string, number>;
  readonly chunks: readonly Int32Array[];
  readonly tokens: number;
  readonly names: RecordTexts["names"];
  readonly categories?: readonly (readonly CategoryName[])[];
}

/** What the worker starts from (`workerData`). */
export interface ConceptPageRequest {
  readonly inputs: PageInputs;
  /** The concepts whose pages are asked, in the order asked (their nodes' order). */
  readonly order: Int32Array;
  /** Blocks posted, each `{ index, block }`; block numbers claimed from it by both threads. */
  readonly channel: BlockChannelEnd;
}

/** A block ranked by the worker: block `index` of the order. */
export interface RankedBlock {
  readonly index: number;
  readonly block: ConceptPageBlock;
}

/** What the build ranks its pages from, as `PageInputs` gathers it for a worker. */
export interface PageSources {
  readonly profiles: ProfileTable;
  readonly related: PackedRelated;
  readonly tree: readonly Int32Array[];
  readonly coherence: SenseCoherence;
  readonly mentions: MentionTable;
  readonly texts?: RecordTexts;
  readonly nodes: PageNodes & { readonly count: number };
  readonly postings: SharedPostings;
}

/** `sources` as a worker takes them: the large arrays shared, the rest (bounded by the ontology) packed. */
export function pageInputs(size: number, sources: PageSources): PageInputs {
  const { types, names } = numberedTypes(sources.nodes.count, sources.nodes.typeOf);
  return {
    size,
    profiles: sources.profiles.columns(),
    related: sources.related,
    tree: sources.tree,
    coherence: sources.coherence,
    mentions: sources.mentions.columns(),
    ...(sources.texts ? { texts: sharedTexts(sources.texts) } : {}),
    parents: sources.nodes.parents,
    variants: sources.nodes.variants,
    types,
    typeNames: names,
    postings: sources.postings,
  };
}

/** Each concept's related concepts: source s = sources[i]'s at [starts[i], starts[i + 1]) of targets and scores. */
export interface PackedRelated {
  readonly sources: Int32Array;
  readonly starts: Int32Array;
  readonly targets: Int32Array;
  readonly scores: Float64Array;
}

/** The concepts' relations as arrays, in the map's order. */
export function packRelated(related: ReadonlyMap<number, readonly ConceptEdge[]>): PackedRelated {
  const sources: number[] = [];
  const starts = [0];
  const targets: number[] = [];
  const scores: number[] = [];
  for (const [source, edges] of related) {
    sources.push(source);
    for (const e of edges) {
      targets.push(e.concept);
      scores.push(e.score);
    }
    starts.push(targets.length);
  }
  return {
    sources: Int32Array.from(sources),
    starts: Int32Array.from(starts),
    targets: Int32Array.from(targets),
    scores: Float64Array.from(scores),
  };
}

/**
 * The relations packed by `packRelated`, read as the map they came from: a concept's list is made when asked (the
 * lists as objects took ~45 MB for the default ontology's 480,000 relations, on each thread ranking pages).
 */
export class RelatedLists implements Pick<ReadonlyMap<number, readonly ConceptEdge[]>, "get"> {
  /** Each concept's position in `packed.sources`, -1 for none. */
  private readonly position: Int32Array;

  constructor(private readonly packed: PackedRelated) {
    let size = 0;
    for (const source of packed.sources) size = Math.max(size, source + 1);
    this.position = new Int32Array(size).fill(-1);
    packed.sources.forEach((source, i) => {
      this.position[source] = i;
    });
  }

  /** The related concepts of `concept`, undefined when it has none listed. */
  get(concept: number): ConceptEdge[] | undefined {
    const i = this.position[concept] ?? -1;
    if (i < 0) return undefined;
    const { starts, targets, scores } = this.packed;
    const edges: ConceptEdge[] = [];
    for (let e = starts[i] as number; e < (starts[i + 1] as number); e += 1)
      edges.push({ concept: targets[e] as number, score: scores[e] as number });
    return edges;
  }
}

/** `texts` for another thread (see `SharedTexts`). */
function sharedTexts(texts: RecordTexts): SharedTexts {
  const { tokens, terms, ...index } = pageTexts(texts).index;
  return {
    index,
    terms,
    chunks: tokens.chunkArrays,
    tokens: tokens.length,
    names: texts.names,
    ...(texts.categories ? { categories: texts.categories } : {}),
  };
}

/**
 * `texts` with, of its words, only those the concepts' and categories' names use (the only ones a page looks up):
 * the index's map of every word (tens of MB at 600,000 records) is let go by a build that keeps this.
 */
export function pageTexts(texts: RecordTexts): RecordTexts {
  const { terms } = texts.index;
  const used = new Map<string, number>();
  const use = (words: readonly string[]) => {
    for (const word of words) {
      const term = terms.get(word);
      if (term !== undefined) used.set(word, term);
    }
  };
  for (const names of texts.names) for (const name of names) use(name);
  for (const path of texts.categories ?? []) for (const category of path) use(category.words);
  return { ...texts, index: { ...texts.index, terms: used } };
}

/** The concepts that have a node (`conceptNodes[c]` ≥ 0), in their nodes' order. */
export function conceptsInNodeOrder(conceptNodes: Int32Array): Int32Array {
  const concepts: number[] = [];
  conceptNodes.forEach((node, concept) => {
    if (node >= 0) concepts.push(concept);
  });
  return Int32Array.from(concepts.sort((a, b) => (conceptNodes[a] as number) - (conceptNodes[b] as number)));
}

/** A page: page `page` of `block`. */
export interface RankedPage {
  readonly block: ConceptPageBlock;
  readonly page: number;
}

/** Concept pages ranked by a worker thread and this one, taken one page at a time in the order given. */
export class ConceptPageThread {
  private readonly channel: BlockChannel<RankedBlock>;
  private readonly blockCount: number;
  /** Blocks ranked (by either thread) and not yet done with, by index. */
  private readonly ready = new Map<number, ConceptPageBlock>();
  private asked = 0;

  /**
   * Starts the worker on `inputs`; `order` is the concepts whose pages will be asked, in that order; `ranker` ranks
   * blocks on this thread, from the same inputs.
   */
  constructor(
    inputs: PageInputs,
    private readonly order: Int32Array,
    private ranker: ConceptPageRanker | undefined,
  ) {
    this.blockCount = Math.ceil(order.length / BLOCK_PAGES);
    this.channel = new BlockChannel<RankedBlock>(
      "concept page",
      ENTRY,
      (channel): ConceptPageRequest => ({ inputs, order, channel }),
      { ahead: AHEAD },
    );
  }

  /** The page of `concept`, which must be the next concept of the order given. */
  pageOf(concept: number): RankedPage {
    const at = this.asked;
    if (this.order[at] !== concept) {
      throw new CampusGraphError("INTERNAL", { problem: `concept page ${concept} asked out of order` });
    }
    this.asked += 1;
    const index = Math.floor(at / BLOCK_PAGES);
    this.ready.delete(index - 1);
    return { block: this.blockAt(index), page: at - index * BLOCK_PAGES };
  }

  /**
   * Stops the worker (once every page is taken, at the end of a build, or when it failed) and lets go of what
   * this thread ranks from (the postings, the texts' index: hundreds of MB at 600,000 records).
   */
  async close(): Promise<void> {
    this.ready.clear();
    this.ranker = undefined;
    await this.channel.close();
  }

  /** Block `index`: taken from the worker, or ranked here when the worker has not got to it. */
  private blockAt(index: number): ConceptPageBlock {
    for (;;) {
      for (let post = this.channel.poll(); post !== undefined; post = this.channel.poll())
        this.ready.set(post.index, post.block);
      const block = this.ready.get(index);
      if (block !== undefined) return block;
      // The worker has it in hand (or it is next): rank the next unclaimed block meanwhile, once the worker has
      // answered (a worker that fails at once fails the build, however fast this thread would rank every page).
      const claimed = this.channel.received > 0 ? this.channel.claim(this.blockCount) : undefined;
      if (claimed !== undefined) this.ready.set(claimed, this.rank(claimed));
      else this.channel.wait();
    }
  }

  /** Block `index` ranked on this thread. */
  private rank(index: number): ConceptPageBlock {
    if (this.ranker === undefined)
      throw new CampusGraphError("INTERNAL", { problem: "concept pages closed" });
    return this.ranker.block(this.order.subarray(index * BLOCK_PAGES, (index + 1) * BLOCK_PAGES));
  }
}
