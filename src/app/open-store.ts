/**
 * The composition root's choice of Store engine: the one place that knows which engines exist.
 */
import { CampusGraphError } from "../core/errors.js";
import { SqliteStore } from "../store/sqlite/sqlite-store.js";
import type { Store } from "../store/store.js";
import { isServerUrl } from "./config.js";

/** Options of `openStore`. */
export interface OpenStoreOptions {
  /** Create the database when it does not exist; default false (reading a missing database is an error). */
  readonly create?: boolean;
}

/** Opens the Store at `location`: a `postgres://` URL or a SQLite file path. */
export async function openStore(location: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (isServerUrl(location)) {
    throw new CampusGraphError("DATABASE_ENGINE_UNSUPPORTED", {
      location: location.replace(/\/\/[^@]*@/, "//…@"),
    });
  }
  return SqliteStore.open(location, { create: options.create ?? false });
}
