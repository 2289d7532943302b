/** What the draw scripts (eval/draw-*.ts) share: their `--seed N --count N` options and the corpus files they read. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { defaultCorpus } from "../src/app/config.js";
import type { CorpusRecord } from "../src/core/record.js";
import { mulberry32, weightedSample } from "../src/core/seeded-random.js";

/** A draw's settings: the seeded generator (`--seed`, else `seed`) and how many to draw of each pool (`--count`, else `count`). */
export function drawSettings(seed: number, count: number): { random: () => number; count: number } {
  const { values } = parseArgs({ options: { seed: { type: "string" }, count: { type: "string" } } });
  return { random: mulberry32(Number(values.seed ?? seed)), count: Number(values.count ?? count) };
}

/** The records of one JSON Lines file of the default corpus (e.g. "courses.jsonl"). */
export function readCorpusFile(file: string): CorpusRecord[] {
  return readFileSync(join(defaultCorpus(), file), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as CorpusRecord);
}

/** `n` pairs of distinct keywords, each drawn on its own by `weight`, kept when `keep` holds (at most 2000 tries). */
export function pairs(
  random: () => number,
  pool: readonly string[],
  weight: (k: string) => number,
  keep: (a: string, b: string) => boolean,
  n: number,
): [string, string][] {
  const out: [string, string][] = [];
  for (let tries = 0; out.length < n && tries < 2000; tries++) {
    const [a] = weightedSample(random, pool, weight, 1);
    const [b] = weightedSample(random, pool, weight, 1);
    const seen = out.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
    if (a !== undefined && b !== undefined && a.toLowerCase() !== b.toLowerCase() && !seen && keep(a, b))
      out.push([a, b]);
  }
  return out;
}

/**
 * The records a question can name, by type: courses, lectures, publications, and MOOCs with an English or French
 * name (a MOOC named only in another language cannot be asked about in either).
 */
export function askableRecords(): Record<"course" | "mooc" | "lecture" | "publication", CorpusRecord[]> {
  return {
    course: readCorpusFile("courses.jsonl"),
    mooc: readCorpusFile("moocs.jsonl").filter((m) => m.name.en !== undefined || m.name.fr !== undefined),
    lecture: readCorpusFile("lectures.jsonl"),
    publication: readCorpusFile("publications.jsonl"),
  };
}

/** Every person's English name by id. */
export function personNames(): Map<string, string> {
  return new Map(readCorpusFile("people.jsonl").map((p) => [p.id, p.name.en ?? ""]));
}

/** Prints one drawn item as a JSON line, its pool first. */
export function printDrawn(pool: string, item: object): void {
  console.log(JSON.stringify({ pool, ...item }));
}

/** A drawn record as the lists print it: its id and its English and French names. */
export function recordName(r: CorpusRecord): { id: string; en?: string; fr?: string } {
  return { id: r.id, en: r.name.en, fr: r.name.fr };
}

/** The ids of the people a record names as teacher or instructor. */
export function teachersOf(r: CorpusRecord): string[] {
  return (r.links ?? []).filter((l) => l.rel === "teacher" || l.rel === "instructor").map((l) => l.id);
}

/** The records of `records` carrying each tag (`tagsOf`, the author keywords by default), keyed as written. */
export function carriers(
  records: readonly CorpusRecord[],
  tagsOf: (r: CorpusRecord) => readonly string[] = (r) => r.keywords ?? [],
): Map<string, CorpusRecord[]> {
  const m = new Map<string, CorpusRecord[]>();
  for (const r of records) for (const k of new Set(tagsOf(r))) m.set(k, [...(m.get(k) ?? []), r]);
  return m;
}

/** The string values of a record's attribute (a string or a list of strings); none when absent. */
export function attrValues(r: CorpusRecord, attr: string): string[] {
  return [r.attrs?.[attr]].flat().filter((v): v is string => typeof v === "string");
}

/** Whether a course is given at master's and at bachelor's level (its `semesters` name them). */
export function stageOf(r: CorpusRecord): { master: boolean; bachelor: boolean } {
  const s = attrValues(r, "semesters").join(" ");
  return { master: /Master/.test(s), bachelor: /Bachelor/.test(s) };
}

/** The records of `records` carrying each keyword (a lecture's LectureBank topic, its number off), keyed as written. */
export function topicCarriers(records: readonly CorpusRecord[]): Map<string, CorpusRecord[]> {
  return carriers(records, (r) =>
    r.type === "lecture"
      ? attrValues(r, "topic_name").map((t) => t.replace(/\s*\d+$/, ""))
      : (r.keywords ?? []),
  );
}
