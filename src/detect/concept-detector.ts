/**
 * Concept detection: which concepts a text is about, with a score in [0, 1], the spans that mention them and
 * an explanation. One pass of dictionary spotting, then disambiguation and ranking by the context (coherence of
 * the candidates in the ontology and the concept links), commonness, specificity, frequency and position.
 * The formulas are written out in docs/DESIGN.md.
 */

import { guessLanguage, type TextLanguage } from "../text/language.js";
import { STOPWORDS as STOPWORD_KEYS } from "../text/stopwords.js";
import { type Token, tokenise } from "../text/tokenise.js";
import { treesMargin } from "./boosted-trees.js";
import {
  type ConceptMass,
  coherence,
  coherenceOf,
  type Relation,
  relatedMass,
  relationBetween,
} from "./coherence.js";
import {
  CONCEPT_FEATURES,
  type ConceptDictionary,
  type Surface,
  type TrieNode,
} from "./concept-dictionary.js";
import { SCORE_MODEL, SCORE_THRESHOLD } from "./score-model.js";

/** Where a concept is mentioned: offsets into the text, end exclusive. */
export interface Mention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Why a concept was detected. */
export interface Explanation {
  /** P(concept | surface) of its best mention. */
  readonly prior: number;
  /** How rare its best surface form is, in [0, 1]. */
  readonly specificity: number;
  /** Agreement with the text's other concepts, in [0, 1]. */
  readonly coherence: number;
  /** Other detected concepts that support it, and how they are related. */
  readonly supports: readonly { readonly id: string; readonly relation: Relation }[];
}

/** A detected concept. */
export interface DetectedConcept {
  readonly id: string;
  readonly name: string;
  readonly score: number;
  readonly mentions: readonly Mention[];
  readonly explanation: Explanation;
}

/** Options of `detectConcepts`. */
export interface DetectOptions {
  /** Keep concepts scoring at least this; default `DEFAULT_THRESHOLD`, range [0, 1]. */
  readonly threshold?: number;
  /** Return at most this many concepts, best first; default 50. */
  readonly limit?: number;
  /** The first `titleLength` characters of the text are its title: mentions there weigh more. Default 0. */
  readonly titleLength?: number;
  /** Report at most this many mentions per concept; default 20. */
  readonly maxMentions?: number;
  /** The text's language; default: guessed from its function words. French texts also match English cognates. */
  readonly lang?: TextLanguage;
}

/**
 * The features of a candidate concept that its score is computed from: what the text says of it, what is known
 * of the concept itself (`CONCEPT_FEATURES`), and the text's length and language.
 */
export const FEATURES = [
  "frequency",
  "specificity",
  "coherence",
  "coherenceShare",
  "prior",
  "early",
  "position",
  "multiword",
  "named",
  "capitalised",
  "containedOnly",
  "title",
  "candidates",
  "derived",
  "relativeFrequency",
  "relativeSpecificity",
  ...CONCEPT_FEATURES,
  "textLength",
  "french",
] as const;

/** A feature's name. */
export type Feature = (typeof FEATURES)[number];

// Where the concept's own features start, after those of the text's mentions.
const TEXT_FEATURES = FEATURES.indexOf(CONCEPT_FEATURES[0]);

// The text's features whose effect depends on the rest: a capital, a mention only inside longer ones, the number
// of candidates, initials.
const FREE_TEXT_FEATURES: ReadonlySet<Feature> = new Set<Feature>([
  "capitalised",
  "containedOnly",
  "candidates",
  "derived",
]);

/**
 * The features the score may only rise with: every feature of the text's mentions but the four above (more
 * mentions, rarer words, more support from the other concepts, a likelier sense, an earlier or longer or named
 * mention, one in the title). The fit keeps to them (monotone constraints), so that no corner of the evaluation
 * sets can teach the score that support lowers it.
 */
export const INCREASING: ReadonlySet<Feature> = new Set(
  FEATURES.slice(0, TEXT_FEATURES).filter((f) => !FREE_TEXT_FEATURES.has(f)),
);

const TITLE = FEATURES.indexOf("title");
const TEXT_LENGTH = FEATURES.indexOf("textLength");
const FRENCH = FEATURES.indexOf("french");

/**
 * What a mention in the title adds to the score's log-odds, set by hand: no evaluation text has a title, so the
 * fit cannot learn it (it was the logistic weight of the title before the trees, 2026-11-23).
 */
