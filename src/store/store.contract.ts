/**
 * The Store contract: the behaviour every engine must have, as a suite any engine's test file runs with
 * `describeStoreContract("sqlite", () => openSomeEmptyStore())`.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isCampusGraphError } from "../core/errors.js";
import type { CorpusRecord } from "../core/record.js";
import type { Store } from "./store.js";

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
      });
      expect(await write([course("A", "a"), course("B", "b2"), course("C", "c")])).toEqual({
        inserted: 1,
        updated: 1,
        unchanged: 1,
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

    it("reports a size for a non-empty store", async () => {
      await write([course("A", "a")]);
      const size = await store.sizeBytes();
      if (size !== undefined) expect(size).toBeGreaterThan(0);
    });
  });
}
