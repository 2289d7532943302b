/**
 * Typo candidates by symmetric deletion (SymSpell): each vocabulary word is filed under itself and every form
 * with one letter deleted; a query word's own deletions meet them. One deletion on each side covers one
 * insertion, deletion, replacement or swap of adjacent letters. Two edits (for long words only) are looked for
 * by a bounded scan of the words that share the first letter and have a length within two. Candidates are
 * checked with the real edit distance.
 */
import { compareStrings } from "../core/compare-strings.js";
import { editDistance } from "./edit-distance.js";

/** A vocabulary word with its document frequency. */
export interface VocabularyWord {
  readonly term: string;
  readonly df: number;
}

/** A deletion index over a vocabulary: deletion form → indexes of the words filed under it. */
export interface TypoIndex {
  readonly words: readonly VocabularyWord[];
  readonly byDeletion: ReadonlyMap<string, readonly number[]>;
  /** The words by their first letter. */
  readonly byFirst: ReadonlyMap<string, readonly VocabularyWord[]>;
}

/** Builds the deletion index of `words` (each word and its one-letter deletions). */
export function buildTypoIndex(words: readonly VocabularyWord[]): TypoIndex {
  const byDeletion = new Map<string, number[]>();
  const file = (form: string, index: number) => {
    const list = byDeletion.get(form);
    if (list === undefined) byDeletion.set(form, [index]);
    else if (list.at(-1) !== index) list.push(index);
  };
  const byFirst = new Map<string, VocabularyWord[]>();
  words.forEach((word, index) => {
    file(word.term, index);
    for (const form of deletions(word.term)) file(form, index);
    const first = word.term.charAt(0);
    const list = byFirst.get(first);
    if (list === undefined) byFirst.set(first, [word]);
    else list.push(word);
  });
  return { words, byDeletion, byFirst };
}

/** The shortest word that two edits may correct. */
export const MIN_LENGTH_FOR_TWO_EDITS = 8;

/**
 * Vocabulary words within `maxEdits` (1 or 2) of `term`, closest first, then most frequent; the word itself
 * is not returned. Two edits are looked for only when one finds nothing and `term` has at least
 * `MIN_LENGTH_FOR_TWO_EDITS` letters.
 */
export function typoCandidates(
  index: TypoIndex,
  term: string,
  maxEdits: number,
  limit: number,
): VocabularyWord[] {
  const oneEdit = new Set<VocabularyWord>();
  for (const form of [term, ...deletions(term)]) {
    for (const i of index.byDeletion.get(form) ?? []) {
      const word = index.words[i];
      if (word !== undefined) oneEdit.add(word);
    }
  }
  return closestWords(term, oneEdit, () => index.byFirst.get(term.charAt(0)) ?? [], maxEdits, limit);
}

/**
 * The rule every engine's typo lookup shares, applied to candidate words however they were found: the words
 * within one edit of `term`; when there are none and two edits are allowed for a word this long, the words of
 * `twoEditCandidates()` with the same first letter within two; closest first, then most frequent, then by
 * code point; never `term` itself.
 */
export function closestWords(
  term: string,
  oneEditCandidates: Iterable<VocabularyWord>,
  twoEditCandidates: () => Iterable<VocabularyWord>,
  maxEdits: number,
  limit: number,
): VocabularyWord[] {
  const within = (words: Iterable<VocabularyWord>, max: number) => {
    const found: { word: VocabularyWord; distance: number }[] = [];
    for (const word of words) {
      if (word.term === term || Math.abs(word.term.length - term.length) > max) continue;
      if (max > 1 && word.term.charAt(0) !== term.charAt(0)) continue;
      const distance = editDistance(term, word.term, max);
      if (distance <= max) found.push({ word, distance });
    }
    return found;
  };
  let found = within(oneEditCandidates, 1);
  if (found.length === 0 && maxEdits >= 2 && term.length >= MIN_LENGTH_FOR_TWO_EDITS) {
    found = within(twoEditCandidates(), 2);
  }
  found.sort(
    (a, b) => a.distance - b.distance || b.word.df - a.word.df || compareStrings(a.word.term, b.word.term),
  );
  return found.slice(0, limit).map((f) => f.word);
}

/** Every form of `word` with one letter deleted (distinct). */
export function deletions(word: string): string[] {
  const forms = new Set<string>();
  for (let i = 0; i < word.length; i++) forms.add(word.slice(0, i) + word.slice(i + 1));
  return [...forms];
}
