/**
 * Tokens for matching concept names in text, the same way on both sides: case and accents folded, hyphens and
 * spaces alike ("IL-6" = "IL 6" = "IL6"), English and French plurals reduced by a light stemmer.
 */

import { englishCognate, frenchFirstLetters } from "./french-cognates.js";
import type { TextLanguage } from "./language.js";
import { foldWord, stem } from "./word-key.js";
import { wordEnd, wordStart } from "./words.js";

/** A word of a text with its place, for reporting mentions. */
export interface Token {
  /** Folded and stemmed form, the key used for matching. */
  readonly key: string;
  /** Start offset (UTF-16 code units) in the original text. */
  readonly start: number;
  /** End offset (exclusive). */
  readonly end: number;
  /** True when the original has at least two letters, all upper-case ("IL", "ACID"), or is such a plural ("CNNs"). */
  readonly upper: boolean;
  /** For French text: the English cognate's key ("théorie" → "theory"), tried when `key` matches nothing. */
  readonly cognate?: string;
}

// Upper-case words, and their plurals: "CNNs" is the plural of "CNN".
const UPPER = /^\p{Lu}{2,}s?$/u;

/**
 * Splits `text` into matching tokens; possessive "'s" is dropped so "Schrödinger's equation" matches
 * "Schrödinger equation". French text (`lang` "fr") also gets English cognate keys.
 */
export function tokenise(text: string, lang?: TextLanguage): Token[] {
  return scan(text, lang, undefined);
}

/** The tokens of `text`, read as French, whose key or English cognate is in `keys` (to highlight them). */
export function matchingTokens(text: string, keys: ReadonlySet<string>): Token[] {
  let firsts = firstLetters.get(keys);
  if (firsts === undefined) {
    const letters = new Set<number>();
    for (const key of keys) {
      letters.add(key.charCodeAt(0));
      for (const first of frenchFirstLetters(key)) letters.add(first);
    }
    firsts = letters;
    firstLetters.set(keys, letters);
  }
  return scan(text, "fr", keys, firsts);
}

// Keys and cognates keep a word's first letter, but for the French words listed ("apprentissage" → learning):
// a word written with another first letter, in ASCII, cannot match and is not looked at. The letters are worked
// out once per set of keys (a search highlights all its hits with one).
const firstLetters = new WeakMap<ReadonlySet<string>, ReadonlySet<number>>();

function scan(
  text: string,
  lang: TextLanguage | undefined,
  keys: ReadonlySet<string> | undefined,
  firsts?: ReadonlySet<number>,
): Token[] {
  const tokens: Token[] = [];
  for (let start = wordStart(text, 0); start < text.length; start = wordStart(text, start)) {
    const end = wordEnd(text, start);
    if (firsts !== undefined) {
      const first = text.charCodeAt(start);
      if (first < 128 && !firsts.has(first >= 65 && first <= 90 ? first + 32 : first)) {
        start = end;
        continue;
      }
    }
    const raw = text.slice(start, end);
    start = end;
    if ((raw === "s" || raw === "S") && isApostrophe(text.charCodeAt(end - 2))) continue;
    const word = wordKeys(raw);
    const at = end - raw.length;
    if (lang === "fr") {
      word.cognate ??= cognateKey(word.folded, word.key);
      const matched =
        keys === undefined || keys.has(word.key) || (word.cognate !== "" && keys.has(word.cognate));
      if (!matched) continue;
      if (word.cognate === "") tokens.push({ key: word.key, start: at, end, upper: word.upper });
      else tokens.push({ key: word.key, start: at, end, upper: word.upper, cognate: word.cognate });
    } else if (keys === undefined || keys.has(word.key)) {
      tokens.push({ key: word.key, start: at, end, upper: word.upper });
    }
  }
  return tokens;
}

/** What tokenising derives from a word as written; `cognate` is "" for none, undefined until asked for. */
interface WordKeys {
  readonly folded: string;
  readonly key: string;
  readonly upper: boolean;
  cognate: string | undefined;
}

// Words as written and their keys: texts repeat their words, and folding, stemming and the case test were most
// of the time of tokenising (search highlights tokenise ten snippets per query). Cleared when full.
const wordCache = new Map<string, WordKeys>();
const WORD_CACHE_SIZE = 100_000;

// Longer words are not cached: V8 copies a slice of up to 12 characters, but a longer one may point into the text
// it was cut from, and a cache of them would keep whole record texts alive.
const CACHED_WORD_LENGTH = 12;

function wordKeys(raw: string): WordKeys {
  let word = raw.length > CACHED_WORD_LENGTH ? undefined : wordCache.get(raw);
  if (word === undefined) {
    const folded = foldWord(raw);
    word = { folded, key: stem(folded), upper: UPPER.test(raw), cognate: undefined };
    if (raw.length > CACHED_WORD_LENGTH) return word;
    if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
    wordCache.set(raw, word);
  }
  return word;
}

function cognateKey(folded: string, key: string): string {
  const cognate = englishCognate(folded);
  return cognate === undefined || cognate === key ? "" : cognate;
}

/** The matching keys of a phrase, e.g. a concept name: `["interleukin", "6"]` for "Interleukin-6". */
export function phraseKeys(phrase: string): string[] {
  return tokenise(phrase).map((t) => t.key);
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}
