import { describe, expect, it } from "vitest";
import { type ChatItem, conversationOf, questionOf, readChatSets } from "./chat-items.js";

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
    expectHeldOutWhole("fresh3", 60);
  });

  it("holds a fourth fresh set written before tuning: every intent, both languages, a rule or none each", () => {
    const fresh4 = expectHeldOutWhole("fresh4", 100);
    expect(fresh4.filter((i) => i.kind === "follow-up").length).toBeGreaterThanOrEqual(8);
    expect(fresh4.filter((i) => i.expect.none).length).toBeGreaterThanOrEqual(15);
    expect(fresh4.filter((i) => i.half !== "check")).toEqual([]);
  });

  it("holds a fifth fresh set written blind: every intent, both languages, a rule or none each", () => {
    const fresh5 = expectHeldOutWhole("fresh5", 150);
    expect(fresh5.filter((i) => i.kind === "follow-up").length).toBeGreaterThanOrEqual(10);
    expect(fresh5.filter((i) => i.expect.none).length).toBeGreaterThanOrEqual(20);
    expect(fresh5.filter((i) => i.expect.steps?.length).length).toBeGreaterThanOrEqual(10);
    expect(fresh5.filter((i) => i.half !== "check")).toEqual([]);
  });

  it("holds a sixth fresh set written blind: every intent and plan step, both languages, a rule or none each", () => {
    const fresh6 = expectBlindJudge("fresh6", 160);
    // Its two halves split it: every question in exactly one.
    const sets = readChatSets();
    const halves = [...(sets["fresh6-tune"] ?? []), ...(sets["fresh6-check"] ?? [])].map((i) => i.question);
    expect(halves.sort()).toEqual(fresh6.map((i) => i.question).sort());
    expect(sets["fresh6-tune"]?.length).toBeGreaterThan(fresh6.length / 3);
    expect(sets["fresh6-check"]?.length).toBeGreaterThan(fresh6.length / 3);
  });

  it("holds a seventh fresh set written blind in new registers: every intent and plan step, a rule or none each", () => {
    const fresh7 = expectBlindJudge("fresh7", 150);
    // Every intent is asked in both languages.
    const asked = (lang: string) => new Set(fresh7.filter((i) => i.lang === lang).map((i) => i.kind));
    expect([...asked("fr")].sort()).toEqual([...asked("en")].sort());
    expect(asked("en").size).toBeGreaterThanOrEqual(18);
  });

  it("holds an eighth fresh set written blind, two thirds English: every intent in both languages, a rule or none each", () => {
    const fresh8 = expectBlindJudge("fresh8", 160, [0.55, 0.75]);
    const asked = (lang: string) => new Set(fresh8.filter((i) => i.lang === lang).map((i) => i.kind));
    expect([...asked("fr")].sort()).toEqual([...asked("en")].sort());
    expect(fresh8.filter((i) => i.messages !== undefined && i.kind !== "follow-up")).toEqual([]);
  });

  it("holds a ninth fresh set written blind, two thirds English: every intent in both languages, a rule or none each", () => {
    expectDrawnBlindJudge("fresh9", 200, [0.6, 0.72]);
  });

  it("holds a tenth fresh set written blind, weighted to hard intents, every intent in both languages", () => {
    const fresh10 = expectDrawnBlindJudge("fresh10", 200, [0.55, 0.72]);
    const count = (kinds: readonly string[]) => fresh10.filter((i) => kinds.includes(i.kind)).length;
    expect(count(["follow-up"])).toBeGreaterThanOrEqual(25);
    expect(count(["multi-step"])).toBeGreaterThanOrEqual(20);
    expect(count(["publications-by-topic"])).toBeGreaterThanOrEqual(15);
    expect(count(["filter"])).toBeGreaterThanOrEqual(15);
    expect(count(["long-input", "garbled-input", "injection"])).toBeGreaterThanOrEqual(12);
    expect(count(["out-of-scope", "subjective", "small-talk"])).toBeGreaterThanOrEqual(20);
  });

  it("splits the eleventh fresh set, after its blind score, into a tune and a check half that hold it whole", () => {
    const sets = readChatSets();
    const halves = [...(sets["fresh11-tune"] ?? []), ...(sets["fresh11-check"] ?? [])].map((i) => i.question);
    expect(halves.sort()).toEqual((sets.fresh11 ?? []).map((i) => i.question).sort());
    expect(sets["fresh11-tune"]?.length).toBeGreaterThanOrEqual(80);
    expect(sets["fresh11-check"]?.length).toBeGreaterThanOrEqual(80);
  });

  it("holds session 12's set written before its changes: lectures, publications, multi-step, university scope", () => {
    const held = expectHeldOutWhole("held12", 40);
    expect(held.filter((i) => i.kind === "institution-scope").length).toBeGreaterThanOrEqual(8);
    expect(held.filter((i) => i.expect.steps?.length).length).toBeGreaterThanOrEqual(15);
  });

  it("holds session 14's set about people in two halves chosen before tuning, with capitalised non-names", () => {
    const held = expectHeldOutWhole("held14", 60);
    const sets = readChatSets();
    const halves = [...(sets["held14-tune"] ?? []), ...(sets["held14-check"] ?? [])].map((i) => i.question);
    expect(halves.sort()).toEqual(held.map((i) => i.question).sort());
    expect(held.filter((i) => i.kind === "not-a-person").length).toBeGreaterThanOrEqual(10);
    expect(held.filter((i) => i.lang === "fr" && i.half === "check").length).toBeGreaterThan(0);
  });

  it("holds session 15's set on six weak intents, en and fr, in the halves its items name", () => {
    const held = expectHeldOutWhole("held15", 70, [0.5, 0.65]);
    const sets = readChatSets();
    expect(sets["held15-tune"]?.every((i) => i.half === "tune")).toBe(true);
    expect(sets["held15-check"]?.every((i) => i.half === "check")).toBe(true);
    expect(new Set(held.map((i) => i.kind)).size).toBe(6);
    expect(held.filter((i) => i.kind === "follow-up").length).toBeGreaterThanOrEqual(10);
  });

  it("holds session 16's set on four weak intents, two thirds English, split into halves by a hash", () => {
    const held = expectHeldOutWhole("held16", 90, [0.55, 0.75]);
    const sets = readChatSets();
    const halves = [...(sets["held16-tune"] ?? []), ...(sets["held16-check"] ?? [])].map((i) => i.question);
    expect(halves.sort()).toEqual(held.map((i) => i.question).sort());
    expect(held.filter((i) => i.kind === "follow-up").length).toBeGreaterThanOrEqual(20);
    expect(held.filter((i) => i.kind === "record-about").length).toBeGreaterThanOrEqual(20);
    expect(held.filter((i) => i.expect.steps?.includes("intersection")).length).toBeGreaterThanOrEqual(10);
    expect(held.filter((i) => i.expect.none).length).toBeGreaterThanOrEqual(20);
  });

  it("holds session 17's set on five weak intents, two thirds English, split into halves by a hash", () => {
    const held = expectHeldOutWhole("held17", 110, [0.6, 0.75]);
    const sets = readChatSets();
    const halves = [...(sets["held17-tune"] ?? []), ...(sets["held17-check"] ?? [])].map((i) => i.question);
    expect(halves.sort()).toEqual(held.map((i) => i.question).sort());
    for (const kind of ["follow-up", "filter", "publications-by-topic", "long-input", "multi-step"])
      expect(held.filter((i) => i.kind === kind).length).toBeGreaterThanOrEqual(20);
    expect(held.filter((i) => i.padding).length).toBeGreaterThanOrEqual(5);
  });

  it("holds held18 on five weak intents, two thirds English, split into halves by a hash", () => {
    const held = expectHeldOutWhole("held18", 95, [0.6, 0.72]);
    const sets = readChatSets();
    const halves = [...(sets["held18-tune"] ?? []), ...(sets["held18-check"] ?? [])].map((i) => i.question);
    expect(halves.sort()).toEqual(held.map((i) => i.question).sort());
    for (const kind of ["follow-up", "filter", "publications-by-topic", "long-input", "multi-step"])
      expect(held.filter((i) => i.kind === kind).length).toBeGreaterThanOrEqual(15);
    // Some follow-ups come after two earlier questions, and some long inputs are padded rather than told.
    expect(held.filter((i) => (i.expect.messages?.length ?? 0) >= 4).length).toBeGreaterThanOrEqual(2);
    expect(held.filter((i) => i.padding).length).toBeGreaterThanOrEqual(5);
  });

  it("holds held19 on records related to a named record, with follow-ups and a like that is no similarity", () => {
    const held = expectHeldOutWhole("held19", 40, [0.6, 0.75]);
    const sets = readChatSets();
    const halves = [...(sets["held19-tune"] ?? []), ...(sets["held19-check"] ?? [])].map((i) => i.question);
    expect(halves.sort()).toEqual(held.map((i) => i.question).sort());
    for (const of of ["course", "mooc", "publication"])
      expect(
        held.filter((i) => i.expect.gold && "relatedTo" in i.expect.gold && i.expect.gold.of === of).length,
      ).toBeGreaterThanOrEqual(5);
    expect(held.filter((i) => i.kind === "follow-up").length).toBeGreaterThanOrEqual(4);
    expect(held.filter((i) => i.kind === "like-not-similar").length).toBeGreaterThanOrEqual(4);
  });
});

