/**
 * The Store contract for full-text ranking on a corpus large enough that an engine may stop reading early:
 * every engine's `searchText` gives the BM25 top k that scoring every document gives (FTS5's formula, written
 * out below as the oracle), counts every match, and tells common phrases from rare ones.
 */
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { mulberry32 } from "../core/seeded-random.js";
import type { RecordKey, SearchDocument, SearchFields, SearchHit, Store, TextQuery } from "./store.js";

const FIELDS: readonly (keyof SearchFields)[] = ["name", "aliases", "keywords", "description", "body"];
const WEIGHTS = [10, 6, 12, 3, 1] as const;

/**
 * 1,200 documents: "alpha" and "beta" in most (often side by side), "gamma" in a few, fillers around them, names
 * of one to four words, descriptions of up to 10 and bodies of up to 40; a third of them concepts, one in 29 a
 * unit (a type whose best are rarely among the best of all), the others courses.
 */
function corpus(): SearchDocument[] {
  const next = mulberry32(17);
  const word = () => {
    const r = next();
    return r < 0.3 ? "alpha" : r < 0.55 ? "beta" : r < 0.58 ? "gamma" : `f${Math.floor(next() * 20)}`;
  };
  const words = (max: number) => Array.from({ length: Math.floor(next() * (max + 1)) }, word).join(" ");
  return Array.from({ length: 1_200 }, (_, i) => {
    const name = words(3) || "f0";
    return {
      type: i % 3 === 0 ? "concept" : i % 29 === 1 ? "unit" : "course",
      id: `d${i}`,
      name,
      snippet: "",
      names: [{ matchKey: name, prefixKey: name, text: name, alias: false }],
      fields: {
        name,
        aliases: "",
        keywords: i % 5 === 0 ? words(2) : "",
        description: words(10),
        body: words(40),
      },
    };
  });
}

const keysOf = (doc: SearchDocument, field: keyof SearchFields) =>
  doc.fields[field].split(" ").filter((k) => k !== "");

/** BM25 of every document matching `query` (FTS5's formula, k1 = 1.2, b = 0.75), best first. */
function oracle(docs: readonly SearchDocument[], query: TextQuery): { id: string; relevance: number }[] {
  const allowed = new Set(query.fields ?? FIELDS);
  const weighted = (doc: SearchDocument, key: string) =>
    FIELDS.reduce(
      (w, field, f) =>
        w +
        (allowed.has(field)
          ? keysOf(doc, field).filter((k) => k === key).length * (query.weights[f] ?? 0)
          : 0),
      0,
    );
  const length = (doc: SearchDocument) => FIELDS.reduce((n, field) => n + keysOf(doc, field).length, 0);
  const average = docs.reduce((n, d) => n + length(d), 0) / docs.length;
  const keys = [...new Set(query.groups.flat())];
  const idf = keys.map((key) => {
    const n = docs.filter((d) => weighted(d, key) > 0).length;
    return Math.max(Math.log((docs.length - n + 0.5) / (n + 0.5)), 1e-6);
  });
  const scored: { id: string; relevance: number }[] = [];
  for (const doc of docs) {
    if (query.types !== undefined && query.types.length > 0 && !query.types.includes(doc.type)) continue;
    const held = (group: readonly string[]) => group.some((k) => weighted(doc, k) > 0);
    if (query.require === "all" ? !query.groups.every(held) : !query.groups.some(held)) continue;
    let relevance = 0;
    keys.forEach((key, i) => {
      const w = weighted(doc, key);
      relevance += ((idf[i] ?? 0) * (w * 2.2)) / (w + 1.2 * (0.25 + (0.75 * length(doc)) / average));
    });
    scored.push({ id: doc.id, relevance });
  }
  return scored.sort((a, b) => b.relevance - a.relevance);
}

