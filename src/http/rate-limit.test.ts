import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit.js";

describe("RateLimiter", () => {
  it("allows the limit per client and window, then refuses until the next window", () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 2, windowMs: 1_000, now: () => now });
    expect([limiter.allow("a"), limiter.allow("a"), limiter.allow("a")]).toEqual([true, true, false]);
    expect(limiter.allow("b")).toBe(true);
    now = 999;
    expect(limiter.allow("a")).toBe(false);
    now = 1_000;
    expect(limiter.allow("a")).toBe(true);
  });
});
