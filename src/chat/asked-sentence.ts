/**
 * A message that sets the scene before it asks ("I'm a journalist working on a story about misinformation … Which
 * lectures introduce network analysis?"): its question is its last sentence ending in "?", after sentences that ask
 * nothing, and the scene's words are not its subject. When that sentence names its subject only by pointing at the
 * scene ("Could you tell me which courses cover that topic?"), the sentence right before it holds the subject.
 */
import { cleanQuestion, splitSentences } from "./clean-question.js";

/**
 * The parts of `raw` to read as its question, narrowest first: its last sentence ending in "?" (its last sentence
 * when none does), then that sentence with the one before it. None when no sentence sets the scene before the
 * question, or when the message asks more than once (several questions are read each in turn, `split-questions.ts`).
 */
export function askedParts(raw: string): string[] {
  const sentences = splitSentences(cleanQuestion(raw, Number.POSITIVE_INFINITY).text);
  // A request need not end in "?" ("I am looking for papers on X"): with none, the last sentence is the one asked,
  // when it is one (three words or more, after a full stop that ends no initial: "papers by J. M. Levine").
  const marked = sentences.findLastIndex((s) => s.endsWith("?"));
  const last = sentences.length - 1;
  const initial = /(^|[\s.])\p{L}\.$/u.test(sentences[last - 1] ?? "");
  const sentence = (sentences[last]?.split(/\s+/).length ?? 0) >= 3 && !initial;
  const at = marked >= 0 ? marked : sentence ? last : -1;
  const asked = sentences[at];
  const before = sentences[at - 1];
  // One sentence before the question is read with it, as before: "Jane Doe's papers. Which are the latest?"
  // A full stop after an initial ends no sentence: "What does Jonathan M. Levine work on?" is one question.
  const cut = /(^|[\s.])\p{L}\.$/u.test(before ?? "");
  if (!asked || !before || cut || sentences.slice(0, at).some((s) => s.endsWith("?"))) return [];
  return [asked, `${before} ${asked}`];
}
