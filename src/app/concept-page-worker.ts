/**
 * The entry of a build's concept page worker thread (see `ConceptPageThread`): it reads the build's profiles,
 * mention counts, texts' index and postings in place from `workerData` (shared memory), then claims blocks of
 * concepts from the shared counter and posts each block's ranked pages, at most `ahead` blocks before the build's
 * thread, until none is left.
 */
import { parentPort, workerData } from "node:worker_threads";
import { Int32Chunks } from "../core/number-column.js";
import { postingsFrom } from "../graph/concept-records.js";
import { MentionTable } from "../graph/name-mentions.js";
import { ProfileTable } from "../graph/profile-table.js";
import { conceptRecordGraph, PAGE_PARAMS, type RecordTexts } from "./concept-lists.js";
import { blockBuffers, ConceptPageRanker } from "./concept-page-block.js";
import {
  BLOCK_PAGES,
  type ConceptPageReply,
  type ConceptPageRequest,
  type PageInputs,
  type SharedTexts,
  SIGNAL,
  unpackRelated,
} from "./concept-page-thread.js";

if (parentPort === null)
  throw new Error("concept-page-worker.ts runs as a worker thread, started by ConceptPageThread");
const { inputs, order, port, signal, ahead } = workerData as ConceptPageRequest;
const { CLAIMED, POSTED, TAKEN, GONE, BEAT } = SIGNAL;
// However the thread ends (done, thrown outside the `try` below, process.exit), the build's thread is told, and
// does not wait for a block that will never come.
process.on("exit", () => {
  Atomics.store(signal, GONE, 1);
  Atomics.notify(signal, POSTED);
});
let posted = 0;
const post = (message: ConceptPageReply, transfer: ArrayBuffer[] = []) => {
  port.postMessage(message, transfer);
  posted += 1;
  Atomics.store(signal, POSTED, posted);
  Atomics.notify(signal, POSTED);
};
try {
  const ranker = rankerOf(inputs);
  const blocks = Math.ceil(order.length / BLOCK_PAGES);
  for (;;) {
    // Waits while the build's thread has `ahead` blocks to take.
    for (
      let taken = Atomics.load(signal, TAKEN);
      posted - taken >= ahead;
      taken = Atomics.load(signal, TAKEN)
    )
      Atomics.wait(signal, TAKEN, taken);
    const index = Atomics.add(signal, CLAIMED, 1);
    if (index >= blocks) break;
    const block = ranker.block(order.subarray(index * BLOCK_PAGES, (index + 1) * BLOCK_PAGES));
    Atomics.add(signal, BEAT, 1);
    post({ index, block }, blockBuffers(block));
  }
} catch (error) {
  post({ failure: error instanceof Error ? (error.stack ?? error.message) : String(error) });
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
      related: unpackRelated(inputs.related),
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
