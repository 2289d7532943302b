import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_CORPUS, openDemoStore } from "../../test/demo-store.js";
import { isCampusGraphError } from "../core/errors.js";
import { surfaceTexts } from "../detect/surface-table.js";
import type { Store } from "../store/store.js";
import { buildGraph } from "./build-graph.js";
import { buildSearchIndex } from "./build-search-index.js";
import { addCorrection, reportWrongLink, withdrawCorrection } from "./curate.js";
import { importCorpus } from "./import-corpus.js";
import { loadConceptDictionary } from "./load-concept-dictionary.js";
import { updateGraph } from "./update-graph.js";

const course = { type: "course", id: "BIO-310" };
const concept = { type: "concept", id: "Interleukin_6" };
const clock = () => new Date("2026-12-06T12:00:00Z");

let store: Store;
beforeAll(async () => {
  store = await openDemoStore();
  await buildGraph(store);
});

const conceptsOf = async (key: typeof course) =>
  (await store.graph.neighbours(key, "concept", 100, 0)).items.map((n) => n.node.id);
const coursesOf = async (key: typeof concept) =>
  (await store.graph.neighbours(key, "course", 100, 0)).items.map((n) => n.node.id);

describe("curation on the demo graph", () => {
  it("hides an edge from both ends after a build, through an import, and brings it back once withdrawn", async () => {
    expect(await conceptsOf(course)).toContain(concept.id);
    const hide = await addCorrection(
      store,
      { kind: "hide", source: course, target: concept, why: "not taught", who: "ada" },
      clock,
    );
    expect(await conceptsOf(course)).toContain(concept.id);
    await buildGraph(store);
    expect(await conceptsOf(course)).not.toContain(concept.id);
    expect(await coursesOf(concept)).not.toContain(course.id);
    await importCorpus(store, DEMO_CORPUS);
    await buildGraph(store);
    expect(await conceptsOf(course)).not.toContain(concept.id);
    await withdrawCorrection(store, hide.id, "bob", clock);
    await buildGraph(store);
    expect(await conceptsOf(course)).toContain(concept.id);
    expect(await coursesOf(concept)).toContain(course.id);
  });

  it("applies a hide in the incremental update of the edge's source", async () => {
    const hide = await addCorrection(
      store,
      { kind: "hide", source: course, target: concept, why: "not taught", who: "ada" },
      clock,
    );
    await updateGraph(store, [course]);
    expect(await conceptsOf(course)).not.toContain(concept.id);
    await withdrawCorrection(store, hide.id, "ada", clock);
    await updateGraph(store, [course]);
    expect(await conceptsOf(course)).toContain(concept.id);
  });

  it("pins an edge first in its source's list, kind curated, with the correction as evidence", async () => {
    const pin = await addCorrection(
      store,
      { kind: "pin", source: concept, target: { type: "course", id: "CHE-311" }, why: "core", who: "ada" },
      clock,
    );
    await buildGraph(store);
    const first = (await store.graph.neighbours(concept, "course", 1, 0)).items[0];
    expect(first).toMatchObject({
      node: { id: "CHE-311" },
      edge: { kind: "curated", score: 1, evidence: { correction: pin.id, why: "core" } },
    });
    await withdrawCorrection(store, pin.id, "ada", clock);
  });

  it("refuses a correction naming a missing record, or lacking its target or alias", async () => {
    const missing = { type: "concept", id: "No_such_concept" };
    await expect(
      addCorrection(store, { kind: "hide", source: course, target: missing, why: "", who: "ada" }),
    ).rejects.toSatisfy((e) => isCampusGraphError(e, "RECORD_NOT_FOUND"));
    await expect(
      addCorrection(store, { kind: "pin", source: course, why: "", who: "ada" }),
    ).rejects.toSatisfy((e) => isCampusGraphError(e, "INVALID_ARGUMENT"));
    await expect(
      addCorrection(store, { kind: "alias", source: concept, why: "", who: "ada" }),
    ).rejects.toSatisfy((e) => isCampusGraphError(e, "INVALID_ARGUMENT"));
  });

  it("withdraws a correction only once", async () => {
    const alias = await addCorrection(store, {
      kind: "alias",
      source: concept,
      value: "IL6",
      why: "",
      who: "ada",
    });
    await withdrawCorrection(store, alias.id, "ada");
    await expect(withdrawCorrection(store, alias.id, "ada")).rejects.toSatisfy((e) =>
      isCampusGraphError(e, "CORRECTION_NOT_FOUND"),
    );
  });

  it("stores a reader's report without changing any page", async () => {
    const before = await conceptsOf(course);
    const report = await reportWrongLink(store, { source: course, target: concept, why: "wrong" }, clock);
    expect((await store.curation.listReports(10))[0]).toEqual(report);
    await buildGraph(store);
    expect(await conceptsOf(course)).toEqual(before);
  });

  it("lets the search index and the dictionary know a curated alias, until it is withdrawn", async () => {
    const alias = await addCorrection(store, {
      kind: "alias",
      source: concept,
      value: "zetakine",
      why: "",
      who: "ada",
    });
    await buildSearchIndex(store);
    const found = await store.search.completeNames("zetakine", undefined, 5);
    expect(found.map((f) => f.id)).toEqual([concept.id]);
    const surfaces = surfaceTexts((await loadConceptDictionary(store)).surfaces).map((f) => f.toLowerCase());
    expect(surfaces).toContain("zetakine");
    await withdrawCorrection(store, alias.id, "ada");
    await buildSearchIndex(store);
    expect(await store.search.completeNames("zetakine", undefined, 5)).toEqual([]);
  });

  it("moves a concept to its curated category in the graph and the dictionary, until withdrawn", async () => {
    const categoriesOf = async () =>
      (await store.graph.neighbours(concept, "category", 10, 0)).items.map((n) => n.node.id);
    expect(await categoriesOf()).toEqual(["immunology"]);
    const move = await addCorrection(store, {
      kind: "category",
      source: concept,
      target: { type: "category", id: "chemistry" },
      why: "",
      who: "ada",
    });
    await buildGraph(store);
    expect(await categoriesOf()).toEqual(["chemistry"]);
    await withdrawCorrection(store, move.id, "ada");
    await buildGraph(store);
    expect(await categoriesOf()).toEqual(["immunology"]);
  });
});
