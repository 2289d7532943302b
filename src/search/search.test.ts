import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoStore, openEmptyStore } from "../../test/demo-store.js";
import { buildSearchIndex } from "../app/build-search-index.js";
import type { Store } from "../store/store.js";
import { parseQuery, requiredGroups } from "./parse-query.js";
import { MATCH_TIERS } from "./ranking.js";
import { DEFAULT_TUNING, search } from "./search.js";

let store: Store;
beforeAll(async () => {
  store = await openDemoStore();
  await buildSearchIndex(store);
});
afterAll(() => store.close());

const ids = async (query: string, options = {}) =>
  (await search(store.search, query, options)).items.map((i) => i.id);

describe("search", () => {
  it("ranks an exact name match first", async () => {
    expect((await ids("Machine learning"))[0]).toBe("Machine_learning");
    expect((await ids("deep learning"))[0]).toBe("Deep_learning");
  });

  it("finds a record by an alias", async () => {
    expect((await ids("IL-6"))[0]).toBe("Interleukin_6");
    expect((await ids("Quicksilver"))[0]).toBe("Mercury_(element)");
  });

  it("goes straight to a record by its id, exact case before another case", async () => {
    expect((await ids("ChE-311")).slice(0, 2)).toEqual(["ChE-311", "CHE-311"]);
    expect((await ids("CHE-311")).slice(0, 2)).toEqual(["CHE-311", "ChE-311"]);
    expect((await ids("MSE-100(c)"))[0]).toBe("MSE-100(c)");
    expect((await search(store.search, "bio-479")).items[0]).toMatchObject({
      id: "BIO-479",
      tier: MATCH_TIERS.idFolded,
    });
  });

  it("folds accents and finds records in the other language", async () => {
    expect(await ids("electricite")).toEqual(await ids("électricité"));
    expect(await ids("Schrodinger equation")).toContain("Schrödinger_equation");
    expect(await ids("mécanique quantique")).toContain("Quantum_mechanics");
    expect(await ids("béton armé")).toContain("Reinforced_concrete");
    expect((await ids("électron"))[0]).toBe("Electron");
  });

  it("finds a record despite a typo, below exact matches", async () => {
    expect((await ids("Convolutoinal neural network"))[0]).toBe("Convolutional_neural_network");
    expect((await ids("Interleukn 6"))[0]).toBe("Interleukin_6");
    const typo = await search(store.search, "Vacine");
    const exact = await search(store.search, "Vaccine");
    expect(typo.items[0]).toMatchObject({ id: "Vaccine", tier: MATCH_TIERS.correctedName });
    expect(exact.items[0]?.tier).toBeGreaterThan(MATCH_TIERS.correctedName);
  });

  it("filters by type and counts matches per type", async () => {
    const all = await search(store.search, "learning");
    expect(all.facets.course).toBeGreaterThan(0);
    expect(all.facets.concept).toBeGreaterThan(0);
    const courses = await search(store.search, "learning", { types: ["course"] });
    expect(courses.items.every((i) => i.type === "course")).toBe(true);
    expect(courses.total).toBe(all.facets.course);
  });

  it("counts facets as the engine counts every-word matches, whether or not the hits hold them all", async () => {
    for (const q of ["cell", "immune cells", "learning", "neural network"]) {
      const query = parseQuery(q);
      const groups = requiredGroups(query.groups, query.capitals);
      const weights = DEFAULT_TUNING.fieldWeights;
      const counted = await store.search.countTextMatches({
        groups,
        require: "all",
        weights,
        limit: 50,
        types: [],
      });
      const matches = Object.values(counted).reduce((a, b) => a + b, 0);
      expect(matches, q).toBeGreaterThanOrEqual(5);
      expect((await search(store.search, q)).facets, q).toEqual(counted);
    }
  });

  it("never lists records that match only a number of the query", async () => {
    // "Cours 3 : la transformée de Fourier" holds the 3; a word nothing holds must not leave the number alone.
    expect(await ids("3 transformée")).toContain("lec-sp-02");
    expect(await ids("xqzvw 3")).toEqual([]);
    expect((await search(store.search, "xqzvw 3")).facets).toEqual({});
  });

  it("puts first, among records with some of the words, one whose name is a run of them", async () => {
    // No record holds "tackling": the concept named "Inflammation" comes before a lecture whose longer name holds it.
    expect((await ids("chronic inflammation tackling"))[0]).toBe("Inflammation");
  });

  it("pages through hits without repeating one", async () => {
    const first = await ids("learning", { limit: 2 });
    const second = await ids("learning", { limit: 2, offset: 2 });
    expect(first).toHaveLength(2);
    expect(second.some((id) => first.includes(id))).toBe(false);
    expect([...first, ...second]).toEqual((await ids("learning", { limit: 4 })).slice(0, 4));
  });

  it("highlights matched words with <mark> and escapes the rest", async () => {
    const hit = (await search(store.search, "cytokine")).items.find((i) => i.id === "BIO-310");
    expect(hit?.highlight).toMatch(/<mark>cytokine<\/mark>/i);
    expect(hit?.highlight).not.toMatch(/<(?!\/?mark>)/);
  });

  it("shows a hit's description where it holds none of the words, and its name only when it has no description", async () => {
    const items = (await search(store.search, "cytokine", { limit: 30 })).items;
    const course = items.find((i) => i.id === "BIOENG-399");
    expect(course?.highlight).not.toContain("<mark>");
    expect(course?.highlight.startsWith(course.description.slice(0, 40))).toBe(true);
    const unit = items.find((i) => i.id === "epfl-demo-lis");
    expect(unit?.description).toBe("");
    expect(unit?.highlight).toBe(unit?.name);
  });

  it("answers empty, huge, operator and control-character queries without throwing", async () => {
    for (const raw of [
      "",
      "   ",
      "x".repeat(10_000),
      '"',
      "*",
      "AND",
      "NEAR(",
      "-",
      ":",
      'a" OR "b',
      "\u0000\u0007",
      "^*:-(",
    ]) {
      const result = await search(store.search, raw);
      expect(result.items.length).toBeLessThanOrEqual(10);
    }
    expect((await search(store.search, "")).items).toEqual([]);
  });

  it("answers a one-word query alike whether the engine counts its matches before ranking them or not", async () => {
    // The same index, told that counting costs more than ranking: the short fields are ranked first, as on
    // PostgreSQL, instead of counted first.
    const ranksFirst = Object.create(store.search, { countsBeforeRanking: { value: false } });
    const words = new Set<string>();
    for await (const record of store.scanRecords()) {
      for (const name of Object.values(record.name)) for (const w of name.split(/\s+/)) words.add(w);
    }
    expect(words.size).toBeGreaterThan(50);
    for (const word of words) {
      for (const options of [{}, { types: ["course", "lecture"] }, { limit: 3, offset: 2 }]) {
        expect(await search(ranksFirst, word, options)).toEqual(await search(store.search, word, options));
      }
    }
  });

  it("never throws on arbitrary text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), async (raw) => {
        const result = await search(store.search, raw, { limit: 3 });
        expect(result.total).toBeGreaterThanOrEqual(result.items.length);
      }),
      { numRuns: 150 },
    );
  });
});

