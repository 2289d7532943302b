import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDemoStore } from "../../test/demo-store.js";
import { isCampusGraphError } from "../core/errors.js";
import type { AnchorCount, Store } from "../store/store.js";
import { importWikipedia } from "./import-wikipedia.js";

const MINI_DUMP = join(import.meta.dirname, "..", "..", "test", "fixtures", "wikipedia", "mini-enwiki.xml");

describe("importWikipedia", () => {
  let store: Store;
  beforeEach(async () => {
    store = await openDemoStore();
  });
  afterEach(() => store.close());

  const anchors = async () => {
    const all: AnchorCount[] = [];
    for await (const a of store.scanAnchors()) all.push(a);
    return all;
  };

  it("adds a lead as description where the corpus has none, and keeps the corpus's own", async () => {
    const before = await store.getRecord({ type: "concept", id: "Interleukin_6" });
    const report = await importWikipedia(store, MINI_DUMP);
    expect(report).toMatchObject({ lang: "en", pages: 5, articles: 3, redirects: 1, descriptionsAdded: 1 });
    const inflammation = await store.getRecord({ type: "concept", id: "Inflammation" });
    expect(inflammation?.description?.en).toMatch(/^Inflammation is the answer of living tissue to injury/);
    expect(inflammation?.description?.en).not.toMatch(/ref|\{\{|\[\[/);
    expect(inflammation?.attrs?.wikipedia_categories_en).toEqual(["Immune system", "Pathology"]);
    const il6 = await store.getRecord({ type: "concept", id: "Interleukin_6" });
    expect(il6?.description).toEqual(before?.description);
  });

  it("turns a redirect to a concept into an alias", async () => {
    await importWikipedia(store, MINI_DUMP);
    const il6 = await store.getRecord({ type: "concept", id: "Interleukin_6" });
    expect(il6?.aliases).toContain("IL6 protein");
  });

  it("counts anchor texts of links to concepts, through redirects, and replaces them on re-import", async () => {
    await importWikipedia(store, MINI_DUMP);
    const first = await anchors();
    expect(first).toEqual(
      expect.arrayContaining([
        { surface: "IL-6", conceptId: "Interleukin_6", count: 1 },
        { surface: "Interleukin 6", conceptId: "Interleukin_6", count: 1 },
        { surface: "interleukin-6", conceptId: "Interleukin_6", count: 1 },
        { surface: "T lymphocytes", conceptId: "T_cell", count: 1 },
        { surface: "cytokines", conceptId: "Cytokine", count: 1 },
      ]),
    );
    expect(first.some((a) => a.conceptId === "Immunology")).toBe(false);
    await importWikipedia(store, MINI_DUMP);
    expect(await anchors()).toEqual(first);
  });

  it("names a concept in the dump's language from a non-English dump", async () => {
    const report = await importWikipedia(store, MINI_DUMP, { lang: "fr" });
    expect(report.namesAdded).toBeGreaterThan(0);
    expect((await store.getRecord({ type: "concept", id: "Inflammation" }))?.name).toEqual({
      en: "Inflammation",
      fr: "Inflammation",
    });
  });

  it("keeps nothing when the dump cannot be read", async () => {
    const counts = await store.countRecords();
    const error = await importWikipedia(store, join(import.meta.dirname, "missing.xml.bz2")).catch((e) => e);
    expect(isCampusGraphError(error)).toBe(true);
    expect(await store.countRecords()).toEqual(counts);
    expect(await anchors()).toEqual([]);
  });
});
