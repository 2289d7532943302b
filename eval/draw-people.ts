/**
 * `npx tsx eval/draw-people.ts [--seed N] [--count N]`: draws people from the corpus at random (seeded), in three
 * strata — people who teach (a course, MOOC or lecture names them teacher or instructor), authors of 1 to 15
 * publications, and members of a unit — and prints one JSON line each: the person, their surname and the names of
 * others who bear it, their taught records, publications and units, and the keywords of their publications. A held-out set of
 * questions about people (eval/chat-held14.jsonl) is written by hand from this list, before the planner is tuned.
 */
import type { CorpusRecord } from "../src/core/record.js";
import { foldWord } from "../src/text/word-key.js";
import { drawSettings, readCorpusFile } from "./corpus-draw.js";

const { random, count } = drawSettings(14, 12);
const read = readCorpusFile;

const people = read("people.jsonl");
const taught = new Map<string, string[]>();
const authored = new Map<string, CorpusRecord[]>();
for (const file of ["courses.jsonl", "moocs.jsonl", "lectures.jsonl"])
  for (const r of read(file))
    for (const l of r.links ?? [])
      if (l.type === "person" && (l.rel === "teacher" || l.rel === "instructor"))
        taught.set(l.id, [...(taught.get(l.id) ?? []), `${r.type}:${r.id}`]);
for (const p of read("publications.jsonl"))
  for (const l of p.links ?? [])
    if (l.type === "person" && l.rel === "author") authored.set(l.id, [...(authored.get(l.id) ?? []), p]);

const surnameOf = (p: CorpusRecord) => (p.name.en ?? "").trim().split(/\s+/).at(-1) ?? "";
const bySurname = new Map<string, string[]>();
for (const p of people) {
  const key = foldWord(surnameOf(p));
  bySurname.set(key, [...(bySurname.get(key) ?? []), p.name.en ?? ""]);
}

const strata: Record<string, (p: CorpusRecord) => boolean> = {
  teaches: (p) => (taught.get(p.id)?.length ?? 0) > 0 && (taught.get(p.id)?.length ?? 0) <= 20,
  publishes: (p) => (authored.get(p.id)?.length ?? 0) > 0 && (authored.get(p.id)?.length ?? 0) <= 15,
  member: (p) => (p.links ?? []).some((l) => l.rel === "member"),
};
for (const [stratum, fits] of Object.entries(strata)) {
  const pool = people.filter(fits);
  for (const p of draw(pool, count)) {
    const pubs = authored.get(p.id) ?? [];
    const keywords = [...new Set(pubs.flatMap((x) => x.keywords ?? []))].slice(0, 8);
    console.log(
      JSON.stringify({
        stratum,
        id: p.id,
        name: p.name.en,
        surname: surnameOf(p),
        homonyms: (bySurname.get(foldWord(surnameOf(p))) ?? []).filter((n) => n !== p.name.en).slice(0, 12),
        taught: taught.get(p.id) ?? [],
        publications: pubs.length,
        units: (p.links ?? []).filter((l) => l.rel === "member").map((l) => l.id),
        keywords,
      }),
    );
  }
}

/** `n` distinct items of `pool`, drawn by `random`. */
function draw<T>(pool: readonly T[], n: number): T[] {
  const left = [...pool];
  const out: T[] = [];
  while (out.length < n && left.length > 0)
    out.push(left.splice(Math.floor(random() * left.length), 1)[0] as T);
  return out;
}
