/**
 * The classes of a question's words, the first step of reading its grammar: each word is a type word, a cue (a
 * relation or modifier), a join, a course code, a frame word or a subject word; then a few passes correct what
 * the words around change ("people who …", "lectures about topic modeling", "course videos", "who knows about X",
 * "female experts in …").
 */

import { keepSubjectClause } from "./clauses.js";
import {
  ABOUT_WORDS,
  AGE_WORDS,
  ASSISTANT_WORDS,
  AUDIENCE_WORDS,
  AUTHOR_WORDS,
  BOTH_WORDS,
  COMPARISON_WORDS,
  EITHER_WORDS,
  EXPLAIN_WORDS,
  FRAME_WORDS,
  LANGUAGE_NOUNS,
  LANGUAGE_WORDS,
  LATEST_WORDS,
  LEARN_WORDS,
  LEVEL_WORDS,
  NAME_TYPE_WORDS,
  NUMBER_WORDS,
  PERIOD_WORDS,
  PERSON_PRONOUNS,
  PLACE_WORDS,
  PREREQUISITE_WORDS,
  REQUEST_VERBS,
  RESEARCH_WORDS,
  SEASON_WORDS,
  SMALL_TALK_WORDS,
  STAGE_AFTER,
  STAGE_WORDS,
  SUBJECTIVE_WORDS,
  TEACH_WORDS,
  TOPIC_MARKERS,
  TYPE_WORDS,
  type Word,
} from "./lexicon.js";
import { readPaperKinds } from "./paper-kinds.js";

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
export { TOPIC_MARKERS } from "./lexicon.js";

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
export function classifyWords(
  words: readonly Word[],
  text?: string,
): { classes: WordClass[]; whoVerb: boolean; wholeSpan?: string; count?: number; paperKinds: string[] } {
  const classes = classifyAll(words);
  const paperKinds = readPaperKinds(words, classes);
  readModifiers(words, classes);
  readCompanionNouns(words, classes);
  readPlaces(words, classes);
  readOwnTypes(words, classes);
  readSpeakerRequest(words, classes);
  readNumerals(words, classes);
  readComplements(words, classes);
  // After the complements: a stage after a topic marker ("MOOCs de niveau avancé") is not the subject's.
  readPeriods(words, classes);
  readWeakTypes(words, classes);
  const whoVerb = absorbWhoVerb(words, classes);
  readNamedTypes(words, classes);
  joinCompounds(words, classes);
  const count = readCount(words, classes);
  const wholeSpan = text === undefined ? undefined : keepSubjectClause(words, classes, text);
  endAtSpeaker(words, classes);
  absorbModifiers(words, classes);
  return { classes, whoVerb, paperKinds, ...(wholeSpan ? { wholeSpan } : {}), ...(count ? { count } : {}) };
}

function classifyAll(words: readonly Word[]): WordClass[] {
  const classes = words.map(classify);
  // "Military Studies": a type word that often ends a name, right after a subject word, is a word of that name.
  for (let i = 1; i < words.length; i += 1)
    if (classes[i - 1] === "subject" && NAME_TYPE_WORDS.has(words[i]?.folded ?? "")) classes[i] = "subject";
  // "MOOCs on teacher training", "cours sur la sécurité des laboratoires": after the type asked and a topic marker, a
  // type word that leads a common noun is a word of the subject (a title before a name, "prof Dupont", is not); so is
  // one joined to it by "of" or "de" ("cours sur les groupes de Lie", "courses on groups of symmetries").
  const asked = classes.indexOf("type");
  let marked = false;
  const lower = (j: number) => classes[j] === "subject" && /^\p{Ll}/u.test(words[j]?.text ?? "");
  // "MOOC à la fois sur l'enseignement et sur …", "MOOCs about teaching": a type word that is the object of a topic
  // marker itself (an article between) is the subject too, unless it names people ("cours de l'enseignant X").
  const object = (i: number) =>
    OBJECT_MARKERS.has(words[i - 1]?.folded ?? "") ||
    (ARTICLES.has(words[i - 1]?.folded ?? "") && OBJECT_MARKERS.has(words[i - 2]?.folded ?? ""));
  for (let i = asked + 1; asked >= 0 && i < words.length; i += 1) {
    const common = lower(i + 1) || (NOUN_LINKS.has(words[i + 1]?.folded ?? "") && lower(i + 2));
    const who = WHO.has(words[i]?.folded ?? "");
    const person = TYPE_WORDS.get(words[i]?.folded ?? "") === "person";
    if (classes[i] === "type" && marked && ((common && !who) || (object(i) && !person)))
      classes[i] = "subject";
    marked ||= TOPIC_MARKERS.has(words[i]?.folded ?? "");
  }
  return classes;
}

