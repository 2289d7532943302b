/**
 * The draws of the blind judges (eval/draw-fresh9.ts, eval/draw-fresh10.ts): the subjects, records, concepts and
 * people of the corpus, each pool twice: uniformly (rare ones) and weighted by how often the corpus uses them (common
 * ones). Pools: keywords of courses, MOOCs, publications and units (at most 300 records each), LectureBank topics (at
 * most 60 lectures, with a few deck titles to see whether the decks say the topic), keywords of courses that name a
 * teacher, courses, MOOCs and publications to ask about, concepts with a description, courses with prerequisites,
 * courses with teachers, teachers, authors, unit members, keyword pairs one record holds (intersections), MOOC subjects
 * some MOOCs give a level (by level and language), publication keywords with their newest papers, the universities
 * MOOCs and lectures name, (with `semesters`) course keywords whose courses name Bachelor and Master semesters,
 * (with `publicationTypes`) publication keywords whose papers are of more than one kind, some a thesis, dataset or review,
 * and (with `namedRecords`) courses to name by their code alone and teachers to name by a surname no one else has.
 * Prints one JSON line each; the questions are written by hand from it.
 */
import type { CorpusRecord } from "../src/core/record.js";
import { weightedSample } from "../src/core/seeded-random.js";
import { goldKey } from "./chat-gold.js";
import { personNames, readCorpusFile, recordName } from "./corpus-draw.js";

const read = readCorpusFile;

const courses = read("courses.jsonl");
const moocs = read("moocs.jsonl");
const lectures = read("lectures.jsonl");
const publications = read("publications.jsonl");
const units = read("units.jsonl");
const concepts = read("concepts.jsonl");
const names = personNames();

const linked = (r: CorpusRecord, rels: readonly string[]) =>
  (r.links ?? []).filter((l) => rels.includes(l.rel));
const TEACHING = ["teacher", "instructor"];

/** Keywords as the gold rules compare them, each with its records and the spelling most records use. */
function keywordsOf(
  records: readonly CorpusRecord[],
  keys: (r: CorpusRecord) => readonly string[] = (r) => r.keywords ?? [],
) {
  const found = new Map<string, { records: CorpusRecord[]; spellings: Map<string, number> }>();
  for (const r of records)
    for (const k of new Set(keys(r))) {
      const entry = found.get(goldKey(k)) ?? {
        records: [] as CorpusRecord[],
        spellings: new Map<string, number>(),
      };
      if (!entry.records.includes(r)) entry.records.push(r);
      entry.spellings.set(k, (entry.spellings.get(k) ?? 0) + 1);
      found.set(goldKey(k), entry);
    }
  return [...found.values()]
    .filter((e) => e.records.length <= 300)
    .map((e) => ({
      keyword: [...e.spellings].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "",
      records: e.records,
    }));
}

const topicOf = (r: CorpusRecord) => {
  const t = r.attrs?.topic_name;
  return typeof t === "string" ? [t.replace(/\s*\d+$/, "")] : [];
};
const topics = keywordsOf(lectures, topicOf).filter((t) => t.records.length <= 60);
const name = recordName;
const size = (k: { keyword: string; records: readonly CorpusRecord[] }) => k.records.length;
/** Most keywords tag one record, so a draw weighted by use alone still picks rare ones: these weigh use squared. */
const common = (k: { records: readonly CorpusRecord[] }) => k.records.length ** 2;
const withTeachers = courses.filter((c) => linked(c, ["teacher"]).length > 0);
const withPrerequisites = courses.filter((c) => linked(c, ["prerequisite"]).length > 0);
const inLinks = new Map<string, number>();
for (const c of concepts)
  for (const l of linked(c, ["link"])) inLinks.set(l.id, (inLinks.get(l.id) ?? 0) + 1);

const taught = new Map<string, string[]>();
for (const r of [...courses, ...moocs, ...lectures])
  for (const l of linked(r, TEACHING)) taught.set(l.id, [...(taught.get(l.id) ?? []), `${r.type}:${r.id}`]);
const authored = new Map<string, CorpusRecord[]>();
for (const p of publications)
  for (const l of linked(p, ["author"])) authored.set(l.id, [...(authored.get(l.id) ?? []), p]);
const members = new Map<string, string[]>();
for (const p of read("people.jsonl"))
  for (const l of linked(p, ["member"])) members.set(p.id, [...(members.get(p.id) ?? []), l.id]);

