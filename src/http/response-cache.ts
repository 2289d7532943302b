/**
 * Finished GET responses kept for the data they were made from: the same URL asked again (a popular concept page,
 * a common search) is answered with the bytes made the first time, already rendered, serialised, tagged and
 * compressed. Kept per data version (`version()`, read before every request): when it changes, everything kept
 * is dropped. A Node server asks the cache before the application (`answer`): a kept response is written
 * without routing, validation or a WHATWG Request and Response.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { MiddlewareHandler } from "hono";
import { LruMap } from "../app/lru-map.js";
import { heldBody, replaceResponse } from "./body-text.js";

declare module "hono" {
  interface ContextVariableMap {
    /**
     * The data version the response cache read for this request (undefined when it kept out of it): what the
     * answer is made from, so that the handler need not read it again.
     */
    dataVersion: string | undefined;
  }
}

/** Options of `ResponseCache`. */
export interface ResponseCacheOptions {
  /** The version of the data responses are made from; a change drops every kept response. */
  readonly version: () => Promise<string>;
  /** Whether a request's response may be kept (by path, without the query); default every GET. */
  readonly cacheable?: (path: string) => boolean;
  /** Bytes of bodies kept, least recently used dropped first; default 64 MiB. */
  readonly capacityBytes?: number;
  /** The largest body kept, in bytes; default 256 KiB. */
  readonly maxBytes?: number;
}

interface KeptResponse {
  /** Headers of the 200, then of the 304: plain objects, which Node writes out as they are. */
  readonly headers: Readonly<Record<string, string>>;
  readonly notModifiedHeaders: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  readonly etag: string;
}

/** The request headers a kept response is told apart by, besides its host and URL. */
interface RequestSide {
  readonly host: string;
  /** Path and query, as the client sent them. */
  readonly target: string;
  readonly acceptEncoding: string | undefined;
  readonly cookie: string | undefined;
  readonly origin: string | undefined;
}

/**
 * The kept responses of one application: `middleware` keeps what the application answers and answers what it
 * kept; `answer` does the latter for a Node request before the application sees it. Only 200 responses to GET
 * without Set-Cookie or `Cache-Control: no-store` are kept, each with an ETag (given when the route set none):
 * a client holding it gets 304. The key is the host and URL with the headers a response may vary with
 * (Accept-Encoding, Cookie, Origin).
 */
export class ResponseCache {
  private readonly kept: LruMap<string, KeptResponse>;
  private readonly maxBytes: number;
  private version: string | undefined;
  /** The version `answer` read for a Node request it left to the application: read once per request. */
  private readonly versionRead = new WeakMap<IncomingMessage, string>();

  constructor(private readonly options: ResponseCacheOptions) {
    // The body and a rough allowance for the key and headers.
    this.kept = new LruMap(
      options.capacityBytes ?? 64 * 1024 * 1024,
      (entry) => entry.body.byteLength + 1_024,
    );
    this.maxBytes = options.maxBytes ?? 256 * 1024;
  }

  /** Hono middleware: answers a kept response, else keeps the application's answer when it may. */
  middleware(): MiddlewareHandler {
    return async (c, next) => {
      if (c.req.method !== "GET" || !this.cacheable(c.req.path)) return next();
      // The Node adapter's request, when `answer` saw it first.
      const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
      const current =
        (incoming === undefined ? undefined : this.versionRead.get(incoming)) ??
        (await this.currentVersion());
      c.set("dataVersion", current);
      const url = c.req.url;
      const key = keyOf({
        host: c.req.header("Host") ?? "",
        // The URL without its scheme and host: what the client sent.
        target: url.slice(url.indexOf("/", url.indexOf("//") + 2)),
        acceptEncoding: c.req.header("Accept-Encoding"),
        cookie: c.req.header("Cookie"),
        origin: c.req.header("Origin"),
      });
      const hit = this.kept.get(key);
      if (hit !== undefined) return replyWith(hit, c.req.header("If-None-Match"));
      await next();
      const res = c.res;
      if (
        res.status !== 200 ||
        res.headers.has("Set-Cookie") ||
        /no-store/.test(res.headers.get("Cache-Control") ?? "")
      )
        return;
      // The bytes the compression made, when it did (see `compressBodies`): reading the body back is a stream.
      const held = heldBody(res);
      const body =
        held === undefined
          ? new Uint8Array(await res.arrayBuffer())
          : typeof held === "string"
            ? new TextEncoder().encode(held)
            : held;
      const entry = keptResponse(res.headers, body);
      if (entry.body.byteLength <= this.maxBytes && this.version === current) this.kept.set(key, entry);
      replaceResponse(c, replyWith(entry, undefined));
    };
  }

  /**
   * Writes the kept response to a Node GET request, or its 304, and resolves true; resolves false, having
   * written nothing, when nothing is kept for it (the application must answer).
   */
  async answer(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const target = request.url ?? "/";
    const query = target.indexOf("?");
    if (request.method !== "GET" || !this.cacheable(query < 0 ? target : target.slice(0, query))) {
      return false;
    }
    const current = await this.currentVersion();
    const headers = request.headers;
    const hit = this.kept.get(
      keyOf({
        host: headers.host ?? "",
        target,
        acceptEncoding: headers["accept-encoding"],
        cookie: headers.cookie,
        origin: headers.origin,
      }),
    );
    if (hit === undefined) {
      this.versionRead.set(request, current);
      return false;
    }
    if (holdsTag(headers["if-none-match"], hit.etag)) {
      response.writeHead(304, hit.notModifiedHeaders);
      response.end();
    } else {
      response.writeHead(200, hit.headers);
      response.end(hit.body);
    }
    return true;
  }

  private cacheable(path: string): boolean {
    return this.options.cacheable?.(path) ?? true;
  }

  /** The data version now, dropping what was kept when it changed. */
  private async currentVersion(): Promise<string> {
    const current = await this.options.version();
    if (current !== this.version) {
      this.kept.clear();
      this.version = current;
    }
    return current;
  }
}

function keyOf(side: RequestSide): string {
  return `${side.host}\u0000${side.target}\u0000${side.acceptEncoding ?? ""}\u0000${side.cookie ?? ""}\u0000${side.origin ?? ""}`;
}

/** Everything a kept response is answered with, computed once. */
function keptResponse(headers: Headers, body: Uint8Array): KeptResponse {
  const etag = headers.get("ETag") ?? `W/"${createHash("sha1").update(body).digest("base64url")}"`;
  const notModifiedHeaders: Record<string, string> = {};
  for (const [name, value] of headers) notModifiedHeaders[name] = value;
  notModifiedHeaders.etag = etag;
  delete notModifiedHeaders["content-length"];
  return {
    headers: { ...notModifiedHeaders, "content-length": String(body.byteLength) },
    notModifiedHeaders,
    body,
    etag,
  };
}

function holdsTag(ifNoneMatch: string | undefined, etag: string): boolean {
  return ifNoneMatch?.split(",").some((tag) => tag.trim() === etag) ?? false;
}

function replyWith(entry: KeptResponse, ifNoneMatch: string | undefined): Response {
  // Copies: the Node adapter may add to the object it is given.
  if (holdsTag(ifNoneMatch, entry.etag)) {
    return new Response(null, { status: 304, headers: { ...entry.notModifiedHeaders } });
  }
  return new Response(entry.body, { status: 200, headers: { ...entry.headers } });
}
