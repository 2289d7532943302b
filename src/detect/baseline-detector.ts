/**
 * The baseline detector the evaluation compares against: exact, case-insensitive, longest match of concept
 * names only (no aliases, no accent folding, no plurals, no context). Every match scores 1.
 */

/** A baseline dictionary: lower-cased name token sequences to concept ids. */
export interface BaselineDictionary {
  readonly phrases: ReadonlyMap<string, string>;
  readonly maxTokens: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Builds the baseline dictionary from concept ids and their display names. */
export function buildBaseline(
  concepts: Iterable<{ readonly id: string; readonly name: string }>,
): BaselineDictionary {
  const phrases = new Map<string, string>();
  let maxTokens = 0;
  for (const { id, name } of concepts) {
    const words = name.toLowerCase().match(WORD) ?? [];
    if (words.length === 0) continue;
    const key = words.join(" ");
    if (!phrases.has(key)) phrases.set(key, id);
    maxTokens = Math.max(maxTokens, words.length);
  }
  return { phrases, maxTokens };
}

/** The concepts whose exact name occurs in `text`, taking the longest match at each position. */
export function detectBaseline(
  dictionary: BaselineDictionary,
  text: string,
): { id: string; score: number; start: number }[] {
  const words = [...text.toLowerCase().matchAll(WORD)];
  const found = new Map<string, number>();
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    let key = "";
    for (let n = 1; n <= dictionary.maxTokens && i + n <= words.length; n += 1) {
      key = n === 1 ? (words[i]?.[0] ?? "") : `${key} ${words[i + n - 1]?.[0] ?? ""}`;
      const id = dictionary.phrases.get(key);
      if (id !== undefined) {
        matched = n;
        if (!found.has(id)) found.set(id, words[i]?.index ?? 0);
      }
    }
    i += Math.max(matched, 1);
  }
  return [...found].map(([id, start]) => ({ id, score: 1, start }));
}