// Words that join a noun to the noun it is of: "groups of symmetries", "groupes de production".
const NOUN_LINKS = new Set(["of", "de", "d", "du", "des"]);
// Topic markers whose object is the subject whatever its word ("de" is left out: "les cours de l'EPFL").
const OBJECT_MARKERS = new Set(["about", "on", "regarding", "concerning", "sur", "concernant"]);
const ARTICLES = new Set(["the", "a", "an", "le", "la", "les", "l", "un", "une"]);

function classify(word: Word): WordClass {
  if (COURSE_CODE.test(word.text)) return "code";
  if (AUDIENCE_WORDS.has(word.folded)) return "frame";
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
  // "Which lab is he in?": a pronoun for a person points back at one; only a capital makes it a name ("Weidong He").
  if (PERSON_PRONOUNS.has(word.folded) && word.text === word.text.toLowerCase()) return "frame";
  // A capital letter alone is a name ("T cells", "C"); in lower case it is an elision ("l'", "d'", "'s").
  if (word.text.length === 1 && /^\p{Lu}$/u.test(word.text) && word.text !== "I" && word.text !== "À")
    return "subject";
  if (
    FRAME_WORDS.has(word.folded) ||
    REQUEST_VERBS.has(word.folded) ||
    SMALL_TALK_WORDS.has(word.folded) ||
    ASSISTANT_WORDS.has(word.folded)
  )
    return "frame";
  return "subject";
}

/** Words that may stand between a type or level word and the stage or season it has ("semestre d'automne"). */
const PERIOD_LINKS = new Set([
  "de",
  "d",
  "du",
  "of",
  "the",
  "in",
  "en",
  "au",
  "at",
  "an",
  "a",
  "this",
  "next",
  "ce",
  "cet",
]);

/**
 * "Advanced MOOCs", "des cours avancés", "introductory level", "spring semester courses", "cours du semestre
 * d'automne", "classes in the fall": a stage or season word before a type word, or after one (the French stage words,
 * and the seasons), or beside a level or semester word, asks for records of that stage or half of the year; the
 * level or semester word goes with it. Elsewhere they are words of a name ("Advanced analysis", "Prague Spring").
 */
