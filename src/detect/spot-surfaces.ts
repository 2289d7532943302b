/**
 * Spotting: every phrase of the concept dictionary in a text's tokens, in one left-to-right pass over the trie,
 * with French phrases also tried in English word order. A phrase inside a longer one is weakened.
 */
import type { TextLanguage, TextLanguages } from "../text/language.js";
import { STOPWORDS as STOPWORD_KEYS } from "../text/stopwords.js";
import { type Token, tokenise } from "../text/tokenise.js";
import type { ConceptDictionary } from "./concept-dictionary.js";
import { type Surface, surfaceAt, surfaceText } from "./surface-table.js";
import { TRIE_ROOT, trieChild, trieSurface } from "./surface-trie.js";

// A mention inside a longer mention ("T cell" in "T cell receptor") counts this much.
export const CONTAINED_WEIGHT = 0.3;

/** A dictionary phrase found in the tokens `first` to `last`, with the weight of its mentions. */
export interface Spot {
  readonly first: number;
  readonly last: number;
  readonly surface: Surface;
  readonly weight: number;
  /**
   * True when the text writes the phrase as an acronym (`acronymTokens`) but no candidate is one, and the form is
   * not the word as written: an inflection ("EELS" for Eel) or a name written in another case ("EDX" for EdX).
   */
  readonly miscased: boolean;
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
  const read: Reading = { dictionary, acronyms: acronymTokens(tokens) };
  for (let first = 0; first < tokens.length; first += 1) {
    const here: Found[] = [];
    walk(read, tokens, first, first, TRIE_ROOT, here);
    if (starts) spotFrenchOrder(read, tokens, first, starts, here);
    let longest = -1;
    for (const h of here) longest = Math.max(longest, h.last);
    const from = spots.length;
    for (const { last, surface, miscased } of here) {
      // The first surface found for a span wins: its own words before cognates.
      if (surface.candidates.length === 0 || hasSpotEnding(spots, from, last)) continue;
      const contained = last < longest || last <= coveredUntil;
      spots.push({ first, last, surface, weight: contained || miscased ? CONTAINED_WEIGHT : 1, miscased });
    }
    coveredUntil = Math.max(coveredUntil, longest);
  }
  return spots;
}

/**
 * The tokens of `text`, read as `lang`, and the dictionary phrases in them (`textLanguages` gives both of `languages`). A text written in another language
 * (`otherLanguage`: a Spanish MOOC, a German abstract) is read for the names and terms it quotes only: phrases of
 * two words or more ("Machine Learning", "Costa Rica") and, but in German, which capitalises every noun, a word
 * capitalised inside a sentence, not before a number (a heading: "Módulo 2"), and written as a candidate's name or
 * the dictionary's form is, case and accents too ("en Java", "de Google"; not "Apnea Del Sueño"). Its other words are
 * false friends of English ones ("módulo" is not Modulo, "del" not Del, "die" not Death). Every spot is given too, as
 * `context`: many words are true cognates ("variables", "algoritmos") and tell a quoted name's sense ("con Python"
 * among them is the language, not the snake).
 */
export function spotText(
  dictionary: ConceptDictionary,
  text: string,
  { lang, other }: TextLanguages,
): { tokens: Token[]; spots: Spot[]; context?: Spot[] } {
  const tokens = tokenise(text, lang);
  const spots = spotSurfaces(dictionary, tokens, lang);
  if (other === undefined) return { tokens, spots };
  const quoted = (s: Spot) => {
    if (s.last > s.first) return true;
    if (other === "german") return false;
    const token = tokens[s.first] as Token;
    return isNameInSentence(text, token) && isWrittenName(dictionary, s, text.slice(token.start, token.end));
  };
  return { tokens, spots: spots.filter(quoted), context: spots };
}

/**
 * True when `token` starts with a capital inside running text: after a comma or a word written in lower case (not a
 * sentence's start, a line's, a bullet, a bracket or a title's capitalised words: "Apnea Del Sueño"), and not before
 * a number (a heading: "Módulo 2").
 */
