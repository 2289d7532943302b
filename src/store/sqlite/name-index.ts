/**
 * Every name and alias of the search index in memory, sorted by prefix key (autocomplete) and by match key (exact
 * names in search), on the embedded engine: a binary search and a short walk instead of an index range scan
 * joined to the documents, which was most of the time of an autocomplete request, or a statement that unpacks
 * its keys from JSON. Strings are packed in columns and numbers in typed arrays, so that a worker thread can
 * build the index and hand it over without the event loop copying an object per name (see `search-tables.ts`).
 */
import { compareStrings } from "../../core/compare-strings.js";
import type { NameCompletion } from "../store.js";
import {
  columnLength,
  lowerBound,
  packStrings,
  prefixRange,
  type StringColumn,
  stringAt,
} from "./string-column.js";

/** The names sorted by prefix key, each with its document; and sorted by match key. */
export interface NameIndex {
  /** Prefix keys, sorted; with the name each belongs to, whether it is an alias, and its document. */
  readonly keys: StringColumn;
  readonly matched: StringColumn;
  readonly alias: Uint8Array;
  /** Position of each name's document in the document columns. */
  readonly doc: Int32Array;
  /** Per document: its type (as an index into `typeNames`), id, display name, importance (NaN: none) and pk. */
  readonly type: Uint16Array;
  readonly typeNames: readonly string[];
  readonly ids: StringColumn;
  readonly names: StringColumn;
  readonly importance: Float64Array;
  readonly pks: Float64Array;
  /** Match keys, sorted, and the document of each. */
  readonly matchKeys: StringColumn;
  readonly matchDoc: Int32Array;
  /**
   * Each document's names in position order, as indexes into `matchKeys`: those of document d from
   * `ownStart[d]` to `ownStart[d + 1]`.
   */
  readonly ownStart: Uint32Array;
  readonly ownKeys: Int32Array;
  /** The position of each pk's document (-1: none). */
  readonly docOf: Int32Array;
  /** Every document's id, lower-cased, sorted by code unit: whether a query is some record's id. */
  readonly foldedIds: StringColumn;
}

/** One name as read: document pk, alias (0 or 1), prefix key, the name itself and its match key. */
export type NameRow = readonly [number, number, string, string, string];
/** One document as read: pk, type, id, display name and importance. */
export type DocumentRow = readonly [number, string, string, string, number | null];

/** Builds the index from the search index's names and documents; names of unknown documents are left out. */
export function buildNameIndex(documents: readonly DocumentRow[], nameRows: readonly NameRow[]): NameIndex {
  const position = new Map<number, number>();
  const typeNames: string[] = [];
  const typeCode = new Map<string, number>();
  const type = new Uint16Array(documents.length);
  const importance = new Float64Array(documents.length);
  const pks = new Float64Array(documents.length);
  documents.forEach(([pk, docType, , , score], d) => {
    pks[d] = pk;
    position.set(pk, d);
    importance[d] = score ?? Number.NaN;
    let code = typeCode.get(docType);
    if (code === undefined) {
      code = typeNames.push(docType) - 1;
      typeCode.set(docType, code);
    }
    type[d] = code;
  });
  // Ties keep the order of the rows, (document, position) as the store reads them: the same as on PostgreSQL.
  const kept = nameRows.filter(([pk]) => position.has(pk));
  const order = kept
    .map((_, i) => i)
    .sort((a, b) => compareStrings(kept[a]?.[2] ?? "", kept[b]?.[2] ?? "") || a - b);
  const doc = new Int32Array(order.length);
  const alias = new Uint8Array(order.length);
  order.forEach((row, i) => {
    const [pk, isAlias] = kept[row] as NameRow;
    doc[i] = position.get(pk) ?? 0;
    alias[i] = isAlias;
  });
  const byMatch = kept
    .map((_, i) => i)
    .sort((a, b) => compareStrings(kept[a]?.[4] ?? "", kept[b]?.[4] ?? ""));
  const matchDoc = new Int32Array(byMatch.map((row) => position.get((kept[row] as NameRow)[0]) ?? 0));
  const own = ownNames(byMatch, matchDoc, documents.length);
  const docOf = new Int32Array(pks.reduce((max, pk) => Math.max(max, pk), -1) + 1).fill(-1);
  pks.forEach((pk, d) => {
    docOf[pk] = d;
  });
  return {
    keys: packStrings(order.map((row) => (kept[row] as NameRow)[2])),
    matched: packStrings(order.map((row) => (kept[row] as NameRow)[3])),
    alias,
    doc,
    type,
    typeNames,
    ids: packStrings(documents.map((d) => d[2])),
    names: packStrings(documents.map((d) => d[3])),
    importance,
    pks,
    matchKeys: packStrings(byMatch.map((row) => (kept[row] as NameRow)[4])),
    matchDoc,
    ...own,
    docOf,
    foldedIds: packStrings(documents.map((d) => d[2].toLowerCase()).sort()),
  };
}

