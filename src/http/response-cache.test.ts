import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { responseCache } from "./response-cache.js";

/** An app whose one route counts its calls and answers with the data version it was made on. */
function countingApp(options: { cacheable?: (path: string) => boolean; cookie?: boolean } = {}) {
  const state = { version: "v1", calls: 0 };
  const app = new Hono();
  app.use("*", responseCache({ version: async () => state.version, ...options }));
  app.get("/page/:id", (c) => {
    state.calls += 1;
    if (options.cookie) c.header("Set-Cookie", "lang=fr");
    return c.text(`${c.req.param("id")} on ${state.version} (${state.calls})`);
  });
  app.get("/missing", (c) => c.text("no", 404));
  return { app, state };
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

  it("keeps apart the encodings and cookies a response may vary with", async () => {
    const { app, state } = countingApp();
    await app.request("/page/a");
    await app.request("/page/a", { headers: { "Accept-Encoding": "gzip" } });
    await app.request("/page/a", { headers: { Cookie: "lang=fr" } });
    expect(state.calls).toBe(3);
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
