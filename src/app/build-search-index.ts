/**
 * Builds the search index from the Store: every record (`buildSearchIndex`), some records after an import or
 * a graph build (`refreshSearchIndex`), or only when the records changed since the last build
 * (`ensureSearchIndex`). Importance comes from the graph's node scores when they exist.
 */

import { randomUUID } from "node:crypto";
import { toSearchDocument } from "../search/search-document.js";
import type { RecordKey, SearchDocument, Store, StoreWriter } from "../store/store.js";
import { TRANSLATIONS_KEY, TranslationSource, tableToJson } from "./corpus-translations.js";
import { recordCorrector } from "./curated-records.js";
import { GRAPH_VERSION_KEY } from "./data-version.js";

/** The metadata key holding the record counts the search index was built from. */
export const SEARCH_STATE_KEY = "search.index.state";

/** The metadata key of a stamp that changes with every write of the search index (see `search-cache.ts`). */
export const SEARCH_VERSION_KEY = "search.index.version";

const BATCH = 5_000;

/** What a build did. */
export interface SearchIndexReport {
  readonly documents: number;
  readonly seconds: number;
}

/**
 * Rebuilds the search index of every record, in one transaction, with the French → English table learned from the
 * records' bilingual fields (`corpus-translations.ts`).
 */
export async function buildSearchIndex(store: Store): Promise<SearchIndexReport> {
  const started = performance.now();
  const importance = await readImportance(store);
  const correct = await recordCorrector(store);
  let documents = 0;
  await store.transaction(async (writer) => {
    // Read inside the transaction: a server store then reads its primary, not a replica that may lag.
    const state = await searchState(store);
    await writer.search.clearSearchIndex();
    let batch: SearchDocument[] = [];
    const translations = new TranslationSource();
    for await (const record of store.scanRecords()) {
      const corrected = correct(record);
      translations.add(corrected);
      batch.push(toSearchDocument(corrected, importance.get(keyOf(record))));
      if (batch.length >= BATCH) {
        await writer.search.putSearchDocuments(batch);
        documents += batch.length;
        batch = [];
      }
    }
    await writer.search.putSearchDocuments(batch);
    documents += batch.length;
    await writer.setMeta(TRANSLATIONS_KEY, tableToJson(translations.learn()));
    await writer.setMeta(SEARCH_STATE_KEY, state);
    await stampSearchVersion(writer);
  });
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

async function readImportance(store: Store): Promise<Map<string, number>> {
  const importance = new Map<string, number>();
  for await (const score of store.graph.scanNodeScores()) importance.set(keyOf(score.key), score.importance);
  return importance;
}

function keyOf(key: RecordKey): string {
  return `${key.type}\u0000${key.id}`;
}

/** Marks, inside the writer's transaction, that what the search index answers may have changed. */
async function stampSearchVersion(writer: StoreWriter): Promise<void> {
  await writer.setMeta(SEARCH_VERSION_KEY, randomUUID());
}
