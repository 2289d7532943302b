import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COURSES_FILE, checkEveryPath, readPrerequisites } from "./learning-paths.js";

const present = existsSync(COURSES_FILE);
if (!present) {
  console.warn(
    `\n!!! SKIPPING the learning-path check on real prerequisites: ${COURSES_FILE} is missing. !!!\n`,
  );
}

describe.skipIf(!present)("learning paths over the open-campus prerequisites", () => {
  const requires = present ? readPrerequisites(COURSES_FILE) : new Map<string, string[]>();

  it("reads the corpus's 1,124 prerequisite links", () => {
    expect(checkEveryPath(requires, 1).links).toBe(1_124);
  });

  it.each([3, 1_000])(
    "never lists a course after one that requires it (depth %i), on every course",
    (depth) => {
      const check = checkEveryPath(requires, depth);
      expect(check.violations).toEqual([]);
      expect(check.longest).toBeGreaterThan(5);
    },
  );

  it("breaks the one cycle of the data, between MATH-106(a) and MATH-310", () => {
    const check = checkEveryPath(requires, 1_000);
    const ends = check.brokenLinks.map((l) => [l.from, l.to].sort().join(" "));
    expect(new Set(ends)).toEqual(new Set(["MATH-106(a) MATH-310"]));
  });
});
