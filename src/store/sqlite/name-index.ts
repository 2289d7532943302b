/**
 * Every name and alias of the search index in memory, sorted by prefix key (autocomplete) and by match key (exact
 * names in search), on the embedded engine: a binary search and a short walk instead of an index range scan
 * joined to the documents, which was most of the time of an autocomplete request, or a statement that unpacks
 * its keys from JSON. About 35 MB for the open-campus corpus's 128,000 names.
 */
import { compareStrings } from "../../core/compare-strings.js";
import type { NameCompletion } from "../store.js";

/** The names sorted by prefix key, each with its document; and sorted by match key. */
export interface NameIndex {
  readonly keys: readonly string[];
  readonly matched: readonly string[];
  readonly alias: Uint8Array;
  /** Position of each name's document in the document columns. */
  readonly doc: Int32Array;
  readonly types: readonly string[];
  readonly ids: readonly string[];
  readonly names: readonly string[];
  /** NaN when the document has no importance. */
  readonly importance: Float64Array;
  readonly pks: Float64Array;
  /** Match keys, sorted, and the document of each. */
  readonly matchKeys: readonly string[];
  readonly matchDoc: Int32Array;
}

/** One name as read: document pk, alias (0 or 1), prefix key, the name itself and its match key. */
export type NameRow = readonly [number, number, string, string, string];
/** One document as read: pk, type, id, display name and importance. */
export type DocumentRow = readonly [number, string, string, string, number | null];

/** Builds the index from the search index's names and documents; names of unknown documents are left out. */
export function buildNameIndex(documents: readonly DocumentRow[], nameRows: readonly NameRow[]): NameIndex {
  const position = new Map<number, number>();
  const types: string[] = [];
  const ids: string[] = [];
  const names: string[] = [];
  const importance = new Float64Array(documents.length);
  const pks = new Float64Array(documents.length);
  for (const [pk, type, id, name, score] of documents) {
    pks[ids.length] = pk;
    position.set(pk, ids.length);
    importance[ids.length] = score ?? Number.NaN;
    types.push(type);
    ids.push(id);
    names.push(name);
  }
  // Ties keep the order of the rows, (document, position) as the store reads them: the same as on PostgreSQL.
  const kept = nameRows.filter(([pk]) => position.has(pk));
  const order = kept
    .map((_, i) => i)
    .sort((a, b) => compareStrings(kept[a]?.[2] ?? "", kept[b]?.[2] ?? "") || a - b);
  const doc = new Int32Array(order.length);
  const alias = new Uint8Array(order.length);
  const keys: string[] = [];
  const matched: string[] = [];
  order.forEach((row, i) => {
    const [pk, isAlias, key, text] = kept[row] as NameRow;
    doc[i] = position.get(pk) ?? 0;
    alias[i] = isAlias;
    keys.push(key);
    matched.push(text);
  });
  const byMatch = kept
    .map((_, i) => i)
    .sort((a, b) => compareStrings(kept[a]?.[4] ?? "", kept[b]?.[4] ?? ""));
  const matchDoc = new Int32Array(byMatch.length);
  const matchKeys = byMatch.map((row, i) => {
    const [pk, , , , key] = kept[row] as NameRow;
    matchDoc[i] = position.get(pk) ?? 0;
    return key;
  });
  return { keys, matched, alias, doc, types, ids, names, importance, pks, matchKeys, matchDoc };
}

/** Names whose prefix key starts with `prefix`, in key order, at most `scan` of them, of `types` if given. */
export function namesStartingWith(
  index: NameIndex,
  prefix: string,
  types: ReadonlySet<string> | undefined,
  scan: number,
): NameCompletion[] {
  const found: NameCompletion[] = [];
  for (let i = lowerBound(index.keys, prefix); i < index.keys.length && found.length < scan; i += 1) {
    if (!(index.keys[i] as string).startsWith(prefix)) break;
    const d = index.doc[i] as number;
    const type = index.types[d] as string;
    if (types !== undefined && !types.has(type)) continue;
    const score = index.importance[d] as number;
    found.push({
      type,
      id: index.ids[d] as string,
      name: index.names[d] as string,
      matched: index.matched[i] as string,
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
  for (const key of keys) {
    for (let i = lowerBound(index.matchKeys, key); index.matchKeys[i] === key; i += 1) {
      const d = index.matchDoc[i] as number;
      if (types === undefined || types.has(index.types[d] as string)) found.add(index.pks[d] as number);
    }
  }
  return [...found].sort((a, b) => a - b).slice(0, limit);
}

/** The first position whose key is not below `key`. */
function lowerBound(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((keys[middle] as string) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}
