/**
 * The page of one record: concept pages and entity pages (course, lecture, MOOC, person, unit, publication,
 * category and any other type) share one shape: breadcrumb, name, description, disclaimer, picture, facts,
 * concepts with scores, and the neighbourhood sections.
 */
import { html } from "hono/html";
import { readCategoryTrail, readRecordWithCounts, readRequiredBy } from "../app/read-records.js";
import type { CorpusRecord } from "../core/record.js";
import { curateText } from "../i18n/curate-text.js";
import { type Lang, localText } from "../i18n/lang.js";
import { attributeName, relationName, typeName } from "../i18n/record-labels.js";
import { t } from "../i18n/ui-text.js";
import type { EdgeSummary } from "../store/graph-port.js";
import type { RecordKey, Store } from "../store/store.js";
import { reportHref } from "./curate-views.js";
import { renderPicture } from "./graph-picture.js";
import type { Html } from "./layout.js";
import {
  FIRST_ITEMS,
  loadSection,
  MAX_SECTION_ITEMS,
  renderSection,
  type Section,
} from "./neighbour-section.js";
import { loadSummaries, type RecordSummary, recordHref, sortTypes, summarise } from "./record-links.js";

/** A relation as the facts panel lists it. */
export interface FactGroup {
  readonly label: string;
  readonly targets: readonly RecordSummary[];
}

/** Everything a record page shows. */
export interface RecordPageData {
  readonly record: CorpusRecord;
  readonly summary: RecordSummary;
  readonly description?: { readonly text: string; readonly lang: string };
  readonly crumbs: readonly RecordSummary[];
  readonly facts: readonly FactGroup[];
  /** The record's concepts with scores (entity pages); empty on concept pages, which list them as a section. */
  readonly concepts?: Section;
  readonly sections: readonly Section[];
}

/** Which section to show longer, for "Show more" without JavaScript. */
export interface SectionExpansion {
  readonly type: string;
  readonly count: number;
}

const CRUMB_DEPTH = 8;
const CONCEPT_CHIPS = 15;
const FACT_TARGETS = 40;

/** Reads what the page of `key` shows, or undefined when there is no such record. */
export async function loadRecordPage(
  store: Store,
  key: RecordKey,
  lang: Lang,
  expand?: SectionExpansion,
): Promise<RecordPageData | undefined> {
  const found = await readRecordWithCounts(store, key);
  if (!found) return undefined;
  const { record, counts } = found;
  const isConcept = key.type === "concept";
  const sectionTypes = sortTypes(Object.keys(counts)).filter((type) =>
    isConcept ? type !== "category" : type !== "concept" || key.type === "category",
  );
  const limitOf = (type: string) =>
    expand?.type === type ? Math.max(FIRST_ITEMS, Math.min(expand.count, MAX_SECTION_ITEMS)) : FIRST_ITEMS;
  const [sections, concepts, crumbs, facts] = await Promise.all([
    Promise.all(sectionTypes.map((type) => loadSection(store, key, type, limitOf(type), 0, lang))),
    isConcept || key.type === "category" || !counts.concept
      ? undefined
      : loadSection(store, key, "concept", CONCEPT_CHIPS, 0, lang),
    loadCrumbs(store, record, lang),
    isConcept ? [] : loadFacts(store, record, lang),
  ]);
  const description = localText(record.description, lang) ?? localText(record.text, lang);
  return {
    record,
    summary: summarise(key, record, lang, key.id),
    ...(description ? { description } : {}),
    crumbs,
    facts,
    ...(concepts ? { concepts } : {}),
    sections,
  };
}

// The category path from the root down to the record's category (or, for a category, to its parent).
async function loadCrumbs(store: Store, record: CorpusRecord, lang: Lang): Promise<RecordSummary[]> {
  return loadSummaries(store, await readCategoryTrail(store, record, CRUMB_DEPTH), lang);
}

// The record's own links by relation, and the records that require it (prerequisites both ways).
async function loadFacts(store: Store, record: CorpusRecord, lang: Lang): Promise<FactGroup[]> {
  const key = { type: record.type, id: record.id };
  const groups = new Map<string, RecordKey[]>();
  for (const link of record.links ?? []) {
    const label = relationName(lang, link.rel, "out", link.type);
    const list = groups.get(label) ?? [];
    if (list.length < FACT_TARGETS) list.push({ type: link.type, id: link.id });
    groups.set(label, list);
  }
  const requiredBy = await readRequiredBy(store, key);
  if (requiredBy.length > 0)
    groups.set(relationName(lang, "prerequisite", "in"), requiredBy.slice(0, FACT_TARGETS));
  return Promise.all(
    [...groups].map(async ([label, keys]) => ({ label, targets: await loadSummaries(store, keys, lang) })),
  );
}

