import { describe, expect, it } from "vitest";
import { executePlan, isFrom, seasonOf, strongHits } from "./execute-plan.js";
import type { CallApi } from "./resolve-subject.js";

describe("strongHits", () => {
  it("keeps the hits scoring at least a quarter of the first one's, in order", () => {
    const hits = [14.1, 10.9, 7.2, 2.9, 2.7].map((score, i) => ({ id: `h${i}`, score }));
    expect(strongHits(hits).map((h) => h.id)).toEqual(["h0", "h1", "h2"]);
    expect(strongHits([])).toEqual([]);
    // A whole-name hit comes first with a low score: nothing after it is cut.
    const named = [1.2, 14, 10, 0.4].map((score, i) => ({ id: `n${i}`, score }));
    expect(strongHits(named).map((h) => h.id)).toEqual(["n0", "n1", "n2", "n3"]);
  });
});

describe("seasonOf", () => {
  it("reads the season of a semester by its name or its number, odd in autumn", () => {
    expect(["Master semestre 1", "MA3", "Semestre automne", "Projet Master automne"].map(seasonOf)).toEqual(
      Array(4).fill("autumn"),
    );
    expect(["Bachelor semestre 2b", "Master semestre 4", "Semestre printemps"].map(seasonOf)).toEqual(
      Array(3).fill("spring"),
    );
    expect(seasonOf("Doctoral school")).toBeUndefined();
  });
});

