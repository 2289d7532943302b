import { describe, expect, it } from "vitest";
import { latentSpaceOf, nearestRecords, placeOf } from "./latent-scores.js";
import { indexTexts } from "./name-bm25.js";

// Two fields, three texts each; no text but record 0 writes "interleukin".
const texts: [number, string[]][] = [
  [0, ["interleukin", "cytokine", "immune", "cell"]],
  [1, ["cytokine", "macrophage", "immune"]],
  [2, ["macrophage", "immune", "cell", "antibody"]],
  [3, ["reservoir", "rock", "drilling"]],
  [4, ["reservoir", "geomechanics", "rock", "stress"]],
  [5, ["drilling", "stress", "rock", "well"]],
];
const index = indexTexts(texts);

describe("latentSpaceOf", () => {
  const space = latentSpaceOf(index, [["interleukin", "cytokine", "signalling", "immune"]], {
    rank: 2,
    minDf: 1,
    maxDf: 0.9,
  });

  it("places a name near the records of its field that never write it", () => {
    const near = nearestRecords(space, placeOf(space, ["interleukin"]), () => "course", 6);
    expect(near.get(1) ?? 0).toBeGreaterThan(0.5);
    expect(near.get(2) ?? 0).toBeGreaterThan(0.5);
    for (const far of [3, 4, 5]) expect(near.get(far) ?? 0).toBeLessThan(0.2);
  });

  it("keeps the best records of each type only", () => {
    const typeOf = (r: number) => (r % 2 === 0 ? "course" : "mooc");
    const near = nearestRecords(space, placeOf(space, ["rock"]), typeOf, 1);
    expect(near.size).toBe(2);
    expect([...near.keys()].map(typeOf).sort()).toEqual(["course", "mooc"]);
  });

  it("gives a text of unknown words no place", () => {
    expect([...placeOf(space, ["zebra"])].every((x) => x === 0)).toBe(true);
  });
});
