/**
 * Highlighted snippets: the words of a text whose keys the query holds wrapped in `<mark>`, everything else
 * HTML-escaped, cut to a window around the first match.
 */
import { matchingTokens } from "../text/tokenise.js";

/** A highlighted piece of text. */
export interface Highlight {
  /** HTML: escaped text with matches in `<mark>…</mark>`. */
  readonly html: string;
  /** How many words matched. */
  readonly matches: number;
}

/** Characters of context kept before the first match. */
const LEAD = 60;

/**
 * Highlights the words of `text` whose key is in `keys`, within at most `maxChars` characters of the text
 * (from a little before the first match; "…" marks a cut).
 */
export function highlightText(text: string, keys: ReadonlySet<string>, maxChars: number): Highlight {
  const hits = matchingTokens(text, keys);
  const first = hits[0];
  let start = first === undefined || first.end <= maxChars ? 0 : wordStart(text, first.start - LEAD);
  let end = Math.min(text.length, start + maxChars);
  if (end < text.length) end = wordEnd(text, end);
  if (end - start > maxChars + 20) start = Math.max(0, end - maxChars);
  let html = start > 0 ? "…" : "";
  let at = start;
  let matches = 0;
  for (const hit of hits) {
    if (hit.start < start || hit.end > end) continue;
    html += `${escapeHtml(text.slice(at, hit.start))}<mark>${escapeHtml(text.slice(hit.start, hit.end))}</mark>`;
    at = hit.end;
    matches += 1;
  }
  html += escapeHtml(text.slice(at, end));
  if (end < text.length) html += "…";
  return { html, matches };
}

/** Escapes the five HTML special characters. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

// The start of the word at or after `offset`, so a snippet does not begin mid-word.
function wordStart(text: string, offset: number): number {
  if (offset <= 0) return 0;
  const space = text.indexOf(" ", offset);
  return space === -1 ? offset : space + 1;
}

// The end of the word at `offset`, unless that word runs on for long.
function wordEnd(text: string, offset: number): number {
  const space = text.indexOf(" ", offset);
  return space === -1 || space - offset > 20 ? offset : space;
}
