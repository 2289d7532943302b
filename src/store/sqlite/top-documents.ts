/**
 * The best documents of a full-text query by BM25, without scoring every document that holds a query key: the
 * threshold algorithm (Fagin, Lotem, Naor, "Optimal aggregation algorithms for middleware", PODS 2001) over
 * impact-ordered postings. Each key's postings are read best first, a block at a time; every document met is
 * scored whole (its other keys looked up by binary search) and kept if among the best `limit`. Reading stops
 * once the `limit`-th score reaches the threshold, the sum over keys of the best frequency part left unread
 * times the key's idf: no document not yet met can score more. The answer is the exhaustive one (up to which
 * of the documents tied with the last one are kept), found after reading a few blocks when the best documents
 * are near the head of their keys' lists: a common word's cost no longer grows with the number of documents
 * holding it. When every group must match, the group with the fewest postings is read first, and once it is
 * read every match has been met: a query whose words rarely meet costs what its rarest word does.
 */
import { bm25Frequency, bm25Idf } from "./bm25.js";
import { scoreEveryMatch } from "./every-match.js";
import { findPosting, type TermIndex, weightedFrequency } from "./term-index.js";
import { type ScoredDocument, TopK } from "./top-k.js";

/** Postings read at a time from one key's impact-ordered list. */
export const IMPACT_BLOCK = 32;
/** Every match is scored instead once the documents met exceed the driving postings divided by this. */
export const EVERY_MATCH_RATIO = 4;

/** A full-text query over key ids. */
export interface TermQuery {
  /** Groups of alternative key ids (keys the index lacks left out), in query order. */
  readonly groups: readonly (readonly number[])[];
  /** "all": a document holds a key of every group; "any": of some group. */
  readonly require: "all" | "any";
  /** The weight of each field; 0 leaves the field out (a key found only there does not match). */
  readonly weights: readonly number[];
  /** Type codes of the documents wanted, or undefined for every type. */
  readonly types?: ReadonlySet<number>;
  readonly limit: number;
}

export type { ScoredDocument } from "./top-k.js";

/** The postings of one key under one set of field weights, roughly best first, with exact bounds per block. */
export interface ImpactOrder {
  /** Positions in `TermIndex.docs` of the documents where the key's weighted frequency is positive. */
  readonly postings: Int32Array;
  /** The BM25 frequency part of each, in the same order. */
  readonly frequencies: Float64Array;
  /** `bounds[b]`: the largest frequency part of block b (postings b × blockSize on) and of every block after. */
  readonly bounds: Float64Array;
  readonly blockSize: number;
  /** The documents of every type where the key's weighted frequency is positive (its idf counts them). */
  readonly documents: number;
}

/** The impact order of key id `term` under `weights` (one per field), in blocks of `blockSize` postings. */
export function impactOrder(
  index: TermIndex,
  term: number,
  weights: readonly number[],
  blockSize = IMPACT_BLOCK,
): ImpactOrder {
  const from = index.start[term] ?? 0;
  const to = index.start[term + 1] ?? 0;
  const kept = new Int32Array(to - from);
  const values = new Float64Array(to - from);
  let n = 0;
  let top = 0;
  for (let p = from; p < to; p += 1) {
    const w = weightedFrequency(index, p, weights);
    if (w <= 0) continue;
    const f = bm25Frequency(w, index.lengths[index.docs[p] ?? 0] ?? 0, index.averageLength);
    kept[n] = p;
    values[n] = f;
    n += 1;
    if (f > top) top = f;
  }
  // Sorted natively as doubles whose integer part holds the frequency part (best first, scaled to what the
  // position leaves of 53 bits) and then the position among the kept postings (document order). Frequency parts
  // closer than the scale may swap: the bounds below are exact whatever the order.
  const positions = 2 ** Math.ceil(Math.log2(n + 1));
  const scale = 2 ** 53 / positions;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i += 1) keys[i] = Math.floor((1 - (values[i] ?? 0) / top) * scale) * positions + i;
  keys.sort();
  const postings = new Int32Array(n);
  const frequencies = new Float64Array(n);
  for (let at = 0; at < n; at += 1) {
    const i = (keys[at] ?? 0) % positions;
    postings[at] = kept[i] ?? 0;
    frequencies[at] = values[i] ?? 0;
  }
  return { postings, frequencies, bounds: blockBounds(frequencies, blockSize), blockSize, documents: n };
}

/**
 * `order` split by the type of its documents, each part in the same order with bounds of its own (and the idf of
 * the whole): a query for one type reads that type's best first rather than skipping the others' (publications
 * and concepts ahead of the courses holding "energy"). One pass, no sort.
 */
