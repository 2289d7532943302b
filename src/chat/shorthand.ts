/**
 * Chat shorthand read as the words it stands for, before a question's words are classed: texting forms of
 * frame words ("what r", "u", "abt", "c koi", "pr", "qqn") and everyday slang verbs ("bosser": to work). Only
 * words typed in lower case are read so: "R" and "C" alone are names of languages.
 */
import type { Word } from "./lexicon.js";

// Each shorthand and the words it stands for (folded). Forms that are also real words or names in one of the
// two languages ("ce", "ou", "sur") are left out; those read only in one place are in `PLACED` below.
const SHORTHAND: ReadonlyMap<string, readonly string[]> = new Map(
  (
    "u:you ur:your ure:you,are wat:what wut:what wht:what whats:what,is wots:what,is whos:who,is wheres:where,is " +
    "hows:how,is abt:about bout:about b4:before bc:because cuz:because coz:because ppl:people pple:people " +
    "smth:something sth:something gimme:give,me wanna:want,to gotta:have,to tho:though thru:through " +
    "koi:quoi kwa:quoi ki:qui kel:quel kels:quels kelle:quelle kelles:quelles pk:pourquoi pq:pourquoi " +
    "pr:pour tt:tout bcp:beaucoup slt:salut mrc:merci qqn:quelqu,un qqun:quelqu,un qqch:quelque,chose " +
    "jsuis:je,suis chui:je,suis ya:il,y,a dispo:disponible dispos:disponibles jcomprends:je,comprends " +
    "jcomprend:je,comprends jsais:je,sais jveux:je,veux jpeux:je,peux jai:je,avoir jcherche:je,cherche " +
    "theres:there,is im:i,am ive:i,have dunno:do,not,know cant:cannot " +
    "bosse:travaille bosses:travaille bossent:travaillent bosser:travaille bossez:travaille bossait:travaille"
  )
    .split(" ")
    .map((pair) => {
      const [short = "", long = ""] = pair.split(":");
      return [short, long.split(",")] as const;
    }),
);

// Question words after which a lone "r" is "are" ("what r mitochondria", "who r the experts").
const BEFORE_ARE = new Set(["what", "who", "where", "which", "how", "why", "when", "wat", "wut", "there"]);

/**
 * `words` with chat shorthand spelt out: each shorthand becomes the words it stands for, all spanning the
 * shorthand's place in the text (so a subject cut from the words is cut from the text as typed). A lone "r" is
 * "are" at the start or after a question word; a lone "c" before "quoi" is "c'est"; "ai" is the verb ("j'ai",
 * "ai-je") only next to "je", else the initials of artificial intelligence.
 */
export function expandShorthand(words: readonly Word[]): Word[] {
  return words.flatMap((word, i) => {
    if (word.text !== word.text.toLowerCase()) return [word];
    const previous = words[i - 1]?.folded ?? "";
    const next = words[i + 1]?.folded ?? "";
    const long =
      word.folded === "r" && (i === 0 || BEFORE_ARE.has(previous))
        ? ["are"]
        : word.folded === "c" && ["quoi", "koi", "qui", "ki"].includes(next)
          ? ["c", "est"]
          : word.folded === "ai" && (previous === "j" || next === "je")
            ? ["avoir"]
            : SHORTHAND.get(word.folded);
    return long ? long.map((folded) => ({ ...word, folded })) : [word];
  });
}

// Everyday clippings of the names of fields and of "introduction", by the language of the question: a subject is
// searched and resolved by the full word its records' names and keywords hold ("discrete math" → "discrete
// mathematics", "intro to organic chemistry II" → "introduction to …"). Forms that are whole words in the other sense
// ("info": information, "éco": economics or ecology, "geo", "lab") are left out.
const CLIPPINGS: Readonly<Record<"en" | "fr", ReadonlyMap<string, string>>> = {
  en: clippings(
    "math:mathematics maths:mathematics stats:statistics stat:statistics intro:introduction bio:biology " +
      "chem:chemistry econ:economics psych:psychology phys:physics algo:algorithms algos:algorithms " +
      "prog:programming calc:calculus philo:philosophy socio:sociology",
  ),
  fr: clippings(
    "math:mathématiques maths:mathématiques stats:statistiques stat:statistiques intro:introduction " +
      "bio:biologie psycho:psychologie algo:algorithmes " +
      "algos:algorithmes prog:programmation philo:philosophie socio:sociologie",
  ),
};

function clippings(list: string): ReadonlyMap<string, string> {
  return new Map(list.split(" ").map((pair) => pair.split(":") as [string, string]));
}

/** `subject` with each clipping typed in lower case spelt out (see `CLIPPINGS`); other words as typed. */
export function spellOutClippings(subject: string, lang: "en" | "fr"): string {
  return subject.replace(/[\p{L}]+/gu, (word) => CLIPPINGS[lang].get(word) ?? word);
}
