/**
 * The study aids in Debian's Chromium on the demo corpus: the learning-path tree on a course page, the taken
 * courses kept in a cookie, and the comparison page, in English and French. Screenshots go to
 * test-results/screenshots/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
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

describeBrowser("learning paths and comparison in Chromium", () => {
  let store: Store;
  let server: Served | undefined;

  beforeAll(async () => {
    store = await openDemoStore();
    await buildGraph(store);
    await buildSearchIndex(store);
    server = await serveApp(createHttpApp(store, { logError: () => undefined }));
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await closeChromium();
    await server?.close();
    await store?.close();
  });

  it("draws the path tree on a course page and marks the courses taken, kept across pages", async () => {
    const page = await openChromium();
    await page.goto(`${server?.url}/course/BIOENG-399`);
    const path = page.locator("#sec-path");
    expect(await path.locator("h2").textContent()).toBe("Learning path");
    expect(await path.locator("svg a").count()).toBe(3);
    expect(await path.locator("ol.steps > li").allTextContents()).toEqual([
      expect.stringMatching(/^BIO-479 Immunology and immunotherapy required by BIOENG-399/),
      expect.stringMatching(/^BIO-999 not in the corpus required by BIOENG-399/),
      expect.stringMatching(/^BIOENG-399 .* this course/),
    ]);
    await page.locator("#taken-input").fill("BIO-479");
    await Promise.all([page.waitForURL(/taken=BIO-479/), page.locator("#taken-input").press("Enter")]);
    expect(await path.locator("svg a.taken").count()).toBe(1);
    expect(await page.locator("#sec-taken").textContent()).toMatch(/are covered by BIO-479/);
    await path.screenshot({ path: join(SCREENSHOTS, "path-course-en.png") });
    await page.screenshot({ path: join(SCREENSHOTS, "taken-course-en.png"), fullPage: true });

    // The cookie keeps the taken courses: the page in French, without the parameter, still marks them.
    await page.goto(`${server?.url}/course/BIOENG-399?lang=fr`);
    expect(await path.locator("h2").textContent()).toBe("Parcours d'apprentissage");
    expect(await path.locator("svg a.taken").count()).toBe(1);
    expect(await page.locator("#sec-taken").textContent()).toMatch(/sont couverts par BIO-479/);
    await page.locator("#sec-path").screenshot({ path: join(SCREENSHOTS, "path-course-fr.png") });
  });

  it("compares courses side by side from the taken courses' link, in both languages", async () => {
    const page = await openChromium();
    await page.goto(`${server?.url}/course/BIO-310?taken=BIO-479,BIOENG-399&lang=en`);
    await Promise.all([
      page.waitForURL(/\/compare\?/),
      page.locator("#sec-taken a[href^='/compare']").click(),
    ]);
    const heads = page.locator("table.compare thead th .code");
    expect(await heads.allTextContents()).toEqual(["BIO-310", "BIO-479", "BIOENG-399"]);
    const groups = await page.locator("table.compare .group th").allTextContents();
    expect(groups[0]).toMatch(/^Shared by all \(\d+\)$/);
    expect(groups.slice(2)).toEqual([
      expect.stringMatching(/^Only in BIO-310/),
      expect.stringMatching(/^Only in BIO-479/),
      expect.stringMatching(/^Only in BIOENG-399/),
    ]);
    await page.screenshot({ path: join(SCREENSHOTS, "compare-en.png"), fullPage: true });
    await page.goto(`${server?.url}/compare?courses=BIO-310,BIO-479&lang=fr`);
    expect(await page.locator("h1").textContent()).toBe("Comparer des cours");
    await page.screenshot({ path: join(SCREENSHOTS, "compare-fr.png"), fullPage: true });
  });

  it("fits a phone's width: the tree and the table scroll inside their boxes", async () => {
    const page = await openChromium({ width: 390, height: 844 });
    for (const path of ["/course/BIOENG-399?taken=BIO-479", "/compare?courses=BIO-310,BIO-479,BIOENG-399"]) {
      await page.goto(`${server?.url}${path}`);
      const overflow = await page.evaluate<number>(
        "document.documentElement.scrollWidth - window.innerWidth",
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.screenshot({ path: join(SCREENSHOTS, "compare-phone.png"), fullPage: true });
  });
});
