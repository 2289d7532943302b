import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_CORPUS, openDemoStore } from "../../test/demo-store.js";
import { DATA_VERSION_KEY, markDataChanged } from "./data-version.js";
import { importCorpus } from "./import-corpus.js";
import { cachedConceptDictionary } from "./load-concept-dictionary.js";

describe("cachedConceptDictionary", () => {
  it("keeps its dictionary until the data version changes, then rebuilds it once", async () => {
    const store = await openDemoStore();
    let clock = 0;
    const dictionary = cachedConceptDictionary(store, { recheckMs: 1_000, now: () => clock });
    const first = await dictionary();
    expect(first.index.has("Interleukin_6")).toBe(true);
    expect(first.index.has("Photosynthesis")).toBe(false);
    clock += 5_000;
    expect(await dictionary()).toBe(first);

    await store.transaction(async (w) => {
      await w.upsertRecords([{ type: "concept", id: "Photosynthesis", name: { en: "Photosynthesis" } }]);
      await markDataChanged(w);
    });
    // Within the recheck interval nothing is read; after it, the rebuild starts and the old one serves meanwhile.
    expect(await dictionary()).toBe(first);
    clock += 5_000;
    const during = dictionary();
    const calls = [during, dictionary(), dictionary()];
    expect(await Promise.all(calls)).toEqual([first, first, first]);
    for (let i = 0; i < 100 && (await dictionary()) === first; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const second = await dictionary();
    expect(second).not.toBe(first);
    expect(second.index.has("Photosynthesis")).toBe(true);
    await store.close();
  });

  it("is told of changes by imports: a changed record moves the data version, an unchanged corpus does not", async () => {
    const store = await openDemoStore();
    const before = await store.getMeta(DATA_VERSION_KEY);
    expect(before).toBeDefined();
    await importCorpus(store, DEMO_CORPUS);
    expect(await store.getMeta(DATA_VERSION_KEY)).toBe(before);
    const folder = mkdtempSync(join(tmpdir(), "campus-graph-version-"));
    const file = join(folder, "one.jsonl");
    writeFileSync(
      file,
      `${JSON.stringify({ type: "concept", id: "Photosynthesis", name: { en: "Photosynthesis" } })}\n`,
    );
    await importCorpus(store, file);
    expect(await store.getMeta(DATA_VERSION_KEY)).not.toBe(before);
    rmSync(folder, { recursive: true, force: true });
    await store.close();
  });
});
