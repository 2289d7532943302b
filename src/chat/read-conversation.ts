/**
 * Follow-ups: a question that leans on the conversation ("And MOOCs?", "Who teaches it?", "Et sur X ?") is read
 * with what the previous question asked and what the last answer linked to. Only user messages are read as
 * questions; of the assistant's messages, only the record links are used.
 */

import { STOPWORDS } from "../text/stopwords.js";
import { foldWord } from "../text/word-key.js";
import { ASSISTANT_WORDS, PERSON_PRONOUNS, REQUEST_VERBS, SMALL_TALK_WORDS, wordsOf } from "./lexicon.js";
import { answerLinks, pickLink } from "./picked-link.js";
import type { ChatMessage } from "./plan.js";
import { type Reading, readQuestion } from "./read-question.js";

/**
 * A reading of the last question, completed from the conversation; `linked` is the last answer's link the question
 * picks ("the second one"), else its first link.
 */
export interface ConversationReading {
  readonly reading: Reading;
  readonly linked?: { readonly type: string; readonly id: string };
  /** True when the question named no subject and took the previous question's. */
  readonly inherited?: boolean;
  /** All of the last answer's links, when the question points at them together ("who teaches these?"). */
  readonly linkedAll?: readonly { readonly type: string; readonly id: string }[];
}

/**
 * Words that point at several records at once: "who teaches these?", "qui les enseigne ?". French "les" is most
 * often the article ("quels sont les prérequis ?"): it points only as the object before a verb, after its subject.
 */
const ALL_OF_THEM =
  /\b(these|those|them|they|ces|eux|elles|leurs)\b|\b(qui|je|tu|il|elle|on|nous|vous|ils|ne)\s+les\b/;

/** The most records of the last answer a question about all of them reads. */
const LINKS_READ = 10;

/** Reads the last user message of `messages`, filling what it leaves out from the earlier turns. */
export function readConversation(messages: readonly ChatMessage[], lang?: "en" | "fr"): ConversationReading {
  const users = messages.filter((m) => m.role === "user");
  const before = messages.slice(0, lastUserIndex(messages));
  const links = answerLinks(before.filter((m) => m.role === "assistant").at(-1)?.content ?? "");
  const asked = users.at(-1)?.content ?? "";
  // "Who teaches the second one?": the record of the last answer the question picks is its "it".
  const picked = users.length < 2 ? undefined : pickLink(asked, links);
  if (picked) return { ...pickedReading(picked.question, lang), linked: picked.link };
  const reading = readQuestion(asked, lang);
  if (users.length < 2 || reading.offTopic) return { reading };
  const previous = readConversation(before, lang).reading;
  // "Which lab is he in?" after "X is taught by Y": a pronoun for a person points at the first person linked.
  const pronoun = wordsOf(asked).some((w) => PERSON_PRONOUNS.has(w.folded) && w.text === w.folded);
  const person = pronoun ? links.find((l) => l.type === "person") : undefined;
  const linked = person ?? links[0];
  const named = reading.subjects.length > 0 || reading.codes.length > 0;
  if (!named) {
    // "Who teaches it?", "And online ones?": the subject is the previous one; "it" is the record last linked.
    const merged: Reading = {
      ...reading,
      subjects: previous.subjects,
      codes: previous.codes,
      ...(previous.join ? { join: previous.join } : {}),
      types: reading.types.length > 0 ? reading.types : previous.types,
      cues: reading.cues.size > 0 || reading.types.length > 0 ? reading.cues : previous.cues,
    };
    // The person is the question's subject, not the earlier question's subject.
    if (person) return { reading: { ...merged, subjects: [], codes: [] }, inherited: true, linked: person };
    const pointed = ALL_OF_THEM.test(foldWord(asked));
    const all = links.length > 1 && pointed;
    // "Which units are they from?" after publications on X, of which the answer linked one: the records of the type
    // asked linked to the previous list (units through publications about X), not those about X themselves.
    const others = reading.types.filter((t) => !previous.types.includes(t));
    if (pointed && !all && others.length > 0 && previous.types.length === 1 && previous.codes.length === 0)
      return { reading: { ...merged, types: [...others, ...previous.types] }, inherited: true };
    return {
      reading: merged,
      inherited: true,
      ...(linked && previous.codes.length === 0 ? { linked } : {}),
      ...(all && previous.codes.length === 0 ? { linkedAll: links.slice(0, LINKS_READ) } : {}),
    };
  }
  if (reading.narrows && reading.types.length === 0 && previous.subjects.length === 1) {
    // "Lesquelles parlent aussi de salinité ?", "which of them also cover X": the previous list, narrowed to X.
    const narrowed: Reading = {
      ...reading,
      subjects: [...previous.subjects, ...reading.subjects],
      join: "and",
      types: previous.types,
      cues: new Set([...previous.cues, ...reading.cues]),
      alternatives: [],
      spans: [],
    };
    return { reading: narrowed };
  }
  if (reading.followUp && reading.types.length === 0) {
    // "And about X?", "Et sur X ?": the same question about another subject.
    return {
      reading: { ...reading, types: previous.types, cues: new Set([...previous.cues, ...reading.cues]) },
    };
  }
  return { reading };
}

/**
 * The reading of a question that picked a record of the last answer, the words that picked it taken out: what is left
 * asks of that record ("who teaches"), or, with nothing left but politeness ("more on the first one?", "tu peux m'en
 * dire plus sur le dernier ?"), what it is about. Any other word keeps the reading ("is the first one any good?"
 * stays small talk).
 */
function pickedReading(question: string, lang?: "en" | "fr"): ConversationReading {
  const reading = readQuestion(question, lang);
  const politeness = (w: string) =>
    MORE_WORDS.has(w) ||
    SMALL_TALK_WORDS.has(w) ||
    ASSISTANT_WORDS.has(w) ||
    REQUEST_VERBS.has(w) ||
    STOPWORDS.has(w);
  const more = wordsOf(question).every((w) => politeness(w.folded));
  if (!more || (reading.offTopic !== "small-talk" && reading.offTopic !== "assistant"))
    return { reading, inherited: reading.subjects.length === 0 };
  const { offTopic: _, ...asked } = reading;
  return { reading: { ...asked, cues: new Set([...reading.cues, "about" as const]) }, inherited: true };
}

/** The reading of the question before the last one, completed from the turns before it; undefined if none. */
export function readPrevious(messages: readonly ChatMessage[], lang?: "en" | "fr"): Reading | undefined {
  const before = messages.slice(0, lastUserIndex(messages));
  return before.some((m) => m.role === "user") ? readConversation(before, lang).reading : undefined;
}

function lastUserIndex(messages: readonly ChatMessage[]): number {
  for (let i = messages.length - 1; i >= 0; i -= 1) if (messages[i]?.role === "user") return i;
  return -1;
}

/** Words that ask for more of what was shown, with the modals of asking ("can you tell me more", "tu peux m'en dire plus"). */
const MORE_WORDS = new Set(
  "more details detail info infos information informations plus precisions savoir m me moi can could would peux pourrais pouvez pourriez".split(
    " ",
  ),
);
