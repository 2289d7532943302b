/**
 * Full-text evidence for the concept pages: BM25 of a concept's names over the records' texts, as the search box
 * ranks them when a user types the name. Each record's text is one sequence of word keys; a name matches a record
 * that holds its words in order, each at most `GAP` words after the one before (a French word's English cognate
 * key may sit between them), not anywhere: "IL-6" is not "il … 6" in a French text. It scores
 *
 *   BM25(r, name) = Σ_w idf(w) · tf(w, r) · (k1 + 1) / (tf(w, r) + k1 · (1 − b + b · len(r) / avglen))
 *   idf(w)        = max(10⁻⁶, ln((N − df(w) + 0.5) / (df(w) + 0.5)))
 *
 * (SQLite FTS5's formula, so that the build's evidence is the search index's); a concept's score is its best
 * name's. The page normalises it per record type by the best record's.
 */
import { Int32Chunks } from "../core/number-column.js";
import { sharedFloat32, sharedInt32, sharedUint16 } from "../core/shared-arrays.js";

/** The word postings of the records' texts, packed: list t holds members[start[t]…start[t + 1]), records ascending. */
export interface TextIndex {
  /** Each word key's posting list number. */
  readonly terms: ReadonlyMap<string, number>;
  readonly start: Int32Array;
  readonly members: Int32Array;
  readonly counts: Uint16Array;
  /** Each record's length in words, by record number (0 for records not indexed). */
  readonly length: Float32Array;
  readonly average: number;
  /** Records indexed. */
  readonly documents: number;
  /**
   * Each record's text as posting list numbers, in order: record r's at tokens[offset[r]…offset[r] + length[r]),
   * in the order the texts were added (kept where they were written, never copied).
   */
  readonly offset: Int32Array;
  readonly tokens: Int32Chunks;
  /** How many of each record's first words are its name (`similar-texts.ts`), when the texts were added with it. */
  readonly lead?: Uint16Array;
}

/** How far after a name's word its next word may be: next to it, or past one key (a cognate). */
const GAP = 2;

/** BM25's parameters; the defaults are FTS5's. */
export interface Bm25Params {
  /** k1: how fast a word's count saturates; default 1.2. */
  readonly k1: number;
  /** b: how much a long text's counts are discounted, in [0, 1]; default 0.75. */
  readonly b: number;
}

export const DEFAULT_BM25_PARAMS: Bm25Params = { k1: 1.2, b: 0.75 };

/** Indexes the word keys of each record (record number, its text's keys in order), records in any order. */
export function indexTexts(texts: Iterable<readonly [number, readonly string[]]>): TextIndex {
  const builder = new TextIndexBuilder();
  for (const [record, keys] of texts) builder.add(record, keys);
  return builder.finish();
}

/** Builds a `TextIndex` from texts added one at a time (a build adds each record's as it reads it). */
export class TextIndexBuilder {
  private readonly terms = new Map<string, number>();
  private readonly read: { record: number; from: number; to: number; lead: number }[] = [];
  private readonly tokens = new Int32Chunks();

  /** Adds the word keys of `record`'s text, in order, the first `lead` of them its name; a record is added once. */
  add(record: number, keys: readonly string[], lead = 0): void {
    if (keys.length === 0) return;
    const from = this.tokens.length;
    for (const key of keys) {
      let t = this.terms.get(key);
      if (t === undefined) {
        t = this.terms.size;
        this.terms.set(key, t);
      }
      this.tokens.push(t);
    }
    this.read.push({ record, from, to: this.tokens.length, lead: Math.min(lead, keys.length, 65_535) });
  }

  /** The index of the texts added. */
  finish(): TextIndex {
    return packTexts(this.terms, this.read, this.tokens);
  }
}

/**
 * Postings, with each record's token run located where it was written, records in ascending order. The arrays are
 * on shared memory: another thread (the build's concept page worker) reads the index without a copy.
 */
function packTexts(
  terms: ReadonlyMap<string, number>,
  read: { record: number; from: number; to: number; lead: number }[],
  tokens: Int32Chunks,
): TextIndex {
  read.sort((a, b) => a.record - b.record);
  const records = read.length === 0 ? 0 : (read[read.length - 1]?.record ?? 0) + 1;
  const length = sharedFloat32(records);
  const offset = sharedInt32(records);
  const lead = new Uint16Array(records);
  const df = new Int32Array(terms.size + 1);
  // df counts each word once per record: seen marks the words already met in this one.
  const seen = new Int32Array(terms.size).fill(-1);
  for (const text of read) {
    offset[text.record] = text.from;
    length[text.record] = text.to - text.from;
    lead[text.record] = text.lead;
    for (let i = text.from; i < text.to; i += 1) {
      const t = tokens.at(i);
      if (seen[t] !== text.record) {
        seen[t] = text.record;
        df[t + 1] = (df[t + 1] as number) + 1;
      }
    }
  }
  const start = sharedInt32(terms.size + 1);
  for (let t = 0; t < terms.size; t += 1) start[t + 1] = (start[t] as number) + (df[t + 1] as number);
  const members = sharedInt32(start[terms.size] as number);
  const counts = sharedUint16(members.length);
  const filled = start.slice(0, terms.size);
  seen.fill(-1);
  for (const text of read) {
    const r = text.record;
    for (let i = text.from; i < text.to; i += 1) {
      const t = tokens.at(i);
      if (seen[t] !== r) {
        seen[t] = r;
        members[filled[t] as number] = r;
        filled[t] = (filled[t] as number) + 1;
      }
      const slot = (filled[t] as number) - 1;
      counts[slot] = Math.min(65_535, (counts[slot] as number) + 1);
    }
  }
  return {
    terms,
    start,
    members,
    counts,
    length,
    average: read.length === 0 ? 1 : tokens.length / read.length,
    documents: read.length,
    offset,
    tokens,
    lead,
  };
}

