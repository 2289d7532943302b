import { beforeAll, describe, expect, it } from "vitest";
import { openDemoStore } from "../../test/demo-store.js";
import { buildGraph } from "../app/build-graph.js";
import { buildSearchIndex } from "../app/build-search-index.js";
import { inProcessClient } from "../http/in-process-client.js";
import { createHttpApp } from "../server/create-app.js";
import { type ApiClient, runChat } from "./run-chat.js";

// The demo corpus, with one course more that lists no teacher and is named like a topic.
let client: ApiClient;
beforeAll(async () => {
  const store = await openDemoStore();
  await store.transaction((w) =>
    w.upsertRecords([
      { type: "course", id: "EE-350", name: { en: "Signal processing" } },
      {
        type: "concept",
        id: "Nonlinear_Schrödinger_equation",
        name: { en: "Nonlinear Schrödinger equation" },
      },
    ]),
  );
  await buildGraph(store);
  await buildSearchIndex(store);
  client = inProcessClient(createHttpApp(store));
});

const chat = (question: string) => runChat(client, [{ role: "user", content: question }]);

describe("planQuestion on the demo corpus", () => {
  it("asks for the teachers of the courses about a topic when the course named like it lists none", async () => {
    const reply = await chat("Who teaches signal processing?");
    expect(reply.plan).toMatchObject({ intent: "list", target: "person" });
    expect(reply.references.map((r) => r.id)).toContain("p-helene-muller");
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

  it("reads the newest records of a person as their publications", async () => {
    const reply = await chat("What did Anne Dupont publish most recently?");
    expect(reply.plan).toMatchObject({ intent: "related", target: "publication", latest: true });
    expect(reply.references.map((r) => r.type)).toEqual(["publication", "publication"]);
  });

  it("reads 'what will I learn in <code>' as what the course is about", async () => {
    const reply = await chat("What will I learn in BIO-479?");
    expect(reply.plan.intent).toBe("about");
    expect(reply.references[0]?.id).toBe("BIO-479");
  });
});
