import { describe, expect, it } from "vitest";
import { courseOf } from "./detect-sets.js";

describe("courseOf", () => {
  it.each([
    ["MATH-101(c)", "MATH-101"],
    ["MATH-101", "MATH-101"],
    ["PREPA-032(a)", "PREPA-32"],
    ["CS-433", "CS-433"],
    ["ENG-270(b)", "ENG-270"],
  ])("puts %s with %s", (code, course) => {
    expect(courseOf(code)).toBe(course);
  });
});
