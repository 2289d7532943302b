import { describe, expect, it } from "vitest";
import type { ConceptRelation } from "./concept-relations.js";
import { RelationColumns } from "./relation-columns.js";

describe("RelationColumns", () => {
  const relations: ConceptRelation[] = [
    {
      source: 0,
      target: 1,
      score: 0.71,
      evidence: {
        link: true,
        described: 0.4,
        cooccurrence: 0.2,
        cluster: false,
        category: true,
        sense: 0.9,
        tree: 0.5,
      },
    },
    {
      source: 0,
      target: 2,
      score: 0.3,
      evidence: { link: false, cooccurrence: 0.35, cluster: true, category: false },
    },
    {
      source: 1,
      target: 0,
      score: 0.2,
      evidence: { link: false, cooccurrence: 0, cluster: false, category: true, sense: 1 },
    },
    // Concept 3 has no node: its relations are left out.
    {
      source: 3,
      target: 0,
      score: 0.5,
      evidence: { link: true, cooccurrence: 0, cluster: false, category: false },
    },
    {
      source: 2,
      target: 3,
      score: 0.5,
      evidence: { link: true, cooccurrence: 0, cluster: false, category: false },
    },
  ];
  // Concepts 0, 1, 2 are nodes 7, 5, 6.
  const nodeOf = (concept: number) => [7, 5, 6][concept];

  it("gives each node its relations' edges with the relations' scores and evidence, key order included", () => {
    const columns = new RelationColumns(relations, nodeOf, 8);
    const edges = columns.take(7);
    expect(edges).toEqual([
      { source: 7, target: 5, score: 0.71, kind: "related-concept", evidence: relations[0]?.evidence },
      { source: 7, target: 6, score: 0.3, kind: "related-concept", evidence: relations[1]?.evidence },
    ]);
    expect(edges.map((e) => JSON.stringify(e.evidence))).toEqual(
      [relations[0], relations[1]].map((r) => JSON.stringify(r?.evidence)),
    );
    expect(JSON.stringify(columns.take(5)[0]?.evidence)).toBe(JSON.stringify(relations[2]?.evidence));
    expect(columns.take(6)).toEqual([]);
  });

  it("hands each node's edges out once", () => {
    const columns = new RelationColumns(relations, nodeOf, 8);
    expect(columns.take(7)).toHaveLength(2);
    expect(columns.take(7)).toEqual([]);
    expect(columns.take(0)).toEqual([]);
  });
});
