import { describe, expect, it } from "vitest";
import { readQuestion } from "./read-question.js";

describe("readPaperKinds, through readQuestion", () => {
  it.each([
    ["only the theses", ["Doctoral Thesis", "Master Thesis", "Bachelor Thesis", "Habilitation Thesis"]],
    ["PhD theses on glacier melt", ["Doctoral Thesis"]],
    ["des thèses de doctorat sur les glaciers", ["Doctoral Thesis"]],
    ["master thesis about sediment transport", ["Master Thesis"]],
    ["review articles about coral reefs", ["Review Article"]],
    ["des articles de synthèse sur les récifs", ["Review Article"]],
    [
      "conference papers on robotics",
      ["Conference Paper", "Conference Proceedings", "Other Conference Item"],
    ],
    ["datasets on glacier melt", ["Dataset", "Data Collection", "Other Research Data"]],
    ["des jeux de données sur les glaciers", ["Dataset", "Data Collection", "Other Research Data"]],
  ])("reads the kinds of publication %j asks for, as publications", (question, kinds) => {
    const reading = readQuestion(question);
    expect(reading.paperKinds).toEqual(kinds);
    expect(reading.types).toEqual(["publication"]);
  });

  it("keeps the words that only qualify a kind out of the subject, and reads no kind where none is named", () => {
    expect(readQuestion("conference papers on robotics").subjects).toEqual(["robotics"]);
    expect(readQuestion("PhD theses on glacier melt").level).toBeUndefined();
    expect(readQuestion("papers on peer review").paperKinds).toBeUndefined();
    expect(readQuestion("who teaches these?").paperKinds).toBeUndefined();
    expect(readQuestion("courses on book keeping").paperKinds).toBeUndefined();
  });
});
