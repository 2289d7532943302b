import { describe, expect, it } from "vitest";
import { BlockChannel } from "./block-channel.js";

const FIXTURE = new URL("../../test/fixtures/block-channel-worker.ts", import.meta.url);

function channel(mode: string, count: number, ahead: number, patienceMs?: number): BlockChannel<number> {
  return new BlockChannel<number>("fixture", FIXTURE, (end) => ({ mode, count, channel: end }), {
    ahead,
    ...(patienceMs !== undefined && { patienceMs }),
  });
}

describe("BlockChannel", () => {
  it("takes every post in the order posted, the worker kept a few posts ahead", async () => {
    const numbers = channel("count", 500, 3);
    try {
      const taken = Array.from({ length: 500 }, () => numbers.take());
      expect(taken).toEqual(Array.from({ length: 500 }, (_, i) => i));
      expect(numbers.received).toBe(500);
      expect(() => numbers.take()).toThrow(/fixture worker: ended/);
    } finally {
      await numbers.close();
    }
  });

  it("shares the claim counter: each item is claimed by one thread only", async () => {
    const items = 2_000;
    const shared = channel("claim", items, 4);
    try {
      const mine: number[] = [];
      const theirs: number[] = [];
      for (let item = shared.claim(items); item !== undefined; item = shared.claim(items)) {
        mine.push(item);
        for (let post = shared.poll(); post !== undefined; post = shared.poll()) theirs.push(post);
      }
      for (;;) {
        try {
          theirs.push(shared.take());
        } catch {
          break;
        }
      }
      expect([...mine, ...theirs].sort((a, b) => a - b)).toEqual(Array.from({ length: items }, (_, i) => i));
    } finally {
      await shared.close();
    }
  });

  it("throws the worker's error once its earlier posts are taken", async () => {
    const failing = channel("fail", 0, 2);
    try {
      expect(failing.take()).toBe(0);
      expect(() => failing.take()).toThrow(/fixture worker: .*RangeError: the fixture fails/s);
    } finally {
      await failing.close();
    }
  });

  it("says the worker ended rather than waiting when it exits without posting more", async () => {
    const ending = channel("exit", 0, 2);
    try {
      expect(ending.take()).toBe(0);
      expect(() => ending.take()).toThrow(/fixture worker: ended/);
    } finally {
      await ending.close();
    }
  });

  it("gives up on a worker that posts nothing for the patience while it is waited on", async () => {
    const hanging = channel("hang", 0, 2, 200);
    try {
      expect(hanging.take()).toBe(0);
      expect(() => hanging.take()).toThrow(/fixture worker: posted nothing in \d+ s/);
    } finally {
      await hanging.close();
    }
  });
});
