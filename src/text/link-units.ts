/**
 * Competitive linking (Melamed 2000) of the units of aligned segments, held in typed arrays: segments packed in
 * one array of unit ids, each French unit's co-occurring English units counted in one dense scratch array (no map
 * per pair of units), and only the pairs seen together often enough kept, with their scores, in rows by French
 * unit. Memory grows with the units and the kept pairs, not with every pair of units that met once.
 */

/** Unit ids in segments: segment s is `units[starts[s]]` to `units[starts[s + 1] - 1]`, each unit once. */
export interface PackedSegments {
  readonly units: Int32Array;
  readonly starts: Int32Array;
}

/** How links are scored and kept (see `LearnTranslationsOptions`). */
export interface LinkSettings {
  readonly minLinks: number;
  readonly minConfidence: number;
  readonly secondShare: number;
  readonly priorWeight: number;
}

/** A kept link: English unit `english` for a French unit, in the share `confidence` of its segments. */
export interface UnitLink {
  readonly english: number;
  readonly confidence: number;
}

/** The scores of the pairs of units seen together at least `minLinks` times, in rows by French unit, English ids ascending. */
interface ScoreRows {
  /** Row f is `english[rowStarts[f]]` to `english[rowStarts[f + 1] - 1]`. */
  readonly rowStarts: Int32Array;
  readonly english: Int32Array;
  readonly scores: Float64Array;
}

/**
 * Links the units of each pair of segments one to one, the best-scored pair first (score: Dice of the segments
 * holding both, plus `priorWeight` × `likeness(f, e)`), and keeps for each French unit its English units linked at
 * least `minLinks` times and in at least `minConfidence` of its segments, the second one when it has
 * `secondShare` of the first's confidence. Returns the kept links by French unit id.
 */
export function linkUnits(
  french: PackedSegments,
  english: PackedSegments,
  sizes: { readonly french: number; readonly english: number },
  settings: LinkSettings,
  likeness: (f: number, e: number) => number,
): Map<number, UnitLink[]> {
  const frCount = countUnits(french, sizes.french);
  const enCount = countUnits(english, sizes.english);
  const rows = scoreRows(french, english, frCount, enCount, settings, likeness);
  const links = new Int32Array(rows.english.length);
  const linked = { french: new Int32Array(sizes.french), english: new Int32Array(sizes.english) };
  for (let s = 0; s + 1 < french.starts.length; s++) linkSegment(s, french, english, rows, links, linked);
  return keptLinks(rows, links, frCount, settings);
}

/** In how many segments each unit is. */
function countUnits(segments: PackedSegments, size: number): Int32Array {
  const counts = new Int32Array(size);
  for (const u of segments.units) counts[u] = (counts[u] ?? 0) + 1;
  return counts;
}

/**
 * The score of every pair of units held together by at least `minLinks` segments. A unit in fewer segments than
 * that is in no such pair, so it is not counted at all.
 */
function scoreRows(
  french: PackedSegments,
  english: PackedSegments,
  frCount: Int32Array,
  enCount: Int32Array,
  settings: LinkSettings,
  likeness: (f: number, e: number) => number,
): ScoreRows {
  const { minLinks, priorWeight } = settings;
  const postings = segmentsOf(french, frCount);
  const together = new Int32Array(enCount.length);
  const touched = new Int32Array(enCount.length);
  const rowStarts = new Int32Array(frCount.length + 1);
  const kept = {
    english: new GrowingArray((n) => new Int32Array(n)),
    scores: new GrowingArray((n) => new Float64Array(n)),
  };
  for (let f = 0; f < frCount.length; f++) {
    let seen = 0;
    if ((frCount[f] ?? 0) >= minLinks) {
      for (let p = postings.starts[f] ?? 0; p < (postings.starts[f + 1] ?? 0); p++) {
        const s = postings.segments[p] ?? 0;
        for (let i = english.starts[s] ?? 0; i < (english.starts[s + 1] ?? 0); i++) {
          const e = english.units[i] ?? 0;
          if ((enCount[e] ?? 0) < minLinks) continue;
          if (together[e] === 0) touched[seen++] = e;
          together[e] = (together[e] ?? 0) + 1;
        }
      }
    }
    const row = touched.subarray(0, seen).sort();
    for (const e of row) {
      const both = together[e] ?? 0;
      together[e] = 0;
      if (both < minLinks) continue;
      const dice = (2 * both) / ((frCount[f] ?? 0) + (enCount[e] ?? 0));
      kept.english.push(e);
      kept.scores.push(dice + priorWeight * likeness(f, e));
    }
    rowStarts[f + 1] = kept.english.length;
  }
  return { rowStarts, english: kept.english.done(), scores: kept.scores.done() };
}

