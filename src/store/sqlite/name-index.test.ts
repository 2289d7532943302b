import { describe, expect, it } from "vitest";
import { buildNameIndex, type DocumentRow, holdsFoldedId, type NameRow, nameKeysOf } from "./name-index.js";

// Documents listed out of pk order, names by (document, position) as the store reads them.
const documents: DocumentRow[] = [
  [7, "course", "CS-101", "Algorithms", 0.5],
  [3, "concept", "Graph_theory", "Graph theory", null],
  [5, "concept", "Empty", "Empty", null],
];
const names: NameRow[] = [
  [3, 0, "graph theory", "Graph theory", "graph theory"],
  [3, 1, "theorie des graphes", "Théorie des graphes", "theorie de graph"],
  [3, 1, "graphs", "Graphs", "graph"],
  [7, 0, "algorithms", "Algorithms", "algorithm"],
  [7, 1, "algorithmique", "Algorithmique", "algorithmique"],
  [9, 0, "orphan", "Orphan", "orphan"],
];

describe("NameIndex", () => {
  it("gives each document's match keys in the order of its names", () => {
    const index = buildNameIndex(documents, names);
    expect(nameKeysOf(index, 3)).toEqual(["graph theory", "theorie de graph", "graph"]);
    expect(nameKeysOf(index, 7)).toEqual(["algorithm", "algorithmique"]);
    expect(nameKeysOf(index, 5)).toEqual([]);
    expect(nameKeysOf(index, 9)).toBeUndefined();
    expect(nameKeysOf(index, 4)).toBeUndefined();
    expect(nameKeysOf(index, 1000)).toBeUndefined();
  });

  it("tells whether a lower-cased text is some document's id", () => {
    const index = buildNameIndex(documents, names);
    expect(holdsFoldedId(index, "cs-101")).toBe(true);
    expect(holdsFoldedId(index, "graph_theory")).toBe(true);
    expect(holdsFoldedId(index, "CS-101")).toBe(false);
    expect(holdsFoldedId(index, "cs-10")).toBe(false);
    expect(holdsFoldedId(index, "zzz")).toBe(false);
  });
});
