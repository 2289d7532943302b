import { describe, expect, it } from "vitest";
import { mulberry32 } from "../core/seeded-random.js";
import { TextIndexBuilder } from "../graph/name-bm25.js";
import { similarTexts } from "../graph/similar-texts.js";
import { BLOCK_SOURCES, SimilarTextThread } from "./similar-text-thread.js";

const TYPES = ["course", "mooc", "person"];
const WORDS = Array.from({ length: 300 }, (_, i) => `w${i}`);

/** Random texts over a few hundred words (so that names share some), a name of 1 to 4 words first; some nodes without a text. */
function randomTexts(nodes: number, seed: number) {
  const random = mulberry32(seed);
  const pick = () => WORDS[Math.floor(random() ** 2 * WORDS.length)] ?? "w0";
  const types = Array.from({ length: nodes }, () => TYPES[Math.floor(random() * TYPES.length)] ?? "course");
  const builder = new TextIndexBuilder();
  for (let node = 0; node < nodes; node += 1) {
    if (random() < 0.1) continue;
    const name = Array.from({ length: 1 + Math.floor(random() * 4) }, pick);
    builder.add(node, [...name, ...Array.from({ length: Math.floor(random() * 30) }, pick)], name.length);
  }
  return { types, index: builder.finish() };
}

describe("SimilarTextThread", () => {
  it("gives every node the records alike in words that similarTexts gives on the calling thread, across blocks", async () => {
    const nodes = 2 * BLOCK_SOURCES + 3_000;
    const { types, index } = randomTexts(nodes, 23);
    const typeOf = (node: number) => types[node] ?? "";
    const sources = Int32Array.from(types.flatMap((type, node) => (type === "person" ? [] : [node])));
    const numbers = (node: number) => TYPES.indexOf(typeOf(node));
    const expected = similarTexts(index, numbers, sources, 10);
    expect(sources.length).toBeGreaterThan(2 * BLOCK_SOURCES);
    expect(expected.size).toBeGreaterThan(BLOCK_SOURCES);
    const thread = new SimilarTextThread(index, sources, nodes, typeOf, 10);
    try {
      // Every node asked in ascending order, sources or not, as the build's lists ask them.
      for (let node = 0; node < nodes; node += 1) {
        const alike = thread.alikeOf(node);
        const want = expected.get(node);
        expect(alike?.targets, `node ${node}`).toEqual(want?.targets);
        expect(alike?.scores, `node ${node}`).toEqual(want?.scores);
      }
    } finally {
      await thread.close();
    }
  });
});
