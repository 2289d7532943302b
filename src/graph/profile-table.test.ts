import { describe, expect, it } from "vitest";
import { ProfileTable } from "./profile-table.js";

const PROFILES = new Map([
  [
    7,
    [
      { concept: 3, score: 0.9 },
      { concept: 1, score: 0.123456789 },
    ],
  ],
  [2, [{ concept: 5, score: 0.5 }]],
  [4, []],
]);

describe("ProfileTable", () => {
  it("reads back every profile, in the map's order, with the same scores", () => {
    const table = ProfileTable.from(PROFILES);
    expect([...table]).toEqual([...PROFILES]);
    expect([...table.keys()]).toEqual([7, 2, 4]);
    expect(table.size).toBe(3);
    expect(table.get(7)).toEqual(PROFILES.get(7));
    expect(table.get(4)).toEqual([]);
  });

  it("has no profile for a record the map did not hold", () => {
    const table = ProfileTable.from(PROFILES);
    expect(table.get(3)).toBeUndefined();
    expect(table.get(99)).toBeUndefined();
    expect(table.has(2)).toBe(true);
    expect(table.has(0)).toBe(false);
  });

  it("gives each record's edges as a range of its columns, empty for a record without a profile", () => {
    const table = ProfileTable.from(PROFILES);
    const read = (record: number) => {
      const edges = [];
      for (let i = table.edgesFrom(record); i < table.edgesTo(record); i += 1)
        edges.push({ concept: table.concepts[i], score: table.scores[i] });
      return edges;
    };
    for (const [record, edges] of PROFILES) expect(read(record)).toEqual(edges);
    expect(read(3)).toEqual([]);
    expect(read(99)).toEqual([]);
  });
});