/** Pairs of keywords one record holds, with how many records hold both. */
function pairsOf(random: () => number, records: readonly CorpusRecord[]) {
  const holders = new Map<string, Set<CorpusRecord>>();
  for (const r of records)
    for (const k of r.keywords ?? []) holders.set(goldKey(k), (holders.get(goldKey(k)) ?? new Set()).add(r));
  return records
    .filter((r) => (r.keywords?.length ?? 0) >= 2)
    .map((r) => {
      const [a, b] = weightedSample(random, r.keywords ?? [], () => 1, 2) as [string, string];
      const both = [...(holders.get(goldKey(a)) ?? [])].filter((x) => holders.get(goldKey(b))?.has(x)).length;
      return {
        record: r.id,
        a,
        b,
        both,
        a_n: holders.get(goldKey(a))?.size,
        b_n: holders.get(goldKey(b))?.size,
      };
    });
}

const latestTopics = keywordsOf(publications)
  .filter((k) => k.records.length >= 3)
  .map((k) => {
    const latest = Math.max(...k.records.map((p) => Number(p.attrs?.year)));
    return {
      ...k,
      latest,
      newest: k.records.filter((p) => Number(p.attrs?.year) === latest).map((p) => p.id),
    };
  });
/** The ids of `records` by each value their attribute `attr` (a string or a list of strings) holds, "-" for none. */
function tallyBy(records: readonly CorpusRecord[], attr: string): Record<string, string[]> {
  const m: Record<string, string[]> = {};
  for (const r of records)
    for (const v of [r.attrs?.[attr] ?? "-"].flat().map(String)) m[v] = [...(m[v] ?? []), r.id];
  return m;
}
const moocSubjects = keywordsOf(moocs).map((k) => ({
  ...k,
  level: tallyBy(k.records, "level"),
  language: tallyBy(k.records, "language"),
}));
/** Course keywords of 2 to 60 courses, by the Bachelor or Master stage of the semesters their courses name. */
const courseStages = keywordsOf(courses)
  .filter((k) => k.records.length >= 2 && k.records.length <= 60)
  .map((k) => {
    const semesters = tallyBy(k.records, "semesters");
    const stage = (word: string) =>
      new Set(Object.entries(semesters).flatMap(([s, ids]) => (s.includes(word) ? ids : []))).size;
    return { ...k, semesters, bachelor: stage("Bachelor"), master: stage("Master") };
  });
/** Publication keywords of 3 to 80 papers of two kinds or more, one of them a thesis, a dataset or a review. */
const publicationKinds = keywordsOf(publications)
  .filter((k) => k.records.length >= 3 && k.records.length <= 80)
  .map((k) => ({ ...k, kinds: tallyBy(k.records, "type") }))
  .filter((k) => {
    const kinds = Object.keys(k.kinds);
    return kinds.length > 1 && kinds.some((t) => /Thesis|Dataset|Review Article/.test(t));
  });
/** A person's last name as a student types it alone, folded, with how many people of the corpus bear it. */
const surname = (full: string) => goldKey(full.split(/\s+/).at(-1) ?? "");
const surnames = new Map<string, number>();
for (const full of names.values()) surnames.set(surname(full), (surnames.get(surname(full)) ?? 0) + 1);
const universities = keywordsOf([...moocs, ...lectures], (r) =>
  [r.attrs?.institution, r.attrs?.venue].filter((v): v is string => typeof v === "string"),
);

const show = (pool: string, draw: string, item: object) =>
  console.log(JSON.stringify({ pool, draw, ...item }));
const keyword = (k: { keyword: string; records: readonly CorpusRecord[] }) => ({
  keyword: k.keyword,
  records: size(k),
});
/** What a judge draws besides the ninth's pools. */
export interface JudgeDrawOptions {
  /** Also draws course keywords by the Bachelor and Master semesters their courses name (default false). */
  readonly semesters?: boolean;
  /** Also draws publication keywords by the kinds of their papers (thesis, dataset, review …; default false). */
  readonly publicationTypes?: boolean;
  /** Also draws courses to name by code and teachers whose surname no other person has (default false). */
  readonly namedRecords?: boolean;
}

