/**
 * A French → English table of words and two-word phrases learned from a corpus's own bilingual texts (a course's
 * name, description or text given in both languages), so that a French question meets English names. Words that
 * occur in the same pairs are scored by Dice, with string likeness after the cognate rules as a prior; competitive
 * linking (Melamed 2000) then links each word of a pair to at most one word of the other, strongest first, and a
 * French word's translations are the English words it was linked to most often.
 */

import { editDistance } from "./edit-distance.js";
import { englishCognate } from "./french-cognates.js";
import type { TextLanguage } from "./language.js";
import { STOPWORDS } from "./stopwords.js";
import { tokenise } from "./tokenise.js";

/** One text in French and its English counterpart (a record's name, description or text). */
export interface BilingualPair {
  readonly fr: string;
  readonly en: string;
}

/** An English key (a word, or two words joined by a space) for a French one, with its confidence in (0, 1]. */
export interface Translation {
  readonly english: string;
  /** The share of the pairs holding the French key in which it was linked to this English key. */
  readonly confidence: number;
}

/** What was learned: French keys (folded and stemmed as `tokenise` makes them) to English keys, best first. */
export interface TranslationTable {
  /** French word → its one or two English words. */
  readonly words: ReadonlyMap<string, readonly Translation[]>;
  /** French two-word phrase (function words between left out: "theorie graphe") → English phrase. */
  readonly phrases: ReadonlyMap<string, readonly Translation[]>;
  /** French words of the corpus whose rule cognate is no English word of the corpus ("solaire" → "solary"). */
  readonly falseCognates: ReadonlySet<string>;
}

/** Options of `learnTranslations`. */
export interface LearnTranslationsOptions {
  /** Times a French key must be linked to an English one to keep it; default 2, at least 1. */
  readonly minLinks?: number;
  /** Least confidence kept (links / pairs holding the French key); default 0.25, in (0, 1]. */
  readonly minConfidence?: number;
  /** A second English key is kept when its confidence is at least this share of the first's; default 0.5. */
  readonly secondShare?: number;
  /** Weight of string likeness (after the cognate rules) added to Dice when linking; default 0.5, 0 turns it off. */
  readonly priorWeight?: number;
}

/** An empty table: every lookup misses, the cognate rules stand alone. */
export const NO_TRANSLATIONS: TranslationTable = {
  words: new Map(),
  phrases: new Map(),
  falseCognates: new Set(),
};

// French phrases may have up to two function words between their words ("théorie des graphes", "sciences de la
// vie"); English ones none (an English name puts its modifier first: "graph theory", "life sciences").
const FRENCH_GAP = 2;

/** Learns the French → English table of `pairs` (see the file's comment). */
export function learnTranslations(
  pairs: readonly BilingualPair[],
  options: LearnTranslationsOptions = {},
): Omit<TranslationTable, "falseCognates"> {
  const settings = {
    minLinks: Math.max(1, options.minLinks ?? 2),
    minConfidence: options.minConfidence ?? 0.25,
    secondShare: options.secondShare ?? 0.5,
    priorWeight: options.priorWeight ?? 0.5,
  };
  const french = pairs.map((p) => textUnits(p.fr, "fr"));
  const english = pairs.map((p) => textUnits(p.en, "en"));
  const words = linkUnits(
    french.map((u) => u.words),
    english.map((u) => u.words),
    settings,
    true,
  );
  const phrases = linkUnits(
    french.map((u) => u.phrases),
    english.map((u) => u.phrases),
    settings,
    false,
  );
  return { words, phrases };
}

/**
 * The French words among `frenchWords` whose rule cognate (`englishCognate`) differs from the word and is no key of
 * `englishWords`, and that `learned` does not translate: their cognate is a made-up word ("solary", "nucleary").
 */
export function findFalseCognates(
  frenchWords: Iterable<string>,
  englishWords: ReadonlySet<string>,
  learned: ReadonlyMap<string, readonly Translation[]>,
): Set<string> {
  const false_ = new Set<string>();
  for (const word of frenchWords) {
    const cognate = englishCognate(word);
    if (cognate === undefined || cognate === word || englishWords.has(cognate)) continue;
    if (!learned.has(word)) false_.add(word);
  }
  return false_;
}

/** The content words of a text (keys, each once) and its two-word phrases, for alignment. */
export function textUnits(text: string, lang: TextLanguage): { words: string[]; phrases: string[] } {
  const tokens = tokenise(text, lang);
  const words = new Set<string>();
  const phrases = new Set<string>();
  let last: string | undefined;
  let gap = 0;
  for (const token of tokens) {
    const key = token.key;
    if (STOPWORDS.has(key)) {
      gap += 1;
      continue;
    }
    const content = isContentKey(key);
    if (content) {
      words.add(key);
      if (last !== undefined && gap <= (lang === "fr" ? FRENCH_GAP : 0)) phrases.add(`${last} ${key}`);
    }
    last = content ? key : undefined;
    gap = 0;
  }
  return { words: [...words], phrases: [...phrases] };
}

/** True for a key worth aligning: three letters or more, not a number. */
export function isContentKey(key: string): boolean {
  return key.length >= 3 && !/^\d/.test(key) && !STOPWORDS.has(key);
}

