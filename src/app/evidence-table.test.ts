import { describe, expect, it } from "vitest";
import type { ConceptEvidence } from "../graph/entity-concepts.js";
import { EvidenceTable } from "./evidence-table.js";
import { conceptEdgeEvidence } from "./graph-inputs.js";

const evidence = (entries: [number, ConceptEvidence][]) => new Map(entries);
const A: ConceptEvidence = { detected: 0.123456, keyword: false, mentions: ["machine learning", "learning"] };
const B: ConceptEvidence = { detected: 0, keyword: true, mentions: [] };

describe("EvidenceTable", () => {
  it("gives back each kept edge's stored evidence as conceptEdgeEvidence writes it, and nothing for the others", () => {
    const table = new EvidenceTable();
    table.add(
      3,
      evidence([
        [7, A],
        [9, B],
      ]),
      [7, 9],
    );
    table.add(
      8,
      evidence([
        [7, B],
        [2, A],
      ]),
      [2],
    );
    expect(JSON.stringify(table.get(3, 7))).toBe(JSON.stringify(conceptEdgeEvidence(A)));
    expect(table.get(3, 9)).toEqual(conceptEdgeEvidence(B));
    expect(table.get(8, 2)).toEqual(conceptEdgeEvidence(A));
    expect(table.get(8, 7)).toBeUndefined();
    expect(table.get(5, 7)).toBeUndefined();
  });

  it("refuses a record added out of order", () => {
    const table = new EvidenceTable();
    table.add(4, evidence([[1, A]]), [1]);
    expect(() => table.add(2, evidence([[1, A]]), [1])).toThrow();
  });
});
