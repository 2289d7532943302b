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
  };
}

/** The buffers of `index`, to transfer rather than copy to another thread. */
export function nameIndexBuffers(index: NameIndex): ArrayBuffer[] {
  const { keys, matched, alias, doc, type, ids, names, importance, pks, matchKeys, matchDoc } = index;
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
