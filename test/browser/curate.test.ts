/**
 * Drives Chromium against a real server on the demo corpus: a reader reports a wrong link from a course page;
 * a curator logs in, hides that link from the same form, and after a build the course page no longer lists it.
 * Saves screenshots to test-results/screenshots/.
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

const TOKEN = "curator-token-0123456789";
const FLAG = 'a.flag[aria-label$=": Interleukin 6"]';

describeBrowser("curation in Chromium", () => {
  let store: Store;
  let server: Served | undefined;

  beforeAll(async () => {
    store = await openDemoStore();
    await buildGraph(store);
    await buildSearchIndex(store);
    server = await serveApp(createHttpApp(store, { curatorToken: TOKEN, logError: () => undefined }));
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await closeChromium();
    await server?.close();
    await store?.close();
  });

  it("stores a reader's report sent from a course page, and the page stays as it was", async () => {
    const page = await openChromium();
    await page.goto(`${server?.url}/course/BIO-310`);
    await page.click(FLAG);
    await page.fill("textarea[name=why]", "This course does not teach interleukin 6.");
    await page.screenshot({ path: join(SCREENSHOTS, "curate-report-form.png"), fullPage: true });
    await page.click("form.report-form button[type=submit]");
    await expect(page.textContent("main")).resolves.toContain("Thank you");
    expect((await store.curation.listReports(1))[0]?.why).toBe("This course does not teach interleukin 6.");
    await page.goto(`${server?.url}/course/BIO-310`);
    expect(await page.locator(FLAG).count()).toBe(1);
  });

  it("lets a curator log in and hide the link, which is gone from the page after a build", async () => {
    const page = await openChromium();
    await page.goto(`${server?.url}/curate`);
    await page.fill("input[name=token]", TOKEN);
    await page.click("form.card button[type=submit]");
    await expect(page.textContent("main")).resolves.toContain("This course does not teach interleukin 6.");
    await page.screenshot({ path: join(SCREENSHOTS, "curate-list.png"), fullPage: true });
    await page.goto(`${server?.url}/course/BIO-310`);
    await page.click(FLAG);
    await page.fill("input[name=who]", "Ada");
    await page.fill("input#cwhy", "not taught");
    await page.screenshot({ path: join(SCREENSHOTS, "curate-curator-form.png"), fullPage: true });
    await page.click("button[value=hide]");
    await expect(page.textContent("main")).resolves.toMatch(/Correction \d+ stored/);
    await buildGraph(store);
    await buildSearchIndex(store);
    await page.goto(`${server?.url}/course/BIO-310`);
    expect(await page.locator(FLAG).count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, "curate-after-build.png"), fullPage: true });
  });
});
