import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_CORPUS } from "../../test/demo-store.js";
import { SqliteStore } from "../store/sqlite/sqlite-store.js";
import { buildGraph } from "./build-graph.js";
import { buildSearchIndex } from "./build-search-index.js";
import { importCorpus } from "./import-corpus.js";

const folder = mkdtempSync(join(tmpdir(), "search-index-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Every row of the search tables of the file at `location` and its learned translations, in key order. */
function searchRows(location: string): unknown[] {
  const db = new Database(location, { readonly: true });
  try {
    return [
      "SELECT * FROM search_docs ORDER BY pk",
      "SELECT * FROM search_names ORDER BY doc, position",
      "SELECT * FROM search_tokens ORDER BY doc",
      "SELECT * FROM search_terms ORDER BY term",
      "SELECT rowid, * FROM search_text ORDER BY rowid",
      "SELECT key, value FROM meta WHERE key LIKE '%translation%'",
    ].map((sql) => db.prepare(sql).raw().all());
  } finally {
    db.close();
  }
}

describe("buildSearchIndex", () => {
  it("writes the same index when a worker thread makes the documents from the database's file", async () => {
    const location = join(folder, "demo.db");
    const store = SqliteStore.open(location);
    try {
      await importCorpus(store, DEMO_CORPUS);
      await buildGraph(store, { detectWorkers: 0 });
      const here = await buildSearchIndex(store);
      const inline = searchRows(location);
      // Batches of 7: the worker runs ahead of the writes over many of them.
      const there = await buildSearchIndex(store, { documentsFrom: location, batch: 7 });
      expect(there.documents).toBe(here.documents);
      expect(here.documents).toBeGreaterThan(50);
      expect(searchRows(location)).toEqual(inline);
    } finally {
      await store.close();
    }
  });

  it("fails with the worker's error and keeps the index it had when the worker cannot read the database", async () => {
    const location = join(folder, "kept.db");
    const store = SqliteStore.open(location);
    try {
      await importCorpus(store, DEMO_CORPUS);
      await buildSearchIndex(store);
      const before = searchRows(location);
      await expect(buildSearchIndex(store, { documentsFrom: join(folder, "missing.db") })).rejects.toThrow(
        /search document worker: .*no such file/s,
      );
      expect(searchRows(location)).toEqual(before);
    } finally {
      await store.close();
    }
  });
});