function readPeriods(words: readonly Word[], classes: WordClass[]): void {
  const period = (i: number) => PERIOD_WORDS.has(words[i]?.folded ?? "");
  // "Any intermediate ones?", "which of those are introductory?", "seulement les avancés": a stage word that is the
  // question's only subject word, in a question naming no type, asks for that stage of the records last listed.
  // "And in spring?", "et en automne ?": so may a stage or season word after a follow-up's opener.
  const opened =
    FOLLOW_OPENERS.has(words[0]?.folded ?? "") ||
    ABOUT_OPENERS.has(
      words
        .slice(0, 2)
        .map((w) => w.folded)
        .join(" "),
    );
  const alone = (i: number) =>
    !classes.includes("type") &&
    (words.some((w) => POINTERS.has(w.folded)) || opened) &&
    classes.every((c, k) => k === i || (c !== "subject" && c !== "code"));
  // "Chemistry courses given in autumn", "cours de chimie au printemps": a season in lower case after a preposition of
  // time, with nothing named after it, in a question asking for records.
  const inTime = (i: number) => {
    let k = i - 1;
    if (["the", "le", "l"].includes(words[k]?.folded ?? "")) k -= 1;
    const after = classes.slice(i + 1).some((c) => c === "subject" || c === "code");
    return (
      TIME_PREPOSITIONS.has(words[k]?.folded ?? "") &&
      /^\p{Ll}/u.test(words[i]?.text ?? "") &&
      !after &&
      classes.includes("type")
    );
  };
  // "MOOCs that are intermediate", "des MOOC qui sont avancés": a stage said of records named before it.
  const said = (i: number) =>
    COPULAS.has(words[i - 1]?.folded ?? "") && classes.slice(0, i - 1).includes("type");
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]?.folded ?? "";
    const season = SEASON_WORDS.has(word);
    // "Cours d'introduction", "MOOC d'introduction": the French name of the first stage, after a type word and "de".
    const introduction =
      word === "introduction" &&
      ["d", "de"].includes(words[i - 1]?.folded ?? "") &&
      classes[i - 2] === "type";
    if (!season && !STAGE_WORDS.has(word) && !introduction) continue;
    let before = i - 1;
    while (before >= 0 && i - before <= 2 && PERIOD_LINKS.has(words[before]?.folded ?? "")) before -= 1;
    const afterType = classes[before] === "type" && (season || STAGE_AFTER.has(word) || introduction);
    const stageAlone = (season ? opened : STAGE_WORDS.has(word)) && alone(i);
    const stated = STAGE_WORDS.has(word) && said(i);
    const leading =
      (STAGE_WORDS.has(word) && leadsType(words, classes, i, "mooc")) ||
      (ONLY_SEASONS.has(word) && leadsType(words, classes, i, "course"));
    const timed = season && inTime(i);
    if (
      !(
        classes[i + 1] === "type" ||
        period(i + 1) ||
        period(before) ||
        afterType ||
        stageAlone ||
        stated ||
        leading ||
        timed
      )
    )
      continue;
    classes[i] = "cue";
    if (period(i + 1)) classes[i + 1] = "frame";
    if (period(before)) classes[before] = "frame";
  }
  // "The master's programme", "bachelor degree", "cursus de master": the words of a course of study after or before a
  // level word say no more than the level.
  for (let i = 0; i < words.length; i += 1) {
    if (!LEVEL_WORDS.has(words[i]?.folded ?? "")) continue;
    const after = words[i + 1]?.folded === "s" ? i + 2 : i + 1;
    for (const k of [after, i - 1, i - 2])
      if (
        PROGRAMME_WORDS.has(words[k]?.folded ?? "") &&
        (k !== i - 2 || PERIOD_LINKS.has(words[i - 1]?.folded ?? ""))
      )
        classes[k] = "frame";
  }
}

/** Words that open a follow-up: "and in spring?", "et en automne ?", "what about advanced ones?". */
const FOLLOW_OPENERS = new Set(["and", "et", "also", "aussi", "plus"]);
const ABOUT_OPENERS = new Set(["what about", "how about", "et pour", "and for"]);

/** Words that say what a thing is: "MOOCs that are advanced", "qui sont avancés". */
const COPULAS = new Set(["is", "are", "be", "est", "sont", "soient"]);

/**
 * "Introductory history MOOCs", "spring chemistry courses": a stage or season word in lower case that begins the
 * words before a type word of `type` (one to three subject words between) is the records' stage or season; a name
 * holding one is written with capitals ("Advanced Bioconductor"). Only MOOCs have stages, only courses seasons.
 */
function leadsType(words: readonly Word[], classes: readonly WordClass[], i: number, type: string): boolean {
  if (!/^\p{Ll}/u.test(words[i]?.text ?? "") || classes[i - 1] === "subject") return false;
  let k = i + 1;
  while (k < words.length && k - i <= 3 && classes[k] === "subject") k += 1;
  return k > i + 1 && classes[k] === "type" && TYPE_WORDS.get(words[k]?.folded ?? "") === type;
}

