import { describe, expect, it } from "vitest";
import { parsePlan } from "./parse-plan.js";

const search = { op: "search", query: "T cells", types: ["course"], limit: 5 };

describe("parsePlan", () => {
  it("accepts a plan of known steps that refer to earlier steps", () => {
    const plan = parsePlan(
      {
        intent: "list",
        subjects: ["T cells"],
        steps: [search, { op: "sort", from: 0, by: "year" }, { op: "limit", from: 1, count: 3 }],
        cite: [2],
      },
      "fr",
    );
    expect(plan).toMatchObject({ intent: "list", lang: "fr", cite: [2] });
    expect(plan?.steps).toHaveLength(3);
    const either = parsePlan(
      { intent: "list", steps: [search, search, { op: "union", of: [0, 1], alternate: true }], cite: [2] },
      "en",
    );
    expect(either?.steps[2]).toEqual({ op: "union", of: [0, 1], alternate: true });
  });

  it.each([
    ["an unknown operation", { intent: "list", steps: [{ op: "shell", command: "rm" }], cite: [] }],
    [
      "a step that refers to itself",
      { intent: "list", steps: [{ op: "limit", from: 0, count: 2 }], cite: [] },
    ],
    ["a citation of a missing step", { intent: "list", steps: [search], cite: [1] }],
    ["an unknown record type", { intent: "list", steps: [{ ...search, types: ["password"] }], cite: [0] }],
    ["a limit past the API's", { intent: "list", steps: [{ ...search, limit: 10_000 }], cite: [0] }],
    ["no plan at all", "Sure! Here are some courses."],
    [
      "a union that alternates by a non-boolean",
      { intent: "list", steps: [search, search, { op: "union", of: [0, 1], alternate: "yes" }], cite: [2] },
    ],
  ])("refuses %s", (_, value) => {
    expect(parsePlan(value, "en")).toBeUndefined();
  });
});
