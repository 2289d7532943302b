/**
 * What the browser tests share: Debian's Chromium driven by playwright-core (never a downloaded browser), one
 * throw-away profile per page, servers on 127.0.0.1 with a free port, and the screenshots folder.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe } from "vitest";
import { buildGraph } from "../../src/app/build-graph.js";
import { buildSearchIndex } from "../../src/app/build-search-index.js";
import { createHttpApp, type HttpAppOptions } from "../../src/server/create-app.js";
import type { Store } from "../../src/store/store.js";
import { openDemoStore } from "../demo-store.js";

/** Debian's Chromium. */
export const CHROMIUM = "/usr/bin/chromium";
/** Where the tests save their screenshots. */
export const SCREENSHOTS = join(import.meta.dirname, "..", "..", "test-results", "screenshots");
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const available = existsSync(CHROMIUM);
if (!available && !process.env.CI) {
  console.warn(
    `\n!!! SKIPPING the browser tests: ${CHROMIUM} is missing (apt-get install -y chromium). CI fails here. !!!\n`,
  );
}
/** `describe` where Chromium is installed (and always under CI, which must fail without it), else `describe.skip`. */
export const describeBrowser = available || process.env.CI ? describe : describe.skip;

/** Options of `openChromium`. */
export interface ChromiumOptions {
  /** Default true. */
  readonly javaScript?: boolean;
  /** Viewport width in CSS pixels; default 1280. */
  readonly width?: number;
  /** Viewport height in CSS pixels; default 900. */
  readonly height?: number;
}

const opened: { context: BrowserContext; dir: string }[] = [];

/** A page in a new headless Chromium with its own profile; `closeChromium` closes them all. */
export async function openChromium(options: ChromiumOptions = {}): Promise<Page> {
  const dir = mkdtempSync(join(tmpdir(), "campus-graph-chromium-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: ARGS,
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
  });
  opened.push({ context, dir });
  return context.pages()[0] ?? (await context.newPage());
}

/** Closes every browser `openChromium` opened and removes their profiles. */
export async function closeChromium(): Promise<void> {
  for (const { context, dir } of opened.splice(0)) {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A server listening on 127.0.0.1. */
export interface Served {
  /** Its origin, `http://127.0.0.1:PORT`. */
  readonly url: string;
  close(): Promise<void>;
}

/** Serves a fetch handler (a Hono app) on 127.0.0.1 on a free port. */
export function serveApp(app: {
  fetch: (request: Request) => Response | Promise<Response>;
}): Promise<Served> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/** The demo corpus, with its graph and search index, served for the tests of one describe block. */
export interface DemoServer {
  readonly store: Store;
  readonly url: string;
}

/**
 * Opens the demo store, builds its graph and search index and serves the whole app (with `options`) before the
 * calling describe block's tests; closes Chromium, the server and the store after them.
 */
export function useDemoServer(options: HttpAppOptions = {}): DemoServer {
  const demo: { store?: Store; url?: string; served?: Served } = {};
  beforeAll(async () => {
    const store = await openDemoStore();
    demo.store = store;
    await buildGraph(store);
    await buildSearchIndex(store);
    demo.served = await serveApp(createHttpApp(store, { logError: () => undefined, ...options }));
    demo.url = demo.served.url;
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await closeChromium();
    await demo.served?.close();
    await demo.store?.close();
  });
  return {
    get store() {
      if (!demo.store) throw new Error("the demo server is only there inside its describe block's tests");
      return demo.store;
    },
    get url() {
      return demo.url ?? "";
    },
  };
}
