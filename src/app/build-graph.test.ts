import { beforeAll, describe, expect, it } from "vitest";
import { openDemoStore } from "../../test/demo-store.js";
import type { Neighbour, Store } from "../store/store.js";
import { buildGraph } from "./build-graph.js";

let store: Store;
beforeAll(async () => {
  store = await openDemoStore();
  await buildGraph(store);
});

const ids = (items: readonly Neighbour[]) => items.map((n) => n.node.id);
const neighbours = (type: string, id: string, target: string, limit = 50) =>
  store.graph.neighbours({ type, id }, target, limit, 0);

describe("buildGraph on the demo corpus", () => {
  it("ranks a course naming the concept in its title above one mentioning it once in its body", async () => {
    const courses = ids((await neighbours("concept", "Interleukin_6", "course")).items);
    expect(courses).toContain("BIO-310");
    expect(courses).toContain("BIOENG-399");
    expect(courses.indexOf("BIO-310")).toBeLessThan(courses.indexOf("BIOENG-399"));
  });

  it("lists on a concept's page a record whose text names it outside its detected concepts, saying how often", async () => {
    const named: { concept: string; type: string; record: string; times: unknown }[] = [];
    for (const type of ["course", "lecture", "mooc", "publication"])
      for await (const row of store.graph.scanNeighbours(type))
        if (row.source.type === "concept" && row.kind === "mention")
          named.push({ concept: row.source.id, type, record: row.target.id, times: row.evidence.named });
    expect(named.length).toBeGreaterThan(0);
    for (const { concept, type, record, times } of named.slice(0, 10)) {
      expect(times).toBeGreaterThan(0);
      expect(ids((await neighbours(type, record, "concept")).items)).not.toContain(concept);
    }
  });

  it("lists a course's teachers and prerequisites first, as facts, then computed neighbours", async () => {
    const people = (await neighbours("course", "CHE-311", "course")).items;
    expect(people[0]).toMatchObject({ node: { id: "ChE-311" }, edge: { kind: "prerequisite", score: 1 } });
    expect(people[0]?.edge.evidence).toMatchObject({ fact: true, direction: "out" });
    // A list holding both: BIO-479's teachers (facts) come before the people computed as related.
    const teachers = (await neighbours("course", "BIO-479", "person")).items;
    const firstComputed = teachers.findIndex((n) => n.edge.evidence.fact !== true);
    const lastFact = teachers.map((n) => n.edge.evidence.fact === true).lastIndexOf(true);
    expect(lastFact).toBeGreaterThanOrEqual(0);
    expect(firstComputed).toBeGreaterThan(lastFact);
  });

  it("gives a course its concepts with scores in (0, 1] and the evidence behind each", async () => {
    const concepts = (await neighbours("course", "BIO-310", "concept")).items;
    expect(ids(concepts)).toContain("Interleukin_6");
    for (const c of concepts) {
      expect(c.edge.kind).toBe("concept");
      expect(c.edge.score).toBeGreaterThan(0);
      expect(c.edge.score).toBeLessThanOrEqual(1);
    }
    const il6 = concepts.find((c) => c.node.id === "Interleukin_6");
    expect(il6?.edge.evidence).toMatchObject({ mentions: expect.arrayContaining(["Interleukin 6"]) });
    const scores = concepts.map((c) => c.edge.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("relates concepts of the same field, and lists a concept's category as a fact", async () => {
    const related = ids((await neighbours("concept", "T_cell", "concept")).items);
    expect(related).toEqual(expect.arrayContaining(["B_cell", "Antibody"]));
    expect(related).not.toContain("Inflation");
    expect((await neighbours("concept", "T_cell", "category")).items[0]).toMatchObject({
      node: { id: "immunology" },
      edge: { kind: "category" },
    });
  });

  it("relates courses that share concepts, after the facts, with the shared concepts as evidence", async () => {
    const bio310 = (await neighbours("course", "BIO-310", "course")).items;
    expect(bio310[0]).toMatchObject({ node: { id: "BIO-479" }, edge: { kind: "prerequisite" } });
    // In the demo corpus related courses are also prerequisites: the fact row carries the semantic score.
    const immunology = (await neighbours("course", "BIOENG-399", "course")).items.find(
      (n) => n.node.id === "BIO-479",
    );
    expect(immunology?.edge.evidence).toMatchObject({
      fact: true,
      alsoKind: "semantic",
      score: expect.any(Number),
    });
    const semantic: Neighbour[] = [];
    for await (const course of store.scanRecords("course")) {
      semantic.push(
        ...(await neighbours("course", course.id, "mooc")).items.filter((n) => n.edge.kind === "semantic"),
      );
    }
    expect(semantic.length).toBeGreaterThan(0);
    for (const n of semantic) expect(n.edge.evidence.shared).toEqual(expect.any(Array));
  });

  it("lists records a concept reaches through its related concepts, with the concepts they came through", async () => {
    const page = await neighbours("concept", "Antigen", "course");
    const via = page.items.filter((n) => n.edge.kind === "via-concept");
    expect(via.length).toBeGreaterThan(0);
    // The walk takes one or two relations from the concept: every concept a record came through is that near.
    const first = ids((await neighbours("concept", "Antigen", "concept")).items);
    const near = new Set(first);
    for (const id of first)
      for (const n of (await neighbours("concept", id, "concept")).items) near.add(n.node.id);
    for (const n of via) {
      const through = n.edge.evidence.via as { id: string; share: number }[];
      expect(through.length).toBeGreaterThan(0);
      expect(through.reduce((sum, v) => sum + v.share, 0)).toBeLessThanOrEqual(1.001);
      for (const v of through) expect(near).toContain(v.id);
    }
  });

  it("gives a lecture the concepts of the course or MOOC it is part of, below its own", async () => {
    const lectures: string[] = [];
    for await (const lecture of store.scanRecords("lecture"))
      if (lecture.links?.some((l) => l.rel === "part_of")) lectures.push(lecture.id);
    expect(lectures.length).toBeGreaterThan(0);
    for (const id of lectures) {
      const concepts = (await neighbours("lecture", id, "concept")).items;
      expect(concepts.some((c) => c.edge.evidence.derived === true)).toBe(true);
    }
  });

  it("gives people concepts from what they teach and write", async () => {
    const counts = await store.graph.neighbourCounts({ type: "person", id: "p-helene-muller" });
    expect(counts.concept ?? 0).toBeGreaterThan(0);
  });

  it("pages with limit and offset and reports the total", async () => {
    const all = await neighbours("concept", "T_cell", "concept");
    const page = await store.graph.neighbours({ type: "concept", id: "T_cell" }, "concept", 2, 1);
    expect(page.total).toBe(all.total);
    expect(ids(page.items)).toEqual(ids(all.items).slice(1, 3));
  });

  it("stores the same concept pages when a worker ranks them as when the build's thread ranks them alone", async () => {
    const concepts = [
      "Interleukin_6",
      "B_cell",
      "Immune_system",
      "Antibody",
      "Cytokine",
      "Reinforced_concrete",
    ];
    const pages = async () => {
      const lists = [];
      for (const concept of concepts)
        for (const type of ["course", "lecture", "mooc", "person", "publication"])
          lists.push(await neighbours("concept", concept, type));
      return lists;
    };
    await buildGraph(store, { detectWorkers: 1 });
    const threaded = await pages();
    await buildGraph(store, { detectWorkers: 0 });
    expect(await pages()).toEqual(threaded);
    expect(threaded.flatMap((list) => list.items).length).toBeGreaterThan(30);
  });

  it("stores the same rows, records alike in words and relations included, with worker threads as without", async () => {
    const rows = async () => {
      const all = [];
      for (const type of ["concept", "course", "mooc", "publication"])
        for await (const row of store.graph.scanNeighbours(type)) all.push(row);
      return all;
    };
    await buildGraph(store, { detectWorkers: 1 });
    const threaded = await rows();
    await buildGraph(store, { detectWorkers: 0 });
    expect(await rows()).toEqual(threaded);
    const kinds = new Set(threaded.map((row) => row.kind));
    expect(kinds).toContain("similar-text");
    expect(kinds).toContain("related-concept");
  });

  it("builds the same graph twice", async () => {
    const before = await neighbours("concept", "Interleukin_6", "course");
    await buildGraph(store);
    expect(await neighbours("concept", "Interleukin_6", "course")).toEqual(before);
  });
});
