/**
 * `npx tsx eval/draw-chat17.ts [--seed N] [--count N]`: draws, seeded, the subjects of session 17's held-out chat
 * questions (eval/chat-held17.jsonl) on the five intents the ninth blind judge scores lowest: follow-ups (an opening
 * list, then a type switch, a stage or level filter, a subject switch or "who teaches them"), filters (courses of a
 * keyword with master's or bachelor's, autumn or spring semesters; MOOCs of a subject at a level or in a language),
 * publications by topic (keywords weighted by how many publications carry them and uniformly, and keywords whose
 * publications name a unit), long input (a subject of each type to bury in padding or a rambling message) and
 * multi-step plans (keyword pairs for "X and Y" kept when some record carries both, for "X or Y" as drawn, subject
 * pairs kept when someone teaches both). Each keyword is drawn on its own, weighted by how many records carry it, so
 * common and rare subjects both come. Prints one JSON line each; the questions are written by hand from this list,
 * before the planner is tuned.
 */
import { weightedSample } from "../src/core/seeded-random.js";
import {
  askableRecords,
  attrValues,
  drawSettings,
  pairs,
  personNames,
  printDrawn,
  recordName,
  stageOf,
  teachersOf,
  topicCarriers,
} from "./corpus-draw.js";

const { random, count } = drawSettings(17, 8);
const sample = <T>(pool: readonly T[], weight: (t: T) => number, n: number) =>
  weightedSample(random, pool, weight, n);

const byType = askableRecords();
const people = personNames();
const show = printDrawn;
const name = recordName;
const teachers = teachersOf;
const values = attrValues;
const carriers = topicCarriers;
const tagged = {
  course: carriers(byType.course),
  mooc: carriers(byType.mooc),
  lecture: carriers(byType.lecture),
  publication: carriers(byType.publication),
};
const size = (type: keyof typeof tagged) => (k: string) => tagged[type].get(k)?.length ?? 0;

// Publications by topic: keywords by frequency and uniformly; keywords with their units.
const pubKeys = [...tagged.publication.keys()];
for (const draw of ["weighted", "uniform"] as const)
  for (const k of sample(pubKeys, draw === "uniform" ? () => 1 : size("publication"), count))
    show(`publications-${draw}`, { keyword: k, publications: size("publication")(k) });
const authors = (k: string) =>
  new Set(
    (tagged.publication.get(k) ?? [])
      .flatMap((p) => p.links ?? [])
      .filter((l) => l.rel === "author")
      .map((l) => l.id),
  );
for (const k of sample(pubKeys, size("publication"), (count * 3) / 4))
  show("publications-who", { keyword: k, publications: size("publication")(k), authors: authors(k).size });

// Filters: course keywords with master's and bachelor's courses; MOOC subjects by level and language.
const courseKeys = [...tagged.course.keys()];
const staged = (k: string) => {
  const cs = tagged.course.get(k) ?? [];
  return {
    master: cs.filter((c) => stageOf(c).master).length,
    bachelor: cs.filter((c) => stageOf(c).bachelor).length,
  };
};
for (const k of sample(
  courseKeys.filter((k) => staged(k).master > 0 && staged(k).bachelor > 0),
  size("course"),
  count,
))
  show("filter-course-stage", { keyword: k, courses: size("course")(k), ...staged(k) });
const moocKeys = [...tagged.mooc.keys()];
const counted = (k: string, attr: string) => {
  const c: Record<string, number> = {};
  for (const m of tagged.mooc.get(k) ?? []) for (const v of values(m, attr)) c[v] = (c[v] ?? 0) + 1;
  return c;
};
for (const k of sample(
  moocKeys.filter((k) => Object.keys(counted(k, "level")).length > 1),
  size("mooc"),
  count,
))
  show("filter-mooc-level", { subject: k, moocs: size("mooc")(k), levels: counted(k, "level") });
const otherLanguage = (k: string) => Object.keys(counted(k, "language")).some((l) => l !== "en");
for (const k of sample(moocKeys.filter(otherLanguage), size("mooc"), count / 2))
  show("filter-mooc-language", { subject: k, moocs: size("mooc")(k), languages: counted(k, "language") });

// Long input: one subject of each type to bury.
for (const type of ["course", "mooc", "lecture", "publication"] as const)
  for (const k of sample([...tagged[type].keys()], size(type), (count * 3) / 4))
    show(`long-${type}`, { keyword: k, records: size(type)(k) });

