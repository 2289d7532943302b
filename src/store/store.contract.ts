/**
 * The Store contract: the behaviour every engine must have, as a suite any engine's test file runs with
 * `describeStoreContract("sqlite", () => openSomeEmptyStore())`.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isCampusGraphError } from "../core/errors.js";
import type { CorpusRecord } from "../core/record.js";
import { describeCurationContract } from "./curation.contract.js";
import { describeSearchRankingContract } from "./search-ranking.contract.js";
import type { NeighbourRow, RecordKey, SearchDocument, Store } from "./store.js";

/** Makes a new, empty store for one test; the suite closes it. */
export type StoreFactory = () => Promise<Store>;

const course = (id: string, name: string, extra: Partial<CorpusRecord> = {}): CorpusRecord => ({
  type: "course",
  id,
  name: { en: name },
  ...extra,
});

/** Registers the contract suite for the engine called `engine`. */
export function describeStoreContract(engine: string, makeStore: StoreFactory): void {
  describe(`Store contract: ${engine}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    const write = (records: CorpusRecord[]) => store.transaction((w) => w.upsertRecords(records));

    it("returns a record as it was written, field for field", async () => {
      const record: CorpusRecord = {
        type: "course",
        id: "BIO-479",
        name: { en: "Immunology", fr: "Immunologie" },
        description: { en: "Short." },
        text: { en: "Long text about IL-6." },
        aliases: ["Immuno"],
        keywords: ["T cells", "cytokines"],
        attrs: { credits: 4, mandatory: false, semesters: ["MA1", "MA3"] },
        links: [{ rel: "teacher", type: "person", id: "p-1" }],
      };
      await write([record]);
      expect(await store.getRecord({ type: "course", id: "BIO-479" })).toEqual(record);
      expect(await store.getRecord({ type: "course", id: "BIO-480" })).toBeUndefined();
    });

    it("keeps ids that differ only by case, or hold slashes, parentheses and accents, apart", async () => {
      const ids = ["ChE-311", "CHE-311", "MSE-100(c)", "AC/DC", "Électricité", "a b"];
      await write(ids.map((id) => course(id, `name of ${id}`)));
      for (const id of ids) {
        expect((await store.getRecord({ type: "course", id }))?.name.en).toBe(`name of ${id}`);
      }
      expect((await store.countRecords()).course).toBe(ids.length);
    });

    it("keys records by type and id together", async () => {
      await write([course("X-1", "a course"), { type: "concept", id: "X-1", name: { en: "a concept" } }]);
      expect(await store.countRecords()).toEqual({ concept: 1, course: 1 });
    });

    it("counts inserted, updated and unchanged records of an upsert", async () => {
      expect(await write([course("A", "a"), course("B", "b")])).toEqual({
        inserted: 2,
        updated: 0,
        unchanged: 0,
        changed: [
          { type: "course", id: "A" },
          { type: "course", id: "B" },
        ],
      });
      expect(await write([course("A", "a"), course("B", "b2"), course("C", "c")])).toEqual({
        inserted: 1,
        updated: 1,
        unchanged: 1,
        changed: [
          { type: "course", id: "B" },
          { type: "course", id: "C" },
        ],
      });
    });

    it("replaces an updated record whole, links included", async () => {
      await write([
        course("A", "a", { keywords: ["old"], links: [{ rel: "teacher", type: "person", id: "p-1" }] }),
      ]);
      await write([course("A", "a2", { links: [{ rel: "prerequisite", type: "course", id: "B" }] })]);
      const record = await store.getRecord({ type: "course", id: "A" });
      expect(record).toEqual(
        course("A", "a2", { links: [{ rel: "prerequisite", type: "course", id: "B" }] }),
      );
      expect(await store.linksFrom({ type: "course", id: "A" })).toEqual([
        { source: { type: "course", id: "A" }, rel: "prerequisite", target: { type: "course", id: "B" } },
      ]);
    });

    it("keeps links in the record's order and finds them from either end", async () => {
      const author = (id: string) => ({ rel: "author", type: "person", id });
      const authors = ["p-3", "p-1", "p-2"].map(author);
      await write([
        { type: "publication", id: "pub-1", name: { en: "P1" }, links: authors },
        { type: "publication", id: "pub-0", name: { en: "P0" }, links: [author("p-1")] },
        { type: "person", id: "p-1", name: { en: "One" } },
      ]);
      const from = await store.linksFrom({ type: "publication", id: "pub-1" });
      expect(from.map((l) => l.target.id)).toEqual(["p-3", "p-1", "p-2"]);
      const to = await store.linksTo({ type: "person", id: "p-1" });
      expect(to.map((l) => l.source.id)).toEqual(["pub-0", "pub-1"]);
      expect(await store.linksTo({ type: "person", id: "p-1" }, "teacher")).toEqual([]);
    });

    it("counts and lists links whose target does not exist", async () => {
      await write([
        course("A", "a", {
          links: [
            { rel: "prerequisite", type: "course", id: "B" },
            { rel: "prerequisite", type: "course", id: "missing" },
          ],
        }),
        course("B", "b"),
      ]);
      expect(await store.countLinks()).toEqual({ links: 2, danglingLinks: 1 });
      expect(await store.danglingLinks(10)).toEqual([
        {
          source: { type: "course", id: "A" },
          rel: "prerequisite",
          target: { type: "course", id: "missing" },
        },
      ]);
      await write([course("missing", "now here")]);
      expect(await store.countLinks()).toEqual({ links: 2, danglingLinks: 0 });
    });

    it("removes a record with its outgoing links, leaving links to it dangling", async () => {
      await write([
        course("A", "a", { links: [{ rel: "prerequisite", type: "course", id: "B" }] }),
        course("B", "b", { links: [{ rel: "prerequisite", type: "course", id: "C" }] }),
      ]);
      expect(await store.transaction((w) => w.removeRecord({ type: "course", id: "B" }))).toBe(true);
      expect(await store.transaction((w) => w.removeRecord({ type: "course", id: "B" }))).toBe(false);
      expect(await store.getRecord({ type: "course", id: "B" })).toBeUndefined();
      expect(await store.countLinks()).toEqual({ links: 1, danglingLinks: 1 });
    });

    it("keeps nothing of a transaction whose work throws, and rethrows its error", async () => {
      await write([course("A", "a")]);
      const failure = new Error("boom");
      await expect(
        store.transaction(async (w) => {
          await w.upsertRecords([course("A", "changed"), course("B", "b")]);
          await w.setMeta("k", "v");
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await store.getRecord({ type: "course", id: "A" })).toEqual(course("A", "a"));
      expect(await store.getRecord({ type: "course", id: "B" })).toBeUndefined();
      expect(await store.getMeta("k")).toBeUndefined();
    });

    it("refuses nested transactions and a writer used after its transaction", async () => {
      let leaked: Parameters<Parameters<Store["transaction"]>[0]>[0] | undefined;
      await store.transaction(async (w) => {
        leaked = w;
        const nested = store.transaction(async () => undefined);
        await expect(nested).rejects.toSatisfy((e) => isCampusGraphError(e, "TRANSACTION_NESTED"));
      });
      await expect(leaked?.upsertRecords([course("A", "a")])).rejects.toSatisfy((e) => isCampusGraphError(e));
      expect(await store.countRecords()).toEqual({});
    });

    it("scans every record of a type, or of all types, in key order across batches", async () => {
      const ids = Array.from({ length: 2_345 }, (_, i) => `C-${String(i).padStart(5, "0")}`);
      await write([...ids].reverse().map((id) => course(id, id)));
      await write([
        { type: "concept", id: "Z", name: { en: "z" } },
        { type: "unit", id: "A", name: { en: "a" } },
      ]);
      const scanned: string[] = [];
      for await (const record of store.scanRecords("course")) scanned.push(record.id);
      expect(scanned).toEqual(ids);
      const all: string[] = [];
      for await (const record of store.scanRecords()) all.push(`${record.type}:${record.id}`);
      expect(all).toEqual(["concept:Z", ...ids.map((id) => `course:${id}`), "unit:A"]);
    });

    it("stores and overwrites metadata", async () => {
      expect(await store.getMeta("corpus.hash")).toBeUndefined();
      await store.transaction((w) => w.setMeta("corpus.hash", "abc"));
      await store.transaction((w) => w.setMeta("corpus.hash", "def"));
      expect(await store.getMeta("corpus.hash")).toBe("def");
    });

    it("changes its change token with every commit, or has none", async () => {
      const before = store.changeToken();
      await store.transaction((w) => w.setMeta("k", "v"));
      const after = store.changeToken();
      if (before === undefined) expect(after).toBeUndefined();
      else expect(after).not.toBe(before);
    });

    it("replaces a source's anchor counts and sums the sources", async () => {
      await store.transaction((w) =>
        w.replaceAnchors("enwiki", [
          { surface: "IL-6", conceptId: "Interleukin_6", count: 3 },
          { surface: "Mercury", conceptId: "Mercury_(planet)", count: 5 },
        ]),
      );
      await store.transaction((w) =>
        w.replaceAnchors("frwiki", [{ surface: "IL-6", conceptId: "Interleukin_6", count: 2 }]),
      );
      // Importing the same dump again replaces its counts instead of adding to them.
      await store.transaction((w) =>
        w.replaceAnchors("enwiki", [{ surface: "IL-6", conceptId: "Interleukin_6", count: 3 }]),
      );
      const anchors = [];
      for await (const a of store.scanAnchors()) anchors.push(a);
      expect(anchors).toEqual([{ surface: "IL-6", conceptId: "Interleukin_6", count: 5 }]);
    });

    describe("graph", () => {
      const key = (type: string, id: string) => ({ type, id });
      const row = (source: string, target: string, score: number, kind = "semantic") => ({
        source: key("course", source),
        target: key(target.startsWith("c:") ? "concept" : "course", target.replace("c:", "")),
        score,
        kind,
        evidence: { note: `${source}-${target}` },
      });
      beforeEach(async () => {
        await write([
          course("A", "Course A"),
          course("B", "Course B"),
          course("C", "Course C"),
          course("D", "Course D"),
        ]);
        await store.transaction((w) =>
          w.upsertRecords([{ type: "concept", id: "X", name: { fr: "Concept X" } }]),
        );
      });

      it("reads neighbours in the order written, paged, with their total and evidence", async () => {
        await store.transaction((w) =>
          w.graph.replaceNeighbours("all", [
            row("A", "C", 1, "prerequisite"),
            row("A", "B", 0.7),
            row("A", "D", 0.4),
            row("A", "c:X", 0.9, "concept"),
          ]),
        );
        const page = await store.graph.neighbours(key("course", "A"), "course", 2, 1);
        expect(page.total).toBe(3);
        expect(page.items).toEqual([
          {
            node: { type: "course", id: "B", name: "Course B" },
            edge: { score: 0.7, kind: "semantic", evidence: { note: "A-B" } },
          },
          {
            node: { type: "course", id: "D", name: "Course D" },
            edge: { score: 0.4, kind: "semantic", evidence: { note: "A-D" } },
          },
        ]);
        expect((await store.graph.neighbours(key("course", "A"), "concept", 10, 0)).items[0]?.node).toEqual({
          type: "concept",
          id: "X",
          name: "Concept X",
        });
        expect(await store.graph.neighbourCounts(key("course", "A"))).toEqual({ concept: 1, course: 3 });
        expect(await store.graph.neighbours(key("course", "B"), "course", 10, 0)).toEqual({
          items: [],
          total: 0,
        });
      });

      it("replaces the lists of given sources only", async () => {
        await store.transaction((w) =>
          w.graph.replaceNeighbours("all", [row("A", "B", 0.7), row("B", "A", 0.7)]),
        );
        await store.transaction((w) => w.graph.replaceNeighbours([key("course", "A")], [row("A", "C", 0.5)]));
        expect(
          (await store.graph.neighbours(key("course", "A"), "course", 10, 0)).items.map((n) => n.node.id),
        ).toEqual(["C"]);
        expect(
          (await store.graph.neighbours(key("course", "B"), "course", 10, 0)).items.map((n) => n.node.id),
        ).toEqual(["A"]);
      });

      it("forgets the neighbour rows of a removed record, from and to it", async () => {
        await store.transaction((w) =>
          w.graph.replaceNeighbours("all", [row("A", "B", 0.7), row("B", "A", 0.7), row("C", "A", 0.2)]),
        );
        await store.transaction((w) => w.removeRecord(key("course", "A")));
        expect((await store.graph.neighbours(key("course", "B"), "course", 10, 0)).total).toBe(0);
        expect((await store.graph.neighbours(key("course", "C"), "course", 10, 0)).total).toBe(0);
      });

      it("fails on a neighbour of an unknown record, keeping nothing", async () => {
        await expect(
          store.transaction((w) => w.graph.replaceNeighbours("all", [row("A", "Z", 0.5)])),
        ).rejects.toSatisfy((e) => isCampusGraphError(e, "RECORD_NOT_FOUND"));
        await expect(store.graph.neighbours(key("course", "Z"), "course", 10, 0)).rejects.toSatisfy((e) =>
          isCampusGraphError(e, "RECORD_NOT_FOUND"),
        );
      });

      it("fails on a neighbour of a record removed in the same transaction, keeping nothing", async () => {
        await store.transaction((w) => w.graph.replaceNeighbours("all", [row("A", "B", 0.7)]));
        await expect(
          store.transaction(async (w) => {
            await w.removeRecord(key("course", "C"));
            await w.graph.replaceNeighbours("all", [row("A", "C", 0.5)]);
          }),
        ).rejects.toThrow();
        expect(
          (await store.graph.neighbours(key("course", "A"), "course", 10, 0)).items.map((n) => n.node.id),
        ).toEqual(["B"]);
      });

      it("scans every neighbour row of a type, a source's rows together and in rank order", async () => {
        const rows = [
          row("A", "C", 1, "prerequisite"),
          row("A", "B", 0.7),
          row("A", "c:X", 0.9, "concept"),
          row("B", "A", 0.7),
          row("D", "C", 0.3),
        ];
        await store.transaction((w) => w.graph.replaceNeighbours("all", rows));
        const read: NeighbourRow[] = [];
        for await (const r of store.graph.scanNeighbours("course")) read.push(r);
        const bySource = (id: string) => read.filter((r) => r.source.id === id);
        expect(read).toHaveLength(4);
        expect(bySource("A")).toEqual([rows[0], rows[1]]);
        expect(bySource("B")).toEqual([rows[3]]);
        expect(bySource("D")).toEqual([rows[4]]);
        const sources = read.map((r) => r.source.id);
        expect(sources.indexOf("A")).toBe(sources.lastIndexOf("A") - 1);
        const concepts: NeighbourRow[] = [];
        for await (const r of store.graph.scanNeighbours("concept")) concepts.push(r);
        expect(concepts).toEqual([rows[2]]);
      });

      it("stores and reads node scores", async () => {
        const scores = [
          { key: key("course", "A"), importance: 0.5, degrees: { course: 2 } },
          { key: key("concept", "X"), importance: 1, degrees: { course: 4 } },
        ];
        await store.transaction((w) => w.graph.replaceNodeScores("all", scores));
        const read = [];
        for await (const s of store.graph.scanNodeScores()) read.push(s);
        expect(read).toEqual([scores[1], scores[0]]);
      });

      it("scans node scores past one page, each once, in key order", async () => {
        const ids = Array.from({ length: 5_003 }, (_, i) => `c${i}`);
        await store.transaction(async (w) => {
          await w.upsertRecords(ids.map((id) => ({ type: "course", id, name: { en: id } })));
          await w.graph.replaceNodeScores(
            "all",
            ids.map((id, i) => ({ key: key("course", id), importance: i / ids.length, degrees: {} })),
          );
        });
        const read: string[] = [];
        for await (const s of store.graph.scanNodeScores()) read.push(s.key.id);
        expect(read).toEqual([...ids].sort());
      });
    });

    describe("search index", () => {
      const doc = (
        type: string,
        id: string,
        name: string,
        text: Partial<SearchDocument["fields"]> = {},
      ): SearchDocument => {
        const words = name
          .toLowerCase()
          .split(/[^a-z0-9]+/)
          .filter((w) => w !== "");
        return {
          type,
          id,
          name,
          snippet: text.description ?? "",
          names: [{ matchKey: words.join(" "), prefixKey: words.join(" "), text: name, alias: false }],
          fields: { name: words.join(" "), aliases: "", keywords: "", description: "", body: "", ...text },
        };
      };
      const docs = [
        doc("course", "ChE-311", "Heat transfer", {
          keywords: "thermal energy",
          description: "conduction and radiation",
        }),
        doc("course", "CHE-311", "Mass transfer", { description: "diffusion" }),
        doc("concept", "Heat", "Heat", { body: "energy in transfer" }),
        doc("person", "p-1", "Ada Transferson"),
      ];
      const weights = [10, 6, 4, 2, 1] as const;
      beforeEach(async () => {
        await write(docs.map((d) => ({ type: d.type, id: d.id, name: { en: d.name } })));
        await store.transaction((w) => w.search.putSearchDocuments(docs));
      });

      it("finds documents holding every word, or any word, with counts per type", async () => {
        const all = await store.search.searchText({
          groups: [["heat"], ["transfer"]],
          require: "all",
          weights,
          limit: 10,
        });
        expect(all.map((h) => h.id).sort()).toEqual(["ChE-311", "Heat"]);
        expect(all[0]?.id).toBe("ChE-311");
        expect(all[0]?.relevance).toBeGreaterThan(0);
        expect(all[0]?.nameKeys).toEqual(["heat transfer"]);
        const any = await store.search.searchText({
          groups: [["heat"], ["diffusion"]],
          require: "any",
          weights,
          limit: 10,
        });
        expect(any.map((h) => h.id).sort()).toEqual(["CHE-311", "ChE-311", "Heat"]);
        const query = { groups: [["transfer"]], require: "all", weights, limit: 10 } as const;
        expect(await store.search.countTextMatches(query)).toEqual({ concept: 1, course: 2 });
        expect(await store.search.countTextMatches({ ...query, types: ["course"] })).toEqual({ course: 2 });
        expect((await store.search.searchText({ ...query, types: ["concept"] })).map((h) => h.id)).toEqual([
          "Heat",
        ]);
      });

      it("treats every key as a word, never as query syntax", async () => {
        for (const key of ['"', "*", "AND", "NEAR(", "-", ":", "heat:", "OR", "^", "a b"]) {
          const query = { groups: [[key], ["heat"]], require: "any", weights, limit: 5 } as const;
          await expect(store.search.searchText(query)).resolves.toBeInstanceOf(Array);
          await expect(store.search.countTextMatches(query)).resolves.toBeDefined();
          await expect(store.search.completeNames(key, undefined, 5)).resolves.toBeInstanceOf(Array);
          await expect(store.search.hasTerm(key)).resolves.toBeTypeOf("boolean");
        }
      });

      it("answers keys no text column can hold (NUL) or too long to index as found nowhere", async () => {
        const nul = "heat\u0000";
        const long = "h".repeat(3_000);
        expect(await store.getRecord({ type: "course", id: nul })).toBeUndefined();
        expect(await store.linksTo({ type: "course", id: nul })).toEqual([]);
        expect(await store.graph.neighbourCounts({ type: "course", id: nul })).toEqual({});
        await expect(store.graph.neighbours({ type: "course", id: nul }, "course", 5, 0)).rejects.toSatisfy(
          (e) => isCampusGraphError(e, "RECORD_NOT_FOUND"),
        );
        expect(await store.search.findById(nul, undefined, 5)).toEqual([]);
        expect(await store.search.findByName([nul, long], undefined, 5)).toEqual([]);
        expect(await store.search.completeNames(nul, undefined, 5)).toEqual([]);
        expect(await store.search.similarTerms(nul, 1, 5)).toEqual([]);
        for (const key of [nul, long]) {
          expect(await store.search.hasTerm(key)).toBe(false);
          const query = { groups: [[key]], require: "all", weights, limit: 5 } as const;
          expect(await store.search.searchText(query)).toEqual([]);
          expect(await store.search.countTextMatches(query)).toEqual({});
        }
      });

      it("finds which candidates hold words as a phrase, in one field and in order", async () => {
        const every = docs.map((d) => ({ type: d.type, id: d.id }));
        const keys = async (words: string[], types?: string[], common = 10) =>
          (await store.search.findPhraseHolders(words, every, types, common))
            .map((k) => `${k.type}:${k.id}`)
            .sort();
        expect(await keys(["heat", "transfer"])).toEqual(["course:ChE-311"]);
        expect(await keys(["transfer", "heat"])).toEqual([]);
        // "Heat" has "heat" as its name and "energy in transfer" as its body: two fields, no phrase.
        expect(await keys(["heat", "energy"])).toEqual([]);
        expect(await keys(["energy", "in", "transfer"])).toEqual(["concept:Heat"]);
        expect(await keys(["heat", "transfer"], ["concept"])).toEqual([]);
        expect(await keys(["heat\u0000", "transfer"])).toEqual([]);
        // Only the candidates given, and none once as many documents as `common` hold the phrase.
        expect(
          await store.search.findPhraseHolders(["heat", "transfer"], [every[2] as RecordKey], undefined, 10),
        ).toEqual([]);
        expect(await keys(["heat", "transfer"], undefined, 1)).toEqual([]);
        expect(await keys(["heat", "transfer"], undefined, 2)).toEqual(["course:ChE-311"]);
      });

      it("finds ids exactly first, then ignoring case", async () => {
        expect((await store.search.findById("ChE-311", undefined, 10)).map((h) => h.id)).toEqual([
          "ChE-311",
          "CHE-311",
        ]);
        expect((await store.search.findById("CHE-311", undefined, 10)).map((h) => h.id)).toEqual([
          "CHE-311",
          "ChE-311",
        ]);
        expect((await store.search.findById("che-311", ["course"], 10)).length).toBe(2);
        expect(await store.search.findById("che-311", ["concept"], 10)).toEqual([]);
      });

      it("finds documents by a name's match key", async () => {
        expect(
          (await store.search.findByName(["heat", "mass transfer"], undefined, 10)).map((h) => h.id).sort(),
        ).toEqual(["CHE-311", "Heat"]);
      });

      it("completes names from their start, then from a later word", async () => {
        const start = await store.search.completeNames("hea", undefined, 10);
        expect(start.map((c) => c.id).sort()).toEqual(["ChE-311", "Heat"]);
        expect(start.every((c) => c.fromStart && !c.alias)).toBe(true);
        const later = await store.search.completeNames("transf", undefined, 10);
        expect(later.map((c) => c.id).sort()).toEqual(["CHE-311", "ChE-311", "p-1"]);
        expect(later.every((c) => !c.fromStart)).toBe(true);
        expect(await store.search.completeNames("transf", ["person"], 10)).toMatchObject([
          { id: "p-1", name: "Ada Transferson" },
        ]);
        // Every word of the prefix in a name or alias: "Heat" has "transfer" in its body only.
        expect((await store.search.completeNames("heat transf", undefined, 10)).map((c) => c.id)).toEqual([
          "ChE-311",
        ]);
      });

      it("completes what the last write left: a removed record no more, a replaced name by its new words", async () => {
        expect((await store.search.completeNames("hea", undefined, 10)).map((c) => c.id).sort()).toEqual([
          "ChE-311",
          "Heat",
        ]);
        await store.transaction((w) => w.removeRecord({ type: "concept", id: "Heat" }));
        // The removed record's text is gone from full-text queries, hits and counts alike: with the body weighed
        // most, its "energy in transfer" would have ranked first and taken the one place asked for.
        const energy = {
          groups: [["energy"]],
          require: "all",
          weights: [1, 1, 1, 1, 100],
          limit: 1,
        } as const;
        expect((await store.search.searchText(energy)).map((h) => h.id)).toEqual(["ChE-311"]);
        expect(await store.search.countTextMatches(energy)).toEqual({ course: 1 });
        await store.transaction((w) =>
          w.search.putSearchDocuments([doc("course", "ChE-311", "Heat exchange")]),
        );
        expect((await store.search.completeNames("heat ex", undefined, 10)).map((c) => c.id)).toEqual([
          "ChE-311",
        ]);
        expect(await store.search.completeNames("heat tr", undefined, 10)).toEqual([]);
        expect((await store.search.completeNames("hea", undefined, 10)).map((c) => c.name)).toEqual([
          "Heat exchange",
        ]);
      });

      it("offers name words within one edit as typo corrections, and knows indexed words", async () => {
        expect((await store.search.similarTerms("trasnfer", 1, 5)).map((t) => t.term)).toEqual(["transfer"]);
        expect((await store.search.similarTerms("transfer", 1, 5)).map((t) => t.term)).toEqual([]);
        expect(await store.search.hasTerm("radiation")).toBe(true);
        expect(await store.search.hasTerm("radiatio")).toBe(false);
      });

      it("replaces a document put again, skips documents without a record, and clears", async () => {
        await store.transaction((w) =>
          w.search.putSearchDocuments([
            doc("course", "ChE-311", "Heat exchange"),
            doc("course", "nope", "Heat pump"),
          ]),
        );
        expect(await store.search.countSearchDocuments()).toBe(4);
        const heat = await store.search.searchText({
          groups: [["heat"]],
          require: "all",
          weights,
          limit: 10,
        });
        expect(heat.map((h) => h.name).sort()).toEqual(["Heat", "Heat exchange"]);
        await store.transaction((w) => w.search.clearSearchIndex());
        expect(await store.search.countSearchDocuments()).toBe(0);
        expect(
          await store.search.searchText({ groups: [["heat"]], require: "all", weights, limit: 10 }),
        ).toEqual([]);
        expect(await store.search.similarTerms("trasnfer", 1, 5)).toEqual([]);
      });
    });

    describeSearchRankingContract(() => store);

    it("reports a size for a non-empty store", async () => {
      await write([course("A", "a")]);
      // Both engines know their size (the port allows undefined for one that cannot tell).
      expect(await store.sizeBytes()).toBeGreaterThan(0);
    });

    describeCurationContract(makeStore);
  });
}
