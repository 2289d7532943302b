/**
 * The entry of a build's similar-text worker thread (see `SimilarTextThread`): it reads the texts' index in place
 * from `workerData` (shared memory) and posts the matches of every source, in blocks of BLOCK_SOURCES, in order,
 * at most `ahead` blocks before the build's thread; then it ends, and its view of the index with it.
 */
import { parentPort, workerData } from "node:worker_threads";
import { BlockPoster } from "../core/block-channel.js";
import { Int32Chunks } from "../core/number-column.js";
import { type SimilarTexts, similarTextsFinder } from "../graph/similar-texts.js";
import { BLOCK_SOURCES, type SimilarTextBlock, type SimilarTextRequest } from "./similar-text-thread.js";

if (parentPort === null)
  throw new Error("similar-text-worker.ts runs as a worker thread, started by SimilarTextThread");
const { texts, types, sources, keep, channel } = workerData as SimilarTextRequest;
const poster = new BlockPoster<SimilarTextBlock>(channel);
try {
  const index = {
    ...texts.index,
    terms: new Map<string, number>(),
    tokens: Int32Chunks.of(texts.chunks, texts.tokens),
  };
  const alikeOf = similarTextsFinder(index, (record) => types[record] ?? -1, keep);
  for (let first = 0; first < sources.length; first += BLOCK_SOURCES) {
    poster.waitForRoom();
    const block = packBlock(first, sources.subarray(first, first + BLOCK_SOURCES), alikeOf);
    poster.post(block, [block.starts.buffer, block.targets.buffer, block.scores.buffer] as ArrayBuffer[]);
  }
} catch (error) {
  poster.fail(error);
}

/** The matches of `block` (sources `first`… of the request) in typed arrays. */
function packBlock(
  first: number,
  block: Int32Array,
  alikeOf: (source: number) => SimilarTexts | undefined,
): SimilarTextBlock {
  const found = Array.from(block, (source) => alikeOf(source));
  const starts = new Int32Array(block.length + 1);
  found.forEach((alike, i) => {
    starts[i + 1] = (starts[i] as number) + (alike?.targets.length ?? 0);
  });
  const targets = new Int32Array(starts[block.length] as number);
  const scores = new Float32Array(targets.length);
  found.forEach((alike, i) => {
    if (alike === undefined) return;
    targets.set(alike.targets, starts[i]);
    scores.set(alike.scores, starts[i]);
  });
  return { first, starts, targets, scores };
}
