/**
 * The composition root of serving: the JSON API (`http/`), the pages (`web/`) and the chat page over one Store,
 * with one error shape, compression, ETags and cache headers.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { inProcessDetection, type TextDetection } from "../app/detect-text.js";
import { cachedSearches, searchDataVersion } from "../app/search-cache.js";
import type { LlmConfig } from "../chat/llm-chat.js";
import { CampusGraphError } from "../core/errors.js";
import { registerApiRoutes } from "../http/api-routes.js";
import { API_LIMITS } from "../http/api-schemas.js";
import { corsForReads } from "../http/cors.js";
import { clientAddress, registerCurationRoutes } from "../http/curation-routes.js";
import { CURATION_LIMITS } from "../http/curation-schemas.js";
import { toErrorResponse } from "../http/error-response.js";
import { fastEtag } from "../http/etag.js";
import { inProcessClient } from "../http/in-process-client.js";
import { RateLimiter } from "../http/rate-limit.js";
import { ResponseCache } from "../http/response-cache.js";
import type { Store } from "../store/store.js";
import { registerChatPage } from "../web/chat-page.js";
import { registerCuratePage } from "../web/curate-page.js";
import { renderNotFoundPage } from "../web/layout.js";
import { registerWebRoutes } from "../web/web-routes.js";

/** Options of `createHttpApp`. */
export interface HttpAppOptions {
  /** Where unexpected errors are logged; default console.error. */
  readonly logError?: (error: unknown) => void;
  /** An OpenAI-compatible model for the chat (see `llmConfigFromEnv`); default none: the planner answers. */
  readonly llm?: LlmConfig | undefined;
  /** Origins whose pages may read the GET routes of /api (see `corsOrigins`); default none. */
  readonly corsOrigins?: readonly string[];
  /**
   * Concept detection for /api/detect; default `inProcessDetection` (the dictionary built on the event loop on
   * first use: fine for tests, not for a server, which passes `workerDetection`).
   */
  readonly detection?: TextDetection;
  /** The curators' token (see `curatorToken`); default none: every curation write answers 403. */
  readonly curatorToken?: string | undefined;
  /** Counts readers' reports per address; default 10 a minute. */
  readonly reportLimiter?: RateLimiter;
  /**
   * Where finished responses are kept (see `keptResponses`); default a new one. A Node server passes the one it
   * also asks before the application.
   */
  readonly responses?: ResponseCache;
}

/** The response cache of an application serving `store`: the responses the data version stamps. */
export function keptResponses(store: Store): ResponseCache {
  return new ResponseCache({ version: () => searchDataVersion(store), cacheable: isKeptPath });
}

/** Builds the application serving `store`. */
export function createHttpApp(store: Store, options: HttpAppOptions = {}): OpenAPIHono {
  const logError = options.logError ?? ((error: unknown) => console.error(error));
  const app = new OpenAPIHono({
    // A request that fails its schema answers 400 in the one error shape, naming the parameter.
    defaultHook: (result, c) => {
      if (result.success) return;
      const issue = result.error.issues[0];
      const where = issue?.path.join(".") || "request";
      const { status, body } = toErrorResponse(
        new CampusGraphError("INVALID_ARGUMENT", { problem: `${where}: ${issue?.message ?? "invalid"}` }),
      );
      return c.json(body, status);
    },
  });

  // First: a kept response is already compressed, tagged and has its headers.
  app.use("*", (options.responses ?? keptResponses(store)).middleware());
  app.use("*", compress());
  // Every answer may be compressed, so it varies with Accept-Encoding. Said before the handler, into the headers
  // the response is made with: the compress middleware would add it after, with c.header(), which rebuilds a
  // finished response from its body stream (a tenth of a small JSON request). These headers are also the one
  // object that headers set later on the response in place (ETag, Cache-Control) must go to: @hono/node-server
  // makes a response whose headers were a plain object again from that object when it is compressed.
  app.use("*", async (c, next) => {
    c.header("Vary", "Accept-Encoding");
    await next();
  });
  app.use("/api/*", async (c, next) => {
    await next();
    // A 304 repeats the caching rules of the 200 it stands for (RFC 9110, 15.4.5).
    const cacheable = c.res.status === 200 || c.res.status === 304;
    if (c.req.method === "GET" && cacheable && !c.res.headers.has("Cache-Control")) {
      c.res.headers.set("Cache-Control", c.req.path === "/api/health" ? "no-store" : "public, max-age=60");
    }
  });
  app.use("/api/*", corsForReads(options.corsOrigins ?? []));
  app.use("/api/*", fastEtag());
  // Only requests with a body: looking for one makes the server build a full WHATWG Request for every GET.
  app.on(
    ["POST", "PUT", "PATCH"],
    "/api/*",
    bodyLimit({
      maxSize: API_LIMITS.bodyBytes,
      onError: (c) => {
        const { status, body } = toErrorResponse(
          new CampusGraphError("PAYLOAD_TOO_LARGE", { limit: API_LIMITS.bodyBytes }),
        );
        return c.json(body, status);
      },
    }),
  );

  // One limit per address for the API and the web form alike.
  const reportLimiter =
    options.reportLimiter ?? new RateLimiter({ limit: CURATION_LIMITS.reportsPerMinute, windowMs: 60_000 });
  const curatorToken = options.curatorToken;
  registerCurationRoutes(app, { store, curatorToken, reportLimiter });
  const searches = cachedSearches(store);
  registerApiRoutes(app, {
    store,
    searches,
    llm: options.llm,
    // The chat calls the public API in process: same routes, same validation, never the store.
    client: inProcessClient(app),
    // Rebuilt when an import (here or on another server) changed the data: see app/data-version.ts.
    detection: options.detection ?? inProcessDetection(store),
  });

  registerChatPage(app);
  registerCuratePage(app, { store, curatorToken, reportLimiter, clientAddress });
  registerWebRoutes(app, store, searches);

  app.notFound((c) => {
    // People get a page; programs calling the API get the one error shape.
    if (!c.req.path.startsWith("/api/"))
      return c.html(renderNotFoundPage(c.req.query("lang") === "fr" ? "fr" : "en", c.req.path), 404);
    const { status, body } = toErrorResponse(new CampusGraphError("ROUTE_NOT_FOUND", { path: c.req.path }));
    return c.json(body, status);
  });

  app.onError((error, c) => {
    const { status, body } = toErrorResponse(error);
    if (status >= 500) logError(error);
    return c.json(body, status);
  });

  return app;
}

// Search, autocomplete, records, neighbour lists and record pages: what the data version stamps (see
// `searchDataVersion`). Not the home page (its counts) nor the chat.
const KEPT_PATH =
  /^\/(api\/(search|autocomplete|[a-z][a-z0-9_-]*\/[^/]+(\/neighbours)?)|[a-z][a-z0-9_-]*\/[^/]+)$/;

function isKeptPath(path: string): boolean {
  return KEPT_PATH.test(path) && !path.startsWith("/static/") && !path.startsWith("/api/chat");
}
