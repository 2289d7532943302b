/**
 * Whether the graph knows a bare subject well enough for a list about it, when the question names no type of
 * record ("quantum dots?", "what's the capital of Australia"): `planQuestion` answers "unclear" otherwise.
 */
import { LIST_SEARCH_LIMIT } from "./plan-steps.js";
import type { Reading } from "./read-question.js";
import { type CallApi, detectConcepts, searchNames } from "./resolve-subject.js";
import { coverage, nameCoverage } from "./scope.js";

/**
 * True when the graph knows most of a bare subject's words as a topic: the detector finds concepts in them, or
 * the name of one of the courses the search finds for it (the search the list would make) holds them. A question
 * that asks what its subject is ("what's the capital of Australia") asks about one thing: one concept or one course
 * name must then hold all of it, not several names a share each.
 */
export async function recognised(call: CallApi, reading: Reading): Promise<boolean> {
  const subject = reading.subjects.join(" ");
  const whole = reading.cues.has("what") || reading.cues.has("explain");
  const share = whole ? 1 : RECOGNISED_SHARE;
  const detected = await detectConcepts(call, subject, reading.lang);
  const known = whole
    ? detected.some((d) => coverage(subject, [d]) >= share)
    : coverage(subject, detected) >= share;
  if (known) return true;
  const hits = await searchNames(call, subject, "course", LIST_SEARCH_LIMIT);
  return hits.slice(0, 5).some((name) => nameCoverage(subject, name) >= share);
}

/** The share of a bare subject's words the graph must recognise for a list about it. */
const RECOGNISED_SHARE = 0.5;
