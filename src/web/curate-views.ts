/**
 * The curation pages' HTML: the "report a wrong link" form (with hide and pin for curators), the curators'
 * login, and the list of reports and corrections. Every form posts to /curate with an anti-forgery token.
 */
import { html } from "hono/html";
import type { Correction, CorrectionKey, Report } from "../core/correction.js";
import { type CurateTextKey, curateText } from "../i18n/curate-text.js";
import type { Lang } from "../i18n/lang.js";
import type { Html } from "./layout.js";
import { recordHref } from "./record-links.js";

/** A record named on a curation page: its key and display name. */
export interface NamedKey extends CorrectionKey {
  readonly name: string;
}

/** The link to the report form of the edge `source` → `target`. */
export function reportHref(source: CorrectionKey, target: CorrectionKey, lang: Lang): string {
  const q = new URLSearchParams({
    source_type: source.type,
    source_id: source.id,
    target_type: target.type,
    target_id: target.id,
    lang,
  });
  return `/curate?${q.toString()}`;
}

const hidden = (name: string, value: string) => html`<input type="hidden" name="${name}" value="${value}">`;

function edgeFields(source: CorrectionKey, target: CorrectionKey, csrf: string, lang: Lang): Html {
  return html`${hidden("csrf", csrf)}${hidden("lang", lang)}${hidden("source_type", source.type)}${hidden("source_id", source.id)}${hidden("target_type", target.type)}${hidden("target_id", target.id)}`;
}

/** The report form of one edge, and the curator's hide and pin buttons when `curator`. */
export function renderReportForm(
  edge: { source: NamedKey; target: NamedKey },
  options: { lang: Lang; csrf: string; curator: boolean },
): Html {
  const { source, target } = edge;
  const { lang, csrf } = options;
  const say = (key: CurateTextKey, values?: Record<string, string>) => curateText(lang, key, values);
  const curator = options.curator
    ? html`<form class="card curate" method="post" action="/curate">
<h2>${say("curatorActions")}</h2>${edgeFields(source, target, csrf, lang)}
<label for="who">${say("curatorName")}</label> <input id="who" name="who" required maxlength="100">
<label for="cwhy">${say("why")}</label> <input id="cwhy" name="why" maxlength="1000">
<button type="submit" name="action" value="hide">${say("hide")}</button>
<button type="submit" name="action" value="pin">${say("pin")}</button>
</form>`
    : "";
  return html`<h1>${say("reportTitle")}</h1>
<p>${say("reportIntro", { source: source.name, target: target.name })}</p>
<form class="card report-form" method="post" action="/curate">${edgeFields(source, target, csrf, lang)}${hidden("action", "report")}
<label for="why">${say("why")}</label>
<textarea id="why" name="why" maxlength="1000" rows="3"></textarea>
<button type="submit">${say("send")}</button>
</form>
${curator}
<p><a href="${recordHref(source)}">${say("backToPage")}</a></p>`;
}

/** A short message page body, with a link back to a record page when given. */
export function renderMessage(lang: Lang, message: string, back?: CorrectionKey): Html {
  return html`<h1>${curateText(lang, "curateTitle")}</h1><p class="note" role="status">${message}</p>
${back ? html`<p><a href="${recordHref(back)}">${curateText(lang, "backToPage")}</a></p>` : ""}`;
}

/** The curators' login form, or the note that curation is off. */
export function renderLogin(lang: Lang, csrf: string, enabled: boolean, message?: string): Html {
  const say = (key: CurateTextKey) => curateText(lang, key);
  if (!enabled) return html`<h1>${say("curateTitle")}</h1><p class="note">${say("off")}</p>`;
  return html`<h1>${say("curateTitle")}</h1>
${message ? html`<p class="note" role="alert">${message}</p>` : ""}
<form class="card" method="post" action="/curate">${hidden("csrf", csrf)}${hidden("lang", lang)}${hidden("action", "login")}
<p>${say("loginIntro")}</p>
<label for="token">${say("token")}</label> <input id="token" name="token" type="password" required autocomplete="current-password">
<button type="submit">${say("login")}</button>
</form>`;
}

const keyText = (k: CorrectionKey | undefined) => (k ? `${k.type}/${k.id}` : "");

/** The curators' page: readers' reports, then every correction with a withdraw button for standing ones. */
export function renderCurationList(
  data: { reports: readonly Report[]; corrections: readonly Correction[] },
  options: { lang: Lang; csrf: string },
): Html {
  const { lang, csrf } = options;
  const say = (key: CurateTextKey, values?: Record<string, string>) => curateText(lang, key, values);
  const reports = data.reports.map(
    (r) =>
      html`<li><a href="${recordHref(r.source)}">${keyText(r.source)}</a> → ${keyText(r.target)} <span class="why">${r.at.slice(0, 16).replace("T", " ")}</span>${r.why ? html`<p>${r.why}</p>` : ""}</li>`,
  );
  const corrections = data.corrections.map(
    (c) =>
      html`<li>#${c.id} <b>${c.kind}</b> ${keyText(c.source)} ${c.target ? `→ ${keyText(c.target)}` : ""}${c.value ? ` “${c.value}”` : ""} <span class="why">${c.who}, ${c.at.slice(0, 16).replace("T", " ")}${c.withdrawn ? `, ${say("withdrawn", { who: c.withdrawn.who })}` : ""}</span>${c.why ? html`<p>${c.why}</p>` : ""}
${c.withdrawn ? "" : html`<form method="post" action="/curate">${hidden("csrf", csrf)}${hidden("lang", lang)}${hidden("action", "withdraw")}${hidden("id", String(c.id))}${hidden("who", c.who)}<button type="submit">${say("withdraw")}</button></form>`}</li>`,
  );
  const list = (items: readonly Html[]) =>
    items.length > 0 ? html`<ul class="items">${items}</ul>` : html`<p>${say("none")}</p>`;
  return html`<h1>${say("curateTitle")}</h1>
<form method="post" action="/curate">${hidden("csrf", csrf)}${hidden("lang", lang)}${hidden("action", "logout")}<button type="submit">${say("logout")}</button></form>
<section class="card"><h2>${say("reports")} <span class="n">(${data.reports.length})</span></h2>${list(reports)}</section>
<section class="card"><h2>${say("corrections")} <span class="n">(${data.corrections.length})</span></h2>${list(corrections)}</section>`;
}
