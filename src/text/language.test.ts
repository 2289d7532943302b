import { describe, expect, it } from "vitest";
import { guessLanguage, isOtherLanguage, otherLanguage, textLanguages } from "./language.js";

describe("isOtherLanguage", () => {
  it("tells Spanish, Portuguese, Italian and German texts from English and French ones", () => {
    expect(
      isOtherLanguage(
        "Este curso en línea te permitirá aprender los conceptos del análisis y de la estadística.",
      ),
    ).toBe(true);
    expect(
      isOtherLanguage(
        "Neste curso você vai aprender os conceitos básicos com uma abordagem prática e não teórica.",
      ),
    ).toBe(true);
    expect(
      isOtherLanguage(
        "Il corso presenta i concetti della statistica e delle sue applicazioni che sono anche pratiche.",
      ),
    ).toBe(true);
    expect(
      isOtherLanguage(
        "Die Studenten erwerben die Grundkenntnisse der Mechanik und lernen, sie auf Probleme anzuwenden.",
      ),
    ).toBe(true);
    expect(isOtherLanguage("The course covers the basics of statistics and their use in the sciences.")).toBe(
      false,
    );
    expect(
      isOtherLanguage("Le cours présente les bases de la statistique et leur usage dans les sciences."),
    ).toBe(false);
  });

  it("needs enough function words to tell: a short title or a Spanish quote in English text is not another language", () => {
    expect(isOtherLanguage("Python: aprender a programar")).toBe(false);
    expect(isOtherLanguage("Modelos predictivos con Machine Learning")).toBe(false);
    expect(
      isOtherLanguage(
        "In Spanish, 'el gato y el perro' is the cat and the dog; we study the grammar of the phrase.",
      ),
    ).toBe(false);
  });

  it("leaves guessLanguage's answer for English and French texts as it was", () => {
    expect(guessLanguage("Le cours présente les bases de la statistique.")).toBe("fr");
    expect(guessLanguage("Este curso en línea te permitirá aprender los conceptos del análisis.")).toBe("en");
  });
});

describe("textLanguages", () => {
  const texts = [
    "Este curso en línea te permitirá aprender los conceptos del análisis y de la estadística.",
    "Die Vorlesung ist eine Einführung und für alle, die sich mit der Physik befassen werden.",
    "Le cours présente les bases de la thermodynamique et des transferts dans les fluides.",
    "The course is an introduction to the thermodynamics of fluids and their transfers.",
    "Machine learning",
  ];

  it("gives guessLanguage's and otherLanguage's answers from one reading", () => {
    for (const text of texts)
      expect(textLanguages(text)).toEqual({ lang: guessLanguage(text), other: otherLanguage(text) });
  });

  it("keeps the language given and still tells another language group", () => {
    expect(textLanguages(texts[0] ?? "", "fr")).toEqual({ lang: "fr", other: "romance" });
    expect(textLanguages(texts[1] ?? "", "en")).toEqual({ lang: "en", other: "german" });
    expect(textLanguages(texts[2] ?? "", "en")).toEqual({ lang: "en", other: undefined });
  });
});
