import { describe, expect, it } from "vitest";
import { LruMap } from "./lru-map.js";

describe("LruMap", () => {
  it("drops the least recently used entry when full", () => {
    const map = new LruMap<string, number>(2);
    map.set("a", 1);
    map.set("b", 2);
    expect(map.get("a")).toBe(1);
    map.set("c", 3);
    expect(map.get("b")).toBeUndefined();
    expect(map.get("a")).toBe(1);
    expect(map.get("c")).toBe(3);
    expect(map.size).toBe(2);
  });

  it("bounds the total weight, keeps nothing heavier than the capacity, and counts a replaced value once", () => {
    const map = new LruMap<string, string>(10, (v) => v.length);
    map.set("a", "xxxx");
    map.set("b", "yyyy");
    map.set("a", "zzzz");
    expect(map.weight).toBe(8);
    map.set("c", "www");
    expect(map.get("b")).toBeUndefined();
    expect(map.weight).toBe(7);
    map.set("d", "v".repeat(11));
    expect(map.get("d")).toBeUndefined();
    expect(map.size).toBe(2);
  });

  it("keeps nothing with a capacity of 0", () => {
    const map = new LruMap<string, number>(0);
    map.set("a", 1);
    expect(map.get("a")).toBeUndefined();
  });
});
