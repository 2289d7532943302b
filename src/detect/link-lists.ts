/**
 * The concept links of the dictionary in two typed arrays on shared memory (`core/shared-arrays.ts`), read by worker
 * threads without a copy, where an Int32Array per concept would be copied into each.
 */
import { sharedInt32 } from "../core/shared-arrays.js";

/** Concept links in one shared array: concept c links to `targets` from `start[c]` to `start[c + 1]`, sorted. */
export interface LinkLists {
  readonly start: Int32Array;
  readonly targets: Int32Array;
}

/** The link lists of `lists` (one sorted list per concept) on shared memory. */
export function buildLinkLists(lists: readonly ArrayLike<number>[]): LinkLists {
  const start = sharedInt32(lists.length + 1);
  let total = 0;
  lists.forEach((list, c) => {
    start[c] = total;
    total += list.length;
  });
  start[lists.length] = total;
  const targets = sharedInt32(total);
  lists.forEach((list, c) => {
    targets.set(list, start[c] ?? 0);
  });
  return { start, targets };
}

/** The concepts `concept` links to, sorted (a view, not a copy). */
export function linksOf(links: LinkLists, concept: number): Int32Array {
  return links.targets.subarray(links.start[concept] ?? 0, links.start[concept + 1] ?? 0);
}

/** How many concepts link lists hold. */
export function linkListCount(links: LinkLists): number {
  return links.start.length - 1;
}