describe("executePlan", () => {
  // A fake API: search answers by query; each record's year is its id's number.
  const call: CallApi = async (c) => {
    if (c.path === "/api/search") {
      const items = (c.query?.q === "a" ? ["x1", "x2", "x3"] : ["x2", "x3", "x4"]).map((id) => ({
        type: "course",
        id,
        name: id,
        score: 1,
      }));
      return { items };
    }
    const id = c.path.split("/")[3] ?? "";
    return { record: { type: "course", id, name: { en: id }, attrs: { year: Number(id.slice(1)) } } };
  };
  const searchFor = (query: string) => ({
    op: "search" as const,
    query,
    types: ["course" as const],
    limit: 10,
  });

  it("intersects, unites, sorts by year and limits earlier results without adding records", async () => {
    const results = await executePlan(
      [
        searchFor("a"),
        searchFor("b"),
        { op: "intersection", of: [0, 1] },
        { op: "union", of: [0, 1] },
        { op: "sort", from: 3, by: "year" },
        { op: "limit", from: 4, count: 2 },
      ],
      call,
      "en",
    );
    expect(results.map((r) => r.map((n) => n.id))).toEqual([
      ["x1", "x2", "x3"],
      ["x2", "x3", "x4"],
      ["x2", "x3"],
      ["x1", "x2", "x3", "x4"],
      ["x4", "x3", "x2", "x1"],
      ["x4", "x3"],
    ]);
  });

  it("keeps the records of a university by their attributes or by the units they link to", async () => {
    const records: Record<string, unknown> = {
      m1: {
        type: "mooc",
        id: "m1",
        name: { en: "m1" },
        attrs: { institution: "Massachusetts Institute of Technology" },
      },
      m2: { type: "mooc", id: "m2", name: { en: "m2" }, attrs: { institution: "Harvard University" } },
      m3: { type: "mooc", id: "m3", name: { en: "m3" }, attrs: { institution: "MIT" } },
      c1: {
        type: "course",
        id: "c1",
        name: { en: "c1" },
        links: [{ rel: "section", type: "unit", id: "lab" }],
      },
      c2: {
        type: "course",
        id: "c2",
        name: { en: "c2" },
        links: [{ rel: "section", type: "unit", id: "other" }],
      },
      lab: {
        type: "unit",
        id: "lab",
        name: { en: "lab" },
        links: [{ rel: "parent", type: "unit", id: "uni" }],
      },
      other: { type: "unit", id: "other", name: { en: "other" } },
    };
    const api: CallApi = async (c) => {
      if (c.path === "/api/search")
        return { items: Object.keys(records).map((id) => ({ type: "mooc", id, name: id, score: 1 })) };
      return { record: records[c.path.split("/")[3] ?? ""] };
    };
    const scoped = async (institution: { name: string; unit?: string }) =>
      (await executePlan([searchFor("any"), { op: "filter", from: 0, institution }], api, "en"))[1]?.map(
        (r) => r.id,
      );
    expect(await scoped({ name: "MIT" })).toEqual(["m1", "m3"]);
    expect(await scoped({ name: "Harvard" })).toEqual(["m2"]);
    // A university that is a unit of the graph: records linked to a unit under it, and its units.
    expect(await scoped({ name: "Uni", unit: "uni" })).toEqual(["c1", "lab"]);
    expect(await scoped({ name: "Stanford" })).toEqual([]);
  });

  it("says whether one record is from a university, by its attributes", async () => {
    const none: CallApi = async () => undefined;
    const record = { type: "mooc", id: "m", name: { en: "m" }, attrs: { institution: "Harvard University" } };
    expect(await isFrom(record, { name: "Harvard" }, none)).toBe(true);
    expect(await isFrom(record, { name: "MIT" }, none)).toBe(false);
  });

  it("keeps the records whose short attributes label them with the subject's words", async () => {
    const api = labelledLectures({
      l1: "Summarization 2",
      l2: "Clustering",
      l3: "Question Answering Basics",
    });
    const labelled = async (label: string) =>
      (await executePlan([searchFor("any"), { op: "filter", from: 0, label }], api, "en"))[1]?.map(
        (r) => r.id,
      );
    expect(await labelled("text summarization")).toEqual(["l1"]);
    expect(await labelled("question answering")).toEqual(["l3"]);
    expect(await labelled("clustering")).toEqual(["l2"]);
    expect(await labelled("parsing")).toEqual([]);
  });

  it("reads a search wider than a page of the API a page at a time, until a page is not full", async () => {
    const asked: Record<string, string>[] = [];
    const hits = 130;
    const paged: CallApi = async (c) => {
      const query = (c.query ?? {}) as Record<string, string>;
      asked.push(query);
      const from = Number(query.offset ?? 0);
      const to = Math.min(hits, from + Number(query.limit));
      const items = Array.from({ length: Math.max(0, to - from) }, (_, k) => ({
        type: "lecture",
        id: `l${from + k}`,
        name: `l${from + k}`,
        score: 1,
      }));
      return { items };
    };
    const step = { op: "search", query: "x", types: ["lecture"], limit: 200 } as const;
    const found = (await executePlan([step], paged, "en"))[0] ?? [];
    expect(found.map((r) => r.id)).toEqual(Array.from({ length: hits }, (_, k) => `l${k}`));
    expect(asked.map((q) => [q.offset, q.limit])).toEqual([
      [undefined, "100"],
      ["100", "100"],
    ]);
  });

  it("puts the records labelled with exactly the subject's words before those whose label only holds them", async () => {
    const api = labelledLectures({
      l1: "Optimization for Deep Learning",
      l2: "Convex Optimization",
      l3: "Optimization 2",
      l4: "Parsing",
      l5: "Optimization",
    });
    const steps = [searchFor("any"), { op: "filter", from: 0, label: "optimization" }] as const;
    expect((await executePlan(steps, api, "en"))[1]?.map((r) => r.id)).toEqual(["l3", "l5", "l1", "l2"]);
  });

  it("asks the API for neighbours newest first and sorts by the years it gave, reading no record", async () => {
    const asked: string[] = [];
    const dated: CallApi = async (c) => {
      asked.push(c.path);
      if (c.path.endsWith("/neighbours")) {
        // Sorted by the API: the years come with the nodes; a record without a year comes last with none.
        const node = (id: string, year?: number) => ({
          type: "publication",
          id,
          name: id,
          ...(year ? { year } : {}),
        });
        const items = [node("p9", 2024), node("p1", 2019), node("p0")].map((n) => ({
          node: n,
          edge: { kind: "author", evidence: { fact: true } },
        }));
        return c.query?.sort === "year" ? { items, total: 3 } : { items: [], total: 0 };
      }
      return call(c);
    };
    const [, authored, sorted] = await executePlan(
      [
        { op: "record", type: "person", id: "x1" },
        { op: "neighbours", from: 0, type: "publication", kinds: ["author"], limit: 300, order: "year" },
        { op: "sort", from: 1, by: "year" },
      ],
      dated,
      "en",
    );
    expect(authored?.map((n) => n.year)).toEqual([2024, 2019, null]);
    expect(sorted?.map((n) => n.id)).toEqual(["p9", "p1", "p0"]);
    expect(asked.filter((p) => p.startsWith("/api/publication/"))).toEqual([]);
  });

  it("lists a named concept's second-hand neighbours, marked related, only when it has no first-hand one", async () => {
    const pages: Record<string, string[]> = { named: ["about", "via-concept"], unnamed: ["via-concept"] };
    const api: CallApi = async (c) => {
      const id = c.path.split("/")[3] ?? "";
      if (c.path.endsWith("/neighbours")) {
        const items = (pages[id] ?? []).map((kind, i) => ({
          node: { type: "course", id: `${id}-${i}`, name: `${id} ${i}` },
          edge: { kind, evidence: {} },
        }));
        return { items, total: items.length };
      }
      return { record: { type: "concept", id, name: { en: id } } };
    };
    const listed = async (id: string, related = true) =>
      (
        await executePlan(
          [
            { op: "record", type: "concept", id },
            { op: "neighbours", from: 0, type: "course", limit: 10, related },
          ],
          api,
          "en",
        )
      )[1];
    expect(await listed("named")).toEqual([{ type: "course", id: "named-0", name: "named 0" }]);
    expect(await listed("unnamed")).toEqual([
      { type: "course", id: "unnamed-0", name: "unnamed 0", related: true },
    ]);
    // Not for a concept only detected in the question.
    expect(await listed("unnamed", false)).toEqual([]);
  });

  it("keeps, when asked, only the detected concepts whose mentions span the whole text", async () => {
    const api: CallApi = async () => ({
      concepts: [
        { id: "Reinforcement", name: "Reinforcement", mentions: [{ start: 0, end: 13 }] },
        { id: "Whole", name: "Whole", mentions: [{ start: 0, end: 22 }] },
      ],
    });
    const detected = async (whole: boolean) =>
      (
        await executePlan(
          [{ op: "detect", text: "reinforcement learning?", lang: "en", limit: 2, whole }],
          api,
          "en",
        )
      )[0]?.map((c) => c.id);
    expect(await detected(true)).toEqual(["Whole"]);
    expect(await detected(false)).toEqual(["Reinforcement", "Whole"]);
  });

  it("keeps the MOOCs of a stage and the courses of a semester, by their attributes", async () => {
    const records: Record<string, Record<string, unknown>> = {
      m1: { level: "Introductory" },
      m2: { level: "Advanced" },
      m3: {},
      c1: { semesters: ["Master semestre 1"] },
      c2: { semesters: ["Bachelor semestre 2", "Semestre automne"] },
      c3: { semesters: ["Bachelor semestre 4"] },
    };
    const api: CallApi = async (c) => {
      if (c.path === "/api/search")
        return { items: Object.keys(records).map((id) => ({ type: "course", id, name: id, score: 1 })) };
      const id = c.path.split("/")[3] ?? "";
      return { record: { type: "course", id, name: { en: id }, attrs: records[id] } };
    };
    const kept = async (filter: Record<string, string>) =>
      (await executePlan([searchFor("any"), { op: "filter", from: 0, ...filter }], api, "en"))[1]?.map(
        (r) => r.id,
      );
    expect(await kept({ stage: "introductory" })).toEqual(["m1"]);
    expect(await kept({ stage: "advanced" })).toEqual(["m2"]);
    expect(await kept({ season: "autumn" })).toEqual(["c1", "c2"]);
    expect(await kept({ season: "spring" })).toEqual(["c2", "c3"]);
  });

  it("compares courses by the concepts they all share, and compares nothing that is not a course", async () => {
    const asked: string[] = [];
    const compare: CallApi = async (c) => {
      if (c.path === "/api/compare") {
        asked.push(c.query?.courses ?? "");
        const concept = (id: string, shared: number) => ({ node: { type: "concept", id, name: id }, shared });
        return { concepts: [concept("Both", 2), concept("Also_both", 2), concept("One_only", 1)] };
      }
      return call(c);
    };
    const record = (type: string, id: string) => ({ op: "record" as const, type, id });
    const [, , shared] = await executePlan(
      [record("course", "x1"), record("course", "x2"), { op: "compare", of: [0, 1], limit: 1 }],
      compare,
      "en",
    );
    expect(shared?.map((n) => n.id)).toEqual(["Both"]);
    expect(asked).toEqual(["x1,x2"]);
    const mixed = await executePlan(
      [record("course", "x1"), record("concept", "x2"), { op: "compare", of: [0, 1], limit: 5 }],
      async (c) =>
        c.path.startsWith("/api/concept/")
          ? { record: { type: "concept", id: "x2", name: { en: "x2" } } }
          : compare(c),
      "en",
    );
    expect(mixed[2]).toEqual([]);
    expect(asked).toHaveLength(1);
  });
});

/** An API whose search finds lectures of the given topic labels (by id), in that order, and whose records hold them. */
function labelledLectures(topics: Record<string, string>): CallApi {
  return async (c) => {
    if (c.path === "/api/search")
      return { items: Object.keys(topics).map((id) => ({ type: "lecture", id, name: id, score: 1 })) };
    const id = c.path.split("/")[3] ?? "";
    return { record: { type: "lecture", id, name: { en: id }, attrs: { topic_name: topics[id] } } };
  };
}
