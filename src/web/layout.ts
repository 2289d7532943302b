/**
 * The page shell every page shares: head, skip link, header with the logo, the search box and the language
 * switch, the main landmark and the footer.
 */
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Lang } from "../i18n/lang.js";
import { typeName } from "../i18n/record-labels.js";
import { t } from "../i18n/ui-text.js";
import { SCRIPT_ASSET, STYLE_ASSET } from "./assets.js";
import { KNOWN_TYPE_ORDER } from "./record-links.js";

/** Rendered HTML, as hono/html produces it. */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** What the shell needs besides the page's own content. */
export interface LayoutOptions {
  readonly lang: Lang;
  /** The document title, without the site name. */
  readonly title: string;
  /** The same page in the other language (the switch's link). */
  readonly switchHref: string;
  /** The query to show in the header's search box. */
  readonly query?: string;
  /** The home page shows its own large search box instead of the header's. */
  readonly hero?: boolean;
}

/** Wraps `content` in the page shell. */
export function renderLayout(options: LayoutOptions, content: Html): Html {
  const { lang } = options;
  const other: Lang = lang === "en" ? "fr" : "en";
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title ? `${options.title} · Campus Graph` : "Campus Graph"}</title>
<link rel="stylesheet" href="${STYLE_ASSET.path}">
<script src="${SCRIPT_ASSET.path}" defer></script>
</head>
<body>
<a class="skip" href="#main">${t(lang, "skip")}</a>
<header class="top"><div class="top-in">
<a class="logo" href="/">${LOGO}Campus Graph</a>
${options.hero ? "" : renderSearchBox(lang, options.query ?? "", "top")}
<a class="nav-chat" href="/chat?lang=${lang}">${t(lang, "chatLink")}</a>
<a class="lang" href="${options.switchHref}" hreflang="${other}" lang="${other}" aria-label="${t(lang, "switchLabel")}">${t(lang, "switchTo")}</a>
</div></header>
<main id="main" tabindex="-1">
${content}
</main>
<footer>${t(lang, "disclaimer")}</footer>
</body>
</html>`;
}

/** The search form with its autocomplete combobox; `key` keeps ids unique when a page has two. */
export function renderSearchBox(lang: Lang, query: string, key: string): Html {
  const names = Object.fromEntries(KNOWN_TYPE_ORDER.map((type) => [type, typeName(lang, type, "many")]));
  return html`<form class="search" role="search" action="/" method="get">
<label class="vh" for="q-${key}">${t(lang, "searchLabel")}</label>
<input id="q-${key}" name="q" type="search" value="${query}" placeholder="${t(lang, "searchPlaceholder")}" autocomplete="off" spellcheck="false" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="ac-${key}" aria-describedby="hint-${key}">
<span class="vh" id="hint-${key}">${t(lang, "comboHint")}</span>
<div class="ac" id="ac-${key}" role="listbox" aria-label="${t(lang, "suggestions")}" data-types="${JSON.stringify(names)}" hidden></div>
<button type="submit">${t(lang, "searchButton")}</button>
</form>`;
}

const LOGO = html`<svg width="26" height="26" viewBox="0 0 26 26" aria-hidden="true"><g stroke="#94a3b8" stroke-width="1.6"><line x1="13" y1="13" x2="4" y2="6"/><line x1="13" y1="13" x2="22" y2="5"/><line x1="13" y1="13" x2="20" y2="21"/><line x1="13" y1="13" x2="5" y2="20"/></g><circle cx="13" cy="13" r="5" fill="#6d28d9"/><circle cx="4" cy="6" r="3" fill="#1d4ed8"/><circle cx="22" cy="5" r="3" fill="#0f766e"/><circle cx="20" cy="21" r="3" fill="#be185d"/><circle cx="5" cy="20" r="3" fill="#b45309"/></svg>`;

/** The page for an address that has no page, in the shell. */
export function renderNotFoundPage(lang: Lang, path: string): Html {
  return renderLayout(
    { lang, title: t(lang, "pageNotFoundTitle"), switchHref: `${path}?lang=${lang === "en" ? "fr" : "en"}` },
    html`<h1>${t(lang, "pageNotFoundTitle")}</h1><p>${t(lang, "pageNotFound")} <a href="/">${t(lang, "backHome")}</a></p>`,
  );
}
