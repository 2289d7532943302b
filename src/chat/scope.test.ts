import { describe, expect, it } from "vitest";
import { wordsOf } from "./lexicon.js";
import { readQuestion } from "./read-question.js";
import { coverage, formOf, judges, nameCoverage, nameShare, namesMatch } from "./scope.js";

describe("formOf", () => {
  it.each([
    ["Which labs work on cytokines?", "request"],
    ["Who teaches Deep learning?", "request"],
    ["Who is Anne Dupont?", "request"],
    ["Explique-moi la convolution", "request"],
    ["Where can I learn about inflation?", "request"],
    ["CS-433", "request"],
    ["Interleukin 6?", "bare"],
    ["The Fourier transform, please", "bare"],
    ["Draw me a sheep", "unknown"],
    ["Who won the regatta?", "unknown"],
    ["Peux-tu réserver une salle ?", "unknown"],
  ])("reads %j as a %s", (question, form) => {
    expect(formOf(readQuestion(question))).toBe(form);
  });
});

describe("offTopicOf", () => {
  it("takes 'can you' after what a question is about for a request, and 'you' elsewhere for talk", () => {
    expect(readQuestion("logarithms, can you explain them?").offTopic).toBeUndefined();
    expect(readQuestion("natural logarithms, can you explain them?").offTopic).toBeUndefined();
    expect(readQuestion("Did I tell you my name?").offTopic).toBe("assistant");
    expect(readQuestion("What do you think of logarithms?").offTopic).toBe("assistant");
  });

  it("takes what the assistant has, of a type of record named, for a request for those records", () => {
    expect(readQuestion("what courses have you got on AI")).toMatchObject({
      types: ["course"],
      subjects: ["AI"],
    });
    expect(readQuestion("what courses have you got on AI").offTopic).toBeUndefined();
    expect(readQuestion("as-tu des vidéos sur la chimie ?").offTopic).toBeUndefined();
    expect(readQuestion("who are you").offTopic).toBe("assistant");
    expect(readQuestion("have you got a name?").offTopic).toBe("assistant");
  });
});

describe("judges", () => {
  it.each([
    "The most recent papers of Anne Dupont",
    "Les publications les plus récentes de Anne Dupont",
    "Courses with more than one teacher",
    "Which courses cover the least squares method?",
  ])("does not take %j for a judgement", (question) => {
    expect(judges(wordsOf(question))).toBe(false);
    expect(readQuestion(question).offTopic).toBeUndefined();
  });
});

describe("coverage", () => {
  const concept = (id: string, ...mentions: string[]) => ({
    id,
    name: id,
    mentions: mentions.map((text) => ({ text })),
  });

  it("is the share of meaningful words that the detected mentions cover", () => {
    expect(coverage("the spread of vaccines in cities", [concept("Vaccine", "vaccines")])).toBe(1 / 3);
    expect(
      coverage("T cells and B cells", [concept("T_cell", "T cells"), concept("B_cell", "B cells")]),
    ).toBe(1);
    expect(coverage("won the regatta", [])).toBe(0);
    expect(coverage("the of", [concept("X", "the")])).toBe(0);
  });

  it("measures how much of a subject a name holds, plurals and case aside", () => {
    expect(nameCoverage("machine learning for scientists", "Machine learning")).toBe(2 / 3);
    expect(nameCoverage("Convolutional networks", "Training convolutional neural networks")).toBe(1);
    expect(nameCoverage("pasta", "Machine learning")).toBe(0);
  });
});

describe("nameShare", () => {
  it("is the share of a name's words the subject says, French cognates and typos counted", () => {
    expect(nameShare("cryptography", "Algebraic curves and cryptography")).toBe(1 / 3);
    expect(nameShare("nombres premiers", "Prime number")).toBe(1 / 2);
    expect(nameShare("Distributed algoritms", "Distributed algorithms")).toBe(1);
  });
});

describe("nameCoverage with typos and French words", () => {
  it("holds a word with a typo or as its English cognate, but not a different word", () => {
    expect(nameCoverage("enzime", "Enzyme")).toBe(1);
    expect(nameCoverage("Distributed algoritms", "Distributed algorithms")).toBe(1);
    expect(nameCoverage("transformée de Fourier", "Fourier transform")).toBe(1);
    // Short words get no typo: "cell" is not "call".
    expect(nameCoverage("call", "Cell")).toBe(0);
    expect(nameCoverage("entropy", "Enzyme")).toBe(0);
  });

  it("matches names word for word, typos and cognates aside, but not a name that says more", () => {
    expect(namesMatch("entropie", "Entropy")).toBe(true);
    expect(namesMatch("chaîne de Markov", "Markov chain")).toBe(true);
    expect(namesMatch("Markov", "Markov chain")).toBe(false);
    expect(namesMatch("entropie", "Enzyme")).toBe(false);
  });
});
