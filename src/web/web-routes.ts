/**
 * The web UI's routes: home and search (`/`), record pages (`/concept/:id`, `/:type/:id`), the fragment
 * "Show more" fetches (`/:type/:id/neighbours/:ntype`) and the static assets (`/static/…`). Ids are one
 * percent-encoded path segment each. The language comes from `?lang=` (then kept in a cookie), else the
 * cookie, else English.
 */
import type { Context, Env, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { html } from "hono/html";
import { type CourseComparison, compareCourses } from "../app/compare-courses.js";
import { readCounts, readRecord } from "../app/read-records.js";
import { type CachedSearches, cachedSearches } from "../app/search-cache.js";
import { CampusGraphError, isCampusGraphError } from "../core/errors.js";
import { isLang, type Lang } from "../i18n/lang.js";
import { typeName } from "../i18n/record-labels.js";
import { t } from "../i18n/ui-text.js";
import type { Store } from "../store/store.js";
import { findAsset } from "./assets.js";
import { compareTitle, renderComparePage } from "./compare-page.js";
import { type Html, renderLayout } from "./layout.js";
import { loadSection, MAX_SECTION_ITEMS, MORE_ITEMS, renderItems } from "./neighbour-section.js";
import { loadSummaries, recordHref } from "./record-links.js";
import { loadRecordPage, renderRecordPage } from "./record-page.js";
import { PAGE_SIZE, renderHome, renderResults } from "./search-page.js";
import { renderStudySections } from "./study-sections.js";
import { parseTakenCourses, TAKEN_COOKIE } from "./taken-section.js";
import { WIDGET_SCRIPT } from "./widget-script.js";
import { loadWidgetExamples, renderWidgetsPage, widgetsTitle } from "./widgets-page.js";

const TYPE_PATTERN = /^[a-z][a-z0-9_-]*$/;
// First path segments that belong to other parts of the application, never to a record type.
const RESERVED = new Set(["api", "static", "curate"]);
const LANG_COOKIE = "lang";
const YEAR_SECONDS = 31_536_000;
const MAX_PAGE = 100;

/**
 * Registers the web UI's routes on `app` (a Hono app or an OpenAPIHono), reading from `store`; searches go
 * through `searches` (default: a cache of its own over `store`).
 */
export function registerWebRoutes<E extends Env>(
  app: Hono<E>,
  store: Store,
  searches: CachedSearches = cachedSearches(store),
): void {
  app.get("/static/:file", (c) => {
    const asset = findAsset(c.req.path);
    if (!asset) return c.text("Not found", 404);
    c.header("Content-Type", asset.contentType);
    c.header("Cache-Control", `public, max-age=${YEAR_SECONDS}, immutable`);
    return c.body(asset.body);
  });

  app.get("/widgets.js", (c) => {
    // Any page may load the script (a module script is fetched with CORS); what it reads is governed by /api's CORS.
    c.header("Access-Control-Allow-Origin", "*");
    c.header("Content-Type", "text/javascript; charset=utf-8");
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(WIDGET_SCRIPT);
  });

  app.get("/widgets", async (c) => {
    const lang = resolveLang(c);
    const examples = await loadWidgetExamples(store);
    const body = renderWidgetsPage(examples, new URL(c.req.url).origin, lang);
    return page(c, lang, { title: widgetsTitle(lang) }, body);
  });

  app.get("/compare", async (c) => {
    const lang = resolveLang(c);
    const raw = c.req.query("courses");
    const ids = (raw ?? "")
      .split(",")
      .map((id) => id.trim())
      .filter((id) => id !== "");
    let comparison: CourseComparison | undefined;
    let problem: string | undefined;
    if (raw !== undefined) {
      try {
        comparison = await compareCourses(store, ids, lang);
      } catch (error) {
        if (!isCampusGraphError(error, "INVALID_ARGUMENT") && !isCampusGraphError(error, "RECORD_NOT_FOUND"))
          throw error;
        problem = error.message;
      }
    }
    const body = renderComparePage(ids, comparison, problem, lang);
    return page(c, lang, { title: compareTitle(lang) }, body, problem ? 400 : 200);
  });

  app.get("/", async (c) => {
    const lang = resolveLang(c);
    const query = (c.req.query("q") ?? "").trim();
    if (query === "") {
      return page(c, lang, { title: "", hero: true }, renderHome({ counts: await readCounts(store) }, lang));
    }
    const type = c.req.query("type") || undefined;
    const pageNumber = clampInt(c.req.query("page"), 1, MAX_PAGE, 1);
    try {
      const request = { query, lang, ensureIndex: false, limit: PAGE_SIZE };
      // Facets count every type whatever the filter, so the tabs come from the same response.
      const response = await searches.search(
        {
          ...request,
          ...(type ? { types: [type] } : {}),
          offset: Math.min((pageNumber - 1) * PAGE_SIZE, 1_000),
        },
        c.get("dataVersion"),
      );
      const facets = response.facets;
      const summaries = await loadSummaries(store, response.items, lang);
      const partOf = new Map(summaries.map((s) => [recordHref(s), s.partOf]));
      return page(
        c,
        lang,
        { title: query, query },
        renderResults({ query, ...(type ? { type } : {}), page: pageNumber, response, facets, partOf }, lang),
      );
    } catch (error) {
      if (!(error instanceof CampusGraphError) || error.code !== "INVALID_ARGUMENT") throw error;
      const body = html`<h1>${query}</h1><p class="note">${t(lang, "badRequest", { problem: error.message })}</p>`;
      return page(c, lang, { title: query, query }, body, 400);
    }
  });

  app.get("/:type/:id/neighbours/:ntype", async (c, next) => {
    const type = c.req.param("type");
    if (!isRecordType(type)) return next();
    const lang = resolveLang(c, false);
    const key = { type, id: c.req.param("id") };
    if (!(await readRecord(store, key))) return c.text("Not found", 404);
    const offset = clampInt(c.req.query("offset"), 0, MAX_SECTION_ITEMS, 0);
    const section = await loadSection(store, key, c.req.param("ntype"), MORE_ITEMS, offset, lang);
    c.header("Cache-Control", "private, max-age=60");
    return c.html(renderItems(section.items, lang, key));
  });

  app.get("/:type/:id", async (c, next) => {
    const type = c.req.param("type");
    if (!isRecordType(type)) return next();
    const lang = resolveLang(c);
    const id = c.req.param("id");
    const more = c.req.query("more");
    const expand = more
      ? { type: more, count: clampInt(c.req.query("n"), 1, MAX_SECTION_ITEMS, 15) }
      : undefined;
    const data = await loadRecordPage(store, { type, id }, lang, expand);
    if (!data) {
      const body = html`<h1>${t(lang, "notFoundTitle")}</h1>
<p>${t(lang, "notFound", { type: typeName(lang, type, "one").toLowerCase(), id })}</p>
<p><a href="/">${t(lang, "backHome")}</a></p>`;
      return page(c, lang, { title: t(lang, "notFoundTitle") }, body, 404);
    }
    const study = await renderStudySections(
      store,
      { type, id },
      type === "course" ? takenCourses(c) : [],
      lang,
    );
    return page(c, lang, { title: data.summary.name }, renderRecordPage(data, lang, study));
  });
}

/** True when a first path segment can be a record type (and is not reserved for the API or assets). */
function isRecordType(segment: string): boolean {
  return TYPE_PATTERN.test(segment) && !RESERVED.has(segment);
}

// The page's language: ?lang= (remembered in a cookie), else the cookie, else English.
function resolveLang<E extends Env>(c: Context<E>, remember = true): Lang {
  const asked = c.req.query("lang");
  if (isLang(asked)) {
    if (remember) setCookie(c, LANG_COOKIE, asked, { path: "/", maxAge: YEAR_SECONDS, sameSite: "Lax" });
    return asked;
  }
  const kept = getCookie(c, LANG_COOKIE);
  return isLang(kept) ? kept : "en";
}

// The courses the reader has taken: ?taken= (then kept in a cookie, or forgotten when empty), else the cookie.
function takenCourses<E extends Env>(c: Context<E>): string[] {
  const asked = c.req.query("taken");
  if (asked === undefined) return parseTakenCourses(getCookie(c, TAKEN_COOKIE));
  const taken = parseTakenCourses(asked);
  if (taken.length === 0) deleteCookie(c, TAKEN_COOKIE, { path: "/" });
  else setCookie(c, TAKEN_COOKIE, taken.join(","), { path: "/", maxAge: YEAR_SECONDS, sameSite: "Lax" });
  return taken;
}

// Renders `content` in the shell, with a link to the same URL in the other language.
function page<E extends Env>(
  c: Context<E>,
  lang: Lang,
  options: { readonly title: string; readonly query?: string; readonly hero?: boolean },
  content: Html,
  status: 200 | 400 | 404 = 200,
) {
  const url = new URL(c.req.url);
  url.searchParams.set("lang", lang === "en" ? "fr" : "en");
  c.header("Cache-Control", "private, no-cache");
  c.header("Vary", "Cookie", { append: true });
  return c.html(
    renderLayout({ lang, switchHref: `${url.pathname}${url.search}`, ...options }, content),
    status,
  );
}

function clampInt(raw: string | undefined, min: number, max: number, fallback: number): number {
  const n = raw === undefined ? Number.NaN : Number.parseInt(raw, 10);
  return Number.isFinite(n) ? Math.max(min, Math.min(max, n)) : fallback;
}
