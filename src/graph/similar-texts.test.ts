import { describe, expect, it } from "vitest";
import { TextIndexBuilder } from "./name-bm25.js";
import { similarTexts } from "./similar-texts.js";

/** Texts as (record, name, rest of the text); the name's words come first, as the build adds them. */
function indexOf(texts: readonly (readonly [number, string, string])[]) {
  const builder = new TextIndexBuilder();
  for (const [record, name, rest] of texts) {
    const lead = name.split(" ");
    builder.add(record, [...lead, ...rest.split(" ").filter(Boolean)], lead.length);
  }
  return builder.finish();
}

// Courses are type 0, papers type 1.
const typeOf = (record: number) => (record >= 100 ? 1 : 0);

describe("records alike in words", () => {
  const index = indexOf([
    [0, "theory of architecture i", "history of architectural ideas"],
    [1, "theory of architecture ii", "modern architecture and its theory"],
    [2, "theory of architecture i", "the same course, another section"],
    [3, "graphic figuration", "drawing and figuration of space"],
    [4, "quantum theory", "the theory of quanta"],
    [5, "architecture studio", "design studio in architecture"],
    [6, "complex analysis", "limits and series"],
    [7, "complex analysis", "limits and series again"],
    [100, "genomic architecture of adaptation", "architecture of the genome"],
    // Papers on other things, so that the words above are not in half the texts.
    ...[101, 102, 103, 104, 105, 106].map(
      (record) => [record, `paper ${record}`, "soil water forest carbon"] as const,
    ),
  ]);

  it("ranks the records of the source's type that hold its name's rarer words, scored against its own text", () => {
    const alike = similarTexts(index, typeOf, [0], 10).get(0);
    const targets = [...(alike?.targets ?? [])];
    expect(targets[0]).toBe(1);
    expect(targets).toContain(5);
    // Each against the name's BM25 over the source's own text: in (0, 1], "graphic figuration" (only "of") low.
    expect(alike?.scores[0]).toBeLessThanOrEqual(1);
    expect(alike?.scores.at(-1)).toBeLessThan(0.2);
    for (let i = 1; i < (alike?.scores.length ?? 0); i += 1)
      expect(alike?.scores[i]).toBeLessThanOrEqual(alike?.scores[i - 1] ?? 0);
    // A paper holding "architecture" is another type; "graphic figuration" shares only "of", and comes last.
    expect(targets).not.toContain(100);
    expect(targets.at(-1)).toBe(3);
  });

  it("leaves out the source's own name and lists one record of each other name", () => {
    const first = similarTexts(index, typeOf, [0, 4], 10);
    expect([...(first.get(0)?.targets ?? [])]).not.toContain(2);
    const fromQuantum = [...(first.get(4)?.targets ?? [])];
    // "theory" is in the architecture courses: the two sections of one name count once.
    expect(fromQuantum.filter((t) => t === 0 || t === 2)).toHaveLength(1);
  });

  it("keeps at most `keep` and lists nothing for a record alone with its words", () => {
    expect(similarTexts(index, typeOf, [0], 1).get(0)?.targets).toHaveLength(1);
    expect(similarTexts(index, typeOf, [3], 10).has(3)).toBe(false);
    // The two sections of complex analysis share every word, and no other course holds them.
    expect(similarTexts(index, typeOf, [6], 10).has(6)).toBe(false);
  });

  it("finds candidates by the rarer words and adds a common word's part to them", () => {
    // "method" is in 1,200 texts: it adds to the records "spectral" found, and finds records alone when rarest.
    const many = Array.from({ length: 1_200 }, (_, i) => [10 + i, `method ${i}`, "filler text"] as const);
    const big = indexOf([
      [0, "spectral method", ""],
      [1, "spectral method", "spectral"],
      [2, "spectral analysis", "noise"],
      [3, "spectral analysis", "method"],
      [4, "method", "method"],
      ...many,
      ...Array.from({ length: 1_300 }, (_, i) => [5_000 + i, `other ${i}`, "filler"] as const),
    ]);
    const all = (r: number) => (r >= 5_000 ? 1 : 0);
    const found = similarTexts(big, all, [0], 10).get(0);
    const targets = [...(found?.targets ?? [])];
    // 3 holds both words and is listed, not 2 (the same name, as long; a tie would list the lower number); 4 holds
    // "method" only: not read.
    expect(targets[0]).toBe(3);
    expect(targets).not.toContain(2);
    expect(targets).not.toContain(4);
    const common = similarTexts(big, all, [4], 10).get(4);
    expect(common?.targets.length).toBe(10);
  });
});
