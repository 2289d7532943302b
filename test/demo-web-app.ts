/**
 * The web pages over the demo corpus with its graph built, for the tests of one describe block: the store is
 * opened before its tests and closed after them.
 */
import { Hono } from "hono";
import { afterAll, beforeAll } from "vitest";
import { buildGraph } from "../src/app/build-graph.js";
import type { Store } from "../src/store/store.js";
import { registerWebRoutes } from "../src/web/web-routes.js";
import { openDemoStore } from "./demo-store.js";

/** A Hono app with the web routes, over a demo store that lives as long as the calling describe block. */
export function useDemoWebApp(): Hono {
  const app = new Hono();
  let store: Store | undefined;
  beforeAll(async () => {
    store = await openDemoStore();
    await buildGraph(store);
    registerWebRoutes(app, store);
  });
  afterAll(async () => {
    await store?.close();
  });
  return app;
}
