/**
 * Records alike in words, for a record's page ("Related courses" on a course's page): the records of its own type
 * whose texts hold the words of its name, ranked by BM25 of the name as a bag of words over their texts (FTS5's
 * formula, `name-bm25.ts`): what the search box lists when a user types the record's name. A course's name says
 * what it teaches ("Theory of architecture I", "Fundamentals of Photovoltaics") and a paper's title what it found;
 * two records sharing its rare words are about one thing even when their concept profiles share too little for a
 * semantic edge (`semantic-edges.ts`). Records of the same name (sections of one course, reruns of one MOOC) are
 * left out: they are the record itself, not records related to it.
 */
import {
  type Bm25Params,
  bm25TermScore,
  DEFAULT_BM25_PARAMS,
  lengthNorms,
  seek,
  type TextIndex,
  termIdf,
} from "./name-bm25.js";
import { TopScores } from "./top-scores.js";

/** A word of a name in at most this many texts finds candidates; a commoner one only adds to theirs. */
const SEED_POSTINGS = 1_000;
/** Candidates the rarer words keep per listed record, for the commoner words to re-rank. */
const RERANKED = 5;

/**
 * A record's records alike in words: target record numbers, best first, each score in (0, 1]: its BM25 over the
 * BM25 of the name over the source's own text (or over the best target's, when that is higher).
 */
export interface SimilarTexts {
  readonly targets: Int32Array;
  readonly scores: Float32Array;
}

/** The records alike in words of every record of `sources`, by record number (none for a record without a name). */
export function similarTexts(
  index: TextIndex,
  /** Each record's type as a small number (the type of a record absent from the index does not matter). */
  typeOf: (record: number) => number,
  sources: Iterable<number>,
  keep: number,
  params: Bm25Params = DEFAULT_BM25_PARAMS,
): Map<number, SimilarTexts> {
  const alikeOf = similarTextsFinder(index, typeOf, keep, params);
  const out = new Map<number, SimilarTexts>();
  for (const source of sources) {
    const alike = alikeOf(source);
    if (alike !== undefined) out.set(source, alike);
  }
  return out;
}

/**
 * A function giving one record's records alike in words, as `similarTexts` lists them (undefined for none); each
 * record's are found on their own, so records may be asked in any order, one at a time.
 */
export function similarTextsFinder(
  index: TextIndex,
  typeOf: (record: number) => number,
  keep: number,
  params: Bm25Params = DEFAULT_BM25_PARAMS,
): (source: number) => SimilarTexts | undefined {
  const { start, members, counts } = index;
  const records = index.length.length;
  const norm = lengthNorms(index, params);
  const types = Int32Array.from({ length: records }, (_, r) => (index.length[r] === 0 ? -1 : typeOf(r)));
  const names = nameHashes(index);
  const score = new Float64Array(records);
  const touched: number[] = [];
  const df = (t: number) => (start[t + 1] as number) - (start[t] as number);
  const termScore = (idf: number, tf: number, record: number) =>
    bm25TermScore(idf, tf, norm[record] as number, params);
  // BM25 of a record's name words over its own text (each word is there: the name is the text's start).
  const selfScore = (record: number, terms: readonly number[]) => {
    let total = 0;
    for (const t of terms) {
      const end = start[t + 1] as number;
      const at = seek(members, start[t] as number, end, record);
      if (at < end && members[at] === record)
        total += termScore(termIdf(index, t), counts[at] as number, record);
    }
    return total;
  };
  // The best candidates by the rarer words, which the commoner ones then re-rank; then a few more than kept, so
  // that records of the source's own name may be passed over.
  const candidates = new TopScores(keep * RERANKED);
  const top = new TopScores(keep * 2);
  return (source) => {
    const type = types[source] ?? -1;
    // Rarest first: the words read in full find the candidates; the commoner ones only add to the best of them (a
    // name's "of" or "analysis" would read thousands of postings to add a little to records found already).
    const terms = nameTerms(index, source).sort((a, b) => df(a) - df(b));
    const seeds = Math.max(1, terms.filter((t) => df(t) <= SEED_POSTINGS).length);
    for (const t of terms.slice(0, seeds)) {
      const idf = termIdf(index, t);
      for (let i = start[t] as number; i < (start[t + 1] as number); i += 1) {
        const record = members[i] as number;
        if (types[record] !== type || record === source) continue;
        if (score[record] === 0) touched.push(record);
        score[record] = (score[record] as number) + termScore(idf, counts[i] as number, record);
      }
    }
    for (const record of touched) {
      candidates.offer(record, score[record] as number);
      score[record] = 0;
    }
    touched.length = 0;
    // The candidates in ascending order, each found in a common word's postings from where the last one was.
    const found = candidates.sorted().sort((a, b) => a.id - b.id);
    candidates.clear();
    for (const t of terms.slice(seeds)) {
      const idf = termIdf(index, t);
      const end = start[t + 1] as number;
      let at = start[t] as number;
      for (const c of found) {
        at = seek(members, at, end, c.id);
        if (at < end && members[at] === c.id) c.score += termScore(idf, counts[at] as number, c.id);
      }
    }
    for (const c of found) top.offer(c.id, c.score);
    // One of each name, not the source's own: the sections of another course are listed once, the best scored.
    const seen = new Set<number>([names[source] as number]);
    const listed: { id: number; score: number }[] = [];
    for (const c of top.sorted()) {
      const name = names[c.id] as number;
      if (seen.has(name) || listed.length === keep) continue;
      seen.add(name);
      listed.push(c);
    }
    top.clear();
    if (listed.length === 0) return undefined;
    // Against the name's BM25 over the source's own text: a best match holding only its commonest word is weak.
    const own = Math.max(selfScore(source, terms), listed[0]?.score ?? 0);
    return {
      targets: Int32Array.from(listed, (c) => c.id),
      scores: Float32Array.from(listed, (c) => c.score / own),
    };
  };
}

/**
 * The distinct words of `record`'s name (the first `lead` words of its text) that say something: a word in half
 * the texts or more has FTS5's floored idf and adds nothing but reading time.
 */
function nameTerms(index: TextIndex, record: number): number[] {
  const from = index.offset[record] as number;
  const count = index.lead?.[record] ?? 0;
  const terms = new Set<number>();
  for (const t of index.tokens.run(from, from + count)) {
    if ((index.start[t + 1] as number) - (index.start[t] as number) < index.documents / 2) terms.add(t);
  }
  return [...terms];
}

/** A hash of each record's name words in order (FNV-1a over the term numbers; 0 for no name). */
function nameHashes(index: TextIndex): Int32Array {
  const out = new Int32Array(index.length.length);
  for (let r = 0; r < out.length; r += 1) {
    const count = index.lead?.[r] ?? 0;
    if (count === 0) continue;
    const from = index.offset[r] as number;
    let h = 0x811c9dc5;
    for (const t of index.tokens.run(from, from + count)) h = Math.imul(h ^ t, 0x01000193);
    out[r] = h | 1;
  }
  return out;
}
