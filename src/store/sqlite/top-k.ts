/**
 * The best k documents offered so far, by BM25 relevance, then lower pk: what the top-k searches keep while they
 * read postings.
 */

/** A document and its BM25 relevance. */
export interface ScoredDocument {
  readonly pk: number;
  readonly relevance: number;
}

/** The best k documents offered so far: a binary heap with the worst (lowest score, then highest pk) on top. */
export class TopK {
  private readonly pks: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(private readonly k: number) {
    this.pks = new Int32Array(k);
    this.scores = new Float64Array(k);
  }

  /** True once k documents are held. */
  full(): boolean {
    return this.size >= this.k;
  }

  /** The relevance of the worst document held (0 while none is). */
  worstScore(): number {
    return this.scores[0] ?? 0;
  }

  /** Keeps document `pk` if it ranks above the worst held, or while fewer than k are held. */
  offer(pk: number, score: number): void {
    let at: number;
    if (this.size < this.k) {
      at = this.size;
      this.size += 1;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!this.below(score, pk, parent)) break;
        this.move(parent, at);
        at = parent;
      }
    } else {
      if (this.below(score, pk, 0)) return;
      at = 0;
      for (;;) {
        const left = 2 * at + 1;
        if (left >= this.size) break;
        const right = left + 1;
        const worse =
          right < this.size && this.below(this.scores[right] ?? 0, this.pks[right] ?? 0, left) ? right : left;
        if (!this.below(this.scores[worse] ?? 0, this.pks[worse] ?? 0, -1, score, pk)) break;
        this.move(worse, at);
        at = worse;
      }
    }
    this.pks[at] = pk;
    this.scores[at] = score;
  }

  /** The documents, best first. */
  sorted(): ScoredDocument[] {
    const all: ScoredDocument[] = [];
    for (let i = 0; i < this.size; i += 1) {
      all.push({ pk: this.pks[i] ?? 0, relevance: this.scores[i] ?? 0 });
    }
    return all.sort((a, b) => b.relevance - a.relevance || a.pk - b.pk);
  }

  // True when (score, pk) ranks below the entry at `at`, or below (otherScore, otherPk) when `at` is -1.
  private below(score: number, pk: number, at: number, otherScore = 0, otherPk = 0): boolean {
    const s = at < 0 ? otherScore : (this.scores[at] ?? 0);
    const p = at < 0 ? otherPk : (this.pks[at] ?? 0);
    return score < s || (score === s && pk > p);
  }

  private move(from: number, to: number): void {
    this.pks[to] = this.pks[from] ?? 0;
    this.scores[to] = this.scores[from] ?? 0;
  }
}
