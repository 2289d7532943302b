/**
 * Names inside a chatty subject: "what does entropy actually mean in physics?" reads the subject "entropy actually
 * mean in physics", which names nothing, but begins with the name "Entropy"; "les axes de recherche de Jukka Jokela"
 * ends with one. The spans that begin the subject are
 * tried against the graph, longest first (at most six words, so at most six look-ups); the words after the one
 * found are read again as the question's frame, so that their cues count ("mean": an explanation).
 */
import { STOPWORDS } from "../text/stopwords.js";
import { CUE_WORDS, type Cue, type WordClass } from "./classify-words.js";
import { TYPE_WORDS, type Word } from "./lexicon.js";
import type { TargetType } from "./plan.js";

/** The start of a subject that may be a name, with the cues and types of the subject's words after it. */
export interface NameSpan {
  readonly subject: string;
  readonly cues: readonly Cue[];
  readonly types: readonly TargetType[];
}

/** The longest span tried, in words. */
const MAX_SPAN_WORDS = 6;

/**
 * The spans that begin the subject `words[first..last]` and end with a subject word before its last, longest
 * first. The name comes first and chatter after it ("entropy actually mean in physics"); words before a name are a
 * request of their own ("sing me a song about the Fourier transform"), which the name alone does not answer.
 */
export function nameSpans(
  words: readonly Word[],
  classes: readonly WordClass[],
  first: number,
  last: number,
  text: string,
): NameSpan[] {
  const ends: number[] = [];
  for (let b = Math.min(last - 1, first + MAX_SPAN_WORDS - 1); b >= first; b -= 1)
    if (classes[b] === "subject" && (b > first || !STOPWORDS.has(words[b]?.folded ?? ""))) ends.push(b);
  const leading = ends.map((end) => {
    const around = (wanted: WordClass) =>
      words.filter((_, i) => i > end && i <= last && classes[i] === wanted);
    const cues = around("cue");
    return {
      subject: text.slice(words[first]?.start ?? 0, words[end]?.end ?? 0),
      cues: CUE_WORDS.filter(([, set]) => cues.some((w) => set.has(w.folded))).map(([cue]) => cue),
      types: around("type").flatMap((w) => TYPE_WORDS.get(w.folded) ?? []),
    };
  });
  const tail = tailSpan(words, classes, first, last, text);
  return tail ? [...leading, tail] : leading;
}

/**
 * "Les axes de recherche de Jukka Jokela", "the main research topics of X": the words after the subject's last
 * linking word ("de", "of", "by"), when a cue stands before it in the subject, may be the name asked about; the
 * cues before it are then the question's.
 */
function tailSpan(
  words: readonly Word[],
  classes: readonly WordClass[],
  first: number,
  last: number,
  text: string,
): NameSpan | undefined {
  let link = last - 1;
  while (link > first && !LINKS.has(words[link]?.folded ?? "")) link -= 1;
  if (link <= first || classes[link + 1] !== "subject") return undefined;
  const before = words.filter((_, i) => i > first && i < link && classes[i] === "cue");
  const cues = CUE_WORDS.filter(([, set]) => before.some((w) => set.has(w.folded))).map(([cue]) => cue);
  if (cues.length === 0) return undefined;
  return { subject: text.slice(words[link + 1]?.start ?? 0, words[last]?.end ?? 0), cues, types: [] };
}

const LINKS = new Set(["de", "du", "d", "of", "by", "par", "from"]);
