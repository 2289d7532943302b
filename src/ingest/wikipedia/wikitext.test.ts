import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  analyzeArticle,
  extractCategories,
  extractLeadParagraph,
  extractLinks,
  extractRedirect,
  wikitextToPlainText,
} from "./wikitext.js";

describe("extractLinks", () => {
  it("reads plain, piped and sectioned links with their anchors", () => {
    expect(
      extractLinks(
        "See [[Graph theory]], [[graph (discrete mathematics)|graphs]] and [[Euler#Life|his life]].",
      ),
    ).toEqual([
      { target: "Graph theory", anchor: "Graph theory" },
      { target: "Graph (discrete mathematics)", anchor: "graphs" },
      { target: "Euler", anchor: "his life" },
    ]);
  });

  it("normalises targets as Wikipedia does: underscores, spaces, first letter, section, leading colon", () => {
    const links = extractLinks(
      "[[  machine_learning  ]] [[élan   vital]] [[:deep learning#History]] [[Caf&eacute;]]",
    );
    expect(links.map((link) => link.target)).toEqual([
      "Machine learning",
      "Élan vital",
      "Deep learning",
      "Café",
    ]);
  });

  it("keeps the target text as written as the anchor of an unpiped link", () => {
    expect(extractLinks("[[machine_learning]]")).toEqual([
      { target: "Machine learning", anchor: "machine_learning" },
    ]);
  });

  it("glues link trails to the anchor, accented letters included, and stops at other characters", () => {
    expect(extractLinks("Many [[cell]]s, [[Paris]]iennes and [[atom]]'s [[ion]]-s.")).toEqual([
      { target: "Cell", anchor: "cells" },
      { target: "Paris", anchor: "Parisiennes" },
      { target: "Atom", anchor: "atom" },
      { target: "Ion", anchor: "ion" },
    ]);
  });

  it("applies the pipe trick: parentheses, commas and namespaces drop out of the anchor", () => {
    expect(extractLinks("[[Mercury (planet)|]] and [[Paris, Texas|]]")).toEqual([
      { target: "Mercury (planet)", anchor: "Mercury" },
      { target: "Paris, Texas", anchor: "Paris" },
    ]);
  });

  it("cleans markup inside anchors", () => {
    expect(extractLinks("[[Ranma ½|'''''Ranma''''' &frac12;]] [[A|<span>b</span>   c]]")).toEqual([
      { target: "Ranma ½", anchor: "Ranma ½" },
      { target: "A", anchor: "b c" },
    ]);
  });

  it("skips links to other namespaces, interlanguage and interwiki links, and in-page sections", () => {
    const text = [
      "[[File:Cell.png|thumb]] [[Image:X.jpg]] [[Fichier:Y.jpg|vignette]] [[Category:Biology]]",
      "[[Catégorie:Biologie]] [[Wikipedia:About]] [[Help:Links|help]] [[Template:Cite]] [[fr:Cellule]]",
      "[[:fr:Cellule|French]] [[wikt:cell|cell]] [[#History|above]] [[User talk:Bob]]",
    ].join("\n");
    expect(extractLinks(text)).toEqual([]);
  });

  it("keeps article titles that merely contain a colon", () => {
    expect(extractLinks("[[Star Wars: Episode I]] [[Ur: The Story]]").map((link) => link.target)).toEqual([
      "Star Wars: Episode I",
      "Ur: The Story",
    ]);
  });

  it("finds links inside image captions, including next to external links, and inside templates", () => {
    const text =
      "[[File:Cell.png|thumb|A [[neuron]] ([http://x.org source]]] {{Infobox|capital = [[Berlin]]}}";
    expect(extractLinks(text).map((link) => link.target)).toEqual(["Neuron", "Berlin"]);
  });

  it("ignores links in comments, references and nowiki", () => {
    const text = "A<!-- [[Hidden]] -->.<ref>[[The Guardian]]</ref> <nowiki>[[Literal]]</nowiki> [[Shown]]";
    expect(extractLinks(text).map((link) => link.target)).toEqual(["Shown"]);
  });

  it("rejects targets that are not titles", () => {
    expect(extractLinks("[[a\nb]] [[{{PAGENAME}}]] [[]] [[ | x]]")).toEqual([]);
  });
});

