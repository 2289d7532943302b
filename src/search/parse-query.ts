/**
 * A raw search box text as a query: cleaned (control characters out, trimmed, cut to a bounded length),
 * tokenised like the index (folded, stemmed, French cognates as alternatives), never FTS syntax.
 */
import { isContentKey, NO_TRANSLATIONS, type TranslationTable } from "../text/learn-translations.js";
import { STOPWORDS } from "../text/stopwords.js";
import { type Token, tokenise } from "../text/tokenise.js";
import { asTextLanguage } from "./search-keys.js";
import { translateQuery } from "./translate-query.js";

/** The longest query text kept, in characters after trimming; longer text is cut, not refused. */
export const MAX_QUERY_CHARS = 1_000;
/** The most words a query matches on; later words are ignored (a search box, not a document). */
export const MAX_QUERY_WORDS = 32;
/** The longest text tried as a record id. */
export const MAX_ID_CHARS = 512;

/** A parsed query. */
export interface ParsedQuery {
  /** The cleaned text. */
  readonly text: string;
  /**
   * One group per distinct word: its key, then, when the query is read as French, its English cognate (unless the
   * corpus shows it made up) and the English words the corpus's bilingual records translate it by.
   */
  readonly groups: readonly (readonly string[])[];
  /** Keys of one-letter words typed in capitals ("T" in "T cells", "I" in "Analysis I"): they stay required. */
  readonly capitals: readonly string[];
  /** The stemmed keys joined by one space, compared with names' match keys. */
  readonly matchKey: string;
  /**
   * English forms of the match key, compared with names too: each French word replaced by its English cognate or
   * learned translation, a learned phrase's English ("machine learning"); none equal to `matchKey`.
   */
  readonly englishKeys: readonly string[];
  /** The cleaned text when it could be a record id (one word, no spaces), else undefined. */
  readonly idCandidate?: string;
}

// Control characters (C0, DEL, C1) and the Unicode line and paragraph separators become spaces.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Cleans a raw text: control characters become spaces, ends trimmed, cut to `MAX_QUERY_CHARS`. */
export function cleanQueryText(raw: string): string {
  const text = raw.replace(CONTROL, " ").trim();
  return text.length > MAX_QUERY_CHARS ? text.slice(0, MAX_QUERY_CHARS).trimEnd() : text;
}

// Letters only French spells with among the languages searched: "énergie" typed in the English interface is French.
const FRENCH_LETTERS = /[àâæçéèêëîïôœùûüÿ]/i;

/**
 * Parses a search box text; `lang` ("en", "fr") only sharpens French, both languages always match. A text with
 * French accents is read as French whatever `lang` says ("énergie solaire" typed in the English interface gets
 * "solar energy" as well), and so is a text without `lang` (a bilingual campus types either) or one whose words
 * are mostly French words of `translations` ("apprentissage automatique" without accents); `translations` are used
 * for text read as French.
 */
export function parseQuery(
  raw: string,
  lang?: string,
  translations: TranslationTable = NO_TRANSLATIONS,
): ParsedQuery {
  const text = cleanQueryText(raw);
  let readAs = FRENCH_LETTERS.test(text) ? "fr" : (asTextLanguage(lang) ?? "fr");
  let tokens = tokenise(text, readAs);
  if (readAs === "en" && saysFrench(tokens, translations)) {
    readAs = "fr";
    tokens = tokenise(text, readAs);
  }
  const translated = translateQuery(tokens, readAs === "fr" ? translations : NO_TRANSLATIONS);
  const groups: string[][] = [];
  const seen = new Set<string>();
  tokens.forEach((token, i) => {
    if (seen.has(token.key) || groups.length >= MAX_QUERY_WORDS) return;
    seen.add(token.key);
    groups.push([token.key, ...(translated.alternatives[i] ?? [])]);
  });
  const matchKey = tokens.map((t) => t.key).join(" ");
  const oneWord = text !== "" && !/\s/.test(text) && text.length <= MAX_ID_CHARS;
  const capitals = tokens
    .filter((t) => t.key.length === 1 && /^\p{Lu}$/u.test(text.slice(t.start, t.end)))
    .map((t) => t.key);
  return {
    text,
    groups,
    capitals,
    matchKey,
    englishKeys: translated.englishKeys,
    ...(oneWord ? { idCandidate: text } : {}),
  };
}

/**
 * True when at least half of the content words of `tokens` are French words the table translates, or begin a French
 * phrase it translates: such words are used more in the corpus's French texts than in its English ones.
 */
function saysFrench(tokens: readonly Token[], translations: TranslationTable): boolean {
  const content = tokens.filter((t) => isContentKey(t.key));
  if (content.length === 0 || translations.words.size === 0) return false;
  const french = content.filter(
    (t, i) =>
      translations.words.has(t.key) ||
      translations.phrases.has(`${t.key} ${content[i + 1]?.key}`) ||
      translations.phrases.has(`${content[i - 1]?.key} ${t.key}`),
  );
  return french.length * 2 >= content.length;
}

/**
 * The groups every hit must match: words of one or two letters ("an", "fo") and function words ("the", "des")
 * are left optional when the query has other words, since they are often typos or words records do not
 * repeat, and reading their long lists of documents is what makes a query slow — except a one-letter word typed
 * in capitals (`capitals`), which names something: "T cells" are not just "cells".
 */
export function requiredGroups(
  groups: readonly (readonly string[])[],
  capitals: readonly string[] = [],
): readonly (readonly string[])[] {
  const content = groups.filter((g) => {
    const word = g[0] ?? "";
    const named = capitals.includes(word) && !STOPWORDS.has(word);
    return named || /^\d+$/.test(word) || (word.length > 2 && !STOPWORDS.has(word));
  });
  return content.length > 0 ? content : groups;
}
