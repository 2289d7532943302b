import { describe, expect, it } from "vitest";
import { categoryLevels } from "./category-tree.js";
import {
  type ConceptRecordGraph,
  categoryPaths,
  conceptCategories,
  conceptRecords,
  DEFAULT_CONCEPT_RECORD_PARAMS,
  indexPostings,
  profileTreeAffinity,
  recordScores,
  scoreOf,
  treeAffinity,
} from "./concept-records.js";
import type { ConceptEdge } from "./entity-concepts.js";
import { nameMentions } from "./name-mentions.js";
import { ProfileTable } from "./profile-table.js";

// Concepts: 0 cytokine (the page), 1 T cell, 2 antibody, 3 lymphocyte (immunology); 4 stimulation (generic, in a
// far branch); 5 reservoir, 6 rock (geomechanics); 7..9 filler concepts that make records' profiles common.
const CATEGORY = ["imm", "imm", "imm", "imm", "geo", "geo", "geo", "geo", "misc", "misc"];
const PARENT = new Map([
  ["imm", "biology"],
  ["geo", "earth"],
  ["misc", "earth"],
  ["biology", "science"],
  ["earth", "science"],
]);
const edge = (concept: number, score: number): ConceptEdge => ({ concept, score });

function graphOf(profiles: [number, string, ConceptEdge[]][], related: ConceptEdge[]): ConceptRecordGraph {
  return {
    size: CATEGORY.length,
    profiles: new Map(profiles.map(([r, , p]) => [r, p])),
    related: (c) => (c === 0 ? related : []),
    tree: categoryLevels(CATEGORY, PARENT),
    typeOf: (r) => profiles.find(([n]) => n === r)?.[1] ?? "",
  };
}

const rank = (graph: ConceptRecordGraph, type = "course") =>
  (conceptRecords(0, graph, indexPostings(graph, DEFAULT_CONCEPT_RECORD_PARAMS)).get(type) ?? []).map(
    (r) => r.record,
  );

