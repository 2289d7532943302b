/**
 * How often the corpus itself names each concept: for each record type of `USAGE_TYPES`, the share of that type's
 * records whose text mentions the concept. A concept that many lecture titles or course texts name ("Logistic
 * regression") is more likely to be what a text is about than one only publications name, and one no record names
 * is more likely a chance match; the score learns how much each type counts (docs/EXPERIMENTS.md, "Concept detection").
 */

import { sharedFloat32 } from "../core/shared-arrays.js";
import { guessLanguage } from "../text/language.js";
import { tokenise } from "../text/tokenise.js";
import {
  CONCEPT_FEATURES,
  type ConceptDictionary,
  coarse,
  USAGE_OFFSET,
  USAGE_TYPES,
} from "./concept-dictionary.js";
import { spotSurfaces } from "./spot-surfaces.js";

/** A candidate needs a prior above this for a mention to count as naming it: likelier than all others together. */
const DOMINANT_PRIOR = 0.5;

// Shares are smoothed towards one record in 10,000 as if 10,000 more records had been read, and never go below it:
// in a corpus of a few dozen courses one mention is not a 3 % share, and a concept no record names, or a type with
// no records, gets the same value whatever the corpus's size (the trees learn from that value).
const PRIOR_SHARE = 0.000_1;
const PRIOR_RECORDS = 10_000;

/**
 * The dictionary with its usage features measured on `texts` (record type → the texts of its records): the coarse
 * log of the smoothed share of records naming the concept. A record names a concept when a mention that no longer
 * mention contains may mean it with a prior above 0.5.
 */
export function measureUsage(
  dictionary: ConceptDictionary,
  texts: ReadonlyMap<string, readonly string[]>,
): ConceptDictionary {
  const rows = sharedFloat32(dictionary.conceptFeatures.length);
  rows.set(dictionary.conceptFeatures);
  const width = CONCEPT_FEATURES.length;
  USAGE_TYPES.forEach((type, t) => {
    const records = texts.get(type) ?? [];
    const counts = new Uint32Array(dictionary.ids.length);
    const named = new Set<number>();
    for (const text of records) {
      named.clear();
      const lang = guessLanguage(text);
      for (const spot of spotSurfaces(dictionary, tokenise(text, lang), lang)) {
        if (spot.weight < 1) continue;
        for (const c of spot.surface.candidates) if (c.prior > DOMINANT_PRIOR) named.add(c.concept);
      }
      for (const c of named) counts[c] = (counts[c] ?? 0) + 1;
    }
    const n = records.length + PRIOR_RECORDS;
    for (let c = 0; c < counts.length; c += 1) {
      const share = ((counts[c] ?? 0) + PRIOR_SHARE * PRIOR_RECORDS) / n;
      rows[c * width + USAGE_OFFSET + t] = coarse(Math.log(Math.max(PRIOR_SHARE, share)));
    }
  });
  return { ...dictionary, conceptFeatures: rows };
}
