import { describe, expect, it } from "vitest";
import type { BilingualPair } from "../text/learn-translations.js";
import { PairSample, TranslationSource } from "./corpus-translations.js";

const PAIRS: BilingualPair[] = Array.from({ length: 40 }, (_, i) => ({
  fr: `Énergie solaire ${i}`,
  en: `Solar energy ${i}`,
}));

function sampleOf(pairs: readonly BilingualPair[], size: number): BilingualPair[] {
  const sample = new PairSample(size);
  for (const pair of pairs) sample.add(pair);
  return sample.pairs();
}

describe("PairSample", () => {
  it("keeps every pair, in the order they came, while there are no more than its size", () => {
    expect(sampleOf(PAIRS, 40)).toEqual(PAIRS);
  });

  it("keeps its size of pairs, the same ones whatever the order they come in, in the order they came", () => {
    const kept = sampleOf(PAIRS, 7);
    expect(kept).toHaveLength(7);
    const reversed = sampleOf([...PAIRS].reverse(), 7);
    expect(new Set(reversed)).toEqual(new Set(kept));
    expect(reversed).toEqual([...kept].reverse());
  });
});

describe("TranslationSource", () => {
  it("learns from a sample when a corpus gives more pairs than it keeps", () => {
    const records = ["solaire", "nucléaire", "thermique"].flatMap((word, w) =>
      Array.from({ length: 6 }, (_, i) => ({
        type: "course",
        id: `c${w}-${i}`,
        name: { fr: `Énergie ${word}`, en: `${["Solar", "Nuclear", "Thermal"][w]} energy` },
      })),
    );
    const all = new TranslationSource(100);
    const sampled = new TranslationSource(4);
    for (const record of records) {
      all.add(record);
      sampled.add(record);
    }
    expect(all.learn().words.get("energie")?.[0]?.english).toBe("energy");
    // Four pairs of eighteen: fewer words are met twice.
    expect(sampled.learn().words.size).toBeLessThan(all.learn().words.size);
  });
});
