import { beforeAll, describe, expect, it } from "vitest";
import { openDemoStore } from "../../test/demo-store.js";
import { buildGraph } from "../app/build-graph.js";
import { buildSearchIndex } from "../app/build-search-index.js";
import { createHttpApp } from "../http/http-app.js";
import { inProcessClient } from "../http/in-process-client.js";
import { type ApiClient, type ChatCall, runChat, strongHits } from "./run-chat.js";

let client: ApiClient;
const responses: unknown[] = [];
beforeAll(async () => {
  const store = await openDemoStore();
  await buildGraph(store);
  await buildSearchIndex(store);
  const app = createHttpApp(store);
  const inProcess = inProcessClient(app);
  // Record every response, to check that the answer cites only what the calls returned.
  client = async (call: ChatCall) => {
    const result = await inProcess(call);
    responses.push(result.body);
    return result;
  };
});

const chat = (...contents: string[]) =>
  runChat(
    client,
    contents.map((content, i) => ({ role: i % 2 === 0 ? "user" : "assistant", content }) as const),
  );

describe("runChat on the demo corpus", () => {
  it("recommends courses about a topic, each linking to its page", async () => {
    const reply = await chat("Which courses cover T cells?");
    expect(reply.references.map((r) => r.id)).toContain("BIO-479");
    for (const r of reply.references) {
      expect(r.url).toBe(`/${r.type}/${encodeURIComponent(r.id)}`);
      expect(reply.answer).toContain(`](${r.url})`);
    }
    expect(reply.calls.map((c) => c.path)).toEqual(expect.arrayContaining(["/api/search", "/api/detect"]));
  });

  it("cites only records that the calls returned", async () => {
    for (const question of [
      "Which courses cover T cells?",
      "Who teaches Immunology?",
      "What should I take before CIVIL-210?",
      "Find lectures about the Fourier transform",
    ]) {
      responses.length = 0;
      const reply = await chat(question);
      const seen = JSON.stringify(responses);
      for (const r of reply.references) expect(seen, `${question} → ${r.id}`).toContain(JSON.stringify(r.id));
    }
  });

  it("names a course's teachers and prerequisites from the corpus's facts", async () => {
    expect((await chat("Who teaches Immunology?")).references.map((r) => r.id)).toEqual([
      "p-anne-dupont",
      "p-claire-fontaine",
    ]);
    const before = await chat("What should I take before CIVIL-210?");
    expect(before.references.map((r) => r.id)).toEqual(["MSE-100(c)"]);
  });

  it("follows up: who teaches the course the last answer named", async () => {
    const first = await chat("Which courses cover T cells?");
    const follow = await chat("Which courses cover T cells?", first.answer, "Who teaches it?");
    expect(follow.plan.intent).toBe("teachers");
    expect(follow.references.every((r) => r.type === "person")).toBe(true);
  });

  it("keeps only the courses of the level asked for", async () => {
    const master = await chat("Which courses cover T cells for master students?");
    expect(master.references.map((r) => r.id)).toContain("BIO-479");
    expect(master.answer).toMatch(/^Here are courses \(master level\) related to "T cells"/);
    for (const r of master.references)
      expect(["BIO-310", "BIO-479", "BIOENG-399", "CS-433", "EE-559"]).toContain(r.id);
    const bachelor = await chat("Which courses cover T cells for bachelor students?");
    expect(bachelor.references.map((r) => r.id)).not.toContain("BIO-479");
  });

  it("lists the lectures of a course that are about a topic", async () => {
    const reply = await chat("Find the lectures of COM-303 about the fast Fourier transform");
    expect(reply.references.map((r) => r.id).sort()).toEqual(["lec-sp-01", "lec-sp-02"]);
    const none = await chat("Find the lectures of COM-303 about monetary policy");
    expect(none.references).toEqual([]);
    expect(none.answer).toMatch(/found no/);
  });

  it("says plainly when nothing was found, and what it looked for", async () => {
    const reply = await chat("Which courses cover underwater basket weaving in Antarctica?");
    if (reply.references.length === 0)
      expect(reply.answer).toMatch(/found no courses? .*underwater basket weaving/i);
    const none = await chat("Who teaches ZZZ-999?");
    expect(none.references).toEqual([]);
    expect(none.answer).toMatch(/found no course matching "ZZZ-999"/);
  });

  it("answers an empty question with help and no call", async () => {
    const reply = await chat("");
    expect(reply.calls).toEqual([]);
    expect(reply.answer).toMatch(/did not understand/);
  });
});

describe("strongHits", () => {
  it("keeps the hits scoring at least a quarter of the best, in order", () => {
    const hits = [14.1, 10.9, 7.2, 2.9, 2.7].map((score, i) => ({ id: `h${i}`, score }));
    expect(strongHits(hits).map((h) => h.id)).toEqual(["h0", "h1", "h2"]);
    expect(strongHits([])).toEqual([]);
    expect(strongHits([{ score: 0 }, { score: 0 }])).toHaveLength(2);
    // A whole-name hit comes first with a low score: nothing after it is cut.
    const named = [1.2, 14, 10, 0.4].map((score, i) => ({ id: `n${i}`, score }));
    expect(strongHits(named).map((h) => h.id)).toEqual(["n0", "n1", "n2", "n3"]);
  });
});
