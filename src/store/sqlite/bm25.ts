/**
 * BM25 as SQLite's FTS5 computes it (`fts5_aux.c`, `fts5Bm25Function`), written out so that the engine can
 * rank from postings it holds in memory and give the scores FTS5's `bm25()` gives: the score of a document is
 * the sum over the query's keys of `idf × frequency`, both below.
 */

/** BM25's saturation parameter, FTS5's k1. */
export const BM25_K1 = 1.2;
/** BM25's length normalisation, FTS5's b. */
export const BM25_B = 0.75;

/**
 * The inverse document frequency of a key held by `holders` of `docs` documents: `ln((docs − holders + 0.5) /
 * (holders + 0.5))`, or 1e-6 when that is not positive (a key in more than half of the documents still counts).
 */
export function bm25Idf(holders: number, docs: number): number {
  const idf = Math.log((docs - holders + 0.5) / (holders + 0.5));
  return idf > 0 ? idf : 1e-6;
}

/**
 * The frequency part for a document of `length` keys holding the key with weighted frequency `weighted` (its
 * occurrences per field times the field's weight, summed), among documents of `averageLength` keys on average:
 * `weighted × (k1 + 1) / (weighted + k1 × (1 − b + b × length / averageLength))`, increasing in `weighted`, in
 * [0, k1 + 1). Operations in FTS5's order, so that the same inputs give the same double.
 */
export function bm25Frequency(
  weighted: number,
  length: number,
  averageLength: number,
  k1 = BM25_K1,
  b = BM25_B,
): number {
  return (weighted * (k1 + 1.0)) / (weighted + k1 * (1 - b + (b * length) / averageLength));
}