/**
 * The records holding at least one of `names` (each a list of word keys) in their text, with the best BM25 of a
 * name over their text; records `keep` refuses are skipped. A name's records are read from its rarest word's
 * postings; each other word's count is found by moving forward in that word's postings (records ascend in both),
 * not by searching all of them again per record.
 */
export function nameScores(
  index: TextIndex,
  names: readonly (readonly string[])[],
  keep: (record: number) => boolean = () => true,
  params: Bm25Params = DEFAULT_BM25_PARAMS,
): Map<number, number> {
  const best = new Map<number, number>();
  const { start, members, counts } = index;
  const df = (t: number) => (start[t + 1] as number) - (start[t] as number);
  for (const words of names) {
    const phrase = words.map((w) => index.terms.get(w));
    if (phrase.length === 0 || phrase.some((t) => t === undefined)) continue;
    const terms = [...new Set(phrase as number[])].sort((a, b) => df(a) - df(b));
    const rarest = terms[0] as number;
    const idf = terms.map((t) => termIdf(index, t));
    // Where each word's search resumes: the first of its postings not below the last record asked.
    const cursor = Int32Array.from(terms, (t) => start[t] as number);
    for (let i = start[rarest] as number; i < (start[rarest + 1] as number); i += 1) {
      const record = members[i] as number;
      if (!keep(record)) continue;
      const norm = lengthNorm(index, record, params);
      let score = 0;
      for (let k = 0; k < terms.length; k += 1) {
        let tf = counts[i] as number;
        if (k > 0) {
          const end = start[(terms[k] as number) + 1] as number;
          const at = seek(members, cursor[k] as number, end, record);
          cursor[k] = at;
          tf = at < end && members[at] === record ? (counts[at] as number) : 0;
        }
        if (tf === 0) {
          score = -1;
          break;
        }
        score += bm25TermScore(idf[k] as number, tf, norm, params);
      }
      if (score <= (best.get(record) ?? 0)) continue;
      if (phrase.length > 1 && !holdsPhrase(recordTokens(index, record), phrase as number[])) continue;
      best.set(record, score);
    }
  }
  return best;
}

/** `record`'s text as posting list numbers, in order (a view where the text lies in one chunk). */
function recordTokens(index: TextIndex, record: number): Int32Array {
  const from = index.offset[record] as number;
  return index.tokens.run(from, from + (index.length[record] as number));
}

/**
 * True when `text` holds `phrase` in order, each word at most GAP positions after the one before: from each place
 * of the first word (found by the array's own `indexOf`), the next word is the first one within GAP.
 */
function holdsPhrase(text: Int32Array, phrase: readonly number[]): boolean {
  const first = phrase[0] as number;
  for (let start = text.indexOf(first); start !== -1; start = text.indexOf(first, start + 1)) {
    let at = start;
    let matched = 1;
    while (matched < phrase.length) {
      const want = phrase[matched] as number;
      let next = -1;
      for (let j = at + 1; j <= at + GAP && j < text.length; j += 1) {
        if (text[j] === want) {
          next = j;
          break;
        }
      }
      if (next === -1) break;
      at = next;
      matched += 1;
    }
    if (matched === phrase.length) return true;
  }
  return false;
}

/** A word's inverse document frequency, as FTS5 floors it. */
export function termIdf(index: TextIndex, term: number): number {
  const df = (index.start[term + 1] as number) - (index.start[term] as number);
  return Math.max(1e-6, Math.log((index.documents - df + 0.5) / (df + 0.5)));
}

/** k1 · (1 − b + b · len(r) / avglen), a record's length discount. */
function lengthNorm(index: TextIndex, record: number, params: Bm25Params): number {
  return params.k1 * (1 - params.b + (params.b * (index.length[record] ?? 0)) / index.average);
}

/** Every record's `lengthNorm`, by record number. */
export function lengthNorms(index: TextIndex, params: Bm25Params = DEFAULT_BM25_PARAMS): Float64Array {
  return Float64Array.from(index.length, (_, r) => lengthNorm(index, r, params));
}

/** One word's part of a record's BM25. */
export function bm25TermScore(idf: number, tf: number, norm: number, params: Bm25Params): number {
  return (idf * tf * (params.k1 + 1)) / (tf + norm);
}

/**
 * The first position in members[from…end) (records ascending) whose record is not below `record`, or `end`:
 * doubling steps from `from`, then halving, so that a record near the last one asked is found in a few reads.
 */
export function seek(members: Int32Array, from: number, end: number, record: number): number {
  if (from >= end || (members[from] as number) >= record) return from;
  let lo = from;
  let hi = from + 1;
  for (let step = 1; hi < end && (members[hi] as number) < record; hi = from + step) {
    lo = hi;
    step *= 2;
  }
  if (hi > end) hi = end;
  // members[lo] < record, and hi is end or members[hi] ≥ record.
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if ((members[mid] as number) < record) lo = mid;
    else hi = mid;
  }
  return hi;
}
