import { describe, expect, it } from "vitest";
import { renderAlso, renderWhy } from "./neighbour-section.js";

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

  it("names the field a record came through when no concept brought it", async () => {
    expect(await why("via-concept", { via: [], field: "Immunology" })).toContain("in its field, Immunology");
    expect(await why("via-concept", { via: [], field: "Immunology" }, "fr")).toContain(
      "dans son domaine, Immunology",
    );
  });
});

describe("variants listed under a record", () => {
  it("links each variant by what tells it apart: its code, else its MOOC when that differs", async () => {
    const summary = (id: string, extra: Record<string, unknown> = {}) => ({
      type: "course",
      id,
      name: "General physics II",
      excerpt: "",
      ...extra,
    });
    const sections = String(
      await renderAlso(
        summary("PHYS-106(a)", { code: "PHYS-106(a)" }),
        [summary("PHYS-106(b)", { code: "PHYS-106(b)" })],
        "en",
      ),
    );
    expect(sections).toContain("also:");
    expect(sections).toContain('href="/course/PHYS-106(b)"');
    expect(sections).toContain(">PHYS-106(b)</a>");
    const partOf = (name: string) => ({ partOf: { type: "mooc", id: name, name } });
    const reruns = String(
      await renderAlso(
        summary("lec-1", partOf("Statistics 2019")),
        [summary("lec-2", partOf("Statistics 2021"))],
        "fr",
      ),
    );
    expect(reruns).toContain("aussi :");
    expect(reruns).toContain(">Statistics 2021</a>");
    expect(String(await renderAlso(summary("lec-1"), [], "en"))).toBe("");
    const counted = String(await renderAlso(summary("PHYS-106(a)"), [summary("PHYS-106(b)")], "en", 3));
    expect(counted).toContain("and 3 more</span>");
    expect(String(await renderAlso(summary("PHYS-106(a)"), [summary("PHYS-106(b)")], "fr", 3))).toContain(
      "et 3 autres",
    );
    expect(String(await renderAlso(summary("PHYS-106(a)"), [summary("PHYS-106(b)")], "en"))).not.toContain(
      "more",
    );
  });
});
