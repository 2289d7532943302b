/**
 * Drives Debian's Chromium (playwright-core, no downloaded browser) against a real server on the demo corpus:
 * autocomplete by keyboard, the concept page and its sections, "Show more" with and without JavaScript,
 * the French switch; saves screenshots at desktop and phone width to test-results/screenshots/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Hono } from "hono";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildGraph } from "../../src/app/build-graph.js";
import { buildSearchIndex } from "../../src/app/build-search-index.js";
import { autocompleteRecords } from "../../src/app/search-records.js";
import type { Store } from "../../src/store/store.js";
import { registerWebRoutes } from "../../src/web/web-routes.js";
import { openDemoStore } from "../demo-store.js";
import {
  closeChromium,
  describeBrowser,
  openChromium as open,
  type Served,
  SCREENSHOTS as SHOTS,
  serveApp,
} from "./chromium.js";

describeBrowser("web UI in Chromium", () => {
  let store: Store;
  let base = "";
  let server: Served | undefined;

  beforeAll(async () => {
    store = await openDemoStore();
    await buildGraph(store);
    await buildSearchIndex(store);
    const app = new Hono();
    // The JSON endpoint lives in src/http; the test mounts the same use case so that the page can call it.
    app.get("/api/autocomplete", async (c) =>
      c.json(
        await autocompleteRecords(store, {
          query: c.req.query("q") ?? "",
          limit: Number(c.req.query("limit") ?? 8),
          ensureIndex: false,
        }),
      ),
    );
    registerWebRoutes(app, store);
    server = await serveApp(app);
    base = server.url;
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await closeChromium();
    await server?.close();
    await store?.close();
  });

  it("picks an autocomplete entry by keyboard, shows more items and switches to French", async () => {
    const page = await open();
    await page.goto(`${base}/`);
    await page.screenshot({ path: join(SHOTS, "home-desktop.png") });
    const box = page.locator("#q-home");
    await box.click();
    await box.pressSequentially("interl", { delay: 30 });
    await expect.poll(() => box.getAttribute("aria-expanded")).toBe("true");
    await expect.poll(() => page.locator("[role=option]").count()).toBeGreaterThan(1);
    await page.screenshot({ path: join(SHOTS, "autocomplete-desktop.png") });
    await box.press("ArrowDown");
    const active = await box.getAttribute("aria-activedescendant");
    expect(active).toBeTruthy();
    expect(await page.locator(`[id="${active}"]`).getAttribute("aria-selected")).toBe("true");
    expect(await page.locator(`[id="${active}"]`).textContent()).toContain("Interleukin 6");
    await box.press("Escape");
    expect(await box.getAttribute("aria-expanded")).toBe("false");
    await box.press("ArrowDown");
    await expect.poll(() => box.getAttribute("aria-expanded")).toBe("true");
    // The course "Interleukin 6 and cytokine signalling" comes first (courses lead autocomplete): go on to the concept.
    const activeText = async () =>
      page.locator(`[id="${await box.getAttribute("aria-activedescendant")}"]`).textContent();
    await box.press("ArrowDown");
    expect(await activeText()).toContain("Interleukin 6 and cytokine signalling");
    await box.press("ArrowDown");
    expect((await activeText())?.trim()).toBe("Interleukin 6");
    await Promise.all([page.waitForURL(/\/concept\/Interleukin_6$/), box.press("Enter")]);

    await expect(page.locator("h1").textContent()).resolves.toBe("Interleukin 6");
    await expect(page.locator("#h-course").textContent()).resolves.toMatch(/^Related courses \(\d+\)$/);
    const related = await sectionTotal(page, "concept");
    expect(related).toBeGreaterThan(5);
    await page.screenshot({ path: join(SHOTS, "concept-desktop.png"), fullPage: true });

    const concepts = page.locator("#list-concept > li");
    expect(await concepts.count()).toBe(5);
    await page.locator("#sec-concept a.more").click();
    await expect.poll(() => concepts.count()).toBe(Math.min(related, 15));
    expect(page.url()).toBe(`${base}/concept/Interleukin_6`);
    expect(await page.locator("#sec-concept a.more").isHidden()).toBe(related <= 15);

    await Promise.all([page.waitForURL(/lang=fr/), page.locator("a.lang").click()]);
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    await expect(page.locator("#h-course").textContent()).resolves.toMatch(/^Cours associés \(\d+\)$/);
    await page.goto(`${base}/course/BIO-310`);
    await expect(page.locator("h1").textContent()).resolves.toBe(
      "Interleukine 6 et signalisation des cytokines",
    );
    await page.screenshot({ path: join(SHOTS, "course-fr-desktop.png"), fullPage: true });
  });

  it("shows more items without JavaScript", async () => {
    const page = await open({ javaScript: false });
    await page.goto(`${base}/concept/Interleukin_6`);
    const related = await sectionTotal(page, "concept");
    expect(await page.locator("#list-concept > li").count()).toBe(5);
    await Promise.all([page.waitForURL(/more=concept/), page.locator("#sec-concept a.more").click()]);
    expect(await page.locator("#list-concept > li").count()).toBe(Math.min(related, 15));
  });

  it("renders the pages at phone width", async () => {
    const page = await open({ width: 390, height: 844 });
    await page.goto(`${base}/concept/Interleukin_6`);
    await page.screenshot({ path: join(SHOTS, "concept-phone.png"), fullPage: true });
    await page.screenshot({ path: join(SHOTS, "concept-phone-top.png") });
    const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    expect(overflow).toBeLessThanOrEqual(0);
    await page.goto(`${base}/?q=immune`);
    await page.screenshot({ path: join(SHOTS, "search-phone.png") });
    await page.goto(`${base}/course/MSE-100(c)`);
    await page.screenshot({ path: join(SHOTS, "course-phone.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(SHOTS, "search-desktop.png"), fullPage: true });
    await page.goto(`${base}/person/p-anne-dupont`);
    await page.screenshot({ path: join(SHOTS, "person-desktop.png"), fullPage: true });
  });
});

/** The number of items a section's heading announces ("Related concepts (9)"). */
async function sectionTotal(page: Page, type: string): Promise<number> {
  return Number(((await page.locator(`#h-${type} .n`).textContent()) ?? "").replace(/\D/g, ""));
}
