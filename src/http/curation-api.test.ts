import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoStore } from "../../test/demo-store.js";
import { createHttpApp } from "../server/create-app.js";
import type { Store } from "../store/store.js";
import { RateLimiter } from "./rate-limit.js";

const TOKEN = "curator-token-0123456789";
const hide = {
  kind: "hide",
  source: { type: "course", id: "BIO-310" },
  target: { type: "concept", id: "Interleukin_6" },
  why: "not taught",
  who: "ada",
};

let store: Store;
let app: ReturnType<typeof createHttpApp>;
beforeAll(async () => {
  store = await openDemoStore();
  app = createHttpApp(store, { curatorToken: TOKEN, logError: () => undefined });
});
afterAll(async () => {
  await store.close();
});

const call = async (method: string, path: string, body?: unknown, token: string | null = TOKEN) => {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const init = { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
  const response = await app.request(path, init);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
};
const code = (body: Record<string, unknown>) => (body.error as { code?: string } | undefined)?.code;

describe("curation API", () => {
  it("stores a correction for a curator, lists it, and withdraws it once", async () => {
    const added = await call("POST", "/api/corrections", hide);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ ...hide, id: expect.any(Number), at: expect.any(String) });
    const listed = await call("GET", "/api/corrections");
    expect(listed.body.items).toEqual([added.body]);
    expect((await call("DELETE", `/api/corrections/${added.body.id}?who=bob`)).status).toBe(204);
    const again = await call("DELETE", `/api/corrections/${added.body.id}?who=bob`);
    expect([again.status, code(again.body)]).toEqual([404, "CORRECTION_NOT_FOUND"]);
    const after = await call("GET", "/api/corrections");
    expect(after.body.items).toMatchObject([{ withdrawn: { who: "bob" } }]);
  });

  it("answers 401 without the token or with a wrong one, before looking at the body", async () => {
    for (const token of [null, "wrong-token-0123456789"]) {
      const refused = await call("POST", "/api/corrections", { nonsense: true }, token);
      expect([refused.status, code(refused.body)]).toEqual([401, "CURATOR_TOKEN_INVALID"]);
    }
    expect((await call("GET", "/api/corrections", undefined, null)).status).toBe(401);
    expect((await call("GET", "/api/reports", undefined, "nope")).status).toBe(401);
    expect((await call("DELETE", "/api/corrections/1?who=x", undefined, null)).status).toBe(401);
    // The web login's cookie is not a credential of the API: a forged cross-site request would carry it.
    const withCookie = await app.request("/api/corrections", {
      headers: { cookie: `campus_curator=${TOKEN}` },
    });
    expect(withCookie.status).toBe(401);
  });

  it("answers 403 to every curator route of a server without a token", async () => {
    const closed = createHttpApp(store, { logError: () => undefined });
    const response = await closed.request("/api/corrections", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(hide),
    });
    expect(response.status).toBe(403);
    expect(code((await response.json()) as Record<string, unknown>)).toBe("CURATION_DISABLED");
  });

  it("answers 400 naming the field for a bad body, and 404 for a missing record", async () => {
    const cases = [
      { ...hide, kind: "delete" },
      { ...hide, who: "" },
      { ...hide, source: { type: "Course!", id: "x" } },
      { ...hide, extra: 1 },
      { ...hide, target: undefined },
      { ...hide, why: "x".repeat(1_001) },
    ];
    for (const body of cases) {
      const answer = await call("POST", "/api/corrections", body);
      expect([answer.status, code(answer.body)]).toEqual([400, "INVALID_ARGUMENT"]);
    }
    const missing = await call("POST", "/api/corrections", {
      ...hide,
      target: { type: "concept", id: "Nope" },
    });
    expect([missing.status, code(missing.body)]).toEqual([404, "RECORD_NOT_FOUND"]);
    expect((await call("DELETE", "/api/corrections/abc?who=x")).status).toBe(400);
  });

  it("stores a reader's report without a token, lists it for curators, and limits each address", async () => {
    const limited = createHttpApp(store, {
      curatorToken: TOKEN,
      reportLimiter: new RateLimiter({ limit: 2, windowMs: 60_000, now: () => 0 }),
    });
    const report = { source: hide.source, target: hide.target, why: "wrong" };
    const send = () =>
      limited.request("/api/reports", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(report),
      });
    expect([(await send()).status, (await send()).status]).toEqual([201, 201]);
    const third = await send();
    expect([third.status, code((await third.json()) as Record<string, unknown>)]).toEqual([
      429,
      "TOO_MANY_REPORTS",
    ]);
    const listed = await call("GET", "/api/reports");
    expect(listed.body.items).toMatchObject([report, report]);
    const bad = await call("POST", "/api/reports", { source: hide.source, why: "x" }, null);
    expect(bad.status).toBe(400);
  });

  it("declares the curation routes in the OpenAPI document", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/corrections", "/api/corrections/{id}", "/api/reports"]),
    );
  });
});
