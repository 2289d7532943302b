/**
 * The neighbourhood picture: a small server-rendered SVG with the record in the middle and its strongest
 * neighbours around it, one colour per type, each node a link to its page.
 */
import { html } from "hono/html";
import type { Lang } from "../i18n/lang.js";
import { typeName } from "../i18n/record-labels.js";
import { t } from "../i18n/ui-text.js";
import type { Html } from "./layout.js";
import { cutText, type RecordSummary, recordHref, sortTypes } from "./record-links.js";

/** A neighbour to draw, with the strength of its link in [0, 1]. */
export interface PictureNode {
  readonly summary: RecordSummary;
  readonly score: number;
}

const WIDTH = 640;
const HEIGHT = 400;
const CX = WIDTH / 2;
const CY = HEIGHT / 2;
const LABEL_CHARS = 16;
const MAX_NODES = 12;

/** Draws `centre` and `nodes` (the first 12, grouped by type around the ring) as a radial graph with a legend. */
export function renderPicture(centre: RecordSummary, nodes: readonly PictureNode[], lang: Lang): Html {
  const kept = nodes.slice(0, MAX_NODES);
  const drawn = sortTypes(new Set(kept.map((n) => n.summary.type))).flatMap((type) =>
    kept.filter((n) => n.summary.type === type),
  );
  if (drawn.length === 0) return html``;
  const placed = drawn.map((node, i) => {
    // One ring, from the top clockwise, grouped by type; labels point outwards so that they stay apart.
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / drawn.length;
    return {
      node,
      x: CX + Math.cos(angle) * 175,
      y: CY + Math.sin(angle) * 150,
      cos: Math.cos(angle),
    };
  });
  const title = t(lang, "picture", { name: centre.name });
  const legend = sortTypes(new Set([centre.type, ...drawn.map((n) => n.summary.type)]));
  return html`<figure class="map">
<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="group" aria-label="${title}">
<g stroke="#94a3b8" stroke-linecap="round">${placed.map(
    (p) =>
      html`<line x1="${CX}" y1="${CY}" x2="${p.x.toFixed(1)}" y2="${p.y.toFixed(1)}" stroke-width="${(1 + 4 * clamp(p.node.score)).toFixed(1)}" stroke-opacity="${(0.35 + 0.5 * clamp(p.node.score)).toFixed(2)}"/>`,
  )}</g>
${placed.map((p) => {
  const s = p.node.summary;
  const r = 7 + 6 * clamp(p.node.score);
  const anchor = Math.abs(p.cos) < 0.2 ? "middle" : p.cos > 0 ? "start" : "end";
  const dx = anchor === "middle" ? 0 : p.cos > 0 ? r + 5 : -(r + 5);
  const dy = anchor === "middle" ? (p.y < CY ? -(r + 6) : r + 15) : 4;
  return html`<a href="${recordHref(s)}" class="t-${s.type}"><title>${typeName(lang, s.type, "one")}: ${s.name}</title><circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${r.toFixed(1)}"/><text x="${(p.x + dx).toFixed(1)}" y="${(p.y + dy).toFixed(1)}" text-anchor="${anchor}">${cutText(s.code ?? s.name, LABEL_CHARS)}</text></a>`;
})}
<g class="t-${centre.type}"><circle cx="${CX}" cy="${CY}" r="24"/><text x="${CX}" y="${CY + 46}" text-anchor="middle" class="c">${cutText(centre.name, 28)}</text></g>
</svg>
<figcaption>${t(lang, "pictureCaption")}
<span class="legend">${legend.map((type) => html`<span class="badge t-${type}">${typeName(lang, type, "many")}</span> `)}</span></figcaption>
</figure>`;
}

function clamp(score: number): number {
  return Math.max(0, Math.min(1, score));
}
