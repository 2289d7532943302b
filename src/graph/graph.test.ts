import { describe, expect, it } from "vitest";
import { buildLinkLists } from "../detect/link-lists.js";
import {
  conceptRelations,
  RELATION_WEIGHTS,
  relationScore,
  WALK_ONTOLOGY_WEIGHT,
  walkWeight,
} from "./concept-relations.js";
import { conceptEdgeScore, deriveConceptProfile, scoreEntityConcepts } from "./entity-concepts.js";
import {
  assembleNeighbourhoods,
  degreeOf,
  degreeScores,
  listKey,
  type NeighbourEdge,
} from "./neighbourhood.js";
import { ProfileTable } from "./profile-table.js";
import { semanticEdges, sharedConceptsOf } from "./semantic-edges.js";

describe("entity concepts", () => {
  it("combines the detector's score and a keyword by a noisy-or, in [0, 1]", () => {
    expect(conceptEdgeScore({ detected: 0, keyword: true, mentions: [] })).toBeCloseTo(0.8);
    expect(conceptEdgeScore({ detected: 0.5, keyword: true, mentions: [] })).toBeCloseTo(0.9);
    expect(conceptEdgeScore({ detected: 0.5, keyword: false, mentions: [] })).toBeCloseTo(0.5);
    const edges = scoreEntityConcepts(
      new Map([
        [1, { detected: 0.02, keyword: false, mentions: [] }],
        [2, { detected: 0.6, keyword: false, mentions: [] }],
        [3, { detected: 0.2, keyword: true, mentions: [] }],
      ]),
      10,
    );
    expect(edges.map((e) => e.concept)).toEqual([3, 2]);
  });

  it("derives a profile where a concept seen in many linked records outweighs one seen once", () => {
    const profile = deriveConceptProfile(
      [
        [{ concept: 1, score: 0.5 }],
        [
          { concept: 1, score: 0.5 },
          { concept: 2, score: 0.5 },
        ],
        [{ concept: 1, score: 0.5 }],
      ],
      10,
    );
    expect(profile.map((e) => e.concept)).toEqual([1, 2]);
    expect(profile[0]?.score ?? 0).toBeGreaterThan(profile[1]?.score ?? 1);
    expect(profile.every((e) => e.score <= 1)).toBe(true);
  });
});

describe("semantic edges", () => {
  const profiles = new Map([
    [
      0,
      [
        { concept: 1, score: 0.9 },
        { concept: 2, score: 0.8 },
        { concept: 3, score: 0.5 },
      ],
    ],
    [
      1,
      [
        { concept: 1, score: 0.8 },
        { concept: 2, score: 0.7 },
      ],
    ],
    [2, [{ concept: 1, score: 0.9 }]],
    [
      3,
      [
        { concept: 4, score: 0.9 },
        { concept: 5, score: 0.9 },
      ],
    ],
  ]);
  const edges = semanticEdges(profiles, () => "course");

  it("links records sharing at least two concepts, both ways, with the shared concepts", () => {
    expect(edges.map((e) => [e.source, e.target]).sort()).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(edges[0]?.shared).toEqual([1, 2]);
    for (const e of edges) expect(e.score).toBeGreaterThanOrEqual(0.1);
  });

  it("bounds scores by the mean of their type pair", () => {
    for (const e of edges) expect(e.score).toBeCloseTo(Math.tanh(1 / 8));
  });

  it("keeps each source's best per target type, ties by the lower target, as sorting every candidate does", () => {
    // Twelve records sharing the same two concepts: every pair ties, and people keep five.
    const same = new Map(
      Array.from({ length: 12 }, (_, r) => [
        r,
        [
          { concept: 1, score: 0.5 },
          { concept: 2, score: 0.5 },
        ],
      ]),
    );
    const found = semanticEdges(same, (r) => (r % 2 === 0 ? "person" : "course"), {
      perType: (type) => (type === "person" ? 2 : 3),
    });
    const of = (source: number) => found.filter((e) => e.source === source).map((e) => e.target);
    expect(of(0)).toEqual([1, 3, 2, 4]);
    expect(of(1)).toEqual([0, 2, 4, 3, 5, 7]);
  });

  it("names the shared concepts by the product of both scores, best five, ties in the source's order", () => {
    const table = ProfileTable.from(
      new Map([
        [0, [6, 5, 4, 3, 2, 1, 9].map((concept) => ({ concept, score: 0.5 }))],
        [1, [1, 2, 3, 4, 5, 6, 7].map((concept, i) => ({ concept, score: i === 6 ? 0.9 : 0.5 }))],
        [2, [{ concept: 8, score: 1 }]],
      ]),
    );
    const shared = sharedConceptsOf(table);
    expect(shared(0, 1)).toEqual([6, 5, 4, 3, 2]);
    expect(shared(1, 0)).toEqual([1, 2, 3, 4, 5]);
    expect(shared(0, 2)).toEqual([]);
    // The scratch is clean between calls.
    expect(shared(2, 0)).toEqual([]);
  });
});