describe("extractCategories", () => {
  it("reads English and French categories without their sort keys, each once", () => {
    const text =
      "x\n[[Category:Living people]]\n[[Catégorie:Linguiste français|Meillet]]\n[[category:Foo_bar]]\n[[Category:Living people|*]]";
    expect(extractCategories(text)).toEqual(["Living people", "Linguiste français", "Foo bar"]);
  });

  it("does not count a link to a category page as a membership", () => {
    expect(extractCategories("[[:Catégorie:Gare de Berlin|plusieurs gares]]")).toEqual([]);
  });
});

describe("wikitextToPlainText", () => {
  it("drops nested, multi-line templates such as infoboxes", () => {
    const text =
      "{{Infobox person\n| name = {{nowrap|Ada {{small|Lovelace}}}}\n| born = {{birth date|1815|12|10}}\n}}\n'''Ada''' was a mathematician.";
    expect(wikitextToPlainText(text)).toBe("Ada was a mathematician.");
  });

  it("drops tables, nested ones included, and keeps the text around them", () => {
    const text = 'Before.\n{| class="wikitable"\n|-\n! A !! B\n|-\n| 1 || {{x}}\n{|\n| inner\n|}\n|}\nAfter.';
    expect(wikitextToPlainText(text)).toBe("Before. After.");
  });

  it("drops references, self-closing ones included, and math, gallery and timeline content", () => {
    const text =
      'Cells<ref name="a">Smith, 2001.</ref> divide<ref name="a" />. <math>x^2</math>Done.<gallery>\nA.jpg|cap\n</gallery><timeline>x</timeline>';
    expect(wikitextToPlainText(text)).toBe("Cells divide. Done.");
  });

  it("drops File and Image links with captions holding links, and category and interlanguage links", () => {
    const text =
      "[[File:Cell.png|thumb|left|A [[cell]] in [[mitosis]]]]Cells [[Image:X.jpg|20px]]grow.\n[[Category:Biology]]\n[[fr:Cellule]]";
    expect(wikitextToPlainText(text)).toBe("Cells grow.");
  });

  it("shows internal links as their anchors and external links as their labels", () => {
    const text =
      "A [[cell (biology)|cell]] has [[organelle]]s; see [https://example.org the site] or [http://bare.org].";
    expect(wikitextToPlainText(text)).toBe("A cell has organelles; see the site or.");
  });

  it("removes comments, magic words, headings markup, bold and italic quotes", () => {
    const text =
      "__NOTOC__\n<!-- note -->'''Bold''' and ''italic'' and L''''Autriche''' \n== History ==\nText.";
    expect(wikitextToPlainText(text)).toBe("Bold and italic and L'Autriche History Text.");
  });

  it("keeps the inner text of inline HTML tags", () => {
    expect(wikitextToPlainText("H<sub>2</sub>O is <span style='x'>water</span><br/>indeed")).toBe(
      "H2O is water indeed",
    );
  });

  it("decodes named, decimal and hexadecimal entities", () => {
    expect(wikitextToPlainText("A&nbsp;&amp;&nbsp;B &ndash; &#123;&#x7D; &eacute;t&eacute; &bogus;")).toBe(
      "A & B – {} été &bogus;",
    );
  });

  it("shows the text of inline templates such as lang, nihongo and French dates", () => {
    const text =
      "{{nihongo|Ranma ½|らんま½}} in {{lang|de|Berlin}}, né le {{date|11|novembre|1866}} au {{XXe siècle}}.";
    expect(wikitextToPlainText(text)).toBe("Ranma ½ in Berlin, né le 11 novembre 1866 au XXe siècle.");
  });

  it("removes the husks of dropped pronunciation templates", () => {
    expect(wikitextToPlainText("Merkel ({{IPA|x}}; {{IPA|y}}; born 1954) is. Asda ({{IPA|z}}) is")).toBe(
      "Merkel (born 1954) is. Asda is",
    );
  });

  it("keeps the text after a stray opener and drops a stray closer", () => {
    expect(wikitextToPlainText("Start {{ unclosed text [[ open")).toBe("Start {{ unclosed text [[ open");
    expect(wikitextToPlainText("A}} b]] c |} d")).toBe("A}} b]] c |} d");
  });

  it("closes a template across an unclosed link inside it", () => {
    expect(wikitextToPlainText("{{cite|title=[[broken}} kept")).toBe("kept");
  });

  it("shows nowiki content literally", () => {
    expect(wikitextToPlainText("<nowiki>[[not a link]] {{x}}</nowiki>")).toBe("[[not a link]] {{x}}");
  });
});

