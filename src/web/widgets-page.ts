/**
 * The widgets' demo page (`/widgets`): each embeddable widget live, under the exact tag a university page
 * pastes to show it, with the script tag, the CORS setting and the styling hooks.
 */
import { html, raw } from "hono/html";
import { readFirstRecord, readNeighbours, readRecord } from "../app/read-records.js";
import type { Lang } from "../i18n/lang.js";
import { escapeHtml } from "../search/highlight.js";
import type { RecordKey, Store } from "../store/store.js";
import type { Html } from "./layout.js";

/** The records the examples show: a concept and a course that teaches it. */
export interface WidgetExamples {
  readonly concept: string;
  readonly course?: string;
}

const PREFERRED_CONCEPT = "Interleukin_6";

const TEXT = {
  en: {
    title: "Widgets for your pages",
    intro:
      "Show Campus Graph on any web page (a course catalogue, a lab site, a Moodle page) with one script tag and one element per widget. No framework is needed on your page.",
    script: "Once per page:",
    cors: "The widgets read the public API from the visitor's browser: the server must list your site in CAMPUS_GRAPH_CORS_ORIGINS (comma-separated origins; none by default).",
    style:
      "Style them with CSS custom properties (--cg-accent, --cg-text, --cg-muted, --cg-border, --cg-background, --cg-radius, --cg-font) and ::part(box, heading, list, item, link, code, status, more, form, input, button). Attributes: limit (1–100), offset, lang (en or fr), heading.",
    courses: "Related courses of a concept",
    lectures: "Related lectures of a concept",
    concepts: "Concepts of a course",
    search: "A search box",
  },
  fr: {
    title: "Des widgets pour vos pages",
    intro:
      "Affichez Campus Graph sur n'importe quelle page web (catalogue de cours, site de laboratoire, page Moodle) avec une balise script et un élément par widget. Votre page n'a besoin d'aucun framework.",
    script: "Une fois par page :",
    cors: "Les widgets lisent l'API publique depuis le navigateur du visiteur : le serveur doit lister votre site dans CAMPUS_GRAPH_CORS_ORIGINS (origines séparées par des virgules ; aucune par défaut).",
    style:
      "Stylez-les avec les propriétés CSS (--cg-accent, --cg-text, --cg-muted, --cg-border, --cg-background, --cg-radius, --cg-font) et ::part(box, heading, list, item, link, code, status, more, form, input, button). Attributs : limit (1–100), offset, lang (en ou fr), heading.",
    courses: "Cours associés à un concept",
    lectures: "Séances associées à un concept",
    concepts: "Concepts d'un cours",
    search: "Un champ de recherche",
  },
} as const;

/** The page's title in `lang`. */
export function widgetsTitle(lang: Lang): string {
  return TEXT[lang].title;
}

/** Picks the examples from the data: Interleukin_6 when it exists (else the first concept) and its best course. */
export async function loadWidgetExamples(store: Store): Promise<WidgetExamples | undefined> {
  let concept: RecordKey | undefined = { type: "concept", id: PREFERRED_CONCEPT };
  if (!(await readRecord(store, concept))) concept = await readFirstRecord(store, "concept");
  if (!concept) return undefined;
  const course = (await readNeighbours(store, concept, "course", 1, 0)).items[0]?.node.id;
  return { concept: concept.id, ...(course ? { course } : {}) };
}

/** The demo page; `origin` is the server's own origin, as the tags must name it. */
export function renderWidgetsPage(examples: WidgetExamples | undefined, origin: string, lang: Lang): Html {
  const text = TEXT[lang];
  const script = `<script type="module" src="${origin}/widgets.js"></script>`;
  const related = (type: string, id: string, of: string, limit: number) =>
    tag("campus-graph-related", { type, id, related: of, limit: String(limit), lang });
  const demos: (readonly [string, string])[] = examples
    ? [
        [text.courses, related("concept", examples.concept, "course", 5)],
        [text.lectures, related("concept", examples.concept, "lecture", 3)],
        ...(examples.course
          ? [[text.concepts, related("course", examples.course, "concept", 8)] as const]
          : []),
        [text.search, tag("campus-graph-search", { types: "course,concept", limit: "5", lang })],
      ]
    : [];
  return html`<h1>${text.title}</h1>
<p class="desc">${text.intro}</p>
<p>${text.script}</p>
<pre class="tag"><code>${script}</code></pre>
<p class="note">${text.cors}</p>
<p class="note">${text.style}</p>
<div class="grid">${demos.map(
    ([title, element]) => html`<section class="card"><h2>${title}</h2>
<pre class="tag"><code>${element}</code></pre>
${raw(element)}</section>`,
  )}</div>
<script type="module" src="/widgets.js"></script>`;
}

// An element's tag with its attributes, escaped: shown as text and inserted as HTML.
function tag(name: string, attributes: Readonly<Record<string, string>>): string {
  const list = Object.entries(attributes).map(([key, value]) => ` ${key}="${escapeHtml(value)}"`);
  return `<${name}${list.join("")}></${name}>`;
}
