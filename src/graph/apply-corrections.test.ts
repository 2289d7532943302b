import { describe, expect, it } from "vitest";
import { applyEdgeCorrections, CURATED_KIND } from "./apply-corrections.js";
import { listKey, type NeighbourEdge, type Neighbourhoods } from "./neighbourhood.js";

// Nodes 0-1 are courses, 2-4 concepts.
const typeOf = (n: number) => (n < 2 ? "course" : "concept");
const edge = (source: number, target: number, score: number): NeighbourEdge => ({
  source,
  target,
  score,
  kind: "concept",
  evidence: {},
});
const fresh = (): Neighbourhoods =>
  new Map([
    [listKey(0, "concept"), [edge(0, 2, 0.9), edge(0, 3, 0.5)]],
    [listKey(2, "course"), [edge(2, 0, 0.9)]],
    [listKey(3, "course"), [edge(3, 0, 0.5)]],
  ]);
const targets = (lists: Neighbourhoods, source: number, type: string) =>
  lists.get(listKey(source, type))?.map((e) => e.target);

describe("applyEdgeCorrections", () => {
  it("removes a hidden edge from both ends' lists, dropping a list left empty", () => {
    const lists = fresh();
    applyEdgeCorrections(lists, [{ kind: "hide", source: 0, target: 2, id: 1, why: "" }], typeOf);
    expect(targets(lists, 0, "concept")).toEqual([3]);
    expect(lists.has(listKey(2, "course"))).toBe(false);
    expect(targets(lists, 3, "course")).toEqual([0]);
  });

  it("moves a pinned edge first with score 1, kind curated and the correction as evidence", () => {
    const lists = fresh();
    applyEdgeCorrections(lists, [{ kind: "pin", source: 0, target: 3, id: 7, why: "core topic" }], typeOf);
    expect(targets(lists, 0, "concept")).toEqual([3, 2]);
    expect(lists.get(listKey(0, "concept"))?.[0]).toEqual({
      source: 0,
      target: 3,
      score: 1,
      kind: CURATED_KIND,
      evidence: { correction: 7, why: "core topic" },
    });
  });

  it("adds a pinned edge that was absent, creating its list", () => {
    const lists = fresh();
    applyEdgeCorrections(lists, [{ kind: "pin", source: 1, target: 4, id: 2, why: "" }], typeOf);
    expect(targets(lists, 1, "concept")).toEqual([4]);
  });

  it("lets a later correction of the same edge win", () => {
    const lists = fresh();
    applyEdgeCorrections(
      lists,
      [
        { kind: "pin", source: 0, target: 3, id: 1, why: "" },
        { kind: "hide", source: 0, target: 3, id: 2, why: "" },
      ],
      typeOf,
    );
    expect(targets(lists, 0, "concept")).toEqual([2]);
  });
});
