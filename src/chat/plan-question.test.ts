import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CORPUS, openEmptyStore } from "../../test/demo-store.js";
import { buildGraph } from "../app/build-graph.js";
import { buildSearchIndex } from "../app/build-search-index.js";
import { importCorpus } from "../app/import-corpus.js";
import type { CorpusRecord } from "../core/record.js";
import { inProcessClient } from "../http/in-process-client.js";
import { createHttpApp } from "../server/create-app.js";
import { type ApiClient, runChat } from "./run-chat.js";

// The demo corpus, with a few records more: a course that lists no teacher and is named like a topic, a concept
// whose name a longer one holds, a concept whose name a course's name holds, a person who shares a surname with a
// teacher and has no record of their own, one whose surname is also a concept's name, and one whose surname a
// concept's longer name holds; a course whose title holds a type word ("lab"); a person named exactly with no unit
// and the same name written fuller with one.
const EXTRA: Record<string, CorpusRecord[]> = {
  "people.jsonl": [
    { type: "person", id: "p-pierre-muller", name: { en: "Pierre Muller" } },
    { type: "person", id: "p-tom-wheat", name: { en: "Tom Wheat" } },
    { type: "person", id: "p-ann-young", name: { en: "Ann Young" } },
    { type: "person", id: "p-carol-brown", name: { en: "Carol D. Brown" } },
    { type: "person", id: "p-carl-hart-ii", name: { en: "Carl Hart II" } },
    { type: "person", id: "p-rita-moreno", name: { en: "Rita Moreno" } },
    {
      type: "person",
      id: "p-rita-m-moreno",
      name: { en: "Rita Maria Moreno" },
      links: [{ rel: "member", type: "unit", id: "epfl-demo-lis" }],
    },
  ],
  "courses.jsonl": [
    { type: "course", id: "EE-350", name: { en: "Signal processing" } },
    {
      type: "course",
      id: "BIO-499",
      name: { en: "Neurobiology III : synapses, circuits and behaviour of small animals" },
      links: [{ rel: "prerequisite", type: "course", id: "EE-350" }],
    },
    {
      type: "course",
      id: "BIO-388",
      name: { en: "Cell signalling lab II" },
      links: [{ rel: "prerequisite", type: "course", id: "EE-350" }],
    },
    {
      type: "course",
      id: "MATH-184",
      name: { en: "Logarithms and exponentials", fr: "Logarithmes et exponentielles" },
    },
  ],
  "concepts.jsonl": [
    { type: "concept", id: "Wheat", name: { en: "Wheat" } },
    { type: "concept", id: "Young's_modulus", name: { en: "Young's modulus" } },
    { type: "concept", id: "Brown_dwarf", name: { en: "Brown dwarf" } },
    { type: "concept", id: "Nonlinear_Schrödinger_equation", name: { en: "Nonlinear Schrödinger equation" } },
    { type: "concept", id: "Logarithm", name: { en: "Logarithm" } },
    { type: "concept", id: "Heat_wave", name: { en: "Heat wave" } },
    { type: "concept", id: "Ada_Lovelace", name: { en: "Ada Lovelace" } },
  ],
};