// Multi-step: "X and Y", "X or Y", people who teach both.
for (const type of ["course", "mooc", "publication"] as const) {
  const both = (a: string, b: string) =>
    (tagged[type].get(a) ?? []).filter((r) => (tagged[type].get(b) ?? []).includes(r));
  const keys = [...tagged[type].keys()];
  for (const [a, b] of pairs(random, keys, size(type), (a, b) => both(a, b).length > 0, count / 2))
    show(`and-${type}`, { a, b, both: both(a, b).length, a_only: size(type)(a), b_only: size(type)(b) });
  for (const [a, b] of pairs(random, keys, size(type), () => true, count / 4))
    show(`or-${type}`, { a, b, a_count: size(type)(a), b_count: size(type)(b) });
}
for (const type of ["mooc", "lecture"] as const) {
  const taughtBy = (k: string) => new Set((tagged[type].get(k) ?? []).flatMap(teachers));
  const shared = (a: string, b: string) => [...taughtBy(a)].filter((p) => taughtBy(b).has(p));
  const keys = [...tagged[type].keys()].filter((k) => taughtBy(k).size > 0);
  for (const [a, b] of pairs(random, keys, size(type), (a, b) => shared(a, b).length > 0, count / 4))
    show(`teach-both-${type}`, { a, b, people: shared(a, b).map((p) => people.get(p)) });
}
const unitsOf = (k: string) =>
  new Set(
    (tagged.publication.get(k) ?? [])
      .flatMap((p) => p.links ?? [])
      .filter((l) => l.rel === "unit")
      .map((l) => l.id),
  );
for (const k of sample(
  pubKeys.filter((k) => unitsOf(k).size > 0),
  size("publication"),
  count / 4,
))
  show("units-of-publications", { keyword: k, units: unitsOf(k).size });

// Follow-ups: the opening list, then what the next turn asks.
const lower = new Map([...tagged.mooc.keys()].map((k) => [k.toLowerCase(), k]));
const sharedKeys = courseKeys.filter((k) => lower.has(k.toLowerCase()));
for (const k of sample(sharedKeys, size("course"), count / 2))
  show("follow-course-then-moocs", {
    keyword: k,
    mooc_subject: lower.get(k.toLowerCase()),
    courses: tagged.course.get(k)?.slice(0, 2).map(name),
  });
const pubLower = new Map(pubKeys.map((k) => [k.toLowerCase(), k]));
for (const k of sample(
  courseKeys.filter((k) => pubLower.has(k.toLowerCase())),
  size("course"),
  count / 4,
))
  show("follow-course-then-papers", {
    keyword: k,
    pub_keyword: pubLower.get(k.toLowerCase()),
    courses: tagged.course.get(k)?.slice(0, 2).map(name),
  });
for (const k of sample(
  courseKeys.filter((k) => staged(k).master > 0 && staged(k).bachelor > 0),
  size("course"),
  count / 2,
))
  show("follow-course-then-stage", {
    keyword: k,
    ...staged(k),
    courses: tagged.course.get(k)?.slice(0, 2).map(name),
  });
for (const k of sample(
  moocKeys.filter((k) => Object.keys(counted(k, "level")).length > 1),
  size("mooc"),
  count / 2,
))
  show("follow-mooc-then-level", {
    subject: k,
    levels: counted(k, "level"),
    moocs: tagged.mooc.get(k)?.slice(0, 2).map(name),
  });
for (const type of ["course", "mooc"] as const) {
  const keys = [...tagged[type].keys()];
  for (const [a, b] of pairs(random, keys, size(type), () => true, count / 2))
    show(`follow-${type}-switch`, { a, b, first: tagged[type].get(a)?.slice(0, 2).map(name) });
}
const taughtMoocs = carriers(byType.mooc.filter((m) => teachers(m).length > 0));
for (const k of sample([...taughtMoocs.keys()], (k) => taughtMoocs.get(k)?.length ?? 0, count / 2))
  show("follow-moocs-then-who", {
    subject: k,
    first: taughtMoocs
      .get(k)
      ?.slice(0, 2)
      .map((m) => ({ ...name(m), teachers: teachers(m).map((p) => people.get(p)) })),
  });
