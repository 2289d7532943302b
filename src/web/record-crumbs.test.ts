import { beforeAll, describe, expect, it } from "vitest";
import { openDemoStore } from "../../test/demo-store.js";
import { buildGraph } from "../app/build-graph.js";
import { addCorrection } from "../app/curate.js";
import type { Store } from "../store/store.js";
import { loadRecordPage } from "./record-page.js";

let store: Store;
beforeAll(async () => {
  store = await openDemoStore();
  await buildGraph(store);
});

const crumbsOf = async (id: string) =>
  ((await loadRecordPage(store, { type: "concept", id }, "en"))?.crumbs ?? []).map((c) => c.id);

describe("a concept page's category trail", () => {
  it("follows the category the graph holds, so a curator's move shows after a build", async () => {
    expect(await crumbsOf("Interleukin_6")).toContain("immunology");
    await addCorrection(store, {
      kind: "category",
      source: { type: "concept", id: "Interleukin_6" },
      target: { type: "category", id: "chemistry" },
      why: "",
      who: "ada",
    });
    await buildGraph(store);
    const moved = await crumbsOf("Interleukin_6");
    expect(moved).toContain("chemistry");
    expect(moved).not.toContain("immunology");
  });
});
