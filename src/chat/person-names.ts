/**
 * People's names as users write them: a surname alone ("Odersky"), with a title ("Dr Odersky", "professeur
 * Odersky", "Mme Ailamaki"), with initials before or after it ("M. Odersky", "Odersky M."), in lower case, without
 * accents ("Muller" for "Müller"), with a possessive ("Odersky's courses"). Pure: reads a phrase as a name form and
 * tells how well a person's full name fits it; `resolve-person.ts` looks the candidates up in the graph.
 */
import { fold } from "./lexicon.js";

/** A phrase read as a person's name. */
export interface PersonForm {
  /** The name as typed, without title or possessive ("van Halem"). */
  readonly text: string;
  /** Its words other than initials, folded, in order ("van", "halem"). */
  readonly words: readonly string[];
  /** Its initials, folded, in order ("J.-M. Vesin": "j", "m"). */
  readonly initials: readonly string[];
  /** True when a title stood before the name ("Dr", "Prof.", "Mme", "professeur"). */
  readonly titled: boolean;
  /** True when the name ends with a possessive ("Pausch's"). */
  readonly possessive: boolean;
  /** True when the first initial may as well be a title (the French "M." for Monsieur). */
  readonly titleInitial: boolean;
}

/**
 * Titles that stand before a person's name, in English, French and German, folded and without their stop. They
 * say the next words are a name; they never name a type of record or a subject.
 */
export const HONORIFICS: ReadonlySet<string> = new Set(
  "dr doctor docteur dre prof professor professeur professeure pr mr mrs ms miss mme madame mlle mademoiselle monsieur mx herr frau sir dame ir ing".split(
    " ",
  ),
);

/** Words that join a surname to what stands before it ("van Halem", "de León", "von Groote"). */
const PARTICLES = new Set(
  "van von de der den da di del della dos das du le la ter ten zu y bin ben al el af mac".split(" "),
);

/** The most words a name form holds (initials and particles included). */
const MAX_NAME_WORDS = 5;

/**
 * `phrase` read as a person's name: the words after the last title in it ("appartient Mme Oxenius": "Oxenius"),
 * each a word of letters, an initial or a particle, at least one a word that is not a particle. Undefined when the
 * phrase cannot be a name (a digit, too many words, no surname).
 */
