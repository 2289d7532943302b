/**
 * Latent evidence for the concept pages: the records' texts (`TextIndex`) and the concepts' own texts (names,
 * description, the start of the article) as one tf-idf term × document matrix, reduced to a low-rank space
 * (`latent-space.ts`); a concept X is placed by its names and text, a record by its text, and
 *
 *   m(w, d)    = (1 + ln tf(w, d)) · idf(w) / ‖d‖,  idf(w) = ln(D / df(w)),  words with df ≥ minDf and ≤ maxDf · D
 *   x(d)       = Σ_w m(w, d) · U[w]                                 (a text's place)
 *   latent(r)  = max(0, cos(x(X), x(r)))
 *
 * It can bridge a vocabulary gap: a record about cytokines and T cells is near "Interleukin 6" although its text
 * never writes the name. The space is learned from the texts the graph is built from: nothing else enters it.
 */
import { foldIn, type SparseRows, type SvdOptions, type TruncatedSvd, truncatedSvd } from "./latent-space.js";
import type { TextIndex } from "./name-bm25.js";

/** Options of `latentSpaceOf`. */
export interface LatentOptions extends Partial<SvdOptions> {
  /** Words in fewer documents are left out (they relate no two texts); default 2. */
  readonly minDf?: number;
  /** Words in more than this share of the documents are left out (they say little); default 0.2. */
  readonly maxDf?: number;
}

/** Records' places in a latent space and what places a new text. */
export interface LatentSpace {
  readonly svd: TruncatedSvd;
  /** Each record's place, unit length (zero for a record with no kept word), by record number, rank per record. */
  readonly places: Float32Array;
  readonly records: number;
  /** Each text-index term's row in the space, or -1 when left out. */
  readonly row: Int32Array;
  /** Each row's idf. */
  readonly rowIdf: Float64Array;
  readonly terms: ReadonlyMap<string, number>;
}

/**
 * The latent space of the records' texts in `index` and of `extra` texts (word keys, e.g. the concepts'
 * descriptions): both learn the space, the records are placed in it.
 */
