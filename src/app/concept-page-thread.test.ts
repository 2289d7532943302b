import { describe, expect, it } from "vitest";
import { mulberry32 } from "../core/seeded-random.js";
import { categoryLevels } from "../graph/category-tree.js";
import { indexPostings, sharedPostings } from "../graph/concept-records.js";
import type { ConceptEdge } from "../graph/entity-concepts.js";
import { TextIndexBuilder } from "../graph/name-bm25.js";
import { MentionTable, nameMentions } from "../graph/name-mentions.js";
import { ProfileTable } from "../graph/profile-table.js";
import { senseCoherence } from "../graph/sense-coherence.js";
import {
  type CategoryName,
  type ConceptListInputs,
  conceptRecordGraph,
  PAGE_PARAMS,
  type PageNodes,
} from "./concept-lists.js";
import { ConceptPageRanker, type PageEdgeNames, pageEdges } from "./concept-page-block.js";
import {
  BLOCK_PAGES,
  ConceptPageThread,
  type PageInputs,
  packRelated,
  pageInputs,
} from "./concept-page-thread.js";

const TYPES = ["course", "lecture", "mooc", "person", "publication"];
const WORDS = Array.from({ length: 40 }, (_, i) => `w${i}`);

/**
 * A random graph of `concepts` concept nodes (nodes 0…concepts-1) and `records` records after them: profiles,
 * relations, a two-level category tree, name counts, texts naming the concepts' and categories' words, lectures
 * that are parts of courses and pairs of variants.
 */
function randomInputs(concepts: number, records: number, seed: number) {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const count = concepts + records;
  const types = Array.from({ length: count }, (_, n) => (n < concepts ? "concept" : pick(TYPES)));
  const profiles: [number, ConceptEdge[]][] = [];
  const mentions = new MentionTable();
  const texts = new TextIndexBuilder();
  for (let node = concepts; node < count; node += 1) {
    const named = new Set(
      Array.from({ length: 1 + Math.floor(random() * 6) }, () => Math.floor(random() * concepts)),
    );
    const edges = [...named].map((concept) => ({ concept, score: Math.round(random() * 1000) / 1000 }));
    profiles.push([node, edges.sort((a, b) => b.score - a.score || a.concept - b.concept)]);
    if (random() < 0.6) {
      const counts = new Map([...named].map((c) => [c, 1 + Math.floor(random() * 3)] as const));
      mentions.add(node, nameMentions(counts, 20 + Math.floor(random() * 100)));
    }
    texts.add(
      node,
      Array.from({ length: 5 + Math.floor(random() * 30) }, () => pick(WORDS)),
    );
  }
  const related = new Map<number, ConceptEdge[]>();
  for (let c = 0; c < concepts; c += 1) {
    const others = Array.from({ length: Math.floor(random() * 5) }, () => Math.floor(random() * concepts));
    related.set(
      c,
      [...new Set(others)]
        .filter((o) => o !== c)
        .map((o) => ({ concept: o, score: Math.round(random() * 100) / 100 })),
    );
  }
  const field = Array.from({ length: concepts }, (_, c) => `field${c % 7}`);
  const tree = categoryLevels(field, new Map(field.map((f, c) => [f, `branch${c % 2}`])));
  const categoryName = (id: string): CategoryName => ({ id, name: id, words: [pick(WORDS)] });
  const fields = new Map([...new Set(field)].map((id) => [id, categoryName(id)]));
  const table = ProfileTable.from(profiles);
  const inputs: ConceptListInputs = {
    profiles: table,
    related,
    tree,
    coherence: senseCoherence(concepts, table.values(), tree),
    mentions,
    texts: {
      index: texts.finish(),
      names: Array.from({ length: concepts }, () => [[pick(WORDS)], [pick(WORDS), pick(WORDS)]]),
      categories: field.map((id) => [fields.get(id) as CategoryName]),
    },
  };
  const parents = Int32Array.from(types, (type) =>
    type === "lecture" ? concepts + Math.floor(random() * records) : -1,
  );
  const variants = Int32Array.from(types, (_, n) => (n >= concepts && random() < 0.2 ? n % 5 : -1));
  const nodes: PageNodes = { parents, variants, typeOf: (n) => types[n] ?? "" };
  return { inputs, nodes, count, table, mentions, related };
}

