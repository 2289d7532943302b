import { describe, expect, it } from "vitest";
import { Int32Chunks, NumberColumn } from "./number-column.js";

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

describe("Int32Chunks", () => {
  it("keeps every value appended, in order, across its chunks", () => {
    const chunks = new Int32Chunks();
    const count = (1 << 18) * 2 + 5;
    for (let i = 0; i < count; i += 1) chunks.push(i);
    expect(chunks.length).toBe(count);
    expect(chunks.at(0)).toBe(0);
    expect(chunks.at((1 << 18) - 1)).toBe((1 << 18) - 1);
    expect(chunks.at(1 << 18)).toBe(1 << 18);
    expect(chunks.at(count - 1)).toBe(count - 1);
    let sum = 0;
    let seen = 0;
    for (const value of chunks) {
      sum += value;
      seen += 1;
    }
    expect(seen).toBe(count);
    expect(sum).toBe(((count - 1) * count) / 2);
  });

  it("hands out a run of values as one array, within a chunk or across two", () => {
    const chunks = new Int32Chunks();
    const count = (1 << 18) * 2 + 5;
    for (let i = 0; i < count; i += 1) chunks.push(i * 2);
    const within = chunks.run(10, 15);
    expect([...within]).toEqual([20, 22, 24, 26, 28]);
    const edge = 1 << 18;
    expect([...chunks.run(edge - 3, edge)]).toEqual([edge - 3, edge - 2, edge - 1].map((i) => i * 2));
    const across = chunks.run(edge - 2, 2 * edge + 3);
    expect(across.length).toBe(edge + 5);
    expect(across[0]).toBe((edge - 2) * 2);
    expect(across[across.length - 1]).toBe((2 * edge + 2) * 2);
    expect(across.every((v, i) => v === (edge - 2 + i) * 2)).toBe(true);
    expect(chunks.run(7, 7).length).toBe(0);
  });
});
