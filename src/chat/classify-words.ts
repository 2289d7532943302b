/**
 * The classes of a question's words, the first step of reading its grammar: each word is a type word, a cue (a
 * relation or modifier), a join, a course code, a frame word or a subject word; then a few passes correct what
 * the words around change ("people who …", "lectures about topic modeling", "course videos", "who knows about X",
 * "female experts in …").
 */
import {
  ABOUT_WORDS,
  ASSISTANT_WORDS,
  AUTHOR_WORDS,
  BOTH_WORDS,
  COMPARISON_WORDS,
  EITHER_WORDS,
  EXPLAIN_WORDS,
  FRAME_WORDS,
  LANGUAGE_WORDS,
  LATEST_WORDS,
  LEARN_WORDS,
  LEVEL_WORDS,
  NAME_TYPE_WORDS,
  PREREQUISITE_WORDS,
  RESEARCH_WORDS,
  SMALL_TALK_WORDS,
  SUBJECTIVE_WORDS,
  TEACH_WORDS,
  TYPE_WORDS,
  type Word,
} from "./lexicon.js";

/** A relation or modifier a question's words ask for. */
export type Cue =
  | "prerequisite"
  | "explain"
  | "about"
  | "research"
  | "author"
  | "compare"
  | "latest"
  | "teach"
  | "learn"
  | "what";

/** The words of each cue. */
export const CUE_WORDS: readonly [Cue, ReadonlySet<string>][] = [
  ["prerequisite", PREREQUISITE_WORDS],
  ["explain", EXPLAIN_WORDS],
  ["about", ABOUT_WORDS],
  ["research", RESEARCH_WORDS],
  ["author", AUTHOR_WORDS],
  ["compare", COMPARISON_WORDS],
  ["latest", LATEST_WORDS],
  ["teach", TEACH_WORDS],
  ["learn", LEARN_WORDS],
];

/** A course code as written: "CS-433", "HUM-403(a)". */
export const COURSE_CODE = /^[a-z]{2,8}-\d{3}[a-z]?(\([a-z]{1,3}\))?$/i;
/** Words after which the question names its subject: "courses about X", "cours qui traitent de X". */
export const TOPIC_MARKERS = new Set(
  "about on cover covers covering regarding concerning discuss discusses discussing explaining introduces sur concernant traitent traite parlent parle abordent aborde couvrent couvre de des du d".split(
    " ",
  ),
);

/** Question words that can follow a preposition ("sur quoi", "about what"). */
const INTERROGATIVES = new Set([
  "quoi",
  "what",
  "which",
  "whom",
  "quel",
  "quels",
  "quelle",
  "quelles",
  "lequel",
]);

/** Articles before a type word that labels the name after it: "the course X", "le cours X". */
export const LABEL_ARTICLES = new Set(["the", "le", "la", "l", "du", "au", "this", "ce"]);

/** "Who" in English and French. */
export const WHO = new Set(["who", "whom", "qui"]);

/** The class of a word in a question. */
export type WordClass = "type" | "cue" | "frame" | "join" | "code" | "subject" | "unused";

/** The classes of `words`, and whether a who-question's unknown verb was read as asking about its topic. */
export function classifyWords(words: readonly Word[]): { classes: WordClass[]; whoVerb: boolean } {
  const classes = classifyAll(words);
  readNumerals(words, classes);
  readComplements(words, classes);
  const whoVerb = absorbWhoVerb(words, classes);
  joinCompounds(words, classes);
  absorbModifiers(words, classes);
  return { classes, whoVerb };
}

function classifyAll(words: readonly Word[]): WordClass[] {
  const classes = words.map(classify);
  // "Military Studies": a type word that often ends a name, right after a subject word, is a word of that name.
  for (let i = 1; i < words.length; i += 1)
    if (classes[i - 1] === "subject" && NAME_TYPE_WORDS.has(words[i]?.folded ?? "")) classes[i] = "subject";
  return classes;
}

function classify(word: Word): WordClass {
  if (COURSE_CODE.test(word.text)) return "code";
  if (TYPE_WORDS.has(word.folded)) return "type";
  if (CUE_WORDS.some(([, set]) => set.has(word.folded)) || LEVEL_WORDS.has(word.folded)) return "cue";
  if (LANGUAGE_WORDS.has(word.folded)) return "cue";
  if (
    BOTH_WORDS.has(word.folded) ||
    EITHER_WORDS.has(word.folded) ||
    word.folded === "and" ||
    word.folded === "et"
  )
    return "join";
  // A capital letter alone is a name ("T cells", "C"); in lower case it is an elision ("l'", "d'", "'s").
  if (word.text.length === 1 && /^\p{Lu}$/u.test(word.text) && word.text !== "I" && word.text !== "À")
    return "subject";
  if (FRAME_WORDS.has(word.folded) || SMALL_TALK_WORDS.has(word.folded) || ASSISTANT_WORDS.has(word.folded))
    return "frame";
  return "subject";
}

/**
 * "Image processing I", "Biologie I", "biology i vs biology ii": an "I" right after a subject word, and before the end
 * or a cue, join or type word, is the roman numeral that ends a name, not the speaker ("what should I take" has a
 * frame word before it, "Physics I need" a verb after it).
 */
function readNumerals(words: readonly Word[], classes: WordClass[]): void {
  for (let i = 1; i < words.length; i += 1) {
    if (!["I", "i"].includes(words[i]?.text ?? "") || classes[i - 1] !== "subject") continue;
    const next = classes[i + 1];
    if (next === undefined || next === "cue" || next === "join" || next === "type") classes[i] = "subject";
  }
}

