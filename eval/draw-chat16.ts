/**
 * `npx tsx eval/draw-chat16.ts [--seed N] [--count N]`: draws, seeded, the subjects of session 16's held-out chat
 * questions (eval/chat-held16.jsonl) from the corpus: records to ask what they are about (courses weighted by
 * registrations and uniformly, MOOCs weighted by description length and uniformly), pairs of keywords for
 * multi-step questions — each keyword drawn on its own, weighted by how many records carry it, pairs for "X and Y"
 * kept only when some record carries both, pairs for "X or Y" kept as drawn —, pairs of subjects for "people who
 * teach X and Y" kept when someone teaches both, and the opening questions of follow-ups (a course keyword and a
 * MOOC subject, a publication keyword, a MOOC subject with its first taught MOOCs and their instructors). Prints one JSON
 * line each; the questions are written by hand from this list, before the planner is tuned.
 */
import { weightedSample } from "../src/core/seeded-random.js";
import {
  askableRecords,
  carriers,
  drawSettings,
  pairs,
  personNames,
  printDrawn,
  recordName,
  teachersOf,
} from "./corpus-draw.js";

const { random, count } = drawSettings(16, 8);
const sample = <T>(pool: readonly T[], weight: (t: T) => number, n: number) =>
  weightedSample(random, pool, weight, n);

const byType = askableRecords();
const people = personNames();
const show = printDrawn;
const name = recordName;
const teachers = teachersOf;

for (const draw of ["uniform", "weighted"] as const) {
  const courses = sample(
    byType.course,
    (c) => (draw === "uniform" ? 1 : Number(c.attrs?.registrations ?? 0)),
    count,
  );
  for (const c of courses) show(`about-course-${draw}`, name(c));
  const moocs = sample(
    byType.mooc,
    (m) => (draw === "uniform" ? 1 : (m.description?.en ?? "").length),
    count / 2,
  );
  for (const m of moocs) show(`about-mooc-${draw}`, name(m));
}

for (const type of ["course", "mooc", "publication"] as const) {
  const tagged = carriers(byType[type]);
  const keywords = [...tagged.keys()];
  const weight = (k: string) => tagged.get(k)?.length ?? 0;
  const both = (a: string, b: string) =>
    (tagged.get(a) ?? []).filter((r) => (tagged.get(b) ?? []).includes(r));
  for (const [a, b] of pairs(random, keywords, weight, (a, b) => both(a, b).length > 0, count / 2))
    show(`and-${type}`, { a, b, both: both(a, b).length, a_only: weight(a), b_only: weight(b) });
  for (const [a, b] of pairs(random, keywords, weight, () => true, count / 2))
    show(`or-${type}`, { a, b, a_count: weight(a), b_count: weight(b) });
}

for (const type of ["course", "mooc"] as const) {
  const tagged = carriers(byType[type]);
  const taughtBy = (k: string) => new Set((tagged.get(k) ?? []).flatMap(teachers));
  const shared = (a: string, b: string) => [...taughtBy(a)].filter((p) => taughtBy(b).has(p));
  const keywords = [...tagged.keys()].filter((k) => taughtBy(k).size > 0);
  const weight = (k: string) => tagged.get(k)?.length ?? 0;
  for (const [a, b] of pairs(random, keywords, weight, (a, b) => shared(a, b).length > 0, count / 2))
    show(`teach-both-${type}`, { a, b, people: shared(a, b).map((p) => people.get(p)) });
}

const courseTags = carriers(byType.course);
const moocTags = carriers(byType.mooc);
const lower = new Map([...moocTags.keys()].map((k) => [k.toLowerCase(), k]));
const shared = [...courseTags.keys()].filter((k) => lower.has(k.toLowerCase()));
for (const k of sample(shared, (k) => courseTags.get(k)?.length ?? 0, count))
  show("follow-course-then-moocs", {
    keyword: k,
    mooc_subject: lower.get(k.toLowerCase()),
    courses: courseTags.get(k)?.slice(0, 2).map(name),
  });
const pubTags = carriers(byType.publication);
for (const k of sample([...pubTags.keys()], (k) => pubTags.get(k)?.length ?? 0, count))
  show("follow-publications", {
    keyword: k,
    publications: pubTags.get(k)?.length,
    first: pubTags.get(k)?.slice(0, 2).map(name),
  });
const taughtMoocs = carriers(byType.mooc.filter((m) => teachers(m).length > 0));
for (const k of sample([...taughtMoocs.keys()], (k) => taughtMoocs.get(k)?.length ?? 0, count))
  show("follow-moocs-then-who", {
    subject: k,
    first: taughtMoocs
      .get(k)
      ?.slice(0, 3)
      .map((m) => ({ ...name(m), teachers: teachers(m).map((p) => people.get(p)) })),
  });
