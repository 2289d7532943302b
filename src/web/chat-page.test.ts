import { beforeAll, describe, expect, it } from "vitest";
import { openDemoStore } from "../../test/demo-store.js";
import { buildGraph } from "../app/build-graph.js";
import { buildSearchIndex } from "../app/build-search-index.js";
import { createHttpApp } from "../server/create-app.js";

let app: ReturnType<typeof createHttpApp>;
beforeAll(async () => {
  const store = await openDemoStore();
  await buildGraph(store);
  await buildSearchIndex(store);
  app = createHttpApp(store);
});

const ask = (fields: Record<string, string>) =>
  app.request("/chat", {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });

describe("/chat page", () => {
  it("shows a labelled question box and the disclaimer", async () => {
    const page = await (await app.request("/chat")).text();
    expect(page).toMatch(/<label for="question">Your question<\/label>/);
    expect(page).toMatch(/references to explore/);
    expect(page).toMatch(/<form class="ask" method="post" action="\/chat">/);
  });

  it("answers with links to the records and shows the calls it made", async () => {
    const page = await (
      await ask({ question: "Which courses cover T cells?", lang: "en", history: "[]" })
    ).text();
    expect(page).toMatch(/<a href="\/course\/BIO-479">BIO-479 /);
    expect(page).toMatch(/<summary>API calls made \(\d+\)<\/summary>/);
    expect(page).toContain("GET /api/search");
  });

  it("shows the plan it ran, and the record a question asks about as a link first", async () => {
    const page = await (
      await ask({ question: "What is the course CS-433 about?", lang: "en", history: "[]" })
    ).text();
    expect(page).toMatch(
      /<ol start="0"><li><code>record \{&quot;type&quot;:&quot;course&quot;,&quot;id&quot;:&quot;CS-433&quot;\}/,
    );
    expect(page).toMatch(/<p><strong><a href="\/course\/CS-433">Machine learning<\/a><\/strong>: /);
  });

  it("carries the conversation, so a follow-up knows what 'it' is", async () => {
    const first = await (
      await ask({ question: "Which courses cover T cells?", lang: "en", history: "[]" })
    ).text();
    const history =
      /name="history" value="([^"]*)"/.exec(first)?.[1]?.replaceAll("&quot;", '"').replaceAll("&amp;", "&") ??
      "[]";
    const second = await (await ask({ question: "Who teaches it?", lang: "en", history })).text();
    expect(second).toMatch(/href="\/person\//);
    expect(second).toContain("Which courses cover T cells?");
  });

  it("answers in French and escapes what the user typed", async () => {
    const page = await (
      await ask({
        question: "Quels cours parlent de <script>alert(1)</script> ?",
        lang: "fr",
        history: "not json",
      })
    ).text();
    expect(page).toContain('<html lang="fr">');
    expect(page).not.toContain("<script>alert(1)</script>");
    expect(page).toContain("&lt;script&gt;");
  });
});
