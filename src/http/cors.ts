/**
 * Cross-origin reads of the API (CORS) for the embeddable widgets: only GET and HEAD requests (and their
 * preflights) under /api, only from the configured origins. Closed by default: with no origin configured, no
 * header is ever added and browsers keep other sites' pages from reading the API.
 */
import type { MiddlewareHandler } from "hono";

const PREFLIGHT_MAX_AGE = "600";

/**
 * Adds `Access-Control-Allow-Origin` to GET and HEAD responses whose `Origin` is in `origins` (`*` allows any),
 * and answers their preflight requests; other methods never get CORS headers.
 */
export function corsForReads(origins: readonly string[]): MiddlewareHandler {
  const any = origins.includes("*");
  const allowed = new Set(origins);
  return async (c, next) => {
    if (origins.length === 0) return next();
    const origin = c.req.header("Origin");
    const method = c.req.method;
    // Whether the header is sent depends on the Origin, so caches must keep one answer per Origin.
    c.header("Vary", "Origin", { append: true });
    const permitted = origin !== undefined && (any || allowed.has(origin));
    if (method === "OPTIONS") {
      const asked = c.req.header("Access-Control-Request-Method");
      if (!permitted || (asked !== "GET" && asked !== "HEAD")) return next();
      c.header("Access-Control-Allow-Origin", any ? "*" : origin);
      c.header("Access-Control-Allow-Methods", "GET, HEAD");
      c.header("Access-Control-Max-Age", PREFLIGHT_MAX_AGE);
      return c.body(null, 204);
    }
    if (permitted && (method === "GET" || method === "HEAD")) {
      c.header("Access-Control-Allow-Origin", any ? "*" : origin);
    }
    return next();
  };
}
