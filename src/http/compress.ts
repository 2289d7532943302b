/**
 * Compression of finished bodies in one synchronous zlib call: the body is in memory already (JSON, pages,
 * assets), so Hono's `compress()`, which pipes it through a WHATWG CompressionStream, spent most of its time
 * (~15 % of an uncached search) on stream plumbing, and the response cache then read the stream back. The
 * compressed bytes are held by the response (see `heldBody`), for the cache to keep as they are.
 */
import { deflateSync, gzipSync, constants as zlib } from "node:zlib";
import type { MiddlewareHandler } from "hono";
import { parseAccept } from "hono/utils/accept";
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from "hono/utils/compress";
import { heldBody, heldResponse, rememberBodies, replaceResponse } from "./body-text.js";

/** Options of `compressBodies`. */
export interface CompressOptions {
  /** Bodies smaller than this many bytes are sent as they are; default 1 KiB. */
  readonly thresholdBytes?: number;
}

/** The encodings offered, in order of preference at equal quality. */
const ENCODINGS = ["gzip", "deflate"] as const;
type Encoding = (typeof ENCODINGS)[number];
const utf8 = new TextEncoder();

/**
 * Compresses compressible bodies (Hono's list of types) with gzip or deflate, as the request's Accept-Encoding
 * chooses by quality (`*` counts; q=0 refuses), at zlib's fastest level: on a 13 kB search answer it is ~10 %
 * larger than the default level for under half the time. Leaves alone HEAD, partial and empty answers, bodies
 * already encoded and `Cache-Control: no-transform`. Does not say Vary: the application says it for every answer.
 */
export function compressBodies(options: CompressOptions = {}): MiddlewareHandler {
  const threshold = options.thresholdBytes ?? 1024;
  return async (c, next) => {
    rememberBodies(c);
    await next();
    const res = c.res;
    const type = res.headers.get("Content-Type");
    if (
      c.req.method === "HEAD" ||
      res.status === 204 ||
      res.status === 206 ||
      res.status === 304 ||
      res.headers.has("Content-Encoding") ||
      res.headers.has("Transfer-Encoding") ||
      !type ||
      !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) ||
      /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get("Cache-Control") ?? "")
    ) {
      return;
    }
    const encoding = chooseEncoding(c.req.header("Accept-Encoding"));
    let held = heldBody(res);
    if (held === undefined) {
      // Made some other way (a stream, a Blob): read once, then as for the rest.
      if (res.body === null || encoding === undefined) return;
      held = new Uint8Array(await res.arrayBuffer());
    }
    // Own bytes (not a slice of Buffer's shared pool), for the response cache to keep.
    const bytes = typeof held === "string" ? utf8.encode(held) : held;
    const init = { status: res.status, headers: res.headers };
    if (encoding === undefined || bytes.byteLength < threshold) {
      if (typeof held === "string") replaceResponse(c, heldResponse(bytes, init));
      return;
    }
    const packed = (encoding === "gzip" ? gzipSync : deflateSync)(bytes, { level: zlib.Z_BEST_SPEED });
    res.headers.delete("Content-Length");
    res.headers.set("Content-Encoding", encoding);
    const etag = res.headers.get("ETag");
    if (etag !== null && !etag.startsWith("W/")) res.headers.set("ETag", `W/${etag}`);
    replaceResponse(c, heldResponse(packed, init));
  };
}

/** The encoding a client's Accept-Encoding asks for most, gzip first at equal quality; none for identity. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (acceptEncoding === undefined) return undefined;
  const accepts = parseAccept(acceptEncoding);
  const wildcard = accepts.find((a) => a.type === "*")?.q;
  let best: { encoding: Encoding; q: number } | undefined;
  for (const encoding of ENCODINGS) {
    const q = accepts.find((a) => a.type.toLowerCase() === encoding)?.q ?? wildcard ?? 0;
    if (q > 0 && (best === undefined || q > best.q)) best = { encoding, q };
  }
  return best?.encoding;
}
