import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml, highlightText } from "./highlight.js";

const unmark = (html: string) =>
  html
    .replace(/<\/?mark>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

describe("highlightText", () => {
  it("marks matched words, accents and plurals folded, and escapes the rest", () => {
    const result = highlightText("L'électricité & <les> Cellules", new Set(["electricite", "cellule"]), 200);
    expect(result.html).toBe("L&#39;<mark>électricité</mark> &amp; &lt;les&gt; <mark>Cellules</mark>");
    expect(result.matches).toBe(2);
  });

  it("marks a French word whose English cognate the query holds", () => {
    expect(highlightText("Théorie des graphes", new Set(["theory"]), 100).html).toBe(
      "<mark>Théorie</mark> des graphes",
    );
  });

  it("cuts around the first match when it lies beyond the window", () => {
    const text = `${"filler words here ".repeat(20)}the target word and more text after it`;
    const result = highlightText(text, new Set(["target"]), 80);
    expect(result.html.startsWith("…")).toBe(true);
    expect(result.html).toContain("<mark>target</mark>");
    expect(unmark(result.html).replace(/…/g, "").length).toBeLessThanOrEqual(100);
  });

  it("gives back a piece of the text, escaped, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 8 }), (text, key) => {
        const { html } = highlightText(text, new Set([key.toLowerCase()]), 120);
        expect(html.replace(/<\/?mark>/g, "")).not.toMatch(/[<>"']/);
        expect(text).toContain(unmark(html).replace(/^…|…$/g, ""));
      }),
    );
  });

  it("escapes the five HTML special characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
