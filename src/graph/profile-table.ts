/**
 * Records' concept edges (their profiles) held in typed arrays, read as a map of edge lists made on demand. A
 * build of 600,000 records holds about ten million edges until its last row is written: as objects they take
 * ~36 bytes each, here 12.
 */
import { NumberColumn } from "../core/number-column.js";
import { sharedFloat64, sharedInt32From } from "../core/shared-arrays.js";
import type { ConceptEdge } from "./entity-concepts.js";

/** An unchanging map from record number to its concept edges, in the order of the map it was made from. */
export class ProfileTable implements ReadonlyMap<number, readonly ConceptEdge[]> {
  private readonly records: Int32Array;
  /** Row of each record number, -1 when it has no profile. */
  private readonly rows: Int32Array;
  private readonly starts: Int32Array;
  /** Every record's edges back to back: a record's are at [edgesFrom(record), edgesTo(record)), best first. */
  readonly concepts: Int32Array;
  readonly scores: Float64Array;

  /** The profiles of a `ProfileTableBuilder`: records in the order added, edges from starts[row]. */
  constructor(columns: {
    readonly records: Int32Array;
    readonly starts: Int32Array;
    readonly concepts: Int32Array;
    readonly scores: Float64Array;
  }) {
    this.records = columns.records;
    this.starts = columns.starts;
    this.concepts = columns.concepts;
    this.scores = columns.scores;
    let last = -1;
    for (const record of this.records) last = Math.max(last, record);
    this.rows = new Int32Array(last + 1).fill(-1);
    this.records.forEach((record, row) => {
      this.rows[record] = row;
    });
  }

  /** The same profiles as `profiles`, in its order. */
  static from(profiles: Iterable<readonly [number, readonly ConceptEdge[]]>): ProfileTable {
    const builder = new ProfileTableBuilder();
    for (const [record, edges] of profiles) builder.add(record, edges);
    return builder.finish();
  }

  get size(): number {
    return this.records.length;
  }

  /** The table's columns, as its constructor takes them (to rebuild it elsewhere, e.g. in a worker thread). */
  columns(): {
    readonly records: Int32Array;
    readonly starts: Int32Array;
    readonly concepts: Int32Array;
    readonly scores: Float64Array;
  } {
    return { records: this.records, starts: this.starts, concepts: this.concepts, scores: this.scores };
  }

  has(record: number): boolean {
    return (this.rows[record] ?? -1) >= 0;
  }

  /** The record's edges, best first, as a new array; undefined when it has no profile. */
  get(record: number): readonly ConceptEdge[] | undefined {
    const row = this.rows[record] ?? -1;
    return row < 0 ? undefined : this.edgesOf(row);
  }

  /** Where `record`'s edges start in `concepts` and `scores` (read without making objects); 0 when it has none. */
  edgesFrom(record: number): number {
    const row = this.rows[record] ?? -1;
    return row < 0 ? 0 : (this.starts[row] as number);
  }

  /** Where `record`'s edges end in `concepts` and `scores`; `edgesFrom(record)` when it has none. */
  edgesTo(record: number): number {
    const row = this.rows[record] ?? -1;
    return row < 0 ? 0 : (this.starts[row + 1] as number);
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

/** Builds a `ProfileTable` from profiles added one record at a time (a build adds each as it is detected). */
export class ProfileTableBuilder {
  private readonly records = new NumberColumn((n) => new Int32Array(n));
  private readonly starts = new NumberColumn((n) => new Int32Array(n));
  private readonly concepts = new NumberColumn((n) => new Int32Array(n));
  private readonly scores = new NumberColumn((n) => new Float64Array(n));

  constructor() {
    this.starts.push(0);
  }

  /** Adds `record`'s edges, best first; a record is added once. */
  add(record: number, edges: readonly ConceptEdge[]): void {
    this.records.push(record);
    for (const e of edges) {
      this.concepts.push(e.concept);
      this.scores.push(e.score);
    }
    this.starts.push(this.concepts.length);
  }

  /**
   * The table of the profiles added, in the order added. Its columns are on shared memory: the build's worker
   * threads (semantic edges, concept pages) read them without a copy.
   */
  finish(): ProfileTable {
    const scores = sharedFloat64(this.scores.length);
    scores.set(this.scores.all());
    return new ProfileTable({
      records: sharedInt32From(this.records.all()),
      starts: sharedInt32From(this.starts.all()),
      concepts: sharedInt32From(this.concepts.all()),
      scores,
    });
  }
}

/** Profiles that can be read and replaced one record at a time: a Map, or a `ProfileOverlay`. */
export interface EditableProfiles {
  get(record: number): readonly ConceptEdge[] | undefined;
  has(record: number): boolean;
  set(record: number, edges: readonly ConceptEdge[]): unknown;
}

/**
 * A table's profiles with some replaced or added as objects (a build derives people's and units' profiles and
 * lectures' inherited ones after detection), without copying the table. It iterates as a Map would have had the
 * same writes: the table's records in order, each with its replacement if any, then the records added.
 */
export class ProfileOverlay implements EditableProfiles {
  private readonly changed = new Map<number, readonly ConceptEdge[]>();

  constructor(private readonly base: ProfileTable) {}

  get(record: number): readonly ConceptEdge[] | undefined {
    return this.changed.get(record) ?? this.base.get(record);
  }

  has(record: number): boolean {
    return this.changed.has(record) || this.base.has(record);
  }

  set(record: number, edges: readonly ConceptEdge[]): this {
    this.changed.set(record, edges);
    return this;
  }

  *[Symbol.iterator](): Generator<[number, readonly ConceptEdge[]]> {
    for (const [record, edges] of this.base) yield [record, this.changed.get(record) ?? edges];
    for (const [record, edges] of this.changed) if (!this.base.has(record)) yield [record, edges];
  }
}
