/**
 * The kinds of publication a question asks for ("only the theses", "review articles on X", "des jeux de données",
 * "PhD theses about Y"): each a set of values of a publication's `type` attribute. A word that only qualifies a word
 * for papers ("journal", "review", "conference") is then no word of the subject.
 */
import type { WordClass } from "./classify-words.js";
import type { Word } from "./lexicon.js";

const THESES = ["Doctoral Thesis", "Master Thesis", "Bachelor Thesis", "Habilitation Thesis"];
const DATA = ["Dataset", "Data Collection", "Other Research Data"];

/** Words that name a kind by themselves, English and French (folded): a thesis, a dataset, a poster, a monograph. */
const KIND_NOUNS: ReadonlyMap<string, readonly string[]> = new Map([
  ...pairs("thesis theses dissertation dissertations", THESES),
  ...pairs("dataset datasets", DATA),
  ...pairs("poster posters", ["Conference Poster"]),
  ...pairs("monograph monographs monographie monographies", ["Monograph"]),
]);

/** Words that name a kind before a word for papers ("review articles", "conference papers", "book chapters"). */
const KIND_MODIFIERS: ReadonlyMap<string, readonly string[]> = new Map([
  ...pairs("review reviews", ["Review Article"]),
  ...pairs("journal", ["Journal Article", "Other Journal Item"]),
  ...pairs("conference", ["Conference Paper", "Conference Proceedings", "Other Conference Item"]),
  ...pairs("working", ["Working Paper"]),
  ...pairs("book", ["Book Chapter"]),
]);

/** Words after a word for papers and "de" that name its kind ("articles de revue", "articles de synthèse"). */
const FRENCH_KIND_COMPLEMENTS: ReadonlyMap<string, readonly string[]> = new Map([
  ...pairs("revue revues journal journaux", ["Journal Article", "Other Journal Item"]),
  ...pairs("synthese syntheses", ["Review Article"]),
  ...pairs("conference conferences", ["Conference Paper", "Conference Proceedings", "Other Conference Item"]),
  ...pairs("donnees", DATA),
]);

/**
 * Adjectives that say no more than a word for papers they stand beside ("scientific papers", "articles
 * scientifiques", "peer-reviewed articles"), English and French: no kind, and no word of the subject.
 */
const PAPER_QUALIFIERS = new Set(
  "scientific scholarly academic peer-reviewed peer reviewed scientifique scientifiques academique academiques".split(
    " ",
  ),
);

/** Words before "thesis" that narrow it to one degree. */
const DEGREES: ReadonlyMap<string, string> = new Map([
  ...pairs("phd doctoral doctorale doctorales doctorat", "Doctoral Thesis"),
  ...pairs("master masters", "Master Thesis"),
  ...pairs("bachelor bachelors", "Bachelor Thesis"),
]);

/** Words for papers that a kind modifier stands before or a French complement after ("jeux de données": datasets). */
const PAPER_WORDS = new Set(
  "paper papers article articles publication publications chapter chapters chapitre chapitres jeu jeux".split(
    " ",
  ),
);

function pairs<T>(list: string, value: T): [string, T][] {
  return list.split(" ").map((w) => [w, value]);
}

/**
 * The publication kinds `words` ask for (none when they name no kind); the words that only qualify a word for papers
 * are classed "frame" in `classes`, and a kind noun "type" (a publication), in place.
 */
export function readPaperKinds(words: readonly Word[], classes: WordClass[]): string[] {
  const kinds = new Set<string>();
  const folded = (i: number) => words[i]?.folded ?? "";
  words.forEach((word, i) => {
    // French "thèse" folds to English "these": only the accented form is the thesis.
    const noun = word.text.toLowerCase() === "thèse" ? THESES : KIND_NOUNS.get(word.folded);
    if (noun) {
      // "PhD theses", "thèses de doctorat": the degree before, or after "de".
      const before = DEGREES.get(folded(i - 1));
      const after = folded(i + 1) === "de" ? DEGREES.get(folded(i + 2)) : undefined;
      for (const kind of before || after ? [before ?? after ?? ""] : noun) kinds.add(kind);
      if (before) classes[i - 1] = "frame";
      if (after) classes.fill("frame", i + 1, i + 3);
      classes[i] = "type";
      return;
    }
    const modifier = KIND_MODIFIERS.get(word.folded);
    if (modifier && PAPER_WORDS.has(folded(i + 1))) {
      for (const kind of modifier) kinds.add(kind);
      classes[i] = "frame";
      // "Book chapters": the word for papers it qualifies says a publication even when it is no type word.
      classes[i + 1] = "type";
      return;
    }
    // "Peer reviewed papers": the qualifier may be two words, the second next to the word for papers.
    const paperNear = [i - 1, i + 1, i + 2].some((j) => PAPER_WORDS.has(folded(j)) && classes[j] === "type");
    if (PAPER_QUALIFIERS.has(word.folded) && paperNear) {
      classes[i] = "frame";
      return;
    }
    const complement = FRENCH_KIND_COMPLEMENTS.get(word.folded);
    if (complement && ["de", "d"].includes(folded(i - 1)) && PAPER_WORDS.has(folded(i - 2))) {
      for (const kind of complement) kinds.add(kind);
      classes.fill("frame", i - 1, i + 1);
      if (classes[i - 2] !== "type") classes[i - 2] = "frame";
    }
  });
  return [...kinds];
}
