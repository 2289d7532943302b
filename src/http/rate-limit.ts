/**
 * A fixed-window rate limit per client: at most `limit` events per window. Held in memory; a server restart
 * forgets it, which is fine for slowing down a flood of reports.
 */

/** Options of `RateLimiter`. */
export interface RateLimitOptions {
  /** Events allowed per client and window; e.g. 10. */
  readonly limit: number;
  /** The window's length in milliseconds; e.g. 60,000. */
  readonly windowMs: number;
  /** The clock, in milliseconds; default `Date.now`. */
  readonly now?: () => number;
}

/** Counts events per client in fixed windows. */
export class RateLimiter {
  private readonly counts = new Map<string, { start: number; count: number }>();
  private readonly now: () => number;

  constructor(private readonly options: RateLimitOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Records an event of `client`; false when it is over the limit (the event does not count). */
  allow(client: string): boolean {
    const now = this.now();
    // Old windows go first, so that the map stays as small as the clients of the current window.
    for (const [key, window] of this.counts)
      if (now - window.start >= this.options.windowMs) this.counts.delete(key);
    const window = this.counts.get(client) ?? { start: now, count: 0 };
    if (window.count >= this.options.limit) return false;
    window.count += 1;
    this.counts.set(client, window);
    return true;
  }
}
