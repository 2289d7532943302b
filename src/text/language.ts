/** Which language a text is in, told from its function words: French and English get their own rules. */

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

/** Guesses whether a text is French or English from its function words; English when unsure. */
export function guessLanguage(text: string): TextLanguage {
  let french = 0;
  let english = 0;
  let seen = 0;
  for (let start = wordStart(text, 0); start < text.length; start = wordStart(text, start)) {
    const end = wordEnd(text, start);
    const word = text.slice(start, end).toLowerCase();
    start = end;
    if (FRENCH_MARKERS.has(word)) french += 1;
    else if (ENGLISH_MARKERS.has(word)) english += 1;
    if (++seen >= 400) break;
  }
  return french > english ? "fr" : "en";
}