export const TITLE_BOOST = 1.2;

// A mention inside a longer mention ("T cell" in "T cell receptor") counts this much.
const CONTAINED_WEIGHT = 0.3;

/** A dictionary phrase met in a text: its first and last token, its surface and its weight (1, or less inside a longer one). */
export interface Spot {
  readonly first: number;
  readonly last: number;
  readonly surface: Surface;
  readonly weight: number;
}

interface Evidence {
  mentions: Mention[];
  frequency: number;
  prior: number;
  specificity: number;
  firstOffset: number;
  tokens: number;
  named: boolean;
  capitalised: boolean;
  /** True while every full (not contained) mention is a derived form (initials: "RNN"). */
  derivedOnly: boolean;
}

/** A candidate concept of a text with its features, before the threshold: for fitting and explaining. */
export interface ScoredCandidate {
  readonly concept: number;
  readonly features: readonly number[];
  readonly score: number;
  readonly evidence: Readonly<Evidence>;
  readonly coherence: number;
}

/** Detects the concepts of `dictionary` that `text` is about, best first. */
export function detectConcepts(
  dictionary: ConceptDictionary,
  text: string,
  options: DetectOptions = {},
): DetectedConcept[] {
  return readText(dictionary, text, options).concepts;
}

/** What one reading of `text` finds: the concepts it is about, every dictionary phrase met, its length in tokens. */
export interface TextReading {
  readonly concepts: DetectedConcept[];
  readonly spots: readonly Spot[];
  readonly tokens: number;
}

/** Detects the concepts of `text` as `detectConcepts` does, and keeps the spots and token count it read them from. */
export function readText(
  dictionary: ConceptDictionary,
  text: string,
  options: DetectOptions = {},
): TextReading {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const lang = options.lang ?? guessLanguage(text);
  const tokens = tokenise(text, lang);
  const spots = spotSurfaces(dictionary, tokens, lang);
  const kept = scoreSpots(dictionary, text, tokens, spots, lang, options)
    .filter((c) => c.score >= threshold)
    .map(
      (c): DetectedConcept => ({
        id: dictionary.ids[c.concept] ?? "",
        name: dictionary.names[c.concept] ?? "",
        score: c.score,
        mentions: c.evidence.mentions,
        explanation: {
          prior: c.evidence.prior,
          specificity: c.evidence.specificity,
          coherence: c.coherence,
          supports: [],
        },
      }),
    )
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, options.limit ?? 50);
  return { concepts: withSupports(dictionary, kept), spots, tokens: tokens.length };
}

/** The default threshold of `detectConcepts`, chosen by the fit with the model. */
export const DEFAULT_THRESHOLD = SCORE_THRESHOLD;

/** Every candidate concept of `text` with its features and score, unfiltered and unsorted. */
export function scoreCandidates(
  dictionary: ConceptDictionary,
  text: string,
  options: Pick<DetectOptions, "titleLength" | "maxMentions" | "lang"> = {},
): ScoredCandidate[] {
  const lang = options.lang ?? guessLanguage(text);
  const tokens = tokenise(text, lang);
  return scoreSpots(dictionary, text, tokens, spotSurfaces(dictionary, tokens, lang), lang, options);
}

