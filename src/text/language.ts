/**
 * Which language a text is in, told from its function words: French and English get their own rules; a text in
 * another language (Spanish, Portuguese, Italian, German) is told apart so that it is not read as English.
 */

import { wordEnd, wordStart } from "./words.js";

/** The languages whose texts get their own rules; other texts are matched as they are. */
export type TextLanguage = "en" | "fr";

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

// Function words of the other languages a university's catalogue holds most (Spanish, Portuguese, Italian; German
// apart, since it writes its nouns with capitals), few of them English or French words ("y", "die" and "den" are
// not here; a word in capitals, "MIT", is not counted).
const ROMANCE_MARKERS = new Set([
  // Spanish
  "el",
  "los",
  "las",
  "del",
  "con",
  "para",
  "por",
  "como",
  "una",
  "es",
  "al",
  "lo",
  "este",
  "esta",
  "sus",
  "más",
  // Portuguese
  "não",
  "uma",
  "com",
  "os",
  "dos",
  "das",
  "pelo",
  "pela",
  "são",
  // Italian
  "della",
  "delle",
  "degli",
  "gli",
  "che",
  "nel",
  "nella",
  "sono",
  "anche",
]);
const GERMAN_MARKERS = new Set([
  // German
  "der",
  "und",
  "das",
  "ist",
  "nicht",
  "mit",
  "ein",
  "eine",
  "zu",
  "auf",
  "für",
  "sich",
  "werden",
]);

// Fewer function words than this tell nothing: a title or a list of keywords.
const OTHER_EVIDENCE = 3;

/** Guesses whether a text is French or English from its function words; English when unsure. */
export function guessLanguage(text: string): TextLanguage {
  return languageOf(markerCounts(text));
}

/** A language group other than English and French (see `otherLanguage`). */
export type OtherLanguage = "german" | "romance";

/** How a text is read: in `lang`'s rules, and whether it is written in another language group (`otherLanguage`). */
export interface TextLanguages {
  readonly lang: TextLanguage;
  readonly other: OtherLanguage | undefined;
}

/**
 * `text`'s languages: `lang` when given, else `guessLanguage`'s, and `otherLanguage`'s, from one reading of its
 * function words.
 */
export function textLanguages(text: string, lang?: TextLanguage): TextLanguages {
  const counts = markerCounts(text);
  return { lang: lang ?? languageOf(counts), other: otherOf(counts) };
}

function languageOf({ french, english }: MarkerCounts): TextLanguage {
  return french > english ? "fr" : "en";
}

/**
 * The other language group `text` is written in, if it is written in neither English nor French: the function words
 * of another language outnumber both, and there are enough of them to tell (a title alone, or one Spanish word in an
 * English text, is not). "german" for German, whose nouns are all capitalised, "romance" for Spanish, Portuguese and
 * Italian.
 */
export function otherLanguage(text: string): OtherLanguage | undefined {
  return otherOf(markerCounts(text));
}

function otherOf({ frenchOnly, english, romance, german }: MarkerCounts): OtherLanguage | undefined {
  const other = romance + german;
  if (other < OTHER_EVIDENCE || other <= english || other <= frenchOnly) return undefined;
  return german > romance ? "german" : "romance";
}

/** True when `text` is written in neither English nor French (see `otherLanguage`). */
export function isOtherLanguage(text: string): boolean {
  return otherLanguage(text) !== undefined;
}

/** Function words counted by language (see `markerCounts`). */
interface MarkerCounts {
  french: number;
  frenchOnly: number;
  english: number;
  romance: number;
  german: number;
}

// French markers that Spanish, Italian or Portuguese write too: no evidence against those languages.
const SHARED_MARKERS = new Set(["la", "que"]);

/**
 * How many of the first 400 words of `text` are French, English and other languages' function words, and how many
 * of the French ones are French alone (`SHARED_MARKERS` aside). Words in capitals ("MIT") are not other languages'
 * function words.
 */
function markerCounts(text: string): MarkerCounts {
  const counts = { french: 0, frenchOnly: 0, english: 0, romance: 0, german: 0 };
  let seen = 0;
  for (let start = wordStart(text, 0); start < text.length; start = wordStart(text, start)) {
    const end = wordEnd(text, start);
    const written = text.slice(start, end);
    const word = written.toLowerCase();
    start = end;
    if (FRENCH_MARKERS.has(word)) {
      counts.french += 1;
      if (!SHARED_MARKERS.has(word)) counts.frenchOnly += 1;
    } else if (ENGLISH_MARKERS.has(word)) counts.english += 1;
    else if (written.length > 1 && written === written.toUpperCase()) {
      // "MIT", "ODS": an acronym, not another language's function word.
    } else if (ROMANCE_MARKERS.has(word)) counts.romance += 1;
    else if (GERMAN_MARKERS.has(word)) counts.german += 1;
    if (++seen >= 400) break;
  }
  return counts;
}