/** Registers the suite; `store()` is the store of the current test, emptied before it. */
export function describeSearchRankingContract(store: () => Store): void {
  describe("full-text ranking on a larger corpus", () => {
    const docs = corpus();
    beforeEach(async () => {
      await store().transaction(async (w) => {
        await w.upsertRecords(docs.map((d) => ({ type: d.type, id: d.id, name: { en: d.name } })));
        await w.search.clearSearchIndex();
        await w.search.putSearchDocuments(docs);
      });
    });

    /**
     * `hits` are the best `query.limit` of every type and the best `query.perType` of each type, best first, each
     * once, with the oracle's scores: every document scoring above the last place of either list is in, and
     * nothing else is (a tie at a last place may go either way).
     */
    const expectTopOfAllAndOfEachType = (hits: readonly SearchHit[], query: TextQuery): void => {
      const expected = oracle(docs, query);
      const perType = query.perType ?? 0;
      const score = new Map(expected.map((e) => [e.id, e.relevance]));
      const typeOf = new Map(docs.map((d) => [d.id, d.type]));
      for (const hit of hits) expect(hit.relevance).toBeCloseTo(score.get(hit.id) ?? -1, 9);
      const relevances = hits.map((h) => h.relevance);
      expect(relevances).toEqual([...relevances].sort((a, b) => b - a));
      expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
      const ids = new Set(hits.map((h) => h.id));
      const lastOf = (list: readonly { relevance: number }[], k: number) =>
        k === 0 ? Number.POSITIVE_INFINITY : (list[Math.min(k, list.length) - 1]?.relevance ?? 0);
      const lastOfAll = lastOf(expected, query.limit);
      const lastOfType = new Map<string, number>();
      for (const type of new Set(docs.map((d) => d.type))) {
        const ofType = expected.filter((e) => typeOf.get(e.id) === type);
        lastOfType.set(type, lastOf(ofType, perType));
        expect(hits.filter((h) => h.type === type).length).toBeGreaterThanOrEqual(
          Math.min(perType, ofType.length),
        );
      }
      for (const e of expected) {
        const last = Math.min(lastOfAll, lastOfType.get(typeOf.get(e.id) ?? "") ?? 0);
        if (e.relevance > last + 1e-9) expect(ids).toContain(e.id);
      }
      for (const hit of hits) {
        const last = Math.min(lastOfAll, lastOfType.get(hit.type) ?? 0);
        expect(hit.relevance).toBeGreaterThanOrEqual(last - 1e-9);
      }
      expect(hits.length).toBeLessThanOrEqual(query.limit + perType * lastOfType.size);
    };

    it("gives the top k that scoring every document gives, dropping none that belongs in it", async () => {
      const queries: TextQuery[] = [
        { groups: [["alpha"]], require: "all", weights: WEIGHTS, limit: 0 },
        { groups: [["alpha"]], require: "all", weights: WEIGHTS, limit: 0, fields: ["name", "description"] },
        { groups: [["alpha"], ["beta"]], require: "all", weights: WEIGHTS, limit: 0 },
        { groups: [["alpha"], ["gamma"]], require: "all", weights: WEIGHTS, limit: 0, types: ["concept"] },
        { groups: [["gamma"], ["beta", "f3"]], require: "any", weights: WEIGHTS, limit: 0 },
        { groups: [["alpha"], ["f7"]], require: "all", weights: [1, 1, 1, 1, 1], limit: 0 },
      ];
      for (const query of queries) {
        const expected = oracle(docs, query);
        for (const limit of [1, 10, 50]) {
          const hits = await store().search.searchText({ ...query, limit });
          expect(hits.length).toBe(Math.min(limit, expected.length));
          const best = new Map(expected.map((e) => [e.id, e.relevance]));
          const last = expected[hits.length - 1]?.relevance ?? 0;
          for (const hit of hits) expect(hit.relevance).toBeCloseTo(best.get(hit.id) ?? -1, 9);
          // Every document scoring above the k-th best is in: a tie at the k-th place may go either way.
          const ids = new Set(hits.map((h) => h.id));
          for (const e of expected.filter((e) => e.relevance > last + 1e-9)) expect(ids).toContain(e.id);
          const relevances = hits.map((h) => h.relevance);
          expect(relevances).toEqual([...relevances].sort((a, b) => b - a));
        }
      }
    });

    it("adds the top k of each type to the top k of all, dropping none that belongs in either", async () => {
      const queries: TextQuery[] = [
        { groups: [["alpha"]], require: "all", weights: WEIGHTS, limit: 0 },
        { groups: [["alpha"], ["beta"]], require: "all", weights: WEIGHTS, limit: 0 },
        { groups: [["gamma"], ["f3"]], require: "any", weights: WEIGHTS, limit: 0 },
        { groups: [["beta"]], require: "all", weights: WEIGHTS, limit: 0, fields: ["name", "description"] },
        { groups: [["alpha"]], require: "all", weights: WEIGHTS, limit: 0, types: ["unit", "concept"] },
      ];
      for (const query of queries) {
        for (const [limit, perType] of [
          [0, 5],
          [1, 3],
          [10, 5],
          [50, 5],
          [50, 1],
        ] as const) {
          expectTopOfAllAndOfEachType(await store().search.searchText({ ...query, limit, perType }), {
            ...query,
            limit,
            perType,
          });
        }
      }
    });

    it("keeps the top k of all and of each type that scoring every document gives, whatever the query", async () => {
      const key = fc.constantFrom("alpha", "beta", "gamma", "f1", "f3", "f7", "f12");
      const arbitrary = fc.record({
        groups: fc.array(fc.array(key, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
        require: fc.constantFrom("all" as const, "any" as const),
        limit: fc.integer({ min: 0, max: 60 }),
        perType: fc.integer({ min: 1, max: 8 }),
        types: fc.option(fc.subarray(["concept", "course", "unit"], { minLength: 1 }), { nil: undefined }),
        short: fc.boolean(),
      });
      await fc.assert(
        fc.asyncProperty(arbitrary, async ({ short, types, ...rest }) => {
          const query: TextQuery = {
            ...rest,
            weights: WEIGHTS,
            ...(types === undefined ? {} : { types }),
            ...(short ? { fields: ["name", "aliases", "keywords", "description"] as const } : {}),
          };
          expectTopOfAllAndOfEachType(await store().search.searchText(query), query);
        }),
        { numRuns: 60, seed: 11 },
      );
    });

    it("counts every match per type", async () => {
      const query: TextQuery = {
        groups: [["alpha"], ["gamma"]],
        require: "all",
        weights: WEIGHTS,
        limit: 10,
      };
      const typeOf = new Map(docs.map((d) => [d.id, d.type]));
      const counts: Record<string, number> = {};
      for (const { id } of oracle(docs, query)) {
        const type = typeOf.get(id) ?? "";
        counts[type] = (counts[type] ?? 0) + 1;
      }
      expect(await store().search.countTextMatches(query)).toEqual(counts);
    });

    it("boosts no candidate of a phrase that common documents hold, and finds those of a rarer one", async () => {
      const holds = (doc: SearchDocument, words: readonly string[]) =>
        FIELDS.some((field) => ` ${keysOf(doc, field).join(" ")} `.includes(` ${words.join(" ")} `));
      const candidates: RecordKey[] = docs.slice(0, 60).map((d) => ({ type: d.type, id: d.id }));
      const cases: [string[], string[] | undefined][] = [
        [["alpha", "beta"], undefined],
        [["alpha", "beta"], ["concept"]],
        [["beta", "alpha", "beta"], undefined],
        [["gamma", "alpha"], undefined],
      ];
      for (const [words, types] of cases) {
        const held = docs.filter((d) => (types === undefined || types.includes(d.type)) && holds(d, words));
        const found = async (common: number) =>
          (await store().search.findPhraseHolders(words, candidates, types, common)).map((k) => k.id).sort();
        expect(await found(held.length)).toEqual([]);
        const among = held.filter((d) => Number(d.id.slice(1)) < 60).map((d) => d.id);
        expect(among.length).toBeGreaterThan(0);
        expect(await found(held.length + 1)).toEqual(among.sort());
      }
    });
  });
}
