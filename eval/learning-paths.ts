/**
 * Learning paths on the corpus's real prerequisites: for every course, the path to it (all depths, and the
 * default depth) must never list a course after one that requires it, except over the links it reports as
 * broken cycles. Prints the counts. Run: npm run eval:paths [-- path/to/courses.jsonl].
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { findOrderViolations, orderLearningPath, type PrerequisiteLink } from "../src/graph/learning-path.js";

/** The open-campus courses file next to the project, where the tests and the evaluation read it. */
export const COURSES_FILE = join(
  import.meta.dirname,
  "..",
  "..",
  "shared",
  "data",
  "open-campus",
  "courses.jsonl",
);

/** Each course id of a courses.jsonl file with the ids of the courses it requires. */
export function readPrerequisites(file: string): Map<string, string[]> {
  const requires = new Map<string, string[]>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const record = JSON.parse(line) as { id: string; links?: { rel: string; type: string; id: string }[] };
    requires.set(
      record.id,
      (record.links ?? []).filter((l) => l.rel === "prerequisite" && l.type === "course").map((l) => l.id),
    );
  }
  return requires;
}

/** What checking every course's path found. */
export interface PathCheck {
  readonly courses: number;
  readonly links: number;
  /** Courses with at least one prerequisite. */
  readonly withPrerequisites: number;
  /** Longest path, in courses. */
  readonly longest: number;
  /** Distinct links set aside to break cycles, over every path. */
  readonly brokenLinks: readonly PrerequisiteLink[];
  /** Links whose required course came after the course requiring it, over every path: must be none. */
  readonly violations: readonly PrerequisiteLink[];
}

/** Orders the path of every course (at `maxDepth`) and checks each one. */
export function checkEveryPath(
  requires: ReadonlyMap<string, readonly string[]>,
  maxDepth: number,
): PathCheck {
  const requiresOf = (id: string) => requires.get(id) ?? [];
  const broken = new Map<string, PrerequisiteLink>();
  const violations: PrerequisiteLink[] = [];
  let longest = 0;
  for (const id of requires.keys()) {
    const path = orderLearningPath([id], requiresOf, { maxDepth, maxSteps: requires.size });
    longest = Math.max(longest, path.steps.length);
    for (const link of path.brokenLinks) broken.set(`${link.from} ${link.to}`, link);
    violations.push(...findOrderViolations(path, requiresOf));
  }
  return {
    courses: requires.size,
    links: [...requires.values()].reduce((n, list) => n + list.length, 0),
    withPrerequisites: [...requires.values()].filter((list) => list.length > 0).length,
    longest,
    brokenLinks: [...broken.values()],
    violations,
  };
}

if (process.argv[1] === import.meta.filename) {
  const file = process.argv[2] ?? COURSES_FILE;
  if (!existsSync(file)) {
    console.error(`eval:paths: ${file} not found`);
    process.exit(2);
  }
  const requires = readPrerequisites(file);
  for (const depth of [3, 1_000]) {
    const check = checkEveryPath(requires, depth);
    console.log(
      `depth ${depth === 1_000 ? "all" : depth}: ${check.courses} courses, ${check.links} prerequisite links, ` +
        `${check.withPrerequisites} courses with prerequisites, longest path ${check.longest} courses, ` +
        `cycle links set aside ${check.brokenLinks.map((l) => `${l.from}→${l.to}`).join(", ") || "none"}, ` +
        `ordering violations ${check.violations.length}`,
    );
  }
}
