import { describe, expect, it } from "vitest";
import type { SearchIndexReader } from "../store/store.js";
import { buildTypoIndex, typoCandidates } from "../text/typo-index.js";
import { correctTypos } from "./correct-typos.js";
import { parseQuery } from "./parse-query.js";

/** A vocabulary-only index: the two methods typo correction uses. */
function vocabularyIndex(terms: readonly string[]): Pick<SearchIndexReader, "hasTerm" | "similarTerms"> {
  const index = buildTypoIndex(terms.map((term) => ({ term, df: 1 })));
  return {
    hasTerm: async (term) => terms.includes(term),
    similarTerms: async (term, maxEdits, limit) => typoCandidates(index, term, maxEdits, limit),
  };
}

describe("correctTypos", () => {
  const index = vocabularyIndex(["early", "detection", "innovation", "potential", "room", "living"]);

  it("adds corrections to unknown words and offers the corrected names", async () => {
    const corrected = await correctTypos(index, parseQuery("Early dteection of innovation potential"), false);
    expect(corrected?.groups[1]).toEqual(["dteection", "detection"]);
    expect(corrected?.matchKeys).toContain("early detection of innovation potential");
  });

  it("leaves known words alone unless asked to correct every word", async () => {
    expect(await correctTypos(index, parseQuery("living room"), false)).toBeUndefined();
    const everyWord = await correctTypos(
      vocabularyIndex(["living", "rooms", "room"]),
      parseQuery("living room"),
      true,
    );
    expect(everyWord?.groups[1]).toEqual(["room", "rooms"]);
    // A known word's corrections are for records holding every word; records with some hold it as typed.
    expect(everyWord?.unknownGroups[1]).toEqual(["room"]);
    const mixed = await correctTypos(
      vocabularyIndex(["prague", "spring", "string"]),
      parseQuery("prague sprnig"),
      true,
    );
    expect(mixed?.unknownGroups).toEqual([["prague"], ["sprnig", "spring"]]);
  });

  it("never corrects short words or numbers", async () => {
    expect(
      await correctTypos(vocabularyIndex(["roo", "2024"]), parseQuery("rom 2025"), true),
    ).toBeUndefined();
  });
});
