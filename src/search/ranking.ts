/**
 * How search hits are ordered: first by how they matched (match tiers: id, exact name, alias, corrected name,
 * text), then within a tier by score (relevance × type factor × importance × name overlap). Pure functions.
 */

/**
 * Per-type weights after EPFL Graph: concepts first, publications last. Categories get 256 rather than
 * EPFL's 512, since a category is named after the concept it groups, which should come first.
 */
export const TYPE_WEIGHTS: Readonly<Record<string, number>> = {
  concept: 512,
  category: 256,
  course: 128,
  lecture: 128,
  person: 128,
  mooc: 64,
  unit: 64,
  publication: 1,
};

/** The weight of a type missing from `TYPE_WEIGHTS`. */
export const DEFAULT_TYPE_WEIGHT = 64;

/** How a hit matched the query, best first; a hit takes its best way. */
export const MATCH_TIERS = {
  /** Its id equals the query, case included. */
  idExact: 6,
  /** Its id equals the query ignoring case. */
  idFolded: 5,
  /** Its display name equals the query (case, accents and plurals folded). */
  name: 4,
  /** Another of its names or an alias equals the query. */
  alias: 3,
  /** A name equals the query once typos are corrected. */
  correctedName: 2,
  /** Query words are in its text: ranked by `textScore`. */
  text: 0,
} as const;

/**
 * Multipliers of text hits by how their words matched: every word as typed 1, and 2 when they stand together as
 * typed, a phrase (keyword nDCG@10 0.503 → 0.539); every word once typos are corrected 0.8, only some words 0.5
 * (a word-order-free "did you mean", below full matches of equal relevance).
 */
export const TEXT_MATCH_FACTORS = { allWords: 1, correctedWords: 0.8, someWords: 0.5, phrase: 2 } as const;

/** A match tier's value. */
export type MatchTier = (typeof MATCH_TIERS)[keyof typeof MATCH_TIERS];

/**
 * The type factor in (0, 1]: ln-damped type weight, `(1 + ln w) / (1 + ln 512)`, raised to `strength`
 * (0 turns type weights off, 1 is the damped weight; multiplying raw weights as EPFL Graph does would bury
 * every publication under any concept).
 */
export function typeFactor(
  type: string,
  strength: number,
  weights: Readonly<Record<string, number>> = TYPE_WEIGHTS,
): number {
  const weight = weights[type] ?? DEFAULT_TYPE_WEIGHT;
  return ((1 + Math.log(weight)) / (1 + Math.log(512))) ** strength;
}

/** The importance factor: `0.5 + importance` for an importance in [0, 1], 1 (neutral) when unknown. */
export function importanceFactor(importance: number | undefined): number {
  return importance === undefined ? 1 : 0.5 + Math.min(1, Math.max(0, importance));
}

/**
 * The score of a hit within its tier: `(floor + relevance) × typeFactor × importanceFactor`, where `floor`
 * keeps hits found without text relevance (exact names, ids) ordered by type and importance.
 */
export function hitScore(
  relevance: number,
  type: string,
  importance: number | undefined,
  typeStrength: number,
  floor: number,
): number {
  return (floor + relevance) * typeFactor(type, typeStrength) * importanceFactor(importance);
}

/**
 * The share of words a query and a name have in common (Jaccard over distinct keys): a query word counts
 * as present when any of its alternatives (cognate, typo corrections) is a word of the name. In [0, 1].
 */
export function nameOverlap(groups: readonly (readonly string[])[], nameKey: string): number {
  const nameWords = new Set(nameKey.split(" ").filter((w) => w !== ""));
  if (groups.length === 0 || nameWords.size === 0) return 0;
  const shared = groups.filter((alternatives) => alternatives.some((a) => nameWords.has(a))).length;
  return shared / (groups.length + nameWords.size - shared);
}

/**
 * How close a name matched as a whole is to the query as typed: `1 / (1 + d)`, d the edit distance between
 * their folded words (capped at `maxEdits + 1`), so "Materials selection" beats "Material selection" for
 * a query typed with the "s".
 */
export function spellingCloseness(distance: number): number {
  return 1 / (1 + distance);
}

/**
 * The multiplier of a repeat's score per copy ranked above it (see `demoteRepeats`): copies stay in their order,
 * each further below the records that hold the query's words in their text. 1 turns the demotion off.
 */
export const REPEAT_PENALTY = 0.5;

/**
 * Diversifies hits sorted by `compareRanked`: a hit matched by its name (a tier above text) whose type and name
 * key equal those of k hits ranked above it in its tier falls to the text tier with its score multiplied by
 * `penalty`^k, and the list is sorted again. Its whole-name score (about 1) ranks it below the records found
 * by their text, so one lecture "Neural Networks" keeps its place next to the concept of that name and the
 * thirteen others no longer fill the first page. Text hits that share a name are left alone: each matched by
 * its own text (keyword nDCG@10 0.528 → 0.501 on the tune half when they are demoted too). Deterministic: the
 * best-ranked copy stays, and copies keep their order among themselves.
 */
export function demoteRepeats<T extends { tier: number; score: number; type: string; id: string }>(
  sorted: readonly T[],
  nameKeyOf: (hit: T) => string,
  penalty: number = REPEAT_PENALTY,
): T[] {
  if (penalty >= 1) return [...sorted];
  const seen = new Map<string, number>();
  let moved = false;
  const demoted = sorted.map((hit) => {
    if (hit.tier === MATCH_TIERS.text) return hit;
    const key = `${hit.tier}\u0000${hit.type}\u0000${nameKeyOf(hit)}`;
    const before = seen.get(key) ?? 0;
    seen.set(key, before + 1);
    if (before === 0) return hit;
    moved = true;
    return { ...hit, tier: MATCH_TIERS.text, score: hit.score * penalty ** before };
  });
  // Sorted again only when a copy moved: most result lists hold none.
  return moved ? demoted.sort(compareRanked) : demoted;
}

/** Orders two ranked hits: higher tier first, then higher score, then type and id for a stable order. */
export function compareRanked(
  a: { tier: number; score: number; type: string; id: string },
  b: { tier: number; score: number; type: string; id: string },
): number {
  return b.tier - a.tier || b.score - a.score || compareText(a.type, b.type) || compareText(a.id, b.id);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
