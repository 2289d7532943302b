import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoStore } from "../../test/demo-store.js";
import { buildGraph } from "../app/build-graph.js";
import { buildSearchIndex } from "../app/build-search-index.js";
import type { Store } from "../store/store.js";
import { SCRIPT_ASSET, STYLE_ASSET } from "./assets.js";
import { safeHighlight } from "./search-page.js";
import { registerWebRoutes } from "./web-routes.js";

let store: Store;
let app: Hono;

beforeAll(async () => {
  store = await openDemoStore();
  await store.transaction((writer) =>
    writer.upsertRecords([
      {
        type: "concept",
        id: "<b>x</b>",
        name: { en: "<script>alert(1)</script>" },
        description: { en: 'A "quoted" <img src=x onerror=alert(1)> description' },
      },
    ]),
  );
  await buildGraph(store);
  await buildSearchIndex(store);
  app = new Hono();
  registerWebRoutes(app, store);
});

afterAll(async () => {
  await store.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await app.request(path, { headers });
  return { response, body: await response.text() };
}

function listItems(body: string, type: string): number {
  const list = body.match(new RegExp(`<ul class="items" id="list-${type}">([\\s\\S]*?)</ul>`))?.[1] ?? "";
  return (list.match(/<li>/g) ?? []).length;
}

describe("record pages", () => {
  it.each([
    ["/concept/Interleukin_6", "Interleukin 6"],
    ["/course/BIO-310", "Interleukin 6 and cytokine signalling"],
    ["/lecture/lec-imm-01", "Activation of T cells by antigen-presenting cells"],
    ["/mooc/mooc-immuno-2", "Introduction à l&#39;immunologie"],
    ["/person/p-anne-dupont", "Anne Dupont"],
    ["/unit/epfl-demo-lis", "Laboratory of Immune Signalling"],
    ["/publication/pub-il6-tcell-2021", "IL-6 trans-signalling shifts"],
    ["/category/immunology", "Immunology"],
    ["/startup/AC%2FDC", "AC/DC Analytics"],
  ])("renders %s as an HTML page with its name", async (path, name) => {
    const { response, body } = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(body).toMatch(new RegExp(`<h1[^>]*>${name.replace(/[()]/g, "\\$&")}`));
    expect(body).toContain('<main id="main"');
    expect(body).toContain('class="skip" href="#main"');
  });

  it("shows a concept's description, breadcrumb, disclaimer, picture and sections with counts", async () => {
    const { body } = await get("/concept/Interleukin_6");
    expect(body).toContain("Interleukin 6 (IL-6) is a cytokine");
    expect(body).toMatch(
      /<nav class="crumbs"[^>]*><ol><li><a href="\/category\/life-sciences">Life sciences<\/a><\/li><li><a href="\/category\/immunology">Immunology<\/a>/,
    );
    expect(body).toContain("generated automatically");
    expect(body).toContain("verify the information with official sources");
    expect(body).toMatch(/<svg viewBox="[^"]+" role="group"/);
    for (const [type, heading] of [
      ["course", "Related courses"],
      ["lecture", "Related lectures"],
      ["mooc", "Related MOOCs"],
    ]) {
      const { total } = await store.graph.neighbours(
        { type: "concept", id: "Interleukin_6" },
        type as string,
        1,
        0,
      );
      expect(total).toBeGreaterThan(1);
      expect(body).toContain(`${heading} <span class="n">(${total})</span>`);
    }
    expect(body).toContain('<span class="code">BIO-310</span>');
    expect(listItems(body, "concept")).toBe(5);
    expect(body).toContain('href="/concept/Interleukin_6?more=concept&amp;n=15#sec-concept"');
    expect(body).toMatch(/through (Vaccine|Immune system|T cell)/);
  });

  it("shows each listed lecture with the course or MOOC it is part of", async () => {
    const { body } = await get("/concept/Interleukin_6");
    const lectures = body.match(/<ul class="items" id="list-lecture">([\s\S]*?)<\/ul>/)?.[1] ?? "";
    const items = lectures.split("<li>").slice(1);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item).toMatch(
        /<span class="part-of">(Course|MOOC): <a href="\/(course|mooc)\/[^"]+">[^<]+<\/a><\/span>/,
      );
    }
  });

  it("says so honestly when the corpus has no description", async () => {
    const { body } = await get("/concept/Antibody");
    expect(body).toContain("The corpus has no description of this record yet.");
  });

  it("lists an entity's facts both ways and its concepts with scores", async () => {
    const course = (await get("/course/BIO-310")).body;
    expect(course).toMatch(/<dt>Requires<\/dt><dd><ul><li class="t-course"><a href="\/course\/BIO-479">/);
    expect(course).toMatch(
      /<dt>Taught by<\/dt><dd><ul><li class="t-person"><a href="\/person\/p-anne-dupont">/,
    );
    expect(course).toMatch(/Interleukin 6 <span class="s"[^>]*>0\.\d\d<\/span>/);
    const required = (await get("/course/BIO-479")).body;
    expect(required).toMatch(
      /<dt>Required by<\/dt><dd><ul><li class="t-course"><a href="\/course\/BIO-310">/,
    );
  });

  it("says how an entity's concepts were found, and names a unit's parent a unit, not a category", async () => {
    expect((await get("/course/BIO-310")).body).toContain("as detected in its text");
    const person = (await get("/person/p-anne-dupont")).body;
    expect(person).toContain("drawn from the records linked to it");
    expect(person).not.toContain("as detected in its text");
    const lab = (await get("/unit/epfl-demo-lis")).body;
    expect(lab).toMatch(/<dt>Part of<\/dt><dd><ul><li class="t-unit">/);
    expect(lab).not.toContain("Parent category");
    expect((await get("/category/immunology")).body).toContain("Parent category");
  });

  it("shows more items of a section without JavaScript, and as a fragment", async () => {
    // The page lists 5 related concepts first; the demo graph gives Interleukin 6 more than 5 and fewer than 15.
    const total = Number(
      (await get("/concept/Interleukin_6")).body.match(/id="h-concept">[^<]*<span class="n">\((\d+)\)/)?.[1],
    );
    expect(total).toBeGreaterThan(5);
    expect(total).toBeLessThan(15);
    const page = await get("/concept/Interleukin_6?more=concept&n=15");
    expect(listItems(page.body, "concept")).toBe(total);
    expect(page.body).not.toContain("more=concept&amp;n=25");
    const fragment = await get("/concept/Interleukin_6/neighbours/concept?offset=5&lang=en");
    expect(fragment.response.status).toBe(200);
    expect((fragment.body.match(/<li>/g) ?? []).length).toBe(total - 5);
    expect(fragment.body).not.toContain("<html");
    expect((await get("/concept/Nope/neighbours/lecture?offset=5")).response.status).toBe(404);
  });
});

