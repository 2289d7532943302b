import { describe, expect, it } from "vitest";
import type { NeighbourEdge } from "../graph/neighbourhood.js";
import { ALIKE_WEIGHT, oneOfEachVariant, withRecordsAlike } from "./graph-inputs.js";

// Nodes 0–19 are courses, 20–29 MOOCs.
const typeOf = (node: number) => (node < 20 ? "course" : "mooc");
const semantic = (target: number, score: number): NeighbourEdge => ({
  source: 0,
  target,
  score,
  kind: "semantic",
  evidence: { shared: ["Concrete"] },
});

describe("a record's semantic edges with its records alike in words", () => {
  it("scores a target of its own type 1 − (1 − s)(1 − α·t) and lists one alike only as similar-text", () => {
    const alike = { targets: Int32Array.from([2, 3]), scores: Float32Array.from([1, 0.5]) };
    const edges = withRecordsAlike(
      0,
      "course",
      [semantic(1, 0.4), semantic(2, 0.2), semantic(21, 0.3)],
      alike,
      typeOf,
    );
    const byTarget = new Map(edges.map((e) => [e.target, e]));
    expect(byTarget.get(21)).toEqual(semantic(21, 0.3));
    expect(byTarget.get(1)?.score).toBe(0.4);
    expect(byTarget.get(2)?.score).toBeCloseTo(1 - 0.8 * (1 - ALIKE_WEIGHT), 4);
    expect(byTarget.get(2)?.kind).toBe("semantic");
    expect(byTarget.get(2)?.evidence).toEqual({ shared: ["Concrete"], alike: 1 });
    expect(byTarget.get(3)).toMatchObject({ kind: "similar-text", evidence: { alike: 0.5 } });
    expect(byTarget.get(3)?.score).toBeCloseTo(0.5 * ALIKE_WEIGHT, 4);
  });

  it("joins every record alike, and keeps its edges as they are without words alike", () => {
    const alike = {
      targets: Int32Array.from({ length: 10 }, (_, i) => 10 + i),
      scores: new Float32Array(10).fill(1),
    };
    const own = Array.from({ length: 10 }, (_, i) => semantic(1 + i, 0.9 - i * 0.05));
    // Course 10 is both semantic and alike: one edge.
    expect(withRecordsAlike(0, "course", own, alike, typeOf).length).toBe(19);
    expect(withRecordsAlike(0, "course", own, undefined, typeOf)).toEqual(own);
  });
});

describe("a record's related records, one of each variant group", () => {
  it("keeps the best scored of a group and names the others under it, records of no group as they are", () => {
    // 1, 2 and 3 are sections of one course (group 1); 4 has none.
    const variantOf = (node: number) => (node >= 1 && node <= 3 ? 1 : -1);
    const idOf = (node: number) => `C-${node}`;
    const listed = oneOfEachVariant(
      [semantic(1, 0.3), semantic(2, 0.5), semantic(4, 0.4), semantic(3, 0.2)],
      variantOf,
      idOf,
      typeOf,
    );
    expect(listed.map((e) => e.target)).toEqual([2, 4]);
    expect(listed[0]?.evidence).toEqual({ shared: ["Concrete"], also: ["C-1", "C-3"] });
    expect(listed[1]).toEqual(semantic(4, 0.4));
  });

  it("keeps the best ten of each type once the variants are grouped", () => {
    // Courses 1–3 are one course's sections; twelve more courses and two MOOCs.
    const variantOf = (node: number) => (node <= 3 ? 1 : -1);
    const edges = [
      ...Array.from({ length: 15 }, (_, i) => semantic(1 + i, 0.9 - i * 0.01)),
      semantic(20, 0.1),
      semantic(21, 0.05),
    ];
    const listed = oneOfEachVariant(edges, variantOf, (n) => `C-${n}`, typeOf);
    expect(listed.filter((e) => typeOf(e.target) === "course").map((e) => e.target)).toEqual([
      1, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
    expect(listed.filter((e) => typeOf(e.target) === "mooc")).toHaveLength(2);
  });
});
