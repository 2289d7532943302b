/** A small seeded generator of numbers in [0, 1) (mulberry32): reproducible draws for evaluation sets and tests. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` distinct items of `pool`, drawn by `random` without replacement with chances proportional to `weight`. */
export function weightedSample<T>(
  random: () => number,
  pool: readonly T[],
  weight: (t: T) => number,
  n: number,
): T[] {
  const left = pool.map((t) => ({ t, w: Math.max(0, weight(t)) }));
  const out: T[] = [];
  while (out.length < n && left.length > 0) {
    let at = random() * left.reduce((s, x) => s + x.w, 0);
    let i = 0;
    while (i < left.length - 1 && at >= (left[i]?.w ?? 0)) at -= left[i++]?.w ?? 0;
    out.push((left.splice(i, 1)[0] as { t: T }).t);
  }
  return out;
}
