import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blendTypes } from "./blend-types.js";
import { compareRanked, MATCH_TIERS } from "./ranking.js";

interface Hit {
  readonly tier: number;
  readonly score: number;
  readonly type: string;
  readonly id: string;
}

const hit = (type: string, id: string, tier: number, score: number): Hit => ({ type, id, tier, score });
const ids = (hits: readonly Hit[], decay?: number) =>
  blendTypes([...hits].sort(compareRanked), decay).map((h) => h.id);

// A topic word: the concept of that name, then concepts named with the word above every course and MOOC.
const topic = [
  hit("concept", "Energy", MATCH_TIERS.name, 1.6),
  ...[15, 14, 13.9, 13.8, 13.7].map((s, i) => hit("concept", `c${i}`, MATCH_TIERS.text, s)),
  ...[9.2, 9.1].map((s, i) => hit("course", `k${i}`, MATCH_TIERS.text, s)),
  hit("mooc", "m0", MATCH_TIERS.text, 7.4),
];

describe("blendTypes", () => {
  it("moves a type's best text hit above the second-best of a type that scores higher", () => {
    expect(ids(topic, 0.7)).toEqual(["Energy", "c0", "k0", "m0", "c1", "k1", "c2", "c3", "c4"]);
  });

  it("keeps raw score order with a decay of 1", () => {
    expect(ids(topic, 1)).toEqual(["Energy", "c0", "c1", "c2", "c3", "c4", "k0", "k1", "m0"]);
  });

  it("lets the types take turns as the decay nears 0", () => {
    expect(ids(topic, 0.01)).toEqual(["Energy", "k0", "m0", "c0", "k1", "c1", "c2", "c3", "c4"]);
  });

  it("keeps the records matched by id or name first, in their order, whatever the text hits score", () => {
    const known = [
      hit("course", "CS-101", MATCH_TIERS.idExact, 1),
      hit("lecture", "L", MATCH_TIERS.alias, 0.5),
      hit("concept", "X", MATCH_TIERS.text, 50),
    ];
    expect(ids(known, 0.5)).toEqual(["CS-101", "L", "X"]);
  });

  it("counts the name matches of a type among the hits above a text hit of that type", () => {
    const named = [
      hit("course", "BIO-479", MATCH_TIERS.name, 0.9),
      hit("course", "k", MATCH_TIERS.text, 10),
      hit("concept", "c", MATCH_TIERS.text, 8),
    ];
    expect(ids(named, 0.7)).toEqual(["BIO-479", "c", "k"]);
  });

  it("returns the same hits, keeps each type's order, and never puts a text hit above a name match", () => {
    const arbitraryHit = fc.record({
      tier: fc.constantFrom(MATCH_TIERS.text, MATCH_TIERS.alias, MATCH_TIERS.name),
      score: fc.double({ min: 0.01, max: 100, noNaN: true }),
      type: fc.constantFrom("concept", "course", "mooc", "person"),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryHit, { maxLength: 40 }),
        fc.double({ min: 0.05, max: 1 }),
        (raw, decay) => {
          const sorted = raw.map((h, i) => ({ ...h, id: `r${i}` })).sort(compareRanked);
          const blended = blendTypes(sorted, decay);
          expect(blended.map((h) => h.id).sort()).toEqual(sorted.map((h) => h.id).sort());
          for (const type of ["concept", "course", "mooc", "person"]) {
            const inType = (list: readonly Hit[]) => list.filter((h) => h.type === type).map((h) => h.id);
            expect(inType(blended)).toEqual(inType(sorted));
          }
          const firstText = blended.findIndex((h) => h.tier === MATCH_TIERS.text);
          if (firstText >= 0)
            expect(blended.slice(firstText).every((h) => h.tier === MATCH_TIERS.text)).toBe(true);
        },
      ),
    );
  });
});