/** The candidates of the spots found in `text`, scored (see `scoreCandidates`). */
function scoreSpots(
  dictionary: ConceptDictionary,
  text: string,
  tokens: readonly Token[],
  spots: readonly Spot[],
  lang: TextLanguage,
  options: Pick<DetectOptions, "titleLength" | "maxMentions">,
): ScoredCandidate[] {
  if (spots.length === 0) return [];
  const firstPass = massOf(spots, () => true);
  const chosen = spots.map((spot) => disambiguate(dictionary, spot, firstPass));
  const evidence = gatherEvidence(spots, chosen, tokens, text, options.maxMentions ?? 20);
  const mass: ConceptMass = new Map([...evidence].map(([c, e]) => [c, Math.min(1, e.frequency)]));
  let totalMass = 0;
  for (const m of mass.values()) totalMass += m;
  const best = { frequency: 0, specificity: 0 };
  for (const e of evidence.values()) {
    best.frequency = Math.max(best.frequency, e.frequency);
    best.specificity = Math.max(best.specificity, e.specificity);
  }
  const scored: ScoredCandidate[] = [];
  const textLength = Math.log1p(text.length);
  for (const [concept, e] of evidence) {
    const related = relatedMass(dictionary, concept, mass);
    const coh = coherenceOf(related);
    const share = related / (totalMass - (mass.get(concept) ?? 0) + 1);
    const features = featuresOf(e, coh, share, text, options.titleLength ?? 0, evidence.size, best);
    const row = concept * CONCEPT_FEATURES.length;
    for (let f = 0; f < CONCEPT_FEATURES.length; f += 1)
      features[TEXT_FEATURES + f] = dictionary.conceptFeatures[row + f] ?? 0;
    features[TEXT_LENGTH] = textLength;
    features[FRENCH] = lang === "fr" ? 1 : 0;
    scored.push({ concept, features, score: scoreOf(features), evidence: e, coherence: coh });
  }
  return scored;
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
    walk(dictionary, tokens, first, first, dictionary.root, here);
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
  node: TrieNode,
  here: Found[],
): void {
  let current = node;
  for (let i = at; i < tokens.length && i - first < dictionary.maxTokens; i += 1) {
    const token = tokens[i] as Token;
    const next = current.next;
    if (!next) return;
    if (token.cognate !== undefined) {
      branch(dictionary, tokens, first, i, next.get(token.key), here);
      branch(dictionary, tokens, first, i, next.get(token.cognate), here);
      return;
    }
    const child = next.get(token.key);
    if (!child) return;
    record(dictionary, tokens, first, i, child, here);
    current = child;
  }
}

/** Records the surface at `node`, if any, and walks on from it. */
function branch(
  dictionary: ConceptDictionary,
  tokens: readonly Token[],
  first: number,
  at: number,
  node: TrieNode | undefined,
  here: Found[],
): void {
  if (!node) return;
  record(dictionary, tokens, first, at, node, here);
  walk(dictionary, tokens, first, at + 1, node, here);
}

/** Records the surface at `node`, if any, as ending at token `last`. */
function record(
  dictionary: ConceptDictionary,
  tokens: readonly Token[],
  first: number,
  last: number,
  node: TrieNode,
  here: Found[],
): void {
  const surface = node.surface === undefined ? undefined : dictionary.surfaces[node.surface];
  if (surface) here.push({ last, surface: caseFiltered(surface, tokens, first, last) });
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
  walk(dictionary, reordered, 0, 0, dictionary.root, found);
  const full = found.find((f) => f.last === order.length - 1);
  const last = Math.max(...order);
  if (full && !here.some((h) => h.last === last)) here.push({ ...full, last });
}

