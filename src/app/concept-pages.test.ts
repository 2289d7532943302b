import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openDemoStore } from "../../test/demo-store.js";
import type { Neighbour, Store } from "../store/store.js";
import { buildGraph } from "./build-graph.js";
import { importCorpus } from "./import-corpus.js";

// The demo corpus and, on top of it, a second section of CIVIL-210, a rerun of the MOOC "Introduction à
// l'immunologie" with its lectures, a MOOC whose lectures have names only ("Week 2: first line of defence"), a
// lecture on cosmic inflation in a folder of slides that says nothing else, and a publication whose title alone
// names inflation in another sense.
const EXTRA = join(import.meta.dirname, "..", "..", "test", "fixtures", "concept-pages");

let store: Store;
beforeAll(async () => {
  store = await openDemoStore();
  await importCorpus(store, EXTRA);
  await buildGraph(store);
});

const page = async (concept: string, type: string) =>
  (await store.graph.neighbours({ type: "concept", id: concept }, type, 20, 0)).items;
const ids = (items: readonly Neighbour[]) => items.map((n) => n.node.id);
const alsoOf = (n: Neighbour | undefined) => (n?.edge.evidence.also ?? []) as string[];

describe("concept pages on the demo corpus with variants and name-only lectures", () => {
  it("lists one section of a course and names the other under it", async () => {
    const courses = await page("Reinforced_concrete", "course");
    const sections = courses.filter((n) => n.node.id.startsWith("CIVIL-210"));
    expect(sections).toHaveLength(1);
    expect([sections[0]?.node.id, ...alsoOf(sections[0])].sort()).toEqual(["CIVIL-210", "CIVIL-210(b)"]);
  });

  it("lists a rerun MOOC's lecture once, its same-named twin under it, keeping its explanation", async () => {
    const lectures = await page("B_cell", "lecture");
    const twins = lectures.filter((n) => ["lec-imm-04", "lec-imm-04b"].includes(n.node.id));
    expect(twins).toHaveLength(1);
    expect(alsoOf(twins[0])).toHaveLength(1);
    expect(twins[0]?.edge.evidence.mentions ?? twins[0]?.edge.evidence.via).toBeDefined();
    const moocs = ids(await page("B_cell", "mooc"));
    expect(moocs.filter((id) => id.startsWith("mooc-immuno-2"))).toHaveLength(1);
  });

  it("gives a lecture known by its name only at most half the score of the MOOC it inherits its concepts from", async () => {
    const mooc = (await page("B_cell", "mooc")).find((n) => n.node.id === "mooc-immuno-3");
    const lecture = (await page("B_cell", "lecture")).find((n) => n.node.id === "lec-imm3-01");
    expect(mooc).toBeDefined();
    expect(lecture?.edge.score ?? 0).toBeLessThanOrEqual(0.5 * (mooc?.edge.score ?? 0));
  });

  it("does not let the name-only lectures of one MOOC fill the first places of a lecture list", async () => {
    for (const concept of ["B_cell", "Immune_system", "Antibody"]) {
      const first = ids(await page(concept, "lecture")).slice(0, 5);
      expect(first.filter((id) => id.startsWith("lec-imm3-")).length).toBeLessThanOrEqual(2);
    }
  });

  it("ranks records known by one weakly detected concept below records about it", async () => {
    // "Inflation of the early universe" (a folder of slides says nothing else) and "Inflation of thin elastic
    // membranes" name the word in other senses, with nothing around it to say which.
    expect(ids(await page("Inflation", "lecture"))[0]).toBe("lec-eco-01");
    expect(ids(await page("Inflation", "publication"))[0]).toBe("pub-inflation-policy-2022");
  });
});
