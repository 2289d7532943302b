/**
 * A corpus K times another one, for the scale benchmark: the ontology (concepts, categories) once, every other
 * record K times. Copy 1 is the record itself; copy k > 1 has the id `id~k`, links to the records of its own copy
 * (and to the same concepts), and texts blended from the record and another one of its type (the first half of
 * the record's sentences, the second half of the other's; people get the other's family name), so that copies
 * are not duplicates that detection and similarity would find identical. Deterministic.
 */
import { createWriteStream, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import type { CorpusRecord } from "../src/core/record.js";

/** The types written once, whatever K. */
const ONTOLOGY: ReadonlySet<string> = new Set(["concept", "category"]);

type Texts = Readonly<Record<string, string>>;

/** Copy `k` (1 to K) of `record`, blended with `other`, a record of the same type. */
export function copyRecord(record: CorpusRecord, other: CorpusRecord, k: number): CorpusRecord {
  if (k === 1 || ONTOLOGY.has(record.type)) return record;
  const suffix = `~${k}`;
  const copy: CorpusRecord = {
    ...record,
    id: `${record.id}${suffix}`,
    name: record.type === "person" ? blendNames(record.name, other.name) : record.name,
    ...optional("description", blendTexts(record.description, other.description)),
    ...optional("text", blendTexts(record.text, other.text)),
    ...optional("keywords", blendLists(record.keywords, other.keywords)),
    ...optional(
      "links",
      record.links?.map((link) => (ONTOLOGY.has(link.type) ? link : { ...link, id: `${link.id}${suffix}` })),
    ),
  };
  return copy;
}

/** Writes the corpus at `from` (a folder with manifest.json) K times into the new folder `to`; returns its record count. */
export async function writeScaledCorpus(from: string, to: string, k: number): Promise<number> {
  mkdirSync(to, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(from, "manifest.json"), "utf8")) as {
    name: string;
    files: string[];
  };
  await writeLines(join(to, "manifest.json"), [
    JSON.stringify({ ...manifest, name: `${manifest.name}-x${k}` }),
  ]);
  let count = 0;
  for (const file of manifest.files) {
    const records = readFileSync(join(from, file), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as CorpusRecord);
    const lines = function* (): Generator<string> {
      for (let copy = 1; copy <= k; copy += 1) {
        for (const [i, record] of records.entries()) {
          if (copy > 1 && ONTOLOGY.has(record.type)) continue;
          const other = records[partner(i, copy, records.length)] ?? record;
          count += 1;
          yield JSON.stringify(copyRecord(record, other, copy));
        }
      }
    };
    await writeLines(join(to, file), lines());
  }
  return count;
}

/** The record that copy `k` of record `i` (of `n`) is blended with: another one, the same for every run. */
function partner(i: number, k: number, n: number): number {
  const j = (i + k * 7_919) % n;
  return j === i ? (i + 1) % n : j;
}

function blendTexts(own: Texts | undefined, other: Texts | undefined): Texts | undefined {
  if (own === undefined) return undefined;
  const blended: Record<string, string> = {};
  for (const [lang, text] of Object.entries(own)) {
    const theirs = other?.[lang];
    if (theirs === undefined) {
      blended[lang] = text;
      continue;
    }
    const mine = sentences(text);
    const others = sentences(theirs);
    blended[lang] = [...mine.slice(0, Math.ceil(mine.length / 2)), ...others.slice(others.length >> 1)].join(
      " ",
    );
  }
  return blended;
}

function blendNames(own: Texts, other: Texts): Texts {
  const blended: Record<string, string> = {};
  for (const [lang, name] of Object.entries(own)) {
    const family = (other[lang] ?? Object.values(other)[0] ?? "").split(" ").at(-1) ?? "";
    const given = name.split(" ").slice(0, -1).join(" ");
    blended[lang] = given === "" || family === "" ? name : `${given} ${family}`;
  }
  return blended;
}

function blendLists(own: readonly string[] | undefined, other: readonly string[] | undefined) {
  if (own === undefined) return undefined;
  const theirs = other ?? [];
  return [...new Set([...own.slice(0, Math.ceil(own.length / 2)), ...theirs.slice(theirs.length >> 1)])];
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/);
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines) {
    if (!out.write(`${line}\n`)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  out.end();
  await finished(out);
}
