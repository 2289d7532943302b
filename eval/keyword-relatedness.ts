/**
 * Relatedness by author keywords, which the graph never reads: two records are related when they share at least two
 * keywords, or one that at most `RARE` records carry (grade: the keywords shared, at most 3). Shared by
 * `eval:related` (a record page's lists) and the chat gold rule `relatedTo` (questions for records related to a named one).
 */
import { foldWord } from "../src/text/word-key.js";

/** A keyword carried by at most this many records relates two records alone. */
export const RARE = 10;

/** A record's author keywords as relatedness compares them: folded, underscores as spaces, empty ones dropped. */
export function keywordSet(keywords: readonly string[]): Set<string> {
  const words = new Set(keywords.map((k) => foldWord(k.replace(/_/g, " ").trim())));
  words.delete("");
  return words;
}

/** Each keyword's carriers (record keys), for `relatedTo`. */
export function keywordCarriers(keywords: ReadonlyMap<string, ReadonlySet<string>>): Map<string, string[]> {
  const carriers = new Map<string, string[]>();
  for (const [key, words] of keywords)
    for (const w of words) {
      const list = carriers.get(w);
      if (list) list.push(key);
      else carriers.set(w, [key]);
    }
  return carriers;
}

/** The records related to the one with `words` (its key `key`), each with its grade. */
export function relatedTo(
  key: string,
  words: ReadonlySet<string>,
  carriers: ReadonlyMap<string, readonly string[]>,
): Map<string, number> {
  const shared = new Map<string, number>();
  const rare = new Set<string>();
  for (const w of words) {
    const others = carriers.get(w) ?? [];
    for (const other of others) if (other !== key) shared.set(other, (shared.get(other) ?? 0) + 1);
    if (others.length <= RARE) for (const other of others) rare.add(other);
  }
  const related = new Map<string, number>();
  for (const [other, count] of shared)
    if (count >= 2 || rare.has(other)) related.set(other, Math.min(3, count));
  return related;
}
