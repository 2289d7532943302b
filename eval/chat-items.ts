/**
 * The chat evaluation's questions: the dev set (../shared/data/eval/chat.jsonl), the two halves of the held-out
 * file (eval/chat-heldout.jsonl), the weak-kind set (eval/chat-weak.jsonl) and the two halves of the fresh set
 * (eval/chat-fresh.jsonl), the second fresh set (eval/chat-fresh2.jsonl) and the third (eval/chat-fresh3.jsonl:
 * terse, lower-case, misspelt questions in the style of real users, held out whole) and the fourth
 * (eval/chat-fresh4.jsonl: every intent of issue 16 in mixed registers, written before any tuning, held out whole) and
 * the fifth (eval/chat-fresh5.jsonl: the same intents on new subjects, written blind after fresh4's misses were read,
 * held out whole), the sixth (eval/chat-fresh6.jsonl: the same intents in new registers and on subjects from every
 * part of the corpus, written blind, held out whole), the seventh (eval/chat-fresh7.jsonl: the same intents in registers
 * no earlier set stresses — bare keyword fragments, record codes in varied forms, people by surname, title or initials,
 * second-language English, code-switching, staff, industry and press questions, synonyms and broader wordings — on
 * subjects sampled from the corpus, written blind, held out whole) and session 12's (eval/chat-held12.jsonl: lectures and
 * publications by topic, multi-step plans, a university as scope and follow-ups in new wordings, written before the
 * session changed the chat) and session 13's (eval/chat-held13.jsonl: every intent in wordings of its own, en and fr,
 * written and run once before the session changed the chat), session 14's (eval/chat-held14.jsonl: questions about
 * people drawn at random from the corpus by eval/draw-people.ts, named by surname, title, initials, in lower case or
 * without accents, and capitalised words that name no person, with a tune and a check half) and the eighth blind
 * judge (eval/chat-fresh8.jsonl: every intent in English and French, about two thirds English, on subjects, records,
 * concepts and people drawn from the corpus by seeded samples, rare and common alike, written blind, held out whole)
 * and session 15's (eval/chat-held15.jsonl: lectures by topic, prerequisites, what a record is about, explaining a
 * concept, latest publications and follow-ups, en and fr, on topics, courses, MOOCs, concepts and authors drawn by
 * eval/draw-chat15.ts, written before the session changed the chat, with a tune and a check half), the ninth
 * blind judge (eval/chat-fresh9.jsonl: every intent of issue 16, about two thirds English, on subjects, records,
 * concepts and people drawn by eval/draw-fresh9.ts, rare and common alike, written blind, held out whole) and session
 * 16's (eval/chat-held16.jsonl: follow-ups, what a record is about, multi-step plans and questions that should cite
 * nothing, en and fr, on records, keyword pairs and opening questions drawn by eval/draw-chat16.ts, written before the
 * session changed the chat, with a tune and a check half) and session 17's (eval/chat-held17.jsonl: follow-ups,
 * filters by stage, semester, level and language, publications by topic and their authors, long input and multi-step
 * plans, en and fr, on subjects drawn by eval/draw-chat17.ts, written before the session changed the chat, with a tune
 * and a check half), held18 (eval/chat-held18.jsonl: the same five intents, follow-ups with one or two earlier
 * turns, long input told as a story, padded or garbled, on subjects drawn by eval/draw-chat18.ts, written before the
 * session changed the chat, with a tune and a check half) and the tenth blind judge (eval/chat-fresh10.jsonl: every
 * intent of issue 16, weighted to follow-ups, multi-step plans, papers by topic, filters, bad input and questions
 * that cite nothing, about two thirds English, on subjects drawn by eval/draw-fresh10.ts, written blind, scored
 * blind once, then split into a tune and a check half in session 19) and the eleventh (eval/chat-fresh11.jsonl: every intent of issue 16, weighted to follow-ups, multi-step
 * plans, filters (a paper's kind among them), papers by topic, bad input and questions that cite nothing, about 60 %
 * English, on subjects drawn by eval/draw-fresh11.ts, written blind, scored
 * blind once, then split into a tune and a check half in session 20) and held19 (eval/chat-held19.jsonl:
 * records of a type related, similar or like a named record (by code, full name or lower-case name), en and fr,
 * follow-ups, and "like" that is no similarity, on records drawn by a seeded hash whose gold holds 1 to 40 records,
 * written before the session changed the chat, with a tune and a check half) and the twelfth blind judge
 * (eval/chat-fresh12.jsonl: every intent of issue 16, weighted to padded messages, named records (courses by code
 * alone), courses by topic, filters, multi-step plans and follow-ups, people named by surname alone, about 60 %
 * English, on subjects drawn by eval/draw-fresh12.ts, written blind, held out whole),
 * each item with its conversation as asked (padded items are made long here, not stored long).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { GoldRule } from "./chat-gold.js";
import type { ChatExpectation } from "./chat-scores.js";
import { evalFolder } from "./eval-store.js";

/** One message of an item's conversation. */
export interface ChatTurn {
  readonly role: "user" | "assistant";
  readonly content: string;
}

