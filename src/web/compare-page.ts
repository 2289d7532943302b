/**
 * The course comparison page (`/compare?courses=A,B,C`): 2 to 5 courses side by side, their concepts in one
 * table with a score bar per course, grouped into concepts all share, some share, and each course's own.
 */
import { html } from "hono/html";
import type { ComparedConcept, CourseComparison } from "../app/compare-courses.js";
import type { Lang } from "../i18n/lang.js";
import type { Html } from "./layout.js";
import { renderBar } from "./neighbour-section.js";
import { recordHref } from "./record-links.js";

const TEXT = {
  en: {
    title: "Compare courses",
    hint: "2 to 5 course codes, separated by commas.",
    go: "Compare",
    all: "Shared by all ({n})",
    some: "Shared by some ({n})",
    own: "Only in {code} ({n})",
    concept: "Concept",
    none: "None.",
  },
  fr: {
    title: "Comparer des cours",
    hint: "De 2 à 5 codes de cours, séparés par des virgules.",
    go: "Comparer",
    all: "Communs à tous ({n})",
    some: "Communs à certains ({n})",
    own: "Seulement dans {code} ({n})",
    concept: "Concept",
    none: "Aucun.",
  },
} as const;

/** The page's title in `lang`. */
export function compareTitle(lang: Lang): string {
  return TEXT[lang].title;
}

/** The form, then the comparison when there is one, else `problem` (why the courses cannot be compared). */
export function renderComparePage(
  ids: readonly string[],
  comparison: CourseComparison | undefined,
  problem: string | undefined,
  lang: Lang,
): Html {
  const text = TEXT[lang];
  return html`<h1>${text.title}</h1>
<form class="compare-form taken-form" method="get" action="/compare">
<label for="compare-input" class="note">${text.hint}</label>
<div class="row"><input id="compare-input" name="courses" value="${ids.join(", ")}" placeholder="CS-433, EE-559" autocomplete="off" spellcheck="false"><input type="hidden" name="lang" value="${lang}"><button type="submit">${text.go}</button></div>
</form>
${problem ? html`<p class="note" role="alert">${problem}</p>` : ""}
${comparison ? renderTable(comparison, lang) : ""}`;
}

function renderTable(comparison: CourseComparison, lang: Lang): Html {
  const text = TEXT[lang];
  const n = comparison.courses.length;
  const groups: [string, ComparedConcept[]][] = [
    [text.all, comparison.concepts.filter((c) => c.shared === n)],
    // With two courses, a concept is either shared by both or one course's own.
    ...(n > 2
      ? [
          [text.some, comparison.concepts.filter((c) => c.shared > 1 && c.shared < n)] as [
            string,
            ComparedConcept[],
          ],
        ]
      : []),
    ...comparison.courses.map(
      (course, i) =>
        [
          text.own.replace("{code}", course.id),
          comparison.concepts.filter((c) => c.shared === 1 && c.scores[i] !== null),
        ] as [string, ComparedConcept[]],
    ),
  ];
  return html`<div class="compare-wrap"><table class="compare" style="min-width:${10 + 9 * n}rem">
<thead><tr><th scope="col">${text.concept}</th>${comparison.courses.map(
    (course) =>
      html`<th scope="col" class="t-course"><a href="${recordHref(course)}"><span class="code">${course.id}</span><br>${course.name}</a></th>`,
  )}</tr></thead>
${groups.map(
  ([
    title,
    rows,
  ]) => html`<tbody><tr class="group"><th colspan="${n + 1}" scope="rowgroup">${title.replace("{n}", String(rows.length))}</th></tr>
${
  rows.length === 0
    ? html`<tr><td colspan="${n + 1}" class="note">${text.none}</td></tr>`
    : rows.map(
        (row) =>
          html`<tr class="t-concept"><th scope="row"><a href="${recordHref(row.node)}">${row.node.name}</a></th>${row.scores.map(
            (score) =>
              html`<td>${score === null ? html`<span class="vh">–</span>` : html`${renderBar(score, lang)} <span class="s">${score.toFixed(2)}</span>`}</td>`,
          )}</tr>`,
      )
}</tbody>`,
)}
</table></div>`;
}
