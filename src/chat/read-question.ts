/**
 * The first half of the chat's parser: reads a question's grammar, without the graph. It finds the record types
 * asked for, the relation and modifier words, course codes, and the subject — what the question is about, the
 * words left when its frame is taken off — split in two when the question joins two subjects ("both … and …",
 * "… or …"). `resolveSubjects` then looks the subjects up in the graph.
 */
import { editDistance } from "../text/edit-distance.js";
import { guessLanguage } from "../text/language.js";
import { STOPWORDS } from "../text/stopwords.js";
import { askedParts } from "./asked-sentence.js";
import {
  COURSE_CODE,
  CUE_WORDS,
  type Cue,
  classifyWords,
  LABEL_ARTICLES,
  TOPIC_MARKERS,
  WHO,
  type WordClass,
} from "./classify-words.js";
import { cleanQuestion } from "./clean-question.js";
import {
  AUDIENCE_WORDS,
  BARE_WORDS,
  BOTH_PHRASES,
  BOTH_WORDS,
  COMPARISON_WORDS,
  CREATIVE_WORDS,
  EITHER_WORDS,
  FRAME_WORDS,
  fold,
  KEPT_LEADS,
  LANGUAGE_WORDS,
  LATEST_WORDS,
  LEVEL_WORDS,
  NARROWING_VERBS,
  NEED_FOR_WORDS,
  NEED_WORDS,
  PERIOD_WORDS,
  SAME_SUBJECT_PHRASES,
  SEASON_WORDS,
  SMALL_TALK_WORDS,
  STAGE_WORDS,
  TYPE_WORDS,
  type Word,
  wordsOf,
} from "./lexicon.js";
import { type NameSpan, nameSpans } from "./name-spans.js";
import type { Institution, Level, OffTopic, Season, Stage, TargetType } from "./plan.js";
import type { PersonMatch } from "./resolve-person.js";
import { offTopicOf } from "./scope.js";
import { expandShorthand, spellOutClippings } from "./shorthand.js";

/** What a question asks, by its grammar. */
export interface Reading {
  /** The question as read (`cleanQuestion`): one line, at most `QUESTION_LIMIT` characters. */
  readonly text: string;
  /** True when the message was longer than what is read. */
  readonly truncated: boolean;
  /** Sentences of the message set aside as instructions to the assistant. */
  readonly ignored: readonly string[];
  readonly lang: "en" | "fr";
  /** Why the question gets no references, when its words say so. */
  readonly offTopic?: OffTopic;
  /** Record types named, in order; a type word right before the subject may be the subject's label. */
  readonly types: readonly TargetType[];
  /** The type named right before the subject ("the course X"), when there is one. */
  readonly label?: TargetType;
  readonly cues: ReadonlySet<Cue>;
  readonly level?: Level;
  /** The stage asked for ("introductory MOOCs", "for beginners", "cours avancés"). */
  readonly stage?: Stage;
  /** The half of the year asked for ("spring semester courses", "cours d'automne"). */
  readonly season?: Season;
  /** How many records are asked for ("the 5 latest papers", "top 3 courses", "les 3 dernières publications"). */
  readonly count?: number;
  /** The language asked for the records ("MOOCs in French"), as a code. */
  readonly language?: string;
  /** The kinds of publication asked for ("theses", "review articles"), as values of a publication's `type`. */
  readonly paperKinds?: readonly string[];
  /** Course codes named ("CS-433", "HUM-403(a)"). */
  readonly codes: readonly string[];
  /** The subjects: one, or two joined as an intersection ("and") or a union ("or"). */
  readonly subjects: readonly string[];
  readonly join?: "and" | "or";
  /**
   * Other readings of a single subject, to try as whole names in the graph first: with the type words around it
   * ("Group Theory"), or cut at a topic marker inside it ("Achim Walter | about wheat"): `rest` then narrows the
   * answer, and `consumed` are the type words the name took.
   */
  readonly alternatives: readonly Alternative[];
  /** Spans of a single subject that may be the name it holds, longest first (`nameSpans`). */
  readonly spans: readonly NameSpan[];
  /** Words that narrow a relation's records ("lectures of COM-303 about FFT": "FFT"). */
  readonly topic?: string;
  /** Words before the type word that the plan cannot use ("female" in "female experts in genomics"). */
  readonly unused: readonly string[];
  /** True when the question leans on the conversation ("and MOOCs?", "who teaches it?"). */
  readonly followUp: boolean;
  /** True when the question picks among the last answer's records ("which of them also …", "lesquelles …"). */
  readonly narrows: boolean;
  /** True when the question is only its subject, with articles or politeness around it ("Hausdorff dimension?"). */
  readonly bare: boolean;
  /** True when the only type word is "who" ("who won …"): it asks for people only with a relation. */
  readonly whoOnly: boolean;
  /** True when the message asks for a piece of writing ("a poem about X"); `subjects` is then what it is about. */
  readonly creative: boolean;
  /** The university the records must come from ("… at EPFL", "Harvard MOOCs"), as named; set by `withInstitution`. */
  readonly institution?: Institution;
  /** The person the subject names ("Dr Odersky"), when it is a person's name; set by the planner (`findPerson`). */
  readonly person?: PersonMatch;
}

