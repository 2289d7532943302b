/**
 * Autocomplete: records one of whose names starts with the typed prefix (or one of whose later words does),
 * best first across types, then grouped by type in the order of each type's best suggestion.
 */
import { compareStrings } from "../core/compare-strings.js";
import type { NameCompletion, SearchIndexReader } from "../store/store.js";
import { cleanQueryText } from "./parse-query.js";
import { importanceFactor, TYPE_WEIGHTS, typeFactor } from "./ranking.js";
import { prefixKey } from "./search-keys.js";

/** Options of `autocomplete`. */
export interface AutocompleteOptions {
  /** Only these types; default every type. */
  readonly types?: readonly string[];
  /** Suggestions to return, default 8. */
  readonly limit?: number;
}

/** One suggestion. */
export interface Suggestion {
  readonly type: string;
  readonly id: string;
  readonly name: string;
  /** The shortest of the record's aliases that matched, when one did ("Eigenvalues" for "eigenval"). */
  readonly alias?: string;
}

/**
 * The best `limit` suggestions for `raw` whatever their types, grouped by type; none for a prefix without letters
 * or digits. (A cap of limit − 1 per type, to show another type, kept the fifth course of a prefix out for a
 * concept: on the tune half 0.821 in the top 5 with it, 0.836 without.)
 */
export async function autocomplete(
  index: SearchIndexReader,
  raw: string,
  options: AutocompleteOptions = {},
): Promise<Suggestion[]> {
  const prefix = prefixKey(cleanQueryText(raw));
  if (prefix === "") return [];
  const types = options.types && options.types.length > 0 ? options.types : undefined;
  const limit = options.limit ?? 8;
  const candidates = await index.completeNames(prefix, types, limit);
  return groupByType(rankCompletions(candidates).slice(0, limit));
}

/**
 * Ranks completions, one per record (its best name): names that start with the prefix before names with
 * a later word that does, display names before aliases, then by `completionTypeFactor × importance`, then by
 * id. (Preferring short names was measured and lost: 0.63 against 0.78 in the top 5.) A suggestion shows the
 * name the user is typing ("Apprentissage automatique" for "appren", not the English display name); an alias
 * shows the record's display name ("IL-6" suggests "Interleukin 6").
 */
export function rankCompletions(candidates: readonly NameCompletion[]): Suggestion[] {
  const best = new Map<string, { suggestion: Suggestion; score: number }>();
  // The record's matching alias is kept whichever name wins: a reader that checks what was typed needs it.
  const aliases = new Map<string, string>();
  for (const c of candidates) {
    const score =
      (c.fromStart ? 4 : 0) +
      (c.alias ? 0 : 1) +
      completionTypeFactor(c.type) * importanceFactor(c.importance);
    const key = `${c.type}\u0000${c.id}`;
    const alias = aliases.get(key);
    if (c.alias && (alias === undefined || c.matched.length < alias.length)) aliases.set(key, c.matched);
    const seen = best.get(key);
    if (seen === undefined || score > seen.score) {
      best.set(key, { suggestion: { type: c.type, id: c.id, name: c.alias ? c.name : c.matched }, score });
    }
  }
  return [...best.entries()]
    .sort(([, a], [, b]) => b.score - a.score || compareStrings(a.suggestion.id, b.suggestion.id))
    .map(([key, b]) => {
      const alias = aliases.get(key);
      return alias === undefined ? b.suggestion : { ...b.suggestion, alias };
    });
}

/** Stable grouping by type: each type's suggestions together, types in the order of their first one. */
export function groupByType<T extends { type: string }>(items: readonly T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.type);
    if (group === undefined) groups.set(item.type, [item]);
    else group.push(item);
  }
  return [...groups.values()].flat();
}

/**
 * Autocomplete's type weights: courses first (what students most often finish typing, and a few thousand names
 * among 40,000 concept names), concepts, lectures and people next, categories with them (a category shares its
 * name with a concept); the others as in search. Measured on the prefix queries: courses at 512 and concepts at
 * 128 put the record in the top 5 for 0.829 of them, against 0.797 with both at 512.
 */
export const COMPLETION_TYPE_WEIGHTS: Readonly<Record<string, number>> = {
  ...TYPE_WEIGHTS,
  course: 512,
  concept: 128,
  category: 128,
};

/**
 * How strongly autocomplete prefers types: the ln-damped weight to the fourth (a concept or a person at 0.43 of a
 * course, before importance). Courses are 2,000 of 97,000 records, and what students type most: each is likelier
 * meant than a concept sharing its prefix. Tuned on the tune half of the prefix queries: 0.761 in the top 5 with
 * the cube, 0.821 with 4 to 8.
 */
export const COMPLETION_TYPE_STRENGTH = 4;

/** Autocomplete's type factor in (0, 1]. */
export function completionTypeFactor(type: string): number {
  let factor = completionTypeFactors.get(type);
  if (factor === undefined) {
    factor = typeFactor(type, COMPLETION_TYPE_STRENGTH, COMPLETION_TYPE_WEIGHTS);
    completionTypeFactors.set(type, factor);
  }
  return factor;
}

// Computed once per type: a suggestion list ranks up to 2,000 candidates per keystroke.
const completionTypeFactors = new Map<string, number>();
