import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDemoStore } from "../../test/demo-store.js";
import { isCampusGraphError } from "../core/errors.js";
import type { Store } from "../store/store.js";
import { buildGraph } from "./build-graph.js";
import { ensureSearchIndex, refreshSearchIndex, SEARCH_STATE_KEY } from "./build-search-index.js";
import { autocompleteRecords, searchRecords } from "./search-records.js";

let store: Store;
beforeEach(async () => {
  store = await openDemoStore();
});
afterEach(() => store.close());

const invalid = (e: unknown) => isCampusGraphError(e, "INVALID_ARGUMENT");

describe("searchRecords", () => {
  it("builds the index on first use and shapes each hit", async () => {
    expect(await store.search.countSearchDocuments()).toBe(0);
    const result = await searchRecords(store, { query: "Interleukin 6" });
    expect(await store.search.countSearchDocuments()).toBeGreaterThan(0);
    expect(Object.keys(result.items[0] ?? {}).sort()).toEqual([
      "description",
      "highlight",
      "id",
      "name",
      "score",
      "type",
    ]);
    expect(result.items[0]?.id).toBe("Interleukin_6");
  });

  it("refuses an unknown type, a limit above 100, a negative offset and an unknown language", async () => {
    await expect(searchRecords(store, { query: "x", types: ["planet"] })).rejects.toSatisfy(invalid);
    await expect(searchRecords(store, { query: "x", limit: 101 })).rejects.toSatisfy(invalid);
    await expect(searchRecords(store, { query: "x", limit: 0 })).rejects.toSatisfy(invalid);
    await expect(searchRecords(store, { query: "x", offset: -1 })).rejects.toSatisfy(invalid);
    await expect(searchRecords(store, { query: "x", lang: "de" })).rejects.toSatisfy(invalid);
    await expect(autocompleteRecords(store, { query: "x", types: ["planet"] })).rejects.toSatisfy(invalid);
  });

  it("accepts a type the store holds even when the format does not name it", async () => {
    await store.transaction((w) =>
      w.upsertRecords([{ type: "lab", id: "L1", name: { en: "Robotics lab" } }]),
    );
    const result = await searchRecords(store, { query: "robotics lab", types: ["lab"] });
    expect(result.items.map((i) => i.id)).toEqual(["L1"]);
  });

  it("cuts a query longer than 1,000 characters instead of refusing it", async () => {
    const result = await searchRecords(store, { query: `Deep learning ${"z".repeat(5_000)}` });
    expect(result.items).toBeInstanceOf(Array);
  });
});

describe("search index maintenance", () => {
  it("rebuilds when records were added since the last build, and not otherwise", async () => {
    expect(await ensureSearchIndex(store)).toBe(true);
    expect(await ensureSearchIndex(store)).toBe(false);
    await store.transaction((w) =>
      w.upsertRecords([{ type: "concept", id: "Zebra", name: { en: "Zebra" } }]),
    );
    expect(await ensureSearchIndex(store)).toBe(true);
    expect(await store.getMeta(SEARCH_STATE_KEY)).toContain('"concept"');
    expect((await searchRecords(store, { query: "zebra" })).items[0]?.id).toBe("Zebra");
  });

  it("rebuilds when the graph was written after it, as a build killed before its search index leaves them", async () => {
    await ensureSearchIndex(store);
    const before = await store.search.findById("Interleukin_6", ["concept"], 1);
    expect(before[0]?.importance).toBeUndefined();
    // The graph's transaction commits; the search index that `campus-graph build` writes next never does.
    await buildGraph(store);
    expect(await ensureSearchIndex(store)).toBe(true);
    expect(await ensureSearchIndex(store)).toBe(false);
    let importance: number | undefined;
    for await (const score of store.graph.scanNodeScores()) {
      if (score.key.id === "Interleukin_6") importance = score.importance;
    }
    expect(importance).toBeGreaterThan(0);
    expect((await store.search.findById("Interleukin_6", ["concept"], 1))[0]?.importance).toBe(importance);
  });

  it("rebuilds an index built under an older format, the same records or not", async () => {
    await ensureSearchIndex(store);
    expect(await ensureSearchIndex(store)).toBe(false);
    const counts = await store.countRecords();
    // What a database indexed before formats were versioned holds: the counts alone.
    await store.transaction((w) => w.setMeta(SEARCH_STATE_KEY, JSON.stringify(counts)));
    expect(await ensureSearchIndex(store)).toBe(true);
    expect(await ensureSearchIndex(store)).toBe(false);
  });

  it("refreshes the given records only", async () => {
    await ensureSearchIndex(store);
    await store.transaction((w) =>
      w.upsertRecords([{ type: "concept", id: "Vaccine", name: { en: "Vaccine shot" } }]),
    );
    expect(
      await refreshSearchIndex(store, [
        { type: "concept", id: "Vaccine" },
        { type: "concept", id: "nope" },
      ]),
    ).toBe(1);
    const hit = (await searchRecords(store, { query: "vaccine shot" })).items[0];
    expect(hit).toMatchObject({ id: "Vaccine", name: "Vaccine shot" });
  });
});
