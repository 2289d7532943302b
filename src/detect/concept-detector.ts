/**
 * Concept detection: which concepts a text is about, with a score in [0, 1], the spans that mention them and
 * an explanation. One pass of dictionary spotting (`spot-surfaces.ts`), then disambiguation and ranking by the
 * context (`candidate-evidence.ts`: coherence of the candidates in the ontology and the concept links,
 * commonness, specificity, frequency and position). The formulas: docs/DESIGN.md, in full docs/EXPERIMENTS.md.
 */

import { type TextLanguage, textLanguages } from "../text/language.js";
import type { Token } from "../text/tokenise.js";
import {
  disambiguate,
  type Evidence,
  FRENCH,
  featuresOf,
  gatherEvidence,
  massOf,
  scoreOf,
  TEXT_FEATURES,
  TEXT_LENGTH,
} from "./candidate-evidence.js";
import { type ConceptMass, coherenceOf, type Relation, relatedMass, relationBetween } from "./coherence.js";
import { CONCEPT_FEATURES, type ConceptDictionary } from "./concept-dictionary.js";
import type { DetectedConcept, DetectOptions } from "./detected-concept.js";
import { SCORE_THRESHOLD } from "./score-model.js";
import { type Spot, spotText } from "./spot-surfaces.js";

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
  const languages = textLanguages(text, options.lang);
  const { lang } = languages;
  const { tokens, spots, context } = spotText(dictionary, text, languages);
  const kept = scoreQuoted(dictionary, text, tokens, { spots, context }, lang, options)
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
  const languages = textLanguages(text, options.lang);
  const { lang } = languages;
  const { tokens, spots, context } = spotText(dictionary, text, languages);
  return scoreQuoted(dictionary, text, tokens, { spots, context }, lang, options);
}

/**
 * The candidates of `spots`, scored with every spot of `context` (a text in another language: its words too, see
 * `spotText`) read as the text around them: a concept that only the context's words name is not a candidate.
 */
function scoreQuoted(
  dictionary: ConceptDictionary,
  text: string,
  tokens: readonly Token[],
  { spots, context }: { spots: readonly Spot[]; context?: readonly Spot[] | undefined },
  lang: TextLanguage,
  options: Pick<DetectOptions, "titleLength" | "maxMentions">,
): ScoredCandidate[] {
  if (context === undefined) return scoreSpots(dictionary, text, tokens, spots, lang, options);
  const quoted = new Set<number>();
  for (const spot of spots) for (const c of spot.surface.candidates) quoted.add(c.concept);
  return scoreSpots(dictionary, text, tokens, context, lang, options).filter((c) => quoted.has(c.concept));
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
