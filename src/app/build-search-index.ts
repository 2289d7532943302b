/**
 * Builds the search index from the Store: every record (`buildSearchIndex`), some records after an import or
 * a graph build (`refreshSearchIndex`), or only when the records changed since the last build
 * (`ensureSearchIndex`). Importance comes from the graph's node scores when they exist.
 */

import { randomUUID } from "node:crypto";
import { CampusGraphError } from "../core/errors.js";
import { toSearchDocument } from "../search/search-document.js";
import type { RecordKey, SearchDocument, Store, StoreWriter } from "../store/store.js";
import { TRANSLATIONS_KEY } from "./corpus-translations.js";
import { recordCorrector } from "./curated-records.js";
import { GRAPH_VERSION_KEY } from "./data-version.js";
import { keyOf, readImportance, searchDocuments, searchDocumentsOnWorker } from "./search-documents.js";

/** The metadata key holding the record counts the search index was built from. */
export const SEARCH_STATE_KEY = "search.index.state";

/** The metadata key of a stamp that changes with every write of the search index (see `search-cache.ts`). */
export const SEARCH_VERSION_KEY = "search.index.version";

/** What a build did. */
export interface SearchIndexReport {
  readonly documents: number;
  readonly seconds: number;
}

/** Options of `buildSearchIndex`. */
export interface BuildSearchIndexOptions {
  /**
   * The store's location (`openStore`'s): when given, the documents are made by a worker thread reading it through
   * its own connection while this thread writes them (the same index); default: made on this thread.
   */
  readonly documentsFrom?: string;
  /** Documents per write; default 5,000. */
  readonly batch?: number;
}

/**
 * Rebuilds the search index of every record, in one transaction, with the French → English table learned from the
 * records' bilingual fields (`corpus-translations.ts`).
 */
export async function buildSearchIndex(
  store: Store,
  options: BuildSearchIndexOptions = {},
): Promise<SearchIndexReport> {
  const started = performance.now();
  const parts =
    options.documentsFrom === undefined
      ? searchDocuments(store)
      : searchDocumentsOnWorker(options.documentsFrom);
  let documents = 0;
  try {
    await store.transaction(async (writer) => {
      // Read inside the transaction: a server store then reads its primary, not a replica that may lag.
      const state = await searchState(store);
      await writer.search.clearSearchIndex();
      let translations: string | undefined;
      for await (const part of parts) {
        if ("translations" in part) translations = part.translations;
        else {
          await writer.search.putSearchDocuments(part.documents);
          documents += part.documents.length;
        }
      }
      if (translations === undefined)
        throw new CampusGraphError("INTERNAL", {
          problem: "search documents ended without their translations",
        });
      await writer.setMeta(TRANSLATIONS_KEY, translations);
      await writer.setMeta(SEARCH_STATE_KEY, state);
      await stampSearchVersion(writer);
    });
  } finally {
    // A failed write leaves the worker, if any, stopped.
    await parts.return(undefined);
  }
  return { documents, seconds: (performance.now() - started) / 1000 };
}

/** Re-indexes the records with these keys (missing records are skipped), in one transaction. */
export async function refreshSearchIndex(store: Store, keys: readonly RecordKey[]): Promise<number> {
  const importance = await readImportance(store);
  const correct = await recordCorrector(store);
  const docs: SearchDocument[] = [];
  for (const key of keys) {
    const record = await store.getRecord(key);
    if (record !== undefined) docs.push(toSearchDocument(correct(record), importance.get(keyOf(record))));
  }
  await store.transaction(async (writer) => {
    await writer.search.putSearchDocuments(docs);
    await writer.setMeta(SEARCH_STATE_KEY, await searchState(store));
    await stampSearchVersion(writer);
  });
  return docs.length;
}

/** Builds the search index when it is empty or the record counts changed since it was built; true if it did. */
export async function ensureSearchIndex(store: Store): Promise<boolean> {
  const [state, built, documents] = await Promise.all([
    searchState(store),
    store.getMeta(SEARCH_STATE_KEY),
    store.search.countSearchDocuments(),
  ]);
  if (state === built && documents > 0) return false;
  const counts = (JSON.parse(state) as { records: Record<string, number> }).records;
  const records = Object.values(counts).reduce((a, b) => a + b, 0);
  if (records === 0) return false;
  await buildSearchIndex(store);
  return true;
}

/**
 * The version of what the index holds and how: a database indexed under another one is indexed again when a
 * server starts. 2: PostgreSQL tsvectors leave a position between fields, so that a phrase never spans two. 3: SQLite
 * keeps each document's keys as key ids, from which it ranks in memory. 4: the corpus's learned French → English
 * table is kept with the index.
 */
const SEARCH_INDEX_FORMAT = 4;

/**
 * What the index was built from: its format, the number of records of each type and the graph version whose
 * importance it holds (a build killed between its graph and its search index leaves them apart).
 */
async function searchState(store: Store): Promise<string> {
  const [records, graph] = await Promise.all([store.countRecords(), store.getMeta(GRAPH_VERSION_KEY)]);
  return JSON.stringify({ format: SEARCH_INDEX_FORMAT, records, graph: graph ?? null });
}

/** Marks, inside the writer's transaction, that what the search index answers may have changed. */
async function stampSearchVersion(writer: StoreWriter): Promise<void> {
  await writer.setMeta(SEARCH_VERSION_KEY, randomUUID());
}
