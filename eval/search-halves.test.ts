import { describe, expect, it } from "vitest";
import { searchHalf } from "./search-halves.js";

describe("searchHalf", () => {
  it("gives an item the same half every time and depends on kind, language and query", () => {
    const item = { kind: "typo", lang: "en", query: "Immunolgy" };
    expect(searchHalf(item)).toBe(searchHalf({ ...item }));
    const halves = new Set<string>();
    for (let i = 0; i < 64; i += 1) halves.add(searchHalf({ ...item, query: `q${i}` }));
    expect([...halves].sort()).toEqual(["check", "tune"]);
  });

  it("splits many items roughly in two", () => {
    const n = 2_000;
    let tune = 0;
    for (let i = 0; i < n; i += 1)
      if (searchHalf({ kind: "k", lang: "en", query: `query ${i}` }) === "tune") tune += 1;
    expect(tune).toBeGreaterThan(n * 0.45);
    expect(tune).toBeLessThan(n * 0.55);
  });
});
