import { beforeEach, describe, expect, it } from "vitest";
import { openDemoStore } from "../../test/demo-store.js";
import type { CorpusRecord } from "../core/record.js";
import type { Store } from "../store/store.js";
import { buildGraph } from "./build-graph.js";
import { updateGraph } from "./update-graph.js";

let store: Store;
beforeEach(async () => {
  store = await openDemoStore();
  await buildGraph(store);
});

const ids = async (type: string, id: string, target: string) =>
  (await store.graph.neighbours({ type, id }, target, 100, 0)).items.map((n) => n.node.id);

async function change(record: CorpusRecord): Promise<void> {
  const outcome = await store.transaction((w) => w.upsertRecords([record]));
  await updateGraph(store, outcome.changed);
}

describe("updateGraph", () => {
  it("moves a changed course from its old concepts' pages to its new ones", async () => {
    expect(await ids("concept", "Interleukin_6", "course")).toContain("BIO-310");
    const before = await store.getRecord({ type: "course", id: "BIO-310" });
    await change({
      type: "course",
      id: "BIO-310",
      name: { en: "Reinforced concrete design" },
      description: { en: "Design of reinforced concrete beams and slabs with the finite element method." },
      links: before?.links ?? [],
    });
    expect(await ids("course", "BIO-310", "concept")).toEqual(
      expect.arrayContaining(["Reinforced_concrete", "Finite_element_method"]),
    );
    expect(await ids("course", "BIO-310", "concept")).not.toContain("Interleukin_6");
    const concrete = await store.graph.neighbours(
      { type: "concept", id: "Reinforced_concrete" },
      "course",
      100,
      0,
    );
    expect(concrete.items.find((n) => n.node.id === "BIO-310")?.edge.kind).toBe("concept");
    const il6 = await store.graph.neighbours({ type: "concept", id: "Interleukin_6" }, "course", 100, 0);
    expect(il6.items.find((n) => n.node.id === "BIO-310" && n.edge.kind === "concept")).toBeUndefined();
    // Its teacher's facts still list it.
    expect(await ids("course", "BIO-310", "person")).toEqual(expect.arrayContaining(["p-anne-dupont"]));
  });

  it("gives a new record its concepts, facts and concept pages, without a full rebuild", async () => {
    await change({
      type: "course",
      id: "NEW-101",
      name: { en: "Vaccines and antibodies" },
      description: { en: "How vaccines train B cells to make antibodies." },
      links: [{ rel: "teacher", type: "person", id: "p-anne-dupont" }],
    });
    expect(await ids("course", "NEW-101", "concept")).toEqual(
      expect.arrayContaining(["Vaccine", "Antibody"]),
    );
    expect(await ids("concept", "Vaccine", "course")).toContain("NEW-101");
    expect(await ids("person", "p-anne-dupont", "course")).toContain("NEW-101");
    expect(await ids("course", "NEW-101", "person")).toEqual([
      "p-anne-dupont",
      ...(await ids("course", "NEW-101", "person")).slice(1),
    ]);
  });

  it("lists a new section of a listed course under it, as a full build does", async () => {
    const section = (await store.getRecord({ type: "course", id: "CIVIL-210" })) as CorpusRecord;
    await change({ ...section, id: "CIVIL-210(b)", links: [] });
    // Each listed record with its variants, as one sorted group (the update keeps the corpus-wide weights, so
    // which of two equal sections comes first may differ from a full build's).
    const groups = async () =>
      (await store.graph.neighbours({ type: "concept", id: "Reinforced_concrete" }, "course", 100, 0)).items
        .map((n) => [n.node.id, ...((n.edge.evidence.also as string[] | undefined) ?? [])].sort().join(" "))
        .sort();
    const updated = await groups();
    expect(updated).toContain("CIVIL-210 CIVIL-210(b)");
    await buildGraph(store);
    expect(await groups()).toEqual(updated);
  });

  it("names a new section of a course under it on the records that list the course, as a full build does", async () => {
    const section = (await store.getRecord({ type: "course", id: "CIVIL-210" })) as CorpusRecord;
    await change({ ...section, id: "CIVIL-210(b)", links: [] });
    // The records listing CIVIL-210 or its new section, with the group each list shows.
    const listing = async () => {
      const out: string[] = [];
      for await (const course of store.scanRecords("course")) {
        const page = await store.graph.neighbours({ type: "course", id: course.id }, "course", 100, 0);
        for (const n of page.items) {
          const group = [n.node.id, ...((n.edge.evidence.also as string[] | undefined) ?? [])]
            .sort()
            .join(" ");
          if (group.includes("CIVIL-210")) out.push(`${course.id}: ${group}`);
        }
      }
      return out.sort();
    };
    const updated = await listing();
    expect(updated.length).toBeGreaterThan(0);
    expect(updated).toContain("CIVIL-210: CIVIL-210(b)");
    await buildGraph(store);
    expect(await listing()).toEqual(updated);
  });

  it("gives a changed lecture's siblings what it now says of their MOOC, as a full build does", async () => {
    const lecture = (await store.getRecord({ type: "lecture", id: "lec-imm-05" })) as CorpusRecord;
    // Scores to two places: the update keeps the detector's corpus-wide weights, which a full build measures again.
    const sibling = async () =>
      (await store.graph.neighbours({ type: "lecture", id: "lec-imm-04" }, "concept", 100, 0)).items.map(
        (n) => `${n.node.id} ${n.edge.score.toFixed(2)}`,
      );
    const before = await sibling();
    await change({ ...lecture, name: { en: "Reinforced concrete beams and the finite element method" } });
    const updated = await sibling();
    // The MOOC's parts now speak of concrete: its other lecture inherits some of it.
    expect(before.some((line) => line.startsWith("Reinforced_concrete "))).toBe(false);
    expect(updated.some((line) => line.startsWith("Reinforced_concrete "))).toBe(true);
    await buildGraph(store);
    expect(await sibling()).toEqual(updated);
  });
  it("derives the profile of a unit named after its member from their records, in a build and an update", async () => {
    const records: CorpusRecord[] = [
      { type: "unit", id: "u-antibody", name: { en: "Antibody, Vaccine (emeritus)" } },
      {
        type: "person",
        id: "p-vaccine-antibody",
        name: { en: "Vaccine Antibody" },
        links: [{ rel: "member", type: "unit", id: "u-antibody" }],
      },
      {
        type: "course",
        id: "CIVIL-999",
        name: { en: "Reinforced concrete design" },
        description: { en: "Design of reinforced concrete beams with the finite element method." },
        links: [{ rel: "teacher", type: "person", id: "p-vaccine-antibody" }],
      },
    ];
    await store.transaction((w) => w.upsertRecords(records));
    await buildGraph(store);
    const built = await ids("unit", "u-antibody", "concept");
    expect(built).toContain("Reinforced_concrete");
    expect(built).not.toContain("Vaccine");
    expect(built).not.toContain("Antibody");
    // A lab whose name is not its member's keeps what its name says.
    await change({ ...(records[0] as CorpusRecord), name: { en: "Vaccine laboratory" } });
    expect(await ids("unit", "u-antibody", "concept")).toContain("Vaccine");
    await change(records[0] as CorpusRecord);
    expect(await ids("unit", "u-antibody", "concept")).toEqual(built);
  });

  it("does not read the name of a person the record links to as a concept, in an update and a build", async () => {
    await store.transaction((w) =>
      w.upsertRecords([{ type: "person", id: "p-sam-vaccine", name: { en: "Sam Vaccine" } }]),
    );
    await change({
      type: "course",
      id: "NEW-202",
      name: { en: "Seminar by Sam Vaccine" },
      description: { en: "Reinforced concrete beams, with Sam Vaccine." },
      links: [{ rel: "teacher", type: "person", id: "p-sam-vaccine" }],
    });
    const updated = await ids("course", "NEW-202", "concept");
    expect(updated).toContain("Reinforced_concrete");
    expect(updated).not.toContain("Vaccine");
    await buildGraph(store);
    expect(await ids("course", "NEW-202", "concept")).toEqual(updated);
  });

  it("reads again the records that link to a person whose name changed, as a build would", async () => {
    await change({
      type: "course",
      id: "NEW-203",
      name: { en: "Seminar by Sam Vaccine" },
      description: { en: "Reinforced concrete beams, with Sam Vaccine." },
      links: [{ rel: "teacher", type: "person", id: "p-sam-vaccine-2" }],
    });
    expect(await ids("course", "NEW-203", "concept")).toContain("Vaccine");
    await change({ type: "person", id: "p-sam-vaccine-2", name: { en: "Sam Vaccine" } });
    const updated = await ids("course", "NEW-203", "concept");
    expect(updated).not.toContain("Vaccine");
    await buildGraph(store);
    expect(await ids("course", "NEW-203", "concept")).toEqual(updated);
  });

  it("keeps the concepts a linked course found in its own text", async () => {
    // BIO-479 is BIO-310's prerequisite: changing BIO-310 must not re-derive BIO-479's concepts from its links.
    const before = await store.graph.neighbours({ type: "course", id: "BIO-479" }, "concept", 100, 0);
    const bio310 = await store.getRecord({ type: "course", id: "BIO-310" });
    await change({
      ...(bio310 ?? { type: "course", id: "BIO-310", name: { en: "x" } }),
      name: { en: "Quantum mechanics" },
    });
    expect(await store.graph.neighbours({ type: "course", id: "BIO-479" }, "concept", 100, 0)).toEqual(
      before,
    );
  });

  it("lists a new course alike in words on the course whose name it holds, and takes it off, as a full build does", async () => {
    const alike = async () =>
      (await store.graph.neighbours({ type: "course", id: "PHYS-313" }, "course", 100, 0)).items
        .filter((n) => n.edge.evidence.alike !== undefined)
        .map((n) => n.node.id);
    expect(await alike()).not.toContain("NEW-104");
    await change({
      type: "course",
      id: "NEW-104",
      name: { en: "Quantum mechanics II" },
      description: { en: "Spin, angular momentum and perturbation theory in quantum mechanics." },
    });
    const updated = await alike();
    expect(updated).toContain("NEW-104");
    await buildGraph(store);
    expect(await alike()).toEqual(updated);
    await change({ type: "course", id: "NEW-104", name: { en: "Untitled" } });
    expect(await alike()).not.toContain("NEW-104");
  });

  it("leaves the lists of untouched records as they were", async () => {
    const untouched = await store.graph.neighbours({ type: "concept", id: "Inflation" }, "course", 100, 0);
    await change({
      type: "course",
      id: "NEW-102",
      name: { en: "Antibodies" },
      description: { en: "Antibodies and antigens." },
    });
    expect(await store.graph.neighbours({ type: "concept", id: "Inflation" }, "course", 100, 0)).toEqual(
      untouched,
    );
  });

  it("takes a record whose new text names no concept off every concept page that listed it", async () => {
    await change({
      type: "course",
      id: "NEW-103",
      name: { en: "Immunology of vaccines" },
      description: { en: "Antibodies, B cells, T cells and interleukin 6 in the response to a vaccine." },
    });
    expect((await conceptPagesListing("NEW-103")).length).toBeGreaterThan(3);
    await change({ type: "course", id: "NEW-103", name: { en: "Untitled" } });
    expect(await conceptPagesListing("NEW-103")).toEqual([]);
  });
});

/** The concept pages whose stored course list holds `id`. */
async function conceptPagesListing(id: string): Promise<string[]> {
  const pages: string[] = [];
  for await (const row of store.graph.scanNeighbours("course"))
    if (row.source.type === "concept" && row.target.id === id) pages.push(row.source.id);
  return pages;
}
