/**
 * The search side of `text/tokenise.ts`: a text as the space-separated keys the index holds, and a
 * name as its match and prefix keys. French text also yields each word's English cognate key, so that a query
 * in either language meets a record in the other.
 */
import type { TextLanguage } from "../text/language.js";
import { tokenise } from "../text/tokenise.js";
import { foldWord } from "../text/word-key.js";

/** The matching keys of `text` joined by spaces, French cognates right after their word. */
export function textKeys(text: string, lang?: string): string {
  const keys: string[] = [];
  for (const token of tokenise(text, asTextLanguage(lang))) {
    keys.push(token.key);
    if (token.cognate !== undefined) keys.push(token.cognate);
  }
  return keys.join(" ");
}

/** The stemmed keys of a name joined by one space: two names with equal match keys are the same name. */
export function matchKey(name: string): string {
  return tokenise(name)
    .map((t) => t.key)
    .join(" ");
}

/** The folded, unstemmed words of a name joined by one space, which autocomplete matches prefixes of. */
export function prefixKey(name: string): string {
  return tokenise(name)
    .map((t) => foldWord(name.slice(t.start, t.end)))
    .join(" ");
}

/** `lang` when it is a language with its own rules ("en", "fr"), else undefined. */
export function asTextLanguage(lang: string | undefined): TextLanguage | undefined {
  return lang === "en" || lang === "fr" ? lang : undefined;
}
