/**
 * The corpus's own French → English table (`text/learn-translations.ts`): learned from the records that give a
 * field in both languages while the search index is built, kept in `meta` with it, and read by search.
 */

import type { CorpusRecord } from "../core/record.js";
import {
  type BilingualPair,
  findFalseCognates,
  isContentKey,
  learnTranslations,
  NO_TRANSLATIONS,
  type Translation,
  type TranslationTable,
} from "../text/learn-translations.js";
import { tokenise } from "../text/tokenise.js";

/** The metadata key of the learned table (JSON, see `tableToJson`). */
export const TRANSLATIONS_KEY = "search.translations";

// The start of a long text that counts towards the corpus's vocabulary: enough to meet its words, cheap to read.
const VOCABULARY_TEXT_CHARS = 2_000;

/**
 * The most bilingual pairs the table is learned from. Learning holds every pair's units and the pairs of units seen
 * together, which grow with the pairs: a larger corpus's are sampled by a hash of their texts, so that the memory
 * it takes is bounded whatever the corpus's size. Open-campus has 3,623 pairs (all learned from); the scale
 * benchmark's K = 10 corpus 36,075.
 */
export const MAX_LEARNED_PAIRS = 20_000;

/** The name, description and text of a record given in both languages, as pairs; a text by paragraph when they agree. */
export function bilingualPairs(record: CorpusRecord): BilingualPair[] {
  const pairs: BilingualPair[] = [];
  for (const field of [record.name, record.description]) {
    if (field?.fr !== undefined && field.en !== undefined) pairs.push({ fr: field.fr, en: field.en });
  }
  const text = record.text;
  if (text?.fr === undefined || text.en === undefined) return pairs;
  const fr = paragraphs(text.fr);
  const en = paragraphs(text.en);
  if (fr.length === en.length) {
    fr.forEach((p, i) => {
      pairs.push({ fr: p, en: en[i] ?? "" });
    });
  } else pairs.push({ fr: text.fr, en: text.en });
  return pairs;
}

function paragraphs(text: string): string[] {
  return text
    .split("\n")
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/** Gathers, record by record, what the table is learned from: the bilingual pairs and each language's words. */
export class TranslationSource {
  private readonly sample: PairSample;
  /** Content word keys of the English texts, with the number of records using each. */
  readonly english = new Map<string, number>();
  /** The same for French texts. */
  readonly french = new Map<string, number>();

  /** A source learning from at most `maxPairs` pairs (default `MAX_LEARNED_PAIRS`). */
  constructor(maxPairs = MAX_LEARNED_PAIRS) {
    this.sample = new PairSample(maxPairs);
  }

  /** Takes in one record. */
  add(record: CorpusRecord): void {
    for (const pair of bilingualPairs(record)) this.sample.add(pair);
    for (const [lang, counts] of [
      ["en", this.english],
      ["fr", this.french],
    ] as const) {
      const seen = new Set<string>();
      for (const field of [record.name, record.description, record.text]) {
        const text = field?.[lang];
        if (text === undefined) continue;
        for (const token of tokenise(text.slice(0, VOCABULARY_TEXT_CHARS))) {
          if (isContentKey(token.key)) seen.add(token.key);
        }
      }
      for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }

  /**
   * The table learned from what was taken in. A word that as many records use in English as in French is read as
   * English wherever it is met ("learning" in "cours de machine learning"), and gets no translation; nor does a
   * phrase of such words.
   */
  learn(): TranslationTable {
    const learned = learnTranslations(this.sample.pairs());
    const english = (key: string) => (this.english.get(key) ?? 0) >= (this.french.get(key) ?? 0);
    const words = new Map([...learned.words].filter(([key]) => !english(key)));
    const phrases = new Map([...learned.phrases].filter(([key]) => !key.split(" ").every(english)));
    const englishWords = new Set(this.english.keys());
    return { words, phrases, falseCognates: findFalseCognates(this.french.keys(), englishWords, words) };
  }
}

/**
 * A sample of at most `size` pairs that does not depend on the order they come in: those of the smallest hashes
 * of their texts (then the first seen), handed back in the order they came. Every pair while there are `size`.
 */
export class PairSample {
  private kept: { pair: BilingualPair; hash: number; order: number }[] = [];
  private seen = 0;

  constructor(private readonly size: number) {}

  /** Offers one pair. */
  add(pair: BilingualPair): void {
    this.kept.push({ pair, hash: hashText(`${pair.fr}\u0000${pair.en}`), order: this.seen++ });
    // Cut at twice the size: a sort per `size` pairs added, not one per pair.
    if (this.kept.length >= 2 * this.size) this.cut();
  }

  /** The pairs kept, in the order they came. */
  pairs(): BilingualPair[] {
    this.cut();
    return [...this.kept].sort((a, b) => a.order - b.order).map((k) => k.pair);
  }

  private cut(): void {
    if (this.kept.length <= this.size) return;
    this.kept.sort((a, b) => a.hash - b.hash || a.order - b.order);
    this.kept.length = this.size;
  }
}

/** FNV-1a over UTF-16 code units: a 32-bit hash that is the same in every run. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** The table as stored. */
export function tableToJson(table: TranslationTable): string {
  return JSON.stringify({
    words: [...table.words],
    phrases: [...table.phrases],
    falseCognates: [...table.falseCognates],
  });
}

/** The table stored by `tableToJson`; the empty table for anything else. */
export function tableFromJson(json: string | undefined): TranslationTable {
  if (json === undefined) return NO_TRANSLATIONS;
  try {
    const value = JSON.parse(json) as {
      words?: [string, Translation[]][];
      phrases?: [string, Translation[]][];
      falseCognates?: string[];
    };
    return {
      words: new Map(value.words ?? []),
      phrases: new Map(value.phrases ?? []),
      falseCognates: new Set(value.falseCognates ?? []),
    };
  } catch {
    return NO_TRANSLATIONS;
  }
}