// Season words that name nothing else ("fall" is also a verb and a noun: "fall detection").
const ONLY_SEASONS = new Set(["spring", "autumn", "printemps", "automne"]);

// Prepositions of time before a season: "in autumn", "during the spring", "au printemps", "en automne".
const TIME_PREPOSITIONS = new Set(["in", "during", "en", "au", "pendant", "durant"]);

/** Words that point at records already listed: "any intermediate ones?", "which of those …", "les avancés". */
const POINTERS = new Set([
  "ones",
  "those",
  "these",
  "them",
  "les",
  "ceux",
  "celles",
  "lesquels",
  "lesquelles",
]);

/** Words for a course of study, which a level word names: "master's programme", "cursus de bachelor". */
const PROGRAMME_WORDS = new Set([
  "program",
  "programs",
  "programme",
  "programmes",
  "degree",
  "degrees",
  "track",
  "cursus",
  "curriculum",
  "diplome",
  "level",
  "niveau",
]);

/**
 * Words that qualify a modifier rather than name a subject: the "first" of "newest first" and the "oldest" of
 * "newest to oldest" (a sort), the word
 * before an audience word ("for total beginners", "pour grands débutants").
 */
function readModifiers(words: readonly Word[], classes: WordClass[]): void {
  for (let i = 1; i < words.length; i += 1) {
    const sorted = ["first", "premier", "premiers", "abord"].includes(words[i]?.folded ?? "");
    if (sorted && LATEST_WORDS.has(words[i - 1]?.folded ?? "")) classes[i] = "frame";
    // "de la plus récente à la plus ancienne", "newest to oldest": the other end of a sort by year.
    const sorting = words.some((w, j) => j < i && LATEST_WORDS.has(w.folded));
    if (sorting && AGE_WORDS.has(words[i]?.folded ?? "")) classes[i] = "frame";
    if (AUDIENCE_WORDS.has(words[i]?.folded ?? "") && classes[i - 1] === "subject") classes[i - 1] = "frame";
    // "Beginner friendly", "beginner-friendly": who a record suits, said with the audience word.
    if (AUDIENCE_WORDS.has(words[i - 1]?.folded ?? "") && words[i]?.folded === "friendly")
      classes[i] = "frame";
  }
}

/**
 * "Sex differences", "cultural comparisons": a comparison noun right after a subject word is a word of the subject,
 * unless "between" or "entre" leads to what it compares ("the difference between A and B" and "A vs B" keep theirs).
 * "En langue française", "in the French language": a word for language beside a language name says no more than it.
 * "Lecture notes", "course materials": the documents of a record say no more than its type word.
 */
function readCompanionNouns(words: readonly Word[], classes: WordClass[]): void {
  for (let i = 1; i < words.length; i += 1) {
    const compares = ["between", "entre"].includes(words[i + 1]?.folded ?? "");
    if (COMPARISON_NOUNS.has(words[i]?.folded ?? "") && classes[i - 1] === "subject" && !compares)
      classes[i] = "subject";
  }
  // "A short explanation of X", "une explication simple de X": how long or plain the explanation is, not the subject.
  for (let i = 0; i < words.length; i += 1) {
    const explained = [i - 1, i + 1].some((k) => EXPLAIN_WORDS.has(words[k]?.folded ?? ""));
    if (BRIEF_WORDS.has(words[i]?.folded ?? "") && explained) classes[i] = "frame";
  }
  // "Lecture notes on X", "course handouts": a noun for the documents of a record right after its type word.
  for (let i = 1; i < words.length; i += 1)
    if (DOCUMENT_NOUNS.has(words[i]?.folded ?? "") && classes[i - 1] === "type") classes[i] = "frame";
  for (let i = 0; i < words.length; i += 1) {
    if (!LANGUAGE_WORDS.has(words[i]?.folded ?? "")) continue;
    for (const k of [i - 1, i + 1]) if (LANGUAGE_NOUNS.has(words[k]?.folded ?? "")) classes[k] = "frame";
  }
}

