/**
 * The Store contract for full-text ranking on a corpus large enough that an engine may stop reading early:
 * every engine's `searchText` gives the BM25 top k that scoring every document gives (FTS5's formula, written
 * out below as the oracle), counts every match, and tells common phrases from rare ones.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { RecordKey, SearchDocument, SearchFields, Store, TextQuery } from "./store.js";

const FIELDS: readonly (keyof SearchFields)[] = ["name", "aliases", "keywords", "description", "body"];
const WEIGHTS = [10, 6, 12, 3, 1] as const;

/** A deterministic pseudo-random source (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * 1,200 documents: "alpha" and "beta" in most (often side by side), "gamma" in a few, fillers around them, names
 * of one to four words, descriptions of up to 10 and bodies of up to 40; a third of them concepts.
 */
function corpus(): SearchDocument[] {
  const next = random(17);
  const word = () => {
    const r = next();
    return r < 0.3 ? "alpha" : r < 0.55 ? "beta" : r < 0.58 ? "gamma" : `f${Math.floor(next() * 20)}`;
  };
  const words = (max: number) => Array.from({ length: Math.floor(next() * (max + 1)) }, word).join(" ");
  return Array.from({ length: 1_200 }, (_, i) => {
    const name = words(3) || "f0";
    return {
      type: i % 3 === 0 ? "concept" : "course",
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

    it("gives the top k of each type apart when the limit counts per type", async () => {
      const typeOf = new Map(docs.map((d) => [d.id, d.type]));
      const queries: TextQuery[] = [
        { groups: [["alpha"]], require: "all", weights: WEIGHTS, limit: 5, limitPerType: true },
        { groups: [["alpha"], ["beta"]], require: "all", weights: WEIGHTS, limit: 3, limitPerType: true },
        { groups: [["gamma"], ["f3"]], require: "any", weights: WEIGHTS, limit: 4, limitPerType: true },
      ];
      for (const query of queries) {
        const hits = await store().search.searchText(query);
        const relevances = hits.map((h) => h.relevance);
        expect(relevances).toEqual([...relevances].sort((a, b) => b - a));
        for (const type of ["concept", "course"]) {
          const expected = oracle(docs, query).filter((e) => typeOf.get(e.id) === type);
          const found = hits.filter((h) => h.type === type);
          expect(found.length).toBe(Math.min(query.limit, expected.length));
          const best = new Map(expected.map((e) => [e.id, e.relevance]));
          for (const hit of found) expect(hit.relevance).toBeCloseTo(best.get(hit.id) ?? -1, 9);
          const last = expected[found.length - 1]?.relevance ?? 0;
          const ids = new Set(found.map((h) => h.id));
          for (const e of expected.filter((e) => e.relevance > last + 1e-9)) expect(ids).toContain(e.id);
        }
      }
    });

    it("counts every match per type", async () => {
      const query: TextQuery = {
        groups: [["alpha"], ["gamma"]],
        require: "all",
        weights: WEIGHTS,
        limit: 10,
      };
      const matches = oracle(docs, query);
      const concepts = matches.filter((m) => Number(m.id.slice(1)) % 3 === 0).length;
      expect(await store().search.countTextMatches(query)).toEqual({
        concept: concepts,
        course: matches.length - concepts,
      });
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
