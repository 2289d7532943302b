/**
 * The demo corpus imported into an in-memory SQLite store, for tests that need real records.
 */
import { join } from "node:path";
import { importCorpus } from "../src/app/import-corpus.js";
import { SqliteStore } from "../src/store/sqlite/sqlite-store.js";
import type { Store } from "../src/store/store.js";

/** The demo corpus folder. */
export const DEMO_CORPUS = join(import.meta.dirname, "fixtures", "demo-corpus");

/** A new in-memory store holding the demo corpus. */
export async function openDemoStore(): Promise<Store> {
  const store = SqliteStore.open(":memory:");
  await importCorpus(store, DEMO_CORPUS);
  return store;
}