/**
 * "Who" and "qui" ask for a person only when no type word came before them ("people who…", "des cours qui…" are
 * relative pronouns), and the words right after a topic marker are the subject even when they are type or cue
 * words ("lectures about topic modeling", "courses covering requirements for a batch").
 */
function readComplements(words: readonly Word[], classes: WordClass[]): void {
  let typed = false;
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] as Word;
    if (classes[i] === "type" && WHO.has(word.folded) && typed) classes[i] = "frame";
    else if (classes[i] === "type") typed = true;
  }
  const firstSubject = classes.indexOf("subject");
  if (firstSubject < 1) return;
  // "the course Information theory and coding": a capitalised cue word right after "the <type>" begins the name.
  for (let i = 2; i < firstSubject; i += 1) {
    const named = classes[i - 1] === "type" && LABEL_ARTICLES.has(words[i - 2]?.folded ?? "");
    if (named && classes[i] === "cue" && /^\p{Lu}\p{Ll}/u.test(words[i]?.text ?? "")) classes[i] = "subject";
  }
  let marker = -1;
  for (let i = 0; i < firstSubject; i += 1) if (TOPIC_MARKERS.has(words[i]?.folded ?? "")) marker = i;
  // "Sur quoi travaille X", "on what does X work": the marker's object is the question word, not what follows.
  if (marker < 0 || INTERROGATIVES.has(words[marker + 1]?.folded ?? "")) return;
  for (let i = marker + 1; i < firstSubject; i += 1) {
    const weakType = classes[i] === "type" && TYPE_WORDS.get(words[i]?.folded ?? "") === "concept";
    if (weakType || classes[i] === "cue") classes[i] = "subject";
    // A type word after the marker starts another phrase ("des exposés qui expliquent X"): the subject is after it.
    else if (classes[i] === "type") return;
  }
}

/**
 * Two type words in a row name one kind of record, the last in English ("course videos": lectures), the first in
 * French with "de" and no article ("vidéos de cours"): the other is not a second type to go through.
 */
function joinCompounds(words: readonly Word[], classes: WordClass[]): void {
  const typeAt = (i: number) => (classes[i] === "type" ? TYPE_WORDS.get(words[i]?.folded ?? "") : undefined);
  const strong = (i: number) =>
    !WHO.has(words[i]?.folded ?? "") && ![undefined, "concept"].includes(typeAt(i));
  // "Online courses" are MOOCs: read as such when the types are listed, not as a compound.
  const online = (i: number, j: number) =>
    new Set([typeAt(i), typeAt(j)]).size === 2 &&
    [typeAt(i), typeAt(j)].every((t) => t === "mooc" || t === "course");
  for (let i = 0; i + 1 < words.length; i += 1) {
    if (!strong(i)) continue;
    if (strong(i + 1) && !online(i, i + 1)) classes[i] = "frame";
    else if (["de", "d"].includes(words[i + 1]?.folded ?? "") && strong(i + 2) && !online(i, i + 2))
      classes[i + 2] = "frame";
  }
}

/**
 * "Who knows about X", "who can I ask about X", "who focuses on X": in a who-question, a verb the lexicon does not
 * know, right after "who" (and auxiliaries) and before a topic marker, asks for the people about X. Returns true
 * when it took such a verb out of the subject.
 */
function absorbWhoVerb(words: readonly Word[], classes: WordClass[]): boolean {
  const who = words.findIndex((w, i) => classes[i] === "type" && WHO.has(w.folded));
  if (who < 0 || classes.some((c, i) => c === "type" && !WHO.has(words[i]?.folded ?? ""))) return false;
  const verb = classes.indexOf("subject");
  const marker = words[verb + 1]?.folded ?? "";
  const between = words.slice(who + 1, Math.max(who + 1, verb));
  if (verb <= who || !between.every((w) => AUXILIARIES.has(w.folded))) return false;
  if (!/^\p{Ll}/u.test(words[verb]?.text ?? "") || !VERB_MARKERS.has(marker)) return false;
  if (!classes.some((c, i) => c === "subject" && i > verb + 1)) return false;
  classes[verb] = "frame";
  return true;
}

const AUXILIARIES = new Set(
  "can could should would will do does did is are i we je on peut peux dois s y se".split(" "),
);
// Topic markers after a verb; not "de", which also joins the words of a name ("gestion de projet").
const VERB_MARKERS = new Set(["about", "on", "in", "with", "sur", "dans", "avec", "concernant", "en"]);

/** Subject words before the first type word, with only frame words before them, qualify the type: not a subject. */
function absorbModifiers(words: readonly Word[], classes: WordClass[]): void {
  const firstType = classes.indexOf("type");
  const firstSubject = classes.indexOf("subject");
  if (firstType < 0 || firstSubject < 0 || firstSubject > firstType) return;
  // "genomics courses" names its subject before the type; "female experts in genomics" qualifies the type.
  if (!classes.some((c, i) => c === "subject" && i > firstType)) return;
  // A cue or join between them ends the phrase: "Image processing I different from Image and video processing".
  const between = classes.slice(firstSubject, firstType);
  if (between.some((c) => c === "cue" || c === "join" || c === "code")) return;
  for (let i = firstSubject; i < firstType; i += 1) {
    if (classes[i] !== "subject") continue;
    // A word of opinion or level before the type is read elsewhere; the rest is said to be unused.
    classes[i] = SUBJECTIVE_WORDS.has(words[i]?.folded ?? "") ? "frame" : "unused";
  }
}
