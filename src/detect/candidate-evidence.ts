/**
 * From spots to scores: how much each candidate concept is present, which sense a spot takes in the context,
 * the evidence gathered per concept, its feature vector (`FEATURES`) and the score the model gives it.
 */

import type { Token } from "../text/tokenise.js";
import { treesMargin } from "./boosted-trees.js";
import { type ConceptMass, coherence } from "./coherence.js";
import { CONCEPT_FEATURES, type ConceptDictionary } from "./concept-dictionary.js";
import type { Mention } from "./detected-concept.js";
import { SCORE_MODEL } from "./score-model.js";
import { CONTAINED_WEIGHT, type Spot } from "./spot-surfaces.js";

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
export const TEXT_FEATURES = FEATURES.indexOf(CONCEPT_FEATURES[0]);

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
export const TEXT_LENGTH = FEATURES.indexOf("textLength");
export const FRENCH = FEATURES.indexOf("french");

/**
 * What a mention in the title adds to the score's log-odds, set by hand: no evaluation text has a title, so the
 * fit cannot learn it (it was the logistic weight of the title before the trees, 2026-11-23).
 */
export const TITLE_BOOST = 1.2;

/** What the text says of one candidate concept. */
export interface Evidence {
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

/** How much each concept is present: the sum over spots of prior × weight, capped at 1 per concept. */
export function massOf(spots: readonly Spot[], keep: (spot: Spot, concept: number) => boolean): ConceptMass {
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
export function disambiguate(dictionary: ConceptDictionary, spot: Spot, context: ConceptMass): number {
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

export function gatherEvidence(
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

/** The feature vector of one candidate, in the order of FEATURES (docs/EXPERIMENTS.md, "Concept detection"). */
export function featuresOf(
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
export function scoreOf(features: readonly number[]): number {
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
