/**
 * The learning-path picture: a small server-rendered SVG tree, read from left to right. A course's column is
 * the length of the longest chain of prerequisites before it on the path, so every line, from a course to a
 * course that requires it, goes rightwards and the goal is last; taken courses are drawn filled in green. Each
 * node links to its page.
 */
import { html } from "hono/html";
import type { LearningPathResult } from "../app/learning-path.js";
import type { Lang } from "../i18n/lang.js";
import { typeName } from "../i18n/record-labels.js";
import type { Html } from "./layout.js";
import { cutText, recordHref } from "./record-links.js";

const COLUMN = 150;
const LABEL_WIDTH = 112;
// Narrower, the labels are too small to read: a phone scrolls the picture sideways instead.
const MIN_WIDTH = 560;
const ROW = 34;
const PAD = 22;
const MAX_ROWS = 8;
const LABEL_CHARS = 14;

interface Placed {
  readonly type: string;
  readonly id: string;
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly goal: boolean;
}

/** Draws `path` as a tree, marking the courses in `taken`; the accessible name is `label`. */
export function renderPathPicture(
  path: LearningPathResult,
  taken: ReadonlySet<string>,
  label: string,
  lang: Lang,
): Html {
  const levels = chainLevels(path);
  const last = Math.max(0, ...levels.values());
  // A concept is drawn as one more column on the right, after the courses closest to it (the first of its page).
  const columns = last + (path.target.type === "course" ? 1 : 2);
  const byColumn = new Map<number, Placed[]>();
  const place = (type: string, id: string, name: string, column: number, goal: boolean) => {
    const list = byColumn.get(column) ?? [];
    byColumn.set(column, list);
    if (list.length >= MAX_ROWS) return;
    list.push({ type, id, name, x: PAD + column * COLUMN, y: PAD + list.length * ROW, goal });
  };
  for (const step of path.steps) {
    place("course", step.node.id, step.node.name, levels.get(step.node.id) ?? 0, step.role === "goal");
  }
  if (path.target.type !== "course")
    place(path.target.type, path.target.id, path.target.name, last + 1, true);
  const nodes = new Map([...byColumn.values()].flat().map((p) => [p.id, p]));
  const edges = path.steps.flatMap((step) => {
    const from = nodes.get(step.node.id);
    const targets = step.role === "teaches" ? [path.target.id] : step.requiredBy;
    return from
      ? targets.flatMap((id) => (nodes.get(id) ? [[from, nodes.get(id) as Placed] as const] : []))
      : [];
  });
  const hidden = path.steps.length + (path.target.type === "course" ? 0 : 1) - nodes.size;
  const rows = Math.max(1, ...[...byColumn.values()].map((list) => list.length));
  const width = PAD * 2 + (columns - 1) * COLUMN + LABEL_WIDTH;
  const height = PAD * 2 + (rows - 1) * ROW + (hidden > 0 ? ROW : 0);
  return html`<figure class="map path-map">
<svg viewBox="0 0 ${width} ${height}" style="max-width:${width}px;min-width:${Math.min(width, MIN_WIDTH)}px" role="group" aria-label="${label}">
<g class="edges">${edges.map(([a, b]) => {
    // From the end of the label of the course required, to the circle of the course requiring it.
    const start = Math.min(a.x + LABEL_WIDTH - 4, b.x - 30);
    const middle = (start + b.x) / 2;
    return html`<path d="M${start} ${a.y} C${middle} ${a.y} ${middle} ${b.y} ${b.x - 10} ${b.y}"/>`;
  })}</g>
${[...nodes.values()].map(
  (p) =>
    html`<a href="${recordHref(p)}" class="t-${p.type}${taken.has(p.id) ? " taken" : ""}${p.goal ? " goal" : ""}"><title>${typeName(lang, p.type, "one")}: ${p.type === "course" ? `${p.id} ` : ""}${p.name}</title><circle cx="${p.x}" cy="${p.y}" r="${p.goal ? 10 : 7}"/><text x="${p.x + 14}" y="${p.y + 5}">${cutText(p.type === "course" ? p.id : p.name, LABEL_CHARS)}</text></a>`,
)}
${hidden > 0 ? html`<text class="more-nodes" x="${PAD}" y="${height - PAD / 2}">+${hidden}</text>` : ""}
</svg>
</figure>`;
}

// Each course's column: 0 for a course needing none of the path's courses, else one more than the highest
// column among the courses it requires that come before it on the path (a link set aside for a cycle points forward).
function chainLevels(path: LearningPathResult): Map<string, number> {
  const position = new Map(path.steps.map((s, i) => [s.node.id, i]));
  const levels = new Map<string, number>();
  path.steps.forEach((step, i) => {
    const level = levels.get(step.node.id) ?? 0;
    levels.set(step.node.id, level);
    for (const id of step.requiredBy) {
      if ((position.get(id) ?? -1) > i) levels.set(id, Math.max(levels.get(id) ?? 0, level + 1));
    }
  });
  return levels;
}
