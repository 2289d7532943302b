/**
 * Whole-name typo correction: records whose display name is within one typing error of the query as typed
 * ("Surfaces an interfaces" → "Surfaces and interfaces", "Human vice" → "Human voice"), which word-by-word
 * correction misses when the mistyped word is short, a function word, or itself a word of the vocabulary.
 */
import type { SearchHit, SearchIndexReader } from "../store/store.js";
import { matchKey, prefixKey } from "./search-keys.js";
import { typoDistance } from "./typo-distance.js";

/** The shortest query (folded, in characters) corrected as a whole name: shorter ones are near too many names. */
export const MIN_NAME_CORRECTION_CHARS = 8;
/** The largest typing-error cost between a query and a name it corrects to (see `typo-distance.ts`). */
export const MAX_NAME_CORRECTION_COST = 1;
// Names that complete the query's first word and the first letter of its second, looked at.
const COMPLETIONS = 50;

/**
 * The hits among `candidates` whose display name, and the records one of whose names (among the completions of
 * the query's first word and the first letter of its second), is within `MAX_NAME_CORRECTION_COST` of `typed`
 * (a prefix key: the query's folded words) and differs from it.
 */
export async function closeNameHits(
  index: Pick<SearchIndexReader, "completeNames" | "findByName">,
  typed: string,
  candidates: readonly SearchHit[],
  types: readonly string[] | undefined,
): Promise<SearchHit[]> {
  if (typed.length < MIN_NAME_CORRECTION_CHARS) return [];
  const words = typed.split(" ");
  // Found by a name or alias close to the query: kept whatever their display name.
  const more: SearchHit[] = [];
  if (words.length >= 2 && words[1] !== undefined && words[1] !== "") {
    const completions = await index.completeNames(`${words[0]} ${words[1].charAt(0)}`, types, COMPLETIONS);
    const close = completions.filter((c) => isClose(typed, prefixKey(c.matched)));
    if (close.length > 0) {
      more.push(
        ...(await index.findByName([...new Set(close.map((c) => matchKey(c.matched)))], types, COMPLETIONS)),
      );
    }
  }
  const found = new Map<string, SearchHit>();
  for (const hit of [...candidates.filter((h) => isClose(typed, prefixKey(h.name))), ...more]) {
    found.set(`${hit.type}\u0000${hit.id}`, hit);
  }
  return [...found.values()];
}

function isClose(typed: string, name: string): boolean {
  return name !== typed && typoDistance(name, typed, MAX_NAME_CORRECTION_COST) <= MAX_NAME_CORRECTION_COST;
}
