import { describe, expect, it } from "vitest";
import { withVariants } from "./concept-lists.js";

describe("withVariants", () => {
  it("names the first eight variants and counts the others, leaving evidence without variants as it is", () => {
    const evidence = { via: [{ id: "Entropy", share: 1 }] };
    expect(withVariants(evidence, [])).toBe(evidence);
    const few = withVariants(evidence, ["PHYS-106(a)", "PHYS-106(b)"]);
    expect(few).toEqual({ ...evidence, also: ["PHYS-106(a)", "PHYS-106(b)"] });
    const ids = Array.from({ length: 11 }, (_, i) => `lb-${i}`);
    const many = withVariants(evidence, ids);
    expect(many.also).toEqual(ids.slice(0, 8));
    expect(many.alsoMore).toBe(3);
    expect(many.via).toBe(evidence.via);
  });
});
