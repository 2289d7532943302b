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
import { GrowingArray, type LinkSettings, linkUnits, type PackedSegments } from "./link-units.js";
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
  pairs: Iterable<BilingualPair>,
  options: LearnTranslationsOptions = {},
): Omit<TranslationTable, "falseCognates"> {
  const settings = {
    minLinks: Math.max(1, options.minLinks ?? 2),
    minConfidence: options.minConfidence ?? 0.25,
    secondShare: options.secondShare ?? 0.5,
    priorWeight: options.priorWeight ?? 0.5,
  };
  // Each pair's units are numbered as they are read: its strings are not held past it.
  const words = { french: new SegmentWriter(), english: new SegmentWriter() };
  const phrases = { french: new SegmentWriter(), english: new SegmentWriter() };
  for (const pair of pairs) {
    const fr = textUnits(pair.fr, "fr");
    const en = textUnits(pair.en, "en");
    words.french.add(fr.words);
    words.english.add(en.words);
    phrases.french.add(fr.phrases);
    phrases.english.add(en.phrases);
  }
  const prior = (french: UnitIds, english: UnitIds) => (f: number, e: number) =>
    stringLikeness(french.name(f), english.name(e));
  return {
    words: learnedTable(words, settings, prior(words.french.ids, words.english.ids)),
    phrases: learnedTable(phrases, settings, () => 0),
  };
}

/** The table of one kind of unit (words or phrases): the links of `linkUnits`, named and ranked. */
function learnedTable(
  segments: { readonly french: SegmentWriter; readonly english: SegmentWriter },
  settings: LinkSettings,
  likeness: (f: number, e: number) => number,
): Map<string, Translation[]> {
  const { french, english } = segments;
  const links = linkUnits(
    french.done(),
    english.done(),
    { french: french.ids.size, english: english.ids.size },
    settings,
    likeness,
  );
  const table = new Map<string, Translation[]>();
  for (const [f, row] of links) {
    const list = row.map((l) => ({ english: english.ids.name(l.english), confidence: l.confidence }));
    list.sort((a, b) => b.confidence - a.confidence || (a.english < b.english ? -1 : 1));
    const best = list[0];
    if (best === undefined) continue;
    const second = list[1];
    const kept =
      second !== undefined && second.confidence >= settings.secondShare * best.confidence
        ? [best, second]
        : [best];
    table.set(french.ids.name(f), kept.map(rounded));
  }
  return table;
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

/** Segments of unit strings, numbered in order of first sight and packed as `linkUnits` reads them. */
class SegmentWriter {
  readonly ids = new UnitIds();
  private readonly units = new GrowingArray((n) => new Int32Array(n));
  private readonly starts = new GrowingArray((n) => new Int32Array(n));

  constructor() {
    this.starts.push(0);
  }

  /** Appends one segment. */
  add(units: readonly string[]): void {
    for (const unit of units) this.units.push(this.ids.of(unit));
    this.starts.push(this.units.length);
  }

  /** The segments added. */
  done(): PackedSegments {
    return { units: this.units.done(), starts: this.starts.done() };
  }
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