/** Prints the draws of a blind judge: `count` of each pool (more of some) by `random`, uniform then weighted. */
export function printJudgeDraw(random: () => number, count: number, options: JudgeDrawOptions = {}): void {
  for (const draw of ["uniform", "weighted"] as const) {
    const pick = <T>(pool: readonly T[], weight: (t: T) => number, n = count) =>
      weightedSample(random, pool, draw === "uniform" ? () => 1 : weight, n);
    for (const k of pick(keywordsOf(courses), common, 2 * count)) show("course-keyword", draw, keyword(k));
    for (const k of pick(keywordsOf(moocs), size)) show("mooc-keyword", draw, keyword(k));
    for (const k of pick(topics, size))
      show("lecture-topic", draw, { ...keyword(k), titles: k.records.slice(0, 6).map((r) => r.name.en) });
    for (const k of pick(keywordsOf(publications), common)) show("publication-keyword", draw, keyword(k));
    for (const k of pick(keywordsOf(units), common, 3))
      show("unit-keyword", draw, { ...keyword(k), units: k.records.map((r) => r.id) });
    for (const k of pick(keywordsOf(withTeachers), common, 3))
      show("taught-keyword", draw, {
        ...keyword(k),
        teachers: k.records.flatMap((r) => linked(r, ["teacher"]).map((l) => names.get(l.id))),
      });
    for (const c of pick(courses, (c) => (c.description?.en ?? "").length)) show("course", draw, name(c));
    for (const m of pick(moocs, (m) => Number(m.attrs?.enrolled ?? 1)))
      show("mooc", draw, { ...name(m), institution: m.attrs?.institution });
    for (const p of pick(publications, (p) => linked(p, ["author"]).length, 3))
      show("publication", draw, {
        ...name(p),
        year: p.attrs?.year,
        authors: linked(p, ["author"])
          .slice(0, 3)
          .map((l) => names.get(l.id)),
      });
    for (const c of pick(
      concepts.filter((c) => (c.description?.en ?? "") !== ""),
      (c) => inLinks.get(c.id) ?? 0,
      2 * count,
    ))
      show("concept", draw, name(c));
    for (const c of pick(withPrerequisites, (c) => linked(c, ["prerequisite"]).length))
      show("prerequisites", draw, {
        ...name(c),
        prerequisites: linked(c, ["prerequisite"]).map((l) => l.id),
      });
    for (const c of pick(withTeachers, () => 1, 4))
      show("taught-course", draw, {
        ...name(c),
        teachers: linked(c, ["teacher"]).map((l) => names.get(l.id)),
      });
    for (const [id, xs] of pick(
      [...taught].filter(([, xs]) => xs.length <= 20),
      ([, xs]) => xs.length,
    ))
      show("teacher", draw, { id, en: names.get(id), taught: xs });
    for (const [id, xs] of pick(
      [...authored].filter(([, xs]) => xs.length >= 2 && xs.length <= 40),
      ([, xs]) => xs.length,
    ))
      show("author", draw, {
        id,
        en: names.get(id),
        publications: xs.length,
        keywords: [...new Set(xs.flatMap((p) => p.keywords ?? []))].slice(0, 6),
        latest: Math.max(...xs.map((p) => Number(p.attrs?.year))),
      });
    for (const [id, xs] of pick([...members], ([, xs]) => xs.length, 4))
      show("member", draw, { id, en: names.get(id), units: xs });
    for (const [pool, records] of [
      ["course-pair", courses],
      ["mooc-pair", moocs],
      ["publication-pair", publications],
    ] as const)
      for (const p of pick(pairsOf(random, records), (p) => p.both, 4)) show(pool, draw, p);
    for (const k of pick(
      moocSubjects.filter((k) => Object.keys(k.level).length > 1),
      size,
    ))
      show("mooc-filter", draw, { ...keyword(k), level: k.level, language: Object.keys(k.language) });
    for (const k of pick(latestTopics, common, 4))
      show("latest-topic", draw, { ...keyword(k), latest: k.latest, newest: k.newest });
    for (const k of pick(universities, size, 4)) show("university", draw, keyword(k));
    if (options.semesters)
      for (const k of pick(
        courseStages.filter((k) => k.bachelor > 0 && k.master > 0),
        size,
      ))
        show("course-filter", draw, {
          ...keyword(k),
          bachelor: k.bachelor,
          master: k.master,
          semesters: k.semesters,
        });
    if (options.publicationTypes)
      for (const k of pick(publicationKinds, size))
        show("publication-kind", draw, {
          ...keyword(k),
          kinds: Object.fromEntries(Object.entries(k.kinds).map(([t, ids]) => [t, ids.length])),
        });
    if (options.namedRecords) {
      for (const c of pick(
        courses.filter((c) => /^[A-Z]+-\d/.test(c.id)),
        (c) => Number(c.attrs?.registrations ?? 1),
      ))
        show("course-code", draw, {
          ...name(c),
          teachers: linked(c, ["teacher"]).map((l) => names.get(l.id)),
          prerequisites: linked(c, ["prerequisite"]).map((l) => l.id),
          semesters: c.attrs?.semesters,
        });
      for (const [id, xs] of pick(
        [...taught].filter(([id, xs]) => xs.length <= 20 && surnames.get(surname(names.get(id) ?? "")) === 1),
        ([, xs]) => xs.length,
      ))
        show("teacher-surname", draw, {
          id,
          en: names.get(id),
          surname: names.get(id)?.split(/\s+/).at(-1),
          taught: xs,
        });
    }
  }
}