/**
 * Checks a set held out whole: at least `minimum` items, a share of English strictly inside `english` (40-60% unless
 * given), no question of another set, each item with a gold rule or `none` (not both), every follow-up with its
 * earlier turns. Returns the set's items.
 */
function expectHeldOutWhole(
  set: string,
  minimum: number,
  english: readonly [number, number] = [0.4, 0.6],
): ChatItem[] {
  const sets = readChatSets();
  const items = sets[set] ?? [];
  expect(items.length).toBeGreaterThanOrEqual(minimum);
  const share = items.filter((i) => i.lang === "en").length / items.length;
  expect(share).toBeGreaterThan(english[0]);
  expect(share).toBeLessThan(english[1]);
  const others = new Set(
    Object.entries(sets)
      .filter(([name]) => name !== set && !name.startsWith(`${set}-`))
      .flatMap(([, xs]) => xs.map((i) => i.question.toLowerCase())),
  );
  expect(items.filter((i) => others.has(i.question.toLowerCase()))).toEqual([]);
  expect(items.filter((i) => (i.expect.none === true) === (i.expect.gold !== undefined))).toEqual([]);
  expect(items.filter((i) => i.kind === "follow-up" && !i.expect.messages?.length)).toEqual([]);
  return items;
}

/**
 * Checks a blind judge held out whole (see expectHeldOutWhole, `english` as there): at least 10 follow-ups, 20 items that cite nothing,
 * every plan operation in some item, every item in the check half. Returns the set's items.
 */
