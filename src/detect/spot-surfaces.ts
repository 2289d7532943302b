/**
 * Spotting: every phrase of the concept dictionary in a text's tokens, in one left-to-right pass over the trie,
 * with French phrases also tried in English word order. A phrase inside a longer one is weakened.
 */
import type { TextLanguage } from "../text/language.js";
import { STOPWORDS as STOPWORD_KEYS } from "../text/stopwords.js";
import type { Token } from "../text/tokenise.js";
import type { ConceptDictionary } from "./concept-dictionary.js";
import { type Surface, surfaceAt } from "./surface-table.js";
import { TRIE_ROOT, trieChild, trieSurface } from "./surface-trie.js";

// A mention inside a longer mention ("T cell" in "T cell receptor") counts this much.
export const CONTAINED_WEIGHT = 0.3;

/** A dictionary phrase found in the tokens `first` to `last`, with the weight of its mentions. */
export interface Spot {
  readonly first: number;
  readonly last: number;
  readonly surface: Surface;
  readonly weight: number;
}

/**
 * Every dictionary phrase in the tokens, in one left-to-right pass; contained phrases are weakened. Each token
 * matches by its key or (French) by its English cognate; French texts also try two- and three-word phrases in
 * English order ("espace vectoriel" → "vector space", "théorie des graphes" →
 * "graph theory").
 */
export function spotSurfaces(
  dictionary: ConceptDictionary,
  tokens: readonly Token[],
  lang?: TextLanguage,
): Spot[] {
  const spots: Spot[] = [];
  let coveredUntil = -1;
  const starts = lang === "fr" ? tokens.map((token) => startsPhrase(dictionary, token)) : undefined;
  for (let first = 0; first < tokens.length; first += 1) {
    const here: Found[] = [];
    walk(dictionary, tokens, first, first, TRIE_ROOT, here);
    if (starts) spotFrenchOrder(dictionary, tokens, first, starts, here);
    let longest = -1;
    for (const h of here) longest = Math.max(longest, h.last);
    const from = spots.length;
    for (const { last, surface } of here) {
      // The first surface found for a span wins: its own words before cognates.
      if (surface.candidates.length === 0 || hasSpotEnding(spots, from, last)) continue;
      const contained = last < longest || last <= coveredUntil;
      spots.push({ first, last, surface, weight: contained ? CONTAINED_WEIGHT : 1 });
    }
    coveredUntil = Math.max(coveredUntil, longest);
  }
  return spots;
}

/** True when a spot from `spots[from]` on ends at token `last`. */
function hasSpotEnding(spots: readonly Spot[], from: number, last: number): boolean {
  for (let i = from; i < spots.length; i += 1) if (spots[i]?.last === last) return true;
  return false;
}

/**
 * Walks the trie from `tokens[at]`, recording surfaces met; a token with an English cognate (French) branches
 * depth-first, its own key first.
 */
function walk(
  dictionary: ConceptDictionary,
  tokens: readonly Token[],
  first: number,
  at: number,
  node: number,
  here: Found[],
): void {
  let current = node;
  for (let i = at; i < tokens.length && i - first < dictionary.maxTokens; i += 1) {
    const token = tokens[i] as Token;
    if (token.cognate !== undefined) {
      branch(dictionary, tokens, first, i, trieChild(dictionary.trie, current, token.key), here);
      branch(dictionary, tokens, first, i, trieChild(dictionary.trie, current, token.cognate), here);
      return;
    }
    const child = trieChild(dictionary.trie, current, token.key);
    if (child < 0) return;
    record(dictionary, tokens, first, i, child, here);
    current = child;
  }
}

/** Records the surface at `node`, if any, and walks on from it; nothing for no node (-1). */
function branch(
  dictionary: ConceptDictionary,
  tokens: readonly Token[],
  first: number,
  at: number,
  node: number,
  here: Found[],
): void {
  if (node < 0) return;
  record(dictionary, tokens, first, at, node, here);
  walk(dictionary, tokens, first, at + 1, node, here);
}

/** Records the surface at `node`, if any, as ending at token `last`. */
function record(
  dictionary: ConceptDictionary,
  tokens: readonly Token[],
  first: number,
  last: number,
  node: number,
  here: Found[],
): void {
  const surface = trieSurface(dictionary.trie, node);
  if (surface >= 0)
    here.push({ last, surface: caseFiltered(surfaceAt(dictionary.surfaces, surface), tokens, first, last) });
}

/** A surface met in the trie, ending at token `last`. */
interface Found {
  readonly last: number;
  readonly surface: Surface;
}

const FRENCH_OF = new Set(["de", "des", "du", "d"]);
const FRENCH_ARTICLES = new Set(["la", "l", "le", "les"]);

/** French phrases in English word order from `first`: "A B" and "A B C" reversed, "A de (la) B" as "B A". */
function spotFrenchOrder(
  dictionary: ConceptDictionary,
  tokens: readonly Token[],
  first: number,
  starts: readonly boolean[],
  here: Found[],
): void {
  // Most words start no phrase: skip them before building anything.
  if (starts[first + 1]) tryOrder(dictionary, tokens, [first + 1, first], here);
  if (starts[first + 2]) tryOrder(dictionary, tokens, [first + 2, first + 1, first], here);
  if (FRENCH_OF.has(tokens[first + 1]?.key ?? "")) {
    const article = FRENCH_ARTICLES.has(tokens[first + 2]?.key ?? "") ? 1 : 0;
    if (starts[first + 2 + article]) tryOrder(dictionary, tokens, [first + 2 + article, first], here);
  }
}

/** Records the surface that the tokens at `order`, in that order, form as a whole, if any. */
function tryOrder(
  dictionary: ConceptDictionary,
  tokens: readonly Token[],
  order: number[],
  here: Found[],
): void {
  const reordered: Token[] = [];
  for (const i of order) {
    const token = tokens[i];
    if (!token || STOPWORD_KEYS.has(token.key)) return;
    reordered.push(token);
  }
  const found: Found[] = [];
  walk(dictionary, reordered, 0, 0, TRIE_ROOT, found);
  const full = found.find((f) => f.last === order.length - 1);
  const last = Math.max(...order);
  if (full && !here.some((h) => h.last === last)) here.push({ ...full, last });
}

/** True when some phrase of the dictionary starts with one of the token's keys. */
function startsPhrase(dictionary: ConceptDictionary, token: Token): boolean {
  const { trie } = dictionary;
  return (
    trieChild(trie, TRIE_ROOT, token.key) >= 0 ||
    (token.cognate !== undefined && trieChild(trie, TRIE_ROOT, token.cognate) >= 0)
  );
}

/** The surface without its case-sensitive candidates when the text has lower-case letters there. */
function caseFiltered(surface: Surface, tokens: readonly Token[], first: number, last: number): Surface {
  if (!surface.candidates.some((c) => c.caseSensitive)) return surface;
  let lower = false;
  for (let i = first; i <= last; i += 1)
    lower ||= !(tokens[i]?.upper ?? false) && /\D/.test(tokens[i]?.key ?? "");
  if (!lower) return surface;
  return { ...surface, candidates: surface.candidates.filter((c) => !c.caseSensitive) };
}
