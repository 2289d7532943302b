import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDemoStore } from "../../test/demo-store.js";
import type { RecordKey } from "../store/store.js";
import { buildGraph, GRAPH_STAMP_KEY } from "./build-graph.js";
import { buildSearchIndex } from "./build-search-index.js";
import { importCorpus } from "./import-corpus.js";
import { readRefreshPending } from "./pending-refresh.js";
import { refreshDerived, UPDATE_LIMIT } from "./refresh-derived.js";

const COURSE = { type: "course", id: "BIO-310" };
const NEW_NAME = "Reinforced concrete structures";

async function renameCourse(store: Awaited<ReturnType<typeof openDemoStore>>): Promise<readonly RecordKey[]> {
  const before = await store.getRecord(COURSE);
  const outcome = await store.transaction((w) =>
    w.upsertRecords([{ ...COURSE, name: { en: NEW_NAME }, links: before?.links ?? [] }]),
  );
  return outcome.changed;
}

const neverRebuild = async () => {
  throw new Error("rebuild called");
};

describe("refreshDerived", () => {
  it("touches nothing in a database that has neither graph nor search index", async () => {
    const store = await openDemoStore();
    const changed = await renameCourse(store);
    expect(await refreshDerived(store, changed, neverRebuild)).toEqual({ kind: "none" });
    expect(await store.search.countSearchDocuments()).toBe(0);
  });

  it("updates the graph and refreshes the search index for a few changed records", async () => {
    const store = await openDemoStore();
    await buildGraph(store, { stamp: "corpus v1" });
    await buildSearchIndex(store);
    const changed = await renameCourse(store);
    const refreshed = await refreshDerived(store, changed, neverRebuild);
    expect(refreshed).toMatchObject({ kind: "updated", report: { changed: 1 } });
    const hits = await store.search.findByName(["reinforced concrete structure"], ["course"], 5);
    expect(hits.map((h) => h.id)).toContain("BIO-310");
  });

  it("hands a large change to the caller's full rebuild, with the stamp of the build it replaces", async () => {
    const store = await openDemoStore();
    await buildGraph(store, { stamp: "corpus v1" });
    const stamp = await store.getMeta(GRAPH_STAMP_KEY);
    const many = Array.from({ length: UPDATE_LIMIT + 1 }, (_, i) => ({ type: "course", id: `C-${i}` }));
    const stamps: string[] = [];
    const refreshed = await refreshDerived(store, many, async (s) => {
      stamps.push(s);
    });
    expect(refreshed).toEqual({ kind: "rebuilt", changed: UPDATE_LIMIT + 1 });
    expect(stamps).toEqual([stamp]);
  });

  it("finishes the refresh that an import stopped after its commit left pending", async () => {
    const store = await openDemoStore();
    await buildGraph(store, { stamp: "corpus v1" });
    await buildSearchIndex(store);
    expect(await readRefreshPending(store)).toBeUndefined();
    const folder = mkdtempSync(join(tmpdir(), "campus-graph-pending-"));
    try {
      const file = join(folder, "rename.jsonl");
      const before = await store.getRecord(COURSE);
      writeFileSync(
        file,
        `${JSON.stringify({ ...COURSE, name: { en: NEW_NAME }, links: before?.links ?? [] })}\n`,
      );
      // The import commits the rename, then is stopped before it refreshes anything.
      expect((await importCorpus(store, file)).changed).toEqual([COURSE]);
      expect(await readRefreshPending(store)).toEqual([COURSE]);
      // Run again, it changes nothing, but the rename is still to be refreshed.
      expect((await importCorpus(store, file)).changed).toEqual([]);
      const refreshed = await refreshDerived(store, [], neverRebuild);
      expect(refreshed).toMatchObject({ kind: "updated", report: { changed: 1 } });
      const hits = await store.search.findByName(["reinforced concrete structure"], ["course"], 5);
      expect(hits.map((h) => h.id)).toContain("BIO-310");
      expect(await readRefreshPending(store)).toBeUndefined();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