describe("concept relations", () => {
  const ontology = {
    size: 4,
    cluster: Int32Array.from([0, 0, 1, 2]),
    category: Int32Array.from([0, 0, 0, 1]),
    links: buildLinkLists([[3], [], [], [0]]),
  };

  it("combines link, co-occurrence, cluster and category evidence", () => {
    expect(relationScore({ link: true, cooccurrence: 0, cluster: false, category: false })).toBeCloseTo(0.8);
    expect(relationScore({ link: false, cooccurrence: 0.5, cluster: true, category: true })).toBeCloseTo(
      1 - 0.5 * 0.6 * 0.8,
    );
    const relations = conceptRelations(ontology, [], () => 0);
    const of0 = relations.filter((r) => r.source === 0).map((r) => r.target);
    expect(of0).toEqual([3, 1, 2]);
  });

  it("measures co-occurrence over records only for pairs seen twice or more", () => {
    const twice = [
      [
        { concept: 2, score: 1 },
        { concept: 3, score: 1 },
      ],
      [
        { concept: 2, score: 1 },
        { concept: 3, score: 1 },
      ],
    ];
    const relations = conceptRelations(ontology, twice, () => 0);
    expect(relations.find((r) => r.source === 2 && r.target === 3)?.evidence.cooccurrence).toBeCloseTo(1);
    const once = conceptRelations(ontology, twice.slice(0, 1), () => 0);
    expect(once.find((r) => r.source === 2 && r.target === 3)).toBeUndefined();
  });

  it("relates a concept no record was given to the concepts of the records whose text names it", () => {
    // Records 10 and 11 name concept 1 in their text (the detector gave them 2 and 3, not 1); record 12 has 3 only.
    const profiles = new Map([
      [
        10,
        [
          { concept: 2, score: 0.8 },
          { concept: 3, score: 0.2 },
        ],
      ],
      [
        11,
        [
          { concept: 2, score: 0.6 },
          { concept: 3, score: 0.2 },
        ],
      ],
      [12, [{ concept: 3, score: 1 }]],
    ]);
    const naming = (concept: number) =>
      new Map(
        concept === 1
          ? [
              [10, 2],
              [11, 1],
              [13, 5],
            ]
          : [],
      );
    const texts = { naming, profileOf: (record: number) => profiles.get(record) };
    const relations = conceptRelations(ontology, profiles.values(), () => 0, { texts });
    const of1 = relations.filter((r) => r.source === 1);
    const evidence = (target: number) => of1.find((r) => r.target === target)?.evidence;
    // cos((2, 1), (0.8, 0.6)) over the records naming 1 that have concepts; record 13 has none and counts nothing.
    expect(evidence(2)?.named).toBeCloseTo((2 * 0.8 + 0.6) / Math.sqrt(5 * 1));
    expect(evidence(3)?.named).toBeCloseTo((2 * 0.2 + 0.2) / Math.sqrt(5 * (0.04 + 0.04 + 1)));
    expect(evidence(0)?.named).toBeUndefined();
    // Counted at half, with the category 1 and 2 share: 2 now comes before 1's cluster and category mate 0 (0.52).
    const named2 = evidence(2)?.named ?? 0;
    expect(of1.find((r) => r.target === 2)?.score).toBeCloseTo(1 - (1 - 0.5 * named2) * 0.8);
    expect(of1.map((r) => r.target)).toEqual([2, 0, 3]);
    const without = conceptRelations(ontology, profiles.values(), () => 0);
    expect(without.filter((r) => r.source === 1).map((r) => r.target)).toEqual([0, 2]);
    expect(without.find((r) => r.source === 1 && r.target === 2)?.evidence.named).toBeUndefined();
  });

  it("orders a concept's cluster mates by the words their names share with its own, rarer words weighing more", () => {
    const named = {
      size: 4,
      cluster: Int32Array.from([0, 0, 0, 1]),
      category: Int32Array.from([0, 0, 0, 1]),
      links: buildLinkLists([[], [], [], []]),
      names: ["Least squares", "Linear least squares (statistics)", "Log-linear model", "Linear pump"],
    };
    const relations = conceptRelations(named, [], () => 0);
    const of1 = relations.filter((r) => r.source === 1);
    // idf over the four names: "least" and "squares" ln 3, "linear" (three names) ln 7/3, the others ln 5; the
    // bracketed disambiguator is no word.
    const [two, linear, rare] = [Math.log(3), Math.log(7 / 3), Math.log(5)];
    const words0 = (2 * 2 * two) / (2 * two + linear + 2 * two);
    expect(of1.find((r) => r.target === 0)?.evidence.words).toBeCloseTo(words0);
    expect(of1.find((r) => r.target === 2)?.evidence.words).toBeCloseTo(
      (2 * linear) / (2 * two + linear + 2 * rare + linear),
    );
    // "Linear pump" shares a word but no cluster or category: not a mate, not related.
    expect(of1.map((r) => r.target)).toEqual([0, 2]);
    expect(of1[0]?.score).toBeCloseTo(1 - (1 - RELATION_WEIGHTS.words * words0) * 0.6 * 0.8);
    const unnamed = conceptRelations({ ...named, names: undefined }, [], () => 0);
    expect(unnamed.find((r) => r.source === 1 && r.target === 0)?.evidence.words).toBeUndefined();
  });

  it("weighs a relation for the pages' walk by its evidence, the ontology's filing at κ", () => {
    const filed = { link: false, cooccurrence: 0, cluster: true, category: true };
    expect(walkWeight(filed, 1)).toBeCloseTo(relationScore(filed));
    expect(walkWeight(filed, 0.25)).toBeCloseTo(0.25 * 0.52);
    expect(walkWeight(filed)).toBeCloseTo(WALK_ONTOLOGY_WEIGHT * 0.52);
    expect(walkWeight({ ...filed, cooccurrence: 0.5 }, 0)).toBeCloseTo(0.5);
    const linked = { ...filed, link: true };
    expect(walkWeight(linked, 0.25)).toBeCloseTo(1 - 0.2 * (1 - 0.25 * 0.52));
  });

  it("counts a link between concepts in far branches of the category tree for less than one within a branch", () => {
    const score = (tree: Int32Array[]) =>
      conceptRelations(ontology, [], () => 0, { tree }).find((r) => r.source === 0 && r.target === 3)?.score;
    const near = [Int32Array.from([0, 0, 0, 0]), Int32Array.from([0, 0, 0, 0])];
    const far = [Int32Array.from([0, 0, 0, 1]), Int32Array.from([0, 0, 0, 1])];
    expect(score(near)).toBeCloseTo(0.8);
    expect(score(far)).toBeCloseTo(0.8 * 0.3);
  });

  it("relates the concepts a description names, both ways, by how strongly it names them", () => {
    // Concept 1's description names 2 strongly and 3 weakly; without it, 1's first relation is its cluster mate 0.
    const described = new Map([
      [
        1,
        [
          { concept: 2, score: 1 },
          { concept: 3, score: 0.25 },
        ],
      ],
    ]);
    const relations = conceptRelations({ ...ontology, described }, [], () => 0);
    const score = (source: number, target: number) =>
      relations.find((r) => r.source === source && r.target === target)?.score ?? 0;
    expect(relations.filter((r) => r.source === 1).map((r) => r.target)).toEqual([2, 0, 3]);
    expect(score(1, 2)).toBeCloseTo(1 - 0.2 * 0.8);
    expect(score(2, 1)).toBeCloseTo(score(1, 2));
    expect(score(1, 3)).toBeCloseTo(0.2);
    expect(relations.find((r) => r.source === 1 && r.target === 2)?.evidence.described).toBe(1);
    const without = conceptRelations(ontology, [], () => 0);
    expect(without.filter((r) => r.source === 1).map((r) => r.target)).toEqual([0, 2]);
  });

  it("weighs co-occurrence by the target's sense weight, and a link or the same cluster not at all", () => {
    const profiles = [0, 1].flatMap(() => [
      [
        { concept: 0, score: 1 },
        { concept: 2, score: 1 },
      ],
      [
        { concept: 1, score: 1 },
        { concept: 3, score: 1 },
      ],
    ]);
    // Concept 3 is a word of many senses (half the mean coherence); the others are as coherent as the mean.
    const coherence = { k: Float64Array.from([0.5, 0.5, 0.5, 0.25]), mean: 0.5 };
    const plain = conceptRelations(ontology, profiles, () => 0);
    const weighed = conceptRelations(ontology, profiles, () => 0, { coherence });
    const score = (relations: typeof plain, source: number, target: number) =>
      relations.find((r) => r.source === source && r.target === target)?.score ?? 0;
    expect(score(weighed, 0, 3)).toBeCloseTo(0.8);
    expect(score(weighed, 1, 3)).toBeCloseTo(0.5);
    expect(score(plain, 1, 3)).toBeCloseTo(1);
    expect(score(weighed, 0, 2)).toBeCloseTo(score(plain, 0, 2));
    expect(score(weighed, 0, 1)).toBeCloseTo(score(plain, 0, 1));
  });
});

