/**
 * The concepts a record's text names, with how often, and their postings for the concept pages: for concept X,
 * the records whose text names X, scored by BM25's saturation of the count,
 *
 *   m(r, X) = tf / (tf + k1 · (1 − b + b · len(r) / avglen))          k1 = 1.2, b = 0.75
 *
 * in [0, 1): a record that names X often, for its length, is likely about X, whether or not the detector kept X
 * among its best concepts (BM25's evidence; the page combines it with the walk's).
 */
import { sortPostings } from "./postings.js";

/** The name counts of one record (concepts ascending) and its length in tokens. */
export interface NameMentions {
  readonly concepts: Int32Array;
  readonly counts: Float32Array;
  readonly length: number;
}

/** BM25's parameters; the defaults are the usual ones. */
export interface MentionParams {
  /** k1: how fast the count saturates; default 1.2. */
  readonly k1: number;
  /** b: how much a long text's counts are discounted, in [0, 1]; default 0.75. */
  readonly b: number;
}

export const DEFAULT_MENTION_PARAMS: MentionParams = { k1: 1.2, b: 0.75 };

/** A record's name counts as compact arrays; `length` in tokens. Counts below `floor` are dropped. */
export function nameMentions(counts: ReadonlyMap<number, number>, length: number, floor = 0): NameMentions {
  const kept = [...counts].filter(([, n]) => n > floor).sort((a, b) => a[0] - b[0]);
  return {
    concepts: Int32Array.from(kept, ([c]) => c),
    counts: Float32Array.from(kept, ([, n]) => n),
    length,
  };
}

/** Each concept's records with m(r, X), best first (ties by record number); `size` concepts. */
export function mentionPostings(
  mentions: ReadonlyMap<number, NameMentions>,
  size: number,
  params: MentionParams = DEFAULT_MENTION_PARAMS,
): { members: Int32Array[]; scores: Float64Array[] } {
  const counts = new Int32Array(size);
  let total = 0;
  for (const m of mentions.values()) {
    total += m.length;
    for (const c of m.concepts) counts[c] = (counts[c] ?? 0) + 1;
  }
  const average = mentions.size === 0 ? 1 : Math.max(total / mentions.size, 1);
  const members = Array.from(counts, (n) => new Int32Array(n));
  const scores = Array.from(counts, (n) => new Float64Array(n));
  const filled = new Int32Array(size);
  for (const [record, m] of mentions) {
    const norm = params.k1 * (1 - params.b + (params.b * m.length) / average);
    m.concepts.forEach((c, i) => {
      const tf = m.counts[i] ?? 0;
      const at = filled[c] ?? 0;
      (members[c] as Int32Array)[at] = record;
      (scores[c] as Float64Array)[at] = tf / (tf + norm);
      filled[c] = at + 1;
    });
  }
  for (let c = 0; c < size; c += 1) sortPostings(members[c] as Int32Array, scores[c] as Float64Array);
  return { members, scores };
}

/** How often `m` names `concept`, 0 when not at all. */
export function mentionCount(m: NameMentions | undefined, concept: number): number {
  if (!m) return 0;
  let lo = 0;
  let hi = m.concepts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = m.concepts[mid] as number;
    if (c === concept) return m.counts[mid] ?? 0;
    if (c < concept) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
