import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { ResponseCache } from "./response-cache.js";

/** An app whose one route counts its calls and answers with the data version it was made on. */
function countingApp(options: { cacheable?: (path: string) => boolean; cookie?: boolean } = {}) {
  const state = { version: "v1", calls: 0 };
  const app = new Hono();
  const cache = new ResponseCache({ version: async () => state.version, ...options });
  app.use("*", cache.middleware());
  app.get("/page/:id", (c) => {
    state.calls += 1;
    if (options.cookie) c.header("Set-Cookie", "lang=fr");
    return c.text(`${c.req.param("id")} on ${state.version} (${state.calls})`);
  });
  app.get("/missing", (c) => c.text("no", 404));
  return { app, state, cache };
}

describe("responseCache", () => {
  it("answers a URL asked again with the bytes made the first time", async () => {
    const { app, state } = countingApp();
    const first = await app.request("/page/a");
    expect(await first.text()).toBe("a on v1 (1)");
    const again = await app.request("/page/a");
    expect(await again.text()).toBe("a on v1 (1)");
    expect(again.headers.get("content-type")).toMatch(/text\/plain/);
    expect(await (await app.request("/page/b")).text()).toBe("b on v1 (2)");
    expect(state.calls).toBe(2);
  });

  it("makes the response again once the data version changed", async () => {
    const { app, state } = countingApp();
    await app.request("/page/a");
    state.version = "v2";
    expect(await (await app.request("/page/a")).text()).toBe("a on v2 (2)");
  });

  it("answers 304 to a client holding the ETag, and 200 to one holding another", async () => {
    const { app } = countingApp();
    const etag = (await app.request("/page/a")).headers.get("ETag") ?? "";
    expect(etag).toMatch(/^W\/"/);
    expect((await app.request("/page/a", { headers: { "If-None-Match": etag } })).status).toBe(304);
    expect((await app.request("/page/a", { headers: { "If-None-Match": 'W/"other"' } })).status).toBe(200);
  });

  it("keeps apart the encodings, cookies and origins a response may vary with", async () => {
    const { app, state } = countingApp();
    await app.request("/page/a");
    await app.request("/page/a", { headers: { "Accept-Encoding": "gzip" } });
    await app.request("/page/a", { headers: { Cookie: "lang=fr" } });
    await app.request("/page/a", { headers: { Origin: "https://www.example.edu" } });
    expect(state.calls).toBe(4);
  });

  it("keeps neither errors, nor responses setting a cookie, nor paths it is told to leave", async () => {
    const withCookie = countingApp({ cookie: true });
    await withCookie.app.request("/page/a");
    await withCookie.app.request("/page/a");
    expect(withCookie.state.calls).toBe(2);
    const left = countingApp({ cacheable: (path) => path !== "/page/a" });
    await left.app.request("/page/a");
    await left.app.request("/page/a");
    expect(left.state.calls).toBe(2);
    expect((await left.app.request("/missing")).status).toBe(404);
  });
});

describe("ResponseCache.answer", () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await new Promise((done) => server.close(done));
  });

  /** A Node server asking the cache first, then the counting app; resolves with its URL. */
  async function serveCounting() {
    const { app, state, cache } = countingApp();
    const application = getRequestListener(app.fetch);
    const answered: string[] = [];
    const server = createServer((request, response) => {
      cache.answer(request, response).then(async (done) => {
        if (done) answered.push(request.url ?? "");
        else await application(request, response);
      });
    });
    servers.push(server);
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { url, state, answered };
  }

  it("writes a kept response before the application, with the headers and ETag it was kept with", async () => {
    const { url, state, answered } = await serveCounting();
    const first = await fetch(`${url}/page/a?x=1`);
    const firstBody = await first.text();
    const again = await fetch(`${url}/page/a?x=1`);
    expect(await again.text()).toBe(firstBody);
    expect(again.headers.get("content-type")).toBe(first.headers.get("content-type"));
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(answered).toEqual(["/page/a?x=1"]);
    expect(state.calls).toBe(1);
    const notModified = await fetch(`${url}/page/a?x=1`, {
      headers: { "If-None-Match": first.headers.get("etag") ?? "" },
    });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("etag")).toBe(first.headers.get("etag"));
  });

  it("leaves to the application what it did not keep, and everything once the version changed", async () => {
    const { url, state, answered } = await serveCounting();
    expect((await fetch(`${url}/missing`)).status).toBe(404);
    expect((await fetch(`${url}/missing`)).status).toBe(404);
    await fetch(`${url}/page/a`);
    state.version = "v2";
    expect(await (await fetch(`${url}/page/a`)).text()).toBe("a on v2 (2)");
    expect(answered).toEqual([]);
  });
});