export function readPersonName(phrase: string): PersonForm | undefined {
  const tokens = phrase.trim().split(/\s+/).filter(Boolean);
  let titled = false;
  let start = 0;
  tokens.forEach((token, i) => {
    if (isHonorific(token)) {
      titled = true;
      start = i + 1;
    }
  });
  const rest = tokens.slice(start);
  const last = rest.at(-1);
  const possessive = last !== undefined && /['’]s$/i.test(last);
  if (possessive) rest[rest.length - 1] = (last as string).replace(/['’]s$/i, "");
  const cleaned = rest.map((t) => t.replace(/^[("“«]+|[)"”»,;:!?]+$/g, "")).filter((t) => t !== "");
  if (cleaned.length === 0 || cleaned.length > MAX_NAME_WORDS) return undefined;
  const words: string[] = [];
  const initials: string[] = [];
  for (const token of cleaned) {
    const letters = initialsOf(token);
    if (letters) initials.push(...letters);
    else if (/^[\p{L}][\p{L}'’-]*\.?$/u.test(token)) words.push(fold(token.replace(/\.$/, "")));
    else return undefined;
  }
  if (!words.some((w) => !PARTICLES.has(w) && w.length > 1)) return undefined;
  const first = cleaned[0] ?? "";
  return {
    text: cleaned.join(" "),
    words,
    initials,
    titled,
    possessive,
    titleInitial: first === "M." && cleaned.length > 1,
  };
}

/**
 * True for a title, alone or run together with others ("Prof.dr.ir."). A short one in capitals is an acronym, not a
 * title: "MS thesis", "PR campaign".
 */
export function isHonorific(token: string): boolean {
  const letters = token.replace(/[^\p{L}]/gu, "");
  if (letters.length <= 3 && letters.length > 1 && letters === letters.toUpperCase()) return false;
  const parts = fold(token)
    .split(".")
    .filter((p) => p !== "");
  return parts.length > 0 && parts.every((p) => HONORIFICS.has(p));
}

/** The letters of a token of initials ("A.", "A.B.", "J.-M.", "G"), folded; undefined for a word. */
function initialsOf(token: string): string[] | undefined {
  if (!/^\p{L}([.-]+\p{L})*[.-]*$/u.test(token)) return undefined;
  const letters = token.split(/[.-]+/).filter((p) => p !== "");
  return letters.every((p) => p.length === 1) ? letters.map((p) => fold(p)) : undefined;
}

/** How well a full name fits a name form: 0 not at all, else higher for a closer fit (see `fitName`). */
export type NameFit = 0 | 1 | 2 | 3 | 4;

/**
 * How well the person's full `name` fits `form`. It fits when every word of the form is a word of the name (or the
 * initial of one, "Katrin" for "K."), the name's surname (its last word) is one of them, and the form's initials are
 * the first letters of the name's other words in order ("J.-M." for "Jean-Marc"). Then 4 when the name says
 * nothing more than the form (the same initials, no other given name); 3 when the initials begin the given names
 * ("J. Alexander" for Jake Alexander); 2 when they are only among them (Timothy J. Alexander); 1 when a word of the
 * form is only an initial in the name. Titles in the name ("Prof.dr.ir. Louise O. Fresco") and the text before a
 * colon ("Guest speaker: Dr. X") are not its words. A body's name that the corpus lists as an author ("Social and
 * Pol.Sc. Dep. of Humanities") is no person's: no name form fits it.
 */
export function fitName(form: PersonForm, name: string): NameFit {
  const tokens = nameTokens(name);
  if (tokens.some((t) => BODY_WORDS.has(t.folded))) return 0;
  const surname = tokens.findLastIndex((t) => t.word);
  if (surname < 0) return 0;
  const used = new Set<number>();
  let loose = false;
  for (const word of form.words) {
    const at = tokens.findIndex((t, i) => !used.has(i) && t.word && t.folded === word);
    if (at >= 0) {
      used.add(at);
      continue;
    }
    // A given name written in full where the record has its initial ("Else Katrin" for "Else K.").
    const initial = tokens.findIndex((t, i) => !used.has(i) && !t.word && t.folded === word[0]);
    if (initial < 0 || PARTICLES.has(word)) return 0;
    used.add(initial);
    loose = true;
  }
  if (!used.has(surname)) return 0;
  // The initials, in order, among the first letters of the name's words left (each part of "Jean-Marc" has one).
  const letters = tokens
    .filter((t, i) => !used.has(i) && i < surname && !t.particle)
    .flatMap((t) => (t.word ? t.folded.split("-").map((p) => p[0] ?? "") : [t.folded]));
  let k = 0;
  let aligned = true;
  for (const [i, letter] of letters.entries()) {
    if (k < form.initials.length && letter === form.initials[k]) k += 1;
    else if (k === 0 && i === 0) aligned = false;
  }
  if (k < form.initials.length) return 0;
  if (loose) return 1;
  const others = tokens.filter((t, i) => !used.has(i) && !t.particle);
  if (others.length === form.initials.length && others.every((t) => !t.word)) return 4;
  return aligned || form.initials.length === 0 ? 3 : 2;
}

/** Words that join the words of a body's name and never a person's ("Department of X", "Society for Y"). */
const BODY_WORDS = new Set(["of", "and", "for", "the", "und", "fur", "&"]);

interface NameToken {
  readonly folded: string;
  /** False for an initial. */
  readonly word: boolean;
  /** True for a particle joining the surname ("van" in "Jan van Halem"), not a given name ("Ben" in "Ben Klein"). */
  readonly particle: boolean;
}

/** What may end a full name after the surname: generations and degrees ("Hal Daumé III", "Andrea Holmes, PhD"). */
const SUFFIXES = new Set("jr sr ii iii iv phd md".split(" "));

/**
 * The words and initials of a person's full name, titles, suffixes and any label before a colon left out. A
 * particle is one only in lower case and after the first word: "Ben Klein" is Ben, "Jan van Halem" van Halem.
 */
function nameTokens(name: string): NameToken[] {
  const own = name.includes(":") ? name.slice(name.lastIndexOf(":") + 1) : name;
  const parts = own.split(/\s+/).filter((t) => t !== "" && !isHonorific(t));
  while (parts.length > 1 && SUFFIXES.has(fold((parts.at(-1) as string).replace(/[.,]/g, "")))) parts.pop();
  return parts.flatMap((t, i): NameToken[] => {
    const letters = initialsOf(t);
    if (letters) return letters.map((l) => ({ folded: l, word: false, particle: false }));
    const folded = fold(t.replace(/[.,]$/, ""));
    return [{ folded, word: true, particle: i > 0 && PARTICLES.has(folded) && /^\p{Ll}/u.test(t) }];
  });
}
