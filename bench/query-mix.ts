/**
 * The queries the HTTP benchmark sends: what users type, common words included. Search gets the most frequent
 * two-word phrases of the corpus's names (lower-cased as typed, function words kept: "of the", "machine
 * learning") and the search set's non-prefix queries; autocomplete gets the search set's prefixes and the first
 * four to seven letters of those phrases. For latency by word frequency, `common` holds the words and phrases
 * found in the most names ("data", "energy", "machine learning") and `rare` words found in two to five names.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Store } from "../src/store/store.js";

/** Search and autocomplete queries, each list in a fixed order. */
export interface QueryMix {
  readonly search: readonly string[];
  readonly autocomplete: readonly string[];
  /** The 100 words and the 100 two-word phrases found in the most names. */
  readonly common: readonly string[];
  /** 200 words found in two to five names, spread over the alphabet. */
  readonly rare: readonly string[];
}

/** The words of a name, lower-cased. */
function nameWords(name: string): string[] {
  return name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** How many names hold each word (once per name). */
function wordCounts(names: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of names) {
    for (const word of new Set(nameWords(name))) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/** The `count` words found in the most names, most frequent first, ties by text. */
export function topWords(names: Iterable<string>, count: number): string[] {
  return [...wordCounts(names)]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, count)
    .map(([word]) => word);
}

/** `count` words of three letters or more found in `min` to `max` names, evenly spaced in alphabetical order. */
export function rareWords(names: Iterable<string>, count: number, min = 2, max = 5): string[] {
  const words = [...wordCounts(names)]
    .filter(([word, n]) => n >= min && n <= max && word.length >= 3 && !/^\d+$/.test(word))
    .map(([word]) => word)
    .sort();
  const step = Math.max(1, words.length / count);
  return Array.from({ length: Math.min(count, words.length) }, (_, i) => words[Math.floor(i * step)] ?? "");
}

/** The `count` most frequent pairs of adjacent words in `names` (ties by text), lower-cased. */
export function topWordPairs(names: Iterable<string>, count: number): string[] {
  const pairs = new Map<string, number>();
  for (const name of names) {
    const words = nameWords(name);
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
    common: [...topWords(names, 100), ...phrases.slice(0, 100)],
    rare: rareWords(names, 200),
  };
}