/** One evaluation question. */
export interface ChatItem {
  readonly question: string;
  readonly lang: "en" | "fr";
  readonly kind: string;
  readonly half?: "tune" | "final" | "check";
  /**
   * The half `withHalves` put the item in when it was drawn: kept by an item whose question was shortened after the
   * split (a paper's full title, which the corpus holds, cut to its first words), so that it stays where it was.
   */
  readonly split?: "tune" | "check";
  /** Text repeated before or after the question up to `to` characters (long-input items). */
  readonly padding?: { readonly text: string; readonly to: number; readonly where: "before" | "after" };
  readonly messages?: readonly ChatTurn[];
  readonly expect: Omit<ChatExpectation, "ids"> & {
    /** The dev set lists its expected records. */
    readonly ids?: ChatExpectation["ids"];
    /** The held-out files name how to find them in the corpus (see chat-gold.ts). */
    readonly gold?: GoldRule;
    readonly messages?: readonly ChatTurn[];
  };
}

/**
 * The evaluation sets by name: dev, tune, final, weak, fresh-tune, fresh-check, fresh2, fresh3 … fresh7, and
 * fresh6-tune, fresh6-check, fresh8, fresh9, fresh10, fresh10-tune, fresh10-check, fresh11,
 * fresh11-tune, fresh11-check, fresh12, held12, held13, held14,
 * held14-tune, held14-check, held15, held15-tune, held15-check, held16, held16-tune, held16-check, held17,
 * held17-tune, held17-check, held18, held18-tune, held18-check.
 */
export function readChatSets(): Record<string, ChatItem[]> {
  const heldOut = readChatItems(join(import.meta.dirname, "chat-heldout.jsonl"));
  const fresh = readChatItems(join(import.meta.dirname, "chat-fresh.jsonl"));
  const held14 = readChatItems(join(import.meta.dirname, "chat-held14.jsonl"));
  return {
    dev: readChatItems(join(evalFolder(), "chat.jsonl")),
    tune: heldOut.filter((i) => i.half === "tune"),
    final: heldOut.filter((i) => i.half === "final"),
    weak: readChatItems(join(import.meta.dirname, "chat-weak.jsonl")),
    "fresh-tune": fresh.filter((i) => i.half === "tune"),
    "fresh-check": fresh.filter((i) => i.half === "check"),
    fresh2: readChatItems(join(import.meta.dirname, "chat-fresh2.jsonl")),
    fresh3: readChatItems(join(import.meta.dirname, "chat-fresh3.jsonl")),
    fresh4: readChatItems(join(import.meta.dirname, "chat-fresh4.jsonl")),
    fresh5: readChatItems(join(import.meta.dirname, "chat-fresh5.jsonl")),
    fresh7: readChatItems(join(import.meta.dirname, "chat-fresh7.jsonl")),
    fresh8: readChatItems(join(import.meta.dirname, "chat-fresh8.jsonl")),
    fresh9: readChatItems(join(import.meta.dirname, "chat-fresh9.jsonl")),
    fresh12: readChatItems(join(import.meta.dirname, "chat-fresh12.jsonl")),
    held12: readChatItems(join(import.meta.dirname, "chat-held12.jsonl")),
    held13: readChatItems(join(import.meta.dirname, "chat-held13.jsonl")),
    held14,
    "held14-tune": held14.filter((i) => i.half === "tune"),
    "held14-check": held14.filter((i) => i.half === "check"),
    ...withHalves("fresh6", readChatItems(join(import.meta.dirname, "chat-fresh6.jsonl"))),
    ...withHalves("held15", readChatItems(join(import.meta.dirname, "chat-held15.jsonl"))),
    ...withHalves("held16", readChatItems(join(import.meta.dirname, "chat-held16.jsonl"))),
    ...withHalves("held17", readChatItems(join(import.meta.dirname, "chat-held17.jsonl"))),
    ...withHalves("held18", readChatItems(join(import.meta.dirname, "chat-held18.jsonl"))),
    ...withHalves("fresh10", readChatItems(join(import.meta.dirname, "chat-fresh10.jsonl"))),
    ...withHalves("fresh11", readChatItems(join(import.meta.dirname, "chat-fresh11.jsonl"))),
    ...withHalves("held19", readChatItems(join(import.meta.dirname, "chat-held19.jsonl"))),
  };
}

/**
 * A set whole and in two halves by a hash of each question, `<name>-tune` and `<name>-check`, chosen after the set
 * was written and before anyone read its misses: the tune half may be read and tuned on, the check half may not.
 */
function withHalves(name: string, items: ChatItem[]): Record<string, ChatItem[]> {
  const half = (item: ChatItem) =>
    item.split ??
    (((createHash("sha256").update(`${name}|${item.question}`).digest()[0] ?? 0) & 1) === 0
      ? "tune"
      : "check");
  return {
    [name]: items,
    [`${name}-tune`]: items.filter((i) => half(i) === "tune"),
    [`${name}-check`]: items.filter((i) => half(i) === "check"),
  };
}

/** The items of a JSON Lines file. */
export function readChatItems(path: string): ChatItem[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as ChatItem);
}

/** The conversation an item asks: its earlier turns (a follow-up's, kept under expect.messages too), then it. */
export function conversationOf(item: ChatItem): ChatTurn[] {
  const history = item.messages ?? item.expect.messages ?? [];
  return [...history, { role: "user", content: questionOf(item) }];
}

/** The question as asked: with its padding repeated before or after it up to the padded length. */
export function questionOf(item: ChatItem): string {
  const { padding } = item;
  if (!padding) return item.question;
  const fill = padding.text.repeat(Math.ceil(padding.to / padding.text.length));
  const pad = fill.slice(0, Math.max(0, padding.to - item.question.length));
  return padding.where === "before" ? pad + item.question : item.question + pad;
}
