/**
 * Tokens for matching concept names in text, the same way on both sides: case and accents folded, hyphens and
 * spaces alike ("IL-6" = "IL 6" = "IL6"), English and French plurals reduced by a light stemmer.
 */

/** A word of a text with its place, for reporting mentions. */
export interface Token {
  /** Folded and stemmed form, the key used for matching. */
  readonly key: string;
  /** Start offset (UTF-16 code units) in the original text. */
  readonly start: number;
  /** End offset (exclusive). */
  readonly end: number;
  /** True when the original has at least two letters, all upper-case ("IL", "ACID"). */
  readonly upper: boolean;
  /** For French text: the English cognate's key ("théorie" → "theory"), tried when `key` matches nothing. */
  readonly cognate?: string;
}

/** The languages whose texts get their own rules; other texts are matched as they are. */
export type TextLanguage = "en" | "fr";

// A token is a run of letters (with their combining marks) or a run of digits: "IL6" gives "IL", "6".
const TOKEN = /[\p{L}\p{M}]+|\p{N}+/gu;
const ASCII = /^[\x20-\x7e]*$/;
const COMBINING = /\p{M}/gu;
const UPPER = /^\p{Lu}{2,}$/u;

/**
 * Splits `text` into matching tokens; possessive "'s" is dropped so "Schrödinger's equation" matches
 * "Schrödinger equation". French text (`lang` "fr") also gets English cognate keys.
 */
export function tokenise(text: string, lang?: TextLanguage): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const start = match.index;
    if ((raw === "s" || raw === "S") && isApostrophe(text.charCodeAt(start - 1))) continue;
    const folded = foldWord(raw);
    const key = stem(folded);
    const token: Token = { key, start, end: start + raw.length, upper: UPPER.test(raw) };
    if (lang === "fr") {
      const cognate = englishCognate(folded);
      tokens.push(cognate === undefined || cognate === key ? token : { ...token, cognate });
    } else {
      tokens.push(token);
    }
  }
  return tokens;
}

// French endings and their usual English counterparts: théorie → theory, modernité → modernity,
// humanisme → humanism, territoire → territory, logique → logic, moteur → motor, adaptatif → adaptive.
const COGNATE_ENDINGS: readonly [string, string][] = [
  ["isme", "ism"],
  ["iste", "ist"],
  ["ite", "ity"],
  ["ie", "y"],
  ["ique", "ic"],
  ["aire", "ary"],
  ["oire", "ory"],
  ["eur", "or"],
  ["if", "ive"],
  ["ive", "ive"],
  ["elle", "al"],
  ["el", "al"],
  ["ee", ""],
];

const cognateCache = new Map<string, string | undefined>();
const COGNATE_CACHE_SIZE = 50_000;

/** The key of the English cognate of a folded French word, or undefined when no rule applies (memoised). */
export function englishCognate(folded: string): string | undefined {
  if (cognateCache.has(folded)) return cognateCache.get(folded);
  const cognate = computeCognate(folded);
  if (cognateCache.size >= COGNATE_CACHE_SIZE) cognateCache.clear();
  cognateCache.set(folded, cognate);
  return cognate;
}

function computeCognate(folded: string): string | undefined {
  let word = folded;
  if (word.length > 4 && (word.endsWith("s") || word.endsWith("x")) && !word.endsWith("ss"))
    word = word.slice(0, -1);
  if (word.length < 5) return undefined;
  for (const [french, english] of COGNATE_ENDINGS) {
    if (word.endsWith(french) && word.length - french.length >= 3)
      return stem(word.slice(0, -french.length) + english);
  }
  return stem(word.replace(/ss/g, "s"));
}

const FRENCH_MARKERS = new Set([
  "le",
  "la",
  "les",
  "des",
  "du",
  "est",
  "et",
  "une",
  "dans",
  "pour",
  "sur",
  "au",
  "aux",
  "qui",
  "que",
]);
const ENGLISH_MARKERS = new Set([
  "the",
  "and",
  "of",
  "is",
  "to",
  "in",
  "for",
  "with",
  "on",
  "that",
  "this",
  "are",
  "by",
  "an",
]);

/** Guesses whether a text is French or English from its function words; English when unsure. */
export function guessLanguage(text: string): TextLanguage {
  let french = 0;
  let english = 0;
  let seen = 0;
  for (const match of text.matchAll(TOKEN)) {
    const word = match[0].toLowerCase();
    if (FRENCH_MARKERS.has(word)) french += 1;
    else if (ENGLISH_MARKERS.has(word)) english += 1;
    if (++seen >= 400) break;
  }
  return french > english ? "fr" : "en";
}

/** The matching keys of a phrase, e.g. a concept name: `["interleukin", "6"]` for "Interleukin-6". */
export function phraseKeys(phrase: string): string[] {
  return tokenise(phrase).map((t) => t.key);
}

/** Lower-cases and removes accents and ligatures: "Œdème" → "oedeme", "Straße" → "strasse". */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  if (ASCII.test(lower)) return lower;
  return lower
    .normalize("NFD")
    .replace(COMBINING, "")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .replace(/ø/g, "o")
    .replace(/ł/g, "l")
    .replace(/đ/g, "d");
}

/**
 * A light stemmer for English and French plurals, applied alike to names and texts: "cells" → "cell",
 * "antibodies" → "antibody", "signaux" → "signal". Words of 3 letters or fewer, and endings that are
 * not plurals ("-ss", "-us", "-is"), stay as they are.
 */
export function stem(word: string): string {
  const n = word.length;
  if (n <= 3 || word.charCodeAt(0) < 97) return word;
  if (word.endsWith("ies") && n > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("aux") && n > 4) return `${word.slice(0, -3)}al`;
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
    return word.slice(0, -1);
  }
  return word;
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}

/** Common English and French function words: a phrase made only of these is never a concept mention. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a an and are as at be but by for from has have in into is it its of on or that the their this to was were " +
    "which with not no can may will also than then there these those such each other more most only one two " +
    "au aux avec ce ces dans de des du elle en est et il ils la le les leur lui mais ne nous ou par pas pour " +
    "qu que qui sa se ses son sont sur un une vous d l s y"
  )
    .split(" ")
    .map((w) => stem(w)),
);
