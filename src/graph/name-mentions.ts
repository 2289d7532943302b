/**
 * The concepts a record's text names, with how often, and their postings for the concept pages: for concept X,
 * the records whose text names X, scored by BM25's saturation of the count,
 *
 *   m(r, X) = tf / (tf + k1 · (1 − b + b · len(r) / avglen))          k1 = 1.2, b = 0.75
 *
 * in [0, 1): a record that names X often, for its length, is likely about X, whether or not the detector kept X
 * among its best concepts (BM25's evidence; the page combines it with the walk's).
 */
import { NumberColumn } from "../core/number-column.js";
import { sharedFloat32, sharedFloat64, sharedInt32 } from "../core/shared-arrays.js";
import { sortPostings } from "./postings.js";

/** The name counts of one record (concepts ascending) and its length in tokens. */
export interface NameMentions {
  readonly concepts: Int32Array;
  readonly counts: Float32Array;
  readonly length: number;
}

/** BM25's parameters; the defaults are the usual ones. */
export interface MentionParams {
  /** k1: how fast the count saturates; default 1.2. */
  readonly k1: number;
  /** b: how much a long text's counts are discounted, in [0, 1]; default 0.75. */
  readonly b: number;
}

export const DEFAULT_MENTION_PARAMS: MentionParams = { k1: 1.2, b: 0.75 };

/** A record's name counts as compact arrays; `length` in tokens. Counts below `floor` are dropped. */
export function nameMentions(counts: ReadonlyMap<number, number>, length: number, floor = 0): NameMentions {
  const kept = [...counts].filter(([, n]) => n > floor).sort((a, b) => a[0] - b[0]);
  return {
    concepts: Int32Array.from(kept, ([c]) => c),
    counts: Float32Array.from(kept, ([, n]) => n),
    length,
  };
}

/** Each concept's records with m(r, X), best first (ties by record number); `size` concepts. */
export function mentionPostings(
  mentions: ReadonlyMap<number, NameMentions>,
  size: number,
  params: MentionParams = DEFAULT_MENTION_PARAMS,
): { members: Int32Array[]; scores: Float64Array[] } {
  const counts = new Int32Array(size);
  let total = 0;
  for (const m of mentions.values()) {
    total += m.length;
    for (const c of m.concepts) counts[c] = (counts[c] ?? 0) + 1;
  }
  const average = mentions.size === 0 ? 1 : Math.max(total / mentions.size, 1);
  const { members, scores } = sharedPostingLists(counts);
  const filled = new Int32Array(size);
  for (const [record, m] of mentions) {
    const norm = params.k1 * (1 - params.b + (params.b * m.length) / average);
    m.concepts.forEach((c, i) => {
      const tf = m.counts[i] ?? 0;
      const at = filled[c] ?? 0;
      (members[c] as Int32Array)[at] = record;
      (scores[c] as Float64Array)[at] = tf / (tf + norm);
      filled[c] = at + 1;
    });
  }
  for (let c = 0; c < size; c += 1) sortPostings(members[c] as Int32Array, scores[c] as Float64Array);
  return { members, scores };
}

/**
 * Empty posting lists of `counts[c]` members and scores for each concept c, views of one shared buffer each: another
 * thread (the build's concept page worker) reads them without a copy.
 */
export function sharedPostingLists(counts: Int32Array): { members: Int32Array[]; scores: Float64Array[] } {
  let total = 0;
  for (const n of counts) total += n;
  const allMembers = sharedInt32(total);
  const allScores = sharedFloat64(total);
  const members: Int32Array[] = [];
  const scores: Float64Array[] = [];
  let at = 0;
  for (const n of counts) {
    members.push(allMembers.subarray(at, at + n));
    scores.push(allScores.subarray(at, at + n));
    at += n;
  }
  return { members, scores };
}

