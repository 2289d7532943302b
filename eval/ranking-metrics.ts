/**
 * Ranking measures over one ranked list of keys against graded relevant keys: reciprocal rank at k, first
 * relevant rank, and nDCG at k.
 */

/** The 1-based rank of the first relevant key within the first `k`, or undefined. */
export function firstRelevantRank(
  ranked: readonly string[],
  relevant: ReadonlySet<string>,
  k: number,
): number | undefined {
  const i = ranked.slice(0, k).findIndex((key) => relevant.has(key));
  return i === -1 ? undefined : i + 1;
}

/** 1 / rank of the first relevant key within the first `k`, 0 when none. */
export function reciprocalRank(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  const rank = firstRelevantRank(ranked, relevant, k);
  return rank === undefined ? 0 : 1 / rank;
}

/** nDCG@k with gains `2^grade − 1` and discount `log2(rank + 1)`; 0 when nothing is relevant. */
export function ndcg(ranked: readonly string[], grades: ReadonlyMap<string, number>, k: number): number {
  const gain = (grade: number) => 2 ** grade - 1;
  const dcg = ranked
    .slice(0, k)
    .reduce((sum, key, i) => sum + gain(grades.get(key) ?? 0) / Math.log2(i + 2), 0);
  const ideal = [...grades.values()]
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, grade, i) => sum + gain(grade) / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}
