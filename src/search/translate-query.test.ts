import { describe, expect, it } from "vitest";
import type { Translation, TranslationTable } from "../text/learn-translations.js";
import { tokenise } from "../text/tokenise.js";
import { americanSpelling, translateQuery } from "./translate-query.js";

describe("americanSpelling", () => {
  it("spells a British ending the American way, and leaves other words", () => {
    expect(americanSpelling("globalisation")).toBe("globalization");
    expect(americanSpelling("organisations")).toBe("organizations");
    expect(americanSpelling("centre")).toBe("center");
    expect(americanSpelling("theatres")).toBe("theaters");
    expect(americanSpelling("energy")).toBeUndefined();
    expect(americanSpelling("tre")).toBeUndefined();
  });
});

describe("translateQuery", () => {
  it("matches a learned British translation in its American spelling too", () => {
    const learned = (english: string): Translation[] => [{ english, confidence: 1 }];
    const table: TranslationTable = {
      words: new Map([["mondialisation", learned("globalisation")]]),
      phrases: new Map(),
      falseCognates: new Set(),
    };
    const { alternatives } = translateQuery(tokenise("mondialisation", "fr"), table);
    expect(alternatives[0]).toEqual(["globalisation", "globalization"]);
  });
});
