/**
 * The embeddable widgets in Debian's Chromium: a plain HTML page served from another origin (another port on
 * 127.0.0.1) loads /widgets.js from the Campus Graph server and shows related records, a course's concepts and a
 * search box, styled through ::part; a server that does not allow that origin leaves the widgets with an error
 * message. Also the /widgets demo page in English and French. Screenshots go to test-results/screenshots/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Hono } from "hono";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildGraph } from "../../src/app/build-graph.js";
import { buildSearchIndex } from "../../src/app/build-search-index.js";
import { createHttpApp } from "../../src/server/create-app.js";
import type { Store } from "../../src/store/store.js";
import { openDemoStore } from "../demo-store.js";
import {
  closeChromium,
  describeBrowser,
  openChromium,
  SCREENSHOTS,
  type Served,
  serveApp,
} from "./chromium.js";

// The browser global the tests read, typed here: the project compiles without the DOM library.
interface Styled {
  getComputedStyle(element: unknown): { color: string };
}

// The host page of a university site: no framework, only the script tag, the elements and its own styles.
function hostPage(api: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lab of immunology</title>
<style>body{font-family:Georgia,serif;max-width:40rem;margin:2rem auto}
campus-graph-related,campus-graph-search{--cg-accent:rgb(190, 24, 93);margin:1rem 0}
campus-graph-related::part(heading){font-variant:small-caps}</style>
<script type="module" src="${api}/widgets.js"></script></head><body>
<h1>Lab of immunology</h1><p>Our research on cytokines.</p>
<campus-graph-related id="Interleukin_6" type="concept" related="course" limit="2" lang="fr"></campus-graph-related>
<campus-graph-related type="course" id="BIO-310" related="concept" limit="4"></campus-graph-related>
<campus-graph-search types="course,concept" limit="3"></campus-graph-search>
</body></html>`;
}

describeBrowser("widgets embedded in another site, in Chromium", () => {
  let store: Store;
  const servers: Served[] = [];
  let api: Served;
  let closedApi: Served;
  let site: Served;

  beforeAll(async () => {
    store = await openDemoStore();
    await buildGraph(store);
    await buildSearchIndex(store);
    // The site's origin is only known once it listens: the API allows it by a late-bound list.
    const origins: string[] = [];
    const host = new Hono();
    host.get("/", (c) => c.html(hostPage(c.req.query("api") ?? "")));
    site = await serveApp(host);
    origins.push(site.url);
    api = await serveApp(createHttpApp(store, { corsOrigins: origins, logError: () => undefined }));
    closedApi = await serveApp(createHttpApp(store, { logError: () => undefined }));
    servers.push(site, api, closedApi);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await closeChromium();
    for (const server of servers) await server.close();
    await store?.close();
  });

  it("shows related courses, a course's concepts and search results on another origin's page", async () => {
    const page = await openChromium();
    await page.goto(`${site.url}/?api=${encodeURIComponent(api.url)}`);
    const courses = page.locator("campus-graph-related[type=concept]");
    await expect.poll(() => courses.locator("[part=item]").count()).toBe(2);
    expect(await courses.locator("[part=heading]").textContent()).toMatch(/^Cours associés \(\d+\)$/);
    const total = Number((await courses.locator("[part=heading]").textContent())?.match(/\d+/)?.[0]);
    expect(await courses.locator("[part=link]").first().getAttribute("href")).toMatch(
      new RegExp(`^${api.url}/course/[^?]+\\?lang=fr$`),
    );
    expect(await courses.locator("[part=item]").allTextContents()).toContain(
      "BIO-310Interleukine 6 et signalisation des cytokines",
    );
    // The host page's custom property reaches into the shadow root.
    const colour = await courses
      .locator("[part=link]")
      .first()
      .evaluate((a) => (globalThis as unknown as Styled).getComputedStyle(a).color);
    expect(colour).toBe("rgb(190, 24, 93)");

    await courses.locator("[part=more]").click();
    await expect.poll(() => courses.locator("[part=item]").count()).toBe(Math.min(4, total));

    const concepts = page.locator("campus-graph-related[type=course]");
    await expect.poll(() => concepts.locator("[part=item]").count()).toBe(4);
    expect(await concepts.locator("[part=heading]").textContent()).toMatch(
      /^Concepts of this course \(\d+\)$/,
    );

    const search = page.locator("campus-graph-search");
    await search.locator("[part=input]").fill("interleukin");
    await search.locator("[part=input]").press("Enter");
    await expect.poll(() => search.locator("[part=item]").count()).toBeGreaterThan(0);
    expect(await search.locator("[part=item]").allTextContents()).toContain("Interleukin 6");
    await page.screenshot({ path: join(SCREENSHOTS, "widgets-host-page.png"), fullPage: true });
  });

  it("shows an error, and no data, when the server does not allow the page's origin", async () => {
    const page = await openChromium();
    await page.goto(`${site.url}/?api=${encodeURIComponent(closedApi.url)}`);
    const courses = page.locator("campus-graph-related[type=concept]");
    await expect
      .poll(() => courses.locator("[part=status]").textContent())
      .toBe("Campus Graph est injoignable.");
    expect(await courses.locator("[part=item]").count()).toBe(0);
  });

  it("shows each widget under its tag on the demo page, in English and French", async () => {
    const page = await openChromium();
    for (const lang of ["en", "fr"] as const) {
      await page.goto(`${api.url}/widgets?lang=${lang}`);
      const first = page.locator("campus-graph-related").first();
      // The widget shows the first page of the API's list, whatever the ranking puts there.
      const listed = (await (
        await fetch(`${api.url}/api/concept/Interleukin_6/neighbours?type=course&limit=5`)
      ).json()) as { items: unknown[] };
      expect(listed.items.length).toBeGreaterThan(1);
      await expect.poll(() => first.locator("[part=item]").count()).toBe(listed.items.length);
      expect(await page.locator("pre.tag").first().textContent()).toBe(
        `<script type="module" src="${api.url}/widgets.js"></script>`,
      );
      expect(await page.locator("pre.tag").nth(1).textContent()).toContain(
        `<campus-graph-related type="concept" id="Interleukin_6" related="course" limit="5" lang="${lang}">`,
      );
      await page.screenshot({ path: join(SCREENSHOTS, `widgets-demo-${lang}.png`), fullPage: true });
    }
  });
});
