import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEmptyStore } from "../../test/demo-store.js";
import { createHttpApp } from "../server/create-app.js";
import type { Store } from "../store/store.js";

const SITE = "http://lab.example.edu";

describe("CORS for the API's GET routes", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openEmptyStore();
  });
  afterAll(async () => {
    await store.close();
  });

  const request = (origins: string[], path: string, init: RequestInit = {}) =>
    createHttpApp(store, { corsOrigins: origins, logError: () => undefined }).request(path, init);

  it("adds no CORS header when no origin is configured", async () => {
    const response = await request([], "/api/health", { headers: { Origin: SITE } });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("allows a configured origin to read a GET route, and no other origin", async () => {
    const allowed = await request([SITE], "/api/health", { headers: { Origin: SITE } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(allowed.headers.get("vary")).toContain("Origin");
    const other = await request([SITE], "/api/health", { headers: { Origin: "http://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers the preflight of a GET, never of a POST", async () => {
    const get = await request([SITE], "/api/search", {
      method: "OPTIONS",
      headers: { Origin: SITE, "Access-Control-Request-Method": "GET" },
    });
    expect(get.status).toBe(204);
    expect(get.headers.get("access-control-allow-methods")).toBe("GET, HEAD");
    const post = await request([SITE], "/api/detect", {
      method: "OPTIONS",
      headers: { Origin: SITE, "Access-Control-Request-Method": "POST" },
    });
    expect(post.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("never lets another site read a POST answer", async () => {
    const response = await request([SITE], "/api/detect", {
      method: "POST",
      headers: { Origin: SITE, "content-type": "application/json" },
      body: JSON.stringify({ text: "cells" }),
    });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("allows any origin with *", async () => {
    const response = await request(["*"], "/api/health", { headers: { Origin: "http://any.example" } });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });
});