/** Another reading of a question's subject. */
export interface Alternative {
  readonly subject: string;
  readonly rest?: string;
  readonly consumed: readonly TargetType[];
  /** A title that holds a type word ("Physiology lab II"): found by the search's best hit too, not only whole. */
  readonly titled?: true;
}

// "What is X", "What's X", "Qu'est-ce que X", "C'est quoi X", "Que veut dire X": asks what X is.
const WHAT_IS =
  /^(what (exactly |really |precisely |actually )?(is|are|s|was)|who (is|are|s|was|were)|qu est ce|qu est-ce|c est quoi|c est qui|qui est|qui sont|qui etait|qui etaient|que sont|que (etait|etaient)|qu est|qu etait|que veut dire|que signifie|quel est le sens)\b/;
// "I don't know what X is", "dis-moi ce qu'est X": asks what X is from inside the sentence.
const WHAT_IT_IS =
  /\bwhat (a |an |the )?\S.* (is|are|means?)$|\bce qu (est|sont)\b|\bce que (signifie|veut dire)\b/;
// "How does a jet engine work?", "comment fonctionne un moteur à réaction ?": asks to explain how a thing works
// ("work" is not a person's work here).
const HOW_IT_WORKS =
  /^((explain|explique|tell me) )?(how (?!many |much )((does|do|did|can|would) )?\S.* (work|works|function)$|comment (fonctionne|fonctionnent) \S)/;
const FOLLOW_UP = /^(and|et|what about|how about|et pour|et sur|et en|also|aussi|same|idem)\b/;
// "Ok and for EE-465?", "merci, et pour X ?": an acknowledgement of the last answer before the follow-up's opener.
const ACKNOWLEDGED =
  /^((ok|okay|k|alright|right|great|cool|nice|thanks|thank you|thx|merci|d accord|bon|super|parfait|ah|oh|well|so|alors|donc)\s+)+/;
const PRONOUN =
  /\b(it|this one|that one|this course|that course|ce cours|celui-ci|celui la|ses|son|sa|leurs?|lui|l|la-dessus|dessus)\b/;
// Picking among the records of the last answer.
const NARROWING =
  /\b(lesquel(le)?s|laquelle|lequel|which of (them|those|these)|among (them|those|these)|parmi (eux|elles|ceux|celles|ces))\b/;
// Inverted French verbs ("es-tu", "y a-t-il") read as separate words.
const INVERSION = /-(t-)?(tu|il|elle|ils|elles|on|vous|nous|je|ce|moi|toi|lui|leur)\b/gi;
// The speaker's own words: a name or a topic does not hold them ("draw me a sheep" is a request, not a name).
const SPEAKER = new Set(["i", "me", "my", "mine", "myself", "je", "j", "moi", "mon", "ma", "mes"]);
const FRENCH_QUESTION =
  /(^|\s)(quels?|quelles?|qui|o[uù]|parlent|enseigne|pr[ée]requis|y a-t-il|existe-t-il|trouve|montre|cours|qu'est|c'est|sur quoi|des|les)(\s|$)/i;

// A "no" opening the message before a comma or a stop: it answers the assistant.
const ANSWERING_NO = /^\s*(no|non|nope|nah)\s*[,.!;]/i;

// A course code typed with a space for its hyphen ("ME 105", "COM 402"): capitals then three digits, read as the code
// (same length, so offsets hold). Lower case ("me 105") and other digit counts ("COVID 19", "ISO 9001") are not codes.
const SPACED_CODE = /(?<![\p{L}\p{N}-])([A-Z]{2,8}) (\d{3}[a-z]?)(?![\p{L}\p{N}])/gu;

// A capital French elision before a word (a letter alone then is never a one-letter name); replaced in place.
const ELIDED_CAPITAL = /(?<![\p{L}\p{N}])[CDJLMNST]'(?=\p{L})/gu;

/**
 * Reads a question's grammar; `lang` forces the answer's language. Of a message that sets the scene before it asks,
 * the question sentence is read (`askedParts`) when it asks for something (a type or a cue) about a subject or a
 * course code.
 */
export function readQuestion(raw: string, lang?: "en" | "fr"): Reading {
  const whole = readGrammar(raw, lang);
  for (const part of askedParts(raw)) {
    const reading = readGrammar(part, whole.lang);
    const asks = reading.types.length > 0 || reading.cues.size > 0;
    const names = reading.subjects.length > 0 || reading.codes.length > 0;
    // What the whole message set aside (an injected turn) is still said.
    const ignored = [...new Set([...whole.ignored, ...reading.ignored])];
    if (asks && names && !reading.offTopic) return { ...reading, truncated: true, ignored };
  }
  return whole;
}

