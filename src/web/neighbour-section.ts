/**
 * The neighbourhood sections of a page ("Related courses (6)"): the first items with code, name, a one-line
 * excerpt and why they are related, and a "Show more" link that works without JavaScript (a page with more
 * items) and, with it, appends the next items fetched as a fragment.
 */
import { html } from "hono/html";
import { readNeighbours } from "../app/read-records.js";
import { variantIds } from "../graph/record-variants.js";
import { curateText } from "../i18n/curate-text.js";
import type { Lang } from "../i18n/lang.js";
import { relationName, typeName } from "../i18n/record-labels.js";
import { t } from "../i18n/ui-text.js";
import type { EdgeSummary, Neighbour, RecordKey, Store } from "../store/store.js";
import { reportHref } from "./curate-views.js";
import type { Html } from "./layout.js";
import { idLabel, loadSummaries, type RecordSummary, recordHref } from "./record-links.js";

/** Items a section shows before "Show more". */
export const FIRST_ITEMS = 5;
/** Items each "Show more" adds. */
export const MORE_ITEMS = 10;
/** The most items a section shows on one page without JavaScript. */
export const MAX_SECTION_ITEMS = 200;

/** A neighbour with its record's summary. */
export interface SectionItem {
  readonly summary: RecordSummary;
  readonly edge: EdgeSummary;
  /** Its variants listed under it (sections of one course, reruns: the edge's `evidence.also`). */
  readonly also?: readonly RecordSummary[];
}

/** One section's data. */
export interface Section {
  readonly type: string;
  readonly total: number;
  readonly items: readonly SectionItem[];
}

/** Reads `limit` neighbours of `key` of type `type` from `offset`, with their summaries in `lang`. */
export async function loadSection(
  store: Store,
  key: RecordKey,
  type: string,
  limit: number,
  offset: number,
  lang: Lang,
): Promise<Section> {
  const page = await readNeighbours(store, key, type, limit, offset);
  const alsoIds = page.items.map((n: Neighbour) => variantIds(n.edge.evidence));
  // The items and their variants in one read.
  const summaries = await loadSummaries(
    store,
    [...page.items.map((n: Neighbour) => n.node), ...alsoIds.flat().map((id) => ({ type, id }))],
    lang,
  );
  let next = page.items.length;
  return {
    type,
    total: page.total,
    items: page.items.flatMap((n, i) => {
      const summary = summaries[i];
      const also = (alsoIds[i] ?? []).flatMap(() => summaries[next++] ?? []);
      return summary ? [{ summary, edge: n.edge, ...(also.length > 0 ? { also } : {}) }] : [];
    }),
  };
}

/** Where a section's items come from, for its links. */
export interface SectionContext {
  readonly lang: Lang;
  /** The page's own URL path (the record's page). */
  readonly pagePath: string;
  /** The page's record: each item then links to the form reporting its link as wrong. */
  readonly source?: RecordKey;
}

/** A section as a card: heading with the count, items, and "Show more" when there are more. */
export function renderSection(section: Section, context: SectionContext): Html {
  const { lang, pagePath } = context;
  const listId = `list-${section.type}`;
  const shown = section.items.length;
  const more = shown < section.total && shown < MAX_SECTION_ITEMS;
  const next = Math.min(shown + MORE_ITEMS, MAX_SECTION_ITEMS);
  const type = encodeURIComponent(section.type);
  return html`<section class="card t-${section.type}" id="sec-${section.type}" aria-labelledby="h-${section.type}">
<h2 id="h-${section.type}">${typeName(lang, section.type, "related")} <span class="n">(${section.total})</span></h2>
<ul class="items" id="${listId}">${renderItems(section.items, lang, context.source)}</ul>
${
  more
    ? html`<a class="more" href="${pagePath}?more=${type}&amp;n=${next}#sec-${section.type}" data-more="${pagePath}/neighbours/${type}?lang=${lang}" data-list="${listId}" data-total="${section.total}" aria-controls="${listId}">${t(lang, "showMore")}</a>`
    : ""
}
</section>`;
}

/**
 * The items of a section as `<li>` elements (also the fragment "Show more" fetches); with `source`, each links
 * to the form reporting its link as wrong.
 */
