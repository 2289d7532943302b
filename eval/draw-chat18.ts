/**
 * `npx tsx eval/draw-chat18.ts [--seed N] [--count N]`: draws, seeded, the subjects of held18, session 17's second held-out chat
 * questions (eval/chat-held18.jsonl) on the five intents the blind judge still scores lowest: follow-ups (an opening
 * list of courses, MOOCs or papers, then a type switch, a stage, semester or level, a subject switch, "who teaches
 * them" or "who wrote them"), long input (a subject of each type to bury in a rambling message, padding or garbling),
 * publications by topic (keywords by how many publications carry them and uniformly; their authors and units),
 * multi-step plans ("X and Y" kept when some record carries both, "X or Y" as drawn, subjects someone teaches both)
 * and filters (courses of a keyword by stage or semester, MOOCs of a subject by level or language). Each keyword is
 * drawn on its own; prints one JSON line each; the questions are written by hand from this list, before any tuning.
 */
import type { CorpusRecord } from "../src/core/record.js";
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

const { random, count } = drawSettings(18, 6);
const records = askableRecords();
type Kind = keyof typeof records;
const byKey = {
  course: topicCarriers(records.course),
  mooc: topicCarriers(records.mooc),
  lecture: topicCarriers(records.lecture),
  publication: topicCarriers(records.publication),
};
const people = personNames();
const emit = printDrawn;
const n = (type: Kind) => (k: string) => byKey[type].get(k)?.length ?? 0;
const keys = (type: Kind) => [...byKey[type].keys()];
/** Keywords of `type` drawn one by one, weighted by carriers (`uniform` for each alike), kept when `keep` holds. */
const draw = (type: Kind, howMany: number, keep: (k: string) => boolean = () => true, uniform = false) =>
  weightedSample(random, keys(type).filter(keep), uniform ? () => 1 : n(type), howMany);
const firstTwo = (type: Kind, k: string) => byKey[type].get(k)?.slice(0, 2).map(recordName);
const tally = (rs: readonly CorpusRecord[], attr: string) => {
  const c: Record<string, number> = {};
  for (const r of rs) for (const v of attrValues(r, attr)) c[v] = (c[v] ?? 0) + 1;
  return c;
};
const moocTally = (k: string, attr: string) => tally(byKey.mooc.get(k) ?? [], attr);
const stages = (k: string) => {
  const cs = byKey.course.get(k) ?? [];
  return {
    master: cs.filter((c) => stageOf(c).master).length,
    bachelor: cs.filter((c) => stageOf(c).bachelor).length,
  };
};
const bothStages = (k: string) => stages(k).master > 0 && stages(k).bachelor > 0;
const linked = (k: string, rel: string) =>
  new Set(
    (byKey.publication.get(k) ?? [])
      .flatMap((p) => p.links ?? [])
      .filter((l) => l.rel === rel)
      .map((l) => l.id),
  );

// Publications by topic: papers (weighted and uniform), their authors, their units.
for (const uniform of [false, true])
  for (const k of draw("publication", count + 2, () => true, uniform))
    emit(`papers-${uniform ? "uniform" : "weighted"}`, { keyword: k, publications: n("publication")(k) });
for (const k of draw("publication", count / 2, (k) => linked(k, "author").size <= 60))
  emit("papers-authors", { keyword: k, authors: linked(k, "author").size });
for (const k of draw("publication", count / 3, (k) => linked(k, "unit").size > 0))
  emit("papers-units", { keyword: k, units: linked(k, "unit").size });

// Filters: courses by stage or semester, MOOCs by level or language.
for (const k of draw("course", count + 2, bothStages)) emit("filter-course", { keyword: k, ...stages(k) });
for (const k of draw("mooc", count, (k) => Object.keys(moocTally(k, "level")).length > 1))
  emit("filter-mooc-level", { subject: k, levels: moocTally(k, "level") });