/** The ranker on this thread, and the inputs of a worker, over one random graph. */
function setUp(concepts: number, seed: number) {
  const { inputs, nodes, count, table, mentions, related } = randomInputs(concepts, 40 * concepts, seed);
  const graph = conceptRecordGraph(nodes, concepts, inputs);
  const postings = indexPostings(graph, PAGE_PARAMS);
  const ranker = new ConceptPageRanker(graph, postings, PAGE_PARAMS);
  const shared = pageInputs(concepts, {
    ...inputs,
    related: packRelated(related),
    profiles: table,
    mentions,
    nodes: { ...nodes, count },
    postings: sharedPostings(postings),
  });
  // A separate ranker, with postings of its own, says what every page should be.
  const alone = conceptRecordGraph(nodes, concepts, inputs);
  const expected = new ConceptPageRanker(alone, indexPostings(alone, PAGE_PARAMS), PAGE_PARAMS);
  return { ranker, shared, expected };
}

const names: PageEdgeNames = {
  ids: Array.from({ length: 1000 }, (_, c) => `c${c}`),
  recordId: (node) => `r${node}`,
  evidenceOf: (record, concept) => ((record + concept) % 3 === 0 ? { detector: record / 1000 } : undefined),
};

describe("ConceptPageThread", () => {
  it("gives every page the rows ranking it on the calling thread gives, across blocks", async () => {
    const concepts = 5 * BLOCK_PAGES + 3;
    const { ranker, shared, expected } = setUp(concepts, 11);
    // The pages asked in an order other than the concepts' numbers, as a build asks them (by node).
    const order = Int32Array.from({ length: concepts }, (_, i) => (i * 7) % concepts);
    const thread = new ConceptPageThread(shared, order, ranker);
    try {
      let rows = 0;
      for (const concept of order) {
        const want = pageEdges(expected.block([concept]), 0, concept, concept, names);
        const { block, page } = thread.pageOf(concept);
        expect(pageEdges(block, page, concept, concept, names)).toEqual(want);
        rows += want.length;
      }
      expect(rows).toBeGreaterThan(5 * concepts);
      const kinds = new Set<string>();
      for (const concept of order)
        for (const e of pageEdges(expected.block([concept]), 0, 0, concept, names)) kinds.add(e.kind);
      expect([...kinds].sort()).toEqual(["concept", "mention", "via-concept"]);
    } finally {
      await thread.close();
    }
  });

  it("refuses a page asked out of the order given", async () => {
    const { ranker, shared } = setUp(BLOCK_PAGES + 2, 3);
    const order = Int32Array.from({ length: BLOCK_PAGES + 2 }, (_, i) => i);
    const thread = new ConceptPageThread(shared, order, ranker);
    try {
      expect(() => thread.pageOf(1)).toThrow(/out of order/);
    } finally {
      await thread.close();
    }
  });

  it("fails with the worker's error when the worker throws", async () => {
    const { ranker, shared } = setUp(2 * BLOCK_PAGES, 5);
    // A profile table without its starts: the worker's first page reads them and throws.
    const broken: PageInputs = { ...shared, profiles: { ...shared.profiles, starts: undefined as never } };
    const order = Int32Array.from({ length: 2 * BLOCK_PAGES }, (_, i) => i);
    const thread = new ConceptPageThread(broken, order, ranker);
    try {
      expect(() => {
        for (const concept of order) thread.pageOf(concept);
      }).toThrow(/concept page worker: .*TypeError/s);
    } finally {
      await thread.close();
    }
  });
});
