import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDemoStore } from "../../test/demo-store.js";
import type { Store } from "../store/store.js";
import { buildSearchIndex } from "./build-search-index.js";
import { cachedSearches } from "./search-cache.js";

let store: Store;
beforeEach(async () => {
  store = await openDemoStore();
  await buildSearchIndex(store);
});
afterEach(() => store.close());

describe("cachedSearches", () => {
  it("answers a repeated request with the answer computed first", async () => {
    const searches = cachedSearches(store);
    const first = await searches.search({ query: "Interleukin 6" });
    expect(first.items[0]?.id).toBe("Interleukin_6");
    expect(await searches.search({ query: "Interleukin 6" })).toBe(first);
    expect(await searches.search({ query: "Interleukin 6", limit: 3 })).not.toBe(first);
    expect(await searches.search({ query: "Interleukin 6", offset: 1 })).not.toBe(first);
  });

  it("computes again once the index is written, here or by another process", async () => {
    const searches = cachedSearches(store);
    const first = await searches.autocomplete({ query: "interl" });
    await buildSearchIndex(store);
    const second = await searches.autocomplete({ query: "interl" });
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
  });

  it("keeps nothing with a capacity of 0", async () => {
    const searches = cachedSearches(store, { capacity: 0 });
    const first = await searches.search({ query: "immunology" });
    expect(await searches.search({ query: "immunology" })).not.toBe(first);
  });
});