describe("ids in URLs", () => {
  it("finds ids with parentheses, slashes and accents as one encoded segment", async () => {
    expect((await get("/course/MSE-100(c)")).response.status).toBe(200);
    expect((await get("/course/MSE-100%28c%29")).response.status).toBe(200);
    expect((await get("/startup/AC%2FDC")).response.status).toBe(200);
    expect((await get("/startup/AC/DC")).response.status).not.toBe(200);
    const accent = await get("/concept/Schr%C3%B6dinger_equation");
    expect(accent.response.status).toBe(200);
    expect(accent.body).toContain("Schrödinger");
  });

  it("keeps ids that differ only in case apart", async () => {
    const lower = (await get("/course/ChE-311")).body;
    const upper = (await get("/course/CHE-311")).body;
    const name = (body: string) => body.match(/<h1[^>]*>([^<]*)<\/h1>/)?.[1];
    expect(name(lower)).toBeDefined();
    expect(name(lower)).not.toBe(name(upper));
  });

  it("links to records with encoded ids", async () => {
    const { body } = await get("/person/p-nadia-benali");
    expect(body).toContain('href="/startup/AC%2FDC"');
  });

  it("answers an HTML 404 page for an unknown record or type", async () => {
    for (const path of ["/concept/Nope", "/course/bio-310", "/widget/x"]) {
      const { response, body } = await get(path);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toContain("text/html");
      expect(body).toContain("Not found");
    }
  });

  it("leaves /api paths to the API", async () => {
    expect((await get("/api/nothing")).response.status).toBe(404);
    expect((await get("/api/nothing")).body).not.toContain("<html");
  });

  it("escapes record text everywhere", async () => {
    const { response, body } = await get(`/concept/${encodeURIComponent("<b>x</b>")}`);
    expect(response.status).toBe(200);
    expect(body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(body).not.toContain("<script>alert");
    expect(body).not.toContain("<img src=x");
  });
});

describe("search", () => {
  it("renders the home page with an ARIA combobox", async () => {
    const { body } = await get("/");
    expect(body).toMatch(
      /<input id="q-home"[^>]*role="combobox"[^>]*aria-expanded="false"[^>]*aria-controls="ac-home"/,
    );
    expect(body).toMatch(/id="ac-home" role="listbox"/);
    expect(body).toContain('<label class="vh" for="q-home">');
  });

  it("shows hits with highlights, type tabs with counts and paging", async () => {
    const { body } = await get("/?q=immune");
    expect(body).toMatch(/\d+ results for “immune”/);
    expect(body).toContain("<mark>immune</mark>");
    expect(body).toMatch(/<a href="\/\?q=immune&amp;type=course">Courses \(\d+\)<\/a>/);
    const filtered = await get("/?q=immune&type=course");
    expect(filtered.body).toMatch(/<a href="\/\?q=immune&amp;type=course" aria-current="page">/);
    expect(filtered.body).not.toContain('class="hit t-concept"');
    const many = await get("/?q=cell");
    const total = Number(many.body.match(/(\d+) results for/)?.[1]);
    expect(total).toBeGreaterThan(10);
    expect(many.body).toContain('rel="next"');
    const few = await get("/?q=immune&type=course");
    expect(Number(few.body.match(/(\d+) results for/)?.[1])).toBeLessThanOrEqual(10);
    expect(few.body).not.toContain('rel="next"');
  });

  it("shows a lecture hit with the course it is part of, and other hits without", async () => {
    const { body } = await get("/?q=reinforced%20concrete%20beams&type=lecture");
    const hit = body.match(/<li class="hit t-lecture">[\s\S]*?<\/li>/)?.[0] ?? "";
    expect(hit).toContain("/lecture/lec-civ-01");
    expect(hit).toMatch(
      /<span class="part-of">Course: <a href="\/course\/CIVIL-210">Reinforced concrete structures<\/a>/,
    );
    const courses = await get("/?q=immune&type=course");
    expect(courses.body).toContain('class="hit t-course"');
    expect(courses.body).not.toContain('class="part-of"');
  });

  it("answers 400 with a page for an unknown type filter", async () => {
    const { response, body } = await get("/?q=x&type=bogus");
    expect(response.status).toBe(400);
    expect(body).toContain("unknown type");
  });

  it("trusts only <mark> in highlights", () => {
    expect(String(safeHighlight("a <mark>b</mark> &amp; c"))).toBe("a <mark>b</mark> &amp; c");
    expect(String(safeHighlight("<img src=x><mark>b</mark>"))).toBe(
      "&lt;img src=x&gt;&lt;mark&gt;b&lt;/mark&gt;",
    );
  });
});

describe("languages", () => {
  it("switches to French with ?lang=fr and remembers it in a cookie", async () => {
    const { response, body } = await get("/course/BIO-310?lang=fr");
    expect(body).toContain('<html lang="fr">');
    expect(body).toContain("Interleukine 6 et signalisation des cytokines");
    expect(body).toContain("Séances de cours associées");
    expect(body).toContain('href="/course/BIO-310?lang=en"');
    expect(response.headers.get("set-cookie")).toMatch(/^lang=fr;/);
    const again = await get("/course/BIO-310", { cookie: "lang=fr" });
    expect(again.body).toContain('<html lang="fr">');
    expect((await get("/course/BIO-310")).body).toContain('<html lang="en">');
  });

  it("labels attributes in the page's language, links web addresses and hides the corpus's bookkeeping", async () => {
    await store.transaction((w) =>
      w.upsertRecords([
        {
          type: "lecture",
          id: "lec-attrs",
          name: { en: "A lecture with attributes" },
          attrs: {
            year: 2021,
            url: "https://example.org/video",
            doi: "10.1000/xyz",
            topic: "T123",
            sources: ["injac"],
            bad_link: "javascript:alert(1)",
          },
        },
      ]),
    );
    const fr = (await get("/lecture/lec-attrs?lang=fr")).body;
    expect(fr).toContain("<dt>Année</dt><dd>2021</dd>");
    expect(fr).toContain('<dt>Lien</dt><dd><a href="https://example.org/video" rel="noopener nofollow">');
    expect(fr).toContain('<a href="https://doi.org/10.1000/xyz" rel="noopener nofollow">10.1000/xyz</a>');
    expect(fr).toContain("<dt>bad link</dt><dd>javascript:alert(1)</dd>");
    expect(fr).not.toContain("T123");
    expect(fr).not.toContain("injac");
    expect((await get("/lecture/lec-attrs")).body).toContain("<dt>Year</dt><dd>2021</dd>");
    const course = (await get("/course/BIO-310?lang=fr")).body;
    expect(course).toContain("<dt>Crédits</dt>");
    await store.transaction((w) => w.removeRecord({ type: "lecture", id: "lec-attrs" }));
  });

  it("marks text shown in another language than the page's", async () => {
    const { body } = await get("/concept/Cytokine?lang=fr");
    expect(body).toMatch(/<p class="desc" lang="en">/);
  });
});

describe("assets and size", () => {
  it("serves the style sheet and the script with a content hash and a long cache", async () => {
    for (const asset of [STYLE_ASSET, SCRIPT_ASSET]) {
      expect(asset.path).toMatch(/^\/static\/app\.[0-9a-f]{10}\.(css|js)$/);
      const { response, body } = await get(asset.path);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toContain("immutable");
      expect(body).toBe(asset.body);
    }
    expect((await get("/static/app.0000000000.css")).response.status).toBe(404);
  });

  it.each(["/", "/?q=immune", "/concept/Interleukin_6", "/person/p-anne-dupont", "/category/immunology"])(
    "keeps %s with its CSS and JS under 100 KB",
    async (path) => {
      const { body } = await get(path);
      const bytes =
        Buffer.byteLength(body) + Buffer.byteLength(STYLE_ASSET.body) + Buffer.byteLength(SCRIPT_ASSET.body);
      expect(bytes).toBeLessThan(100_000);
    },
  );
});
