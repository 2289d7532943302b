import { describe, expect, it } from "vitest";
import { compareRanked, demoteRepeats, MATCH_TIERS } from "./ranking.js";

interface Hit {
  readonly tier: number;
  readonly score: number;
  readonly type: string;
  readonly id: string;
  readonly name: string;
}

const hit = (type: string, id: string, name: string, tier: number, score: number): Hit => ({
  type,
  id,
  name,
  tier,
  score,
});
const nameKey = (h: Hit) => h.name.toLowerCase();
const order = (hits: readonly Hit[], penalty?: number) =>
  demoteRepeats([...hits].sort(compareRanked), nameKey, penalty).map((h) => h.id);

// Several lectures share one name and match the query by name, as a concept of that name does with a lower score.
const sameNamed = [
  hit("lecture", "lb-1", "Neural Networks", MATCH_TIERS.name, 1.09),
  hit("lecture", "lb-2", "neural networks", MATCH_TIERS.name, 1.07),
  hit("lecture", "lb-3", "Neural Networks", MATCH_TIERS.name, 1.06),
  hit("concept", "Neural_network", "Neural networks", MATCH_TIERS.name, 0.78),
  hit("course", "CS-456", "Artificial neural networks", MATCH_TIERS.text, 20),
];

describe("demoteRepeats", () => {
  it("keeps the best of same-named records of one type in place and moves the others below text hits", () => {
    expect(order(sameNamed)).toEqual(["lb-1", "Neural_network", "CS-456", "lb-2", "lb-3"]);
  });

  it("leaves same-named text hits alone: each matched by its own text", () => {
    const texts = [5, 4, 3].map((score) =>
      hit("course", `C-${score}`, "Energy balance", MATCH_TIERS.text, score),
    );
    expect(order([...texts, hit("concept", "X", "Heat", MATCH_TIERS.text, 3.5)])).toEqual([
      "C-5",
      "C-4",
      "X",
      "C-3",
    ]);
  });

  it("leaves the order alone without repeats or with a penalty of 1", () => {
    expect(order(sameNamed, 1)).toEqual(["lb-1", "lb-2", "lb-3", "Neural_network", "CS-456"]);
    const distinct = sameNamed.map((h, i) => ({ ...h, name: `${h.name} ${i}` }));
    expect(order(distinct)).toEqual(["lb-1", "lb-2", "lb-3", "Neural_network", "CS-456"]);
  });

  it("demotes no record for sharing its name with a record of another type or another tier", () => {
    const mixed = [
      hit("course", "A", "Linear algebra", MATCH_TIERS.name, 1.1),
      hit("lecture", "B", "Linear algebra", MATCH_TIERS.name, 1.0),
      hit("mooc", "C", "Linear algebra", MATCH_TIERS.name, 0.9),
      hit("course", "D", "Linear algebra", MATCH_TIERS.text, 5),
    ];
    expect(order(mixed)).toEqual(["A", "B", "C", "D"]);
  });

  it("is deterministic: copies keep their order among themselves, whatever order they came in", () => {
    const copies = [3, 1, 2, 0].map((i) => hit("lecture", `lb-${i}`, "Introduction", MATCH_TIERS.name, 1));
    expect(order(copies)).toEqual(["lb-0", "lb-1", "lb-2", "lb-3"]);
    expect(demoteRepeats([...copies].sort(compareRanked), nameKey).map((h) => h.score)).toEqual([
      1, 0.5, 0.25, 0.125,
    ]);
  });
});
