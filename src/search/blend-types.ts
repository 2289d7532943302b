/**
 * The mixed list of several types (the All tab): records matched by a name or an id keep the head in their
 * order, and the records found by their text are interleaved by a score normalised per type, so that a topic
 * word ("energy") shows the best few courses, people and units next to the concepts named with it rather
 * than a page of one type. Pure functions.
 */
import { MATCH_TIERS } from "./ranking.js";

/**
 * What each further hit of a type is worth next to the one before it, in (0, 1]: the j-th text hit of a type
 * (j hits of its type above it, name matches included) has its score multiplied by `decay`^j, so a type's
 * second-best competes with the other types' best. 1 keeps raw scores (one type can fill the page), towards 0
 * the types take turns; default `TYPE_DECAY` (see docs/EXPERIMENTS.md, "The All tab").
 */
export const TYPE_DECAY = 0.7;

/**
 * Reorders the text hits of `sorted` (ranked best first, hits above the text tier leading) by their score with
 * diminishing returns per type (`decay`^j for the j-th of its type), then raw score, type and id. Hits above the
 * text tier stay first, in their order.
 */
export function blendTypes<T extends { tier: number; score: number; type: string; id: string }>(
  sorted: readonly T[],
  decay: number = TYPE_DECAY,
): T[] {
  if (decay >= 1) return [...sorted];
  const seen = new Map<string, number>();
  const head: T[] = [];
  const text: { hit: T; key: number }[] = [];
  for (const hit of sorted) {
    const before = seen.get(hit.type) ?? 0;
    seen.set(hit.type, before + 1);
    if (hit.tier > MATCH_TIERS.text) head.push(hit);
    // Sorted best first: `before` hits of its type rank above it.
    else text.push({ hit, key: hit.score * decay ** before });
  }
  text.sort(
    (a, b) =>
      b.key - a.key ||
      b.hit.score - a.hit.score ||
      compareText(a.hit.type, b.hit.type) ||
      compareText(a.hit.id, b.hit.id),
  );
  return [...head, ...text.map((t) => t.hit)];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