describe("extractLeadParagraph", () => {
  const long = "This sentence is long enough to matter. ".repeat(6).trim();

  it("returns the first paragraph before the first heading, without the infobox above it", () => {
    const text = `{{Infobox|a=b}}\n'''Anarchism''' is a [[political philosophy]].\n\n${long}\n== History ==\nLater.`;
    expect(extractLeadParagraph(text)).toBe(`Anarchism is a political philosophy. ${long}`);
  });

  it("adds the next paragraph only when the first is under 200 characters", () => {
    expect(extractLeadParagraph("Short first.\n\nSecond.\n\nThird.")).toBe("Short first. Second.");
    expect(extractLeadParagraph(`${long}\n\nSecond.\n\nThird.`)).toBe(long);
  });

  it("stops at the first heading even when the lead is short", () => {
    expect(extractLeadParagraph("Short.\n==Heading==\nBody text.")).toBe("Short.");
  });

  it("cuts a long lead at a sentence end before 1,200 characters", () => {
    const lead = extractLeadParagraph("Word word word word word. ".repeat(100));
    expect(lead.length).toBeLessThanOrEqual(1200);
    expect(lead.length).toBeGreaterThan(1100);
    expect(lead.endsWith("word.")).toBe(true);
  });

  it("cuts a lead without sentence ends at a word, marked with an ellipsis", () => {
    const lead = extractLeadParagraph("word ".repeat(400), { maxLength: 100 });
    expect(lead).toBe(`${"word ".repeat(19)}word…`);
  });

  it("returns an empty lead when the page starts with a heading", () => {
    expect(extractLeadParagraph("{{Compact ToC}}\n\n==A==\n* [[X]]")).toBe("");
  });
});

describe("extractRedirect", () => {
  it("reads English and French redirects and normalises the target", () => {
    expect(extractRedirect("#REDIRECT [[computer_accessibility#History]]")).toBe("Computer accessibility");
    expect(extractRedirect("#REDIRECTION [[Autriche]]")).toBe("Autriche");
    expect(extractRedirect("#redirect:[[x]]")).toBe("X");
  });

  it("finds none in an article", () => {
    expect(extractRedirect("Text with #REDIRECT [[X]] later")).toBeUndefined();
  });
});

describe("analyzeArticle", () => {
  it("gives the same lead, links and categories as the separate functions", () => {
    const text = "'''A''' links [[b]] and [[c|d]].\n== H ==\n[[e]]\n[[Category:F]]";
    expect(analyzeArticle(text)).toEqual({
      lead: extractLeadParagraph(text),
      links: extractLinks(text),
      categories: extractCategories(text),
    });
  });
});

describe("robustness", () => {
  const markup = fc.constantFrom(
    ..."{{ }} {| |} [[ ]] [ ] | ' '' ''' <ref> </ref> <ref/> <!-- --> = == \n & &amp; <nowiki> # * :".split(
      " ",
    ),
    "\n",
    "[http://x y]",
    "File:",
    "Category:",
  );
  const wikitext = fc
    .array(fc.oneof(markup, fc.string({ maxLength: 8 })), { maxLength: 200 })
    .map((parts) => parts.join(""));

  it("returns strings for any mix of unbalanced markup", () => {
    fc.assert(
      fc.property(wikitext, (text) => {
        expect(typeof wikitextToPlainText(text)).toBe("string");
        expect(typeof extractLeadParagraph(text)).toBe("string");
        for (const link of extractLinks(text)) expect(link.target).not.toBe("");
        expect(Array.isArray(extractCategories(text))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("never loses plain words between markup", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("{{", "[[", "}}", "]]", "|"), { maxLength: 30 }), (noise) => {
        expect(wikitextToPlainText(`alpha ${noise.join("")} omega`).startsWith("alpha")).toBe(true);
      }),
    );
  });

  it("parses deep nesting and long runs of stray openers in linear time without overflowing the stack", () => {
    const deep = `${"{{".repeat(100_000)}x${"}}".repeat(100_000)} after`;
    const strays = `${"[[a ".repeat(50_000)}${"{{b ".repeat(50_000)}${"<ref>".repeat(20_000)} end`;
    expect(wikitextToPlainText(deep)).toContain("after");
    expect(wikitextToPlainText(strays).endsWith("end")).toBe(true);
  });
});
