/**
 * The home page and the search results: the search box, type tabs with counts, highlighted snippets and
 * paging.
 */
import { html, raw } from "hono/html";
import type { SearchResponse } from "../app/search-records.js";
import { formatCount, type Lang } from "../i18n/lang.js";
import { typeName } from "../i18n/record-labels.js";
import { t } from "../i18n/ui-text.js";
import { escapeHtml } from "../search/highlight.js";
import { type Html, renderSearchBox } from "./layout.js";
import { renderPartOf } from "./neighbour-section.js";
import { KNOWN_TYPE_ORDER, type RecordSummary, recordHref, sortTypes } from "./record-links.js";

/** Hits per results page. */
export const PAGE_SIZE = 10;

/** What the home page shows when there is no query. */
export interface HomeData {
  readonly counts: Readonly<Record<string, number>>;
}

/** Renders the home page: the large search box and what the graph holds. */
export function renderHome(data: HomeData, lang: Lang): Html {
  const types = sortTypes(Object.keys(data.counts), KNOWN_TYPE_ORDER);
  return html`<div class="hero">
<h1>Campus Graph</h1>
<p>${t(lang, "tagline")}</p>
${renderSearchBox(lang, "", "home")}
</div>
${
  types.length > 0
    ? html`<h2 class="vh">${t(lang, "recordsInGraph")}</h2><ul class="tiles">${types.map(
        (type) =>
          html`<li class="t-${type}"><strong>${formatCount(lang, data.counts[type] ?? 0)}</strong>${typeName(lang, type, "many")}</li>`,
      )}</ul>`
    : ""
}`;
}

/** What a results page shows. */
export interface ResultsData {
  readonly query: string;
  /** The selected type tab, if any. */
  readonly type?: string;
  /** 1-based. */
  readonly page: number;
  readonly response: SearchResponse;
  /** Counts per type over every type (the tabs), from a search without the type filter. */
  readonly facets: Readonly<Record<string, number>>;
  /** What each hit is part of (a lecture's course or MOOC), by `recordHref`, so that same-named lectures differ. */
  readonly partOf?: ReadonlyMap<string, RecordSummary["partOf"]>;
}

/** Renders search results with tabs, snippets and paging. */
export function renderResults(data: ResultsData, lang: Lang): Html {
  const { query, response } = data;
  const all = Object.values(data.facets).reduce((sum, n) => sum + n, 0);
  const href = (type: string | undefined, page: number) => {
    const params = new URLSearchParams({ q: query });
    if (type) params.set("type", type);
    if (page > 1) params.set("page", String(page));
    return `/?${params}`;
  };
  const tabs = [
    { type: undefined, label: t(lang, "all"), n: all },
    ...sortTypes(Object.keys(data.facets), KNOWN_TYPE_ORDER).map((type) => ({
      type,
      label: typeName(lang, type, "many"),
      n: data.facets[type] ?? 0,
    })),
  ];
  const pages = Math.min(Math.ceil(response.total / PAGE_SIZE), 100);
  return html`<h1>${t(lang, response.total === 1 ? "resultOne" : "results", { n: formatCount(lang, response.total), q: query })}</h1>
<nav aria-label="${t(lang, "resultTypes")}"><ul class="tabs">${tabs.map(
    (tab) =>
      html`<li><a href="${href(tab.type, 1)}"${tab.type === data.type ? html` aria-current="page"` : ""}>${tab.label} (${formatCount(lang, tab.n)})</a></li>`,
  )}</ul></nav>
${
  response.items.length === 0
    ? html`<p class="note">${t(lang, "noResults", { q: query })}</p>`
    : html`<ol class="hits">${response.items.map(
        (item) => html`<li class="hit t-${item.type}">
<span class="badge">${typeName(lang, item.type, "one")}</span>${item.type === "course" ? html` <span class="code">${item.id}</span>` : ""}
<h2><a href="${recordHref(item)}">${item.name}</a></h2>${renderPartOf(data.partOf?.get(recordHref(item)), lang)}
<p>${safeHighlight(item.highlight)}</p>
</li>`,
      )}</ol>`
}
${pages > 1 ? renderPager(data.page, pages, (page) => href(data.type, page), lang) : ""}`;
}

function renderPager(page: number, pages: number, href: (page: number) => string, lang: Lang): Html {
  const numbers = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  return html`<nav aria-label="${t(lang, "pagination")}"><ul class="pager">
${page > 1 ? html`<li><a href="${href(page - 1)}" rel="prev">${t(lang, "previous")}</a></li>` : ""}
${numbers.map((n) =>
  n === page
    ? html`<li><span aria-current="page">${n}</span></li>`
    : html`<li><a href="${href(n)}">${n}</a></li>`,
)}
${page < pages ? html`<li><a href="${href(page + 1)}" rel="next">${t(lang, "next")}</a></li>` : ""}
</ul></nav>`;
}

/**
 * The search layer's highlight HTML, trusted only when it is escaped text with nothing but `<mark>` tags;
 * anything else is escaped whole.
 */
export function safeHighlight(highlight: string): ReturnType<typeof raw> {
  const plain = highlight.replace(/<\/?mark>/g, "");
  return raw(/[<>]/.test(plain) ? escapeHtml(highlight) : highlight);
}
