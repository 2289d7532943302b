import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoStore } from "../../test/demo-store.js";
import { buildSearchIndex } from "../app/build-search-index.js";
import type { NameCompletion, Store } from "../store/store.js";
import { autocomplete, groupByType, rankCompletions } from "./autocomplete.js";
import { toSearchDocument } from "./search-document.js";
import { prefixKey } from "./search-keys.js";

let store: Store;
const names: { type: string; id: string; names: string[]; keys: string[] }[] = [];
beforeAll(async () => {
  store = await openDemoStore();
  await buildSearchIndex(store);
  for await (const r of store.scanRecords()) {
    const { fields } = toSearchDocument(r);
    const keys = `${fields.name} ${fields.aliases}`.split(" ");
    names.push({ type: r.type, id: r.id, names: [...Object.values(r.name), ...(r.aliases ?? [])], keys });
  }
});
afterAll(() => store.close());

const completion = (type: string, id: string, extra: Partial<NameCompletion> = {}): NameCompletion => ({
  type,
  id,
  name: id,
  matched: id,
  alias: false,
  fromStart: true,
  ...extra,
});

describe("autocomplete", () => {
  it("completes names and aliases of every type, accents and case folded", async () => {
    expect((await autocomplete(store.search, "Interl")).map((s) => s.id)).toContain("Interleukin_6");
    expect((await autocomplete(store.search, "schrö")).map((s) => s.id)).toContain("Schrödinger_equation");
    expect((await autocomplete(store.search, "equation de schr")).map((s) => s.id)).toContain(
      "Schrödinger_equation",
    );
    expect((await autocomplete(store.search, "quicksil")).map((s) => s.id)).toEqual(["Mercury_(element)"]);
  });

  it("suggests every record with a name starting with the prefix, and only records with a name word that does", async () => {
    const words = (name: string) => prefixKey(name).split(" ");
    const prefixes = [
      ...new Set(names.flatMap((n) => n.names.flatMap((name) => words(name).map((w) => w.slice(0, 3))))),
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...prefixes.filter((p) => p.length === 3)), async (prefix) => {
        const key = (n: { type: string; id: string }) => `${n.type}:${n.id}`;
        const fromStart = names
          .filter((n) => n.names.some((name) => prefixKey(name).startsWith(prefix)))
          .map(key);
        // Name words as indexed: folded, stemmed, with the English cognates of French names.
        const anyWord = names.filter(
          (n) =>
            n.keys.some((w) => w.startsWith(prefix)) ||
            n.names.some((name) => prefixKey(name).startsWith(prefix)),
        );
        const found = (await autocomplete(store.search, prefix, { limit: 100 })).map(key);
        for (const k of fromStart) expect(found).toContain(k);
        for (const k of found) expect(anyWord.map(key)).toContain(k);
      }),
      { numRuns: 60 },
    );
  });

  it("shows the name being typed, in its language, and the display name for an alias", async () => {
    const named = (items: { id: string; name: string }[], id: string) => items.find((s) => s.id === id)?.name;
    expect(named(await autocomplete(store.search, "apprent"), "CS-433")).toBe("Apprentissage automatique");
    expect(named(await autocomplete(store.search, "machine le"), "CS-433")).toBe("Machine learning");
    expect(named(await autocomplete(store.search, "IL-6"), "Interleukin_6")).toBe("Interleukin 6");
  });

  it("keeps to the chosen types and the limit", async () => {
    const concepts = await autocomplete(store.search, "m", { types: ["concept"], limit: 3 });
    expect(concepts.length).toBeLessThanOrEqual(3);
    expect(concepts.every((s) => s.type === "concept")).toBe(true);
  });

  it("suggests nothing for a prefix without letters or digits", async () => {
    for (const raw of ["", "  ", '"*', "NEAR(", "\u0000"])
      expect(await autocomplete(store.search, raw)).toEqual([]);
  });
});

describe("rankCompletions", () => {
  it("puts names starting with the prefix before later words, and names before aliases", () => {
    const ranked = rankCompletions([
      completion("concept", "later", { fromStart: false }),
      completion("concept", "alias", { alias: true }),
      completion("concept", "name"),
    ]);
    expect(ranked.map((s) => s.id)).toEqual(["name", "alias", "later"]);
  });

  it("puts a course before a concept of equal importance, and an important concept before an obscure course", () => {
    const even = rankCompletions([
      completion("concept", "concept", { importance: 0.5 }),
      completion("course", "course", { importance: 0.5 }),
    ]);
    expect(even.map((s) => s.type)).toEqual(["course", "concept"]);
    const uneven = rankCompletions([
      completion("course", "course", { importance: 0 }),
      completion("concept", "concept", { importance: 1 }),
    ]);
    expect(uneven.map((s) => s.type)).toEqual(["concept", "course"]);
  });

  it("keeps one suggestion per record", () => {
    const ranked = rankCompletions([completion("course", "A"), completion("course", "A", { alias: true })]);
    expect(ranked).toHaveLength(1);
  });

  it("tells the shortest alias that matched, even when the record's name ranks it", () => {
    const eigen = { name: "Eigenvalues and eigenvectors" };
    const ranked = rankCompletions([
      completion("concept", "E", { ...eigen, matched: eigen.name }),
      completion("concept", "E", { ...eigen, matched: "Eigenvalues of a matrix", alias: true }),
      completion("concept", "E", { ...eigen, matched: "Eigenvalues", alias: true }),
      completion("concept", "F", { name: "Eigenface", matched: "Eigenface" }),
    ]);
    expect(ranked).toEqual([
      { type: "concept", id: "E", name: eigen.name, alias: "Eigenvalues" },
      { type: "concept", id: "F", name: "Eigenface" },
    ]);
  });
});

describe("groupByType", () => {
  it("groups by type in the order of each type's first item", () => {
    const mixed = [{ type: "b" }, { type: "a" }, { type: "b" }];
    expect(groupByType(mixed)).toEqual([{ type: "b" }, { type: "b" }, { type: "a" }]);
  });
});
