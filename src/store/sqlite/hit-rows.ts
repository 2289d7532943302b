/**
 * The stored rows of search hits. When the names held in memory are of the index's generation, a hit's type, id,
 * name, importance and names' match keys come from them, and only its snippet from its row: the subquery that read
 * the match keys per row (`HIT_COLUMNS`) cost more than the rest of the row (~180 of 320 µs for 50 hits), and rows
 * as objects a third more than as arrays.
 */
import type Database from "better-sqlite3";
import type { StoredHitRow } from "../engine-parts.js";
import { type NameIndex, nameKeysOf } from "./name-index.js";
import { HIT_COLUMNS, prepared } from "./statements.js";
import { stringAt } from "./string-column.js";

/** A stored hit with its document's pk. */
export type HitRow = StoredHitRow & { readonly pk: number };

/**
 * The rows of search documents `pks` that exist, by pk, with relevance 0. `names`: the names held in memory, when
 * they are of the index's generation (else undefined: everything is read from the rows).
 */
export function readHitRows(
  db: Database.Database,
  pks: readonly number[],
  names: NameIndex | undefined,
): Map<number, HitRow> {
  const list = JSON.stringify(pks);
  const found = new Map<number, HitRow>();
  if (names === undefined || !pks.every((pk) => (names.docOf[pk] ?? -1) >= 0)) {
    const rows = prepared(
      db,
      `SELECT d.pk, ${HIT_COLUMNS}, 0 AS relevance FROM search_docs d WHERE d.pk IN (SELECT value FROM json_each(?))`,
    ).all(list) as HitRow[];
    for (const row of rows) found.set(row.pk, row);
    return found;
  }
  const rows = prepared(
    db,
    "SELECT d.pk, d.snippet FROM search_docs d WHERE d.pk IN (SELECT value FROM json_each(?))",
  )
    .raw(true)
    .all(list) as [number, string][];
  for (const [pk, snippet] of rows) {
    const d = names.docOf[pk] ?? 0;
    const importance = names.importance[d] ?? Number.NaN;
    found.set(pk, {
      pk,
      type: names.typeNames[names.type[d] ?? 0] ?? "",
      id: stringAt(names.ids, d),
      name: stringAt(names.names, d),
      snippet,
      importance: Number.isNaN(importance) ? null : importance,
      relevance: 0,
      name_keys: nameKeysOf(names, pk) ?? [],
    });
  }
  return found;
}
