/**
 * The queries the HTTP benchmark sends: what users type, common words included. Search gets the most frequent
 * two-word phrases of the corpus's names (lower-cased as typed, function words kept: "of the", "machine
 * learning") and the search set's non-prefix queries; autocomplete gets the search set's prefixes and the first
 * four to seven letters of those phrases.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Store } from "../src/store/store.js";

/** Search and autocomplete queries, each list in a fixed order. */
export interface QueryMix {
  readonly search: readonly string[];
  readonly autocomplete: readonly string[];
}

/** The `count` most frequent pairs of adjacent words in `names` (ties by text), lower-cased. */
export function topWordPairs(names: Iterable<string>, count: number): string[] {
  const pairs = new Map<string, number>();
  for (const name of names) {
    const words = name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    for (let i = 0; i + 1 < words.length; i += 1) {
      const pair = `${words[i]} ${words[i + 1]}`;
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    }
  }
  return [...pairs]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, count)
    .map(([pair]) => pair);
}

/** The benchmark's queries over `store`'s names and the search set in `evalFolder`. */
export async function queryMix(store: Store, evalFolder: string): Promise<QueryMix> {
  const names: string[] = [];
  for await (const record of store.scanRecords()) names.push(...Object.values(record.name));
  const phrases = topWordPairs(names, 200);
  const items = readFileSync(join(evalFolder, "search.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as { query: string; kind: string });
  const prefixes = items.filter((i) => i.kind === "prefix").map((i) => i.query);
  return {
    search: [...phrases, ...items.filter((i) => i.kind !== "prefix").map((i) => i.query)],
    autocomplete: [...prefixes, ...phrases.map((p, i) => p.slice(0, 4 + (i % 4)))],
  };
}
