/**
 * The Store contract's part on curation: corrections and reports, as every engine must keep them. Registered by
 * `describeStoreContract` for each engine.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NewCorrection } from "../core/correction.js";
import type { Store } from "./store.js";

const hide: NewCorrection = {
  kind: "hide",
  source: { type: "course", id: "C1" },
  target: { type: "concept", id: "Heat" },
  why: "the course never mentions heat",
  who: "ada",
  at: "2026-12-06T10:00:00.000Z",
};

/** Registers the curation part of the contract for a store made by `makeStore`. */
export function describeCurationContract(makeStore: () => Promise<Store>): void {
  describe("curation", () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it("numbers corrections and lists them oldest first, field for field", async () => {
      const alias: NewCorrection = { ...hide, kind: "alias", target: undefined, value: "thermo" };
      const [a, b] = await store.transaction(async (w) => [
        await w.curation.addCorrection(hide),
        await w.curation.addCorrection(alias),
      ]);
      expect(b?.id).toBeGreaterThan(a?.id ?? Number.POSITIVE_INFINITY);
      const { target: _, ...aliasStored } = alias;
      expect(await store.curation.listCorrections()).toEqual([
        { ...hide, id: a?.id },
        { ...aliasStored, id: b?.id },
      ]);
    });

    it("withdraws a correction once, keeping it listed with who and when", async () => {
      const added = await store.transaction((w) => w.curation.addCorrection(hide));
      const at = "2026-12-06T11:00:00.000Z";
      expect(await store.transaction((w) => w.curation.withdrawCorrection(added.id, "bob", at))).toBe(true);
      expect(await store.transaction((w) => w.curation.withdrawCorrection(added.id, "bob", at))).toBe(false);
      expect(await store.transaction((w) => w.curation.withdrawCorrection(added.id + 1000, "bob", at))).toBe(
        false,
      );
      expect(await store.curation.listCorrections()).toEqual([{ ...added, withdrawn: { who: "bob", at } }]);
    });

    it("keeps corrections through an upsert and a removal of the records they name", async () => {
      const course = { type: "course", id: "C1", name: { en: "Heat" } };
      await store.transaction(async (w) => {
        await w.upsertRecords([course]);
        await w.curation.addCorrection(hide);
      });
      await store.transaction(async (w) => {
        await w.upsertRecords([{ ...course, name: { en: "Heat 2" } }]);
        await w.removeRecord({ type: "course", id: "C1" });
      });
      expect((await store.curation.listCorrections()).map((c) => c.kind)).toEqual(["hide"]);
    });

    it("lists the newest reports first, up to the limit", async () => {
      const report = { source: hide.source, target: hide.target ?? hide.source, why: "wrong", at: hide.at };
      await store.transaction(async (w) => {
        for (const why of ["one", "two", "three"]) await w.curation.addReport({ ...report, why });
      });
      const listed = await store.curation.listReports(2);
      expect(listed.map((r) => r.why)).toEqual(["three", "two"]);
      expect(listed[0]).toMatchObject({ source: report.source, target: report.target, at: report.at });
    });
  });
}
