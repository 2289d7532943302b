import { describe, expect, it } from "vitest";
import { mulberry32 } from "../core/seeded-random.js";
import type { ConceptEdge } from "../graph/entity-concepts.js";
import { ProfileTable } from "../graph/profile-table.js";
import { semanticEdgeFinder } from "../graph/semantic-edges.js";
import { SEMANTIC_POLICY } from "./graph-inputs.js";
import { BLOCK_NODES, SemanticEdgeThread } from "./semantic-edge-thread.js";

const TYPES = ["concept", "course", "lecture", "person", "publication"];

/** Random profiles over a few concepts (so that records share several), nodes without one among them. */
function randomGraph(nodes: number, seed: number) {
  const random = mulberry32(seed);
  const types = Array.from({ length: nodes }, () => TYPES[Math.floor(random() * TYPES.length)] ?? "course");
  const profiles: [number, ConceptEdge[]][] = [];
  for (let node = 0; node < nodes; node += 1) {
    if (types[node] === "concept") continue;
    const concepts = new Set(
      Array.from({ length: 1 + Math.floor(random() * 8) }, () => Math.floor(random() * 40)),
    );
    const edges = [...concepts].map((concept) => ({ concept, score: Math.round(random() * 1000) / 1000 }));
    profiles.push([node, edges.sort((a, b) => b.score - a.score)]);
  }
  return { types, table: ProfileTable.from(profiles) };
}

describe("SemanticEdgeThread", () => {
  it("gives every node the edges the finder on the calling thread gives, across blocks", async () => {
    const nodes = 2 * BLOCK_NODES + 137;
    const { types, table } = randomGraph(nodes, 17);
    const typeOf = (node: number) => types[node] ?? "";
    // A tree of two levels over the 40 concepts, and coherences: the worker weighs the edges as the finder does.
    const tree = [
      Int32Array.from({ length: 40 }, (_, c) => c % 2),
      Int32Array.from({ length: 40 }, (_, c) => c % 5),
    ];
    const senses = {
      tree,
      coherence: { k: Float64Array.from({ length: 40 }, (_, c) => (c % 7) / 7), mean: 0.4 },
    };
    const expected = semanticEdgeFinder(table, typeOf, { ...SEMANTIC_POLICY, senses });
    const thread = new SemanticEdgeThread(table, nodes, typeOf, senses);
    try {
      let edges = 0;
      for (let node = 0; node < nodes; node += 1) {
        const want = expected(node);
        edges += want.length;
        expect(thread.edgesOf(node)).toEqual(want);
      }
      expect(edges).toBeGreaterThan(nodes);
    } finally {
      await thread.close();
    }
  });

  it("refuses a node asked after a later one", async () => {
    const { types, table } = randomGraph(BLOCK_NODES + 10, 3);
    const thread = new SemanticEdgeThread(table, types.length, (node) => types[node] ?? "");
    try {
      thread.edgesOf(BLOCK_NODES + 5);
      expect(() => thread.edgesOf(1)).toThrow(/out of order/);
    } finally {
      await thread.close();
    }
  });

  it("says the worker ended, rather than waiting for it, when a node past its last is asked", async () => {
    const { types, table } = randomGraph(BLOCK_NODES + 10, 5);
    const thread = new SemanticEdgeThread(table, types.length, (node) => types[node] ?? "");
    try {
      thread.edgesOf(BLOCK_NODES + 9);
      expect(() => thread.edgesOf(BLOCK_NODES + 10)).toThrow(/semantic edge worker: ended/);
    } finally {
      await thread.close();
    }
  });
});
