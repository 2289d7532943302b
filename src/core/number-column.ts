/**
 * A column of numbers in a typed array that doubles as values are appended: a build holds millions of per-edge
 * numbers until it writes them, at 1 to 8 bytes each where a JS array takes 8 and grows the same way.
 */
import { sharedInt32 } from "./shared-arrays.js";

type Typed = Int32Array | Float32Array | Float64Array | Uint8Array;

/** A growing typed array of numbers, appended to and read by position. */
export class NumberColumn<T extends Typed> {
  private values: T;
  private used = 0;

  /**
   * `make(size)` makes the backing array (e.g. `(n) => new Int32Array(n)`), which decides the numbers' kind; `values`,
   * if given, are the column's first values, held as they are (not copied).
   */
  constructor(
    private readonly make: (size: number) => T,
    values?: T,
  ) {
    this.values = values ?? make(256);
    this.used = values?.length ?? 0;
  }

  /** The number of values appended. */
  get length(): number {
    return this.used;
  }

  /** Appends `value`. */
  push(value: number): void {
    if (this.used === this.values.length) {
      const grown = this.make(Math.max(256, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.used] = value;
    this.used += 1;
  }

  /** The value at `index` (0 ≤ index < length); undefined outside. */
  at(index: number): number | undefined {
    return index < this.used ? this.values[index] : undefined;
  }

  /** The values appended, in an array of their own (exactly as long). */
  toArray(): T {
    return this.values.slice(0, this.used) as T;
  }

  /** Every value appended, without copying them: a view, true until the next push. */
  all(): T {
    return this.view(0, this.used);
  }

  /** The values at [from, to) without copying them: a view, true until the next push. */
  view(from: number, to: number): T {
    return this.values.subarray(from, Math.min(to, this.used)) as T;
  }

  /** The last value appended; undefined when empty. */
  last(): number | undefined {
    return this.at(this.used - 1);
  }
}

/** log2 of the values per chunk of an `Int32Chunks`: 2^18 values, 1 MiB. */
const CHUNK_BITS = 18;
const CHUNK_MASK = (1 << CHUNK_BITS) - 1;

/**
 * Whole numbers appended in fixed chunks rather than one array: it never copies what it holds to grow (a doubling
 * array holds its old and new copies at once, and up to half of it unused), and keeps at most one chunk unused.
 * For the largest columns of a build, read in place to the end (the texts' word numbers). The chunks are on shared
 * memory: another thread reads the same values (`chunkArrays`, `Int32Chunks.of`) without a copy.
 */
export class Int32Chunks implements Iterable<number> {
  private readonly chunks: Int32Array[] = [];
  private used = 0;

  /** A column of `length` values held in `chunks`, read in place (another thread's `chunkArrays`). */
  static of(chunks: readonly Int32Array[], length: number): Int32Chunks {
    const column = new Int32Chunks();
    column.chunks.push(...chunks);
    column.used = length;
    return column;
  }

  /** The chunks holding the values, in order (views of shared memory): with `length`, what `Int32Chunks.of` takes. */
  get chunkArrays(): readonly Int32Array[] {
    return this.chunks;
  }

  /** The number of values appended. */
  get length(): number {
    return this.used;
  }

  /** Appends `value`. */
  push(value: number): void {
    const chunk = this.used >>> CHUNK_BITS;
    if (chunk === this.chunks.length) this.chunks.push(sharedInt32(1 << CHUNK_BITS));
    (this.chunks[chunk] as Int32Array)[this.used & CHUNK_MASK] = value;
    this.used += 1;
  }

  /** The value at `index`, which must be in [0, length). */
  at(index: number): number {
    return (this.chunks[index >>> CHUNK_BITS] as Int32Array)[index & CHUNK_MASK] as number;
  }

  /**
   * The values at [from, to) (0 ≤ from ≤ to ≤ length) as one array: a view of the chunk that holds them all (true
   * until that chunk is written again), or a copy when they cross into the next one. For reading a run with the
   * typed array's own loops (`indexOf`) rather than a call per value.
   */
  run(from: number, to: number): Int32Array {
    if (to <= from) return new Int32Array(0);
    const chunk = from >>> CHUNK_BITS;
    const at = from & CHUNK_MASK;
    if ((to - 1) >>> CHUNK_BITS === chunk) {
      return (this.chunks[chunk] as Int32Array).subarray(at, at + (to - from));
    }
    const copy = new Int32Array(to - from);
    for (let i = from, o = 0; i < to; ) {
      const c = i >>> CHUNK_BITS;
      const start = i & CHUNK_MASK;
      const end = Math.min(1 << CHUNK_BITS, start + (to - i));
      copy.set((this.chunks[c] as Int32Array).subarray(start, end), o);
      o += end - start;
      i += end - start;
    }
    return copy;
  }

  *[Symbol.iterator](): Generator<number> {
    for (let i = 0; i < this.used; i += 1) yield this.at(i);
  }
}