/** True when some phrase of the dictionary starts with one of the token's keys. */
function startsPhrase(dictionary: ConceptDictionary, token: Token): boolean {
  const next = dictionary.root.next;
  if (!next) return false;
  return next.has(token.key) || (token.cognate !== undefined && next.has(token.cognate));
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

/** How much each concept is present: the sum over spots of prior × weight, capped at 1 per concept. */
function massOf(spots: readonly Spot[], keep: (spot: Spot, concept: number) => boolean): ConceptMass {
  const mass = new Map<number, number>();
  for (const spot of spots) {
    for (const c of spot.surface.candidates) {
      if (keep(spot, c.concept))
        mass.set(c.concept, Math.min(1, (mass.get(c.concept) ?? 0) + c.prior * spot.weight));
    }
  }
  return mass;
}

/**
 * The candidate of an ambiguous spot that best fits the context:
 * argmax prior × (0.25 + coherence + the candidate's own mass from the other spots).
 */
function disambiguate(dictionary: ConceptDictionary, spot: Spot, context: ConceptMass): number {
  const candidates = spot.surface.candidates;
  if (candidates.length === 1) return candidates[0]?.concept ?? -1;
  let best = -1;
  let bestValue = -1;
  for (const c of candidates) {
    const elsewhere = Math.max(0, (context.get(c.concept) ?? 0) - c.prior * spot.weight);
    const value = c.prior * (0.25 + coherence(dictionary, c.concept, context) + elsewhere);
    if (value > bestValue || (value === bestValue && c.concept < best)) {
      best = c.concept;
      bestValue = value;
    }
  }
  return best;
}

function gatherEvidence(
  spots: readonly Spot[],
  chosen: readonly number[],
  tokens: readonly Token[],
  text: string,
  maxMentions: number,
): Map<number, Evidence> {
  const evidence = new Map<number, Evidence>();
  spots.forEach((spot, i) => {
    const concept = chosen[i] ?? -1;
    const candidate = spot.surface.candidates.find((c) => c.concept === concept);
    if (!candidate) return;
    const start = tokens[spot.first]?.start ?? 0;
    const end = tokens[spot.last]?.end ?? start;
    let e = evidence.get(concept);
    if (!e) {
      const at = text.slice(start, end);
      e = {
        mentions: [],
        frequency: 0,
        prior: 0,
        specificity: 0,
        firstOffset: start,
        tokens: 0,
        named: false,
        derivedOnly: true,
        capitalised: /^\p{Lu}/u.test(at) && !isSentenceStart(text, start),
      };
      evidence.set(concept, e);
    }
    e.frequency += spot.weight;
    if (spot.weight === 1) {
      e.prior = Math.max(e.prior, candidate.prior);
      e.specificity = Math.max(e.specificity, spot.surface.specificity);
      e.tokens = Math.max(e.tokens, spot.surface.tokens);
      e.named ||= candidate.kind === "name";
      e.derivedOnly &&= candidate.kind === "derived";
    }
    e.firstOffset = Math.min(e.firstOffset, start);
    if (e.mentions.length < maxMentions) e.mentions.push({ start, end, text: text.slice(start, end) });
  });
  for (const e of evidence.values()) {
    // A concept seen only inside longer phrases still needs a prior and specificity to be scored.
    if (e.prior === 0) e.prior = CONTAINED_WEIGHT;
  }
  return evidence;
}

/** The feature vector of one candidate, in the order of FEATURES (docs/DESIGN.md, "Concept detection"). */
function featuresOf(
  e: Evidence,
  coh: number,
  share: number,
  text: string,
  titleLength: number,
  candidates: number,
  best: { readonly frequency: number; readonly specificity: number },
): number[] {
  const early = e.firstOffset < Math.max(200, 0.15 * text.length) ? 1 : 0;
  // Sized for every feature at once: the caller fills in the concept's and the text's.
  const x = new Array<number>(FEATURES.length).fill(0);
  x[0] = Math.log1p(e.frequency);
  x[1] = e.specificity;
  x[2] = coh;
  x[3] = share;
  x[4] = e.prior;
  x[5] = early;
  x[6] = 1 - e.firstOffset / Math.max(text.length, 1);
  x[7] = Math.min(Math.max(e.tokens - 1, 0), 3) / 3;
  x[8] = e.named ? 1 : 0;
  x[9] = e.capitalised ? 1 : 0;
  x[10] = e.tokens === 0 ? 1 : 0;
  x[11] = e.firstOffset < titleLength ? 1 : 0;
  x[12] = 1 / (1 + Math.log1p(candidates));
  x[13] = e.derivedOnly && e.tokens > 0 ? 1 : 0;
  x[14] = e.frequency / Math.max(best.frequency, 1e-9);
  x[15] = e.specificity / Math.max(best.specificity, 1e-9);
  return x;
}

/** σ(margin of the trees + the title's boost). */
function scoreOf(features: readonly number[]): number {
  const margin = treesMargin(SCORE_MODEL, features) + TITLE_BOOST * (features[TITLE] ?? 0);
  return 1 / (1 + Math.exp(-margin));
}

/** True when only spaces stand between `offset` and the start of the text or of a sentence. */
function isSentenceStart(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i -= 1) {
    const ch = text[i] ?? "";
    if (ch === " " || ch === "\t" || ch === '"' || ch === "(") continue;
    return ch === "." || ch === "!" || ch === "?" || ch === "\n" || ch === ":";
  }
  return true;
}

function withSupports(dictionary: ConceptDictionary, kept: readonly DetectedConcept[]): DetectedConcept[] {
  const numbers = kept.map((c) => dictionary.index.get(c.id) ?? -1);
  return kept.map((concept, i) => {
    const supports: { id: string; relation: Relation }[] = [];
    numbers.forEach((other, j) => {
      if (i === j || supports.length >= 5) return;
      const relation = relationBetween(dictionary, numbers[i] ?? -1, other);
      if (relation) supports.push({ id: kept[j]?.id ?? "", relation });
    });
    return { ...concept, explanation: { ...concept.explanation, supports } };
  });
}
