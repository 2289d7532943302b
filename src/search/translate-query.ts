/**
 * A French query's English: each word's alternatives (the English words the corpus's bilingual records translate
 * it by, else its rule cognate unless the corpus shows it made up) and the English names it may mean ("apprentissage
 * automatique" → "machine learning", "énergie solaire" → "solar energy").
 */
import { isContentKey, type TranslationTable } from "../text/learn-translations.js";
import type { Token } from "../text/tokenise.js";

/** What a French query's tokens become in English. */
export interface TranslatedQuery {
  /** Per token, the English keys to match besides its own, without repeats. */
  readonly alternatives: readonly (readonly string[])[];
  /** Whole-query English keys, compared with names' match keys; none equal to the query's own key. */
  readonly englishKeys: readonly string[];
}

// Function words that may stand between the two words of a French phrase ("théorie des graphes"), as when learned.
const PHRASE_GAP = 2;

/** Translates French-read `tokens` with `table` (see the file's comment). */
export function translateQuery(tokens: readonly Token[], table: TranslationTable): TranslatedQuery {
  const alternatives = tokens.map((t) => {
    const english: string[] = [];
    const add = (key: string | undefined) => {
      if (key !== undefined && key !== t.key && !english.includes(key)) english.push(key);
    };
    // A word the corpus translates is taken at its word: "année" is "year", not the rule's "ann".
    const learned = table.words.get(t.key) ?? [];
    if (learned.length === 0 && !table.falseCognates.has(t.key)) add(t.cognate);
    for (const translation of learned) {
      add(translation.english);
      // The corpus's bilingual records write British English ("globalisation"), most English records American.
      add(americanSpelling(translation.english));
    }
    return english;
  });
  const best = (i: number) => {
    const token = tokens[i];
    if (token === undefined) return "";
    const learned = table.words.get(token.key)?.[0]?.english;
    const cognate = table.falseCognates.has(token.key) ? undefined : token.cognate;
    return learned ?? cognate ?? token.key;
  };
  const content = contentPositions(tokens);
  const phrases = new Map<number, string>();
  const covered = new Set<number>();
  for (const [i, j] of content.pairs) {
    const english = table.phrases.get(`${tokens[i]?.key} ${tokens[j]?.key}`)?.[0]?.english;
    if (english === undefined || covered.has(i)) continue;
    phrases.set(i, english);
    covered.add(j);
    spreadPhrase(english, [i, j], tokens, alternatives, table);
  }
  const words: string[] = [];
  for (let at = 0; at < content.positions.length; at++) {
    const i = content.positions[at] ?? 0;
    const phrase = phrases.get(i);
    words.push(phrase ?? best(i));
    if (phrase !== undefined) at += 1;
  }
  const own = tokens.map((t) => t.key).join(" ");
  const keys = new Set([tokens.map((t, i) => (t.cognate === undefined ? t.key : best(i))).join(" ")]);
  const changed = phrases.size > 0 || content.positions.some((i, at) => words[at] !== tokens[i]?.key);
  if (changed) keys.add(words.join(" "));
  // Two French words without a learned phrase: an English name puts the modifier first ("solar energy").
  if (changed && content.positions.length === 2 && phrases.size === 0)
    keys.add([...words].reverse().join(" "));
  keys.delete(own);
  keys.delete("");
  return { alternatives, englishKeys: [...keys] };
}

/** The positions of the content words, and the pairs of them that may form a phrase (at most `PHRASE_GAP` apart). */
function contentPositions(tokens: readonly Token[]): { positions: number[]; pairs: [number, number][] } {
  const positions: number[] = [];
  tokens.forEach((t, i) => {
    if (isContentKey(t.key)) positions.push(i);
  });
  const pairs: [number, number][] = [];
  for (let at = 1; at < positions.length; at++) {
    const i = positions[at - 1] ?? 0;
    const j = positions[at] ?? 0;
    if (j - i - 1 <= PHRASE_GAP) pairs.push([i, j]);
  }
  return { positions, pairs };
}

/**
 * Gives each English word of a learned phrase to the French word it translates ("machine learning" for
 * "apprentissage automatique": "learning" to "apprentissage", which the table links to it, and "machine" to the
 * other), so that a text search for the French words also finds the English phrase.
 */
function spreadPhrase(
  english: string,
  french: readonly [number, number],
  tokens: readonly Token[],
  alternatives: string[][],
  table: TranslationTable,
): void {
  const free = [...french];
  const unplaced: string[] = [];
  for (const word of english.split(" ")) {
    const owner = free.find((i) => {
      const token = tokens[i];
      if (token === undefined) return false;
      const learned = table.words.get(token.key) ?? [];
      return token.key === word || token.cognate === word || learned.some((t) => t.english === word);
    });
    if (owner === undefined) unplaced.push(word);
    else {
      free.splice(free.indexOf(owner), 1);
      place(alternatives, tokens, owner, word);
    }
  }
  // English puts the modifier first, French after: the words left pair up in reverse order.
  free.reverse();
  unplaced.forEach((word, k) => {
    const owner = free[k];
    if (owner !== undefined) place(alternatives, tokens, owner, word);
  });
}

function place(alternatives: string[][], tokens: readonly Token[], i: number, word: string): void {
  const list = alternatives[i];
  if (list !== undefined && word !== tokens[i]?.key && !list.includes(word)) list.push(word);
}

/**
 * An English word's American spelling, where its British ending has one: "-isation(s)" → "-ization(s)"
 * ("globalisation"), "-tre(s)" → "-ter(s)" ("centre", "theatre", "metre"). Undefined for other words.
 */
export function americanSpelling(word: string): string | undefined {
  if (/isations?$/.test(word)) return word.replace(/isation(s?)$/, "ization$1");
  if (/.{3}tres?$/.test(word)) return word.replace(/tre(s?)$/, "ter$1");
  return undefined;
}
