import { describe, expect, it } from "vitest";
import { aboutSteps, listSteps, StepList } from "./plan-steps.js";
import { readQuestion } from "./read-question.js";

// A French subject that names a concept, with the concept's English name.
const namedConcept = {
  lang: "fr",
  wide: false,
  concept: "Logistic_regression",
  conceptName: "Logistic regression",
} as const;

/** The queries of a plan's search steps. */
const searched = (steps: StepList) => steps.steps.flatMap((s) => (s.op === "search" ? [s.query] : []));

describe("aboutSteps", () => {
  it("searches lectures and their labels by the English name of the concept a French subject names", () => {
    const steps = new StepList();
    aboutSteps(steps, "lecture", "régression logistique", namedConcept);
    expect(searched(steps)).toEqual(["Logistic regression"]);
    expect(steps.steps).toContainEqual({ op: "filter", from: 2, label: "Logistic regression" });
  });

  it("searches lectures by the subject's own words when no concept is named, and other records always", () => {
    const lectures = new StepList();
    aboutSteps(lectures, "lecture", "topic modeling", { lang: "en", wide: false });
    expect(lectures.steps).toContainEqual({ op: "filter", from: 2, label: "topic modeling" });
    const courses = new StepList();
    aboutSteps(courses, "course", "régression logistique", namedConcept);
    expect(searched(courses)).toEqual(["régression logistique"]);
  });
});

describe("listSteps", () => {
  const limits = (steps: StepList) => steps.steps.flatMap((s) => (s.op === "search" ? [s.limit] : []));

  it("reads more search hits for a list its records' attributes filter (a stage, a language, a level)", () => {
    const plain = new StepList();
    listSteps(plain, "mooc", readQuestion("MOOCs on engineering"));
    const staged = new StepList();
    listSteps(staged, "mooc", readQuestion("advanced MOOCs on engineering"));
    const french = new StepList();
    listSteps(french, "mooc", readQuestion("MOOCs on engineering in French"));
    expect(Math.max(...limits(staged))).toBeGreaterThan(4 * Math.max(...limits(plain)));
    expect(limits(french)).toEqual(limits(staged));
    expect(french.steps.at(-1)).toMatchObject({ op: "filter", language: "fr" });
  });

  it("reads as many search hits for each side of an intersection as for a filtered list, not for a union", () => {
    const both = new StepList();
    listSteps(both, "mooc", readQuestion("MOOCs on both physics and chemistry"));
    const either = new StepList();
    listSteps(either, "mooc", readQuestion("MOOCs on physics or chemistry"));
    const staged = new StepList();
    listSteps(staged, "mooc", readQuestion("advanced MOOCs on engineering"));
    expect(both.steps.at(-1)).toMatchObject({ op: "intersection" });
    expect(Math.max(...limits(both))).toBe(Math.max(...limits(staged)));
    expect(Math.max(...limits(either))).toBeLessThan(Math.max(...limits(both)));
  });
});
