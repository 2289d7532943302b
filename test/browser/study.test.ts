import { join } from "node:path";
import { expect, it } from "vitest";
import { describeBrowser, openChromium, SCREENSHOTS, useDemoServer } from "./chromium.js";

describeBrowser("learning paths and comparison in Chromium", () => {
  const demo = useDemoServer();

  it("draws the path tree on a course page and marks the courses taken, kept across pages", async () => {
    const page = await openChromium();
    await page.goto(`${demo.url}/course/BIOENG-399`);
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
    await page.goto(`${demo.url}/course/BIOENG-399?lang=fr`);
    expect(await path.locator("h2").textContent()).toBe("Parcours d'apprentissage");
    expect(await path.locator("svg a.taken").count()).toBe(1);
    expect(await page.locator("#sec-taken").textContent()).toMatch(/sont couverts par BIO-479/);
    await page.locator("#sec-path").screenshot({ path: join(SCREENSHOTS, "path-course-fr.png") });
  });

  it("says a concept's path starts from the courses closest to it, not that they teach it", async () => {
    const page = await openChromium();
    await page.goto(`${demo.url}/concept/T_cell`);
    const steps = await page.locator("#sec-path ol.steps > li").allTextContents();
    expect(steps.some((s) => /close to T cell/.test(s))).toBe(true);
    expect(steps.some((s) => /teaches/.test(s))).toBe(false);
  });

  it("compares courses side by side from the taken courses' link, in both languages", async () => {
    const page = await openChromium();
    await page.goto(`${demo.url}/course/BIO-310?taken=BIO-479,BIOENG-399&lang=en`);
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
    await page.goto(`${demo.url}/compare?courses=BIO-310,BIO-479&lang=fr`);
    expect(await page.locator("h1").textContent()).toBe("Comparer des cours");
    await page.screenshot({ path: join(SCREENSHOTS, "compare-fr.png"), fullPage: true });
  });

  it("fits a phone's width: the tree and the table scroll inside their boxes", async () => {
    const page = await openChromium({ width: 390, height: 844 });
    for (const path of ["/course/BIOENG-399?taken=BIO-479", "/compare?courses=BIO-310,BIO-479,BIOENG-399"]) {
      await page.goto(`${demo.url}${path}`);
      const overflow = await page.evaluate<number>(
        "document.documentElement.scrollWidth - window.innerWidth",
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.screenshot({ path: join(SCREENSHOTS, "compare-phone.png"), fullPage: true });
  });
});