const BRIEF_WORDS = new Set([
  "short",
  "brief",
  "quick",
  "simple",
  "simply",
  "plain",
  "courte",
  "breve",
  "rapide",
]);
const DOCUMENT_NOUNS = new Set(["notes", "note", "handouts", "handout", "materials", "material"]);

const COMPARISON_NOUNS = new Set(
  "difference differences comparison comparisons comparaison comparaisons".split(" "),
);

/** Place words ("on campus", "here") frame a question that asks for records (a type or a teaching cue), else name. */
function readPlaces(words: readonly Word[], classes: WordClass[]): void {
  const asks = words.some(
    (w, i) => classes[i] === "type" || (classes[i] === "cue" && TEACH_WORDS.has(w.folded)),
  );
  if (asks) return;
  for (let i = 0; i < words.length; i += 1)
    if (PLACE_WORDS.has(words[i]?.folded ?? "")) classes[i] = "subject";
}

/**
 * "A class on plasma physics I could take next semester", "des vidéos sur X que je peux regarder": the speaker's
 * pronoun after the subject starts a clause of their own; its words are not the subject's.
 */
function endAtSpeaker(words: readonly Word[], classes: WordClass[]): void {
  const first = classes.indexOf("subject");
  if (first < 0) return;
  const speaker = words.findIndex(
    (w, i) => i > first && classes[i - 1] === "subject" && classes[i] === "frame" && SPEAKERS.has(w.folded),
  );
  // "For my bachelor project I need papers on X": a request after the pronoun is the question itself.
  const request = (i: number) => classes[i] === "type" || TOPIC_MARKERS.has(words[i]?.folded ?? "");
  if (speaker < 0 || words.some((_, i) => i > speaker && request(i))) return;
  for (let i = speaker + 1; i < words.length; i += 1) if (classes[i] === "subject") classes[i] = "unused";
}

/**
 * "For my course on X", "pour mon séminaire", "for my master", "je prépare un exposé": a type or level word after
 * the speaker's possessive, or after the speaker's own verb and an article, is the speaker's context, not the kind of record asked for; it is read as a frame word (and so are
 * the type words right after it).
 */
function readOwnTypes(words: readonly Word[], classes: WordClass[]): void {
  for (let i = 1; i < words.length; i += 1) {
    // "For my master": the speaker's own level says who asks, not which records.
    const own = classes[i] === "type" || LEVEL_WORDS.has(words[i]?.folded ?? "");
    // "je prépare un exposé sur X", "I'm giving a talk on X": what the speaker is doing, with a verb of their own
    // (a verb of asking, "I need a course", "je cherche un cours", is a frame word and asks).
    const doing =
      classes[i] === "type" &&
      INDEFINITES.has(words[i - 1]?.folded ?? "") &&
      ["subject", "cue"].includes(classes[i - 2] ?? "") &&
      SPEAKERS.has(words[i - 3]?.folded ?? "");
    if (doing) classes[i - 2] = "frame";
    if (!own || !(POSSESSIVES.has(words[i - 1]?.folded ?? "") || doing)) continue;
    for (let j = i; classes[j] === "type" || j === i; j += 1) classes[j] = "frame";
  }
}

/**
 * "For a seminar presentation I need articles on X": type words before the speaker's own request ("I need", "je
 * cherche") set the scene; the records asked for are those named after it. Type words linked to the later one
 * ("people who teach courses", "units of people") are kept.
 */
function readSpeakerRequest(words: readonly Word[], classes: WordClass[]): void {
  const typed = classes.flatMap((c, i) => (c === "type" ? [i] : []));
  for (let k = 1; k < typed.length; k += 1) {
    const from = typed[k - 1] ?? 0;
    const between = words.slice(from + 1, typed[k]).map((w) => w.folded);
    if (!between.some((w) => SPEAKERS.has(w)) || between.some((w) => LINKING.has(w))) continue;
    for (const i of typed.slice(0, k)) classes[i] = "frame";
  }
}

