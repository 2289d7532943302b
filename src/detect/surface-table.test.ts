import { describe, expect, it } from "vitest";
import {
  buildSurfaceTable,
  type SurfaceSource,
  surfaceAt,
  surfaceCount,
  surfaceTexts,
} from "./surface-table.js";

const SOURCES: SurfaceSource[] = [
  {
    text: "Mercury",
    tokens: 1,
    specificity: 0.4123456789,
    candidates: [
      { concept: 7, prior: 2 / 3, kind: "base", caseSensitive: false },
      { concept: 2, prior: 1 / 3, kind: "anchor", caseSensitive: false },
    ],
  },
  {
    text: "IL-6",
    tokens: 2,
    specificity: 0.9,
    candidates: [{ concept: 0, prior: 1, kind: "derived", caseSensitive: true }],
  },
  { text: "théorie des graphes", tokens: 3, specificity: 0.75, candidates: [] },
];

describe("buildSurfaceTable", () => {
  it("gives back each form's candidates, priors, kinds, length, specificity and text exactly", () => {
    const table = buildSurfaceTable(SOURCES);
    expect(surfaceCount(table)).toBe(3);
    for (const [s, { text, ...rest }] of SOURCES.entries())
      expect(surfaceAt(table, s)).toEqual({ surface: s, ...rest });
    expect(surfaceTexts(table)).toEqual(["Mercury", "IL-6", "théorie des graphes"]);
  });
});
