/**
 * Every record's search document, read from a Store in its scan order, in batches, and then the French → English
 * table learned from the records' bilingual fields: what a full search index build writes. Made on the calling
 * thread (`searchDocuments`), or on a worker thread reading the same database through a connection of its own
 * (`searchDocumentsOnWorker`), so that the thread writing the index only writes: the same batches in the same order.
 */
import { BlockChannel, type BlockChannelEnd } from "../core/block-channel.js";
import { siblingModule } from "../core/worker-thread.js";
import { toSearchDocument } from "../search/search-document.js";
import type { RecordKey, SearchDocument, StoreReader } from "../store/store.js";
import { TranslationSource, tableToJson } from "./corpus-translations.js";
import { recordCorrector } from "./curated-records.js";

/** Documents per batch. */
export const SEARCH_BATCH = 5_000;

/** A batch of documents, or, last, the learned translation table as stored (JSON). */
export type SearchDocumentPart = { readonly documents: SearchDocument[] } | { readonly translations: string };

/**
 * Every record of `store` as its search document (curators' corrections applied, importance from the graph), in
 * batches of `batch`.
 */
export async function* searchDocuments(
  store: StoreReader,
  batch = SEARCH_BATCH,
): AsyncGenerator<SearchDocumentPart> {
  const importance = await readImportance(store);
  const correct = await recordCorrector(store);
  const translations = new TranslationSource();
  let documents: SearchDocument[] = [];
  for await (const record of store.scanRecords()) {
    const corrected = correct(record);
    translations.add(corrected);
    documents.push(toSearchDocument(corrected, importance.get(keyOf(record))));
    if (documents.length >= batch) {
      yield { documents };
      documents = [];
    }
  }
  yield { documents };
  yield { translations: tableToJson(translations.learn()) };
}

/** What the worker starts from (`workerData`). */
export interface SearchDocumentRequest {
  /** The database to read (`openStore`'s location). */
  readonly location: string;
  readonly batch: number;
  readonly channel: BlockChannelEnd;
}

const ENTRY = siblingModule(import.meta.url, "search-document-worker");

/** Batches the worker may hold ready: one being written, one waiting, one being made. */
const AHEAD = 2;

/**
 * `searchDocuments` of the database at `location`, made by a worker thread. The worker starts at once; it is
 * stopped when the parts are all taken or the caller stops early.
 */
export function searchDocumentsOnWorker(
  location: string,
  batch = SEARCH_BATCH,
): AsyncGenerator<SearchDocumentPart> {
  const channel = new BlockChannel<SearchDocumentPart>(
    "search document",
    ENTRY,
    (end): SearchDocumentRequest => ({ location, batch, channel: end }),
    { ahead: AHEAD },
  );
  return (async function* () {
    try {
      for (;;) {
        const part = await channel.next();
        yield part;
        if ("translations" in part) return;
      }
    } finally {
      await channel.close();
    }
  })();
}

/** Each record's importance from the graph's node scores, by `type\0id`. */
export async function readImportance(store: StoreReader): Promise<Map<string, number>> {
  const importance = new Map<string, number>();
  for await (const score of store.graph.scanNodeScores()) importance.set(keyOf(score.key), score.importance);
  return importance;
}

/** The key of `readImportance`'s map. */
export function keyOf(key: RecordKey): string {
  return `${key.type}\u0000${key.id}`;
}
