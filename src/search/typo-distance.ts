/**
 * A typing-error distance: optimal string alignment whose edits cost what they say about intent. Slips of the
 * hand cost half an edit (a neighbouring key on a QWERTY or AZERTY keyboard, a doubled or undoubled letter, two
 * adjacent letters swapped), a vowel for another vowel (a spelling by ear) three quarters, any other edit one.
 * Accents are folded before (the keys compared are folded), so "é" for "e" costs nothing.
 */

/** Cost of an edit the hand makes: a neighbouring key, a doubled letter, a swap. */
export const SLIP_COST = 0.5;
/** Cost of a vowel replaced by another. */
export const VOWEL_COST = 0.75;

const KEYBOARDS = [
  ["qwertyuiop", "asdfghjkl", "zxcvbnm"],
  ["azertyuiop", "qsdfghjklm", "wxcvbn"],
];
const VOWELS = new Set("aeiouy");

/** Letter pairs that are neighbours on either keyboard, as "ab" strings (both orders). */
const NEIGHBOURS: ReadonlySet<string> = (() => {
  const pairs = new Set<string>();
  for (const rows of KEYBOARDS) {
    rows.forEach((row, r) => {
      for (let i = 0; i < row.length; i++) {
        const near = [row[i - 1], row[i + 1], rows[r + 1]?.[i - 1], rows[r + 1]?.[i]];
        for (const other of near) {
          if (other === undefined) continue;
          pairs.add(`${row[i]}${other}`);
          pairs.add(`${other}${row[i]}`);
        }
      }
    });
  }
  return pairs;
})();

/** The cost of typing `typed` where `meant` was meant. */
export function replacementCost(meant: string, typed: string): number {
  if (meant === typed) return 0;
  if (NEIGHBOURS.has(`${meant}${typed}`)) return SLIP_COST;
  if (VOWELS.has(meant) && VOWELS.has(typed)) return VOWEL_COST;
  return 1;
}

/**
 * The cost of the cheapest edits turning `meant` into `typed` (see the file comment), or `Infinity` once it is
 * known to exceed `max`. Symmetric except for doubled letters, which are judged in `meant`'s and `typed`'s
 * context alike.
 */
export function typoDistance(meant: string, typed: string, max: number): number {
  if (Math.abs(meant.length - typed.length) > max / SLIP_COST) return Number.POSITIVE_INFINITY;
  const n = typed.length;
  const width = n + 1;
  const d = new Float64Array((meant.length + 1) * width);
  // Inserting or deleting a letter next to the same letter (a doubled letter) is a slip.
  const gap = (text: string, i: number) =>
    i > 0 && (text[i] === text[i - 1] || text[i] === text[i + 1]) ? SLIP_COST : 1;
  for (let j = 1; j <= n; j++) d[j] = (d[j - 1] as number) + gap(typed, j - 1);
  for (let i = 1; i <= meant.length; i++) {
    const row = i * width;
    d[row] = (d[row - width] as number) + gap(meant, i - 1);
    let rowMin = d[row] as number;
    for (let j = 1; j <= n; j++) {
      const a = meant[i - 1] as string;
      const b = typed[j - 1] as string;
      let best = Math.min(
        (d[row - width + j] as number) + gap(meant, i - 1),
        (d[row + j - 1] as number) + gap(typed, j - 1),
        (d[row - width + j - 1] as number) + replacementCost(a, b),
      );
      if (i > 1 && j > 1 && a === typed[j - 2] && meant[i - 2] === b && a !== b) {
        best = Math.min(best, (d[row - 2 * width + j - 2] as number) + SLIP_COST);
      }
      d[row + j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > max) return Number.POSITIVE_INFINITY;
  }
  const distance = d[meant.length * width + n] as number;
  return distance > max ? Number.POSITIVE_INFINITY : distance;
}