function isNameInSentence(text: string, token: Token): boolean {
  if (!/^\p{Lu}/u.test(text.slice(token.start, token.start + 2))) return false;
  let after = token.end;
  while (after < text.length && /\s/u.test(text[after] ?? "")) after += 1;
  if (/\p{N}/u.test(text[after] ?? "")) return false;
  let before = token.start - 1;
  while (before >= 0 && /[^\S\r\n]/u.test(text[before] ?? "")) before -= 1;
  if (text[before] === ",") return true;
  let first = before;
  while (first > 0 && /[\p{L}\p{M}]/u.test(text[first - 1] ?? "")) first -= 1;
  return first <= before && /\p{Ll}/u.test(text[first] ?? "");
}

/** True when `written` is how the dictionary writes spot `s`: its form as first seen, or a candidate's name. */
function isWrittenName(dictionary: ConceptDictionary, s: Spot, written: string): boolean {
  const form = written.normalize("NFC");
  if (surfaceText(dictionary.surfaces, s.surface.surface).normalize("NFC") === form) return true;
  return s.surface.candidates.some(
    (c) => (dictionary.names[c.concept] ?? "").replace(/\s*\(.*\)$/u, "").normalize("NFC") === form,
  );
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
  read: Reading,
  tokens: readonly Token[],
  first: number,
  at: number,
  node: number,
  here: Found[],
): void {
  const { dictionary } = read;
  let current = node;
  for (let i = at; i < tokens.length && i - first < dictionary.maxTokens; i += 1) {
    const token = tokens[i] as Token;
    if (token.cognate !== undefined) {
      branch(read, tokens, first, i, trieChild(dictionary.trie, current, token.key), here);
      branch(read, tokens, first, i, trieChild(dictionary.trie, current, token.cognate), here);
      return;
    }
    const child = trieChild(dictionary.trie, current, token.key);
    if (child < 0) return;
    record(read, tokens, first, i, child, here);
    current = child;
  }
}

/** Records the surface at `node`, if any, and walks on from it; nothing for no node (-1). */
function branch(
  read: Reading,
  tokens: readonly Token[],
  first: number,
  at: number,
  node: number,
  here: Found[],
): void {
  if (node < 0) return;
  record(read, tokens, first, at, node, here);
  walk(read, tokens, first, at + 1, node, here);
}

/** Records the surface at `node`, if any, as ending at token `last`. */
function record(
  read: Reading,
  tokens: readonly Token[],
  first: number,
  last: number,
  node: number,
  here: Found[],
): void {
  const surface = trieSurface(read.dictionary.trie, node);
  if (surface >= 0) here.push({ last, ...readCase(read, surface, tokens, first, last) });
}

/** A surface met in the trie, ending at token `last`. */
interface Found {
  readonly last: number;
  readonly surface: Surface;
  readonly miscased: boolean;
}

/** What a pass over one text's tokens reads with: the dictionary, and the tokens its case shows to be acronyms. */
interface Reading {
  readonly dictionary: ConceptDictionary;
  readonly acronyms: ReadonlySet<Token>;
}

const FRENCH_OF = new Set(["de", "des", "du", "d"]);
const FRENCH_ARTICLES = new Set(["la", "l", "le", "les"]);

/** French phrases in English word order from `first`: "A B" and "A B C" reversed, "A de (la) B" as "B A". */
function spotFrenchOrder(
  read: Reading,
  tokens: readonly Token[],
  first: number,
  starts: readonly boolean[],
  here: Found[],
): void {
  // Most words start no phrase: skip them before building anything.
  if (starts[first + 1]) tryOrder(read, tokens, [first + 1, first], here);
  if (starts[first + 2]) tryOrder(read, tokens, [first + 2, first + 1, first], here);
  if (FRENCH_OF.has(tokens[first + 1]?.key ?? "")) {
    const article = FRENCH_ARTICLES.has(tokens[first + 2]?.key ?? "") ? 1 : 0;
    if (starts[first + 2 + article]) tryOrder(read, tokens, [first + 2 + article, first], here);
  }
}

