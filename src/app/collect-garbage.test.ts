import { describe, expect, it } from "vitest";
import { collectGarbage } from "./collect-garbage.js";

describe("collectGarbage", () => {
  it("frees what nothing refers to any more, with or without --expose-gc", () => {
    let garbage: { value: number }[] | undefined = Array.from({ length: 1_000_000 }, (_, i) => ({
      value: i + 0.5,
    }));
    expect(garbage.length).toBe(1_000_000);
    const before = process.memoryUsage().heapUsed;
    garbage = undefined;
    collectGarbage();
    collectGarbage();
    // A million small objects with boxed numbers take over 30 MB.
    expect(before - process.memoryUsage().heapUsed).toBeGreaterThan(20 * 1024 * 1024);
  });
});
