/**
 * The study aids under a course's or a concept's facts: the learning path and, on a course page, the card of the
 * courses the reader has taken.
 */
import { html } from "hono/html";
import { coverConcepts } from "../app/compare-courses.js";
import { loadLearningPath, PATH_TYPES } from "../app/learning-path.js";
import type { Lang } from "../i18n/lang.js";
import type { RecordKey, Store } from "../store/store.js";
import type { Html } from "./layout.js";
import { renderPathSection } from "./path-section.js";
import { renderTakenSection } from "./taken-section.js";

/** The cards for the page of `key` (none for types without a learning path); `taken` are course ids. */
export async function renderStudySections(
  store: Store,
  key: RecordKey,
  taken: readonly string[],
  lang: Lang,
): Promise<Html | undefined> {
  if (!(PATH_TYPES as readonly string[]).includes(key.type)) return undefined;
  const isCourse = key.type === "course";
  const [path, coverage] = await Promise.all([
    loadLearningPath(store, key, { lang }),
    isCourse && taken.length > 0 ? coverConcepts(store, key.id, taken, lang) : undefined,
  ]);
  const takenSet = new Set(taken);
  return html`<div class="grid">${renderPathSection(path, takenSet, lang)}${
    isCourse ? renderTakenSection(key.id, taken, coverage, lang) : ""
  }</div>`;
}
