/**
 * Optimal string alignment distance: insertions, deletions, replacements and swaps of two adjacent letters
 * each cost one edit (a swap is one edit, not two).
 */

// Three rows of the dynamic programme, reused from call to call: a typo lookup compares a word with thousands.
let rows = new Int32Array(3 * 64);

/**
 * The number of edits between `a` and `b`, or `max + 1` as soon as it is known to exceed `max`
 * (so that comparing a query word with many words stays cheap).
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  const width = n + 1;
  if (rows.length < 3 * width) rows = new Int32Array(6 * width);
  // Offsets of the rows two above, one above and the current one.
  let before = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j <= n; j++) rows[previous + j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    rows[current] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let d = Math.min(
        (rows[previous + j] as number) + 1,
        (rows[current + j - 1] as number) + 1,
        (rows[previous + j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) {
        d = Math.min(d, (rows[before + j - 2] as number) + 1);
      }
      rows[current + j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const oldest = before;
    before = previous;
    previous = current;
    current = oldest;
  }
  const distance = rows[previous + n] as number;
  return distance > max ? max + 1 : distance;
}
