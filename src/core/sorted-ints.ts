/**
 * Membership in a sorted array of integers, by binary search.
 */

/** True when `value` is in `sorted` (ascending). */
export function sortedHas(sorted: ArrayLike<number> | undefined, value: number): boolean {
  if (!sorted) return false;
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] ?? 0;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
