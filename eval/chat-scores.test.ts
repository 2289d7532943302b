import { describe, expect, it } from "vitest";
import { scoreChatAnswer } from "./chat-scores.js";

const course = (id: string) => ({ type: "course", id });

describe("scoreChatAnswer", () => {
  it("measures recall of the expected ids and the share of fitting references", () => {
    const scores = scoreChatAnswer(
      { types: ["course"], ids: [course("A"), course("B")] },
      [course("A"), { type: "person", id: "p" }],
      [],
    );
    expect(scores.recall).toBe(0.5);
    expect(scores.fitting).toBe(0.5);
    expect(scores.none).toBeUndefined();
  });

  it("counts an out-of-scope answer right only when it cites nothing", () => {
    expect(scoreChatAnswer({ types: [], ids: [], none: true }, [], []).none).toBe(1);
    expect(scoreChatAnswer({ types: [], ids: [], none: true }, [course("A")], []).none).toBe(0);
  });

  it("gives recall 1 without expected ids only when a reference has an expected type", () => {
    expect(scoreChatAnswer({ types: ["concept"], ids: [] }, [{ type: "concept", id: "X" }], []).recall).toBe(
      1,
    );
    expect(scoreChatAnswer({ types: ["concept"], ids: [] }, [course("A")], []).recall).toBe(0);
  });

  it("checks that the plan holds every expected operation", () => {
    const expectation = { types: ["course"], ids: [course("A")], steps: ["intersection"] };
    expect(scoreChatAnswer(expectation, [course("A")], ["search", "intersection"]).steps).toBe(1);
    expect(scoreChatAnswer(expectation, [course("A")], ["search"]).steps).toBe(0);
  });
});