let client: ApiClient;
const folder = mkdtempSync(join(tmpdir(), "campus-graph-plan-question-"));
beforeAll(async () => {
  cpSync(DEMO_CORPUS, folder, { recursive: true });
  for (const [file, records] of Object.entries(EXTRA))
    appendFileSync(join(folder, file), records.map((r) => `${JSON.stringify(r)}\n`).join(""));
  const store = await openEmptyStore();
  await importCorpus(store, folder);
  await buildGraph(store);
  await buildSearchIndex(store);
  client = inProcessClient(createHttpApp(store));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const chat = (question: string) => runChat(client, [{ role: "user", content: question }]);

describe("planQuestion on the demo corpus", () => {
  it("reads a title that holds a type word as the record it names, when the search's best hit says all of it", async () => {
    const before = await chat("prerequisites cell signalling lab II");
    expect(before.plan.intent).toBe("prerequisites");
    expect(before.plan.anchor?.id).toBe("BIO-388");
    expect(before.references.map((r) => r.id)).toEqual(["EE-350"]);
    const about = await chat("describe the cell signalling lab II");
    expect(about.plan.intent).toBe("about");
    expect(about.plan.anchor?.id).toBe("BIO-388");
    // A list of a type about a topic is no title.
    expect((await chat("labs on cell signalling")).plan.target).toBe("unit");
  });

  it("takes the same name written fuller when the person named exactly has no record of the kind asked", async () => {
    const lab = await chat("Rita Moreno's lab");
    expect(lab.plan.anchor?.id).toBe("p-rita-m-moreno");
    expect(lab.references.map((r) => r.id)).toEqual(["epfl-demo-lis"]);
    expect(lab.answer).toMatch(/Rita Moreno/);
  });

  it("asks the relation of every record of the last answer a follow-up points at together", async () => {
    const listed =
      "Here are courses:\n- [BIO-310 Interleukin 6](/course/BIO-310)\n- [CHE-311 Bioprocess engineering](/course/CHE-311)";
    const turns = (q: string) =>
      runChat(client, [
        { role: "user", content: "courses on antibodies" },
        { role: "assistant", content: listed },
        { role: "user", content: q },
      ]);
    const all = await turns("who teaches these?");
    expect(all.references.map((r) => r.id).sort()).toEqual(["p-anne-dupont", "p-marc-olivier-rochat"]);
    // "it" is the first record only.
    expect((await turns("who teaches it?")).references.map((r) => r.id)).toEqual(["p-anne-dupont"]);
    // French "les" is most often the article: "quels sont les prérequis ?" asks of the first record, as in English.
    const ids = async (q: string) => (await turns(q)).references.map((r) => r.id).sort();
    expect(await ids("quels sont les prérequis ?")).toEqual(await ids("what are the prerequisites?"));
    expect(await ids("qui sont les enseignants ?")).toEqual(await ids("who are the teachers?"));
    expect(await ids("qui les enseigne ?")).toEqual(["p-anne-dupont", "p-marc-olivier-rochat"]);
  });

  it("lists the authors of the papers the last answer linked, for 'who wrote them?' and its French", async () => {
    const listed =
      "Here are publications:\n- [CNN](/publication/pub-cnn-cytometry-2020)\n- [FFT](/publication/pub-fft-streaming-2022)";
    const turns = (q: string) =>
      runChat(client, [
        { role: "user", content: "papers on signal processing" },
        { role: "assistant", content: listed },
        { role: "user", content: q },
      ]);
    const ids = async (q: string) => (await turns(q)).references.map((r) => r.id).sort();
    const authors = ["p-anne-dupont", "p-helene-muller", "p-jonas-keller", "p-li-wei-chen", "p-nadia-benali"];
    expect(await ids("who wrote them?")).toEqual([...authors, "p-sofia-almeida"].sort());
    expect(await ids("qui sont les auteurs de ces articles ?")).toEqual(await ids("who wrote them?"));
    // "it" is the first paper only.
    expect(await ids("who wrote it?")).toEqual(["p-anne-dupont", "p-jonas-keller", "p-nadia-benali"]);
  });

  it("answers records related to a record named by code, name or the last answer with its neighbours of the type", async () => {
    const reply = await chat("which courses are related to BIO-310?");
    expect(reply.plan).toMatchObject({ intent: "related", target: "course", anchor: { id: "BIO-310" } });
    expect(reply.plan.steps.map((s) => s.op)).toEqual(["record", "neighbours"]);
    const ids = reply.references.map((r) => `${r.type}/${r.id}`);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain("course/BIO-310");
    expect(ids.every((id) => id.startsWith("course/"))).toBe(true);
    const refs = async (q: string) => (await chat(q)).references.map((r) => `${r.type}/${r.id}`);
    expect(await refs("cours proches de BIO-310")).toEqual(ids);
    expect(await refs("courses like interleukin 6 and cytokine signalling")).toEqual(ids);
    expect(
      await refs("des cours dans le même genre que Interleukine 6 et signalisation des cytokines ?"),
    ).toEqual(ids);
    const followUp = await runChat(client, [
      { role: "user", content: "what is BIO-310 about?" },
      { role: "assistant", content: "[BIO-310 Interleukin 6 and cytokine signalling](/course/BIO-310)" },
      { role: "user", content: "and similar courses?" },
    ]);
    expect(followUp.references.map((r) => `${r.type}/${r.id}`)).toEqual(ids);
    // "Like" that says no likeness, and "related to" a topic, keep their list.
    expect((await chat("courses I would like on antibodies")).plan.intent).toBe("list");
    expect((await chat("courses related to signal processing")).plan.intent).not.toBe("related");
  });

  it("lists the authors of the papers about a topic for people asked by a verb of writing", async () => {
    const reply = await chat("which researchers wrote about flow cytometry?");
    expect(reply.plan).toMatchObject({ intent: "list", target: "person", via: "publication" });
    expect(reply.references.map((r) => r.id)).toContain("p-nadia-benali");
  });

  it("searches no people for a topic in lower case whose best search hit is no person", async () => {
    const reply = await chat("machine learning courses");
    expect(reply.plan).toMatchObject({ intent: "list", target: "course" });
    expect(reply.calls.filter((c) => c.path === "/api/search" && c.query?.types === "person")).toEqual([]);
    expect((await chat("courses by jonas keller")).plan.anchor?.id).toBe("p-jonas-keller");
  });

  it("reads as the subject the part after a topic marker the graph resolves, not the words before it", async () => {
    const reply = await chat("any scholarly work on heat waves?");
    expect(reply.plan.subjects).toEqual(["heat waves"]);
  });

  it("reads a cue among the subject's words the graph left out", async () => {
    const reply = await chat("what must I complete prior to Logarithms and exponentials");
    expect(reply.plan).toMatchObject({ intent: "prerequisites", anchor: { id: "MATH-184" } });
  });

  it("explains a concept of two words or more named whole in a question it cannot otherwise read", async () => {
    const reply = await chat("Nonlinear Schrödinger equation, in simple words?");
    expect(reply.plan).toMatchObject({ intent: "explain", anchor: { id: "Nonlinear_Schrödinger_equation" } });
  });

  it("reads as the subject a name the graph resolves before words it does not know", async () => {
    const reply = await chat("Nonlinear Schrödinger equation in a nutshell");
    expect(reply.plan).toMatchObject({ intent: "explain", anchor: { id: "Nonlinear_Schrödinger_equation" } });
  });

  it("gives no page for a one-word name in a question it cannot read", async () => {
    const reply = await chat("saw a logarithm on my way here, funny");
    expect(reply.plan.intent).toBe("unclear");
    expect(reply.references).toEqual([]);
  });

  it("lists nothing for a what-question whose words name several things and no one thing whole", async () => {
    const reply = await chat("what's the interest rate of an electron");
    expect(reply.references).toEqual([]);
    const named = await chat("what is a convolutional neural network");
    expect(named.references.map((r) => r.id)).toContain("Convolutional_neural_network");
  });

  it("asks for the teachers of the courses about a topic when the course named like it lists none", async () => {
    const reply = await chat("Who teaches signal processing?");
    expect(reply.plan).toMatchObject({ intent: "list", target: "person" });
    expect(reply.references.map((r) => r.id)).toContain("p-helene-muller");
  });

  it("asks for the people about a topic when experts are asked of a course named like it that lists no teacher", async () => {
    const reply = await chat("experts in signal processing");
    expect(reply.plan).toMatchObject({ intent: "list", target: "person" });
    expect(reply.references.map((r) => r.id)).toContain("p-helene-muller");
  });

  it("reads a type word after an article as part of the name asked about when no record of the type has the rest", async () => {
    const dark = await chat("la matière noire c'est quoi");
    expect(dark.plan.subjects).toEqual(["matière noire"]);
    expect(dark.plan.intent).not.toBe("list");
    // A course named so keeps its type word as the label.
    expect((await chat("C'est quoi le cours Machine learning ?")).plan).toMatchObject({
      anchor: { id: "CS-433" },
    });
  });

  it("does not take a one-word topic for the longer name of a course the search finds", async () => {
    expect((await chat("Who teaches communications?")).plan.intent).toBe("list");
    expect((await chat("Who teaches Signal processing for communications?")).plan).toMatchObject({
      intent: "related",
      anchor: { id: "COM-303" },
    });
  });

  it("takes the search hit named as asked before a longer name holding it", async () => {
    const reply = await chat("What is the equation of schrodinger?");
    expect(reply.plan).toMatchObject({ intent: "explain", anchor: { id: "Schrödinger_equation" } });
  });

  it("looks for a concept named by all of a what-question's words before the other types", async () => {
    const reply = await chat("C'est quoi un logarithme ?");
    expect(reply.plan).toMatchObject({ intent: "explain", anchor: { id: "Logarithm" } });
  });

  it("reads the name after the topic marker of a what-question put after its subject", async () => {
    const reply = await chat("I keep hearing about the Fourier transform, what is it?");
    expect(reply.plan).toMatchObject({ intent: "explain", anchor: { id: "Fourier_transform" } });
  });

  it("reads the newest records of a person as their publications", async () => {
    const reply = await chat("What did Anne Dupont publish most recently?");
    expect(reply.plan).toMatchObject({ intent: "related", target: "publication", latest: true });
    expect(reply.references.map((r) => r.type)).toEqual(["publication", "publication"]);
  });

  it("finds a course by its code typed in lower case, the section letter in brackets kept", async () => {
    const reply = await chat("describe mse-100(c)");
    expect(reply.plan).toMatchObject({ intent: "about", anchor: { id: "MSE-100(c)" } });
  });

  it("finds a person whose name is misspelt through the search, for their research", async () => {
    const reply = await chat("What does Anne Dupnot work on?");
    expect(reply.plan).toMatchObject({ intent: "research", anchor: { id: "p-anne-dupont" } });
  });

  it("finds a misspelt person asked about by 'who is', or for their latest papers", async () => {
    expect((await chat("Who is Anne Dupnot?")).plan).toMatchObject({ anchor: { id: "p-anne-dupont" } });
    expect((await chat("Most recent papers by Anne Dupnot")).plan).toMatchObject({
      intent: "related",
      target: "publication",
      anchor: { id: "p-anne-dupont" },
    });
  });

  it("reads 'what will I learn in <code>' as what the course is about", async () => {
    const reply = await chat("What will I learn in BIO-479?");
    expect(reply.plan.intent).toBe("about");
    expect(reply.references[0]?.id).toBe("BIO-479");
  });

  it("finds a person named by surname alone, accents dropped, with their courses, MOOCs and lectures", async () => {
    const reply = await chat("what does Muller teach?");
    expect(reply.plan).toMatchObject({
      intent: "related",
      target: "course",
      anchor: { id: "p-helene-muller" },
    });
    const cited = reply.references.map((r) => r.id);
    expect(cited).toEqual(expect.arrayContaining(["COM-303", "mooc-signals-1", "lec-sp-01"]));
  });

  it("chooses among people of one surname the one with records of the kind asked, and says so", async () => {
    const reply = await chat("courses taught by Müller");
    expect(reply.plan).toMatchObject({
      anchor: { id: "p-helene-muller" },
      homonyms: { asked: "Müller", among: 2, others: ["Pierre Muller"] },
    });
    expect(reply.answer).toContain("Pierre Muller");
  });

  it("reads a title as a person cue, not as a type of record asked for", async () => {
    const reply = await chat("qu'enseigne le professeur Rochat ?");
    expect(reply.plan).toMatchObject({ target: "course", anchor: { id: "p-marc-olivier-rochat" } });
    expect(reply.references.map((r) => r.id)).toContain("ChE-311");
    expect((await chat("who is Dr. Benali")).plan).toMatchObject({ anchor: { id: "p-nadia-benali" } });
  });

  it("finds a person by initials after the surname and a possessive, for their papers", async () => {
    const reply = await chat("Keller J.'s papers");
    expect(reply.plan).toMatchObject({ target: "publication", anchor: { id: "p-jonas-keller" } });
    expect(reply.references.map((r) => r.id)).toEqual(["pub-cnn-cytometry-2020"]);
  });

  it("finds a capitalised surname after a verb the grammar does not read, not after a topic marker", async () => {
    expect((await chat("à quel labo appartient Benali ?")).plan).toMatchObject({
      target: "unit",
      anchor: { id: "p-nadia-benali" },
    });
    expect((await chat("papers about cytometry Benali")).plan.anchor?.type).not.toBe("person");
  });

  it("explains a concept a who-question names, when no person of the graph bears the name", async () => {
    for (const question of ["who was Ada Lovelace?", "qui était Ada Lovelace ?"]) {
      const reply = await chat(question);
      expect(reply.plan).toMatchObject({
        intent: "explain",
        anchor: { type: "concept", id: "Ada_Lovelace" },
      });
      expect(reply.references[0]).toMatchObject({ type: "concept", id: "Ada_Lovelace" });
    }
    expect((await chat("who is Dr. Benali")).plan.anchor).toMatchObject({ id: "p-nadia-benali" });
  });

  it("finds a course named by its title without its subtitle, for its prerequisites", async () => {
    const reply = await chat("What are the prerequisites for Neurobiology III?");
    expect(reply.plan).toMatchObject({ intent: "prerequisites", anchor: { id: "BIO-499" } });
    expect(reply.references.map((r) => r.id)).toContain("EE-350");
  });

  it("reads a roman numeral at the end of a subject as part of its name, never as a person", async () => {
    const reply = await chat("je veux suivre signal processing II, il me faut quoi avant ?");
    expect(reply.plan.anchor?.type).not.toBe("person");
    expect(reply.references.map((r) => r.id)).not.toContain("p-carl-hart-ii");
  });

  it("reads a surname that names a concept as the concept, unless the question says it is a person", async () => {
    const topic = await chat("Wheat papers");
    expect(topic.plan.anchor?.type).not.toBe("person");
    expect((await chat("Dr Wheat's papers")).plan.anchor).toMatchObject({ id: "p-tom-wheat" });
    expect((await chat("who is Wheat?")).plan.anchor).toMatchObject({ id: "p-tom-wheat" });
  });

  it("reads what the words around a name cut from a longer subject ask", async () => {
    expect((await chat("Je voudrais connaître les axes de recherche de Nadia Benali.")).plan).toMatchObject({
      intent: "research",
      anchor: { id: "p-nadia-benali" },
    });
  });

  it("does not read a surname inside a concept's longer name as a person", async () => {
    expect((await chat("what is Young's modulus?")).plan.anchor?.type).not.toBe("person");
    expect((await chat("Dr Young's papers")).plan.anchor).toMatchObject({ id: "p-ann-young" });
    expect((await chat("Brown dwarfs publications")).plan).toMatchObject({
      intent: "list",
      target: "publication",
      subjects: ["Brown dwarfs"],
    });
    expect((await chat("publications of Carol D. Brown")).plan.anchor).toMatchObject({ id: "p-carol-brown" });
  });

  it("reads a person's name typed whole, in a question it cannot otherwise read, as asking their research", async () => {
    const reply = await chat("Ann Young - what's her field?");
    expect(reply.plan).toMatchObject({ intent: "research", anchor: { id: "p-ann-young" } });
  });

  it("reads 'he' in a follow-up as the person the last answer linked, never as a surname", async () => {
    const reply = await runChat(client, [
      { role: "user", content: "who is Pierre Muller?" },
      { role: "assistant", content: "[Pierre Muller](/person/p-pierre-muller) is in the graph." },
      { role: "user", content: "which lab is he in?" },
    ]);
    expect(reply.plan).toMatchObject({ target: "unit", anchor: { id: "p-pierre-muller" } });
  });
});