const SPEAKERS = new Set(["i", "je", "j", "we", "nous", "m", "am"]);
const LINKING = new Set(
  "who whom whose that which of from by in qui que dont de des du d par dans and et or ou".split(" "),
);

const INDEFINITES = new Set(["a", "an", "un", "une"]);
const POSSESSIVES = new Set(["my", "our", "mon", "ma", "mes", "notre", "nos"]);

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
    // "ceux qui sont en master", "the ones that are …": between a pronoun for records and a verb saying what they
    // are, "who" is a relative pronoun ("ceux qui enseignent X" asks for people).
    const said = POINTERS.has(words[i - 1]?.folded ?? "") && COPULAS.has(words[i + 1]?.folded ?? "");
    const relative = typed || said;
    if (classes[i] === "type" && WHO.has(word.folded) && relative) classes[i] = "frame";
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
  for (let i = 0; i < firstSubject; i += 1)
    if (TOPIC_MARKERS.has(words[i]?.folded ?? "") && !englishContraction(words, i)) marker = i;
  // "Sur quoi travaille X", "on what does X work": the marker's object is the question word, not what follows.
  if (marker < 0 || INTERROGATIVES.has(words[marker + 1]?.folded ?? "")) return;
  for (let i = marker + 1; i < firstSubject; i += 1) {
    const weakType = classes[i] === "type" && TYPE_WORDS.get(words[i]?.folded ?? "") === "concept";
    // "Cours de master en chimie": a level word after the marker is the courses' level.
    const level = LEVEL_WORDS.has(words[i]?.folded ?? "");
    if (weakType || (classes[i] === "cue" && !level)) classes[i] = "subject";
    // A type word after the marker starts another phrase ("des exposés qui expliquent X"): the subject is after it.
    else if (classes[i] === "type") return;
  }
}

// English pronouns before a contracted "'d" ("I'd like", "we'd need").
const CONTRACTING = new Set(["i", "you", "we", "they", "he", "she", "who"]);

/** True when the word at `i` is the "d" of an English "I'd", not the French elided "de" ("d'optique"). */
function englishContraction(words: readonly Word[], i: number): boolean {
  return words[i]?.folded === "d" && CONTRACTING.has(words[i - 1]?.folded ?? "");
}

/**
 * "Topic modeling lectures", "same for topic modeling", "theme parks": a weak type word (one for concepts) right
 * before a word of the subject in lower case begins the subject's name, unless a question word asks for it ("which
 * topics X covers") or an article before it makes it the label of the name in a question that asks for no other type
 * ("the concept entropy", but "the topic modeling slides").
 */
function readWeakTypes(words: readonly Word[], classes: WordClass[]): void {
  const weakAt = (i: number) => classes[i] === "type" && TYPE_WORDS.get(words[i]?.folded ?? "") === "concept";
  const other = classes.some((c, i) => c === "type" && !weakAt(i));
  for (let i = 0; i + 1 < words.length; i += 1) {
    if (!weakAt(i) || classes[i + 1] !== "subject" || !/^\p{Ll}/u.test(words[i + 1]?.text ?? "")) continue;
    const before = words[i - 1]?.folded ?? "";
    if (INTERROGATIVES.has(before) || (LABEL_ARTICLES.has(before) && !other)) continue;
    classes[i] = "subject";
  }
}

/**
 * "Courses on Galois groups", "MOOCs about Lie groups": after a type word and its topic marker, a type word that
 * follows a subject word is a word of the subject's name, unless a topic marker or a relative pronoun follows it
 * ("courses on AI labs who …" would start another phrase).
 */
