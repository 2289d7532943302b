/**
 * Learning paths: what to take before a course, as an ordered list. The prerequisite facts (course → course)
 * are followed from the goals up to a depth, then ordered so that every course comes after the courses it
 * requires (a depth-first topological order). Real prerequisite data has cycles (A requires B, B requires A):
 * the depth-first search meets each cycle at one link, which is set aside and reported, so the order is
 * deterministic and holds for every other link.
 */
import { compareStrings } from "../core/compare-strings.js";

/** The prerequisites of a course: the ids it requires, or an empty list. */
export type RequiresOf = (id: string) => readonly string[];

/** One course on a path. */
export interface PathStep {
  readonly id: string;
  /** The fewest prerequisite links from a goal (0 for a goal). */
  readonly depth: number;
  /** The courses on the path that require this one, in path order. */
  readonly requiredBy: readonly string[];
}

/** A prerequisite link `from` requires `to`. */
export interface PrerequisiteLink {
  readonly from: string;
  readonly to: string;
}

/** An ordered learning path. */
export interface LearningPath {
  /** Every course to take, each after the courses it requires; the goals come last among their own prerequisites. */
  readonly steps: readonly PathStep[];
  /** Links set aside to break cycles: for these only, `to` may come after `from`. */
  readonly brokenLinks: readonly PrerequisiteLink[];
  /** True when some course at the depth limit (or past the step limit) has prerequisites left out. */
  readonly truncated: boolean;
}

/** Options of `orderLearningPath`. */
export interface LearningPathOptions {
  /** How many prerequisite links to follow from the goals; default 3, at least 1. */
  readonly maxDepth?: number;
  /** The most courses on the path, goals included; default 50. The nearest are kept. */
  readonly maxSteps?: number;
}

/** Orders the prerequisites of `goals` (and the goals) into a learning path; pure and deterministic. */
export function orderLearningPath(
  goals: readonly string[],
  requiresOf: RequiresOf,
  options: LearningPathOptions = {},
): LearningPath {
  const { depths, truncated } = collect(goals, requiresOf, options.maxDepth ?? 3, options.maxSteps ?? 50);
  const order: string[] = [];
  const brokenLinks: PrerequisiteLink[] = [];
  const state = new Map<string, "open" | "done">();
  const visit = (id: string): void => {
    state.set(id, "open");
    for (const next of sortedRequires(requiresOf, id)) {
      if (!depths.has(next)) continue;
      const seen = state.get(next);
      if (seen === "open") brokenLinks.push({ from: id, to: next });
      else if (seen === undefined) visit(next);
    }
    state.set(id, "done");
    order.push(id);
  };
  for (const goal of goals) if (depths.has(goal) && !state.has(goal)) visit(goal);
  const position = new Map(order.map((id, i) => [id, i]));
  const requiredBy = new Map<string, string[]>();
  for (const id of order) {
    for (const next of requiresOf(id)) {
      if (position.has(next)) requiredBy.set(next, [...(requiredBy.get(next) ?? []), id]);
    }
  }
  return {
    steps: order.map((id) => ({
      id,
      depth: depths.get(id) ?? 0,
      requiredBy: [...new Set(requiredBy.get(id) ?? [])].sort(
        (a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0),
      ),
    })),
    brokenLinks,
    truncated,
  };
}

// Breadth-first from the goals: each course's fewest links from a goal, up to the depth and step limits.
function collect(
  goals: readonly string[],
  requiresOf: RequiresOf,
  maxDepth: number,
  maxSteps: number,
): { depths: Map<string, number>; truncated: boolean } {
  const depths = new Map<string, number>();
  let truncated = false;
  let frontier = [...new Set(goals)].slice(0, maxSteps);
  for (const goal of frontier) depths.set(goal, 0);
  for (let depth = 1; frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const required of sortedRequires(requiresOf, id)) {
        if (depths.has(required)) continue;
        if (depth > Math.max(1, maxDepth) || depths.size >= maxSteps) {
          truncated = true;
          continue;
        }
        depths.set(required, depth);
        next.push(required);
      }
    }
    frontier = next;
  }
  return { depths, truncated };
}

function sortedRequires(requiresOf: RequiresOf, id: string): string[] {
  return [...requiresOf(id)].sort(compareStrings);
}

/** Checks a path against the links: every link between two of its courses, except the broken ones, points backwards. */
export function findOrderViolations(path: LearningPath, requiresOf: RequiresOf): PrerequisiteLink[] {
  const position = new Map(path.steps.map((step, i) => [step.id, i]));
  const broken = new Set(path.brokenLinks.map((l) => `${l.from}\u0000${l.to}`));
  const violations: PrerequisiteLink[] = [];
  for (const step of path.steps) {
    for (const to of requiresOf(step.id)) {
      const at = position.get(to);
      const from = position.get(step.id) ?? 0;
      if (at !== undefined && at > from && !broken.has(`${step.id}\u0000${to}`))
        violations.push({ from: step.id, to });
    }
  }
  return violations;
}
