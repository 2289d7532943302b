/**
 * A column of numbers in a typed array that doubles as values are appended: a build holds millions of per-edge
 * numbers until it writes them, at 1 to 8 bytes each where a JS array takes 8 and grows the same way.
 */

type Typed = Int32Array | Float64Array | Uint8Array;

/** A growing typed array of numbers, appended to and read by position. */
export class NumberColumn<T extends Typed> {
  private values: T;
  private used = 0;

  /** `make(size)` makes the backing array (e.g. `(n) => new Int32Array(n)`), which decides the numbers' kind. */
  constructor(private readonly make: (size: number) => T) {
    this.values = make(256);
  }

  /** The number of values appended. */
  get length(): number {
    return this.used;
  }

  /** Appends `value`. */
  push(value: number): void {
    if (this.used === this.values.length) {
      const grown = this.make(this.values.length * 2);
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

  /** The last value appended; undefined when empty. */
  last(): number | undefined {
    return this.at(this.used - 1);
  }
}
