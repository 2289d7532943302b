import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SqliteStore } from "../store/sqlite/sqlite-store.js";
import type { Store } from "../store/store.js";
import { createHttpApp } from "./create-app.js";
import { startServer } from "./start-server.js";

describe("HTTP app", () => {
  let store: Store;
  beforeEach(async () => {
    store = SqliteStore.open(":memory:");
    await store.transaction((w) =>
      w.upsertRecords([
        { type: "course", id: "BIO-479", name: { en: "Immunology" } },
        { type: "concept", id: "T_cell", name: { en: "T cell" } },
        { type: "concept", id: "B_cell", name: { en: "B cell" } },
      ]),
    );
  });
  afterEach(() => store.close());

  it("answers /api/health with the counts per type", async () => {
    const response = await createHttpApp(store).request("/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", counts: { concept: 2, course: 1 } });
  });

  it("reads the data version once for an uncached search, and answers the same search as without a cache in front", async () => {
    let reads = 0;
    const counted = new Proxy(store, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (name !== "changeToken" || typeof value !== "function") return value;
        return () => {
          reads += 1;
          return value.call(target);
        };
      },
    });
    const app = createHttpApp(counted);
    const response = await app.request("/api/search?q=cell");
    expect(response.status).toBe(200);
    expect(reads).toBe(1);
    const direct = await createHttpApp(store).request("/api/search?q=cell&limit=10");
    expect(await response.json()).toEqual(await direct.json());
  });

  it("answers /api/health while a detection waits for its dictionary", async () => {
    let loaded = false;
    let finishLoading = () => {};
    const dictionary = new Promise<void>((resolve) => {
      finishLoading = () => {
        loaded = true;
        resolve();
      };
    });
    const detection = {
      isReady: () => loaded,
      detect: async () => {
        await dictionary;
        return { concepts: [] };
      },
    };
    const app = createHttpApp(store, { detection });
    const detect = app.request("/api/detect", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "Immunology" }),
    });
    const health = await app.request("/api/health");
    expect(await health.json()).toMatchObject({ status: "ok", detection: "loading" });
    finishLoading();
    expect((await detect).status).toBe(200);
    expect(await (await app.request("/api/health")).json()).toMatchObject({ detection: "ready" });
  });

  it("renders the home page with the counts", async () => {
    const response = await createHttpApp(store).request("/");
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const page = await response.text();
    expect(page).toContain("<h1>Campus Graph</h1>");
    expect(page).toMatch(/<strong>2<\/strong>Concepts/);
    expect(page).toContain('href="/chat?lang=en"');
  });

  it("answers an unknown page with an HTML 404 page", async () => {
    const response = await createHttpApp(store).request("/no/such/page/here");
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/<h1>Page not found<\/h1>/);
  });

  it("answers an unknown route with a 404 in the one error shape", async () => {
    const response = await createHttpApp(store).request("/api/nothing-here");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "ROUTE_NOT_FOUND", message: "No such page or API route: /api/nothing-here" },
    });
  });

  it("answers a failure with a 500 that leaks no detail, and logs it", async () => {
    const logged: unknown[] = [];
    const app = createHttpApp(store, { logError: (e) => logged.push(e) });
    await store.close();
    const response = await app.request("/api/health");
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body).toEqual({ error: { code: "INTERNAL", message: "Internal error; it has been logged." } });
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|database/i);
    expect(logged).toHaveLength(1);
  });
});

describe("HTTP app behind the Node server", () => {
  it("keeps Vary, ETag and Cache-Control on compressed pages and JSON", async () => {
    const store = SqliteStore.open(":memory:");
    await store.transaction((w) =>
      w.upsertRecords([
        { type: "course", id: "BIO-479", name: { en: "Immunology" }, description: { en: "x".repeat(3_000) } },
      ]),
    );
    const server = await startServer(store, { port: 0, host: "127.0.0.1" });
    try {
      const gzip = { headers: { "accept-encoding": "gzip" } };
      const page = await fetch(`${server.url}/course/BIO-479`, gzip);
      expect(page.headers.get("content-encoding")).toBe("gzip");
      expect(page.headers.get("vary")).toMatch(/Accept-Encoding/);
      expect(page.headers.get("vary")).toMatch(/Cookie/);
      const missing = await fetch(`${server.url}/no-such-page-${"y".repeat(20)}`, gzip);
      expect(missing.status).toBe(404);
      expect(missing.headers.get("vary")).toMatch(/Accept-Encoding/);
      const json = await fetch(`${server.url}/api/course/BIO-479`, gzip);
      expect(json.headers.get("content-encoding")).toBe("gzip");
      expect(json.headers.get("vary")).toBe("Accept-Encoding");
      expect(json.headers.get("etag")).toMatch(/^W\//);
      expect(json.headers.get("cache-control")).toBe("public, max-age=60");
      const plain = await fetch(`${server.url}/api/course/BIO-479`, {
        headers: { "accept-encoding": "identity" },
      });
      expect(plain.headers.get("content-encoding")).toBeNull();
      expect(plain.headers.get("etag")).toBe(json.headers.get("etag"));
      const record = await plain.json();
      expect(record).toMatchObject({ record: { type: "course", id: "BIO-479" } });
      expect(await json.json()).toEqual(record);
      // Asked again: the bytes the cache kept, compressed once, with the same headers.
      const again = await fetch(`${server.url}/api/course/BIO-479`, gzip);
      expect(again.headers.get("content-encoding")).toBe("gzip");
      expect(again.headers.get("etag")).toBe(json.headers.get("etag"));
      expect(again.headers.get("cache-control")).toBe("public, max-age=60");
      expect(await again.json()).toEqual(record);
      const held = await fetch(`${server.url}/api/course/BIO-479`, {
        headers: { "accept-encoding": "gzip", "if-none-match": json.headers.get("etag") ?? "" },
      });
      expect(held.status).toBe(304);
    } finally {
      await server.close();
      await store.close();
    }
  });
});
