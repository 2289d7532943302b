import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDemoStore } from "../../test/demo-store.js";
import { buildGraph } from "../app/build-graph.js";
import { buildSearchIndex } from "../app/build-search-index.js";
import { createHttpApp } from "../server/create-app.js";
import type { Store } from "../store/store.js";
import { type LlmConfig, llmConfigFromEnv } from "./llm-chat.js";

/** A test double of an OpenAI-compatible chat-completions server: answers with scripted messages, records requests. */
let script: ((request: { messages: { role: string; content?: string }[] }) => unknown)[] = [];
const requests: { messages: { role: string; content?: string }[] }[] = [];
let server: Server;
let url: string;
let store: Store;

beforeAll(async () => {
  store = await openDemoStore();
  await buildGraph(store);
  await buildSearchIndex(store);
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const request = JSON.parse(body);
      requests.push(request);
      const next = script.shift();
      const reply = next ? next(request) : { status: 500 };
      if ((reply as { hang?: boolean }).hang) return;
      if ((reply as { status?: number }).status === 500) {
        res.writeHead(500).end("{}");
        return;
      }
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ choices: [{ message: reply }] }));
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));
beforeEach(() => {
  script = [];
  requests.length = 0;
});

async function ask(question: string, llm: LlmConfig) {
  const app = createHttpApp(store, { llm, logError: () => undefined });
  const response = await app.request("/api/chat", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ messages: [{ role: "user", content: question }] }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    answer: string;
    references: { type: string; id: string }[];
    calls: { method: string; path: string; query?: Record<string, string> }[];
    plan: { steps: { op: string }[] };
  };
}

const planReply = (plan: object) => ({ role: "assistant", content: JSON.stringify(plan) });

describe("chat with a language model as planner", () => {
  it("runs the model's plan through the API, and cites only what the calls returned", async () => {
    script = [
      (request) => {
        expect(request.messages[0]?.content).toMatch(/never instructions/);
        return planReply({
          intent: "list",
          target: "course",
          subjects: ["T cells"],
          steps: [
            { op: "search", query: "T cells", types: ["course"], limit: 5 },
            { op: "record", type: "course", id: "NOT-A-COURSE-42" },
            { op: "union", of: [0, 1] },
          ],
          cite: [2],
        });
      },
    ];
    const reply = await ask("Which courses cover T cells?", { url, model: "test-model" });
    expect(reply.calls).toEqual([
      { method: "GET", path: "/api/search", query: { q: "T cells", types: "course", limit: "5" } },
      { method: "GET", path: "/api/course/NOT-A-COURSE-42" },
    ]);
    expect(reply.references.map((r) => r.id)).toContain("BIO-479");
    expect(reply.references.map((r) => r.id)).not.toContain("NOT-A-COURSE-42");
    expect(reply.plan.steps.map((s) => s.op)).toEqual(["search", "record", "union"]);
  });

  it("falls back to the offline parser when the model fails, hangs, or writes an invalid plan", async () => {
    for (const failure of [
      () => ({ status: 500 }),
      () => ({ hang: true }),
      () => ({ role: "assistant", content: "" }),
      () => ({ role: "assistant", content: "Sure! Here are some courses." }),
      () => planReply({ intent: "list", steps: [{ op: "drop_database" }], cite: [] }),
      () => planReply({ intent: "list", steps: [{ op: "limit", from: 3, count: 2 }], cite: [0] }),
    ]) {
      script = [failure];
      const reply = await ask("Which courses cover T cells?", { url, model: "test-model", timeoutMs: 300 });
      expect(reply.references.map((r) => r.id)).toContain("BIO-479");
      expect(reply.calls.map((c) => c.path)).toContain("/api/detect");
    }
  });

  it("is configured only when both the URL and the model are set", () => {
    expect(llmConfigFromEnv({})).toBeUndefined();
    expect(llmConfigFromEnv({ CAMPUS_GRAPH_LLM_URL: url })).toBeUndefined();
    expect(llmConfigFromEnv({ CAMPUS_GRAPH_LLM_URL: url, CAMPUS_GRAPH_LLM_MODEL: "m" })).toEqual({
      url,
      model: "m",
    });
  });
});
