/**
 * Every match of a full-text query scored, document by document in pk order: what the threshold algorithm
 * (`top-documents.ts`) falls back to when the best documents are not near the head of their keys' lists, as
 * with common words that occur together ("eth zurich": 30,000 publications hold both, and each word's best
 * documents lack the other). Each key's postings are walked by a cursor that only moves forward (galloping to
 * the next document asked for), driven by the group with the fewest postings when every group must match, else
 * by every key: the cost is the driving postings and a few steps per other key, where the threshold algorithm
 * pays a binary search per key for every document it meets.
 */
import { bm25Frequency } from "./bm25.js";
import { type TermIndex, weightedFrequency } from "./term-index.js";
import type { TopK } from "./top-k.js";

/** A key of the query: its id, idf and the groups it belongs to, in query order. */
export interface QueryKey {
  readonly term: number;
  readonly idf: number;
  readonly groups: readonly number[];
}

/** What `scoreEveryMatch` needs of the query. */
export interface EveryMatchQuery {
  readonly groupCount: number;
  readonly require: "all" | "any";
  readonly weights: readonly number[];
  readonly types?: ReadonlySet<number>;
}

/**
 * Offers every document matching `query` to `best`, with its BM25 summed in the order of `keys` (the order the
 * threshold algorithm sums in, so that both give the same scores); `driving` is the group whose keys every match
 * holds (-1 when any group will do). Returns the number of documents scored.
 */
export function scoreEveryMatch(
  index: TermIndex,
  query: EveryMatchQuery,
  keys: readonly QueryKey[],
  driving: number,
  best: TopK,
): number {
  const cursors = keys.map((key) => index.start[key.term] ?? 0);
  const ends = keys.map((key) => index.start[key.term + 1] ?? 0);
  const drivers = keys.flatMap((key, i) => (driving < 0 || key.groups.includes(driving) ? [i] : []));
  const matched = new Int32Array(query.groupCount).fill(-1);
  let scored = 0;
  for (;;) {
    const pk = nextDocument(index.docs, cursors, ends, drivers);
    if (pk < 0) return scored;
    if (query.types !== undefined && !query.types.has(index.typeOf[pk] ?? 0)) {
      for (const i of drivers) advance(index.docs, cursors, i, ends[i] ?? 0, pk);
      continue;
    }
    scored += 1;
    const length = index.lengths[pk] ?? 0;
    let relevance = 0;
    let groupsMatched = 0;
    for (let i = 0; i < keys.length; i += 1) {
      const at = advance(index.docs, cursors, i, ends[i] ?? 0, pk);
      if (at < 0) continue;
      const w = weightedFrequency(index, at, query.weights);
      if (w <= 0) continue;
      const key = keys[i] as QueryKey;
      relevance += key.idf * bm25Frequency(w, length, index.averageLength);
      for (const g of key.groups) {
        if (matched[g] === pk) continue;
        matched[g] = pk;
        groupsMatched += 1;
      }
    }
    const matches = query.require === "all" ? groupsMatched === query.groupCount : groupsMatched > 0;
    if (matches) best.offer(pk, relevance);
  }
}

/** The lowest document at the drivers' cursors (-1 when they are all at their end). */
function nextDocument(
  docs: Int32Array,
  cursors: number[],
  ends: readonly number[],
  drivers: readonly number[],
): number {
  let lowest = -1;
  for (const i of drivers) {
    const at = cursors[i] ?? 0;
    if (at >= (ends[i] ?? 0)) continue;
    const doc = docs[at] ?? 0;
    if (lowest < 0 || doc < lowest) lowest = doc;
  }
  return lowest;
}

/**
 * Moves cursor `i` to the first posting of document `pk` or after (doubling the step, then halving) and past it
 * when found; returns the posting of `pk`, or -1.
 */
function advance(docs: Int32Array, cursors: number[], i: number, end: number, pk: number): number {
  let low = cursors[i] ?? 0;
  if (low >= end || (docs[low] ?? 0) > pk) return -1;
  let step = 1;
  while (low + step < end && (docs[low + step] ?? 0) < pk) {
    low += step;
    step *= 2;
  }
  let high = Math.min(end, low + step);
  // docs[low] < pk or docs[low] === pk at the first step; the answer lies in [low, high).
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((docs[middle] ?? 0) < pk) low = middle + 1;
    else high = middle;
  }
  if (low < end && docs[low] === pk) {
    cursors[i] = low + 1;
    return low;
  }
  cursors[i] = low;
  return -1;
}
