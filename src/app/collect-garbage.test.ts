import { describe, expect, it } from "vitest";
import { collectGarbage } from "./collect-garbage.js";

describe("collectGarbage", () => {
  it("frees what nothing refers to any more, with or without --expose-gc", async () => {
    let garbage: { value: number }[] | undefined = [{ value: 0.5 }];
    const watched = new WeakRef(garbage);
    // A WeakRef keeps its target alive until the end of the job that made it: collect in a later one.
    await new Promise((next) => setImmediate(next));
    expect(watched.deref()).toBe(garbage);
    garbage = undefined;
    await new Promise((next) => setImmediate(next));
    collectGarbage();
    expect(watched.deref()).toBeUndefined();
  });
});
