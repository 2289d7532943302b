import { describe, expect, it } from "vitest";
import type { Correction } from "../core/correction.js";
import { correctRecords } from "./curated-records.js";

const at = "2026-12-06T12:00:00.000Z";
const base = { why: "", who: "ada", at };
const concept = {
  type: "concept",
  id: "Heat",
  name: { en: "Heat" },
  aliases: ["warmth"],
  links: [
    { rel: "category", type: "category", id: "physics" },
    { rel: "link", type: "concept", id: "Energy" },
  ],
};

describe("correctRecords", () => {
  it("adds curated aliases once and moves the concept to its curated category", () => {
    const corrections: Correction[] = [
      { ...base, id: 1, kind: "alias", source: { type: "concept", id: "Heat" }, value: "thermal energy" },
      { ...base, id: 2, kind: "alias", source: { type: "concept", id: "Heat" }, value: "warmth" },
      {
        ...base,
        id: 3,
        kind: "category",
        source: { type: "concept", id: "Heat" },
        target: { type: "category", id: "chemistry" },
      },
    ];
    const corrected = correctRecords(corrections)(concept);
    expect(corrected.aliases).toEqual(["warmth", "thermal energy"]);
    expect(corrected.links).toEqual([
      { rel: "category", type: "category", id: "chemistry" },
      { rel: "link", type: "concept", id: "Energy" },
    ]);
  });

  it("leaves records untouched by withdrawn corrections, edge corrections and other records' corrections", () => {
    const corrections: Correction[] = [
      {
        ...base,
        id: 1,
        kind: "alias",
        source: { type: "concept", id: "Heat" },
        value: "x",
        withdrawn: { who: "bob", at },
      },
      {
        ...base,
        id: 2,
        kind: "hide",
        source: { type: "concept", id: "Heat" },
        target: { type: "course", id: "A" },
      },
      { ...base, id: 3, kind: "alias", source: { type: "concept", id: "Cold" }, value: "chill" },
    ];
    expect(correctRecords(corrections)(concept)).toBe(concept);
  });
});
