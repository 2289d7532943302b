import { describe, expect, it } from "vitest";
import { codeStem, type VariantKey, variantGroups } from "./record-variants.js";

const TYPES = new Set(["course", "lecture", "mooc", "publication"]);

/** The groups as lists of ids, records without a variant left out. */
function groupsOf(records: readonly VariantKey[]): string[][] {
  const groups = new Map<number, string[]>();
  variantGroups(records, TYPES).forEach((group, i) => {
    if (group < 0) return;
    groups.set(group, [...(groups.get(group) ?? []), records[i]?.id ?? ""]);
  });
  return [...groups.values()];
}

describe("variantGroups", () => {
  it("groups a course's sections by their code stem, and records of one type by their folded name", () => {
    const records: VariantKey[] = [
      { type: "course", id: "PHYS-106(a)", name: "General physics II" },
      { type: "course", id: "PHYS-106(en)", name: "General physics II (English)" },
      { type: "course", id: "PHYS-105", name: "Advanced physics II" },
      { type: "publication", id: "p1", name: "On the Stability of Slopes" },
      { type: "publication", id: "p2", name: "On the stability of slopes." },
      { type: "mooc", id: "m1", name: "On the stability of slopes" },
      { type: "person", id: "x1", name: "Ada Lovelace" },
      { type: "person", id: "x2", name: "Ada Lovelace" },
    ];
    expect(groupsOf(records)).toEqual([
      ["PHYS-106(a)", "PHYS-106(en)"],
      ["p1", "p2"],
    ]);
    expect(codeStem("PHYS-106(en)")).toBe("PHYS-106");
    expect(codeStem("CS-433")).toBe("CS-433");
  });

  it("joins variants of variants: a section named as another course joins both", () => {
    const records: VariantKey[] = [
      { type: "course", id: "MATH-232", name: "Probabilities and statistics" },
      { type: "course", id: "MATH-234(c)", name: "Probabilities and statistics" },
      { type: "course", id: "MATH-234(b)", name: "Probability and statistics for SV" },
      { type: "lecture", id: "l1", name: "Machine Translation" },
      { type: "lecture", id: "l2", name: "Machine translation" },
    ];
    expect(groupsOf(records)).toEqual([
      ["MATH-232", "MATH-234(c)", "MATH-234(b)"],
      ["l1", "l2"],
    ]);
  });
});
