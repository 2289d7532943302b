import { describe, expect, it } from "vitest";
import { readQuestion } from "./read-question.js";

describe("keepSubjectClause (through readQuestion)", () => {
  it.each([
    ["Économie politique : je veux un MOOC, peu importe la langue", ["mooc"], ["Économie politique"]],
    [
      "I missed the week on topic modeling, are there lecture videos I could watch to catch up?",
      ["lecture"],
      ["topic modeling"],
    ],
    ["gregory velicer's lab - what kind of science do they do?", ["unit"], ["gregory velicer"]],
    [
      "SHS option for my master: anything about social entrepreneurship in the catalogue?",
      ["course"],
      ["social entrepreneurship"],
    ],
    ["nanoplastiques -> quels travaux publiés ?", ["publication"], ["nanoplastiques"]],
    ["hey, 3rd year student here, I'd love a class where we build formwork", ["course"], ["build formwork"]],
    ["PhD applicant here: what does Jérôme Chenal's lab work on?", ["unit"], ["Jérôme Chenal"]],
  ])("reads the subject of %j from the clause that leads to it", (question, types, subjects) => {
    const reading = readQuestion(question);
    expect(reading.types).toEqual(types);
    expect(reading.subjects).toEqual(subjects);
    expect(reading.offTopic).toBeUndefined();
  });

  it("keeps a list of subjects after commas, and a bracket that says more about the name before it", () => {
    expect(readQuestion("courses on algebra, topology or geometry").subjects).toEqual([
      "algebra, topology",
      "geometry",
    ]);
    expect(readQuestion("SPH (smoothed particle hydrodynamics) - taught anywhere?").subjects).toEqual([
      "SPH (smoothed particle hydrodynamics",
    ]);
  });

  it("goes on after a closing bracket, and keeps a numbered part of a name", () => {
    // One clause: the words after the bracket go on with the ones before it (a university scope is read later).
    expect(readQuestion("Which labs at Lausanne (demo) work on T cells?").subjects).toEqual([
      "Lausanne (demo) work on T cells",
    ]);
    expect(readQuestion("who teaches Fundamentals of Neuroscience, Part 1").subjects).toEqual([
      "Fundamentals of Neuroscience, Part 1",
    ]);
  });

  it("sets aside a bracket in the speaker's voice, and its type words", () => {
    const reading = readQuestion("archi gothique = quoi exactement ? (pour mon cours d'histoire de l'archi)");
    expect(reading.subjects).toEqual(["archi gothique"]);
    expect(reading.types).toEqual([]);
    expect(reading.cues.has("what")).toBe(true);
  });

  it("offers the whole span as a name, for names that hold a colon", () => {
    const reading = readQuestion("East Asian Culture: From Zen to K-Pop, what is it about?");
    expect(reading.alternatives[0]?.subject).toBe("East Asian Culture: From Zen to K-Pop");
  });
});
