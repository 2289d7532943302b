/**
 * The best `capacity` of many (id, score) pairs, best first (ties: the lower id first), in a bounded min-heap:
 * O(n log capacity) and no object per pair, where sorting every candidate to keep a few took O(n log n) and an
 * object each. Ids are expected to be distinct.
 */
export class TopScores {
  private readonly ids: Int32Array;
  private readonly scores: Float64Array;
  private count = 0;

  constructor(readonly capacity: number) {
    this.ids = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Keeps (id, score) if it is among the best `capacity` offered since the last `clear`. */
  offer(id: number, score: number): void {
    const { ids, scores } = this;
    if (this.count < this.capacity) {
      // Up from the new leaf while it ranks below its parent (the root is the worst kept).
      let i = this.count;
      this.count += 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!below(score, id, scores[parent] as number, ids[parent] as number)) break;
        ids[i] = ids[parent] as number;
        scores[i] = scores[parent] as number;
        i = parent;
      }
      ids[i] = id;
      scores[i] = score;
      return;
    }
    if (this.capacity === 0 || !below(scores[0] as number, ids[0] as number, score, id)) return;
    // Replaces the worst kept, then down while a child ranks below it.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = -1;
      let mScore = score;
      let mId = id;
      if (l < this.count && below(scores[l] as number, ids[l] as number, mScore, mId)) {
        m = l;
        mScore = scores[l] as number;
        mId = ids[l] as number;
      }
      if (r < this.count && below(scores[r] as number, ids[r] as number, mScore, mId)) m = r;
      if (m < 0) break;
      ids[i] = ids[m] as number;
      scores[i] = scores[m] as number;
      i = m;
    }
    ids[i] = id;
    scores[i] = score;
  }

  /** The kept pairs, best first (ties: lower id first). */
  sorted(): { id: number; score: number }[] {
    const out: { id: number; score: number }[] = [];
    for (let i = 0; i < this.count; i += 1)
      out.push({ id: this.ids[i] as number, score: this.scores[i] as number });
    return out.sort((a, b) => b.score - a.score || a.id - b.id);
  }

  /** Forgets every pair kept. */
  clear(): void {
    this.count = 0;
  }
}

/** True when (score a, id a) ranks below (score b, id b): a lower score, or the same and a higher id. */
function below(aScore: number, aId: number, bScore: number, bId: number): boolean {
  return aScore < bScore || (aScore === bScore && aId > bId);
}