describe("concept records", () => {
  const related = [edge(1, 0.8), edge(2, 0.8), edge(3, 0.7), edge(4, 0.8)];
  const filler = (n: number): [number, string, ConceptEdge[]] => [
    n,
    "mooc",
    [edge(7, 0.5), edge(8, 0.5), edge(9, 0.5)],
  ];

  it("ranks a record reached through many related concepts above one reached through one generic concept", () => {
    const graph = graphOf(
      [
        [1, "course", [edge(1, 0.6), edge(2, 0.6), edge(3, 0.5)]], // immunology
        [2, "course", [edge(4, 0.9), edge(5, 0.8), edge(6, 0.7)]], // reservoir stimulation
        [3, "course", [edge(4, 0.5), edge(8, 0.5)]],
        filler(10),
        filler(11),
      ],
      related,
    );
    expect(rank(graph)[0]).toBe(1);
  });

  it("lists a record that names the concept itself above records that only share related concepts", () => {
    const graph = graphOf(
      [[1, "course", [edge(0, 0.5), edge(7, 0.5)]], [2, "course", [edge(1, 0.6), edge(2, 0.6)]], filler(10)],
      related,
    );
    expect(rank(graph)).toEqual([1, 2]);
  });

  it("keeps only a share of the score of a record whose concepts lie in a far branch of the tree", () => {
    const near = [edge(4, 0.6), edge(1, 0.3)];
    const far = [edge(4, 0.6), edge(5, 0.3)];
    const tree = categoryLevels(CATEGORY, PARENT);
    expect(treeAffinity(0, near, tree)).toBeGreaterThan(treeAffinity(0, far, tree));
    expect(treeAffinity(0, [edge(5, 1)], tree)).toBe(0);
    expect(treeAffinity(0, [edge(5, 1), edge(1, 1)], tree)).toBeCloseTo(0.5);
    expect(treeAffinity(0, [edge(1, 1)], tree)).toBe(1);
    // The concept itself says nothing of the sense; alone, it gives 1.
    expect(treeAffinity(0, [edge(0, 1), edge(5, 1)], tree)).toBe(0);
    expect(treeAffinity(0, [edge(0, 1)], tree)).toBe(1);
  });

  it("keeps λ_b of what a far record owes to X's relations, λ of what it owes to X itself", () => {
    const graph = graphOf(
      [
        [1, "course", [edge(4, 0.9), edge(5, 0.8)]], // reached through stimulation only; geomechanics
        [2, "course", [edge(0, 0.5), edge(5, 0.8)]], // names the cytokine; its other concept geomechanics
        filler(10),
        filler(11),
      ],
      [edge(4, 0.8)],
    );
    const scores = (bridgeTreeFloor: number) => {
      const params = { ...DEFAULT_CONCEPT_RECORD_PARAMS, bridgeTreeFloor };
      const list = conceptRecords(0, graph, indexPostings(graph, params), params).get("course") ?? [];
      return new Map(list.map((r) => [r.record, r.score]));
    };
    const [floor, half] = [
      scores(DEFAULT_CONCEPT_RECORD_PARAMS.treeFloor),
      scores(DEFAULT_CONCEPT_RECORD_PARAMS.treeFloor / 2),
    ];
    expect(half.get(1)).toBeCloseTo((floor.get(1) ?? 0) / 2);
    expect(half.get(2)).toBeCloseTo(floor.get(2) ?? 0);
    expect(scores(0).has(1)).toBe(false);
  });

  it("finds a record's score in scores packed from a map, in the map's order, ascending or not", () => {
    for (const map of [
      new Map([
        [2, 0.5],
        [7, 0.25],
        [40, 1],
      ]),
      new Map([
        [9, 0.5],
        [3, 0.75],
      ]),
    ]) {
      const packed = recordScores(map);
      expect([...packed.records]).toEqual([...map.keys()]);
      for (let record = 0; record < 45; record += 1) expect(scoreOf(packed, record)).toBe(map.get(record));
    }
    expect(recordScores(new Map([[1, 1]])).ascending).toBe(true);
    expect(recordScores(new Map()).records.length).toBe(0);
  });

  it("weighs a profile read from the table by the same tree affinity, to the last bit", () => {
    // Concepts 10 and 11 have no category; 12 lies past the tree's arrays.
    const tree = categoryLevels([...CATEGORY, undefined, undefined], PARENT);
    const size = CATEGORY.length + 3;
    const paths = categoryPaths(tree, size);
    let seed = 3;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const profiles = new Map<number, ConceptEdge[]>();
    for (let record = 0; record < 300; record += 1) {
      const length = Math.floor(next() * 6);
      profiles.set(
        record,
        Array.from({ length }, () => edge(Math.floor(next() * size), Math.round(next() * 1000) / 997)),
      );
    }
    const table = ProfileTable.from(profiles);
    for (let concept = 0; concept < size; concept += 1) {
      const near = conceptCategories(concept, paths, tree.length);
      for (const [record, profile] of profiles) {
        for (const doubt of [0, 0.5]) {
          expect(profileTreeAffinity(near, table, record, doubt)).toBe(
            treeAffinity(concept, profile, tree, doubt),
          );
        }
      }
    }
    // A record without a profile: doubt alone, or 1 without doubt.
    expect(profileTreeAffinity(conceptCategories(0, paths, tree.length), table, 999, 0.5)).toBe(0);
    expect(profileTreeAffinity(conceptCategories(0, paths, tree.length), table, 999)).toBe(1);
  });

  it("explains each record by the concepts it came through, shares summing to at most 1", () => {
    const graph = graphOf([[1, "course", [edge(1, 0.6), edge(2, 0.3), edge(7, 0.9)]], filler(10)], related);
    const [first] =
      conceptRecords(0, graph, indexPostings(graph, DEFAULT_CONCEPT_RECORD_PARAMS)).get("course") ?? [];
    expect(first?.via.map((v) => v.concept)).toEqual([1, 2]);
    expect((first?.via ?? []).reduce((s, v) => s + v.score, 0)).toBeLessThanOrEqual(1.0001);
  });

  it("weighs a concept that many records share less as a bridge than a rare one", () => {
    const common: [number, string, ConceptEdge[]][] = [11, 12, 13, 14, 15].map((n) => [
      n,
      "mooc",
      [edge(3, 0.5)],
    ]);
    // Both records hold T cell besides their bridge, so the bridge's weight shows through the norm.
    const graph = graphOf(
      [[1, "course", [edge(3, 0.6), edge(1, 0.6)]], [2, "course", [edge(2, 0.6), edge(1, 0.6)]], ...common],
      [edge(2, 0.8), edge(3, 0.8)],
    );
    expect(rank(graph)).toEqual([2, 1]);
  });

  it("lists a record whose text names the concept though its detected concepts do not hold it", () => {
    const graph = {
      ...graphOf(
        [
          [1, "course", [edge(7, 0.5)]],
          [2, "course", [edge(8, 0.5)]],
          [3, "course", [edge(8, 0.5)]],
          filler(10),
        ],
        related,
      ),
      // Course 1 names the concept twice in a short text, course 3 once in a long one, course 2 not at all.
      mentions: new Map([
        [1, nameMentions(new Map([[0, 2]]), 50)],
        [3, nameMentions(new Map([[0, 1]]), 500)],
      ]),
    };
    expect(rank(graph)).toEqual([1, 3]);
    expect(rank({ ...graph, mentions: new Map() })).toEqual([]);
  });

  it("lists the records full-text search finds by the concept's names, the best one of each type first", () => {
    const graph = {
      ...graphOf(
        [
          [1, "course", [edge(7, 0.5)]],
          [2, "course", [edge(8, 0.5)]],
          [3, "mooc", [edge(8, 0.5)]],
          filler(10),
        ],
        related,
      ),
      nameScores: (c: number) =>
        new Map(
          c === 0
            ? [
                [1, 2],
                [2, 6],
                [3, 0.5],
              ]
            : [],
        ),
    };
    expect(rank(graph)).toEqual([2, 1]);
    expect(rank(graph, "mooc")).toEqual([3]);
    const best = conceptRecords(0, graph, indexPostings(graph, DEFAULT_CONCEPT_RECORD_PARAMS));
    // Scores are normalised per type: the MOOC is the best of its type, as the course 2 is of its own.
    expect(best.get("mooc")?.[0]?.score).toBeCloseTo(best.get("course")?.[0]?.score ?? 0, 6);
    expect(rank({ ...graph, nameScores: () => new Map() })).toEqual([]);
  });

  it("lists the records of the concept's field, those whose text names its category, below one that names it", () => {
    const graph = {
      ...graphOf(
        [
          [1, "course", [edge(1, 0.5), edge(7, 0.5)]],
          [2, "course", [edge(2, 0.5), edge(8, 0.5)]],
          [3, "course", [edge(0, 0.9)]],
          filler(10),
        ],
        [],
      ),
      categoryScores: (c: number) =>
        c === 0 ? [{ scores: recordScores(new Map([[2, 3]])), weight: 1 }] : [],
    };
    expect(rank(graph)).toEqual([3, 2]);
    const off = { ...DEFAULT_CONCEPT_RECORD_PARAMS, fieldWeight: 0 };
    const without = conceptRecords(0, graph, indexPostings(graph, off), off).get("course") ?? [];
    expect(without.map((r) => r.record)).toEqual([3]);
  });

  it("gives scores in [0, 1] and at most `perType` records per type", () => {
    const many: [number, string, ConceptEdge[]][] = Array.from({ length: 50 }, (_, i) => [
      i,
      "lecture",
      [edge(0, 0.2 + i / 100), edge(7 + (i % 3), 0.5)],
    ]);
    const graph = graphOf(many, related);
    const lists = conceptRecords(0, graph, indexPostings(graph, DEFAULT_CONCEPT_RECORD_PARAMS), {
      ...DEFAULT_CONCEPT_RECORD_PARAMS,
      perType: 10,
    });
    const lectures = lists.get("lecture") ?? [];
    expect(lectures).toHaveLength(10);
    for (const r of lectures) {
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
  });
});

describe("category levels", () => {
  it("gives each concept its category at every depth below the root, -1 past its path", () => {
    const levels = categoryLevels(
      ["a", "b", undefined],
      new Map([
        ["a", "p"],
        ["b", "p"],
        ["p", "root"],
      ]),
    );
    expect(levels).toHaveLength(2);
    expect(levels[0]?.[0]).toBe(levels[0]?.[1]);
    expect(levels[1]?.[0]).not.toBe(levels[1]?.[1]);
    expect(levels[0]?.[2]).toBe(-1);
  });
});