function readNamedTypes(words: readonly Word[], classes: WordClass[]): void {
  // "I missed the week on topic modeling": a weak type word between a topic marker and a subject word is named.
  for (let i = 1; i + 1 < words.length; i += 1) {
    const weak = classes[i] === "type" && TYPE_WORDS.get(words[i]?.folded ?? "") === "concept";
    const marked = ["about", "on", "sur", "covering", "regarding"].includes(words[i - 1]?.folded ?? "");
    if (weak && marked && classes[i + 1] === "subject") classes[i] = "subject";
  }
  const firstType = classes.indexOf("type");
  const marker = words.findIndex((w, i) => i > firstType && TOPIC_MARKERS.has(w.folded));
  if (firstType < 0 || marker < 0) return;
  for (let i = marker + 2; i < words.length; i += 1) {
    const next = words[i + 1]?.folded ?? "";
    if (classes[i] !== "type" || classes[i - 1] !== "subject") continue;
    if (TOPIC_MARKERS.has(next) || RELATIVE_PRONOUNS.has(next)) continue;
    classes[i] = "subject";
  }
}

const RELATIVE_PRONOUNS = new Set([
  "who",
  "whom",
  "that",
  "which",
  "whose",
  "qui",
  "que",
  "dont",
  "where",
  "ou",
]);

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
 * "Who knows about X", "who can I ask about X", "which profs know about X": in a question for people, a verb the
 * lexicon does not know, right after the person word (and frame words) and before a topic marker, asks for the people about X. Returns true
 * when it took such a verb out of the subject.
 */
function absorbWhoVerb(words: readonly Word[], classes: WordClass[]): boolean {
  const person = (i: number) => classes[i] === "type" && TYPE_WORDS.get(words[i]?.folded ?? "") === "person";
  const who = words.findIndex((_, i) => person(i));
  if (who < 0 || classes.some((c, i) => c === "type" && !person(i))) return false;
  const verb = classes.indexOf("subject");
  const marker = words[verb + 1]?.folded ?? "";
  // "who here knows about X", "quels profs s'y connaissent en X".
  const between = words.slice(who + 1, Math.max(who + 1, verb));
  if (verb <= who || !between.every((w) => AUXILIARIES.has(w.folded))) return false;
  if (!/^\p{Ll}/u.test(words[verb]?.text ?? "") || !VERB_MARKERS.has(marker)) return false;
  if (!classes.some((c, i) => c === "subject" && i > verb + 1)) return false;
  classes[verb] = "frame";
  return true;
}

// Words between "who" and its verb: auxiliaries, subjects, places, "s'y".
const AUXILIARIES = new Set(
  "can could should would will do does did is are i we je on peut peux dois here ici s y se".split(" "),
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

/**
 * "The 5 most recent papers", "top five courses", "les 3 dernières publications", "only the 3 newest": a number of 1
 * to 100 written in figures (or 2 to 20 in words) before a type word, with only frame and cue words between, or before
 * a word asking for the newest, is how many records are asked for; it is then a word of the frame, not of the
 * subject.
 */
function readCount(words: readonly Word[], classes: WordClass[]): number | undefined {
  for (let i = 0; i < words.length; i += 1) {
    const text = words[i]?.text ?? "";
    const value = /^\d{1,3}$/.test(text) ? Number(text) : NUMBER_WORDS.get(words[i]?.folded ?? "");
    if (value === undefined || value < 1 || value > MAX_COUNT) continue;
    let next = i + 1;
    while (next < words.length && (classes[next] === "frame" || classes[next] === "cue")) next += 1;
    const newest = words.slice(i + 1, next).some((w) => LATEST_WORDS.has(w.folded));
    if ((classes[next] !== "type" || next - i > 3) && !newest) continue;
    classes[i] = "frame";
    // "2 cours max", "3 papers at most": the bound's own word.
    if (BOUND_WORDS.has(words[next + 1]?.folded ?? "")) classes[next + 1] = "frame";
    return value;
  }
  return undefined;
}

// Words after "<number> <type>" that say it is a bound.
const BOUND_WORDS = new Set(["max", "maximum", "maxi", "tops", "only", "seulement", "uniquement"]);

/** The most records a question may ask for by number. */
const MAX_COUNT = 100;
