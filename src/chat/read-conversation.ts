/**
 * Follow-ups: a question that leans on the conversation ("And MOOCs?", "Who teaches it?", "Et sur X ?") is read
 * with what the previous question asked and what the last answer linked to. Only user messages are read as
 * questions; of the assistant's messages, only the record links are used.
 */
import type { ChatMessage } from "./plan.js";
import { type Reading, readQuestion } from "./read-question.js";

/** A reading of the last question, completed from the conversation; `linked` is the last answer's first link. */
export interface ConversationReading {
  readonly reading: Reading;
  readonly linked?: { readonly type: string; readonly id: string };
}

/** Reads the last user message of `messages`, filling what it leaves out from the earlier turns. */
export function readConversation(messages: readonly ChatMessage[], lang?: "en" | "fr"): ConversationReading {
  const users = messages.filter((m) => m.role === "user");
  const reading = readQuestion(users.at(-1)?.content ?? "", lang);
  if (users.length < 2 || reading.offTopic) return { reading };
  const before = messages.slice(0, lastUserIndex(messages));
  const previous = readConversation(before, lang).reading;
  const linked = lastLink(before);
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
    return { reading: merged, ...(linked && previous.codes.length === 0 ? { linked } : {}) };
  }
  if (reading.followUp && reading.types.length === 0) {
    // "And about X?", "Et sur X ?": the same question about another subject.
    return {
      reading: { ...reading, types: previous.types, cues: new Set([...previous.cues, ...reading.cues]) },
    };
  }
  return { reading };
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

/** The first record page the last assistant message links to. */
function lastLink(messages: readonly ChatMessage[]): { type: string; id: string } | undefined {
  const answer = messages.filter((m) => m.role === "assistant").at(-1)?.content ?? "";
  const link = /\]\(\/([a-z]+)\/([^\s)]+)\)/.exec(answer);
  if (!link?.[1] || !link[2]) return undefined;
  try {
    return { type: link[1], id: decodeURIComponent(link[2]) };
  } catch {
    return undefined;
  }
}