export function latentSpaceOf(
  index: TextIndex,
  extra: readonly (readonly string[])[],
  options: LatentOptions = {},
): LatentSpace {
  const records = index.length.length;
  const documents = index.documents + extra.length;
  // The extra texts' counts by term, as (document, term) pairs: documents numbered after the records.
  const extraCounts = extra.map((words) => {
    const counts = new Map<number, number>();
    for (const w of words) {
      const t = index.terms.get(w);
      if (t !== undefined) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    return counts;
  });
  const termCount = index.terms.size;
  const df = new Int32Array(termCount);
  for (let t = 0; t < termCount; t += 1) df[t] = (index.start[t + 1] as number) - (index.start[t] as number);
  for (const counts of extraCounts) for (const t of counts.keys()) df[t] = (df[t] as number) + 1;
  const minDf = options.minDf ?? 2;
  const maxDf = (options.maxDf ?? 0.2) * documents;
  const row = new Int32Array(termCount).fill(-1);
  const idf = new Float64Array(termCount);
  let rows = 0;
  for (let t = 0; t < termCount; t += 1) {
    const d = df[t] as number;
    if (d < minDf || d > maxDf) continue;
    row[t] = rows;
    idf[t] = Math.log(documents / d);
    rows += 1;
  }
  const matrix = termMatrix(index, extraCounts, row, idf, rows, records);
  const svd = truncatedSvd(matrix, options);
  const places = new Float32Array(records * svd.rank);
  // A record's place: Σ over its words of m(w, r) · U[w], read term by term from the matrix itself.
  for (let r = 0; r < matrix.rows; r += 1) {
    for (let p = matrix.start[r] as number; p < (matrix.start[r + 1] as number); p += 1) {
      const d = matrix.index[p] as number;
      if (d >= records) continue;
      const v = matrix.value[p] as number;
      for (let j = 0; j < svd.rank; j += 1)
        places[d * svd.rank + j] =
          (places[d * svd.rank + j] as number) + v * (svd.left[r * svd.rank + j] as number);
    }
  }
  for (let d = 0; d < records; d += 1) normalise(places, d * svd.rank, svd.rank);
  const rowIdf = new Float64Array(rows);
  for (let t = 0; t < termCount; t += 1)
    if ((row[t] as number) >= 0) rowIdf[row[t] as number] = idf[t] as number;
  return { svd, places, records, row, rowIdf, terms: index.terms };
}

/** The tf-idf matrix, one row per kept term, one column per record number then per extra text, columns unit length. */
function termMatrix(
  index: TextIndex,
  extra: readonly ReadonlyMap<number, number>[],
  row: Int32Array,
  idf: Float64Array,
  rows: number,
  records: number,
): SparseRows {
  const columns = records + extra.length;
  const norm = new Float64Array(columns);
  const weight = (t: number, tf: number) => (1 + Math.log(tf)) * (idf[t] as number);
  const extraByTerm: [number, number][][] = Array.from({ length: rows }, () => []);
  extra.forEach((counts, e) => {
    for (const [t, tf] of counts) {
      const r = row[t] as number;
      if (r < 0) continue;
      norm[records + e] = (norm[records + e] as number) + weight(t, tf) ** 2;
      (extraByTerm[r] as [number, number][]).push([records + e, tf]);
    }
  });
  let size = 0;
  for (let t = 0; t < row.length; t += 1) {
    if ((row[t] as number) < 0) continue;
    for (let p = index.start[t] as number; p < (index.start[t + 1] as number); p += 1) {
      const d = index.members[p] as number;
      norm[d] = (norm[d] as number) + weight(t, index.counts[p] as number) ** 2;
    }
    size +=
      (index.start[t + 1] as number) -
      (index.start[t] as number) +
      (extraByTerm[row[t] as number]?.length ?? 0);
  }
  const start = new Int32Array(rows + 1);
  const at = new Int32Array(size);
  const value = new Float32Array(size);
  let filled = 0;
  for (let t = 0; t < row.length; t += 1) {
    const r = row[t] as number;
    if (r < 0) continue;
    for (let p = index.start[t] as number; p < (index.start[t + 1] as number); p += 1) {
      const d = index.members[p] as number;
      at[filled] = d;
      value[filled] = weight(t, index.counts[p] as number) / Math.sqrt(norm[d] as number);
      filled += 1;
    }
    for (const [d, tf] of extraByTerm[r] ?? []) {
      at[filled] = d;
      value[filled] = weight(t, tf) / Math.sqrt(norm[d] as number);
      filled += 1;
    }
    start[r + 1] = filled;
  }
  return { rows, columns, start, index: at, value };
}

/** The unit-length place of a text given as word keys (each name and text of a concept, joined). */
export function placeOf(space: LatentSpace, words: readonly string[]): Float32Array {
  const counts = new Map<number, number>();
  for (const w of words) {
    const t = space.terms.get(w);
    if (t === undefined || (space.row[t] as number) < 0) continue;
    const r = space.row[t] as number;
    counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  const rows: number[] = [];
  const weights: number[] = [];
  for (const [r, tf] of counts) {
    rows.push(r);
    weights.push(1 + Math.log(tf));
  }
  const place = foldIn(
    space.svd,
    rows,
    weights.map((w, i) => w * (space.rowIdf[rows[i] as number] as number)),
  );
  normalise(place, 0, place.length);
  return place;
}

/**
 * `place` moved towards the weighted mean place of `records` (`share` of the sum, the rest `place`), unit length:
 * a concept placed by the records that already hold it as well as by its own words.
 */
export function blendPlaces(
  space: LatentSpace,
  place: Float32Array,
  records: readonly { record: number; weight: number }[],
  share: number,
): Float32Array {
  const k = space.svd.rank;
  const mean = new Float32Array(k);
  for (const { record, weight } of records) {
    if (record >= space.records) continue;
    for (let j = 0; j < k; j += 1)
      mean[j] = (mean[j] as number) + weight * (space.places[record * k + j] as number);
  }
  normalise(mean, 0, k);
  const out = new Float32Array(k);
  for (let j = 0; j < k; j += 1) out[j] = (1 - share) * (place[j] as number) + share * (mean[j] as number);
  normalise(out, 0, k);
  return out;
}

/**
 * The records nearest to `place` by cosine, the best `perType` of each type (`typeOf`), cosines > 0: the candidates
 * and scores the concept page's latent term reads.
 */
export function nearestRecords(
  space: LatentSpace,
  place: Float32Array,
  typeOf: (record: number) => string,
  perType: number,
): Map<number, number> {
  const k = space.svd.rank;
  const byType = new Map<string, { record: number; cos: number }[]>();
  for (let r = 0; r < space.records; r += 1) {
    let cos = 0;
    const from = r * k;
    for (let j = 0; j < k; j += 1) cos += (place[j] as number) * (space.places[from + j] as number);
    if (cos <= 0) continue;
    const type = typeOf(r);
    let list = byType.get(type);
    if (!list) {
      list = [];
      byType.set(type, list);
    }
    list.push({ record: r, cos });
  }
  const out = new Map<number, number>();
  for (const list of byType.values()) {
    list.sort((a, b) => b.cos - a.cos || a.record - b.record);
    for (const { record, cos } of list.slice(0, perType)) out.set(record, cos);
  }
  return out;
}

/** Scales x[from…from + n) to unit length (left zero when it is zero). */
function normalise(x: Float32Array, from: number, n: number): void {
  let sum = 0;
  for (let j = from; j < from + n; j += 1) sum += (x[j] as number) ** 2;
  if (sum === 0) return;
  const s = 1 / Math.sqrt(sum);
  for (let j = from; j < from + n; j += 1) x[j] = (x[j] as number) * s;
}
