import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoStore } from "../../test/demo-store.js";
import { buildGraph } from "../app/build-graph.js";
import { createHttpApp } from "../server/create-app.js";
import type { Store } from "../store/store.js";

interface PathBody {
  target: { id: string; name: string };
  steps: {
    node: { id: string; name: string };
    role: string;
    depth: number;
    requiredBy: string[];
    inCorpus: boolean;
  }[];
  foundations: { node: { id: string }; coveredBy: string[] }[];
  truncated: boolean;
  error?: { code: string; message: string };
}

describe("GET /api/{type}/{id}/path", () => {
  let store: Store;
  let app: ReturnType<typeof createHttpApp>;
  beforeAll(async () => {
    store = await openDemoStore();
    await buildGraph(store);
    app = createHttpApp(store, { logError: () => undefined });
  });
  afterAll(async () => {
    await store.close();
  });

  const get = async (path: string) => {
    const response = await app.request(path);
    return { status: response.status, body: (await response.json()) as PathBody };
  };

  it("lists a course's prerequisites first and the course last, in the language asked for", async () => {
    const { status, body } = await get("/api/course/BIOENG-399/path?lang=fr");
    expect(status).toBe(200);
    expect(body.steps.map((s) => s.node.id)).toEqual(["BIO-479", "BIO-999", "BIOENG-399"]);
    expect(body.steps.map((s) => s.role)).toEqual(["prerequisite", "prerequisite", "goal"]);
    expect(body.steps[0]).toMatchObject({
      node: { name: "Immunologie et immunothérapie" },
      depth: 1,
      requiredBy: ["BIOENG-399"],
    });
    expect(body.steps.map((s) => s.inCorpus)).toEqual([true, false, true]);
    expect(body.truncated).toBe(false);
  });

  it("follows prerequisites of prerequisites, and stops at the depth asked for", async () => {
    const deep = await get("/api/course/EE-559/path");
    expect(deep.body.steps.map((s) => s.node.id)).toEqual(["CS-433", "EE-559"]);
    const shallow = await get("/api/course/BIO-310/path?depth=1");
    expect(shallow.body.steps.map((s) => s.node.id)).toEqual(["BIO-479", "BIO-310"]);
  });

  it("gives a concept the courses that teach it, after their prerequisites", async () => {
    const { status, body } = await get("/api/concept/Interleukin_6/path");
    expect(status).toBe(200);
    const ids = body.steps.map((s) => s.node.id);
    expect(body.steps.filter((s) => s.role === "teaches").length).toBeGreaterThan(0);
    for (const step of body.steps) {
      for (const by of step.requiredBy) expect(ids.indexOf(by)).toBeGreaterThan(ids.indexOf(step.node.id));
    }
    expect(ids).toContain("BIO-479");
    expect(ids.indexOf("BIO-479")).toBeLessThan(ids.indexOf("BIO-310"));
  });

  it("answers 404 for an unknown record and 400 for a type without paths or bad parameters", async () => {
    expect(await get("/api/course/NOPE-1/path")).toMatchObject({
      status: 404,
      body: { error: { code: "RECORD_NOT_FOUND", message: "No course with id NOPE-1" } },
    });
    const person = await get("/api/person/p-anne-dupont/path");
    expect(person.status).toBe(400);
    expect(person.body.error?.message).toMatch(/courses and concepts/);
    for (const query of ["depth=0", "depth=7", "depth=two", "limit=0", "limit=101", "lang=de"]) {
      const { status, body } = await get(`/api/course/BIO-310/path?${query}`);
      expect(status, query).toBe(400);
      expect(body.error?.code, query).toBe("INVALID_ARGUMENT");
    }
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain("/api/{type}/{id}/path");
  });
});
