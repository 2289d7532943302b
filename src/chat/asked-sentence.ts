/**
 * A message that sets the scene before it asks ("I'm a journalist working on a story about misinformation … Which
 * lectures introduce network analysis?"): its question is its last sentence ending in "?", after sentences that ask
 * nothing, and the scene's words are not its subject. When that sentence names its subject only by pointing at the
 * scene ("Could you tell me which courses cover that topic?"), the sentence right before it holds the subject.
 */
import { cleanQuestion, QUESTION_LIMIT, splitSentences } from "./clean-question.js";

/**
 * The parts of `raw` to read as its question, narrowest first: the clause that asks in its last sentence ending in
 * "?" (`askedClause`, when a scene or a long message comes before it), that sentence (its last sentence when none
 * ends in "?"), then that sentence with the one before it. None when no sentence sets the scene before the
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
  const scene = !!asked && !!before && !cut && !sentences.slice(0, at).some((s) => s.endsWith("?"));
  const parts = scene ? [asked, `${before} ${asked}`] : [];
  // Within a sentence that sets a scene or a long message, the clause that asks is read first.
  const long = sentences.join(" ").length > QUESTION_LIMIT;
  const clause = asked && (scene || long) ? askedClause(asked) : undefined;
  return clause ? [clause, ...parts] : parts;
}

// Words that open a question: English and French interrogatives ("où" with its accent: "ou" is "or").
const QUESTION_WORD =
  /^(which|what|whats|what's|who|whom|whose|where|when|how|quel|quels|quelle|quelles|qui|où|comment|est-ce)(?![\p{L}\p{N}])/iu;

/**
 * Of a sentence whose clauses set a scene before they ask ("Hi, I'm new here and know no one, which MOOCs cover
 * X?", "je ne connais personne, quels MOOC parlent de X ?"), the part from its last clause (after a comma) that
 * opens with a question word; undefined when no clause after the first does.
 */
export function askedClause(sentence: string): string | undefined {
  const clauses = sentence.split(/\s*,\s*/);
  for (let i = clauses.length - 1; i > 0; i--)
    if (QUESTION_WORD.test(clauses[i] ?? "")) return clauses.slice(i).join(", ");
  return undefined;
}
