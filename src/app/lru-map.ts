/**
 * A map bounded by the total weight of its values (by default each weighs 1: a bound on entries), dropping the
 * least recently used first.
 */

/** A map that keeps values of total weight at most `capacity`, dropping the least recently read or written first. */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();
  private total = 0;

  /**
   * @param capacity the largest total weight kept; 0 keeps nothing.
   * @param weigh the weight of a value, default 1; a value heavier than `capacity` is not kept.
   */
  constructor(
    private readonly capacity: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  /** The value of `key`, now the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Sets `key`, dropping the least recently used entries until the total weight fits. */
  set(key: K, value: V): void {
    this.delete(key);
    const weight = this.weigh(value);
    if (weight > this.capacity) return;
    this.entries.set(key, value);
    this.total += weight;
    for (const oldest of this.entries.keys()) {
      if (this.total <= this.capacity) break;
      this.delete(oldest);
    }
  }

  /** Removes every entry. */
  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  /** Entries held. */
  get size(): number {
    return this.entries.size;
  }

  /** The total weight of the values held. */
  get weight(): number {
    return this.total;
  }

  private delete(key: K): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.total -= this.weigh(value);
  }
}
