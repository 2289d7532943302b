/**
 * Records' concept edges (their profiles) held in typed arrays, read as a map of edge lists made on demand. A
 * build of 600,000 records holds about ten million edges until its last row is written: as objects they take
 * ~36 bytes each, here 12.
 */
import type { ConceptEdge } from "./entity-concepts.js";

/** An unchanging map from record number to its concept edges, in the order of the map it was made from. */
export class ProfileTable implements ReadonlyMap<number, readonly ConceptEdge[]> {
  private readonly records: Int32Array;
  /** Row of each record number, -1 when it has no profile. */
  private readonly rows: Int32Array;
  private readonly starts: Int32Array;
  private readonly concepts: Int32Array;
  private readonly scores: Float64Array;

  /** The same profiles as `profiles`, in its order. */
  constructor(profiles: ReadonlyMap<number, readonly ConceptEdge[]>) {
    let edges = 0;
    let last = -1;
    for (const [record, list] of profiles) {
      edges += list.length;
      last = Math.max(last, record);
    }
    this.records = new Int32Array(profiles.size);
    this.rows = new Int32Array(last + 1).fill(-1);
    this.starts = new Int32Array(profiles.size + 1);
    this.concepts = new Int32Array(edges);
    this.scores = new Float64Array(edges);
    let row = 0;
    let at = 0;
    for (const [record, list] of profiles) {
      this.records[row] = record;
      this.rows[record] = row;
      for (const e of list) {
        this.concepts[at] = e.concept;
        this.scores[at] = e.score;
        at += 1;
      }
      row += 1;
      this.starts[row] = at;
    }
  }

  get size(): number {
    return this.records.length;
  }

  has(record: number): boolean {
    return (this.rows[record] ?? -1) >= 0;
  }

  /** The record's edges, best first, as a new array; undefined when it has no profile. */
  get(record: number): readonly ConceptEdge[] | undefined {
    const row = this.rows[record] ?? -1;
    return row < 0 ? undefined : this.edgesOf(row);
  }

  *entries(): MapIterator<[number, readonly ConceptEdge[]]> {
    for (let row = 0; row < this.records.length; row += 1)
      yield [this.records[row] as number, this.edgesOf(row)];
  }

  *keys(): MapIterator<number> {
    yield* this.records;
  }

  *values(): MapIterator<readonly ConceptEdge[]> {
    for (let row = 0; row < this.records.length; row += 1) yield this.edgesOf(row);
  }

  [Symbol.iterator](): MapIterator<[number, readonly ConceptEdge[]]> {
    return this.entries();
  }

  forEach(
    visit: (
      edges: readonly ConceptEdge[],
      record: number,
      map: ReadonlyMap<number, readonly ConceptEdge[]>,
    ) => void,
  ): void {
    for (const [record, edges] of this.entries()) visit(edges, record, this);
  }

  private edgesOf(row: number): ConceptEdge[] {
    const edges: ConceptEdge[] = [];
    for (let i = this.starts[row] ?? 0; i < (this.starts[row + 1] ?? 0); i += 1)
      edges.push({ concept: this.concepts[i] as number, score: this.scores[i] as number });
    return edges;
  }
}
