/**
 * Several questions in one message ("Who teaches X and what do I need before it?", "What is X? Which courses cover
 * it?"): the message is cut where a new question starts — after a question mark, or at a comma, a semicolon, "and"
 * or "et" followed by a question word (a preposition may come first: "et dans quels cours …").
 */

// A question word starting a clause, after an optional preposition; the lookahead ends the word without \b, which
// does not see accented letters ("où").
const QUESTION_WORD =
  "(?:(?:in|on|for|from|with|by|at|to|dans|sur|pour|avec|par|de|en|à)\\s+)?(?:what|which|who|whom|whose|where|when|how|quel|quels|quelle|quelles|qui|que|qu['’]|quoi|où|comment)(?=[\\s,?'’]|$)";
// The question mark stays with the question it ends: a long question is read from its sentence that ends in one.
const CLAUSE_BREAK = new RegExp(`(?<=\\?)\\s+|(?:[,;]|\\s(?:and|et))\\s+(?=${QUESTION_WORD})`, "giu");

/** The most questions read in one message; the rest of a longer list is read with the last one. */
export const MAX_QUESTIONS = 3;

/** The questions of `text` in order, each trimmed; one element when it asks one question. */
export function splitQuestions(text: string): string[] {
  const clauses = text
    .split(CLAUSE_BREAK)
    .map((c) => c.trim())
    .filter((c) => /[\p{L}\p{N}]/u.test(c));
  if (clauses.length <= MAX_QUESTIONS) return clauses.length === 0 ? [text.trim()] : clauses;
  return [...clauses.slice(0, MAX_QUESTIONS - 1), clauses.slice(MAX_QUESTIONS - 1).join(" ")];
}
