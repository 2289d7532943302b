/**
 * The "Learning path" card of course and concept pages: the tree picture, then the same path as an ordered list
 * (courses to take first at the top), with the courses the reader has taken marked, and notes on what the path
 * leaves out (deeper prerequisites, a link set aside to break a cycle).
 */
import { html } from "hono/html";
import type { LearningPathResult, LearningStep } from "../app/learning-path.js";
import type { Lang } from "../i18n/lang.js";
import type { Html } from "./layout.js";
import { renderPathPicture } from "./path-picture.js";
import { recordHref } from "./record-links.js";

const TEXT = {
  en: {
    title: "Learning path",
    course:
      "What to know before {name}: take these courses from the top down; each comes after the courses it requires.",
    concept:
      "What to know before {name}: the courses closest to it, each after its prerequisites, from the top down.",
    empty: "The corpus lists no prerequisites for {name}.",
    picture: "Learning path to {name}",
    requiredBy: "required by {list}",
    teaches: "close to {name}",
    goal: "this course",
    taken: "taken",
    missing: "not in the corpus",
    truncated: "Prerequisites further back are left out.",
    cycle: "{a} and {b} require each other: the order sets the link from {a} aside.",
    foundations: "Related concepts met on the way:",
  },
  fr: {
    title: "Parcours d'apprentissage",
    course:
      "Ce qu'il faut savoir avant {name} : suivez ces cours de haut en bas ; chacun vient après les cours qu'il requiert.",
    concept:
      "Ce qu'il faut savoir avant {name} : les cours les plus proches, chacun après ses prérequis, de haut en bas.",
    empty: "Le corpus n'indique aucun prérequis pour {name}.",
    picture: "Parcours d'apprentissage vers {name}",
    requiredBy: "requis pour {list}",
    teaches: "proche de {name}",
    goal: "ce cours",
    taken: "suivi",
    missing: "absent du corpus",
    truncated: "Les prérequis plus lointains sont omis.",
    cycle: "{a} et {b} se requièrent l'un l'autre : l'ordre met de côté le lien depuis {a}.",
    foundations: "Concepts associés rencontrés en chemin :",
  },
} as const;

/** Renders the card for `path`, marking the course ids in `taken`. */
export function renderPathSection(path: LearningPathResult, taken: ReadonlySet<string>, lang: Lang): Html {
  const text = TEXT[lang];
  const name = path.target.name;
  const fill = (template: string, vars: Record<string, string>) =>
    template.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);
  const alone = path.steps.length <= 1 && path.target.type === "course";
  return html`<section class="card wide t-course" id="sec-path" aria-labelledby="h-path">
<h2 id="h-path">${text.title}</h2>
${
  alone || path.steps.length === 0
    ? html`<p class="note">${fill(text.empty, { name })}</p>`
    : html`<p class="note">${fill(path.target.type === "course" ? text.course : text.concept, { name })}</p>
${renderPathPicture(path, taken, fill(text.picture, { name }), lang)}
<ol class="steps">${path.steps.map((step) => renderStep(step, path, taken, lang))}</ol>`
}
${path.truncated ? html`<p class="note">${text.truncated}</p>` : ""}
${path.brokenLinks.map((l) => html`<p class="note">${fill(text.cycle, { a: l.from, b: l.to })}</p>`)}
${
  path.foundations.length > 0
    ? html`<p>${text.foundations}</p><ul class="chips">${path.foundations.map(
        (f) =>
          html`<li class="t-concept"><a href="${recordHref(f.node)}">${f.node.name} <span class="s">${f.coveredBy.join(", ")}</span></a></li>`,
      )}</ul>`
    : ""
}
</section>`;
}

function renderStep(
  step: LearningStep,
  path: LearningPathResult,
  taken: ReadonlySet<string>,
  lang: Lang,
): Html {
  const text = TEXT[lang];
  const why =
    step.role === "goal"
      ? text.goal
      : step.role === "teaches"
        ? text.teaches.replace("{name}", path.target.name)
        : text.requiredBy.replace("{list}", step.requiredBy.join(", "));
  const name = step.inCorpus
    ? html`<a href="${recordHref(step.node)}"><span class="code">${step.node.id}</span> ${step.node.name}</a>`
    : html`<span class="code">${step.node.id}</span> <span class="note">${text.missing}</span>`;
  return html`<li${taken.has(step.node.id) ? html` class="taken"` : ""}>${name} <span class="why-inline">${why}</span>${taken.has(step.node.id) ? html` <span class="badge ok">✓ ${text.taken}</span>` : ""}</li>`;
}
