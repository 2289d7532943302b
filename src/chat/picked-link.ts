/**
 * Follow-ups that pick one record of the last answer's list: by its place ("who teaches the second one?", "plus de
 * détails sur le premier", "the last one") or by words of its title ("the neuroanatomy one", "celui sur le
 * climat"). A title named whole needs no pick: the name resolves as any name does. The pick is the record the follow-up is about, and
 * the words that picked it are taken out of the question ("who teaches ?").
 */
import { STOPWORDS } from "../text/stopwords.js";
import { stem } from "../text/word-key.js";
import { TYPE_WORDS, type Word, wordsOf } from "./lexicon.js";

/** A record page the answer links to, with the text of its link. */
export interface AnswerLink {
  readonly type: string;
  readonly id: string;
  readonly title: string;
}

/** The record a follow-up picks and the follow-up without the words that picked it. */
export interface PickedLink {
  readonly link: AnswerLink;
  readonly question: string;
}

/** The record pages `answer` links to ("[title](/type/id)"), in order, each once. */
export function answerLinks(answer: string): AnswerLink[] {
  const links: AnswerLink[] = [];
  for (const m of answer.matchAll(/\[([^\]]*)\]\(\/([a-z]+)\/([^\s)]+)\)/g)) {
    const [, title = "", type = "", raw = ""] = m;
    let id: string;
    try {
      id = decodeURIComponent(raw);
    } catch {
      continue;
    }
    if (!links.some((l) => l.type === type && l.id === id)) links.push({ type, id, title });
  }
  return links;
}

/** The link of `links` that `question` picks by place or by title, with the question rewritten; else undefined. */
export function pickLink(question: string, links: readonly AnswerLink[]): PickedLink | undefined {
  if (links.length === 0) return undefined;
  const words = wordsOf(question);
  const picked = byPlace(words, links) ?? byTitleWords(words, links);
  if (!picked) return undefined;
  const { link, from, to } = picked;
  const start = words[from]?.start ?? 0;
  const end = words[to]?.end ?? question.length;
  return { link, question: `${question.slice(0, start)}${question.slice(end)}`.replace(/\s+/g, " ").trim() };
}

/** A pick and the words (first and last index) that made it. */
interface Pick {
  readonly link: AnswerLink;
  readonly from: number;
  readonly to: number;
}

/** "the second one", "the last course", "le premier", "la dernière" (a determiner, then the place). */
function byPlace(words: readonly Word[], links: readonly AnswerLink[]): Pick | undefined {
  for (const [i, word] of words.entries()) {
    const place = PLACES.get(word.folded);
    const before = words[i - 1]?.folded ?? "";
    if (place === undefined || !DETERMINERS.has(before)) continue;
    const next = words[i + 1]?.folded;
    // "the first year", "the last time": a place followed by a word of its own names no record of the list.
    const noun = next !== undefined && (ONE.has(next) || TYPE_WORDS.has(next));
    if (next !== undefined && !noun && !STOPWORDS.has(next)) continue;
    const at = place < 0 ? links.length + place : place;
    const link = links[at];
    if (link) return { link, from: i - 1, to: noun ? i + 1 : i };
  }
  return undefined;
}

/** "the neuroanatomy one", "the one about climate", "celui sur le climat": words of one linked title. */
function byTitleWords(words: readonly Word[], links: readonly AnswerLink[]): Pick | undefined {
  for (const [i, word] of words.entries()) {
    if (ONE.has(word.folded)) {
      // "the one about X": the words after; "the X one": the words between the determiner and "one".
      const right = DETERMINERS.has(words[i - 1]?.folded ?? "") && ABOUT.has(words[i + 1]?.folded ?? "");
      const after = right ? contentRun(words, i + 2) : undefined;
      const between = before(words, i);
      for (const found of [after, between]) {
        const link = found && titled(found[2], links);
        if (found && link) return { link, from: Math.min(found[0], i - 1), to: Math.max(found[1], i) };
      }
    }
    if (CELUI.has(word.folded) && ABOUT.has(words[i + 1]?.folded ?? "")) {
      const [, to, run] = contentRun(words, i + 2);
      const link = run.length > 0 ? titled(run, links) : undefined;
      if (link) return { link, from: i, to };
    }
  }
  return undefined;
}

/** The content words right before index `i` (after a determiner), as [from, to, words]. */
function before(words: readonly Word[], i: number): [number, number, string[]] | undefined {
  let from = i;
  while (from > 0 && !DETERMINERS.has(words[from - 1]?.folded ?? "") && i - from < 3) from -= 1;
  if (from === i || !DETERMINERS.has(words[from - 1]?.folded ?? "")) return undefined;
  return [from - 1, i, words.slice(from, i).map((w) => w.folded)];
}

/** The words from `start` up to the next stop word after a content word (at most four), as [from, to, words]. */
function contentRun(words: readonly Word[], start: number): [number, number, string[]] {
  const run: string[] = [];
  let to = start - 1;
  for (let i = start; i < words.length && run.length < 4; i += 1) {
    const w = words[i]?.folded ?? "";
    if (STOPWORDS.has(w)) {
      if (run.length > 0) break;
      to = i;
      continue;
    }
    run.push(w);
    to = i;
  }
  return [start, to, run];
}

/** The one link whose title holds every content word of `run`; undefined if none or several. */
function titled(run: readonly string[], links: readonly AnswerLink[]): AnswerLink | undefined {
  const wanted = run.filter((w) => !STOPWORDS.has(w) && !TYPE_WORDS.has(w)).map(stem);
  if (wanted.length === 0) return undefined;
  const fits = links.filter((link) => {
    const title = new Set(wordsOf(link.title).map((w) => stem(w.folded)));
    return wanted.every((w) => title.has(w));
  });
  return fits.length === 1 ? fits[0] : undefined;
}

const set = (list: string) => new Set(list.split(" "));
const DETERMINERS = set("the that this le la l ce cette");
const ONE = set("one");
const CELUI = set("celui celle");
const ABOUT = set("about on with in sur de du d des avec en");

/** Places in a list by word: 0 the first, -1 the last. */
const PLACES: ReadonlyMap<string, number> = new Map([
  ..."first 1st premier premiere 1er 1re".split(" ").map((w) => [w, 0] as const),
  ..."second 2nd deuxieme 2e 2eme seconde".split(" ").map((w) => [w, 1] as const),
  ..."third 3rd troisieme 3e 3eme".split(" ").map((w) => [w, 2] as const),
  ..."fourth 4th quatrieme 4e 4eme".split(" ").map((w) => [w, 3] as const),
  ..."fifth 5th cinquieme 5e 5eme".split(" ").map((w) => [w, 4] as const),
  ..."last latter dernier derniere".split(" ").map((w) => [w, -1] as const),
]);
