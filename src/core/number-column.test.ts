import { describe, expect, it } from "vitest";
import { NumberColumn } from "./number-column.js";

describe("NumberColumn", () => {
  it("keeps every value appended, in order, past its first capacity", () => {
    const column = new NumberColumn((n) => new Int32Array(n));
    for (let i = 0; i < 1_000; i += 1) column.push(i * 3 - 7);
    expect(column.length).toBe(1_000);
    expect(column.at(0)).toBe(-7);
    expect(column.at(999)).toBe(999 * 3 - 7);
    expect(column.last()).toBe(999 * 3 - 7);
    expect(column.at(1_000)).toBeUndefined();
  });

  it("stores numbers as its backing array does", () => {
    const doubles = new NumberColumn((n) => new Float64Array(n));
    doubles.push(0.1234);
    expect(doubles.at(0)).toBe(0.1234);
    const bytes = new NumberColumn((n) => new Uint8Array(n));
    bytes.push(1);
    expect(bytes.at(0)).toBe(1);
    expect(new NumberColumn((n) => new Int32Array(n)).last()).toBeUndefined();
  });
});
