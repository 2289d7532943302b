/**
 * The entry of a search document worker thread (see `searchDocumentsOnWorker`): it opens the database named in
 * `workerData` through a connection of its own and posts `searchDocuments`' parts, at most `ahead` before the
 * thread writing them.
 */
import { parentPort, workerData } from "node:worker_threads";
import { BlockPoster } from "../core/block-channel.js";
import { openStore } from "./open-store.js";
import { type SearchDocumentPart, type SearchDocumentRequest, searchDocuments } from "./search-documents.js";

if (parentPort === null)
  throw new Error("search-document-worker.ts runs as a worker thread, started by searchDocumentsOnWorker");
const { location, batch, channel } = workerData as SearchDocumentRequest;
const poster = new BlockPoster<SearchDocumentPart>(channel);
try {
  const store = await openStore(location);
  try {
    for await (const part of searchDocuments(store, batch)) {
      poster.waitForRoom();
      poster.post(part);
    }
  } finally {
    await store.close();
  }
} catch (error) {
  poster.fail(error);
}
