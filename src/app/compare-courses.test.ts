import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoStore } from "../../test/demo-store.js";
import { isCampusGraphError } from "../core/errors.js";
import { createHttpApp } from "../server/create-app.js";
import type { Store } from "../store/store.js";
import { buildGraph } from "./build-graph.js";
import { compareCourses, coverConcepts } from "./compare-courses.js";

describe("courses compared by concepts", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openDemoStore();
    await buildGraph(store);
  });
  afterAll(async () => {
    await store.close();
  });

  it("puts the concepts both courses have first, with each course's score, then each course's own", async () => {
    const result = await compareCourses(store, ["BIO-310", "BIO-479"], "fr");
    expect(result.courses.map((c) => c.name)).toEqual([
      "Interleukine 6 et signalisation des cytokines",
      "Immunologie et immunothérapie",
    ]);
    const shared = result.concepts.filter((c) => c.shared === 2);
    expect(shared.length).toBeGreaterThan(0);
    for (const row of shared) expect(row.scores.every((s) => s !== null && s > 0)).toBe(true);
    const firstOwn = result.concepts.findIndex((c) => c.shared === 1);
    expect(firstOwn).toBeGreaterThanOrEqual(shared.length);
    expect(result.concepts.slice(firstOwn).every((c) => c.shared === 1)).toBe(true);
    const own = await store.graph.neighbours({ type: "course", id: "BIO-310" }, "concept", 100, 0);
    expect(result.concepts.filter((c) => c.scores[0] !== null).length).toBe(own.total);
  });

  it("refuses fewer than 2 or more than 5 courses, and unknown ones", async () => {
    const error = (ids: string[]) => compareCourses(store, ids).catch((e: unknown) => e);
    expect(isCampusGraphError(await error(["BIO-310"]), "INVALID_ARGUMENT")).toBe(true);
    expect(isCampusGraphError(await error(["BIO-310", "BIO-310"]), "INVALID_ARGUMENT")).toBe(true);
    expect(isCampusGraphError(await error(["A", "B", "C", "D", "E", "F"]), "INVALID_ARGUMENT")).toBe(true);
    expect(isCampusGraphError(await error(["BIO-310", "NOPE-1"]), "RECORD_NOT_FOUND")).toBe(true);
  });

  it("marks which concepts of a course the taken courses cover and which are new", async () => {
    const coverage = await coverConcepts(store, "BIO-310", ["BIO-479", "NOPE-1", "BIO-310"]);
    expect(coverage.taken.map((t) => t.id)).toEqual(["BIO-479"]);
    expect(coverage.unknown).toEqual(["NOPE-1"]);
    const taken = new Set(
      (await store.graph.neighbours({ type: "course", id: "BIO-479" }, "concept", 100, 0)).items.map(
        (n) => n.node.id,
      ),
    );
    for (const concept of coverage.concepts) {
      expect(concept.coveredBy).toEqual(taken.has(concept.node.id) ? ["BIO-479"] : []);
    }
    expect(coverage.concepts.some((c) => c.coveredBy.length === 0)).toBe(true);
    expect(coverage.concepts.some((c) => c.coveredBy.length === 1)).toBe(true);
  });

  it("answers GET /api/compare, with 400 and 404 in the one error shape", async () => {
    const app = createHttpApp(store, { logError: () => undefined });
    const ok = await app.request("/api/compare?courses=BIO-310,%20BIO-479");
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { courses: unknown[] }).courses).toHaveLength(2);
    for (const [query, status, code] of [
      ["courses=BIO-310", 400, "INVALID_ARGUMENT"],
      ["", 400, "INVALID_ARGUMENT"],
      ["courses=BIO-310,NOPE-1", 404, "RECORD_NOT_FOUND"],
    ] as const) {
      const response = await app.request(`/api/compare?${query}`);
      expect(response.status, query).toBe(status);
      expect(((await response.json()) as { error: { code: string } }).error.code, query).toBe(code);
    }
  });
});
