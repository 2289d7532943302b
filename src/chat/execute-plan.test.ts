import { describe, expect, it } from "vitest";
import { executePlan, strongHits } from "./execute-plan.js";
import type { CallApi } from "./resolve-subject.js";

describe("strongHits", () => {
  it("keeps the hits scoring at least a quarter of the first one's, in order", () => {
    const hits = [14.1, 10.9, 7.2, 2.9, 2.7].map((score, i) => ({ id: `h${i}`, score }));
    expect(strongHits(hits).map((h) => h.id)).toEqual(["h0", "h1", "h2"]);
    expect(strongHits([])).toEqual([]);
    // A whole-name hit comes first with a low score: nothing after it is cut.
    const named = [1.2, 14, 10, 0.4].map((score, i) => ({ id: `n${i}`, score }));
    expect(strongHits(named).map((h) => h.id)).toEqual(["n0", "n1", "n2", "n3"]);
  });
});

describe("executePlan", () => {
  // A fake API: search answers by query; each record's year is its id's number.
  const call: CallApi = async (c) => {
    if (c.path === "/api/search") {
      const items = (c.query?.q === "a" ? ["x1", "x2", "x3"] : ["x2", "x3", "x4"]).map((id) => ({
        type: "course",
        id,
        name: id,
        score: 1,
      }));
      return { items };
    }
    const id = c.path.split("/")[3] ?? "";
    return { record: { type: "course", id, name: { en: id }, attrs: { year: Number(id.slice(1)) } } };
  };
  const searchFor = (query: string) => ({
    op: "search" as const,
    query,
    types: ["course" as const],
    limit: 10,
  });

  it("intersects, unites, sorts by year and limits earlier results without adding records", async () => {
    const results = await executePlan(
      [
        searchFor("a"),
        searchFor("b"),
        { op: "intersection", of: [0, 1] },
        { op: "union", of: [0, 1] },
        { op: "sort", from: 3, by: "year" },
        { op: "limit", from: 4, count: 2 },
      ],
      call,
      "en",
    );
    expect(results.map((r) => r.map((n) => n.id))).toEqual([
      ["x1", "x2", "x3"],
      ["x2", "x3", "x4"],
      ["x2", "x3"],
      ["x1", "x2", "x3", "x4"],
      ["x4", "x3", "x2", "x1"],
      ["x4", "x3"],
    ]);
  });
});
