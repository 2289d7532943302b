import { describe, expect, it } from "vitest";
import { courseOf, detectHalf } from "./detect-sets.js";

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

describe("detectHalf", () => {
  it("puts a course's languages and sections in one half", () => {
    const halves = ["MATH-101(a):en", "MATH-101(c):fr", "MATH-101:en"].map((id) =>
      detectHalf("detect-courses", { id, course: id.split(":")[0] }),
    );
    expect(new Set(halves).size).toBe(1);
  });

  it("splits a set's items into two halves of similar size", () => {
    const halves = Array.from({ length: 400 }, (_, i) =>
      detectHalf("detect-lectures", { id: `lecture-${i}` }),
    );
    const tune = halves.filter((h) => h === "tune").length;
    expect(tune).toBeGreaterThan(160);
    expect(tune).toBeLessThan(240);
  });
});