export function splitByType(index: TermIndex, order: ImpactOrder): Map<number, ImpactOrder> {
  const n = order.postings.length;
  const counts = new Map<number, number>();
  const typeAt = new Uint16Array(n);
  for (let i = 0; i < n; i += 1) {
    const type = index.typeOf[index.docs[order.postings[i] ?? 0] ?? 0] ?? 0;
    typeAt[i] = type;
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  const parts = new Map<number, { postings: Int32Array; frequencies: Float64Array; filled: number }>();
  for (const [type, count] of counts) {
    parts.set(type, { postings: new Int32Array(count), frequencies: new Float64Array(count), filled: 0 });
  }
  for (let i = 0; i < n; i += 1) {
    const part = parts.get(typeAt[i] ?? 0);
    if (part === undefined) continue;
    part.postings[part.filled] = order.postings[i] ?? 0;
    part.frequencies[part.filled] = order.frequencies[i] ?? 0;
    part.filled += 1;
  }
  const split = new Map<number, ImpactOrder>();
  for (const [type, { postings, frequencies }] of parts) {
    const bounds = blockBounds(frequencies, order.blockSize);
    split.set(type, {
      postings,
      frequencies,
      bounds,
      blockSize: order.blockSize,
      documents: order.documents,
    });
  }
  return split;
}

/** The part of `split` (`splitByType` of `whole`) of type code `type`: empty when `whole` holds none of it. */
export function typePart(
  split: ReadonlyMap<number, ImpactOrder>,
  whole: ImpactOrder,
  type: number,
): ImpactOrder {
  return (
    split.get(type) ?? {
      postings: new Int32Array(0),
      frequencies: new Float64Array(0),
      bounds: new Float64Array(0),
      blockSize: whole.blockSize,
      documents: whole.documents,
    }
  );
}

/** `bounds[b]`: the largest of `frequencies` in block b and every block after. */
function blockBounds(frequencies: Float64Array, blockSize: number): Float64Array {
  const n = frequencies.length;
  const blocks = Math.ceil(n / blockSize);
  const bounds = new Float64Array(blocks);
  let best = 0;
  for (let b = blocks - 1; b >= 0; b -= 1) {
    for (let i = b * blockSize; i < Math.min(n, (b + 1) * blockSize); i += 1) {
      best = Math.max(best, frequencies[i] ?? 0);
    }
    bounds[b] = best;
  }
  return bounds;
}

/** What a top-k search read: documents met, and scored whole. */
export interface TopDocumentsStats {
  scored: number;
}

/**
 * The best `query.limit` documents by BM25 (higher relevance first, then lower pk; of the documents tied with the
 * last, those met first), with `orderOf` giving each key's impact order under the query's weights (the caller
 * keeps them between queries); `stats`, when given, counts the documents scored.
 */
export function topDocuments(
  index: TermIndex,
  query: TermQuery,
  orderOf: (term: number) => ImpactOrder,
  stats?: TopDocumentsStats,
): ScoredDocument[] {
  const { terms, groupsOf } = distinctTerms(query.groups);
  const lists: KeyList[] = terms.map((term, i) => {
    const order = orderOf(term);
    const idf = bm25Idf(order.documents, index.documents);
    return { term, order, idf, groups: groupsOf[i] ?? [], block: 0 };
  });
  if (query.limit <= 0 || lists.length === 0) return [];
  if (query.require === "all") {
    const held = new Set(lists.flatMap((l) => (l.order.postings.length > 0 ? l.groups : [])));
    if (held.size < query.groups.length) return [];
  }
  const best = new TopK(query.limit);
  const seen = new Set<number>();
  const matched = new Int32Array(query.groups.length).fill(-1);
  // When every group must match, a match holds a key of the group with the fewest postings: it is read first,
  // and once its lists are read every match has been met (what ends a query whose groups rarely meet).
  const smallest = query.require === "all" ? smallestGroup(lists, query.groups.length) : -1;
  // Scoring every match in document order costs about a third of what meeting as many documents here does (a
  // cursor step per key rather than a binary search and a set): once a quarter of the driving postings were met,
  // the best are not near the heads of the lists, and every match is scored instead. Lists of one type's postings
  // count every type's here, since that pass walks them all.
  const driving = lists.reduce(
    (sum, l) => sum + (smallest < 0 || l.groups.includes(smallest) ? l.order.documents : 0),
    0,
  );
  const budget = Math.max(query.limit, driving / EVERY_MATCH_RATIO);
  let met = 0;
  for (;;) {
    const step = nextStep(lists, smallest, best.full());
    if (step.list === undefined || (smallest >= 0 && !step.smallestLeft)) break;
    // At the threshold an unread document can at best tie with the k-th; documents alike (publications whose
    // only text is a title and an attribution) may be thousands, and any of them is a right answer.
    if (best.full() && best.worstScore() >= step.threshold) break;
    const { order } = step.list;
    const from = step.list.block * order.blockSize;
    step.list.block += 1;
    for (let j = from; j < Math.min(order.postings.length, from + order.blockSize); j += 1) {
      const pk = index.docs[order.postings[j] ?? 0] ?? 0;
      if (seen.has(pk)) continue;
      seen.add(pk);
      if (query.types !== undefined && !query.types.has(index.typeOf[pk] ?? 0)) continue;
      const relevance = scoreDocument(index, query, lists, matched, pk);
      met += 1;
      if (relevance >= 0) best.offer(pk, relevance);
    }
    if (met > budget) {
      const every = new TopK(query.limit);
      const scored = scoreEveryMatch(
        index,
        { groupCount: query.groups.length, ...query },
        lists,
        smallest,
        every,
      );
      if (stats !== undefined) stats.scored += met + scored;
      return every.sorted();
    }
  }
  if (stats !== undefined) stats.scored += met;
  return best.sorted();
}

/** One key of a query: its impact order, idf, the groups it belongs to, and the next block to read. */
interface KeyList {
  readonly term: number;
  readonly order: ImpactOrder;
  readonly idf: number;
  readonly groups: readonly number[];
  block: number;
}

/** The query's distinct keys in order, and the groups each belongs to. */
function distinctTerms(groups: readonly (readonly number[])[]): { terms: number[]; groupsOf: number[][] } {
  const terms: number[] = [];
  const groupsOf: number[][] = [];
  groups.forEach((alternatives, group) => {
    for (const term of alternatives) {
      const at = terms.indexOf(term);
      if (at >= 0) groupsOf[at]?.push(group);
      else {
        terms.push(term);
        groupsOf.push([group]);
      }
    }
  });
  return { terms, groupsOf };
}

/** The group whose keys have the fewest postings in all. */
function smallestGroup(lists: readonly KeyList[], groups: number): number {
  const sizes = new Array<number>(groups).fill(0);
  for (const list of lists)
    for (const g of list.groups) sizes[g] = (sizes[g] ?? 0) + list.order.postings.length;
  return sizes.indexOf(Math.min(...sizes));
}

/**
 * The threshold (the sum over keys of idf times the best unread frequency part, in the order scores sum, so
 * that each term bounds the same term of an unread document's score), the list to read next (the one that can
 * add most; until k documents are found, only the smallest group's lists, which can end the search), and whether
 * the smallest group has blocks left.
 */
function nextStep(
  lists: readonly KeyList[],
  smallest: number,
  full: boolean,
): { threshold: number; list: KeyList | undefined; smallestLeft: boolean } {
  let threshold = 0;
  let list: KeyList | undefined;
  let most = -1;
  let smallestLeft = false;
  for (const candidate of lists) {
    if (candidate.block >= candidate.order.bounds.length) continue;
    const bound = candidate.idf * (candidate.order.bounds[candidate.block] ?? 0);
    threshold += bound;
    const inSmallest = candidate.groups.includes(smallest);
    smallestLeft ||= inSmallest;
    if ((smallest < 0 || full || inSmallest) && bound > most) {
      most = bound;
      list = candidate;
    }
  }
  return { threshold, list, smallestLeft };
}

/**
 * A document's BM25, summed in the query's key order (as FTS5 sums its phrases), its other keys found by binary
 * search; -1 when it does not match (`matched` notes, per group, the last document that matched it).
 */
function scoreDocument(
  index: TermIndex,
  query: TermQuery,
  lists: readonly KeyList[],
  matched: Int32Array,
  pk: number,
): number {
  const length = index.lengths[pk] ?? 0;
  let relevance = 0;
  let groupsMatched = 0;
  for (const list of lists) {
    const posting = findPosting(index, list.term, pk);
    if (posting < 0) continue;
    const w = weightedFrequency(index, posting, query.weights);
    if (w <= 0) continue;
    relevance += list.idf * bm25Frequency(w, length, index.averageLength);
    for (const g of list.groups) {
      if (matched[g] === pk) continue;
      matched[g] = pk;
      groupsMatched += 1;
    }
  }
  return query.require === "all" && groupsMatched < query.groups.length ? -1 : relevance;
}
