import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CORPUS } from "../../test/demo-store.js";
import { isCampusGraphError } from "../core/errors.js";
import type { Store } from "../store/store.js";
import { markDataChanged } from "./data-version.js";
import { inProcessDetection } from "./detect-text.js";
import { importCorpus } from "./import-corpus.js";
import { openStore } from "./open-store.js";
import { workerDetection } from "./worker-detection.js";

const TEXT = "Immunology: cytokines such as interleukin 6 in the immune response, and T cells.";
const NEW_CONCEPT = { type: "concept", id: "Zorblax_lattice", name: { en: "Zorblax lattice" } } as const;
const NEW_TEXT =
  "The Zorblax lattice. A Zorblax lattice is a Zorblax lattice: the Zorblax lattice of lattices.";
const folder = mkdtempSync(join(tmpdir(), "campus-graph-worker-detection-"));
const db = join(folder, "demo.db");
let store: Store;

beforeAll(async () => {
  store = await openStore(db, { create: true });
  await importCorpus(store, DEMO_CORPUS);
});
afterAll(async () => {
  await store.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("workerDetection", () => {
  it("detects in a worker thread what detection on the calling thread detects", async () => {
    const detection = workerDetection(store, db);
    try {
      const expected = await inProcessDetection(store).detect(TEXT, { lang: "en" });
      expect(expected.concepts.length).toBeGreaterThan(0);
      expect(await detection.detect(TEXT, { lang: "en" })).toEqual(expected);
      expect(detection.isReady()).toBe(true);
    } finally {
      await detection.close();
    }
  });

  it("is not ready before the dictionary has loaded", async () => {
    const detection = workerDetection(store, db);
    try {
      expect(detection.isReady()).toBe(false);
      await detection.detect(TEXT);
      expect(detection.isReady()).toBe(true);
    } finally {
      await detection.close();
    }
  });

  it("keeps answering while it replaces its dictionary after the data changed", async () => {
    let clock = 0;
    const detection = workerDetection(store, db, { recheckMs: 1, now: () => clock });
    const ids = async (text: string) => (await detection.detect(text)).concepts.map((c) => c.id);
    try {
      const before = await detection.detect(TEXT);
      expect(await ids(NEW_TEXT)).not.toContain("Zorblax_lattice");
      await store.transaction(async (writer) => {
        await writer.upsertRecords([NEW_CONCEPT]);
        await markDataChanged(writer);
      });
      clock += 10;
      // This call starts the replacement and is answered by the old worker meanwhile.
      expect(await detection.detect(TEXT)).toEqual(before);
      await expect.poll(() => ids(NEW_TEXT), { timeout: 20_000 }).toContain("Zorblax_lattice");
    } finally {
      await detection.close();
    }
  });

  it("rejects a detection with the loading error when the database cannot be opened", async () => {
    const detection = workerDetection(store, join(folder, "missing.db"));
    try {
      const failure = await detection.detect(TEXT).catch((error: unknown) => error);
      expect(isCampusGraphError(failure, "DATABASE_UNAVAILABLE")).toBe(true);
      expect(detection.isReady()).toBe(false);
    } finally {
      await detection.close();
    }
  });
});