/** The segments holding each French unit, in rows by unit. */
function segmentsOf(
  french: PackedSegments,
  frCount: Int32Array,
): { starts: Int32Array; segments: Int32Array } {
  const starts = new Int32Array(frCount.length + 1);
  for (let f = 0; f < frCount.length; f++) starts[f + 1] = (starts[f] ?? 0) + (frCount[f] ?? 0);
  const next = starts.slice(0, frCount.length);
  const segments = new Int32Array(french.units.length);
  for (let s = 0; s + 1 < french.starts.length; s++) {
    for (let i = french.starts[s] ?? 0; i < (french.starts[s + 1] ?? 0); i++) {
      const f = french.units[i] ?? 0;
      segments[next[f] ?? 0] = s;
      next[f] = (next[f] ?? 0) + 1;
    }
  }
  return { starts, segments };
}

/**
 * Links segment `s`'s units one to one, the best-scored candidate pair first (ties: French id, then English id,
 * which is the order of the rows' entries), and counts the links made.
 */
function linkSegment(
  s: number,
  french: PackedSegments,
  english: PackedSegments,
  rows: ScoreRows,
  links: Int32Array,
  linked: { readonly french: Int32Array; readonly english: Int32Array },
): void {
  const candidates: number[] = [];
  const frFrom = french.starts[s] ?? 0;
  const frTo = french.starts[s + 1] ?? 0;
  const enFrom = english.starts[s] ?? 0;
  const enTo = english.starts[s + 1] ?? 0;
  for (let i = frFrom; i < frTo; i++) {
    const f = french.units[i] ?? 0;
    const rowFrom = rows.rowStarts[f] ?? 0;
    const rowTo = rows.rowStarts[f + 1] ?? 0;
    if (rowFrom === rowTo) continue;
    for (let j = enFrom; j < enTo; j++) {
      const entry = findInRow(rows.english, rowFrom, rowTo, english.units[j] ?? 0);
      if (entry >= 0) candidates.push(entry);
    }
  }
  const { scores } = rows;
  candidates.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  // Marked with s + 1: the scratch arrays are never cleared between segments.
  const mark = s + 1;
  for (const entry of candidates) {
    const f = rowOf(rows.rowStarts, entry);
    const e = rows.english[entry] ?? 0;
    if (linked.french[f] === mark || linked.english[e] === mark) continue;
    linked.french[f] = mark;
    linked.english[e] = mark;
    links[entry] = (links[entry] ?? 0) + 1;
  }
}

/** The index of `e` among `english[from..to)` (ascending), or -1. */
function findInRow(english: Int32Array, from: number, to: number, e: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((english[mid] ?? 0) < e) lo = mid + 1;
    else hi = mid;
  }
  return lo < to && english[lo] === e ? lo : -1;
}

/** The French unit whose row holds `entry`. */
function rowOf(rowStarts: Int32Array, entry: number): number {
  let lo = 0;
  let hi = rowStarts.length - 1;
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    if ((rowStarts[mid] ?? 0) <= entry) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Each French unit's English units by links, kept when linked often enough (see `linkUnits`). */
function keptLinks(
  rows: ScoreRows,
  links: Int32Array,
  frCount: Int32Array,
  settings: LinkSettings,
): Map<number, UnitLink[]> {
  const kept = new Map<number, UnitLink[]>();
  for (let f = 0; f < frCount.length; f++) {
    const list: UnitLink[] = [];
    for (let entry = rows.rowStarts[f] ?? 0; entry < (rows.rowStarts[f + 1] ?? 0); entry++) {
      const count = links[entry] ?? 0;
      const confidence = count / (frCount[f] ?? 1);
      if (count >= settings.minLinks && confidence >= settings.minConfidence)
        list.push({ english: rows.english[entry] ?? 0, confidence });
    }
    if (list.length > 0) kept.set(f, list);
  }
  return kept;
}

/** A typed array filled by pushing, grown by doubling. */
export class GrowingArray<A extends Int32Array | Float64Array> {
  private values: A;
  length = 0;

  /** An empty array whose storage `make` allocates. */
  constructor(private readonly make: (size: number) => A) {
    this.values = make(1024);
  }

  /** Appends `value`. */
  push(value: number): void {
    if (this.length === this.values.length) {
      const bigger = this.make(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = value;
  }

  /** The values pushed, in a copy of their size. */
  done(): A {
    return this.values.slice(0, this.length) as A;
  }
}
