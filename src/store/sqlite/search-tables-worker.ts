/**
 * The entry of a worker thread that derives the search tables of the SQLite file named in its `workerData` (see
 * `deriveInWorker`), posts them, their buffers transferred, and ends: the seconds of reading and sorting a large
 * index are spent here, not on a server's event loop.
 */
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import type { SearchTablesReply, SearchTablesRequest } from "./search-memory.js";
import { readSearchTables, searchTablesBuffers } from "./search-tables.js";

const port = parentPort;
if (port === null)
  throw new Error("search-tables-worker.ts runs as a worker thread, started by deriveInWorker");
const { location } = workerData as SearchTablesRequest;
let db: Database.Database | undefined;
try {
  db = new Database(location, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  const tables = readSearchTables(db);
  port.postMessage({ tables } satisfies SearchTablesReply, searchTablesBuffers(tables));
} catch (error) {
  port.postMessage({
    problem: error instanceof Error ? error.message : String(error),
  } satisfies SearchTablesReply);
} finally {
  db?.close();
}
