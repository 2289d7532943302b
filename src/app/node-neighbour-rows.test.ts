import { describe, expect, it } from "vitest";
import { applyEdgeCorrections, type EdgeCorrection } from "../graph/apply-corrections.js";
import {
  assembleNeighbourhoods,
  degreeScores,
  importanceScores,
  type NeighbourEdge,
} from "../graph/neighbourhood.js";
import type { Nodes } from "./graph-inputs.js";
import { organisationalFacts, toRows } from "./graph-inputs.js";
import { nodeNeighbourRows } from "./node-neighbour-rows.js";

// Six records; node 5's links include one to itself, one to a record that does not exist and a concept hyperlink.
const TYPES = ["course", "person", "course", "unit", "concept", "course"];
const LINKS: [owner: number, rel: string, target: number][] = [
  [0, "teacher", 1],
  [0, "prerequisite", 2],
  [1, "member", 3],
  [2, "teacher", 1],
  [2, "prerequisite", 0],
  [5, "prerequisite", 5],
  [5, "teacher", -1],
  [5, "link", 4],
  [5, "teacher", 1],
];

function sampleNodes(): Nodes {
  const rels = [...new Set(LINKS.map(([, rel]) => rel))];
  const start = new Int32Array(TYPES.length + 1);
  for (const [owner] of LINKS) start[owner + 1] = (start[owner + 1] ?? 0) + 1;
  for (let n = 0; n < TYPES.length; n += 1) start[n + 1] = (start[n + 1] ?? 0) + (start[n] ?? 0);
  return {
    keys: TYPES.map((type, n) => ({ type, id: `r${n}` })),
    names: TYPES.map((_, n) => `R${n}`),
    index: new Map(TYPES.map((type, n) => [`${type}\0r${n}`, n])),
    links: {
      start,
      target: Int32Array.from(LINKS, ([, , target]) => target),
      rel: Uint16Array.from(LINKS, ([, rel]) => rels.indexOf(rel)),
      rels,
    },
    categories: { parent: new Map(), ofConcept: new Map() },
    records: [],
  };
}

const edge = (source: number, target: number, score: number, kind = "semantic"): NeighbourEdge => ({
  source,
  target,
  score,
  kind,
  evidence: { shared: [kind] },
});
// Computed edges, some between records linked as facts too, and two with equal scores.
const SCORED = [
  edge(0, 2, 0.5),
  edge(0, 5, 0.5),
  edge(2, 0, 0.4),
  edge(0, 4, 0.9, "concept"),
  edge(5, 4, 0.3, "concept"),
  edge(4, 0, 0.7, "concept"),
  edge(4, 5, 0.2, "concept"),
  edge(1, 4, 0.6, "concept"),
];
const CORRECTIONS: EdgeCorrection[] = [
  { kind: "hide", source: 5, target: 0, id: 1, why: "unrelated" },
  { kind: "pin", source: 3, target: 0, id: 2, why: "hosts it" },
  { kind: "hide", source: 4, target: 5, id: 3, why: "wrong sense" },
  { kind: "pin", source: 4, target: 5, id: 4, why: "after all" },
];

describe("nodeNeighbourRows", () => {
  it("writes the rows and degrees that assembling every node's lists at once gives", () => {
    const nodes = sampleNodes();
    const typeOf = (n: number) => nodes.keys[n]?.type ?? "";
    const lists = assembleNeighbourhoods({ typeOf, facts: organisationalFacts(nodes), scored: SCORED });
    applyEdgeCorrections(lists, CORRECTIONS, typeOf);
    const expectedScores = degreeScores(lists, typeOf);
    const expected = [...toRows(lists, nodes)];

    const degrees = new Map<number, Record<string, number>>();
    const scoredOf = (node: number) => SCORED.filter((e) => e.source === node);
    const rows = [...nodeNeighbourRows(nodes, { scoredOf, corrections: CORRECTIONS }, degrees)];

    // Lists may come in another order; each list's rows, and each node's degrees as stored (JSON), may not.
    const byList = (all: typeof rows) => {
      const lists = new Map<string, typeof rows>();
      for (const r of all) {
        const key = `${r.source.id} ${r.target.type}`;
        lists.set(key, [...(lists.get(key) ?? []), r]);
      }
      return [...lists].sort(([a], [b]) => a.localeCompare(b));
    };
    expect(byList(rows)).toEqual(byList(expected));
    const stored = (scores: typeof expectedScores) => JSON.stringify([...scores].sort(([a], [b]) => a - b));
    expect(stored(importanceScores(degrees, typeOf))).toBe(stored(expectedScores));
  });

  it("lists a record's incoming facts in record order, a link to itself once, and no row for a missing record", () => {
    const nodes = sampleNodes();
    const rows = [...nodeNeighbourRows(nodes, { scoredOf: () => [], corrections: [] }, new Map())];
    const of5 = rows
      .filter((r) => r.source.id === "r5")
      .map((r) => [r.target.id, r.kind, r.evidence.direction]);
    // The self-link makes one row (a target listed twice keeps its first row); the missing record and the
    // concept hyperlink make none.
    expect(of5).toEqual([
      ["r5", "prerequisite", "out"],
      ["r1", "teacher", "out"],
    ]);
    const of1 = rows.filter((r) => r.source.id === "r1").map((r) => [r.target.id, r.evidence.direction]);
    expect(of1).toEqual([
      ["r0", "in"],
      ["r2", "in"],
      ["r5", "in"],
      ["r3", "out"],
    ]);
  });
});
