import { describe, expect, it } from "vitest";
import type { Plan } from "./plan.js";
import { mergePlans } from "./plan-message.js";

describe("mergePlans", () => {
  it("puts the plans' steps in one list, renumbering what each step and part refers to", () => {
    const first: Plan = {
      intent: "related",
      lang: "en",
      subjects: ["X"],
      steps: [
        { op: "record", type: "course", id: "CS-473" },
        { op: "neighbours", from: 0, type: "person", kinds: ["teacher"], limit: 20 },
      ],
      cite: [1],
    };
    const second: Plan = {
      intent: "list",
      lang: "en",
      subjects: ["Y", "Z"],
      steps: [
        { op: "search", query: "Y", types: ["course"], limit: 20 },
        { op: "search", query: "Z", types: ["course"], limit: 20 },
        { op: "intersection", of: [0, 1] },
        { op: "limit", from: 2, count: 5 },
      ],
      cite: [3],
    };
    const merged = mergePlans([first, second]);
    expect(merged.steps).toHaveLength(6);
    expect(merged.steps[4]).toEqual({ op: "intersection", of: [2, 3] });
    expect(merged.steps[5]).toEqual({ op: "limit", from: 4, count: 5 });
    expect(merged.cite).toEqual([1, 5]);
    expect(merged.questions?.map((q) => [q.intent, q.cite])).toEqual([
      ["related", [1]],
      ["list", [5]],
    ]);
    expect(merged.intent).toBe("related");
  });
});
