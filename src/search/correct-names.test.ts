import { describe, expect, it } from "vitest";
import type { NameCompletion, SearchHit } from "../store/store.js";
import { closeNameHits } from "./correct-names.js";
import { matchKey, prefixKey } from "./search-keys.js";

const hit = (id: string, name: string): SearchHit => ({
  type: "course",
  id,
  name,
  snippet: "",
  relevance: 1,
  nameKeys: [matchKey(name)],
});

/** An index holding these names: completions by prefix key, records by match key. */
function indexOf(names: readonly SearchHit[]) {
  return {
    async completeNames(prefix: string): Promise<NameCompletion[]> {
      return names
        .filter((h) => prefixKey(h.name).startsWith(prefix))
        .map((h) => ({
          type: h.type,
          id: h.id,
          name: h.name,
          matched: h.name,
          alias: false,
          fromStart: true,
        }));
    },
    async findByName(keys: readonly string[]): Promise<SearchHit[]> {
      return names.filter((h) => h.nameKeys.some((k) => keys.includes(k)));
    },
  };
}

describe("closeNameHits", () => {
  const voice = hit("V", "Human voice");
  const surfaces = hit("S", "Surfaces and interfaces");
  const index = indexOf([voice, surfaces, hit("H", "Human rights")]);

  it("finds a record whose name is one typing error from the query, among the hits or the completions", async () => {
    expect(await closeNameHits(index, prefixKey("Surfaces an interfaces"), [surfaces], undefined)).toEqual([
      surfaces,
    ]);
    expect(await closeNameHits(index, prefixKey("Human vice"), [], undefined)).toEqual([voice]);
  });

  it("finds nothing for a name itself, a name two errors away, or a query under 8 characters", async () => {
    expect(await closeNameHits(index, prefixKey("Human voice"), [voice], undefined)).toEqual([]);
    expect(await closeNameHits(index, prefixKey("Human vixe"), [voice], undefined)).toEqual([]);
    expect(await closeNameHits(index, prefixKey("Humn v"), [hit("X", "Human v")], undefined)).toEqual([]);
  });
});
