/**
 * The entry of a build's concept page worker thread (see `ConceptPageThread`): it reads the build's profiles,
 * mention counts, texts' index and postings in place from `workerData` (shared memory), then claims blocks of
 * concepts from the shared counter and posts each block's ranked pages, at most `ahead` blocks before the build's
 * thread, until none is left.
 */
import { parentPort, workerData } from "node:worker_threads";
import { BlockPoster } from "../core/block-channel.js";
import { Int32Chunks } from "../core/number-column.js";
import { postingsFrom } from "../graph/concept-records.js";
import { MentionTable } from "../graph/name-mentions.js";
import { ProfileTable } from "../graph/profile-table.js";
import { conceptRecordGraph, PAGE_PARAMS, type RecordTexts } from "./concept-lists.js";
import { blockBuffers, ConceptPageRanker } from "./concept-page-block.js";
import {
  BLOCK_PAGES,
  type ConceptPageRequest,
  type PageInputs,
  type RankedBlock,
  RelatedLists,
  type SharedTexts,
} from "./concept-page-thread.js";
import { traceMemory } from "./memory-trace.js";

if (parentPort === null)
  throw new Error("concept-page-worker.ts runs as a worker thread, started by ConceptPageThread");
const { inputs, order, channel } = workerData as ConceptPageRequest;
const poster = new BlockPoster<RankedBlock>(channel);
try {
  const ranker = rankerOf(inputs);
  const blocks = Math.ceil(order.length / BLOCK_PAGES);
  for (;;) {
    poster.waitForRoom();
    traceMemory("page worker", 2_000);
    const index = poster.claim(blocks);
    if (index === undefined) break;
    const block = ranker.block(order.subarray(index * BLOCK_PAGES, (index + 1) * BLOCK_PAGES));
    poster.post({ index, block }, blockBuffers(block));
  }
} catch (error) {
  poster.fail(error);
}

/** The ranker of the build's pages, over `inputs` read in place. */
function rankerOf(inputs: PageInputs): ConceptPageRanker {
  const profiles = new ProfileTable(inputs.profiles);
  const typeOf = (node: number) => inputs.typeNames[inputs.types[node] ?? -1] ?? "";
  const graph = conceptRecordGraph(
    { parents: inputs.parents, variants: inputs.variants, typeOf },
    inputs.size,
    {
      profiles,
      related: new RelatedLists(inputs.related),
      tree: inputs.tree,
      coherence: inputs.coherence,
      mentions: new MentionTable(inputs.mentions),
      ...(inputs.texts ? { texts: recordTexts(inputs.texts) } : {}),
    },
  );
  return new ConceptPageRanker(graph, postingsFrom(inputs.postings, profiles, typeOf), PAGE_PARAMS);
}

/** The build's texts, read in place. */
function recordTexts(texts: SharedTexts): RecordTexts {
  return {
    index: { ...texts.index, terms: texts.terms, tokens: Int32Chunks.of(texts.chunks, texts.tokens) },
    names: texts.names,
    ...(texts.categories ? { categories: texts.categories } : {}),
  };
}
