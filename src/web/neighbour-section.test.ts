import { describe, expect, it } from "vitest";
import { renderWhy } from "./neighbour-section.js";

const why = async (kind: string, evidence: Record<string, unknown>, lang: "en" | "fr" = "en") =>
  String(await renderWhy({ score: 0.4, kind, evidence }, lang));

describe("why a neighbour is listed", () => {
  it("says a record only names the concept in its text, in both languages", async () => {
    expect(await why("mention", { named: 2, via: [] })).toContain("named in its text");
    expect(await why("mention", { named: 2, via: [] }, "fr")).toContain("nommé dans son texte");
    expect(await why("concept", { detected: 0.5, keyword: false, mentions: [] })).not.toContain("named");
  });

  it("names the concepts a record came through", async () => {
    expect(await why("via-concept", { via: [{ id: "T_cell", share: 0.6 }] })).toContain("through T cell");
  });
});
