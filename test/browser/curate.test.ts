import { join } from "node:path";
import { expect, it } from "vitest";
import { buildGraph } from "../../src/app/build-graph.js";
import { buildSearchIndex } from "../../src/app/build-search-index.js";
import { describeBrowser, openChromium, SCREENSHOTS, useDemoServer } from "./chromium.js";

const TOKEN = "curator-token-0123456789";
const FLAG = 'a.flag[aria-label$=": Interleukin 6"]';

describeBrowser("curation in Chromium", () => {
  const demo = useDemoServer({ curatorToken: TOKEN });

  it("stores a reader's report sent from a course page, and the page stays as it was", async () => {
    const page = await openChromium();
    await page.goto(`${demo.url}/course/BIO-310`);
    await page.click(FLAG);
    await page.fill("textarea[name=why]", "This course does not teach interleukin 6.");
    await page.screenshot({ path: join(SCREENSHOTS, "curate-report-form.png"), fullPage: true });
    await page.click("form.report-form button[type=submit]");
    await expect(page.textContent("main")).resolves.toContain("Thank you");
    expect((await demo.store.curation.listReports(1))[0]?.why).toBe(
      "This course does not teach interleukin 6.",
    );
    await page.goto(`${demo.url}/course/BIO-310`);
    expect(await page.locator(FLAG).count()).toBe(1);
  });

  it("lets a curator log in and hide the link, which is gone from the page after a build", async () => {
    const page = await openChromium();
    await page.goto(`${demo.url}/curate`);
    await page.fill("input[name=token]", TOKEN);
    await page.click("form.card button[type=submit]");
    await expect(page.textContent("main")).resolves.toContain("This course does not teach interleukin 6.");
    await page.screenshot({ path: join(SCREENSHOTS, "curate-list.png"), fullPage: true });
    await page.goto(`${demo.url}/course/BIO-310`);
    await page.click(FLAG);
    await page.fill("input[name=who]", "Ada");
    await page.fill("input#cwhy", "not taught");
    await page.screenshot({ path: join(SCREENSHOTS, "curate-curator-form.png"), fullPage: true });
    await page.click("button[value=hide]");
    await expect(page.textContent("main")).resolves.toMatch(/Correction \d+ stored/);
    await buildGraph(demo.store);
    await buildSearchIndex(demo.store);
    await page.goto(`${demo.url}/course/BIO-310`);
    expect(await page.locator(FLAG).count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, "curate-after-build.png"), fullPage: true });
  });
});