function readGrammar(raw: string, lang?: "en" | "fr"): Reading {
  const { text, longInput, ignored } = cleanQuestion(raw);
  // Same-length replacements, so that offsets into the words are offsets into `text`.
  // An imperative's "-toi" ("limite-toi à 2 cours") is the request's object, not talk to the assistant: read as
  // nothing.
  const inverted = text.replace(INVERSION, (m) =>
    /^-toi$/i.test(m) ? " ".repeat(m.length) : m.replace(/-t-/, "   ").replace(/-/g, " "),
  );
  // "C'est", "L'entropie": an elided capital is a word of the frame, not a one-letter name ("T cells").
  // "Non, je voulais dire des MOOC", "no, papers": a "no" that answers the last reply is no word of the question.
  const elided = inverted
    .replace(/[’`]/g, "'")
    .replace(ELIDED_CAPITAL, (m) => m.toLowerCase())
    .replace(ANSWERING_NO, (m) => " ".repeat(m.length))
    .replace(SPACED_CODE, "$1-$2");
  const words = readPublishingVerbs(
    readWorkNouns(
      correctCueTypos(
        correctTypeTypos(correctAudienceTypos(readDistance(expandShorthand(splitPeriods(wordsOf(elided)))))),
      ),
    ),
  );
  const folded = words.map((w) => w.folded).join(" ");
  const language =
    lang ?? (FRENCH_QUESTION.test(text) || /\ben fran[cç]ais\b/i.test(text) ? "fr" : guessLanguage(text));
  const { classes, whoVerb, wholeSpan, count, paperKinds } = classifyWords(words, elided);
  // "Keep just the ones at master level": a verb that keeps part of a list is of the frame.
  words.forEach((w, i) => {
    if (NARROWING_VERBS.has(w.folded) && KEPT_LEADS.has(words[i + 1]?.folded ?? "")) classes[i] = "frame";
  });
  // "A and B at the same time", "papers on the same topic": phrases of the frame, not of the subject.
  const together = markPhrases(words, classes, BOTH_PHRASES);
  const sameSubject = markPhrases(words, classes, SAME_SUBJECT_PHRASES);
  const askedAfter = readTrailingWhat(words, classes);
  const first = classes.indexOf("subject");
  const last = classes.lastIndexOf("subject");
  const outside = words.filter((_, i) => i < first || i > last || first < 0);
  // A cue word read as the speaker's own doing ("je prépare un exposé") asks nothing.
  const doing = new Set(
    words.filter((w, i) => classes[i] === "frame" && CUE_WORDS.some(([, set]) => set.has(w.folded))),
  );
  const asking = outside.filter((w) => !doing.has(w));
  const cues = new Set<Cue>(
    CUE_WORDS.filter(([, set]) => asking.some((w) => set.has(w.folded))).map(([c]) => c),
  );
  if (WHAT_IS.test(folded) || WHAT_IT_IS.test(folded) || askedAfter) cues.add("what");
  if (HOW_IT_WORKS.test(folded)) {
    cues.add("explain");
    cues.delete("research");
  }
  if (whoVerb) cues.add("about");
  if (asksNeeds(words, classes)) cues.add("prerequisite");
  const typeAt = (i: number) => (classes[i] === "type" ? TYPE_WORDS.get(words[i]?.folded ?? "") : undefined);
  const named = unique(words.flatMap((_, i) => typeAt(i) ?? []));
  // "Online courses", "cours en ligne": MOOCs.
  // "Datasets on glaciers": a kind of publication is a publication.
  const kinded =
    paperKinds.length > 0 && !named.includes("publication") ? [...named, "publication" as const] : named;
  const types = kinded.includes("mooc") ? kinded.filter((t) => t !== "course") : kinded;
  const named0 = classes.findIndex((c) => c === "subject" || c === "code");
  const label = named0 > 1 ? typeBefore(words, classes, named0) : demonstrated(words, classes, named0);
  const span = first < 0 ? [] : words.slice(first, last + 1);
  const classOf = new Map(words.map((w, i) => [w, classes[i] ?? "subject"]));
  // "Lectures on generative vs discriminative models": records of a type asked about a topic that opposes two things.
  const topical = classes.includes("type") && TOPIC_MARKERS.has(words[first - 1]?.folded ?? "");
  const split = splitSubject(
    span,
    text,
    together || words.some((w) => BOTH_WORDS.has(w.folded)),
    classOf,
    topical,
  );
  if (split.compared) cues.add("compare");
  const alternatives =
    split.subjects.length === 1
      ? [
          ...(wholeSpan ? [{ subject: wholeSpan, consumed: [] }] : []),
          ...alternativesOf(words, classes, first, last, text),
        ]
      : [];
  const codes = unique(words.filter((w) => COURSE_CODE.test(w.text)).map((w) => w.text));
  const both = together || words.some((w) => BOTH_WORDS.has(w.folded));
  // Two courses named: "who teaches both A and B" asks the common records, "A and B" or "A or B" either's.
  const join = split.join ?? (codes.length > 1 ? (both ? "and" : "or") : undefined);
  const level = outside
    .filter((w) => classOf.get(w) === "cue")
    .map((w) => LEVEL_WORDS.get(w.folded))
    .find((l) => l !== undefined);
  const asked = outside.map((w) => LANGUAGE_WORDS.get(w.folded)).find((l) => l !== undefined);
  const cued = words.filter((w) => classOf.get(w) === "cue");
  const stage =
    cued.map((w) => STAGE_WORDS.get(w.folded) ?? INTRODUCTION.get(w.folded)).find((s) => s !== undefined) ??
    (words.some((w) => AUDIENCE_WORDS.has(w.folded)) ? "introductory" : undefined);
  const season = cued.map((w) => SEASON_WORDS.get(w.folded)).find((s) => s !== undefined);
  const offTopic = offTopicOf(words, classes, ignored.length > 0);
  const typeWords = words.filter((_, i) => classes[i] === "type");
  const task = typeWords.length === 0 && codes.length === 0 ? creativeTopic(words, classes, text) : undefined;
  return {
    text,
    truncated: longInput !== undefined,
    ignored,
    lang: language,
    ...(offTopic ? { offTopic } : {}),
    // "Cinétique de Monod en master", "et en bachelor ?": levels and semesters are courses'.
    types: types.length === 0 && (level || season) ? ["course"] : types,
    ...(label ? { label } : {}),
    cues,
    ...(level ? { level } : {}),
    ...(stage ? { stage } : {}),
    ...(season ? { season } : {}),
    ...(asked ? { language: asked } : {}),
    ...(paperKinds.length > 0 ? { paperKinds } : {}),
    ...(count ? { count } : {}),
    codes,
    subjects: (task === undefined ? split.subjects : task === "" ? [] : [task]).map((s) =>
      spellOutClippings(s, language),
    ),
    ...(join ? { join } : {}),
    alternatives: alternatives.map((a) => ({ ...a, subject: spellOutClippings(a.subject, language) })),
    spans: split.subjects.length === 1 ? nameSpans(words, classes, first, last, text) : [],
    ...(codes.length > 0 && split.subjects[0] ? { topic: split.subjects[0] } : {}),
    unused: words.filter((_, i) => classes[i] === "unused").map((w) => w.text),
    followUp:
      sameSubject ||
      FOLLOW_UP.test(folded.replace(ACKNOWLEDGED, "")) ||
      (span.length === 0 && PRONOUN.test(folded)),
    narrows: NARROWING.test(folded),
    bare:
      first >= 0 &&
      words.every((w, i) => (i >= first && i <= last ? !SPEAKER.has(w.folded) : isBare(w, classes[i]))),
    whoOnly: typeWords.length > 0 && typeWords.every((w) => WHO.has(w.folded)),
    creative: task !== undefined,
  };
}

// "X, c'est quoi ?", "X - what is it?", "X, ça veut dire quoi ?": the question about X comes after it.
const TRAILING_WHAT =
  /^(c est (quoi|qui)|quoi|what (is|are|s|was) (it|that|this|they|these|those)|what do(es)? (it|that|this|they) (mean|cover|contain|teach|include)|qu est ce que c est|ca (veut dire|signifie)|ca (raconte|couvre|contient) quoi|de quoi (ca|il|elle) (parle|traite)|que (veut dire|signifie) (ce|cela|ca))\b/;

/**
 * "Les photons, c'est quoi au juste ?", "PCR - what is it and how does it work?": a what-question put after the
 * name it asks about. The words from it on are the question's frame (the subject is the name before it); returns
 * true when it found one.
 */
function readTrailingWhat(words: readonly Word[], classes: WordClass[]): boolean {
  for (let k = 1; k < words.length; k += 1) {
    if (!classes.slice(0, k).includes("subject")) continue;
    const rest = words
      .slice(k)
      .map((w) => w.folded)
      .join(" ");
    if (!TRAILING_WHAT.test(rest)) continue;
    for (let i = k; i < words.length; i += 1) if (classes[i] === "subject") classes[i] = "frame";
    return true;
  }
  return false;
}

/**
 * "who tecahes X", "prerequisits of X", "qui ensiegne X", "what does Y resarch": a cue word misspelt is read as the
 * cue, when it is the first or last word of the subject, in lower case (or first in the question), and not right
 * after a topic marker (then it is the topic). A typo is one edit (a swap of two letters counts one) in a word of 7
 * letters or more, with the first letter kept: shorter words, or two edits, are often other real words ("écrire"
 * is one edit from "écrite", "computing" two from "comparing"); a word that only extends a cue word or is cut from
 * one ("charges", "charged") is another word.
 */
function correctCueTypos(words: readonly Word[]): Word[] {
  const { classes } = classifyWords(words);
  const first = classes.indexOf("subject");
  const last = classes.lastIndexOf("subject");
  if (first < 0) return [...words];
  return words.map((word, i) => {
    if ((i !== first && i !== last) || TOPIC_MARKERS.has(words[i - 1]?.folded ?? "")) return word;
    if (i > 0 && !/^\p{Ll}/u.test(word.text)) return word;
    const cue = cueTypoOf(word.folded);
    return cue === undefined ? word : { ...word, folded: cue };
  });
}

/**
 * The cue word `folded` misspells, if any. A word of 5 or 6 letters is read as a cue only with two letters swapped
 * ("befroe") or, for a cue of 7 letters or more, one dropped ("teachs"): a letter changed in a short word often
 * makes another word ("écrire", "écrite").
 */
function cueTypoOf(folded: string): string | undefined {
  const cues = [...CUE_WORDS].flatMap(([, set]) => [...set]);
  // A cue word spelt right is itself ("differences" is one edit from "différentes").
  if (folded.length < 5 || STOPWORDS.has(folded) || cues.includes(folded)) return undefined;
  return nearWord(folded, cues, (cue) => {
    if (cue.startsWith(folded) || folded.startsWith(cue)) return 0;
    const swapped = cue.length === folded.length && [...cue].sort().join("") === [...folded].sort().join("");
    return folded.length < 7 && !swapped && !(cue.length >= 7 && cue.length === folded.length + 1) ? 0 : 1;
  });
}

/**
 * The first of `candidates` that begins with `folded`'s first letter and lies within `edits(candidate)` edits of it
 * (a swap of two letters counts one); a candidate given 0 edits is skipped. What the three readings of typos in a
 * closed class of words (cues, types, audiences) share; each says which candidates may be meant, and how far.
 */
function nearWord(
  folded: string,
  candidates: Iterable<string>,
  edits: (candidate: string) => number,
): string | undefined {
  for (const candidate of candidates) {
    if (candidate[0] !== folded[0]) continue;
    const allowed = edits(candidate);
    if (allowed > 0 && editDistance(folded, candidate, allowed) <= allowed) return candidate;
  }
  return undefined;
}

/**
 * "Which clases cover X", "des cour sur X", "latest publictaions of Y": in a question that names no type, a word one
 * edit (a swap counts one) from a type word, with the same first letter, is read as that type word: a type word of
 * 7 letters or more anywhere (in lower case, or first), one of 5 or 6 only right before a topic marker. Shorter type
 * words ("lab", "prof") are left alone, and so are other places for short ones: one edit from them is too often
 * another word ("tasks", "module").
 */
function correctTypeTypos(words: readonly Word[]): Word[] {
  if (words.some((w) => TYPE_WORDS.has(w.folded))) return [...words];
  return words.map((word, i) => {
    const marked = TOPIC_MARKERS.has(words[i + 1]?.folded ?? "");
    if (word.folded.length < 4 || STOPWORDS.has(word.folded) || FRAME_WORDS.has(word.folded)) return word;
    if (i > 0 && !/^\p{Ll}/u.test(word.text)) return word;
    const typeWord = nearWord(word.folded, TYPE_WORDS.keys(), (t) => (t.length < (marked ? 5 : 7) ? 0 : 1));
    return typeWord === undefined ? word : { ...word, folded: typeWord };
  });
}

/**
 * "For total begginers", "pour débutnats": a word in lower case one edit (a swap counts one) from an audience word of
 * 7 letters or more, with the same first letter, is read as it; two edits from one of 9 letters or more (a letter
 * doubled in the wrong place, "begginers").
 */
function correctAudienceTypos(words: readonly Word[]): Word[] {
  return words.map((word) => {
    if (word.folded.length < 7 || AUDIENCE_WORDS.has(word.folded) || !/^\p{Ll}/u.test(word.text)) return word;
    const audience = nearWord(word.folded, AUDIENCE_WORDS, (a) => (a.length < 7 ? 0 : a.length >= 9 ? 2 : 1));
    return audience === undefined ? word : { ...word, folded: audience };
  });
}

/**
 * "Which labs published them?", "who published on X", "quels chercheurs ont publié sur X": a participle of publishing
 * right after "who" or a word for people or units (an auxiliary between) is the verb of writing, not a word for
 * papers; "papers published in 2020" keeps it.
 */
function readPublishingVerbs(words: readonly Word[]): Word[] {
  const writer = (w: Word | undefined) =>
    WHO.has(w?.folded ?? "") || ["person", "unit"].includes(TYPE_WORDS.get(w?.folded ?? "") ?? "");
  return words.map((word, i) => {
    if (!PUBLISHED.has(word.folded)) return word;
    const before = AUXILIARIES.has(words[i - 1]?.folded ?? "") ? words[i - 2] : words[i - 1];
    return writer(before) ? { ...word, folded: "wrote" } : word;
  });
}

const PUBLISHED = new Set(["published", "publie", "publies", "publiee", "publiees"]);
const AUXILIARIES = new Set(["have", "has", "had", "ont", "a", "avait", "avaient"]);

/**
 * "Recent research on X", "studies about X", "des travaux sur X": in a question that names no type of record, a
 * noun of scholarly work right before a topic marker asks for publications about X; so does one next to a word asking
 * for the newest, before a word that leads to whose or what ("les travaux récents de X", "latest research by X"; not
 * "recent research interests").
 */
function readWorkNouns(words: readonly Word[]): Word[] {
  if (words.some((w) => TYPE_WORDS.has(w.folded))) return [...words];
  const newest = (i: number) => LATEST_WORDS.has(words[i]?.folded ?? "");
  const leads = (i: number) => i + 1 < words.length && WORK_LEADS.has(words[i]?.folded ?? "");
  const marks = (i: number) => WORK_MARKERS.has(words[i]?.folded ?? "");
  // "Work" is scholarly work only beside a word of age or of scholarship ("recent work on X", "peer-reviewed work on
  // X"; "who works on X" asks for people).
  // "The study on X", "une étude sur X": after an article, a study is a piece of work, not the verb; so it is next to
  // a word of age ("the most recent study on X", "latest study of X", "une étude récente sur X").
  const study = (i: number) =>
    STUDY_NOUNS.has(words[i]?.folded ?? "") &&
    (ARTICLES.has(words[i - 1]?.folded ?? "") || newest(i - 1) || newest(i + 1));
  const work = (i: number) =>
    WORK_NOUNS.has(words[i]?.folded ?? "") ||
    study(i) ||
    (AGED_WORK_NOUNS.has(words[i]?.folded ?? "") &&
      (newest(i - 1) || newest(i + 1) || SCHOLARLY.has(words[i - 1]?.folded ?? "")));
  return words.map((word, i) =>
    work(i) &&
    i + 2 < words.length &&
    (marks(i + 1) ||
      // "quelles recherches portent sur X": one verb between.
      (RELATION_VERBS.has(words[i + 1]?.folded ?? "") && marks(i + 2)) ||
      (newest(i - 1) && leads(i + 1)) ||
      (newest(i + 1) && leads(i + 2)))
      ? { ...word, folded: "publications" }
      : word,
  );
}

// Adjectives that make "work" scholarly: "peer-reviewed work on X", "scholarly work", "travaux scientifiques".
const SCHOLARLY = new Set(["scholarly", "scientific", "academic", "peer-reviewed", "published", "research"]);

// Verbs between a work noun and its topic marker: "recherches portant sur X", "research focusing on X".
const RELATION_VERBS = new Set([
  "porte",
  "portent",
  "portant",
  "focusing",
  "focused",
  "focus",
  "focuses",
  "done",
  "carried",
  "menees",
  "faites",
]);

/**
 * "Master-level courses", "intro-level MOOCs", "spring-semester classes": a word joined by a hyphen to a word that
 * says a level or semester is read as the two words, so that the stage, level or season before it is read.
 */
function splitPeriods(words: readonly Word[]): Word[] {
  return words.flatMap((word) => {
    const cut = word.text.lastIndexOf("-");
    const tail = word.text.slice(cut + 1);
    if (cut <= 0 || !PERIOD_WORDS.has(fold(tail))) return [word];
    const head = word.text.slice(0, cut);
    return [
      { text: head, folded: fold(head), start: word.start, end: word.start + cut },
      { text: tail, folded: fold(tail), start: word.start + cut + 1, end: word.end },
    ];
  });
}

const AGED_WORK_NOUNS = new Set(["work", "works"]);

// "Cours d'introduction": the word is read as a stage only after a type word and "de" (`readPeriods`).
const INTRODUCTION = new Map([["introduction", "introductory" as const]]);

// Words after a work noun that lead to its author or topic: "by", "of", "de", and the topic markers.
const WORK_LEADS = new Set(["by", "of", "from", "de", "des", "du", "d", "par", "on", "about", "sur"]);

const WORK_NOUNS = new Set(
  "research recherche recherches studies etudes travaux literature litterature findings".split(" "),
);
const STUDY_NOUNS = new Set(["study", "etude"]);
const ARTICLES = new Set(["the", "a", "this", "that", "l", "une", "cette"]);
const WORK_MARKERS = new Set(["on", "about", "into", "regarding", "concerning", "sur", "concernant"]);

// Words for teaching that "à distance" after them, or "learning", "education" after "distance", make online.
const TAUGHT = new Set([
  "formation",
  "formations",
  "cours",
  "enseignement",
  "etudes",
  "apprentissage",
  "courses",
]);

/**
 * "Formation à distance", "cours à distance", "distance learning": teaching at a distance is a MOOC; the word
 * "distance" is then read as "online" (a type word). "Edit distance", "commande à distance" keep theirs.
 */
function readDistance(words: readonly Word[]): Word[] {
  const mode = (i: number) => ["learning", "education"].includes(words[i]?.folded ?? "");
  return words.map((word, i) => {
    // "distance learning": both words say the mode of teaching.
    if (mode(i) && words[i - 1]?.folded === "distance") return { ...word, folded: "online" };
    if (word.folded !== "distance") return word;
    const taught = words[i - 1]?.folded === "a" && TAUGHT.has(words[i - 2]?.folded ?? "");
    return taught || mode(i + 1) ? { ...word, folded: "online" } : word;
  });
}

/**
 * Marks the words of each of `phrases` found in the question as frame words; true when one was found.
 */
function markPhrases(
  words: readonly Word[],
  classes: WordClass[],
  phrases: readonly (readonly string[])[],
): boolean {
  let found = false;
  for (let i = 0; i < words.length; i += 1)
    for (const phrase of phrases) {
      if (!phrase.every((w, k) => words[i + k]?.folded === w)) continue;
      for (let k = 0; k < phrase.length; k += 1) classes[i + k] = "frame";
      found = true;
    }
  return found;
}

/**
 * "What do I need for X", "que faut-il savoir pour suivre X", "de quoi ai-je besoin pour X": a need word before the
 * subject, then "for"/"pour" with only frame words between it and the subject, in a question that names no type of
 * record ("I need courses for X" asks a list), asks what comes before X.
 */
function asksNeeds(words: readonly Word[], classes: readonly WordClass[]): boolean {
  const first = classes.findIndex((c) => c === "subject" || c === "code");
  if (first < 0 || classes.some((c) => c === "type")) return false;
  const need = words.findIndex((w, i) => i < first && NEED_WORDS.has(w.folded));
  if (need < 0) return false;
  let i = first - 1;
  while (i > need && classes[i] === "frame" && !NEED_FOR_WORDS.has(words[i]?.folded ?? "")) i -= 1;
  return i > need && NEED_FOR_WORDS.has(words[i]?.folded ?? "");
}

// Demonstratives that point at a record named earlier in the conversation ("that course", "ce cours").
const DEMONSTRATIVES = new Set(["this", "that", "ce", "cet", "cette"]);

/**
 * "What is that course about?", "qui enseigne ce cours ?": in a question that names no subject, a type word after a
 * demonstrative labels the record the conversation named, it asks for no list of that type.
 */
function demonstrated(
  words: readonly Word[],
  classes: readonly WordClass[],
  named: number,
): TargetType | undefined {
  if (named >= 0) return undefined;
  const at = words.findIndex(
    (_, i) => classes[i] === "type" && DEMONSTRATIVES.has(words[i - 1]?.folded ?? ""),
  );
  return at < 0 ? undefined : TYPE_WORDS.get(words[at]?.folded ?? "");
}

/** The type word right before the subject, after a definite article: "the course X", "le cours X". */
function typeBefore(
  words: readonly Word[],
  classes: readonly WordClass[],
  first: number,
): TargetType | undefined {
  const article = words[first - 2]?.folded ?? "";
  if (classes[first - 1] !== "type" || !LABEL_ARTICLES.has(article)) return;
  return TYPE_WORDS.get(words[first - 1]?.folded ?? "");
}

/**
 * What a request for a piece of writing is about: the words after the first topic marker that follows the kind of
 * writing ("a short story about a black hole": "black hole"), frame words trimmed; "" when it names no topic;
 * undefined when the question asks for no piece of writing.
 */
function creativeTopic(
  words: readonly Word[],
  classes: readonly WordClass[],
  text: string,
): string | undefined {
  const kind = words.findIndex((w) => CREATIVE_WORDS.has(w.folded));
  if (kind < 0) return undefined;
  const marker = words.findIndex((w, i) => i > kind && INNER_MARKERS.has(w.folded));
  const topic =
    marker < 0 ? [] : words.slice(marker + 1).filter((_, i) => classes[marker + 1 + i] !== "frame");
  const head = topic[0];
  const tail = topic.at(-1);
  return head && tail ? text.slice(head.start, tail.end) : "";
}

const INNER_MARKERS = new Set(["about", "on", "regarding", "concerning", "covering", "sur", "concernant"]);

function alternativesOf(
  words: readonly Word[],
  classes: readonly WordClass[],
  first: number,
  last: number,
  text: string,
): Alternative[] {
  const alternatives: Alternative[] = [];
  const slice = (from: number, to: number) => text.slice(words[from]?.start ?? 0, words[to]?.end ?? 0);
  let from = first;
  let to = last;
  // "Group Theory", "Laboratory of Immune Signalling": type words (and an "of" after one) may begin a name.
  const linking = (i: number) => ["of", "de", "du", "des", "d", "for", "en"].includes(words[i]?.folded ?? "");
  for (;;) {
    if (from > 0 && classes[from - 1] === "type") from -= 1;
    else if (from > 1 && linking(from - 1) && classes[from - 2] === "type") from -= 2;
    else break;
  }
  // "Young's modulus": a possessive's "s" may stand between the name and a type word that ends it.
  const possessive = (i: number) => words[i]?.text === "s" && text[(words[i]?.start ?? 0) - 1] === "'";
  for (;;) {
    if (classes[to + 1] === "type") to += 1;
    else if (possessive(to + 1) && classes[to + 2] === "type") to += 2;
    else break;
  }
  if (from < first || to > last) {
    const consumed = [...words.slice(from, first), ...words.slice(last + 1, to + 1)].flatMap(
      (w) => TYPE_WORDS.get(w.folded) ?? [],
    );
    alternatives.push({ subject: slice(from, to), consumed });
  }
  for (let i = first + 1; i < last; i += 1) {
    if (!INNER_MARKERS.has(words[i]?.folded ?? "")) continue;
    // The rest begins at its first word that is not of the frame ("about the Fourier transform").
    let rest = i + 1;
    while (rest < last && classes[rest] === "frame") rest += 1;
    alternatives.push({ subject: slice(first, i - 1), rest: slice(rest, last), consumed: [] });
    break;
  }
  // "Search Engines", "Free software": a word of the question's frame may begin a name.
  const before = words[first - 1];
  if (before && classes[first - 1] === "frame" && before.folded.length > 3 && !STOPWORDS.has(before.folded))
    alternatives.push({ subject: slice(first - 1, last), consumed: [] });
  const titled = titleSpan(words, classes, last);
  if (titled && !alternatives.some((a) => a.subject === slice(titled.from, last)))
    // The longest reading first: a title is tried before a name inside it ("Geophysics" in "Seminar in Geophysics: …").
    alternatives.unshift({ subject: slice(titled.from, last), consumed: titled.consumed, titled: true });
  return alternatives;
}

/**
 * "Prerequisites physiology lab II", "describe the seminar in geophysics on the evolution of the earth": a title
 * may hold a type word. The span from the question's first word that is no word of its frame or cue to the subject's
 * last word, when a type word in it is not the head of a list ("courses on X": no topic marker after it, no "who")
 * and two words of the subject (or unread) are in it; undefined otherwise.
 */
function titleSpan(
  words: readonly Word[],
  classes: readonly WordClass[],
  last: number,
): { from: number; consumed: TargetType[] } | undefined {
  const from = classes.findIndex((c) => c === "type" || c === "subject" || c === "unused");
  if (from < 0 || from >= last) return undefined;
  const inside = words.slice(from, last + 1).map((w, j) => ({ w, c: classes[from + j] }));
  const typed = inside.filter(
    ({ c }, j) => c === "type" && !TOPIC_MARKERS.has(inside[j + 1]?.w.folded ?? ""),
  );
  const listed = inside.some(({ c }, j) => c === "type" && TOPIC_MARKERS.has(inside[j + 1]?.w.folded ?? ""));
  const subjects = inside.filter(({ c }) => c === "subject" || c === "unused").length;
  if (typed.length === 0 || listed || subjects < 2 || typed.some(({ w }) => WHO.has(w.folded)))
    return undefined;
  return { from, consumed: typed.flatMap(({ w }) => TYPE_WORDS.get(w.folded) ?? []) };
}

/** Comparison words that set two things side by side without asking how they differ. */
const OPPOSING = new Set(["vs", "versus"]);

/**
 * Splits a subject joined by "both … and", "… as well as …", "… or …", "… and <type> …", "… and in …", or by a comparison word
 * ("A versus B", "A differs from B": `compared`); with `topical` (the subject follows a type word and a topic marker),
 * "A vs B" is one subject, "A and B".
 */
function splitSubject(
  span: readonly Word[],
  text: string,
  both: boolean,
  classOf: ReadonlyMap<Word, WordClass>,
  topical = false,
): { subjects: string[]; join?: "and" | "or"; compared?: true } {
  if (span.length === 0) return { subjects: [] };
  const textOf = (ws: readonly Word[]) => {
    const kept = trimFrame(ws, classOf);
    const head = kept[0];
    const tail = kept.at(-1);
    return head && tail ? text.slice(head.start, tail.end) : "";
  };
  // "Image processing I different from Image and video processing", "A vs B": a comparison word inside the
  // subject stands between the two things compared.
  const compared = span.findIndex(
    (w, i) => i > 0 && COMPARISON_WORDS.has(w.folded) && classOf.get(w) !== "subject",
  );
  if (compared > 0) {
    const left = textOf(span.slice(0, compared));
    const right = textOf(span.slice(compared + 1));
    // After a type word and a topic marker, "A vs B" is the topic of the records asked: both sides, as one subject.
    const opposed = topical && OPPOSING.has(span[compared]?.folded ?? "");
    if (left !== "" && right !== "" && opposed) return { subjects: [`${left} and ${right}`] };
    if (left !== "" && right !== "") return { subjects: [left, right], join: "and", compared: true };
  }
  const isOr = (w: Word) => EITHER_WORDS.has(w.folded) && w.folded !== "either";
  // "drawing ET representation": a join word typed in capitals inside a subject insists on both.
  const insisted = (w: Word) => w.text.length > 1 && w.text === w.text.toUpperCase();
  const cut = span.findIndex(
    (w, i) =>
      isOr(w) ||
      ((w.folded === "and" || w.folded === "et") &&
        (both ||
          insisted(w) ||
          typeThenMarker(span, i + 1) ||
          REPEATED_MARKERS.has(span[i + 1]?.folded ?? ""))) ||
      (BOTH_WORDS.has(w.folded) && i > 0 && w.folded !== "fois"),
  );
  if (cut > 0) {
    // "X as well as Y": the words of the join around "well" belong to neither side.
    const around = span[cut]?.folded === "well" ? 1 : 0;
    const left = textOf(span.slice(0, cut - (span[cut - 1]?.folded === "as" ? around : 0)));
    const right = textOf(span.slice(cut + 1 + (span[cut + 1]?.folded === "as" ? around : 0)));
    if (left !== "" && right !== "")
      return { subjects: [left, right], join: isOr(span[cut] as Word) ? "or" : "and" };
  }
  const whole = textOf(span);
  return { subjects: whole === "" ? [] : [whole] };
}

/**
 * Topic markers that, repeated right after "and", start a second subject ("MOOCs in math and in physics", "cours sur
 * X et sur Y"); "de" is left out, for names say it twice ("sciences de la vie et de la santé").
 */
const REPEATED_MARKERS = new Set([
  "about",
  "on",
  "in",
  "regarding",
  "concerning",
  "sur",
  "en",
  "dans",
  "concernant",
]);

/** True when a type word then a topic marker start at `i`: "… and courses about …". */
function typeThenMarker(span: readonly Word[], i: number): boolean {
  return TYPE_WORDS.has(span[i]?.folded ?? "") && TOPIC_MARKERS.has(span[i + 1]?.folded ?? "");
}

/** A subject's words without the frame, type, cue and join words at its ends. */
function trimFrame(ws: readonly Word[], classOf: ReadonlyMap<Word, WordClass>): readonly Word[] {
  const edge = (w: Word | undefined) =>
    w !== undefined && !["subject", "code"].includes(classOf.get(w) ?? "");
  let from = 0;
  let to = ws.length;
  while (from < to && edge(ws[from])) from += 1;
  while (to > from && edge(ws[to - 1])) to -= 1;
  return ws.slice(from, to).filter((w) => !COURSE_CODE.test(w.text));
}

/** True for a word a question that is only a name may hold: an article, politeness, a code. */
function isBare(word: Word, wordClass: WordClass | undefined): boolean {
  return wordClass === "code" || BARE_WORDS.has(word.folded) || SMALL_TALK_WORDS.has(word.folded);
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
