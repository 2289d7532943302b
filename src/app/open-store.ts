/**
 * The composition root's choice of Store engine: the one place that knows which engines exist.
 */
import { PostgresStore } from "../store/postgres/postgres-store.js";
import { SqliteStore } from "../store/sqlite/sqlite-store.js";
import type { Store } from "../store/store.js";
import { isServerUrl } from "./config.js";

/** Options of `openStore`. */
export interface OpenStoreOptions {
  /** Create the database when it does not exist; default false (reading a missing database is an error). */
  readonly create?: boolean;
  /**
   * Read replicas of a PostgreSQL primary (`$CAMPUS_GRAPH_DB_READ`): reads go there, writes to the primary.
   * Only processes that serve and do not write should pass them: a replica may lag behind the primary.
   */
  readonly readReplicas?: readonly string[];
  /**
   * For a process that serves: what the engine derives in memory from the search index is derived again off the
   * event loop after another process writes the index, answering from the previous tables meanwhile; default false.
   */
  readonly refreshInBackground?: boolean;
}

/** Opens the Store at `location`: a `postgres://` URL or a SQLite file path. */
export async function openStore(location: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (isServerUrl(location)) {
    return PostgresStore.open(location, { readUrls: options.readReplicas ?? [] });
  }
  return SqliteStore.open(location, {
    create: options.create ?? false,
    refreshInBackground: options.refreshInBackground ?? false,
  });
}
