/**
 * The HTTP application: JSON API under /api and server-rendered pages, over one Store.
 */
import { Hono } from "hono";
import { CampusGraphError } from "../core/errors.js";
import type { Store } from "../store/store.js";
import { renderHomePage } from "../web/home-page.js";
import { toErrorResponse } from "./error-response.js";

/** Options of `createHttpApp`. */
export interface HttpAppOptions {
  /** Where unexpected errors are logged; default console.error. */
  readonly logError?: (error: unknown) => void;
}

/** Builds the Hono application serving `store`. */
export function createHttpApp(store: Store, options: HttpAppOptions = {}): Hono {
  const logError = options.logError ?? ((error: unknown) => console.error(error));
  const app = new Hono();

  app.get("/api/health", async (c) => c.json({ status: "ok", counts: await store.countRecords() }));

  app.get("/", async (c) => c.html(renderHomePage({ counts: await store.countRecords() })));

  app.notFound((c) => {
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
