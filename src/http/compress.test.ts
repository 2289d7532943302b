import { gunzipSync, inflateSync } from "node:zlib";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { heldBody } from "./body-text.js";
import { chooseEncoding, compressBodies } from "./compress.js";

const items = Array.from({ length: 40 }, (_, i) => ({ id: `course-${i}`, name: `Immunology of cells ${i}` }));

function app(): Hono {
  const app = new Hono();
  app.use("*", compressBodies());
  app.get("/json", (c) => c.json({ items }));
  app.get("/small", (c) => c.json({ ok: true }));
  app.get("/page", (c) => c.html(`<ul>${items.map((item) => `<li>${item.name}</li>`).join("")}</ul>`));
  app.get("/stream", (c) => {
    const text = JSON.stringify({ items });
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
    });
    return c.body(stream, 200, { "Content-Type": "application/json" });
  });
  app.get("/no-transform", (c) => {
    c.header("Cache-Control", "no-transform");
    return c.json({ items });
  });
  app.get("/image", (c) => c.body(new Uint8Array(4_000), 200, { "Content-Type": "image/png" }));
  return app;
}

async function bytesOf(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

describe("chooseEncoding", () => {
  it("takes the encoding of highest quality, gzip first at equal quality, none for identity", () => {
    expect(chooseEncoding("br;q=0, gzip")).toBe("gzip");
    expect(chooseEncoding("gzip, deflate, br")).toBe("gzip");
    expect(chooseEncoding("gzip;q=0.5, deflate")).toBe("deflate");
    expect(chooseEncoding("gzip;q=0, *")).toBe("deflate");
    expect(chooseEncoding("*;q=0.3")).toBe("gzip");
    expect(chooseEncoding("GZIP")).toBe("gzip");
    expect(chooseEncoding("br")).toBeUndefined();
    expect(chooseEncoding("identity")).toBeUndefined();
    expect(chooseEncoding("gzip;q=0, deflate;q=0")).toBeUndefined();
    expect(chooseEncoding(undefined)).toBeUndefined();
  });
});

describe("compressBodies", () => {
  it("sends gzip to a client refusing brotli, whose body inflates to the same JSON", async () => {
    const response = await app().request("/json", { headers: { "Accept-Encoding": "br;q=0, gzip" } });
    expect(response.headers.get("Content-Encoding")).toBe("gzip");
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(JSON.parse(gunzipSync(await bytesOf(response)).toString())).toEqual({ items });
  });

  it("sends deflate when it is the one asked for, and holds the bytes sent for the response cache", async () => {
    const response = await app().request("/json", { headers: { "Accept-Encoding": "deflate" } });
    expect(response.headers.get("Content-Encoding")).toBe("deflate");
    const held = heldBody(response);
    expect(held).toBeInstanceOf(Uint8Array);
    const sent = await bytesOf(response);
    expect(Buffer.from(held as Uint8Array).equals(sent)).toBe(true);
    expect(JSON.parse(inflateSync(sent).toString())).toEqual({ items });
  });

  it("sends the body as it is without Accept-Encoding, to an identity client, and under 1 KiB", async () => {
    for (const headers of [{}, { "Accept-Encoding": "identity" }] as Record<string, string>[]) {
      const response = await app().request("/json", { headers });
      expect(response.headers.get("Content-Encoding")).toBeNull();
      expect(await response.json()).toEqual({ items });
    }
    const small = await app().request("/small", { headers: { "Accept-Encoding": "gzip" } });
    expect(small.headers.get("Content-Encoding")).toBeNull();
    expect(await small.json()).toEqual({ ok: true });
  });

  it("compresses pages and bodies made from a stream", async () => {
    const page = await app().request("/page", { headers: { "Accept-Encoding": "gzip" } });
    expect(page.headers.get("Content-Encoding")).toBe("gzip");
    expect(gunzipSync(await bytesOf(page)).toString()).toMatch(/^<ul><li>Immunology of cells 0<\/li>/);
    const stream = await app().request("/stream", { headers: { "Accept-Encoding": "gzip" } });
    expect(stream.headers.get("Content-Encoding")).toBe("gzip");
    expect(JSON.parse(gunzipSync(await bytesOf(stream)).toString())).toEqual({ items });
  });

  it("leaves alone no-transform answers, types not worth compressing and HEAD requests", async () => {
    const gzip = { headers: { "Accept-Encoding": "gzip" } };
    const kept = await app().request("/no-transform", gzip);
    expect(kept.headers.get("Content-Encoding")).toBeNull();
    expect(await kept.json()).toEqual({ items });
    const image = await app().request("/image", gzip);
    expect(image.headers.get("Content-Encoding")).toBeNull();
    expect((await bytesOf(image)).byteLength).toBe(4_000);
    const head = await app().request("/json", { method: "HEAD", ...gzip });
    expect(head.headers.get("Content-Encoding")).toBeNull();
  });
});
