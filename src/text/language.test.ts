import { describe, expect, it } from "vitest";
import { guessLanguage, isOtherLanguage } from "./language.js";

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
