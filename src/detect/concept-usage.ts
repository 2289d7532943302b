/**
 * How often the corpus itself names each concept: for each record type of `USAGE_TYPES`, the share of that type's
 * records whose text mentions the concept. A concept that many lecture titles or course texts name ("Logistic
 * regression") is more likely to be what a text is about than one only publications name, and one no record names
 * is more likely a chance match; the score learns how much each type counts (docs/EXPERIMENTS.md, "Concept detection").
 */

import { sharedFloat32, sharedFloat64 } from "../core/shared-arrays.js";
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
import { isDerivedAt, type SurfaceTable } from "./surface-table.js";

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
 * mention contains may mean it with a prior above 0.5. The same pass counts what `acronymPriors` weighs acronyms by.
 */
export function measureUsage(
  dictionary: ConceptDictionary,
  texts: ReadonlyMap<string, readonly string[]>,
): ConceptDictionary {
  const rows = sharedFloat32(dictionary.conceptFeatures.length);
  rows.set(dictionary.conceptFeatures);
  const width = CONCEPT_FEATURES.length;
  const recordsNaming = new Uint32Array(dictionary.ids.length);
  const spottedAcronyms = new Uint32Array(dictionary.surfaces.tokens.length);
  USAGE_TYPES.forEach((type, t) => {
    const records = texts.get(type) ?? [];
    const counts = new Uint32Array(dictionary.ids.length);
    const named = new Set<number>();
    const namedInFull = new Set<number>();
    const acronyms = new Set<number>();
    for (const text of records) {
      named.clear();
      namedInFull.clear();
      acronyms.clear();
      const lang = guessLanguage(text);
      // Every word of every text, in whatever language: how common a form is in the corpus at large, false
      // friends included (`spotText`, which detection reads with, drops a foreign text's single words).
      for (const spot of spotSurfaces(dictionary, tokenise(text, lang), lang)) {
        if (spot.weight < 1) continue;
        for (const c of spot.surface.candidates) {
          if (c.prior <= DOMINANT_PRIOR) continue;
          named.add(c.concept);
          if (c.kind !== "derived") namedInFull.add(c.concept);
        }
        if (spot.surface.candidates.some((c) => c.kind === "derived")) acronyms.add(spot.surface.surface);
      }
      for (const c of named) counts[c] = (counts[c] ?? 0) + 1;
      for (const c of namedInFull) recordsNaming[c] = (recordsNaming[c] ?? 0) + 1;
      for (const s of acronyms) spottedAcronyms[s] = (spottedAcronyms[s] ?? 0) + 1;
    }
    const n = records.length + PRIOR_RECORDS;
    for (let c = 0; c < counts.length; c += 1) {
      const share = ((counts[c] ?? 0) + PRIOR_SHARE * PRIOR_RECORDS) / n;
      rows[c * width + USAGE_OFFSET + t] = coarse(Math.log(Math.max(PRIOR_SHARE, share)));
    }
  });
  return {
    ...dictionary,
    conceptFeatures: rows,
    surfaces: {
      ...dictionary.surfaces,
      prior: acronymPriors(dictionary.surfaces, recordsNaming, spottedAcronyms),
    },
  };
}

/**
 * How often, at the least, the corpus must name a concept in full for each record that writes its initials, for the
 * initials to keep meaning it (with one of each added, so that a small corpus decides nothing).
 */
const DERIVED_SUPPORT = 0.1;

/**
 * The candidates' priors, with the acronyms' weighed by what the corpus's own texts show. Initials that the
 * dictionary derives from a name ("HMM" from "Heavy metal music") are a guess: the guess is dropped when the corpus
 * writes the initials in many records but the name in few, (1 + records naming c) / (1 + records writing the
 * initials) < DERIVED_SUPPORT ("EPFL" is not "Ex post facto law"). Then the senses of an ambiguous acronym are weighed
 * by how often the corpus names each unambiguously, P(c | acronym) ∝ prior(c) · (1 + records naming c): at a
 * technical university "HMM" is the hidden Markov model and "PCA" principal component analysis, as its texts show by
 * naming them in full. A form that is also a word ("eels") weighs its acronyms' senses so within the share they
 * have ("EELS": the spectroscopy, not energy-efficient landscaping). Other surfaces keep their priors.
 */
export function acronymPriors(
  table: SurfaceTable,
  namedInFull: Uint32Array,
  spotted: Uint32Array,
): Float64Array {
  const prior = sharedFloat64(table.prior.length);
  prior.set(table.prior);
  const inFull = (c: number) => namedInFull[table.concept[c] ?? 0] ?? 0;
  for (let s = 0; s + 1 < table.candidateStart.length; s += 1) {
    const start = table.candidateStart[s] ?? 0;
    const end = table.candidateStart[s + 1] ?? start;
    let acronyms = 0;
    let dropped = false;
    for (let c = start; c < end; c += 1) {
      if (table.caseSensitive[c] === 1) acronyms += 1;
      if (isDerivedAt(table, c) && (1 + inFull(c)) / (1 + (spotted[s] ?? 0)) < DERIVED_SUPPORT) {
        prior[c] = 0;
        dropped = true;
      }
    }
    if (acronyms === 0 && !dropped) continue;
    // The acronyms' senses weighed by the corpus, within the share of the form they have: all of it for an acronym
    // ("HMM"), less for a form that is also a word ("EELS", "eels"), whose acronyms only a text writing it in
    // capitals reads (`spot-surfaces.ts`).
    let share = 0;
    let weighed = 0;
    for (let c = start; c < end; c += 1) {
      if (table.caseSensitive[c] !== 1) continue;
      share += prior[c] ?? 0;
      prior[c] = (prior[c] ?? 0) * (1 + inFull(c));
      weighed += prior[c] ?? 0;
    }
    let total = 0;
    for (let c = start; c < end; c += 1) {
      if (table.caseSensitive[c] === 1) prior[c] = weighed === 0 ? 0 : ((prior[c] ?? 0) / weighed) * share;
      total += prior[c] ?? 0;
    }
    for (let c = start; c < end; c += 1) prior[c] = total === 0 ? 0 : (prior[c] ?? 0) / total;
  }
  return prior;
}
