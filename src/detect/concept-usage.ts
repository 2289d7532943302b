/**
 * How often the corpus itself names each concept: for each record type of `USAGE_TYPES`, the share of that type's
 * records whose text mentions the concept, and for each type of `KEYWORD_TYPES`, the share of that type's records
 * with keywords that have the concept as a keyword. A concept that many lecture titles or course texts name
 * ("Logistic regression") is more likely to be what a text is about than one only publications name, and one no
 * record names is more likely a chance match. A concept that authors choose as a keyword ("Fourier transform") is
 * more likely a topic than one they never choose ("Student"): the keyphraseness of keyword extraction, measured on
 * the corpus's own keywords. The score learns how much each type counts (docs/DESIGN.md, "Concept detection").
 */
import { spotSurfaces } from "./concept-detector.js";
import {
  CONCEPT_FEATURES,
  type ConceptDictionary,
  coarse,
  KEYWORD_OFFSET,
  KEYWORD_TYPES,
  USAGE_OFFSET,
  USAGE_TYPES,
} from "./concept-dictionary.js";
import { keywordConcept } from "./keyword-concept.js";
import { guessLanguage, tokenise } from "./text-normalise.js";

/** A candidate needs a prior above this for a mention to count as naming it: likelier than all others together. */
const DOMINANT_PRIOR = 0.5;

// Shares are smoothed towards one record in 10,000 as if 10,000 more records had been read, and never go below it:
// in a corpus of a few dozen courses one mention is not a 3 % share, and a concept no record names, or a type with
// no records, gets the same value whatever the corpus's size (the trees learn from that value).
const PRIOR_SHARE = 0.000_1;
const PRIOR_RECORDS = 10_000;

/** What `measureUsage` reads, by record type: the texts of its records, and the keywords of those that have any. */
export interface CorpusUsage {
  readonly texts: ReadonlyMap<string, readonly string[]>;
  readonly keywords?: ReadonlyMap<string, readonly (readonly string[])[]>;
}

/**
 * The dictionary with its usage and keyword features measured on `corpus`: the coarse log of the smoothed share of
 * records naming the concept. A record's text names a concept when a mention that no longer mention contains may
 * mean it with a prior above 0.5; its keywords name the concept that a keyword is, as a whole, a name of.
 */
export function measureUsage(dictionary: ConceptDictionary, corpus: CorpusUsage): ConceptDictionary {
  const rows = Float32Array.from(dictionary.conceptFeatures);
  const width = CONCEPT_FEATURES.length;
  const write = (column: number, counts: Uint32Array, records: number) => {
    const n = records + PRIOR_RECORDS;
    for (let c = 0; c < counts.length; c += 1) {
      const share = ((counts[c] ?? 0) + PRIOR_SHARE * PRIOR_RECORDS) / n;
      rows[c * width + column] = coarse(Math.log(Math.max(PRIOR_SHARE, share)));
    }
  };
  const named = new Set<number>();
  const count = (counts: Uint32Array) => {
    for (const c of named) counts[c] = (counts[c] ?? 0) + 1;
    named.clear();
  };
  USAGE_TYPES.forEach((type, t) => {
    const records = corpus.texts.get(type) ?? [];
    const counts = new Uint32Array(dictionary.ids.length);
    for (const text of records) {
      const lang = guessLanguage(text);
      for (const spot of spotSurfaces(dictionary, tokenise(text, lang), lang)) {
        if (spot.weight < 1) continue;
        for (const c of spot.surface.candidates) if (c.prior > DOMINANT_PRIOR) named.add(c.concept);
      }
      count(counts);
    }
    write(USAGE_OFFSET + t, counts, records.length);
  });
  const none = new Set<number>();
  KEYWORD_TYPES.forEach((type, t) => {
    const records = corpus.keywords?.get(type) ?? [];
    const counts = new Uint32Array(dictionary.ids.length);
    for (const keywords of records) {
      for (const keyword of keywords) {
        const concept = keywordConcept(dictionary, keyword, none);
        if (concept !== undefined) named.add(concept);
      }
      count(counts);
    }
    write(KEYWORD_OFFSET + t, counts, records.length);
  });
  return { ...dictionary, conceptFeatures: rows };
}
