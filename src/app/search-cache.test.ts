import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_CORPUS, openDemoStore } from "../../test/demo-store.js";
import type { Store } from "../store/store.js";
import { buildSearchIndex, refreshSearchIndex } from "./build-search-index.js";
import { importCorpus } from "./import-corpus.js";
import { openStore } from "./open-store.js";
import { cachedSearches } from "./search-cache.js";

let store: Store;
beforeEach(async () => {
  store = await openDemoStore();
  await buildSearchIndex(store);
});
afterEach(() => store.close());

describe("cachedSearches", () => {
  it("answers a repeated request with the answer computed first", async () => {
    const searches = cachedSearches(store);
    const first = await searches.search({ query: "Interleukin 6" });
    expect(first.items[0]?.id).toBe("Interleukin_6");
    expect(await searches.search({ query: "Interleukin 6" })).toBe(first);
    expect(await searches.search({ query: "Interleukin 6", limit: 3 })).not.toBe(first);
    expect(await searches.search({ query: "Interleukin 6", offset: 1 })).not.toBe(first);
  });

  it("computes again once the index is written, here or by another process", async () => {
    const searches = cachedSearches(store);
    const first = await searches.autocomplete({ query: "interl" });
    await buildSearchIndex(store);
    const second = await searches.autocomplete({ query: "interl" });
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
  });

  it("answers as before while another process imports, and with the import once its final commit is derived", async () => {
    const folder = mkdtempSync(join(tmpdir(), "campus-graph-search-cache-"));
    const path = join(folder, "campus.db");
    const importer = await openStore(path, { create: true });
    const server = await openStore(path, { refreshInBackground: true });
    try {
      await importCorpus(importer, DEMO_CORPUS);
      await buildSearchIndex(importer);
      const searches = cachedSearches(server);
      // A typo: only the name vocabulary held in memory corrects it.
      const ask = async () =>
        (await searches.search({ query: "kryogenic", ensureIndex: false })).items.map((hit) => hit.id);
      expect(await ask()).toEqual([]);
      const corpus = join(folder, "new.jsonl");
      const course = { type: "course", id: "PHYS-999", name: { en: "Cryogenic engineering" } };
      writeFileSync(corpus, `${JSON.stringify(course)}\n`);
      const during: Promise<string[]>[] = [];
      const report = await importCorpus(importer, corpus, { onProgress: () => during.push(ask()) });
      expect(during).not.toHaveLength(0);
      for (const answer of during) expect(await answer).toEqual([]);

      const tables = await server.search.searchTablesVersion();
      // The import's final commit, as `campus-graph import` makes it: the search index of the records changed.
      await refreshSearchIndex(importer, report.changed);
      expect(await ask()).toEqual([]);
      while ((await server.search.searchTablesVersion()) === tables) await delay(10);
      expect(await ask()).toEqual(["PHYS-999"]);
    } finally {
      await server.close();
      await importer.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("keeps nothing with a capacity of 0", async () => {
    const searches = cachedSearches(store, { capacity: 0 });
    const first = await searches.search({ query: "immunology" });
    expect(await searches.search({ query: "immunology" })).not.toBe(first);
  });
});