/** How often `m` names `concept`, 0 when not at all. */
export function mentionCount(m: NameMentions | undefined, concept: number): number {
  if (!m) return 0;
  let lo = 0;
  let hi = m.concepts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = m.concepts[mid] as number;
    if (c === concept) return m.counts[mid] ?? 0;
    if (c < concept) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** A `MentionTable`'s columns: record row r's counts are at [starts[r], starts[r + 1]) of concepts and counts. */
export interface MentionColumns {
  readonly records: Int32Array;
  readonly starts: Int32Array;
  readonly lengths: Float64Array;
  readonly concepts: Int32Array;
  readonly counts: Float32Array;
}

/**
 * Records' name counts in typed arrays, read as a map (each `get` a view, made on demand): a build keeps them for
 * half a million records, where two small typed arrays and an object per record cost several times their numbers.
 * Records are added once each, in ascending order. The arrays are on shared memory, so that another thread reads
 * the table (`columns`, then the constructor) without a copy.
 */
export class MentionTable implements ReadonlyMap<number, NameMentions> {
  private readonly records: NumberColumn<Int32Array>;
  private readonly starts: NumberColumn<Int32Array>;
  private readonly lengths: NumberColumn<Float64Array>;
  private readonly concepts: NumberColumn<Int32Array>;
  private readonly counts: NumberColumn<Float32Array>;
  private rows: Int32Array | undefined;

  /** An empty table; or, given another table's `columns()`, that table read in place (in another thread). */
  constructor(columns?: MentionColumns) {
    this.records = new NumberColumn(sharedInt32, columns?.records);
    this.starts = new NumberColumn(sharedInt32, columns?.starts);
    this.lengths = new NumberColumn(sharedFloat64, columns?.lengths);
    this.concepts = new NumberColumn(sharedInt32, columns?.concepts);
    this.counts = new NumberColumn(sharedFloat32, columns?.counts);
    if (!columns) this.starts.push(0);
  }

  /** The table's columns as views of its shared memory (what the constructor takes to read it elsewhere). */
  columns(): MentionColumns {
    return {
      records: this.records.all(),
      starts: this.starts.all(),
      lengths: this.lengths.all(),
      concepts: this.concepts.all(),
      counts: this.counts.all(),
    };
  }

  /** Adds `record`'s counts; it must be above every record added before, and added before any read. */
  add(record: number, mentions: NameMentions): void {
    this.records.push(record);
    this.lengths.push(mentions.length);
    for (let i = 0; i < mentions.concepts.length; i += 1) {
      this.concepts.push(mentions.concepts[i] as number);
      this.counts.push(mentions.counts[i] as number);
    }
    this.starts.push(this.concepts.length);
  }

  get size(): number {
    return this.records.length;
  }

  has(record: number): boolean {
    return this.rowOf(record) >= 0;
  }

  get(record: number): NameMentions | undefined {
    const row = this.rowOf(record);
    return row < 0 ? undefined : this.mentionsOf(row);
  }

  *entries(): MapIterator<[number, NameMentions]> {
    for (let row = 0; row < this.records.length; row += 1)
      yield [this.records.at(row) as number, this.mentionsOf(row)];
  }

  *keys(): MapIterator<number> {
    for (let row = 0; row < this.records.length; row += 1) yield this.records.at(row) as number;
  }

  *values(): MapIterator<NameMentions> {
    for (let row = 0; row < this.records.length; row += 1) yield this.mentionsOf(row);
  }

  [Symbol.iterator](): MapIterator<[number, NameMentions]> {
    return this.entries();
  }

  forEach(
    visit: (mentions: NameMentions, record: number, map: ReadonlyMap<number, NameMentions>) => void,
  ): void {
    for (const [record, mentions] of this.entries()) visit(mentions, record, this);
  }

  /** Each record's row, -1 when it has none; made on the first read. */
  private rowOf(record: number): number {
    if (this.rows === undefined) {
      const last = this.records.last() ?? -1;
      this.rows = new Int32Array(last + 1).fill(-1);
      for (let row = 0; row < this.records.length; row += 1) this.rows[this.records.at(row) as number] = row;
    }
    return this.rows[record] ?? -1;
  }

  private mentionsOf(row: number): NameMentions {
    const from = this.starts.at(row) as number;
    const to = this.starts.at(row + 1) as number;
    return {
      concepts: this.concepts.view(from, to),
      counts: this.counts.view(from, to),
      length: this.lengths.at(row) as number,
    };
  }
}