interface LinkSettings {
  readonly minLinks: number;
  readonly minConfidence: number;
  readonly secondShare: number;
  readonly priorWeight: number;
}

/** Competitive linking of the units of aligned segments; returns each French unit's kept English units. */
function linkUnits(
  frenchSegments: readonly (readonly string[])[],
  englishSegments: readonly (readonly string[])[],
  settings: LinkSettings,
  prior: boolean,
): Map<string, Translation[]> {
  const frIds = new UnitIds();
  const enIds = new UnitIds();
  const fr = frenchSegments.map((units) => units.map((u) => frIds.of(u)));
  const en = englishSegments.map((units) => units.map((u) => enIds.of(u)));
  const frCount = countUnits(fr, frIds.size);
  const enCount = countUnits(en, enIds.size);
  // Per French unit, its English units' counts of pairs together, then their scores (small-integer keys).
  const joint = Array.from({ length: frIds.size }, () => new Map<number, number>());
  for (let s = 0; s < fr.length; s++) {
    for (const f of fr[s] ?? []) {
      const row = joint[f];
      if (row === undefined) continue;
      for (const e of en[s] ?? []) row.set(e, (row.get(e) ?? 0) + 1);
    }
  }
  const scores = joint.map((row, f) => {
    const scored = new Map<number, number>();
    for (const [e, both] of row) {
      if (both < settings.minLinks) continue;
      const dice = (2 * both) / ((frCount[f] ?? 0) + (enCount[e] ?? 0));
      const likeness = prior ? stringLikeness(frIds.name(f), enIds.name(e)) : 0;
      scored.set(e, dice + settings.priorWeight * likeness);
    }
    return scored;
  });
  const links = Array.from({ length: frIds.size }, () => new Map<number, number>());
  for (let s = 0; s < fr.length; s++) linkSegment(fr[s] ?? [], en[s] ?? [], scores, links);
  return keptTranslations(links, frCount, frIds, enIds, settings);
}

/** Links one segment's units one to one, the best-scored candidate pair first, and counts the links made. */
function linkSegment(
  fr: readonly number[],
  en: readonly number[],
  scores: readonly ReadonlyMap<number, number>[],
  links: readonly Map<number, number>[],
): void {
  const candidates: { f: number; e: number; score: number }[] = [];
  for (const f of fr) {
    const row = scores[f];
    if (row === undefined || row.size === 0) continue;
    for (const e of en) {
      const score = row.get(e);
      if (score !== undefined) candidates.push({ f, e, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.f - b.f || a.e - b.e);
  const frLinked = new Set<number>();
  const enLinked = new Set<number>();
  for (const { f, e } of candidates) {
    if (frLinked.has(f) || enLinked.has(e)) continue;
    frLinked.add(f);
    enLinked.add(e);
    const row = links[f];
    if (row !== undefined) row.set(e, (row.get(e) ?? 0) + 1);
  }
}

/** Each French unit's English units by links, kept when linked often enough (see `LearnTranslationsOptions`). */
function keptTranslations(
  links: readonly ReadonlyMap<number, number>[],
  frCount: Int32Array,
  frIds: UnitIds,
  enIds: UnitIds,
  settings: LinkSettings,
): Map<string, Translation[]> {
  const table = new Map<string, Translation[]>();
  for (const [f, row] of links.entries()) {
    const list: Translation[] = [];
    for (const [e, count] of row) {
      const confidence = count / (frCount[f] ?? 1);
      if (count >= settings.minLinks && confidence >= settings.minConfidence)
        list.push({ english: enIds.name(e), confidence });
    }
    list.sort((a, b) => b.confidence - a.confidence || (a.english < b.english ? -1 : 1));
    const best = list[0];
    if (best === undefined) continue;
    const second = list[1];
    const kept =
      second !== undefined && second.confidence >= settings.secondShare * best.confidence
        ? [best, second]
        : [best];
    table.set(frIds.name(f), kept.map(rounded));
  }
  return table;
}

function rounded(t: Translation): Translation {
  return { english: t.english, confidence: Math.round(t.confidence * 1000) / 1000 };
}

/**
 * How alike a French word and an English one are written, in [0, 1]: 1 − edits / length of the longer, the French
 * word taken as it is or as its rule cognate, whichever is closer; 0 below one half.
 */
export function stringLikeness(french: string, english: string): number {
  const forms = [french];
  const cognate = englishCognate(french);
  if (cognate !== undefined && cognate !== french) forms.push(cognate);
  let best = 0;
  for (const form of forms) {
    const longer = Math.max(form.length, english.length);
    const max = Math.floor(longer / 2);
    const edits = editDistance(form, english, max);
    if (edits <= max) best = Math.max(best, 1 - edits / longer);
  }
  return best >= 0.5 ? best : 0;
}

function countUnits(segments: readonly (readonly number[])[], size: number): Int32Array {
  const counts = new Int32Array(size);
  for (const units of segments) for (const u of units) counts[u] = (counts[u] ?? 0) + 1;
  return counts;
}

/** Numbers for unit strings, in order of first sight. */
class UnitIds {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  get size(): number {
    return this.names.length;
  }
  of(unit: string): number {
    let id = this.ids.get(unit);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(unit, id);
      this.names.push(unit);
    }
    return id;
  }
  name(id: number): string {
    return this.names[id] ?? "";
  }
}
