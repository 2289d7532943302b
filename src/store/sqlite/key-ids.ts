/**
 * The search index's key ids (`search_vocabulary`) held in memory with the postings numbered by them: a full
 * rebuild numbers the keys again, so the postings held until new ones are derived must be read with the ids of
 * their own commit, not the database's. Packed (`string-column.ts`) for a worker thread to hand over.
 */
import { compareStrings } from "../../core/compare-strings.js";
import { lowerBound, packStrings, type StringColumn, stringAt } from "./string-column.js";

/** Keys sorted by code unit, and the id of each. */
export interface KeyIds {
  readonly keys: StringColumn;
  readonly ids: Int32Array;
}

/** Packs the (key, id) rows of the vocabulary. */
export function packKeyIds(rows: readonly (readonly [string, number])[]): KeyIds {
  const sorted = [...rows].sort((a, b) => compareStrings(a[0], b[0]));
  return { keys: packStrings(sorted.map(([key]) => key)), ids: Int32Array.from(sorted, ([, id]) => id) };
}

/** The id of `key`, or undefined when the vocabulary lacks it. */
export function keyIdOf(keyIds: KeyIds, key: string): number | undefined {
  const at = lowerBound(keyIds.keys, key);
  return at < keyIds.ids.length && stringAt(keyIds.keys, at) === key ? keyIds.ids[at] : undefined;
}

/** The buffers of `keyIds`, to transfer rather than copy to another thread. */
export function keyIdsBuffers(keyIds: KeyIds): ArrayBuffer[] {
  return [keyIds.keys.ends.buffer as ArrayBuffer, keyIds.ids.buffer as ArrayBuffer];
}
