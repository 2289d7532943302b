/**
 * A subject cut to the part the graph resolves. The grammar leaves in a subject the words it has no class for
 * ("scholarly work on heat waves", "complete prior to Object-oriented programming and design", "entend-on par
 * séquestration du carbone", "Nash equilibrium in a nutshell"); the graph, not a list of filler words, says which
 * part is the topic: the longest part (`partsOf`) that the detector covers (read in the whole subject) or the name
 * index names whole (two words or more), when what is left out names nothing (`namesSomething`) and holds no
 * detected concept.
 */
import { STOPWORDS } from "../text/stopwords.js";
import { TOPIC_MARKERS, type Word, wordsOf } from "./lexicon.js";
import { TARGET_TYPES } from "./plan.js";
import { type CallApi, detectConcepts, findBySearch, findNamed } from "./resolve-subject.js";

/** How many words a subject may have for its parts to be tried (each part is one name lookup). */
const MAX_WORDS = 10;

/**
 * `subject` as the graph reads it: whole when a name or the detector covers it, else its longest part bounded by
 * function words (or its ends) that resolves while the words left out do not; else without function words at its
 * ends. `prefer` orders the types a name is looked up in; `lists` when the question asks for a list of records.
 */
export async function resolvedSubject(
  call: CallApi,
  subject: string,
  lang: "en" | "fr",
  prefer: readonly string[],
  lists = false,
): Promise<ResolvedSubject> {
  const subjectText = await resolvedText(call, subject, lang, prefer, lists);
  const kept = subject.indexOf(subjectText);
  const dropped = wordsOf(subject).filter((w) => w.end <= kept || w.start >= kept + subjectText.length);
  return { subject: subjectText, dropped };
}

/** A subject as the graph reads it, and the words it read as not of the topic. */
export interface ResolvedSubject {
  readonly subject: string;
  /** The subject's words left out, for the grammar to read as the question's frame ("prior to", "scholarly work"). */
  readonly dropped: readonly Word[];
}

async function resolvedText(
  call: CallApi,
  subject: string,
  lang: "en" | "fr",
  prefer: readonly string[],
  lists: boolean,
): Promise<string> {
  const words = wordsOf(subject);
  const content = (w: Word | undefined) => w !== undefined && isContent(w);
  const trimmed = trimEnds(words, 0, words.length - 1);
  const plain = trimmed ? subject.slice(trimmed.start, trimmed.end) : subject;
  if (words.filter(content).length < 2 || words.length > MAX_WORDS) return subject;
  if (await findNamed(call, subject, prefer)) return subject;
  const detected = await detectConcepts(call, subject, lang);
  const covered = (w: Word) =>
    detected.some((c) =>
      (c.mentions ?? []).some((m) => (m.start ?? w.end) < w.end && (m.end ?? 0) > w.start),
    );
  // The detector reads a part in the sentence it is in; the name index names a part alone, and every common word is
  // the name of some concept ("home", "security"): a part it names must have two words or more.
  const resolves = async (from: number, to: number) => {
    const part = words.slice(from, to + 1).filter(content);
    if (part.length > 0 && part.every(covered)) return true;
    if (part.length < 2) return false;
    return (await findNamed(call, textOf(subject, words, from, to), prefer)) !== undefined;
  };
  for (const [from, to] of partsOf(words, subject, lists)) {
    const left = trimEnds(words, 0, from - 1);
    const right = trimEnds(words, to + 1, words.length - 1);
    const dropped = [left, right].filter((d) => d !== undefined);
    if (dropped.some((d) => words.slice(d.from, d.to + 1).some(covered))) continue;
    if (!(await resolves(from, to))) continue;
    let named = false;
    for (const d of dropped) named ||= await namesSomething(call, subject.slice(d.start, d.end), prefer);
    if (!named) return textOf(subject, words, from, to);
  }
  return plain;
}

/**
 * True when `text` names a record: whole in the name index, or as a search hit of any type whose name holds all of
 * its words (the search reads French and typos, "composants cellulaires", which the name index does not).
 */
async function namesSomething(call: CallApi, text: string, prefer: readonly string[]): Promise<boolean> {
  if (await findNamed(call, text, prefer)) return true;
  return (await findBySearch(call, text, TARGET_TYPES, true)) !== undefined;
}

/** True for a word that may carry a topic: not a function word, not a single letter. */
function isContent(word: Word): boolean {
  // A capital letter or a Roman numeral ends a name ("Biology I", "Sciences et religions B").
  if (/^([A-Z]|[IVX]+)$/.test(word.text)) return true;
  return word.folded.length > 1 && !STOPWORDS.has(word.folded);
}

/** French genitives join the words of one name ("aménagement du territoire"); they introduce no topic. */
const GENITIVES = new Set(["de", "des", "du", "d"]);

/**
 * The words that introduce a topic inside a subject: the grammar's topic markers ("on", "about", "sur") and the
 * prepositions of an object ("prior to X", "entend-on par X").
 */
const INTRODUCERS = new Set([...TOPIC_MARKERS, "to", "into", "par"].filter((w) => !GENITIVES.has(w)));

/**
 * The proper parts of a subject a topic may be: from the content word after a topic marker to the subject's last
 * content word ("scholarly work on | heat waves"), or from its first word to a content word that a function word or a
 * punctuation mark follows ("Nash equilibrium | in a nutshell", "Urban heat island | , briefly"); longest first, then
 * the later first; for a list, only the former. A part that begins after a word that introduces no topic ("Tools for | Deep Learning", "aménagement
 * du | territoire") is not tried: the words before it say more than them.
 */
function partsOf(words: readonly Word[], subject: string, lists: boolean): [number, number][] {
  const last = words.findLastIndex((w) => isContent(w));
  const starts = [0];
  for (let at = 0; at < last; at += 1) {
    if (!INTRODUCERS.has(words[at]?.folded ?? "")) continue;
    // "about the moment of inertia": the topic begins at the first content word after the marker.
    let from = at + 1;
    while (from < last && !isContent(words[from] as Word)) from += 1;
    starts.push(from);
  }
  const ends = [last];
  // A list's search reads the words after its topic, which narrow it ("T cells in mice").
  for (let to = 0; !lists && to < last; to += 1) {
    const next = words[to + 1] as Word;
    const gap = subject.slice((words[to] as Word).end, next.start);
    if (isContent(words[to] as Word) && (!isContent(next) || /[,;:!?]/.test(gap))) ends.push(to);
  }
  const parts: [number, number][] = [];
  for (const from of new Set(starts))
    for (const to of ends) {
      if (to < from || (from === 0 && to === last)) continue;
      // One word before more words is too often a word of the sentence ("mange à la cafétéria ce midi").
      if (to < last && words.slice(from, to + 1).filter(isContent).length < 2) continue;
      parts.push([from, to]);
    }
  return parts.sort((a, b) => b[1] - b[0] - (a[1] - a[0]) || b[0] - a[0]);
}

/** The words `from`…`to` without function words at either end, with their offsets; undefined when none is left. */
function trimEnds(
  words: readonly Word[],
  from: number,
  to: number,
): { from: number; to: number; start: number; end: number } | undefined {
  let a = from;
  let b = to;
  while (a <= b && !isContent(words[a] as Word)) a += 1;
  while (b >= a && !isContent(words[b] as Word)) b -= 1;
  const first = words[a];
  const last = words[b];
  return a <= b && first && last ? { from: a, to: b, start: first.start, end: last.end } : undefined;
}

function textOf(subject: string, words: readonly Word[], from: number, to: number): string {
  return subject.slice(words[from]?.start ?? 0, words[to]?.end ?? subject.length);
}
