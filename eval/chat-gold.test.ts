import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../src/store/store.js";
import { openDemoStore } from "../test/demo-store.js";
import { GoldRules } from "./chat-gold.js";

let store: Store;
let gold: GoldRules;
beforeAll(async () => {
  store = await openDemoStore();
  gold = new GoldRules(store);
});
afterAll(() => store.close());

const ids = async (rule: Parameters<GoldRules["expected"]>[0]) =>
  (await gold.expected(rule)).map((k) => k.id).sort();

describe("GoldRules", () => {
  it("keeps the records of a rule whose attribute holds one of the values asked", async () => {
    const moocs = { anyOf: [{ moocs: "vaccines" }, { moocs: "vaccination" }, { moocs: "Machine learning" }] };
    expect(await ids(moocs)).toEqual(["mooc-immuno-1", "mooc-immuno-2", "mooc-ml-1"]);
    expect(await ids({ where: moocs, attr: "language", oneOf: ["fr"] })).toEqual(["mooc-immuno-2"]);
    expect(await ids({ where: moocs, attr: "level", oneOf: ["intermediate"] })).toEqual(["mooc-ml-1"]);
  });

  it("gives the records a rule's records link to by the relations asked (a paper's authors or units)", async () => {
    const papers = { publications: "T cell" };
    expect(await ids({ linksOf: papers, rels: ["author"] })).toEqual([
      "p-anne-dupont",
      "p-jonas-keller",
      "p-nadia-benali",
      "p-yuki-tanaka",
    ]);
    expect(await ids({ linksOf: papers, rels: ["unit"] })).toEqual(["epfl-demo-lis"]);
  });
});
