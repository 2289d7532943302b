/**
 * Chatty questions put their subject in one clause and talk around it: "3rd year architecture student here, I'd
 * love a class where we build formwork", "Économie politique : je veux un MOOC, peu importe la langue", "I missed
 * the week on topic modeling, are there lecture videos I could watch?". When a question's subject words lie in
 * several clauses, the subject is read from one of them, chosen by its grammar; the others are read as its frame.
 */
import type { WordClass } from "./classify-words.js";
import { TOPIC_MARKERS, type Word } from "./lexicon.js";

// What separates two clauses: a colon, an arrow, an equals sign, a dash between spaces, a bracket, end punctuation,
// a semicolon or a comma (a full stop only after a word that is not an abbreviation such as "Prof.").
const SEPARATOR = /[:;,!?()[\]=]|->|\s[-–—]\s|[–—]/;
const FULL_STOP = /\.\s/;
// Markers whose words name a topic; "de", "du", "des" also join a name's words ("gestion de projet").
const WEAK_MARKERS = new Set(["de", "des", "du", "d"]);
// "What a Lagrange multiplier is", "ce qu'est X": the clause asks what its subject is.
const ASKS_WHAT = /\bwhat (a |an |the )?\S.* (is|are|means?)$|\bce qu (est|sont)\b/;
const SELF_INTRODUCTION = /^(i am|i m|as an?|je suis|j suis|en tant qu)\b|\b(here|ici)$/;
// Words after a type word that introduce what the records hold ("a class where we build X", "un cours qui …").
const RELATIVES = new Set(["where", "which", "that", "in", "with", "ou", "qui", "dont", "avec", "we", "on"]);

/** A clause of a question: its words' indices, and whether it stands in brackets (an aside). */
interface Clause {
  readonly at: readonly number[];
  readonly aside: boolean;
}

/**
 * Reads the subject from one clause when the subject words of `words` lie in several: the clause where a topic
 * marker ("about", "on", "sur") leads to them, else where a type word does ("a class where we build X"), else the
 * first; asides in brackets only when no other clause has a subject. The other
 * clauses' subject words become frame words. Returns the text of the whole subject span when it narrowed it (the
 * whole may still be a name: "East Asian Culture: From Zen to K-Pop"), else undefined.
 */
export function keepSubjectClause(
  words: readonly Word[],
  classes: WordClass[],
  text: string,
): string | undefined {
  const clauses = clausesOf(words, classes, text);
  const holding = clauses.filter((c) => c.at.some((i) => classes[i] === "subject"));
  if (holding.length < 2) return undefined;
  const scored = holding.map((clause) => ({ clause, ...scoreOf(clause, words, classes) }));
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  // "I missed the week on topic modeling": in the clause a marker leads to, the words before it set the scene.
  for (const i of best.clause.at)
    if (best.marker !== undefined && i < best.marker && classes[i] === "subject") classes[i] = "unused";
  const first = classes.indexOf("subject");
  const last = classes.lastIndexOf("subject");
  const whole = text.slice(words[first]?.start ?? 0, words[last]?.end ?? 0);
  for (const { clause } of scored)
    if (clause !== best.clause) for (const i of clause.at) if (classes[i] === "subject") classes[i] = "frame";
  return whole;
}

/**
 * How strongly a clause's grammar leads to its subject words: 3 through a topic marker (`marker`, its index) or a
 * what-clause, 2 from a type word (directly or through a relative: "a class where we build X"), 0 otherwise, −1 for
 * an aside.
 */
