import { describe, expect, it } from "vitest";
import {
  MentionTable,
  mentionCount,
  mentionPostings,
  type NameMentions,
  nameMentions,
} from "./name-mentions.js";

const record = (length: number, ...counts: [number, number][]): NameMentions =>
  nameMentions(new Map(counts), length);

describe("name mentions", () => {
  it("ranks a record naming the concept more often, or in a shorter text, first", () => {
    const mentions = new Map([
      [0, record(100, [1, 1])],
      [1, record(100, [1, 4])],
      [2, record(400, [1, 4])],
      [3, record(100, [2, 1])],
    ]);
    const { members, scores } = mentionPostings(mentions, 3);
    expect([...(members[1] ?? [])]).toEqual([1, 2, 0]);
    expect([...(members[2] ?? [])]).toEqual([3]);
    expect(members[0]?.length).toBe(0);
    for (const s of scores[1] ?? []) {
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThan(1);
    }
  });

  it("keeps counts above the floor and finds them by concept", () => {
    const m = nameMentions(
      new Map([
        [9, 2],
        [3, 0.05],
        [5, 1],
      ]),
      50,
      0.1,
    );
    expect([...m.concepts]).toEqual([5, 9]);
    expect(mentionCount(m, 9)).toBe(2);
    expect(mentionCount(m, 5)).toBe(1);
    expect(mentionCount(m, 3)).toBe(0);
    expect(mentionCount(undefined, 5)).toBe(0);
  });
});

describe("MentionTable", () => {
  it("reads back each record's counts, and makes the same postings as a map of them", () => {
    const map = new Map([
      [
        2,
        nameMentions(
          new Map([
            [4, 2],
            [1, 1],
          ]),
          30,
        ),
      ],
      [5, nameMentions(new Map([[1, 3]]), 10)],
      [9, nameMentions(new Map(), 7)],
    ]);
    const table = new MentionTable();
    for (const [record, m] of map) table.add(record, m);
    expect(table.size).toBe(3);
    expect([...table.keys()]).toEqual([2, 5, 9]);
    expect(table.get(2)).toEqual(map.get(2));
    expect(table.get(9)).toEqual(map.get(9));
    expect(table.get(3)).toBeUndefined();
    expect(table.has(5)).toBe(true);
    expect(table.has(40)).toBe(false);
    expect(mentionCount(table.get(2), 4)).toBe(2);
    expect(mentionPostings(table, 6)).toEqual(mentionPostings(map, 6));
  });
});
