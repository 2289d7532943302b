/**
 * Whether a question is one the graph answers. By its words: small talk, opinions, the day's news, the assistant
 * itself and instructions to it get no references (`offTopicOf`); a question must ask for a type of record, a
 * relation, what something is, or be a name alone (`formOf`). By the graph: a name alone must name a record, or
 * the detector must find concepts in most of it (`coverage`).
 */
import { editDistance } from "../text/edit-distance.js";
import { STOPWORDS } from "../text/stopwords.js";
import { phraseKeys, tokenise } from "../text/tokenise.js";
import type { Cue } from "./classify-words.js";
import {
  ACT_LEADS,
  AGE_WORDS,
  ASSISTANT_WORDS,
  AUDIENCE_WORDS,
  COMPARE_WORDS,
  FRAME_WORDS,
  GRADE_WORDS,
  LATEST_WORDS,
  REQUEST_VERBS,
  SERVICE_VERBS,
  SMALL_TALK_WORDS,
  SUBJECTIVE_WORDS,
  TYPE_WORDS,
  WISH_WORDS,
  WORLD_WORDS,
  type Word,
} from "./lexicon.js";
import type { OffTopic } from "./plan.js";
import type { Reading } from "./read-question.js";

/** How a question asks the graph: with a request it can read, as a name alone, or neither. */
export type QuestionForm = "request" | "bare" | "unknown";

/** Cues that ask the graph something of their own: a relation, or what something is. */
const ASKING_CUES: ReadonlySet<Cue> = new Set([
  "prerequisite",
  "explain",
  "about",
  "research",
  "author",
  "teach",
  "learn",
  "what",
]);

/**
 * A comparison cannot be planned; else a request names a course code, a type of record (but "who" alone: "who won …" is not "who teaches …") or an
 * asking cue; a bare question is its subject alone; anything else is a request the planner cannot read.
 */
export function formOf(reading: Reading): QuestionForm {
  // A comparison of records not found, or a piece of writing: what was found is said, and what can be asked of it.
  if (reading.cues.has("compare") || reading.creative) return "unknown";
  if (reading.codes.length > 0) return "request";
  if (reading.types.length > 0 && !reading.whoOnly) return "request";
  if ([...reading.cues].some((c) => ASKING_CUES.has(c))) return "request";
  return reading.bare ? "bare" : "unknown";
}

/**
 * True when a question that names no record would get a list no word of it asked for: a name alone, or "what is
 * X" of an X that names nothing. Such a list is given only when the graph knows the subject (`coverage`).
 */
export function untypedList(reading: Reading, form: QuestionForm): boolean {
  if (form === "bare") return true;
  const { cues } = reading;
  const asksWhat = cues.has("what") || cues.has("explain") || cues.has("about");
  return asksWhat && reading.types.length === 0 && reading.codes.length === 0 && !cues.has("learn");
}

// Verbs of having, offering and knowing, next to "you": "have you got", "do you have", "do you offer", "as-tu", "do you
// know any courses on X", "connais-tu des MOOC sur X".
const HAVE_WORDS = new Set([
  "have",
  "has",
  "got",
  "offer",
  "provide",
  "know",
  "as",
  "avez",
  "proposes",
  "offres",
  "connais",
  "connaissez",
]);

/** Why a question gets no references, from its words; `instructed` when instructions to the assistant were set aside. */
export function offTopicOf(
  words: readonly Word[],
  classes: readonly string[],
  instructed: boolean,
): OffTopic | undefined {
  if (words.length === 0) return instructed ? "instruction" : undefined;
  if (judges(words)) return "subjective";
  if (words.some((w) => WORLD_WORDS.has(w.folded))) return "world";
  // "Reserve a study room for four people", "peux-tu réserver une salle": a service, asked first or after a modal.
  const acts = (i: number) => i === 0 || ACT_LEADS.has(words[i - 1]?.folded ?? "");
  if (words.some((w, i) => SERVICE_VERBS.has(w.folded) && acts(i) && classes[i] !== "frame"))
    return "service";
  // "Can you…", "could you…" open a request, first or after what it is about ("logarithms, can you explain
  // them?"); "you" elsewhere talks to the assistant ("did I tell you…", "what do you think").
  // "d" is English's "would" after "you" ("which MOOCs you'd recommend").
  const request = /^(can|could|would|d|will|do|pourrais|pourras|pourriez|pouvez|peux|peut|veux)$/;
  const asks = (i: number) =>
    (request.test(words[i - 1]?.folded ?? "") && classes.slice(0, i - 1).every((c) => c === "subject")) ||
    requests(words, i, request);
  // "What courses have you got on AI?", "do you have talks on X", "as-tu des cours sur X": what the assistant
  // has, of a type of record named, is a request for those records.
  const typed = words.some((w, i) => classes[i] === "type" && !["who", "whom", "qui"].includes(w.folded));
  const has = (i: number) =>
    typed && [words[i - 1], words[i + 1]].some((w) => HAVE_WORDS.has(w?.folded ?? ""));
  // "Sorry to bother you, could you tell me …": a request made of the assistant, politeness around it aside.
  const requested = words.some((w, i) => ASSISTANT_WORDS.has(w.folded) && requests(words, i, request));
  if (!requested && words.some((w, i) => ASSISTANT_WORDS.has(w.folded) && !asks(i) && !has(i)))
    return classes.includes("code") ? undefined : "assistant";
  // "Only the beginner ones": who the records are for asks for some of them.
  const audience = words.some((w) => AUDIENCE_WORDS.has(w.folded));
  if (!audience && words.every((w, i) => SMALL_TALK_WORDS.has(w.folded) || classes[i] === "frame"))
    return "small-talk";
  return;
}

