/**
 * Typo correction of a query against the index's name vocabulary: which words to correct, with what, and
 * the whole names the corrected query may equal.
 */
import type { SearchIndexReader } from "../store/store.js";
import type { ParsedQuery } from "./parse-query.js";

/** The shortest word corrected. */
export const MIN_TYPO_LENGTH = 4;
/** Corrections kept per word. */
export const CORRECTIONS_PER_WORD = 4;

/** A query with typo corrections. */
export interface Correction {
  /** The query's word groups, each with its corrections added as alternatives. */
  readonly groups: readonly (readonly string[])[];
  /**
   * The same with corrections of unknown words only: a word the index holds was corrected only because no record
   * holds every word, and a record that holds some of the words should hold them as typed ("Prague Spring" is not
   * "string").
   */
  readonly unknownGroups: readonly (readonly string[])[];
  /** Match keys of the query with each word replaced by its best correction. */
  readonly matchKeys: readonly string[];
}

/**
 * Adds typo corrections to the words the index does not hold (or, when `everyWord`, to every word long
 * enough): one edit for words of 4 to 7 letters, two for longer ones. The match keys are the query's with one
 * word replaced by one of its corrections, and with every unknown word replaced by its best correction.
 */
export async function correctTypos(
  index: Pick<SearchIndexReader, "hasTerm" | "similarTerms">,
  query: ParsedQuery,
  everyWord: boolean,
): Promise<Correction | undefined> {
  const groups: string[][] = [];
  const unknownGroups: string[][] = [];
  const words = query.matchKey.split(" ");
  const matchKeys = new Set<string>();
  const best = [...words];
  for (const group of query.groups) {
    const word = group[0] ?? "";
    const alternatives = [...group];
    groups.push(alternatives);
    if (word.length < MIN_TYPO_LENGTH || /^\d+$/.test(word)) {
      unknownGroups.push(alternatives);
      continue;
    }
    const known = await index.hasTerm(word);
    unknownGroups.push(known ? [...group] : alternatives);
    if (known && !everyWord) continue;
    const maxEdits = word.length >= 8 ? 2 : 1;
    const similar = await index.similarTerms(word, maxEdits, CORRECTIONS_PER_WORD);
    for (const s of similar) {
      alternatives.push(s.term);
      matchKeys.add(words.map((w) => (w === word ? s.term : w)).join(" "));
    }
    const first = similar[0];
    if (!known && first !== undefined) {
      best.forEach((w, i) => {
        if (w === word) best[i] = first.term;
      });
    }
  }
  if (matchKeys.size === 0) return undefined;
  matchKeys.add(best.join(" "));
  return { groups, unknownGroups, matchKeys: [...matchKeys] };
}
