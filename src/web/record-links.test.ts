import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cutText } from "./record-links.js";

/** The excerpt rule on the whole text, as it was written first. */
function wholeText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const space = flat.lastIndexOf(" ", max);
  return `${flat.slice(0, space > max * 0.6 ? space : max).replace(/[,;:.\s]+$/, "")}…`;
}

describe("cutText", () => {
  it("cuts at a word boundary with an ellipsis, and leaves short texts whole", () => {
    expect(cutText("Immunology  of\ncells", 100)).toBe("Immunology of cells");
    expect(cutText("The immune system protects the body, mostly.", 30)).toBe(
      "The immune system protects the…",
    );
  });

  it("gives what flattening the whole text gives, however long the text and its runs of spaces", () => {
    const piece = fc.constantFrom(
      "word",
      "a",
      "longerword",
      " ",
      "   ",
      "\n\n",
      "\t",
      ",",
      ".",
      " ".repeat(120),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), fc.integer({ min: 1, max: 60 }), (pieces, max) => {
        const text = pieces.join("");
        expect(cutText(text, max)).toBe(wholeText(text, max));
      }),
      { numRuns: 500 },
    );
  });
});
