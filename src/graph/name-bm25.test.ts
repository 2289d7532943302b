import { describe, expect, it } from "vitest";
import { mulberry32 } from "../core/seeded-random.js";
import { indexTexts, nameScores } from "./name-bm25.js";

const words = (text: string) => text.split(" ");

describe("BM25 of concept names", () => {
  const index = indexTexts([
    [0, words("immune response of t cells to a virus")],
    [1, words("the immune system and the response to vaccines immune immune")],
    [2, words("reservoir response to stimulation")],
    [3, words("immune")],
    [
      5,
      words(
        "a long text about many things that mentions an immune response once among many other words here",
      ),
    ],
    [6, words("immune cognate response and immune response immune response")],
  ]);

  it("finds the records that hold a name's words in order, one word between them at most", () => {
    const found = nameScores(index, [words("immune response")]);
    expect([...found.keys()].sort()).toEqual([0, 5, 6]);
    expect(nameScores(index, [words("reservoir stimulation")]).size).toBe(0);
  });

  it("ranks a record that says the name more often, or in a shorter text, higher", () => {
    const found = nameScores(index, [words("immune response")]);
    expect(found.get(6) ?? 0).toBeGreaterThan(found.get(0) ?? 0);
    expect(found.get(0) ?? 0).toBeGreaterThan(found.get(5) ?? 0);
  });

  it("keeps each record's best name and skips names with a word no text holds", () => {
    const one = nameScores(index, [words("immune")]);
    const both = nameScores(index, [words("immune"), words("reservoir"), words("unknown word")]);
    expect(both.get(3)).toBe(one.get(3));
    expect(both.has(2)).toBe(true);
    expect(nameScores(index, [words("unknown")]).size).toBe(0);
  });

  it("weighs a rare word more than a common one", () => {
    const rare = nameScores(index, [words("stimulation")]).get(2) ?? 0;
    const common = nameScores(index, [words("response")]).get(2) ?? 0;
    expect(rare).toBeGreaterThan(common);
  });

  it("skips records the filter refuses", () => {
    expect([...nameScores(index, [words("immune")], (r) => r !== 1).keys()].sort()).toEqual([0, 3, 5, 6]);
  });

  it("scores as BM25 and the in-order check say, over texts that cross the index's storage chunks", () => {
    const random = mulberry32(20);
    const vocabulary = Array.from({ length: 40 }, (_, i) => `w${i}`);
    // Skewed draws, so that names have common and rare words; ~300,000 words in all, past one chunk of 2^18.
    const word = () => vocabulary[Math.floor(random() ** 2 * vocabulary.length)] as string;
    const texts: [number, string[]][] = [];
    for (let r = 0; r < 3_000; r += 1) {
      if (r % 7 === 3) continue;
      texts.push([r, Array.from({ length: 1 + Math.floor(random() * 200) }, word)]);
    }
    const index = indexTexts(texts);
    const names = Array.from({ length: 30 }, () =>
      Array.from({ length: 1 + Math.floor(random() * 3) }, word),
    );
    const documents = texts.length;
    const average = texts.reduce((sum, [, t]) => sum + t.length, 0) / documents;
    const counted = new Map<string, number>();
    for (const [, text] of texts) for (const w of new Set(text)) counted.set(w, (counted.get(w) ?? 0) + 1);
    const df = (w: string) => counted.get(w) ?? 0;
    const expected = (name: string[], text: string[]) => {
      let held = false;
      for (let s = 0; s < text.length && !held; s += 1) {
        if (text[s] !== name[0]) continue;
        let at = s;
        let matched = 1;
        while (matched < name.length) {
          const next = text.slice(at + 1, at + 3).indexOf(name[matched] as string);
          if (next === -1) break;
          at += next + 1;
          matched += 1;
        }
        held = matched === name.length;
      }
      if (!held) return 0;
      let score = 0;
      for (const w of new Set(name)) {
        const tf = text.filter((t) => t === w).length;
        const idf = Math.max(1e-6, Math.log((documents - df(w) + 0.5) / (df(w) + 0.5)));
        score += (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * text.length) / average));
      }
      return score;
    };
    for (const name of names) {
      const found = nameScores(index, [name]);
      const want = new Map(
        texts.map(([r, text]) => [r, expected(name, text)] as const).filter(([, score]) => score > 0),
      );
      expect([...found.keys()].sort((a, b) => a - b)).toEqual([...want.keys()]);
      for (const [r, score] of want) expect(found.get(r)).toBeCloseTo(score, 9);
    }
  });
});
