import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type LinkSettings, linkUnits, type UnitLink } from "./link-units.js";

const SETTINGS: LinkSettings = { minLinks: 2, minConfidence: 0.25, secondShare: 0.5, priorWeight: 0.5 };

function pack(segments: readonly (readonly number[])[]) {
  const starts = [0];
  for (const s of segments) starts.push((starts.at(-1) ?? 0) + s.length);
  return { units: Int32Array.from(segments.flat()), starts: Int32Array.from(starts) };
}

/** Competitive linking as plainly as it can be written: every pair of units counted in maps, no pruning. */
function plainLinks(
  fr: readonly (readonly number[])[],
  en: readonly (readonly number[])[],
  likeness: (f: number, e: number) => number,
): Map<number, UnitLink[]> {
  const count = (segments: readonly (readonly number[])[]) => {
    const counts = new Map<number, number>();
    for (const s of segments) for (const u of s) counts.set(u, (counts.get(u) ?? 0) + 1);
    return counts;
  };
  const frCount = count(fr);
  const enCount = count(en);
  const both = new Map<string, number>();
  fr.forEach((s, i) => {
    for (const f of s) for (const e of en[i] ?? []) both.set(`${f} ${e}`, (both.get(`${f} ${e}`) ?? 0) + 1);
  });
  const links = new Map<string, number>();
  fr.forEach((s, i) => {
    const candidates: { f: number; e: number; score: number }[] = [];
    for (const f of s) {
      for (const e of en[i] ?? []) {
        const n = both.get(`${f} ${e}`) ?? 0;
        if (n < SETTINGS.minLinks) continue;
        const dice = (2 * n) / ((frCount.get(f) ?? 0) + (enCount.get(e) ?? 0));
        candidates.push({ f, e, score: dice + SETTINGS.priorWeight * likeness(f, e) });
      }
    }
    candidates.sort((a, b) => b.score - a.score || a.f - b.f || a.e - b.e);
    const frLinked = new Set<number>();
    const enLinked = new Set<number>();
    for (const { f, e } of candidates) {
      if (frLinked.has(f) || enLinked.has(e)) continue;
      frLinked.add(f);
      enLinked.add(e);
      links.set(`${f} ${e}`, (links.get(`${f} ${e}`) ?? 0) + 1);
    }
  });
  const kept = new Map<number, UnitLink[]>();
  for (const [pair, n] of [...links].sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))) {
    const [f, e] = pair.split(" ").map(Number) as [number, number];
    const confidence = n / (frCount.get(f) ?? 1);
    if (n < SETTINGS.minLinks || confidence < SETTINGS.minConfidence) continue;
    kept.set(f, [...(kept.get(f) ?? []), { english: e, confidence }]);
  }
  return kept;
}

const byUnit = (links: Map<number, UnitLink[]>) =>
  [...links]
    .map(([f, row]) => [f, [...row].sort((a, b) => a.english - b.english)] as const)
    .sort((a, b) => a[0] - b[0]);

describe("linkUnits", () => {
  it("links as plain competitive linking over maps does, units met once included", () => {
    const segment = fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.tuple(segment, segment), { maxLength: 30 }), (pairs) => {
        const fr = pairs.map((p) => p[0]);
        const en = pairs.map((p) => p[1]);
        // Ties of score are frequent with a prior of few values: the order that breaks them is checked too.
        const likeness = (f: number, e: number) => ((f * 7 + e * 3) % 4) / 4;
        const packed = linkUnits(pack(fr), pack(en), { french: 12, english: 12 }, SETTINGS, likeness);
        expect(byUnit(packed)).toEqual(byUnit(plainLinks(fr, en, likeness)));
      }),
      { numRuns: 300 },
    );
  });
});