for (const k of draw("mooc", count / 2, (k) => Object.keys(moocTally(k, "language")).some((l) => l !== "en")))
  emit("filter-mooc-language", { subject: k, languages: moocTally(k, "language") });

// Long input: subjects of each type, weighted and uniform, to bury in a story, padding or garbling.
for (const type of ["course", "mooc", "lecture", "publication"] as const)
  for (const uniform of [false, true])
    for (const k of draw(type, count / 2, () => true, uniform))
      emit(`long-${type}`, { keyword: k, records: n(type)(k) });

// Multi-step: "X and Y" (some record carries both), "X or Y", people who teach both.
for (const type of ["course", "mooc", "publication"] as const) {
  const both = (a: string, b: string) =>
    (byKey[type].get(a) ?? []).filter((r) => byKey[type].get(b)?.includes(r));
  for (const [a, b] of pairs(random, keys(type), n(type), (a, b) => both(a, b).length > 0, count / 2))
    emit(`and-${type}`, { a, b, both: both(a, b).length });
  for (const [a, b] of pairs(random, keys(type), n(type), (a, b) => n(type)(a) + n(type)(b) <= 60, count / 3))
    emit(`or-${type}`, { a, b, a_count: n(type)(a), b_count: n(type)(b) });
}
for (const type of ["course", "mooc"] as const) {
  const taught = (k: string) => new Set((byKey[type].get(k) ?? []).flatMap(teachersOf));
  const shared = (a: string, b: string) => [...taught(a)].filter((p) => taught(b).has(p));
  const pool = keys(type).filter((k) => taught(k).size > 0);
  for (const [a, b] of pairs(random, pool, n(type), (a, b) => shared(a, b).length > 0, count / 3))
    emit(`teach-both-${type}`, { a, b, people: shared(a, b).map((p) => people.get(p)) });
}

// Follow-ups: an opening list (one or two earlier questions), then what the next turn asks.
const moocOf = new Map(keys("mooc").map((k) => [k.toLowerCase(), k]));
const paperOf = new Map(keys("publication").map((k) => [k.toLowerCase(), k]));
for (const k of draw("course", count / 2, (k) => moocOf.has(k.toLowerCase())))
  emit("follow-courses-moocs", {
    keyword: k,
    mooc: moocOf.get(k.toLowerCase()),
    first: firstTwo("course", k),
  });
for (const k of draw("course", count / 2, (k) => paperOf.has(k.toLowerCase())))
  emit("follow-courses-papers", {
    keyword: k,
    paper: paperOf.get(k.toLowerCase()),
    first: firstTwo("course", k),
  });
for (const k of draw("course", count / 2, bothStages))
  emit("follow-courses-stage", { keyword: k, ...stages(k), first: firstTwo("course", k) });
for (const k of draw("mooc", count / 2, (k) => Object.keys(moocTally(k, "level")).length > 1))
  emit("follow-moocs-level", { subject: k, levels: moocTally(k, "level"), first: firstTwo("mooc", k) });
for (const type of ["course", "mooc", "publication"] as const)
  for (const [a, b] of pairs(random, keys(type), n(type), () => true, count / 3))
    emit(`follow-${type}-switch`, { a, b, first: firstTwo(type, a) });
const taughtMoocs = topicCarriers(records.mooc.filter((m) => teachersOf(m).length > 0));
for (const k of weightedSample(
  random,
  [...taughtMoocs.keys()],
  (k) => taughtMoocs.get(k)?.length ?? 0,
  count / 3,
))
  emit("follow-moocs-who", {
    subject: k,
    first: taughtMoocs
      .get(k)
      ?.slice(0, 2)
      .map((m) => ({ ...recordName(m), teachers: teachersOf(m).map((p) => people.get(p)) })),
  });
for (const k of draw("publication", count / 3, (k) => linked(k, "author").size > 0))
  emit("follow-papers-who", { keyword: k, first: firstTwo("publication", k) });
