/**
 * Finished GET responses kept for the data they were made from: the same URL asked again (a popular concept page,
 * a common search) is answered with the bytes made the first time, already rendered, serialised, tagged and
 * compressed. Kept per data version (`version()`, read before every request): when it changes, everything kept
 * is dropped.
 */
import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { LruMap } from "../app/lru-map.js";

/** Options of `responseCache`. */
export interface ResponseCacheOptions {
  /** The version of the data responses are made from; a change drops every kept response. */
  readonly version: () => Promise<string>;
  /** Whether a request's response may be kept (by path); default every GET. */
  readonly cacheable?: (path: string) => boolean;
  /** Bytes of bodies kept, least recently used dropped first; default 64 MiB. */
  readonly capacityBytes?: number;
  /** The largest body kept, in bytes; default 256 KiB. */
  readonly maxBytes?: number;
}

interface KeptResponse {
  readonly status: number;
  /** A plain object: the Node adapter writes it out as it is, where a `Headers` would be converted per response. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  readonly etag: string;
}

/**
 * Answers a GET seen before on the same data version from memory: 200 with the kept bytes, or 304 when the
 * client holds its ETag (given to every kept response that had none). Only 200 responses without Set-Cookie or
 * `Cache-Control: no-store` are kept; the key is the URL with the headers a response may vary with (Accept-Encoding,
 * Cookie).
 */
export function responseCache(options: ResponseCacheOptions): MiddlewareHandler {
  const kept = new LruMap<string, KeptResponse>(
    options.capacityBytes ?? 64 * 1024 * 1024,
    // The body and a rough allowance for the key and headers.
    (entry) => entry.body.byteLength + 1_024,
  );
  const maxBytes = options.maxBytes ?? 256 * 1024;
  let version: string | undefined;
  return async (c, next) => {
    if (c.req.method !== "GET" || !(options.cacheable?.(c.req.path) ?? true)) return next();
    const current = await options.version();
    if (current !== version) {
      kept.clear();
      version = current;
    }
    const key = [c.req.url, c.req.header("Accept-Encoding") ?? "", c.req.header("Cookie") ?? ""].join(
      "\u0000",
    );
    const hit = kept.get(key);
    if (hit !== undefined) return reply(hit, c.req.header("If-None-Match"));
    await next();
    const res = c.res;
    if (
      res.status !== 200 ||
      res.headers.has("Set-Cookie") ||
      /no-store/.test(res.headers.get("Cache-Control") ?? "")
    )
      return;
    const body = new Uint8Array(await res.arrayBuffer());
    const etag = res.headers.get("ETag") ?? `W/"${createHash("sha1").update(body).digest("base64url")}"`;
    const headers: Record<string, string> = {};
    for (const [name, value] of res.headers) headers[name] = value;
    headers.etag = etag;
    headers["content-length"] = String(body.byteLength);
    const entry: KeptResponse = { status: res.status, headers, body, etag };
    if (body.byteLength <= maxBytes && version === current) kept.set(key, entry);
    c.res = reply(entry, undefined);
  };
}

function reply(entry: KeptResponse, ifNoneMatch: string | undefined): Response {
  // A copy: the adapter may add to the object it is given.
  const headers = { ...entry.headers };
  if (ifNoneMatch?.split(",").some((t) => t.trim() === entry.etag)) {
    delete headers["content-length"];
    return new Response(null, { status: 304, headers });
  }
  return new Response(entry.body, { status: entry.status, headers });
}
