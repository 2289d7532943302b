/**
 * The web UI's routes: home and search (`/`), record pages (`/concept/:id`, `/:type/:id`), the fragment
 * "Show more" fetches (`/:type/:id/neighbours/:ntype`) and the static assets (`/static/…`). Ids are one
 * percent-encoded path segment each. The language comes from `?lang=` (then kept in a cookie), else the
 * cookie, else English.
 */
import type { Context, Env, Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { html } from "hono/html";
import { type CachedSearches, cachedSearches } from "../app/search-cache.js";
import { CampusGraphError } from "../core/errors.js";
import type { Store } from "../store/store.js";
import { findAsset } from "./assets.js";
import { isLang, type Lang, t, typeName } from "./i18n.js";
import { type Html, renderLayout } from "./layout.js";
import { loadSection, MAX_SECTION_ITEMS, MORE_ITEMS, renderItems } from "./neighbour-section.js";
import { loadRecordPage, renderRecordPage } from "./record-page.js";
import { PAGE_SIZE, renderHome, renderResults } from "./search-page.js";

const TYPE_PATTERN = /^[a-z][a-z0-9_-]*$/;
// First path segments that belong to other parts of the application, never to a record type.
const RESERVED = new Set(["api", "static"]);
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

  app.get("/", async (c) => {
    const lang = resolveLang(c);
    const query = (c.req.query("q") ?? "").trim();
    if (query === "") {
      return page(
        c,
        lang,
        { title: "", hero: true },
        renderHome({ counts: await store.countRecords() }, lang),
      );
    }
    const type = c.req.query("type") || undefined;
    const pageNumber = clampInt(c.req.query("page"), 1, MAX_PAGE, 1);
    try {
      const request = { query, lang, ensureIndex: false, limit: PAGE_SIZE };
      // Facets count every type whatever the filter, so the tabs come from the same response.
      const response = await searches.search({
        ...request,
        ...(type ? { types: [type] } : {}),
        offset: Math.min((pageNumber - 1) * PAGE_SIZE, 1_000),
      });
      const facets = response.facets;
      return page(
        c,
        lang,
        { title: query, query },
        renderResults({ query, ...(type ? { type } : {}), page: pageNumber, response, facets }, lang),
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
    if (!(await store.getRecord(key))) return c.text("Not found", 404);
    const offset = clampInt(c.req.query("offset"), 0, MAX_SECTION_ITEMS, 0);
    const section = await loadSection(store, key, c.req.param("ntype"), MORE_ITEMS, offset, lang);
    c.header("Cache-Control", "private, max-age=60");
    return c.html(renderItems(section.items, lang));
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
    return page(c, lang, { title: data.summary.name }, renderRecordPage(data, lang));
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
