import { describe, expect, it } from "vitest";
import { categoryLevels } from "./category-tree.js";
import {
  type ConceptRecordGraph,
  categoryPaths,
  conceptRecords,
  DEFAULT_CONCEPT_RECORD_PARAMS,
  indexPostings,
} from "./concept-records.js";
import type { ConceptEdge } from "./entity-concepts.js";
import { conceptsWhoseFieldHolds, forEachPartOfField, partFields } from "./part-fields.js";
import { ProfileTable } from "./profile-table.js";

// Concepts: 0 interleukin (the page), 1 cytokine and 5 T cell (immune system, under immunology, under health); 2
// herd immunity (infection, under health); 3 parsing and 4 word embedding (language processing, under computing).
const CATEGORY = ["immune", "immune", "infection", "nlp", "nlp", "immune"];
const PARENT = new Map([
  ["immune", "immunology"],
  ["immunology", "health"],
  ["infection", "health"],
  ["health", "sciences"],
  ["nlp", "computing"],
  ["computing", "sciences"],
]);
const edge = (concept: number, score: number): ConceptEdge => ({ concept, score });

// Records 0–2 are lectures of course 9 (no profile): 0 on cytokines and T cells, 1 on herd immunity, 2 on parsing;
// 4 is a lecture whose title names cytokines only (one word may be misread: it files it nowhere).
const PROFILES = new Map<number, ConceptEdge[]>([
  [0, [edge(1, 0.6), edge(5, 0.3)]],
  [1, [edge(2, 0.7)]],
  [4, [edge(1, 0.6)]],
  [2, [edge(3, 0.7), edge(4, 0.4)]],
  [3, [edge(3, 0.5)]],
]);

function graph(): ConceptRecordGraph {
  return {
    size: CATEGORY.length,
    profiles: PROFILES,
    related: () => [],
    tree: categoryLevels(CATEGORY, PARENT),
    typeOf: (r) => (r === 3 ? "publication" : "lecture"),
    parentOf: (r) => (r === 3 ? -1 : 9),
  };
}

describe("part fields", () => {
  it("files a part under the categories of two of its concepts or more, and no record that is no part", () => {
    const g = graph();
    const paths = categoryPaths(g.tree, g.size);
    const table = ProfileTable.from(PROFILES);
    const fields = partFields(
      {
        table,
        hub: new Float64Array(6).fill(1),
        norm2: Float64Array.from([0.45, 0.49, 0.65, 0.25, 0.36]),
        coherence: new Float64Array(6).fill(1),
        paths,
        depth: g.tree.length,
      },
      (r) => (r === 3 ? -1 : 9),
    );
    const seen = new Map<number, number>();
    forEachPartOfField(fields, 0, paths, g.tree.length, 64, (r, f) =>
      seen.set(r, Math.max(seen.get(r) ?? 0, f)),
    );
    // The cytokine lecture is in the page's own category, all of it; herd immunity only shares "health", the parent
    // of its parent: outside the field. Parsing is in another branch, record 3 is no part, and lecture 4 has one
    // concept there.
    expect([...seen.keys()]).toEqual([0]);
    expect(seen.get(0)).toBeCloseTo(1, 6);
  });

  it("lists a lecture of the concept's field that no relation leads to, and none of another field", () => {
    const g = graph();
    const lists = conceptRecords(0, g, indexPostings(g, DEFAULT_CONCEPT_RECORD_PARAMS));
    const lectures = lists.get("lecture") ?? [];
    expect(lectures.map((r) => r.record)).toEqual([0]);
    expect(lectures[0]?.score).toBeLessThan(DEFAULT_CONCEPT_RECORD_PARAMS.partFieldWeight);
    expect(lectures[0]?.via.map((v) => v.concept)).toEqual([1, 5]);
    const off = conceptRecords(
      0,
      g,
      indexPostings(g, { ...DEFAULT_CONCEPT_RECORD_PARAMS, partFieldWeight: 0 }),
    );
    expect(off.get("lecture") ?? []).toEqual([]);
  });

  it("names the pages whose field holds a concept: its own category's concepts and those of the categories below", () => {
    const g = graph();
    const paths = categoryPaths(g.tree, g.size);
    expect(conceptsWhoseFieldHolds([1], paths, g.tree.length, g.size)).toEqual([0, 1, 5]);
    expect(conceptsWhoseFieldHolds([3], paths, g.tree.length, g.size)).toEqual([3, 4]);
  });
});
