/**
 * What the SQLite engine derives in memory from its search index to answer quickly (see `name-index.ts` and
 * `deletion-index.ts`), read in one read transaction and tagged with the index's generation: a token the engine
 * writes anew in every transaction that writes the index, and only then. Commits that write other tables (an
 * import's records, a build's neighbours, metadata) leave the generation, and so the derived tables, as they are.
 */

import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type { TermCount } from "../store.js";
import { buildDeletionIndex, type DeletionIndex, deletionIndexBuffers } from "./deletion-index.js";
import {
  buildNameIndex,
  type DocumentRow,
  type NameIndex,
  type NameRow,
  nameIndexBuffers,
} from "./name-index.js";
import { prepared } from "./statements.js";

/** The tables, derived at one generation of the search index. */
export interface SearchTables {
  readonly generation: string;
  readonly names: NameIndex;
  readonly vocabulary: DeletionIndex;
  /** The type of the document of each pk, as 1 + its index in `names.typeNames`; 0 when there is none. */
  readonly typeByPk: Uint16Array;
}

// A metadata key of the engine's own: the application's keys name what they are about ("search.", "graph.").
const GENERATION_KEY = "sqlite.search.generation";

/** The generation of the search index as this connection sees it ("" before its first write). */
export function readSearchGeneration(db: Database.Database): string {
  return (prepared(db, "SELECT value FROM meta WHERE key = ?").pluck().get(GENERATION_KEY) as string) ?? "";
}

/** Marks, inside the current write transaction, that the search index changed: a new generation. */
export function renewSearchGeneration(db: Database.Database): void {
  prepared(
    db,
    "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  ).run(GENERATION_KEY, randomUUID());
}

/** Reads the search index and derives its tables, all at one generation. */
export function readSearchTables(db: Database.Database): SearchTables {
  const read = db.transaction((): [string, DocumentRow[], NameRow[], TermCount[]] => [
    readSearchGeneration(db),
    prepared(db, "SELECT pk, type, id, name, importance FROM search_docs").raw(true).all() as DocumentRow[],
    prepared(db, "SELECT doc, alias, prefix_key, text, match_key FROM search_names ORDER BY doc, position")
      .raw(true)
      .all() as NameRow[],
    prepared(db, "SELECT term, df FROM search_terms").all() as TermCount[],
  ]);
  const [generation, documents, nameRows, terms] = read();
  const names = buildNameIndex(documents, nameRows);
  const maxPk = names.pks.reduce((max, pk) => Math.max(max, pk), 0);
  const typeByPk = new Uint16Array(maxPk + 1);
  names.pks.forEach((pk, d) => {
    typeByPk[pk] = (names.type[d] as number) + 1;
  });
  return { generation, names, vocabulary: buildDeletionIndex(terms), typeByPk };
}

/** The buffers of `tables`, to transfer rather than copy to another thread. */
export function searchTablesBuffers(tables: SearchTables): ArrayBuffer[] {
  return [
    ...nameIndexBuffers(tables.names),
    ...deletionIndexBuffers(tables.vocabulary),
    tables.typeByPk.buffer as ArrayBuffer,
  ];
}
