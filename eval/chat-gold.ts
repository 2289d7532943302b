/**
 * The expected records of a held-out chat question, computed at run time from the corpus in the store, by the
 * rules the dev set's README states: the courses whose keywords hold a keyword, the lectures of a LectureBank
 * topic, the MOOCs of a subject, the publications and units whose keywords hold a keyword, the records of a university, a course's teachers or prerequisites, a person's units or latest publications,
 * the courses, MOOCs and lectures a person teaches, the publications a person wrote,
 * intersections or unions of these, those of them whose attribute holds a value (a MOOC's level, a course's semesters),
 * and the records they link to (a publication's authors or units), and the records of a type related to a named record by
 * author keywords (keyword-relatedness.ts, as `eval:related` defines it). The question file keeps the rule, never a copy of the corpus's answer.
 */
import type { CorpusRecord } from "../src/core/record.js";
import type { RecordKey, Store } from "../src/store/store.js";
import { foldWord } from "../src/text/word-key.js";
import { keywordCarriers, keywordSet, relatedTo } from "./keyword-relatedness.js";

/** How an item's expected records are found in the corpus. */
export type GoldRule =
  | { readonly courses: string }
  | { readonly moocs: string }
  | { readonly lectures: string }
  | { readonly publications: string }
  | { readonly units: string }
  | { readonly teachersOf: RecordKey }
  | { readonly prerequisitesOf: RecordKey }
  | { readonly record: RecordKey }
  | { readonly unitsOf: RecordKey }
  | { readonly latestOf: RecordKey }
  /** The courses, MOOCs and lectures that name the person their teacher or instructor. */
  | { readonly taughtBy: RecordKey }
  /** The publications that name the person an author. */
  | { readonly authoredBy: RecordKey }
  | { readonly allOf: readonly GoldRule[] }
  | { readonly anyOf: readonly GoldRule[] }
  /** The people who teach or instruct the courses, MOOCs or lectures the rule finds. */
  | { readonly teachersOfCourses: GoldRule }
  /** The records a university gives: their `institution`, `affiliations` or `venue` attribute names it. */
  | { readonly institution: string }
  /** The records `where` finds whose attribute `attr` (a string or a list of strings) holds one of `oneOf`. */
  | { readonly where: GoldRule; readonly attr: string; readonly oneOf: readonly string[] }
  /** The records that the records `linksOf` finds link to by one of `rels` (a publication's authors or units). */
  | { readonly linksOf: GoldRule; readonly rels: readonly string[] }
  /** The records of type `of` related to the record `relatedTo` by author keywords (keyword-relatedness.ts). */
  | { readonly relatedTo: RecordKey; readonly of: string };

/** A keyword, subject or topic as rules compare them: folded, accents off, single spaces. */
export function goldKey(text: string): string {
  return foldWord(text.normalize("NFKD").trim().replace(/\s+/g, " "));
}

/** Evaluates gold rules over one store, reading each record type once. */
export class GoldRules {
  private readonly scans = new Map<string, Promise<CorpusRecord[]>>();
  private keywords?: Promise<{ sets: Map<string, Set<string>>; carriers: Map<string, string[]> }>;

  constructor(private readonly store: Store) {}

  /** The keys of the records `rule` expects. */
  async expected(rule: GoldRule): Promise<RecordKey[]> {
    return [...(await this.ids(rule))].map(keyFrom);
  }

  private async ids(rule: GoldRule): Promise<Set<string>> {
    if ("courses" in rule) return this.tagged("course", (r) => r.keywords ?? [], rule.courses);
    if ("moocs" in rule) return this.tagged("mooc", (r) => r.keywords ?? [], rule.moocs);
    if ("lectures" in rule) return this.tagged("lecture", topicOf, rule.lectures);
    if ("publications" in rule) return this.tagged("publication", (r) => r.keywords ?? [], rule.publications);
    if ("units" in rule) return this.tagged("unit", (r) => r.keywords ?? [], rule.units);
    if ("record" in rule) return new Set([keyOf(rule.record)]);
    if ("teachersOf" in rule) return this.linked(rule.teachersOf, TEACHING);
    if ("prerequisitesOf" in rule) return this.linked(rule.prerequisitesOf, ["prerequisite"]);
    if ("unitsOf" in rule) return this.linked(rule.unitsOf, ["member"]);
    if ("latestOf" in rule) return this.latest(rule.latestOf);
    if ("taughtBy" in rule) return this.linking(["course", "mooc", "lecture"], rule.taughtBy, TEACHING);
    if ("authoredBy" in rule) return this.linking(["publication"], rule.authoredBy, ["author"]);
    if ("institution" in rule) return this.givenBy(rule.institution);
    if ("allOf" in rule) {
      const sets = await Promise.all(rule.allOf.map((r) => this.ids(r)));
      return new Set([...(sets[0] ?? [])].filter((k) => sets.every((s) => s.has(k))));
    }
    if ("anyOf" in rule)
      return new Set((await Promise.all(rule.anyOf.map((r) => this.ids(r)))).flatMap((s) => [...s]));
    if ("where" in rule) return this.where(await this.ids(rule.where), rule.attr, rule.oneOf);
    if ("linksOf" in rule) return this.linksOf(await this.ids(rule.linksOf), rule.rels);
    if ("relatedTo" in rule) return this.related(rule.relatedTo, rule.of);
    const taught = await this.ids(rule.teachersOfCourses);
    const teachers = new Set<string>();
    for (const type of ["course", "mooc", "lecture"])
      for (const r of await this.scan(type))
        if (taught.has(keyOf(r)))
          for (const l of r.links ?? []) if (TEACHING.includes(l.rel)) teachers.add(keyOf(l));
    return teachers;
  }