function scoreOf(
  clause: Clause,
  words: readonly Word[],
  classes: readonly WordClass[],
): { score: number; marker?: number } {
  if (clause.aside) return { score: -1 };
  const folded = clause.at.map((i) => words[i]?.folded ?? "").join(" ");
  // "3rd year student here", "PhD applicant here", "as a civil engineer …", "je suis en master …": who asks.
  if (SELF_INTRODUCTION.test(folded)) return { score: -1 };
  if (ASKS_WHAT.test(folded)) return { score: 3 };
  let led = 0;
  for (let k = 0; k < clause.at.length; k += 1) {
    const i = clause.at[k] ?? 0;
    if (classes[i] !== "subject") continue;
    // Look back over the frame words before this subject word, for what leads to it.
    for (let j = k - 1; j >= 0; j -= 1) {
      const before = clause.at[j] ?? 0;
      const word = words[before]?.folded ?? "";
      if (TOPIC_MARKERS.has(word) && !WEAK_MARKERS.has(word)) return { score: 3, marker: before };
      if (classes[before] === "type") {
        // "videos that explain X", "a class where we build X": relatives, articles and verbs of a relation between.
        const gap = clause.at.slice(j + 1, k);
        const linking = (g: number) =>
          RELATIVES.has(words[g]?.folded ?? "") ||
          ARTICLES.has(words[g]?.folded ?? "") ||
          classes[g] === "cue";
        if (gap.every(linking)) led = 2;
        break;
      }
      if (classes[before] !== "frame" && classes[before] !== "cue") break;
    }
  }
  return { score: led };
}

const ARTICLES = new Set(["a", "an", "the", "le", "la", "les", "l", "un", "une", "some"]);

/**
 * The clauses of a question. A comma before words that only go on listing subjects ("A, B or C") does not end a
 * clause, nor does a bracket that says more about what came before ("SPH (smoothed particle hydrodynamics)").
 */
function clausesOf(words: readonly Word[], classes: readonly WordClass[], text: string): Clause[] {
  const clauses: { at: number[]; aside: boolean; opener: string }[] = [];
  let depth = 0;
  for (let i = 0; i < words.length; i += 1) {
    const gap = i === 0 ? "" : text.slice(words[i - 1]?.end ?? 0, words[i]?.start ?? 0);
    const was = depth;
    depth = Math.max(0, depth + count(gap, /[([]/g) - count(gap, /[)\]]/g));
    const stop = FULL_STOP.test(`${gap} `) && !abbreviation(words[i - 1]);
    const separated = SEPARATOR.test(gap.replace(/[()[\]]/g, "")) || stop;
    const current = clauses.at(-1);
    // After a closing bracket, the sentence goes on: "Which labs at EPFL (demo) work on T cells".
    const host = was > 0 && depth === 0 && !separated ? clauses.findLast((c) => !c.aside) : undefined;
    if (host) host.at.push(i);
    else if (current && was === depth && !separated) current.at.push(i);
    else clauses.push({ at: [i], aside: depth > 0, opener: gap.trim() });
  }
  const merged: Clause[] = [];
  for (const clause of clauses) {
    const previous = merged.at(-1);
    // "A, B or C", "photonics, or else Electronics": a comma then more subjects, or a join word, goes on listing.
    const joined = LIST_JOINS.has(words[clause.at[0] ?? 0]?.folded ?? "");
    // "Fundamentals of Neuroscience, Part 1": a numbered part goes on naming.
    const numbered = clause.at.length <= 2 && /^\d+$/.test(words[clause.at.at(-1) ?? 0]?.text ?? "");
    const listing =
      joined || numbered || clause.at.every((i) => classes[i] === "subject" || classes[i] === "join");
    // An aside that only says more about what came before ("Inference (see topic 364)", "bernoulli (le
    // principe, …") belongs to it; one in the speaker's voice or that says what is not meant stays aside.
    const says = clause.aside && !clause.at.some((i) => ASIDE_VOICE.has(words[i]?.folded ?? ""));
    const continues = (clause.opener === "," && listing) || says;
    if (previous && !previous.aside && continues)
      merged[merged.length - 1] = { ...previous, at: [...previous.at, ...clause.at] };
    else merged.push({ at: clause.at, aside: clause.aside });
  }
  return merged;
}

const LIST_JOINS = new Set(["and", "or", "et", "ou"]);
// Words of the speaker's voice and of negation: an aside holding them is not part of the name before it.
const ASIDE_VOICE = new Set(
  "i me my mine we our je j me m moi mon ma mes nous notre nos not no non pas ni neither nor".split(" "),
);

/** True for a short capitalised word that a full stop abbreviates ("Prof.", "Dr.", "St."). */
function abbreviation(word: Word | undefined): boolean {
  return word !== undefined && word.text.length <= 4 && /^\p{Lu}/u.test(word.text);
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