/**
 * True when "you" at `i` is asked to do something: a modal next to it and a verb of request right after ("which
 * MOOCs would you recommend", "could you remind me what X is", "tu peux m'expliquer ?").
 */
function requests(words: readonly Word[], i: number, modal: RegExp): boolean {
  const before = modal.test(words[i - 1]?.folded ?? "");
  const after = modal.test(words[i + 1]?.folded ?? "");
  if (!before && !after) return false;
  const next = words.slice(i + (after ? 2 : 1), i + 5).filter((w) => !OBJECT_PRONOUNS.has(w.folded));
  return REQUEST_VERBS.has(next[0]?.folded ?? "");
}

// Pronouns between a request verb and "you" ("could you please tell me", "tu peux m'expliquer").
const OBJECT_PRONOUNS = new Set(["me", "m", "moi", "us", "nous", "please", "svp", "stp", "just", "also"]);

/**
 * True when the words ask for a judgement: a word of opinion, a superlative of a quality ("the most fun", "la plus
 * sympa"; "the most recent" is a sort by year) or a comparison ("more interesting than", "plus utile que").
 */
export function judges(words: readonly Word[]): boolean {
  return words.some((word, i) => {
    // "I'd love a class on X", "would like": a wish is a request, not an opinion.
    if (SUBJECTIVE_WORDS.has(word.folded)) return !WISH_WORDS.has(words[i - 1]?.folded ?? "");
    if (!GRADE_WORDS.has(word.folded)) return false;
    const next = words[i + 1]?.folded ?? "";
    const after = words[i + 2]?.folded;
    // A quality is a word that ends the phrase ("the most fun?", "the most creative lab"); in "the least squares
    // method" the word after it goes on naming something.
    const ends = after === undefined || TYPE_WORDS.has(after) || FRAME_WORDS.has(after);
    const quality =
      next !== "" &&
      !LATEST_WORDS.has(next) &&
      !AGE_WORDS.has(next) &&
      !TYPE_WORDS.has(next) &&
      !FRAME_WORDS.has(next);
    const superlative = ["the", "le", "la", "les", "l"].includes(words[i - 1]?.folded ?? "") && ends;
    const compared = words.slice(i + 2, i + 5).some((w) => COMPARE_WORDS.has(w.folded));
    return quality && (superlative || compared);
  });
}

/** A concept the detector found, with where it found it. */
export interface Detected {
  readonly id: string;
  readonly name: string;
  /** Where the concept is named in the text detected: the words, and their offsets when the API gave them. */
  readonly mentions?: readonly { readonly text: string; readonly start?: number; readonly end?: number }[];
}

/**
 * The share of `subject`'s meaningful words that the detected concepts' mentions cover, in [0, 1]: how much of a
 * subject the graph recognises. 0 for a subject without meaningful words.
 */
export function coverage(subject: string, concepts: readonly Detected[]): number {
  const keys = meaningful(subject);
  if (keys.length === 0) return 0;
  const found = new Set(concepts.flatMap((c) => (c.mentions ?? []).flatMap((m) => meaningful(m.text))));
  return keys.filter((k) => found.has(k)).length / keys.length;
}

/**
 * The share of `subject`'s meaningful words that `name` holds, in [0, 1]. A word is held as written, as its English
 * cognate ("transformée" in "Fourier transform") or with a typo: one edit in a word of 5 to 7 letters, two from 8.
 */
export function nameCoverage(subject: string, name: string): number {
  const { held, of } = heldWords(subject, name);
  return of === 0 ? 0 : held / of;
}

/**
 * The share of `name`'s meaningful words that `subject` says (as `nameCoverage` counts them), in [0, 1]: low when
 * the name says much more than the subject ("Algebraic curves and cryptography" for "cryptography").
 */
export function nameShare(subject: string, name: string): number {
  const words = meaningful(name).length;
  return words === 0 ? 0 : Math.min(1, heldWords(subject, name).held / words);
}

/** How many of `subject`'s meaningful words `name` holds, and of how many. */
function heldWords(subject: string, name: string): { held: number; of: number } {
  const words = tokenise(subject, "fr").filter((t) => !STOPWORDS.has(t.key));
  const named = meaningful(name);
  const holds = (key: string) => {
    const typos = key.length >= 8 ? 2 : key.length >= 5 ? 1 : 0;
    return named.some((n) => n === key || (typos > 0 && editDistance(key, n, typos) <= typos));
  };
  const held = words.filter((w) => holds(w.key) || (w.cognate ? holds(w.cognate) : false)).length;
  return { held, of: words.length };
}

/**
 * True when `name` says what `subject` says, word for word but for typos and French cognates ("entropie" and
 * "Entropy", "Distributed algoritms" and "Distributed algorithms"): it holds all of the subject's meaningful words,
 * and has as many.
 */
export function namesMatch(subject: string, name: string): boolean {
  return nameCoverage(subject, name) === 1 && meaningful(subject).length === meaningful(name).length;
}

function meaningful(text: string): string[] {
  return phraseKeys(text).filter((k) => !STOPWORDS.has(k));
}
