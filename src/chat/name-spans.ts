/**
 * Names inside a chatty subject: "what does entropy actually mean in physics?" reads the subject "entropy actually
 * mean in physics", which names nothing, but begins with the name "Entropy". The spans that begin the subject are
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
  return ends.map((end) => {
    const around = (wanted: WordClass) =>
      words.filter((_, i) => i > end && i <= last && classes[i] === wanted);
    const cues = around("cue");
    return {
      subject: text.slice(words[first]?.start ?? 0, words[end]?.end ?? 0),
      cues: CUE_WORDS.filter(([, set]) => cues.some((w) => set.has(w.folded))).map(([cue]) => cue),
      types: around("type").flatMap((w) => TYPE_WORDS.get(w.folded) ?? []),
    };
  });
}