/** Renders a record page; `extra` goes after the facts and concepts (the study aids of courses and concepts). */
export function renderRecordPage(data: RecordPageData, lang: Lang, extra?: Html): Html {
  const { summary: s, record } = data;
  const pagePath = recordHref(s);
  // Concepts first (they explain the record), then the best two of each other type, as many as fit.
  const conceptItems = data.concepts?.items ?? data.sections.find((x) => x.type === "concept")?.items ?? [];
  const pictureNodes = [
    ...conceptItems.slice(0, 5),
    ...data.sections.filter((x) => x.type !== "concept").flatMap((section) => section.items.slice(0, 2)),
  ].map((item) => ({ summary: item.summary, score: item.edge.score }));
  return html`${renderCrumbs(data.crumbs, lang)}
<div class="head">
<div>
<span class="badge t-${s.type}">${typeName(lang, s.type, "one")}</span>${s.code ? html` <span class="code t-${s.type}">${s.code}</span>` : ""}
<h1${s.nameLang ? html` lang="${s.nameLang}"` : ""}>${s.name}</h1>
${
  data.description
    ? html`<p class="desc"${data.description.lang !== lang ? html` lang="${data.description.lang}"` : ""}>${data.description.text}</p>`
    : html`<p class="note">${t(lang, "noDescription")}</p>`
}
${renderAttributes(record, lang)}
<aside class="disclaimer" aria-label="${t(lang, "disclaimerTitle")}"><strong>${t(lang, "disclaimerTitle")}</strong>${t(lang, "disclaimer")}</aside>
</div>
${renderPicture(s, pictureNodes, lang)}
</div>
${data.facts.length > 0 || data.concepts ? html`<div class="grid">${renderFacts(data.facts, lang)}${renderConcepts(data.concepts, lang, s)}</div>` : ""}
${extra ?? ""}
${
  data.sections.length > 0
    ? html`<h2 class="section-gap">${t(lang, "neighbourhood")}</h2>
<div class="grid">${data.sections.map((section) => renderSection(section, { lang, pagePath, source: { type: s.type, id: s.id } }))}</div>`
    : ""
}`;
}

function renderCrumbs(crumbs: readonly RecordSummary[], lang: Lang): Html {
  if (crumbs.length === 0) return html``;
  return html`<nav class="crumbs" aria-label="${t(lang, "categories")}"><ol>${crumbs.map(
    (c) => html`<li><a href="${recordHref(c)}">${c.name}</a></li>`,
  )}</ol></nav>`;
}

// Bookkeeping of the corpus (clusters, where a text came from, topic codes) and attributes that repeat a link
// the Facts card already shows (prerequisites).
const HIDDEN_ATTRS = new Set([
  "cluster",
  "sources",
  "source",
  "description_source",
  "text_source",
  "topic",
  "topic_wikipedia",
  "topic_wikipedia_via",
  "prerequisites_required",
  "prerequisites_recommended",
  "leitzahl",
  "wikidata",
  "doi_repository",
]);

function renderAttributes(record: CorpusRecord, lang: Lang): Html {
  const entries = Object.entries(record.attrs ?? {})
    .filter(
      ([name, value]) =>
        !HIDDEN_ATTRS.has(name) && value !== "" && !(Array.isArray(value) && value.length === 0),
    )
    .slice(0, 10);
  if (entries.length === 0) return html``;
  return html`<dl class="attrs" aria-label="${t(lang, "attributes")}">${entries.map(
    ([name, value]) =>
      html`<div><dt>${attributeName(lang, name)}</dt><dd>${attributeValue(name, value)}</dd></div>`,
  )}</dl>`;
}

// A web address or a DOI becomes a link (only http(s), never another scheme); anything else is text.
function attributeValue(name: string, value: unknown): Html | string {
  const text = Array.isArray(value) ? value.join(", ") : String(value);
  const href = name === "doi" && /^10\.\S+$/.test(text) ? `https://doi.org/${text}` : text;
  return /^https?:\/\/\S+$/.test(href) ? html`<a href="${href}" rel="noopener nofollow">${text}</a>` : text;
}

function renderFacts(facts: readonly FactGroup[], lang: Lang): Html {
  if (facts.length === 0) return html``;
  return html`<section class="card" aria-labelledby="h-facts"><h2 id="h-facts">${t(lang, "facts")}</h2>
<dl class="facts">${facts.map(
    (group) =>
      html`<dt>${group.label}</dt><dd><ul>${group.targets.map(
        (target) =>
          html`<li class="t-${target.type}"><a href="${recordHref(target)}">${target.code ? html`<span class="code">${target.code}</span> ` : ""}${target.name}</a></li>`,
      )}</ul></dd>`,
  )}</dl></section>`;
}

/** How the record's concepts were found: detected in its text, drawn from its linked records, or both. */
function conceptsHintOf(
  edges: readonly EdgeSummary[],
): "conceptsHint" | "conceptsHintDerived" | "conceptsHintMixed" {
  const derived = edges.filter((edge) => edge.evidence.derived === true).length;
  if (derived === 0) return "conceptsHint";
  return derived === edges.length ? "conceptsHintDerived" : "conceptsHintMixed";
}

function renderConcepts(concepts: Section | undefined, lang: Lang, source: RecordKey): Html {
  if (!concepts || concepts.items.length === 0) return html``;
  return html`<section class="card t-concept" aria-labelledby="h-concepts"><h2 id="h-concepts">${t(lang, "concepts")} <span class="n">(${concepts.total})</span></h2>
<p class="note">${t(lang, conceptsHintOf(concepts.items.map((item) => item.edge)))}</p>
<ul class="chips">${concepts.items.map(
    ({ summary, edge }) =>
      html`<li><a href="${recordHref(summary)}">${summary.name} <span class="s" aria-label="${t(lang, "score")} ${edge.score.toFixed(2)}">${edge.score.toFixed(2)}</span></a><a class="flag" href="${reportHref(source, summary, lang)}" rel="nofollow" title="${curateText(lang, "reportLink")}" aria-label="${curateText(lang, "reportLink")}: ${summary.name}">⚑</a></li>`,
  )}</ul></section>`;
}
