/**
 * The typo vocabulary's deletion index (see `text/typo-index.ts`) packed in typed arrays: each word and each of
 * its one-letter deletions is filed under a 32-bit hash of the form, in a hash table of two arrays (where each
 * bucket starts, and its entries). A collision only adds a candidate that the edit distance then turns down, so
 * it finds the words the map of `buildTypoIndex` finds; a worker thread builds it and hands it over without the
 * event loop copying the half a million forms of the open-campus vocabulary one by one.
 */
import { compareStrings } from "../../core/compare-strings.js";
import { closestWords, deletions, type VocabularyWord } from "../../text/typo-index.js";
import { packStrings, prefixRange, type StringColumn, stringAt } from "./string-column.js";

/** A vocabulary and its deletion forms, hashed. */
export interface DeletionIndex {
  /** The words, sorted by code unit, and the document frequency of each. */
  readonly terms: StringColumn;
  readonly df: Float64Array;
  /** Bucket `b` holds entries `starts[b]` to `starts[b + 1]`; a form's bucket is the low bits of its hash. */
  readonly starts: Uint32Array;
  /** Per entry: the hash of the form and the word filed under it. */
  readonly hashes: Uint32Array;
  readonly words: Int32Array;
}

/** Builds the deletion index of `vocabulary` (each word and its one-letter deletions). */
export function buildDeletionIndex(vocabulary: readonly VocabularyWord[]): DeletionIndex {
  const sorted = [...vocabulary].sort((a, b) => compareStrings(a.term, b.term));
  const most = sorted.reduce((sum, word) => sum + word.term.length + 1, 0);
  const formHashes = new Uint32Array(most);
  const formWords = new Int32Array(most);
  let forms = 0;
  sorted.forEach((word, w) => {
    for (const form of [word.term, ...deletions(word.term)]) {
      formHashes[forms] = hashForm(form);
      formWords[forms] = w;
      forms += 1;
    }
  });
  let buckets = 1;
  while (buckets < forms) buckets *= 2;
  const mask = buckets - 1;
  // A counting sort of the forms by bucket.
  const starts = new Uint32Array(buckets + 1);
  for (let i = 0; i < forms; i++) {
    const b = ((formHashes[i] as number) & mask) + 1;
    starts[b] = (starts[b] as number) + 1;
  }
  for (let b = 0; b < buckets; b++) starts[b + 1] = (starts[b + 1] as number) + (starts[b] as number);
  const next = starts.slice(0, buckets);
  const hashes = new Uint32Array(forms);
  const words = new Int32Array(forms);
  for (let i = 0; i < forms; i++) {
    const hash = formHashes[i] as number;
    const at = next[hash & mask] as number;
    next[hash & mask] = at + 1;
    hashes[at] = hash;
    words[at] = formWords[i] as number;
  }
  return {
    terms: packStrings(sorted.map((word) => word.term)),
    df: Float64Array.from(sorted, (word) => word.df),
    starts,
    hashes,
    words,
  };
}

/** The buffers of `index`, to transfer rather than copy to another thread. */
export function deletionIndexBuffers(index: DeletionIndex): ArrayBuffer[] {
  return [index.terms.ends, index.df, index.starts, index.hashes, index.words].map(
    (array) => array.buffer as ArrayBuffer,
  );
}

/**
 * Vocabulary words within `maxEdits` (1 or 2) of `term`, by the rule of `closestWords`: the words sharing a
 * deletion form with `term`, else (two edits) the words with its first letter.
 */
export function deletionCandidates(
  index: DeletionIndex,
  term: string,
  maxEdits: number,
  limit: number,
): VocabularyWord[] {
  const mask = index.starts.length - 2;
  const found = new Set<number>();
  for (const form of [term, ...deletions(term)]) {
    const hash = hashForm(form);
    const end = index.starts[(hash & mask) + 1] as number;
    for (let i = index.starts[hash & mask] as number; i < end; i++) {
      if (index.hashes[i] === hash) found.add(index.words[i] as number);
    }
  }
  return closestWords(
    term,
    [...found].map((w) => wordAt(index, w)),
    () => wordsStartingWith(index, term.charAt(0)),
    maxEdits,
    limit,
  );
}

function* wordsStartingWith(index: DeletionIndex, letter: string): Generator<VocabularyWord> {
  if (letter === "") return;
  const [start, end] = prefixRange(index.terms, letter);
  for (let w = start; w < end; w++) yield wordAt(index, w);
}

function wordAt(index: DeletionIndex, w: number): VocabularyWord {
  return { term: stringAt(index.terms, w), df: index.df[w] as number };
}

/** FNV-1a over the form's UTF-16 code units. */
function hashForm(form: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < form.length; i++) {
    hash ^= form.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
