/**
 * ETags for GET responses, hashed with Node's synchronous SHA-1: Hono's etag middleware hashes with WebCrypto,
 * whose per-call cost (~250 µs) was most of the time of a neighbourhood request.
 */
import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { heldBody, rememberBodies, replaceResponse } from "./body-text.js";

/**
 * Sets a weak ETag on successful GET responses and answers 304 when the client already has that version.
 * Bodies are tagged from the text or bytes the handler made them from (see `rememberBodies`): reading a response's
 * body back builds a WHATWG stream, which cost a tenth of an autocomplete request. Other bodies are read back.
 */
export function fastEtag(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== "GET") return next();
    rememberBodies(c);
    await next();
    if (c.res.status !== 200 || c.res.headers.has("ETag")) return;
    const text = heldBody(c.res) ?? new Uint8Array(await c.res.clone().arrayBuffer());
    const tag = `W/"${createHash("sha1").update(text).digest("base64url")}"`;
    // Set in place: assigning `c.res` again would rebuild the response from its body stream.
    c.res.headers.set("ETag", tag);
    const match = c.req
      .header("If-None-Match")
      ?.split(",")
      .some((t) => t.trim() === tag);
    if (match) replaceResponse(c, new Response(null, { status: 304, headers: c.res.headers }));
  };
}
