import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_QUESTIONS, splitQuestions } from "./split-questions.js";

describe("splitQuestions", () => {
  it("cuts where a new question starts: after a question mark, or at 'and', 'et' or a comma before a question word", () => {
    const cases: [string, string[]][] = [
      [
        "Who teaches CS-473 and what do I need before taking it?",
        ["Who teaches CS-473", "what do I need before taking it?"],
      ],
      // The question mark stays with the question it ends.
      ["What is entropy? Which courses cover it?", ["What is entropy?", "Which courses cover it?"]],
      [
        "Qu'est-ce que l'entropie et dans quels cours l'étudie-t-on ?",
        ["Qu'est-ce que l'entropie", "dans quels cours l'étudie-t-on ?"],
      ],
      ["Courses on game theory, what are my options?", ["Courses on game theory", "what are my options?"]],
    ];
    for (const [message, questions] of cases) expect(splitQuestions(message)).toEqual(questions);
  });

  it("keeps names and joined subjects whole", () => {
    for (const question of [
      "Which courses cover both distributions and residues?",
      "Who teaches Image and video processing?",
      "Cours sur conception ou sur cmos",
      "Courses about transmission electron microscopy that also deal with scanning electron microscopy",
    ])
      expect(splitQuestions(question)).toEqual([question.trim()]);
  });

  it("returns at most the most questions read, each a piece of the message in order", () => {
    const piece = fc.constantFrom(
      "what is X",
      "who teaches Y",
      "and",
      "?",
      ",",
      "et",
      "qui",
      "quels cours",
      "Z",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const text = parts.join(" ");
        const questions = splitQuestions(text);
        expect(questions.length).toBeGreaterThanOrEqual(1);
        expect(questions.length).toBeLessThanOrEqual(MAX_QUESTIONS);
        let at = 0;
        // The last question may join the rest of a longer list; the others are the message's own words, in order.
        for (const question of questions.slice(0, -1)) {
          const found = text.indexOf(question, at);
          expect(found).toBeGreaterThanOrEqual(at);
          at = found + question.length;
        }
      }),
    );
  });
});
