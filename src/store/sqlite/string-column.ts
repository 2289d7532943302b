/**
 * Many short strings kept as one string and the offset where each ends. A worker thread hands such a column to the
 * main thread in one copy of one string (and a transferred buffer), where an array of strings costs one object per
 * string to copy and then to collect: for the search index's 128,000 names, a tenth of a second on the event loop.
 */

/** Strings packed into `text`; string `i` ends at `ends[i]` and starts where string `i - 1` ends. */
export interface StringColumn {
  readonly text: string;
  readonly ends: Uint32Array;
}

/** Packs `strings`, in order. */
export function packStrings(strings: readonly string[]): StringColumn {
  const ends = new Uint32Array(strings.length);
  let end = 0;
  strings.forEach((s, i) => {
    end += s.length;
    ends[i] = end;
  });
  return { text: strings.join(""), ends };
}

/** The number of strings in `column`. */
export function columnLength(column: StringColumn): number {
  return column.ends.length;
}

/** String `i` of `column` ("" past the end). */
export function stringAt(column: StringColumn, i: number): string {
  return column.text.slice(i === 0 ? 0 : (column.ends[i - 1] ?? 0), column.ends[i] ?? 0);
}

/** True when string `i` of `column` starts with `prefix`, without copying it out. */
export function startsWithAt(column: StringColumn, i: number, prefix: string): boolean {
  const start = i === 0 ? 0 : (column.ends[i - 1] ?? 0);
  const end = column.ends[i] ?? 0;
  return end - start >= prefix.length && column.text.startsWith(prefix, start);
}

/** In a column sorted by code unit, the first position whose string is not below `key`. */
export function lowerBound(column: StringColumn, key: string): number {
  let low = 0;
  let high = columnLength(column);
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (stringAt(column, middle) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** In a column sorted by code unit, the positions `[start, end)` of the strings that start with `prefix`. */
export function prefixRange(column: StringColumn, prefix: string): [number, number] {
  const start = lowerBound(column, prefix);
  // From `start` on, the strings with the prefix come first: the end is where they stop.
  let low = start;
  let high = columnLength(column);
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (startsWithAt(column, middle, prefix)) low = middle + 1;
    else high = middle;
  }
  return [start, low];
}
