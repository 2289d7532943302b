/**
 * Courses compared by their concepts: side by side (which concepts 2–5 courses share, which are one course's
 * own, with each link's score), and against the courses a student has taken (which concepts of a course those
 * already cover, which are new).
 */
import { CampusGraphError } from "../core/errors.js";
import { displayName } from "../core/record.js";
import type { NodeSummary, Store } from "../store/store.js";
import { localiseNames } from "./localise-names.js";

/** The fewest and the most courses a comparison takes. */
export const COMPARE_LIMITS = { min: 2, max: 5 } as const;
/** The most taken courses a coverage takes into account. */
export const MAX_TAKEN = 20;
/** The concepts of each course compared: its best ones. */
const CONCEPTS_PER_COURSE = 100;

/** One concept of a comparison, with its score in each course (null where the course lacks it). */
export interface ComparedConcept {
  readonly node: NodeSummary;
  readonly scores: readonly (number | null)[];
  /** How many of the courses have it. */
  readonly shared: number;
}

/** Courses side by side. */
export interface CourseComparison {
  readonly courses: readonly NodeSummary[];
  /** Most shared first, then by the sum of the scores. */
  readonly concepts: readonly ComparedConcept[];
}

/** A concept of a course, and the taken courses that cover it (empty: new). */
export interface CoveredConcept {
  readonly node: NodeSummary;
  readonly score: number;
  readonly coveredBy: readonly string[];
}

/** A course's concepts against the courses a student has taken. */
export interface ConceptCoverage {
  /** The taken courses found, as given (the course itself left out). */
  readonly taken: readonly NodeSummary[];
  /** Ids given that name no course. */
  readonly unknown: readonly string[];
  /** The course's concepts, best first. */
  readonly concepts: readonly CoveredConcept[];
}

/** Compares 2 to 5 courses by concepts; INVALID_ARGUMENT for another count, RECORD_NOT_FOUND for an unknown id. */
export async function compareCourses(
  store: Store,
  ids: readonly string[],
  lang = "en",
): Promise<CourseComparison> {
  const unique = [...new Set(ids)];
  if (unique.length < COMPARE_LIMITS.min || unique.length > COMPARE_LIMITS.max) {
    throw new CampusGraphError("INVALID_ARGUMENT", {
      problem: `courses: give ${COMPARE_LIMITS.min} to ${COMPARE_LIMITS.max} different course ids, not ${unique.length}`,
    });
  }
  const courses = await Promise.all(unique.map((id) => loadCourse(store, id, lang)));
  const lists = await Promise.all(unique.map((id) => courseConcepts(store, id)));
  const rows = new Map<string, { node: NodeSummary; scores: (number | null)[] }>();
  lists.forEach((list, column) => {
    for (const { node, edge } of list) {
      const row = rows.get(node.id) ?? { node, scores: unique.map(() => null) };
      row.scores[column] = edge.score;
      rows.set(node.id, row);
    }
  });
  const concepts = [...rows.values()]
    .map((row) => ({ ...row, shared: row.scores.filter((s) => s !== null).length }))
    .sort((a, b) => b.shared - a.shared || sum(b.scores) - sum(a.scores) || (a.node.id < b.node.id ? -1 : 1));
  const names = await localiseNames(
    store,
    concepts.map((c) => c.node),
    lang,
  );
  return { courses, concepts: concepts.map((c, i) => ({ ...c, node: names[i] ?? c.node })) };
}

/** The concepts of `courseId` (its best 100), each with the taken courses that have it too. */
export async function coverConcepts(
  store: Store,
  courseId: string,
  takenIds: readonly string[],
  lang = "en",
): Promise<ConceptCoverage> {
  const wanted = [...new Set(takenIds)].filter((id) => id !== courseId).slice(0, MAX_TAKEN);
  const records = await Promise.all(wanted.map((id) => store.getRecord({ type: "course", id })));
  const taken = wanted.flatMap((id, i) => {
    const record = records[i];
    return record ? [{ type: "course", id, name: displayName(record, lang) || id }] : [];
  });
  const [own, ...lists] = await Promise.all(
    [courseId, ...taken.map((t) => t.id)].map((id) => courseConcepts(store, id)),
  );
  const sets = lists.map((list) => new Set(list.map((n) => n.node.id)));
  const concepts = (own ?? []).map(({ node, edge }) => ({
    node,
    score: edge.score,
    coveredBy: taken.filter((_, i) => sets[i]?.has(node.id)).map((t) => t.id),
  }));
  const names = await localiseNames(
    store,
    concepts.map((c) => c.node),
    lang,
  );
  return {
    taken,
    unknown: wanted.filter((_, i) => records[i] === undefined),
    concepts: concepts.map((c, i) => ({ ...c, node: names[i] ?? c.node })),
  };
}

async function loadCourse(store: Store, id: string, lang: string): Promise<NodeSummary> {
  const record = await store.getRecord({ type: "course", id });
  if (!record) throw new CampusGraphError("RECORD_NOT_FOUND", { type: "course", id });
  return { type: "course", id, name: displayName(record, lang) || id };
}

async function courseConcepts(store: Store, id: string) {
  return (await store.graph.neighbours({ type: "course", id }, "concept", CONCEPTS_PER_COURSE, 0)).items;
}

function sum(scores: readonly (number | null)[]): number {
  return scores.reduce<number>((total, s) => total + (s ?? 0), 0);
}