/**
 * Per document, its names' places in the match-key order (`byMatch[i]` is the row of the i-th match key, rows in
 * (document, position) order): a counting sort by document that keeps the rows' order within one.
 */
function ownNames(
  byMatch: readonly number[],
  matchDoc: Int32Array,
  documents: number,
): { ownStart: Uint32Array; ownKeys: Int32Array } {
  const ownStart = new Uint32Array(documents + 1);
  for (const d of matchDoc) ownStart[d + 1] = (ownStart[d + 1] ?? 0) + 1;
  for (let d = 0; d < documents; d += 1) ownStart[d + 1] = (ownStart[d + 1] ?? 0) + (ownStart[d] ?? 0);
  // Walked by row, so that a document's names come in position order.
  const placeOfRow = new Int32Array(byMatch.length);
  byMatch.forEach((row, i) => {
    placeOfRow[row] = i;
  });
  const next = ownStart.slice(0, documents);
  const ownKeys = new Int32Array(byMatch.length);
  for (const i of placeOfRow) {
    const d = matchDoc[i] ?? 0;
    ownKeys[next[d] ?? 0] = i;
    next[d] = (next[d] ?? 0) + 1;
  }
  return { ownStart, ownKeys };
}

/** The match keys of document `pk`'s names in position order, or undefined when the index does not hold it. */
export function nameKeysOf(index: NameIndex, pk: number): string[] | undefined {
  const d = index.docOf[pk];
  if (d === undefined || d < 0) return undefined;
  const keys: string[] = [];
  for (let k = index.ownStart[d] ?? 0; k < (index.ownStart[d + 1] ?? 0); k += 1) {
    keys.push(stringAt(index.matchKeys, index.ownKeys[k] ?? 0));
  }
  return keys;
}

/** The buffers of `index`, to transfer rather than copy to another thread. */
export function nameIndexBuffers(index: NameIndex): ArrayBuffer[] {
  const { keys, matched, alias, doc, type, ids, names, importance, pks, matchKeys, matchDoc } = index;
  const { ownStart, ownKeys, docOf, foldedIds } = index;
  return [
    keys.ends,
    matched.ends,
    alias,
    doc,
    type,
    ids.ends,
    names.ends,
    importance,
    pks,
    matchKeys.ends,
    matchDoc,
    ownStart,
    ownKeys,
    docOf,
    foldedIds.ends,
  ].map((array) => array.buffer as ArrayBuffer);
}

/** Names whose prefix key starts with `prefix`, in key order, at most `scan` of them, of `types` if given. */
export function namesStartingWith(
  index: NameIndex,
  prefix: string,
  types: ReadonlySet<string> | undefined,
  scan: number,
): NameCompletion[] {
  const found: NameCompletion[] = [];
  const [start, end] = prefixRange(index.keys, prefix);
  for (let i = start; i < end && found.length < scan; i += 1) {
    const d = index.doc[i] as number;
    const type = index.typeNames[index.type[d] as number] as string;
    if (types !== undefined && !types.has(type)) continue;
    const score = index.importance[d] as number;
    found.push({
      type,
      id: stringAt(index.ids, d),
      name: stringAt(index.names, d),
      matched: stringAt(index.matched, i),
      alias: index.alias[i] === 1,
      fromStart: true,
      importance: Number.isNaN(score) ? undefined : score,
    });
  }
  return found;
}

/** The pks of the documents with a name or alias whose match key is one of `keys`, ascending, at most `limit`. */
export function documentsNamed(
  index: NameIndex,
  keys: readonly string[],
  types: ReadonlySet<string> | undefined,
  limit: number,
): number[] {
  const found = new Set<number>();
  const end = columnLength(index.matchKeys);
  for (const key of keys) {
    for (let i = lowerBound(index.matchKeys, key); i < end && stringAt(index.matchKeys, i) === key; i += 1) {
      const d = index.matchDoc[i] as number;
      const type = index.typeNames[index.type[d] as number] as string;
      if (types === undefined || types.has(type)) found.add(index.pks[d] as number);
    }
  }
  return [...found].sort((a, b) => a - b).slice(0, limit);
}

/** True when some document's id, lower-cased, is `folded`. */
export function holdsFoldedId(index: NameIndex, folded: string): boolean {
  const i = lowerBound(index.foldedIds, folded);
  return i < columnLength(index.foldedIds) && stringAt(index.foldedIds, i) === folded;
}
