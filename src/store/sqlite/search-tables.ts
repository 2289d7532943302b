/**
 * What the SQLite engine derives in memory from its search index to answer quickly (see `name-index.ts`,
 * `deletion-index.ts`, `term-index.ts` and `key-ids.ts`), read in one read transaction and tagged with the index's
 * generation: a token the engine writes anew in every transaction that writes the index, and only then. Commits
 * that write other tables (an import's records, a build's neighbours, metadata) leave the generation, and so the
 * derived tables, as they are.
 */

import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type { TermCount } from "../store.js";
import { buildDeletionIndex, type DeletionIndex, deletionIndexBuffers } from "./deletion-index.js";
import { type KeyIds, keyIdsBuffers, packKeyIds } from "./key-ids.js";
import {
  buildNameIndex,
  type DocumentRow,
  type NameIndex,
  type NameRow,
  nameIndexBuffers,
} from "./name-index.js";
import { readTermIndex } from "./sqlite-full-text.js";
import { prepared } from "./statements.js";
import type { TermIndex } from "./term-index.js";

/** The tables, derived at one generation of the search index. */
export interface SearchTables {
  readonly generation: string;
  readonly names: NameIndex;
  readonly vocabulary: DeletionIndex;
  /** The postings of every key, and the key ids they are numbered with. */
  readonly postings: TermIndex;
  readonly keyIds: KeyIds;
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
  const read = db.transaction(
    (): [string, DocumentRow[], NameRow[], TermCount[], [string, number][], TermIndex] => [
      readSearchGeneration(db),
      prepared(db, "SELECT pk, type, id, name, importance FROM search_docs").raw(true).all() as DocumentRow[],
      prepared(db, "SELECT doc, alias, prefix_key, text, match_key FROM search_names ORDER BY doc, position")
        .raw(true)
        .all() as NameRow[],
      prepared(db, "SELECT term, df FROM search_terms").all() as TermCount[],
      prepared(db, "SELECT term, id FROM search_vocabulary").raw(true).all() as [string, number][],
      readTermIndex(db),
    ],
  );
  const [generation, documents, nameRows, terms, keyIds, postings] = read();
  return {
    generation,
    names: buildNameIndex(documents, nameRows),
    vocabulary: buildDeletionIndex(terms),
    postings,
    keyIds: packKeyIds(keyIds),
  };
}

/** The buffers of `tables`, to transfer rather than copy to another thread. */
export function searchTablesBuffers(tables: SearchTables): ArrayBuffer[] {
  const { start, docs, counts, lengths, typeOf, bitsets, pairs } = tables.postings;
  // Distinct buffers: one listed twice cannot be transferred.
  const postings = new Set(
    [start, docs, counts, lengths, typeOf, ...bitsets.values(), ...pairs.values()].map(
      (array) => array.buffer as ArrayBuffer,
    ),
  );
  return [
    ...nameIndexBuffers(tables.names),
    ...deletionIndexBuffers(tables.vocabulary),
    ...postings,
    ...keyIdsBuffers(tables.keyIds),
  ];
}
