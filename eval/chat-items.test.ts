import { describe, expect, it } from "vitest";
import { conversationOf, questionOf, readChatSets } from "./chat-items.js";

const item = {
  question: "Which courses cover X?",
  lang: "en",
  kind: "long-input",
  expect: { types: [] },
} as const;

describe("questionOf", () => {
  it("pads a question before or after it up to the padded length", () => {
    const after = questionOf({ ...item, padding: { text: " bla", to: 100, where: "after" } });
    expect(after).toHaveLength(100);
    expect(after.startsWith("Which courses cover X? bla bla")).toBe(true);
    const before = questionOf({ ...item, padding: { text: "notes. ", to: 50, where: "before" } });
    expect(before).toHaveLength(50);
    expect(before.endsWith("Which courses cover X?")).toBe(true);
  });

  it("asks an item without padding as written, after its earlier turns", () => {
    const turns = [{ role: "user", content: "Courses on X?" } as const];
    expect(conversationOf({ ...item, expect: { types: [], messages: turns } })).toEqual([
      ...turns,
      { role: "user", content: "Which courses cover X?" },
    ]);
  });
});

describe("readChatSets", () => {
  it("splits the fresh set into a tune and a check half, each holding every kind", () => {
    const sets = readChatSets();
    const kinds = (set: string) => new Set((sets[set] ?? []).map((i) => i.kind));
    expect(sets["fresh-tune"]?.length).toBeGreaterThanOrEqual(30);
    expect(sets["fresh-check"]?.length).toBeGreaterThanOrEqual(30);
    expect([...kinds("fresh-check")].sort()).toEqual([...kinds("fresh-tune")].sort());
    const questions = new Set(sets["fresh-tune"]?.map((i) => i.question));
    expect(sets["fresh-check"]?.filter((i) => questions.has(i.question))).toEqual([]);
  });

  it("holds a second fresh set, half English and half French, that repeats no question of another set", () => {
    const sets = readChatSets();
    const fresh2 = sets.fresh2 ?? [];
    expect(fresh2.length).toBeGreaterThanOrEqual(40);
    expect(fresh2.filter((i) => i.lang === "en").length * 2).toBe(fresh2.length);
    const others = new Set(
      Object.entries(sets)
        .filter(([name]) => name !== "fresh2")
        .flatMap(([, items]) => items.map((i) => i.question.toLowerCase())),
    );
    expect(fresh2.filter((i) => others.has(i.question.toLowerCase()))).toEqual([]);
  });

  it("holds a third fresh set in real users' style: both languages, no repeated question, a rule or none each", () => {
    const sets = readChatSets();
    const fresh3 = sets.fresh3 ?? [];
    expect(fresh3.length).toBeGreaterThanOrEqual(60);
    const english = fresh3.filter((i) => i.lang === "en").length;
    expect(english / fresh3.length).toBeGreaterThan(0.4);
    expect(english / fresh3.length).toBeLessThan(0.6);
    const others = new Set(
      Object.entries(sets)
        .filter(([name]) => name !== "fresh3")
        .flatMap(([, items]) => items.map((i) => i.question.toLowerCase())),
    );
    expect(fresh3.filter((i) => others.has(i.question.toLowerCase()))).toEqual([]);
    expect(fresh3.filter((i) => (i.expect.none === true) === (i.expect.gold !== undefined))).toEqual([]);
    expect(fresh3.filter((i) => i.kind === "follow-up" && !i.expect.messages?.length)).toEqual([]);
  });
});
