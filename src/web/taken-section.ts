/**
 * "I have taken A, B, C" on a course page: a form for the course codes (kept in the URL, `?taken=`, and in a
 * cookie, no account), and the course's concepts split into those the taken courses already cover and those
 * that are new, with a link to compare the courses side by side.
 */
import { html } from "hono/html";
import {
  COMPARE_LIMITS,
  type ConceptCoverage,
  type CoveredConcept,
  MAX_TAKEN,
} from "../app/compare-courses.js";
import type { Lang } from "../i18n/lang.js";
import type { Html } from "./layout.js";
import { recordHref } from "./record-links.js";

/** The cookie that keeps the taken courses between pages. */
export const TAKEN_COOKIE = "taken";
const CODE = /^[A-Za-z0-9][A-Za-z0-9()_.-]{0,39}$/;
const CHIPS = 24;

const TEXT = {
  en: {
    title: "Courses I have taken",
    hint: "Course codes, separated by commas (kept in this browser only).",
    mark: "Mark",
    covered: "Already covered ({n})",
    fresh: "New to you ({n})",
    summary: "{c} of the {t} concepts of this course are covered by {list}.",
    unknown: "Unknown course codes: {list}.",
    compare: "Compare these courses side by side",
  },
  fr: {
    title: "Cours que j'ai suivis",
    hint: "Codes de cours séparés par des virgules (gardés dans ce navigateur seulement).",
    mark: "Marquer",
    covered: "Déjà vus ({n})",
    fresh: "Nouveaux pour vous ({n})",
    summary: "{c} des {t} concepts de ce cours sont couverts par {list}.",
    unknown: "Codes de cours inconnus : {list}.",
    compare: "Comparer ces cours côte à côte",
  },
} as const;

/** The course codes of a `?taken=` value or the cookie: comma- or space-separated, valid ones, at most 20. */
export function parseTakenCourses(raw: string | undefined): string[] {
  const codes = (raw ?? "").split(/[\s,;]+/).filter((code) => CODE.test(code));
  return [...new Set(codes)].slice(0, MAX_TAKEN);
}

/** Renders the card for the course `courseId`, with `coverage` when courses were given. */
export function renderTakenSection(
  courseId: string,
  taken: readonly string[],
  coverage: ConceptCoverage | undefined,
  lang: Lang,
): Html {
  const text = TEXT[lang];
  const covered = coverage?.concepts.filter((c) => c.coveredBy.length > 0) ?? [];
  const fresh = coverage?.concepts.filter((c) => c.coveredBy.length === 0) ?? [];
  const fill = (template: string, vars: Record<string, string | number>) =>
    template.replace(/\{(\w+)\}/g, (whole, key: string) => String(vars[key] ?? whole));
  const compared = [courseId, ...(coverage?.taken.map((t) => t.id) ?? [])].slice(0, COMPARE_LIMITS.max);
  return html`<section class="card wide t-concept" id="sec-taken" aria-labelledby="h-taken">
<h2 id="h-taken">${text.title}</h2>
<form class="taken-form" method="get" action="${recordHref({ type: "course", id: courseId })}#sec-taken">
<label for="taken-input" class="note">${text.hint}</label>
<div class="row"><input id="taken-input" name="taken" value="${taken.join(", ")}" placeholder="CS-101, MATH-101(a)" autocomplete="off" spellcheck="false"><button type="submit">${text.mark}</button></div>
</form>
${
  coverage && coverage.taken.length > 0
    ? html`<p>${fill(text.summary, { c: covered.length, t: coverage.concepts.length, list: coverage.taken.map((t) => t.id).join(", ") })}</p>
<div class="split"><div><h3>${fill(text.covered, { n: covered.length })}</h3>${renderChips(covered, true)}</div>
<div><h3>${fill(text.fresh, { n: fresh.length })}</h3>${renderChips(fresh, false)}</div></div>
${compared.length >= COMPARE_LIMITS.min ? html`<p><a href="/compare?courses=${compared.map(encodeURIComponent).join(",")}&amp;lang=${lang}">${text.compare}</a></p>` : ""}`
    : ""
}
${coverage && coverage.unknown.length > 0 ? html`<p class="note">${fill(text.unknown, { list: coverage.unknown.join(", ") })}</p>` : ""}
</section>`;
}

function renderChips(concepts: readonly CoveredConcept[], covered: boolean): Html {
  return html`<ul class="chips ${covered ? "covered" : "fresh"}">${concepts
    .slice(0, CHIPS)
    .map(
      (c) =>
        html`<li><a href="${recordHref(c.node)}">${covered ? "✓ " : ""}${c.node.name} <span class="s">${covered ? c.coveredBy.join(", ") : c.score.toFixed(2)}</span></a></li>`,
    )}</ul>`;
}
