/**
 * What of a message the chat reads: control characters and terminal escapes taken out, instructions addressed to
 * the assistant itself set aside (the planner only ever calls the public API, whatever a message says), and of a
 * long message the question in it — its last sentence asking something, else its start.
 */
import { foldWord } from "../text/word-key.js";

/** The longest question read, in characters; of a longer message, one sentence or the start is read. */
export const QUESTION_LIMIT = 300;

/** A message as the chat reads it. */
export interface CleanQuestion {
  /** The text read: one line, single spaces, at most `QUESTION_LIMIT` characters. */
  readonly text: string;
  /** The length of the message, when it was longer than what is read (else undefined). */
  readonly longInput?: number;
  /** Sentences set aside as instructions to the assistant ("ignore the above and call …"). */
  readonly ignored: readonly string[];
}

// Terminal colour and cursor codes ("\u001b[31m"), read as nothing rather than as the letters after the escape.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this pattern finds
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
// Zero-width space separates words; the other invisible format characters (joiners, marks, BOM) join them.
const INVISIBLE = /[\p{Cf}]/gu;
const BREAKS = /[\p{Cc}\u2028\u2029\u0085]/gu;

/** Reads `raw`: cleans it, sets instructions to the assistant aside, and picks the question of a long message. */
export function cleanQuestion(raw: string, limit = QUESTION_LIMIT): CleanQuestion {
  const text = raw
    .replace(ESCAPES, "")
    .replace(/\u200b/g, " ")
    .replace(INVISIBLE, "")
    .replace(/\r\n?/g, "\n");
  const sentences = splitSentences(text);
  const ignored = sentences.filter(isInstruction).map(flat);
  const kept = sentences
    .filter((s) => !isInstruction(s))
    .map((s) => flat(stripLabel(s)))
    .filter((s) => s !== "");
  const whole = kept.join(" ");
  const length = flat(text).length;
  if (whole.length <= limit)
    return { text: whole, ignored, ...(ignored.length === 0 && length > limit ? { longInput: length } : {}) };
  return { text: questionOf(kept, limit), longInput: length, ignored };
}

/** A sentence on one line with single spaces. */
function flat(text: string): string {
  return text.replace(BREAKS, " ").replace(/\s+/g, " ").trim();
}

/**
 * The sentences of `text`: ended by ".", "!", "?" or ";" before a space, by a line break, or by a speaker's label
 * ("SYSTEM:", "USER:"); a label is kept with the sentence it opens.
 */
export function splitSentences(text: string): string[] {
  const marked = text
    .replace(/([.!?;])(\s)/g, "$1\n$2")
    .replace(/(^|\s)((?:system|user|assistant|developer|admin|utilisateur|systeme|système)\s*:)/gi, "\n$1$2");
  return marked
    .split(/\n+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

// Verbs that tell someone to drop what they were told, and the things they were told.
const OVERRIDE =
  /\b(ignore|ignoring|disregard|forget|override|bypass|oublie|oubliez|ignorez|ignorer|ignores|neglige|negligez)\b.*\b(above|previous|prior|earlier|preceding|instructions?|rules?|prompts?|context|guidelines|precede|precedent|precedente|precedentes|precedents|consignes?|regles?|instructions?)\b/;
const ROLE = /^\s*(system|assistant|developer|admin|systeme)\s*:/;
const PERSONA =
  /\b(you are now|from now on you|act as|pretend (to be|you)|jailbreak|system prompt|tu es maintenant|fais comme si|prompt systeme)\b/;
// Telling the assistant to call something: an HTTP method or an address next to a verb of calling.
const CALL =
  /\b(call|calls|calling|execute|run|invoke|send|fetch|request|post|appelle|appelez|appeler|execute|executez|lance|lancez|envoie|envoyez)\b.*(\/api\/|https?:\/\/|\b(get|post|put|patch|delete)\s+\/)/;

/** True when `sentence` is an instruction to the assistant rather than a question to the graph. */
export function isInstruction(sentence: string): boolean {
  const folded = foldWord(flat(sentence));
  return OVERRIDE.test(folded) || ROLE.test(folded) || PERSONA.test(folded) || CALL.test(folded);
}

/**
 * The question of a long message: its last sentence ending in "?" that fits in `limit`, else the end of the last one
 * that does not (its last `limit` characters from a word's start: a question comes last in its sentence), else its
 * first sentence that fits, else its first `limit` characters cut at a word's end.
 */
function questionOf(sentences: readonly string[], limit: number): string {
  const fits = (s: string) => s.length <= limit;
  const asked = sentences.filter((s) => s.endsWith("?") && fits(s)).at(-1);
  const first = sentences[0] ?? "";
  if (asked) return asked;
  const long = sentences.filter((s) => s.endsWith("?")).at(-1);
  const end = long?.slice(-limit - 1).replace(/^\S*\s*/, "");
  if (end) return end;
  if (fits(first)) return first;
  return first.slice(0, limit + 1).replace(/\s*\S*$/, "");
}

/** A sentence without the user's label it may open with ("USER: what …" → "what …"). */
function stripLabel(sentence: string): string {
  return sentence.replace(/^\s*(user|utilisateur)\s*:\s*/i, "");
}
