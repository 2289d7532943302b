/**
 * The home page: what the graph holds, per type. (The search box and the pages come with the web UI.)
 */
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

/** What the home page shows. */
export interface HomePageData {
  readonly counts: Readonly<Record<string, number>>;
}

const TYPE_LABELS: Readonly<Record<string, string>> = {
  concept: "Concepts",
  category: "Categories",
  course: "Courses",
  lecture: "Lectures",
  mooc: "MOOCs",
  person: "People",
  unit: "Units",
  publication: "Publications",
};

/** Renders the home page. */
export function renderHomePage(data: HomePageData): HtmlEscapedString | Promise<HtmlEscapedString> {
  const entries = Object.entries(data.counts).sort(([, a], [, b]) => b - a);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Campus Graph</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { max-width: 44rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; }
  h1 { margin-bottom: 0.25rem; }
  table { border-collapse: collapse; margin-top: 1.5rem; }
  td { padding: 0.25rem 1.5rem 0.25rem 0; border-bottom: 1px solid #8884; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; }
</style>
</head>
<body>
<main>
<h1>Campus Graph</h1>
<p>Courses, lectures, MOOCs, people, units and publications, linked by the concepts they are about.</p>
${
  total === 0
    ? html`<p>The graph is empty: import a corpus with <code>campus-graph import &lt;corpus&gt;</code>.</p>`
    : html`<table aria-label="Records per type">
<tbody>
${entries.map(([type, n]) => html`<tr><td>${TYPE_LABELS[type] ?? type}</td><td class="n">${n.toLocaleString("en-US")}</td></tr>`)}
<tr><td><strong>Total</strong></td><td class="n"><strong>${total.toLocaleString("en-US")}</strong></td></tr>
</tbody>
</table>`
}
</main>
</body>
</html>`;
}