/** Records the surface that the tokens at `order`, in that order, form as a whole, if any. */
function tryOrder(read: Reading, tokens: readonly Token[], order: number[], here: Found[]): void {
  const reordered: Token[] = [];
  for (const i of order) {
    const token = tokens[i];
    if (!token || STOPWORD_KEYS.has(token.key)) return;
    reordered.push(token);
  }
  const found: Found[] = [];
  walk(read, reordered, 0, 0, TRIE_ROOT, found);
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

// A run of this many capitals words or more, one space apart, is a heading or shouting, not acronyms.
const CAPITALS_RUN = 3;

/**
 * The tokens whose capitals are informative, as acronyms: a word written in capitals ("EELS", "TEM", "CNNs") in a
 * text that has lower-case words, outside a run of `CAPITALS_RUN` capitals words ("COURSE OUTLINE AND GOALS"). A
 * text written all in capitals (a title) has none: its case says nothing.
 */
export function acronymTokens(tokens: readonly Token[]): ReadonlySet<Token> {
  const acronyms = new Set<Token>();
  if (!tokens.some((t) => t.upper) || !tokens.some(isLowerWord)) return acronyms;
  for (let i = 0; i < tokens.length; ) {
    if (!tokens[i]?.upper) {
      i += 1;
      continue;
    }
    let end = i + 1;
    while (
      end < tokens.length &&
      tokens[end]?.upper &&
      (tokens[end]?.start ?? 0) - (tokens[end - 1]?.end ?? 0) <= 1
    )
      end += 1;
    if (end - i < CAPITALS_RUN) for (let j = i; j < end; j += 1) acronyms.add(tokens[j] as Token);
    i = end;
  }
  return acronyms;
}

/** True for a word of two letters or more written with lower case. */
function isLowerWord(token: Token): boolean {
  return !token.upper && /\p{L}.*\p{L}/u.test(token.key);
}

/**
 * Surface `s` as the case of the tokens `first` to `last` reads it. Written with lower case there: without its
 * acronyms (which match capitals only). One acronym token (and numbers, "IL-6"): only its acronyms when it has any,
 * their priors renormalised (P(c | s written in capitals): "EELS" is not the fish) when one of them is a written form,
 * not only initials derived from names; when it has none, the spot is `miscased` unless the form is the word as
 * written ("LASER" for Laser).
 */
function readCase(
  read: Reading,
  s: number,
  tokens: readonly Token[],
  first: number,
  last: number,
): { surface: Surface; miscased: boolean } {
  const surface = surfaceAt(read.dictionary.surfaces, s);
  let lower = false;
  let acronym: Token | undefined;
  let capitals = 0;
  for (let i = first; i <= last; i += 1) {
    const token = tokens[i] as Token;
    if (!/\D/.test(token.key)) continue;
    if (!token.upper) lower = true;
    else capitals += 1;
    if (read.acronyms.has(token)) acronym = token;
  }
  const cased = surface.candidates.filter((c) => c.caseSensitive);
  if (lower) {
    if (cased.length === 0) return { surface, miscased: false };
    return {
      surface: { ...surface, candidates: surface.candidates.filter((c) => !c.caseSensitive) },
      miscased: false,
    };
  }
  if (acronym === undefined || capitals !== 1) return { surface, miscased: false };
  if (cased.length === 0)
    return { surface, miscased: !writtenAs(surfaceText(read.dictionary.surfaces, s), acronym) };
  if (cased.length === surface.candidates.length) return { surface, miscased: false };
  // Initials the dictionary derived from a name are a guess: alone, they keep the prior they had beside the words.
  const written = cased.some((c) => c.kind !== "derived");
  const total = written ? cased.reduce((sum, c) => sum + c.prior, 0) : 1;
  return {
    surface: { ...surface, candidates: cased.map((c) => ({ ...c, prior: c.prior / total })) },
    miscased: false,
  };
}

/**
 * True when `form`, a dictionary form, is the word of `token` as written: in capitals too ("MOSFET", a name too long
 * to be taken as an acronym), or as many letters and an ordinary word (no capital after its first letter, unlike
 * "EdX"), as "Laser" is "LASER" and "Rf." "RF"; not an inflection ("Eel" for "EELS").
 */
function writtenAs(form: string, token: Token): boolean {
  if (!/\p{Ll}/u.test(form)) return true;
  const letters = form.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  return letters === token.end - token.start && !/\p{L}\p{Lu}/u.test(form);
}
