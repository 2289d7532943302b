import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findOrderViolations, orderLearningPath, type RequiresOf } from "./learning-path.js";

const graph =
  (links: Record<string, string[]>): RequiresOf =>
  (id) =>
    links[id] ?? [];

describe("orderLearningPath", () => {
  it("lists every prerequisite before the courses that require it, the goal last", () => {
    const requires = graph({ C: ["B", "A"], B: ["A"], A: [] });
    const path = orderLearningPath(["C"], requires);
    expect(path.steps.map((s) => s.id)).toEqual(["A", "B", "C"]);
    expect(path.steps.map((s) => s.depth)).toEqual([1, 1, 0]);
    expect(path.steps[0]?.requiredBy).toEqual(["B", "C"]);
    expect(path.brokenLinks).toEqual([]);
    expect(path.truncated).toBe(false);
  });

  it("breaks a cycle at one link, the same one every time, and reports it", () => {
    const requires = graph({ G: ["X"], X: ["Y"], Y: ["X"] });
    const first = orderLearningPath(["G"], requires);
    expect(first.steps.map((s) => s.id)).toEqual(["Y", "X", "G"]);
    expect(first.brokenLinks).toEqual([{ from: "Y", to: "X" }]);
    expect(orderLearningPath(["G"], requires)).toEqual(first);
    expect(findOrderViolations(first, requires)).toEqual([]);
  });

  it("stops at the depth limit and says that it did", () => {
    const requires = graph({ D: ["C"], C: ["B"], B: ["A"] });
    const path = orderLearningPath(["D"], requires, { maxDepth: 2 });
    expect(path.steps.map((s) => s.id)).toEqual(["B", "C", "D"]);
    expect(path.truncated).toBe(true);
    expect(orderLearningPath(["D"], requires, { maxDepth: 3 }).truncated).toBe(false);
  });

  it("keeps the nearest courses under the step limit", () => {
    const requires = graph({ G: ["A", "B", "C"], A: ["Z"] });
    const path = orderLearningPath(["G"], requires, { maxSteps: 3 });
    expect(path.steps.map((s) => s.id).sort()).toEqual(["A", "B", "G"]);
    expect(path.truncated).toBe(true);
  });

  it("orders the prerequisites of several goals together", () => {
    const requires = graph({ G1: ["A"], G2: ["A", "B"], B: ["A"] });
    const ids = orderLearningPath(["G1", "G2"], requires).steps.map((s) => s.id);
    expect(ids).toEqual(["A", "G1", "B", "G2"]);
  });

  it("never lists a course after one that requires it, except over a reported cycle link", () => {
    const links = fc.array(fc.tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 14 })), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(links, fc.integer({ min: 0, max: 14 }), (pairs, goal) => {
        const table: Record<string, string[]> = {};
        for (const [a, b] of pairs) table[`c${a}`] = [...(table[`c${a}`] ?? []), `c${b}`];
        const requires = graph(table);
        const path = orderLearningPath([`c${goal}`], requires, { maxDepth: 20, maxSteps: 100 });
        expect(findOrderViolations(path, requires)).toEqual([]);
        // A broken link is really on a cycle: what it points to leads back to where it starts.
        for (const link of path.brokenLinks) expect(reaches(requires, link.to, link.from)).toBe(true);
        expect(new Set(path.steps.map((s) => s.id)).size).toBe(path.steps.length);
      }),
    );
  });
});

function reaches(requires: RequiresOf, from: string, to: string): boolean {
  const seen = new Set([from]);
  const stack = [from];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (id === to) return true;
    for (const next of requires(id)) if (!seen.has(next) && seen.add(next)) stack.push(next);
  }
  return false;
}
