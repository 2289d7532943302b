/**
 * The learning-path use case ("what should I know before X?"), for the API, the pages and the chat: for a course,
 * its prerequisites in an order one can take them; for a concept, the first courses of its page (the closest to it) with their
 * prerequisites, and the related concepts those earlier courses already cover.
 */
import { CampusGraphError } from "../core/errors.js";
import { displayName } from "../core/record.js";
import { orderLearningPath, type PrerequisiteLink } from "../graph/learning-path.js";
import type { NodeSummary, RecordKey, Store } from "../store/store.js";
import { localiseNames } from "./localise-names.js";

/** The record types that have a learning path. */
export const PATH_TYPES = ["course", "concept"] as const;

/** Options of `loadLearningPath`. */
export interface LearningPathRequest {
  /** Prerequisite links to follow: 1 to 6, default 3. */
  readonly depth?: number;
  /** The most courses on the path: 1 to 100, default 30. */
  readonly limit?: number;
  /** Names in this language where records have one; default English first. */
  readonly lang?: string;
}

/** A course on the path, and why. */
export interface LearningStep {
  readonly node: NodeSummary;
  /** Prerequisite links from the goal (0: the course itself, or a course teaching the concept). */
  readonly depth: number;
  /** "goal" (the course asked about), "teaches" (teaches the concept asked about) or "prerequisite". */
  readonly role: "goal" | "teaches" | "prerequisite";
  /** Ids of the courses on the path that require this one. */
  readonly requiredBy: readonly string[];
  /** False for a prerequisite the corpus names but does not hold (it has no page). */
  readonly inCorpus: boolean;
}

/** A concept related to the one asked about, already met in courses earlier on the path. */
export interface FoundationConcept {
  readonly node: NodeSummary;
  /** How strongly it is related to the concept asked about, in [0, 1]. */
  readonly score: number;
  /** Ids of the path's prerequisite courses that cover it, in path order. */
  readonly coveredBy: readonly string[];
}

/** A learning path as the API returns it. */
export interface LearningPathResult {
  readonly target: NodeSummary;
  /** Courses in an order one can take them: every course after those it requires (but for `brokenLinks`). */
  readonly steps: readonly LearningStep[];
  /** For a concept: related concepts the prerequisite courses cover; empty for a course. */
  readonly foundations: readonly FoundationConcept[];
  /** Prerequisite links set aside because they close a cycle. */
  readonly brokenLinks: readonly PrerequisiteLink[];
  /** True when prerequisites beyond the depth or the limit were left out. */
  readonly truncated: boolean;
}

const TEACHING_COURSES = 3;
const RELATED_CONCEPTS = 30;
const COURSE_CONCEPTS = 100;

/** The learning path to a course or a concept; RECORD_NOT_FOUND or INVALID_ARGUMENT errors for bad input. */
export async function loadLearningPath(
  store: Store,
  key: RecordKey,
  request: LearningPathRequest = {},
): Promise<LearningPathResult> {
  if (!(PATH_TYPES as readonly string[]).includes(key.type)) {
    throw new CampusGraphError("INVALID_ARGUMENT", {
      problem: `type: learning paths are for courses and concepts, not ${key.type}`,
    });
  }
  const depth = checkRange("depth", request.depth ?? 3, 1, 6);
  const limit = checkRange("limit", request.limit ?? 30, 1, 100);
  const record = await store.getRecord(key);
  if (!record) throw new CampusGraphError("RECORD_NOT_FOUND", { type: key.type, id: key.id });
  const lang = request.lang ?? "en";
  const goals =
    key.type === "course"
      ? [key.id]
      : (await store.graph.neighbours(key, "course", TEACHING_COURSES, 0)).items.map((n) => n.node.id);
  const courses = await loadPrerequisites(store, goals, depth);
  const path = orderLearningPath(goals, (id) => courses.get(id)?.requires ?? [], {
    maxDepth: depth,
    maxSteps: limit,
  });
  const steps = path.steps.map((step) => ({
    node: { type: "course", id: step.id, name: courses.get(step.id)?.name(lang) ?? step.id },
    depth: step.depth,
    role:
      step.depth > 0
        ? ("prerequisite" as const)
        : key.type === "course"
          ? ("goal" as const)
          : ("teaches" as const),
    requiredBy: step.requiredBy,
    inCorpus: courses.get(step.id)?.exists ?? false,
  }));
  const earlier = steps.filter((s) => s.role === "prerequisite" && s.inCorpus).map((s) => s.node.id);
  return {
    target: { type: key.type, id: key.id, name: displayName(record, lang) || key.id },
    steps,
    foundations: key.type === "concept" ? await loadFoundations(store, key, earlier, lang) : [],
    brokenLinks: path.brokenLinks,
    truncated: path.truncated,
  };
}

interface LoadedCourse {
  /** False for a prerequisite the corpus names but does not hold. */
  readonly exists: boolean;
  readonly requires: readonly string[];
  name(lang: string): string;
}

// The courses `depth` prerequisite links from the goals, breadth-first, each with what it requires.
async function loadPrerequisites(
  store: Store,
  goals: readonly string[],
  depth: number,
): Promise<Map<string, LoadedCourse>> {
  const courses = new Map<string, LoadedCourse>();
  let frontier = [...new Set(goals)];
  for (let level = 0; level <= depth && frontier.length > 0; level++) {
    const records = await Promise.all(frontier.map((id) => store.getRecord({ type: "course", id })));
    const next = new Set<string>();
    frontier.forEach((id, i) => {
      const record = records[i];
      const requires = (record?.links ?? [])
        .filter((l) => l.rel === "prerequisite" && l.type === "course")
        .map((l) => l.id);
      courses.set(id, {
        exists: record !== undefined,
        requires,
        name: (lang) => (record ? displayName(record, lang) : "") || id,
      });
      for (const required of requires) if (!courses.has(required)) next.add(required);
    });
    frontier = [...next].filter((id) => !courses.has(id));
  }
  return courses;
}

// The concept's related concepts that the earlier courses of the path cover, best related first.
async function loadFoundations(
  store: Store,
  key: RecordKey,
  earlier: readonly string[],
  lang: string,
): Promise<FoundationConcept[]> {
  const related = (await store.graph.neighbours(key, "concept", RELATED_CONCEPTS, 0)).items;
  const pages = await Promise.all(
    earlier.map((id) => store.graph.neighbours({ type: "course", id }, "concept", COURSE_CONCEPTS, 0)),
  );
  const found = related.flatMap((n) => {
    const coveredBy = earlier.filter((_, i) => pages[i]?.items.some((c) => c.node.id === n.node.id));
    return coveredBy.length > 0 ? [{ node: n.node, score: n.edge.score, coveredBy }] : [];
  });
  const names = await localiseNames(
    store,
    found.map((f) => f.node),
    lang,
  );
  return found.map((f, i) => ({ ...f, node: names[i] ?? f.node }));
}

function checkRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new CampusGraphError("INVALID_ARGUMENT", {
      problem: `${name}: must be an integer from ${min} to ${max}`,
    });
  }
  return value;
}