describe("search over every type (the All tab)", () => {
  let topics: Store;
  beforeAll(async () => {
    topics = await openEmptyStore();
    // Sixty concepts named with the word (short names, the highest type weight) and a few courses and MOOCs that
    // hold it in their description only: by score alone, every concept comes before the first course.
    const concepts = Array.from({ length: 60 }, (_, i) => ({
      type: "concept",
      id: `Geothermal_${i}`,
      name: { en: `Geothermal topic ${i}` },
    }));
    const taught = (type: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        type,
        id: `${type}-${i}`,
        name: { en: `Heat from the ground ${i}` },
        description: { en: `Wells, heat pumps and geothermal plants, part ${i}.` },
      }));
    await topics.transaction((w) =>
      w.upsertRecords([
        { type: "concept", id: "Geothermal", name: { en: "Geothermal" } },
        ...concepts,
        ...taught("course", 3),
        ...taught("mooc", 2),
      ]),
    );
    await buildSearchIndex(topics);
  });
  afterAll(() => topics.close());

  it("shows the best of each type that matches on the first page, the record named as typed first", async () => {
    const page = (await search(topics.search, "geothermal")).items;
    expect(page[0]?.id).toBe("Geothermal");
    expect(page.some((i) => i.type === "course")).toBe(true);
    expect(page.some((i) => i.type === "mooc")).toBe(true);
  });

  it("keeps a list of one type in score order", async () => {
    const off = { ...DEFAULT_TUNING, typeDecay: 1 };
    const concepts = await search(topics.search, "geothermal", { types: ["concept"], limit: 20 });
    expect(concepts.items.every((i) => i.type === "concept")).toBe(true);
    const scores = concepts.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const raw = await search(topics.search, "geothermal", { limit: 20, tuning: off });
    expect(raw.items.slice(0, 10).every((i) => i.type === "concept")).toBe(true);
  });

  it("pages through the blended list without repeating or losing a hit", async () => {
    const whole = (await search(topics.search, "geothermal", { limit: 30 })).items.map((i) => i.id);
    const pages: string[] = [];
    for (const offset of [0, 10, 20]) {
      pages.push(
        ...(await search(topics.search, "geothermal", { limit: 10, offset })).items.map((i) => i.id),
      );
    }
    expect(pages).toEqual(whole);
    expect(new Set(pages).size).toBe(30);
  });
});