  private async tagged(type: string, tags: (r: CorpusRecord) => readonly string[], key: string) {
    const wanted = goldKey(key);
    const found = new Set<string>();
    for (const r of await this.scan(type))
      if (tags(r).some((t) => goldKey(t) === wanted)) found.add(keyOf(r));
    return found;
  }

  private async where(found: Set<string>, attr: string, oneOf: readonly string[]): Promise<Set<string>> {
    const wanted = new Set(oneOf.map(goldKey));
    const kept = new Set<string>();
    for (const key of found) {
      const record = await this.store.getRecord(keyFrom(key));
      const values = [record?.attrs?.[attr]].flat().filter((v): v is string => typeof v === "string");
      if (values.some((v) => wanted.has(goldKey(v)))) kept.add(key);
    }
    return kept;
  }

  private async linksOf(found: Set<string>, rels: readonly string[]): Promise<Set<string>> {
    const linked = new Set<string>();
    for (const key of found)
      for (const l of (await this.store.getRecord(keyFrom(key)))?.links ?? [])
        if (rels.includes(l.rel)) linked.add(keyOf(l));
    return linked;
  }

  private async related(source: RecordKey, type: string): Promise<Set<string>> {
    this.keywords ??= (async () => {
      const sets = new Map<string, Set<string>>();
      for (const t of KEYWORD_TYPES)
        for (const r of await this.scan(t)) {
          const words = keywordSet(r.keywords ?? []);
          if (words.size > 0) sets.set(keyOf(r), words);
        }
      return { sets, carriers: keywordCarriers(sets) };
    })();
    const { sets, carriers } = await this.keywords;
    const key = keyOf(source);
    const related = relatedTo(key, sets.get(key) ?? new Set(), carriers);
    return new Set([...related.keys()].filter((k) => keyFrom(k).type === type));
  }

  private async givenBy(institution: string): Promise<Set<string>> {
    const found = new Set<string>();
    for (const type of ["course", "mooc", "lecture", "publication", "person", "unit"])
      for (const key of await this.tagged(type, institutionsOf, institution)) found.add(key);
    return found;
  }

  private async linked(source: RecordKey, rels: readonly string[]): Promise<Set<string>> {
    const record = await this.store.getRecord(source);
    return new Set((record?.links ?? []).filter((l) => rels.includes(l.rel)).map(keyOf));
  }

  /** The records of `types` whose links name `target` by one of `rels`. */
  private async linking(types: readonly string[], target: RecordKey, rels: readonly string[]) {
    const found = new Set<string>();
    for (const type of types)
      for (const r of await this.scan(type))
        if ((r.links ?? []).some((l) => rels.includes(l.rel) && keyOf(l) === keyOf(target)))
          found.add(keyOf(r));
    return found;
  }

  private async latest(person: RecordKey): Promise<Set<string>> {
    const byYear = new Map<number, string[]>();
    for (const p of await this.scan("publication")) {
      const year = Number(p.attrs?.year);
      if (!Number.isInteger(year) || !(p.links ?? []).some((l) => l.rel === "author" && l.id === person.id))
        continue;
      byYear.set(year, [...(byYear.get(year) ?? []), keyOf(p)]);
    }
    return new Set(byYear.get(Math.max(...byYear.keys())) ?? []);
  }

  private scan(type: string): Promise<CorpusRecord[]> {
    let records = this.scans.get(type);
    if (!records) {
      records = (async () => {
        const all: CorpusRecord[] = [];
        for await (const r of this.store.scanRecords(type)) all.push(r);
        return all;
      })();
      this.scans.set(type, records);
    }
    return records;
  }
}

const TEACHING = ["teacher", "instructor"];
/** The types with author keywords, as `eval:related` reads them. */
const KEYWORD_TYPES = ["course", "mooc", "publication"];

function keyOf(r: { readonly type: string; readonly id: string }): string {
  return `${r.type}\0${r.id}`;
}

function keyFrom(key: string): RecordKey {
  const at = key.indexOf("\0");
  return { type: key.slice(0, at), id: key.slice(at + 1) };
}

/** The universities a record names as where it comes from. */
function institutionsOf(r: CorpusRecord): string[] {
  const attrs = r.attrs ?? {};
  return [attrs.institution, attrs.affiliations, attrs.venue]
    .flat()
    .filter((v): v is string => typeof v === "string");
}

/** A lecture's LectureBank topic, trailing numbers dropped ("Parsing 2" → "Parsing"). */
function topicOf(r: CorpusRecord): string[] {
  const topic = r.attrs?.topic_name;
  return typeof topic === "string" ? [topic.replace(/\s*\d+$/, "")] : [];
}
