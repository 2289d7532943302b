/**
 * `npx tsx eval/draw-chat15.ts [--seed N] [--count N]`: draws, seeded, the subjects of session 15's held-out chat
 * questions (eval/chat-held15.jsonl) from the corpus, each pool twice — uniformly (rare ones) and weighted by how
 * often the corpus uses it (common ones): LectureBank lecture topics of at most 60 lectures (weight: lectures), courses with prerequisites
 * (weight: prerequisites), courses and MOOCs to ask about (weight: description length), concepts with a description
 * (weight: concepts linking to them) and authors of dated publications (weight: publications). Prints one JSON line
 * each; the questions are written by hand from this list, before the planner is tuned.
 */
import { weightedSample } from "../src/core/seeded-random.js";
import { drawSettings, personNames, readCorpusFile, recordName } from "./corpus-draw.js";

const { random, count } = drawSettings(15, 8);
const sample = <T>(pool: readonly T[], weight: (t: T) => number, n: number) =>
  weightedSample(random, pool, weight, n);
const read = readCorpusFile;

const tally = <K>(keys: readonly K[]) => {
  const m = new Map<K, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
};
/** Topics of at most 60 lectures: an answer cites a page of records, so a larger topic's recall says nothing. */
const topics = new Map(
  [
    ...tally(
      read("lectures.jsonl").flatMap((r) => {
        const t = r.attrs?.topic_name;
        return typeof t === "string" ? [t.replace(/\s*\d+$/, "")] : [];
      }),
    ),
  ].filter(([, n]) => n <= 60),
);
const courses = read("courses.jsonl");
const prereqs = courses.filter((c) => (c.links ?? []).some((l) => l.rel === "prerequisite"));
const moocs = read("moocs.jsonl");
const concepts = read("concepts.jsonl");
const inLinks = tally(
  concepts.flatMap((c) => (c.links ?? []).filter((l) => l.rel === "link").map((l) => l.id)),
);
const described = concepts.filter((c) => (c.description?.en ?? "").length > 0);
const authored = new Map<string, number>();
for (const p of read("publications.jsonl"))
  if (Number.isInteger(Number(p.attrs?.year)))
    for (const l of p.links ?? []) if (l.rel === "author") authored.set(l.id, (authored.get(l.id) ?? 0) + 1);
const people = personNames();

const show = (pool: string, draw: "uniform" | "weighted", item: unknown) =>
  console.log(JSON.stringify({ pool, draw, ...(item as object) }));
const name = recordName;
for (const draw of ["uniform", "weighted"] as const) {
  const pick = <T>(pool: readonly T[], weight: (t: T) => number) =>
    sample(pool, draw === "uniform" ? () => 1 : weight, count);
  for (const [topic, n] of pick([...topics], ([, n]) => n))
    show("lecture-topic", draw, { topic, lectures: n });
  for (const c of pick(prereqs, (c) => (c.links ?? []).filter((l) => l.rel === "prerequisite").length))
    show("prerequisites", draw, name(c));
  for (const c of pick(courses, (c) => (c.description?.en ?? "").length)) show("course", draw, name(c));
  for (const m of pick(moocs, (m) => (m.description?.en ?? "").length)) show("mooc", draw, name(m));
  for (const c of pick(described, (c) => inLinks.get(c.id) ?? 0)) show("concept", draw, name(c));
  for (const [id, n] of pick([...authored], ([, n]) => n))
    show("author", draw, { id, en: people.get(id), publications: n });
}