export function renderItems(items: readonly SectionItem[], lang: Lang, source?: RecordKey): Html {
  return html`${items.map(({ summary: s, edge, also }) => {
    return html`<li><a class="name" href="${recordHref(s)}"${s.nameLang ? html` lang="${s.nameLang}"` : ""}>${s.code ? html`<span class="code">${s.code}</span> ` : ""}${s.name}</a>
${renderPartOf(s.partOf, lang)}
${s.excerpt ? html`<p${s.excerptLang ? html` lang="${s.excerptLang}"` : ""}>${s.excerpt}</p>` : ""}
${renderWhy(edge, lang, s.type)}${renderAlso(s, also ?? [], lang, Number(edge.evidence.alsoMore) || 0)}${source ? html` <a class="report" href="${reportHref(source, s, lang)}" rel="nofollow">${curateText(lang, "reportLink")}</a>` : ""}</li>`;
  })}`;
}

/**
 * "also: PHYS-106(b), PHYS-106(c)": the variants of a listed record, each named by what tells it apart (its code,
 * else the course or MOOC it is part of when that differs from the item's, else its id), then "and N more" for the
 * `more` variants not named.
 */
export function renderAlso(
  item: RecordSummary,
  also: readonly RecordSummary[],
  lang: Lang,
  more = 0,
): Html | string {
  if (also.length === 0) return "";
  const label = (v: RecordSummary) =>
    v.code ?? (v.partOf && v.partOf.name !== item.partOf?.name ? v.partOf.name : idLabel(v.id));
  const rest = more > 0 ? ` ${t(lang, "alsoMore", { n: more })}` : "";
  return html`<span class="also">${t(lang, "also")} ${also.map((v, i) => html`${i > 0 ? ", " : ""}<a href="${recordHref(v)}">${label(v)}</a>`)}${rest}</span>`;
}

/** "MOOC: <its name>" for a record that is part of another (a lecture's course or MOOC); nothing otherwise. */
export function renderPartOf(partOf: RecordSummary["partOf"], lang: Lang): Html | string {
  if (!partOf) return "";
  return html` <span class="part-of">${typeName(lang, partOf.type, "one")}: <a href="${recordHref(partOf)}">${partOf.name}</a></span>`;
}

/** Why a neighbour is listed: the relation of a fact, else the score and what the link came through. */
export function renderWhy(edge: EdgeSummary, lang: Lang, type?: string): Html {
  const evidence = edge.evidence;
  if (evidence.fact === true) {
    const direction = evidence.direction === "in" ? "in" : "out";
    return html`<span class="why">${relationName(lang, edge.kind, direction, type)}</span>`;
  }
  let note = "";
  if (edge.kind === "via-concept" && Array.isArray(evidence.via)) {
    const via = evidence.via.flatMap((v) => (typeof v?.id === "string" ? [idLabel(v.id)] : [])).slice(0, 3);
    if (via.length > 0) note = t(lang, "through", { x: via.join(", ") });
    else if (typeof evidence.field === "string") note = t(lang, "field", { x: evidence.field });
  } else if (edge.kind === "semantic" && Array.isArray(evidence.shared)) {
    const shared = evidence.shared.filter((x): x is string => typeof x === "string").slice(0, 3);
    if (shared.length > 0) note = t(lang, "shared", { x: shared.map(idLabel).join(", ") });
    if (evidence.alike !== undefined) note = note === "" ? t(lang, "alike") : `${note}; ${t(lang, "alike")}`;
  } else if (edge.kind === "similar-text") {
    note = t(lang, "alike");
  } else if (edge.kind === "concept" && evidence.keyword === true) {
    note = t(lang, "keyword");
  } else if (edge.kind === "mention") {
    note = t(lang, "named");
  }
  return html`<span class="why">${renderBar(edge.score, lang)}${note}</span>`;
}

/** A score in [0, 1] as a small bar with its value for screen readers. */
export function renderBar(score: number, lang: Lang): Html {
  const percent = Math.round(Math.max(0, Math.min(1, score)) * 100);
  return html`<span class="bar" role="img" aria-label="${t(lang, "score")} ${percent}%"><i style="width:${percent}%"></i></span>`;
}