describe("neighbourhoods", () => {
  const types = ["course", "course", "course", "concept", "concept", "course"];
  const fact = (source: number, target: number): NeighbourEdge => ({
    source,
    target,
    score: 1,
    kind: "teacher",
    evidence: { fact: true },
  });
  const edge = (source: number, target: number, score: number, kind = "semantic"): NeighbourEdge => ({
    source,
    target,
    score,
    kind,
    evidence: {},
  });
  const lists = assembleNeighbourhoods({
    typeOf: (n) => types[n] ?? "",
    facts: [fact(0, 2)],
    scored: [
      edge(0, 1, 0.9),
      edge(0, 2, 0.95),
      edge(3, 0, 0.8, "concept"),
      edge(4, 3, 0.9, "related-concept"),
      edge(3, 5, 0.6, "concept"),
    ],
  });

  it("puts facts first, keeps a target once, and orders the rest by score", () => {
    const list = lists.get(listKey(0, "course")) ?? [];
    expect(list.map((e) => [e.target, e.kind])).toEqual([
      [2, "teacher"],
      [1, "semantic"],
    ]);
    expect(list[0]?.evidence).toMatchObject({ score: 0.95, alsoKind: "semantic" });
  });

  it("scores importance in [0, 1] by degree relative to the most connected node of the same type", () => {
    const scores = degreeScores(lists, (n) => types[n] ?? "");
    for (const s of scores.values()) {
      expect(s.importance).toBeGreaterThanOrEqual(0);
      expect(s.importance).toBeLessThanOrEqual(1);
    }
    expect(scores.get(0)?.degrees.course).toBe(2);
  });

  it("leaves out of a degree the records listed only because their text names the concept's field", () => {
    const listed = (kind: string, evidence: Record<string, unknown>): NeighbourEdge => ({
      source: 0,
      target: 1,
      score: 0.1,
      kind,
      evidence,
    });
    const list = [
      listed("concept", {}),
      listed("via-concept", { via: [{ id: "T_cell", share: 1 }], field: "Immunology" }),
      listed("via-concept", { via: [], field: "Immunology" }),
      listed("via-concept", { via: [] }),
    ];
    expect(degreeOf(list)).toBe(3);
  });
});
