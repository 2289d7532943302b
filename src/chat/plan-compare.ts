/**
 * Comparisons ("compare CS-451 and CS-453", "la différence entre Matériaux II et Résistance des matériaux"): the
 * records compared, found by their codes or by the names on either side of "and", "vs", "with"…, each cited with
 * its page, and for courses the concepts they share (`GET /api/compare`).
 */
import type { Anchor, Plan } from "./plan.js";
import { StepList } from "./plan-steps.js";
import type { Reading } from "./read-question.js";
import { type CallApi, findBySearch, findCourse, findNamed } from "./resolve-subject.js";

/** How many shared concepts a comparison of courses cites. */
const SHARED_CONCEPTS = 10;
// Words that stand between the two things compared; a name may hold one ("Image and video processing"), so each
// place is tried until both sides name a record.
const BETWEEN = /\s+(?:and|et|vs\.?|versus|with|avec|to|from|or|ou|à)\s+/gi;
const COMPARED_TYPES = ["course", "concept", "mooc", "person", "unit"];

/** The plan of a comparison, or undefined when the question does not name two records. */
export async function comparePlan(
  call: CallApi,
  reading: Reading,
): Promise<Pick<Plan, "intent" | "anchors" | "join" | "steps" | "cite"> | undefined> {
  const anchors = await comparedRecords(call, reading);
  if (anchors.length < 2) return undefined;
  const steps = new StepList();
  const records = anchors.map((a) => steps.add({ op: "record", type: a.type, id: a.id }));
  const cite = [...records];
  if (anchors.every((a) => a.type === "course"))
    cite.push(steps.add({ op: "compare", of: records, limit: SHARED_CONCEPTS }));
  return { intent: "compare", anchors, join: "and", steps: steps.steps, cite };
}

async function comparedRecords(call: CallApi, reading: Reading): Promise<Anchor[]> {
  if (reading.codes.length >= 2) {
    const coded = await Promise.all(reading.codes.map((code) => findCourse(call, code)));
    return coded.filter((a): a is Anchor => a !== undefined);
  }
  if (reading.subjects.length === 2) return bothFound(call, reading.subjects[0], reading.subjects[1]);
  const text = reading.subjects[0] ?? "";
  for (const cut of text.matchAll(BETWEEN)) {
    const found = await bothFound(call, text.slice(0, cut.index), text.slice(cut.index + cut[0].length));
    if (found.length === 2) return found;
  }
  return [];
}

async function bothFound(call: CallApi, left = "", right = ""): Promise<Anchor[]> {
  const find = async (subject: string) =>
    (await findNamed(call, subject, COMPARED_TYPES)) ??
    (await findBySearch(call, subject, ["course", "concept"]));
  const a = await find(left);
  const b = a ? await find(right) : undefined;
  return a && b ? [a, b] : [];
}
