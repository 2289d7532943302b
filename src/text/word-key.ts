/**
 * The matching key of one word, the same on both sides of every match (names, texts, queries): case, accents and
 * ligatures folded, English and French plurals reduced by a light stemmer.
 */

const ASCII = /^[\x20-\x7e]*$/;
const COMBINING = /\p{M}/gu;

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
