/**
 * The chat: plans the answer to the conversation's last question (offline parser), runs the plan through the
 * public API (any client of the HTTP contract; in the server, an in-process one going through the same routes
 * and validation) and answers with references taken only from what the calls returned, with the plan and the
 * calls shown.
 */

import type { FoundRecord } from "./execute-plan.js";
import { executePlan } from "./execute-plan.js";
import { ANSWER_LIMIT, type ChatMessage, type Plan } from "./plan.js";
import { planMessage } from "./plan-message.js";
import type { CallApi } from "./resolve-subject.js";
import { type Reference, toReference, writeAnswer } from "./write-answer.js";

export type { Reference } from "./write-answer.js";

/** A call of the public API as made, for showing. */
export interface ChatCall {
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** A client of the public API: sends a call, returns the status and the JSON body. */
export type ApiClient = (call: ChatCall) => Promise<{ status: number; body: unknown }>;

/** The chat's reply. */
export interface ChatReply {
  readonly answer: string;
  readonly references: readonly Reference[];
  readonly calls: readonly ChatCall[];
  readonly plan: Plan;
}

/** The most API calls one answer may make; a plan that needs more is cut short (and its answer shorter). */
export const CALL_BUDGET = 400;

/**
 * A recording caller of `client`: each distinct call is made once and kept in `calls` (a plan that reads a record
 * the parser already looked up gets the same answer); a failed call or one past the budget gives undefined.
 */
export function recordingCaller(client: ApiClient, calls: ChatCall[]): CallApi {
  const made = new Map<string, Promise<unknown>>();
  return (call) => {
    const key = JSON.stringify(call);
    const known = made.get(key);
    if (known) return known;
    if (calls.length >= CALL_BUDGET) return Promise.resolve(undefined);
    calls.push(call);
    const answer = client(call).then((response) => (response.status === 200 ? response.body : undefined));
    made.set(key, answer);
    return answer;
  };
}

/** Answers the last question of `messages` by planning, calling the API and citing what it returned. */
export async function runChat(
  client: ApiClient,
  messages: readonly ChatMessage[],
  lang?: "en" | "fr",
): Promise<ChatReply> {
  const calls: ChatCall[] = [];
  const call = recordingCaller(client, calls);
  const plan = await planMessage(call, messages, lang);
  return answerPlan(plan, call, calls);
}

/** Runs `plan` and writes its answer; `calls` already holds the calls made while planning. */
export async function answerPlan(plan: Plan, call: CallApi, calls: readonly ChatCall[]): Promise<ChatReply> {
  const results = await executePlan(plan.steps, call, plan.lang);
  const parts = plan.questions ?? [plan];
  const cited = parts.map((part) => part.cite.map((i) => results[i] ?? []));
  // Each question's records in turn, so that an answer cut at the limit keeps some for every question.
  const references = takeInTurn(
    cited.map((c) => distinct(c.flat())),
    ANSWER_LIMIT,
  ).map(toReference);
  const kept = new Set(references.map(keyOf));
  const answers = parts.map((part, i) => {
    const own = distinct((cited[i] ?? []).flat()).filter((r) => kept.has(keyOf(r)));
    return writeAnswer(
      { ...part, steps: plan.steps },
      cited[i] ?? [],
      own.map(toReference),
      i === parts.length - 1,
      sidesOfEmptyJoin(plan.steps, results, part.cite),
      beforeEmptyScope(plan.steps, results, part.cite),
    );
  });
  return { answer: answers.join("\n\n"), references, calls: [...calls], plan };
}

/** How many records each side of a cited intersection had, when it met nowhere; else undefined. */
function sidesOfEmptyJoin(
  steps: Plan["steps"],
  results: readonly (readonly FoundRecord[])[],
  cite: readonly number[],
): number[] | undefined {
  const last = cite.at(-1);
  if (last === undefined || (results[last]?.length ?? 0) > 0) return undefined;
  // The intersection may be followed by operations on its result (filter, sort, limit): go back to it.
  let step = steps[last];
  while (step?.op === "filter" || step?.op === "sort" || step?.op === "limit") step = steps[step.from];
  return step?.op === "intersection" ? step.of.map((i) => results[i]?.length ?? 0) : undefined;
}

/** How many records a cited filter by university had before, when it left none; else undefined. */
function beforeEmptyScope(
  steps: Plan["steps"],
  results: readonly (readonly FoundRecord[])[],
  cite: readonly number[],
): number | undefined {
  const last = cite.at(-1);
  if (last === undefined || (results[last]?.length ?? 0) > 0) return undefined;
  let step = steps[last];
  while ((step?.op === "sort" || step?.op === "limit") && step.from !== undefined) step = steps[step.from];
  return step?.op === "filter" && step.institution ? results[step.from]?.length : undefined;
}

function keyOf(r: { readonly type: string; readonly id: string }): string {
  return `${r.type}\0${r.id}`;
}

/** `records` without repeats, in order. */
function distinct(records: readonly FoundRecord[]): FoundRecord[] {
  const byKey = new Map<string, FoundRecord>();
  for (const r of records) if (!byKey.has(keyOf(r))) byKey.set(keyOf(r), r);
  return [...byKey.values()];
}

/** Up to `limit` records taken from each list in turn (A1, B1, A2…), each record once. */
function takeInTurn(lists: readonly (readonly FoundRecord[])[], limit: number): FoundRecord[] {
  const taken = new Map<string, FoundRecord>();
  for (let i = 0; taken.size < limit && lists.some((l) => i < l.length); i += 1)
    for (const list of lists) {
      const record = list[i];
      if (record && taken.size < limit && !taken.has(keyOf(record))) taken.set(keyOf(record), record);
    }
  return [...taken.values()];
}