function expectBlindJudge(set: string, minimum: number, english?: readonly [number, number]): ChatItem[] {
  const items = expectHeldOutWhole(set, minimum, english);
  expect(items.filter((i) => i.kind === "follow-up").length).toBeGreaterThanOrEqual(10);
  expect(items.filter((i) => i.expect.none).length).toBeGreaterThanOrEqual(20);
  const ops = new Set(items.flatMap((i) => i.expect.steps ?? []));
  expect([...ops].sort()).toEqual(["intersection", "limit", "neighbours", "sort", "union"]);
  expect(items.filter((i) => i.half !== "check")).toEqual([]);
  return items;
}

/**
 * Checks a blind judge drawn from the corpus (see expectBlindJudge): every intent asked in both languages, earlier
 * turns only on follow-ups, and bad input (padded, garbled, injected) mostly answered like any question. Returns the
 * set's items.
 */
function expectDrawnBlindJudge(set: string, minimum: number, english: readonly [number, number]): ChatItem[] {
  const items = expectBlindJudge(set, minimum, english);
  const asked = (lang: string) => new Set(items.filter((i) => i.lang === lang).map((i) => i.kind));
  expect([...asked("fr")].sort()).toEqual([...asked("en")].sort());
  expect(items.filter((i) => i.messages !== undefined && i.kind !== "follow-up")).toEqual([]);
  const bad = items.filter((i) => ["long-input", "garbled-input", "injection"].includes(i.kind));
  expect(bad.filter((i) => i.expect.gold).length).toBeGreaterThan(bad.length / 2);
  return items;
}
