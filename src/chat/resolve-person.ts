/**
 * Finds the person a question names the way users name people (`person-names.ts`: a surname, a title, initials,
 * lower case, no accents), through the public API: the people whose names hold the form's words (the search),
 * those whose full names fit it best (`fitName`), then, among homonyms, the one with records of the kind asked
 * for and the most links in the graph.
 */
import type { Cue } from "./classify-words.js";
import { TOPIC_MARKERS, TYPE_WORDS, wordsOf } from "./lexicon.js";
import { fitName, isHonorific, type PersonForm, readPersonName } from "./person-names.js";
import type { Anchor, TargetType } from "./plan.js";
import { FACT_KINDS } from "./plan-steps.js";
import type { Reading } from "./read-question.js";
import { type CallApi, detectConcepts, findNamed } from "./resolve-subject.js";

/** A person found for a name form, and how many people the form fits as closely. */
export interface PersonMatch {
  readonly anchor: Anchor;
  /** The name as the question wrote it ("Siegwart"). */
  readonly asked: string;
  /** How many people the name fits as closely as the one taken (1 when it names one person). */
  readonly among: number;
  /** The names of the others it fits as closely, best first (at most `OTHERS_NAMED`). */
  readonly others: readonly string[];
  /** True when a title before the name is a word the grammar read as a type ("professeur" as person). */
  readonly titleTyped: boolean;
}

/** The most people the search is asked for. */
const CANDIDATES = 100;
/** The most homonyms whose links are counted to choose among them. */
const HOMONYMS_READ = 6;
/** The most other homonyms the answer names. */
const OTHERS_NAMED = 3;

/**
 * The person the question's one subject names, when it is written as a person's name and the graph holds a person
 * it fits; undefined otherwise. A surname alone, with no title, initials, possessive or "by" before it, counts
 * only when the question asks for records a person has and the word names no other record whole ("Wheat papers"
 * asks about wheat); a name after a topic marker ("papers about Rice") is a topic unless a title, initials, a
 * possessive or "who is" say otherwise. A subject whose first words are in lower case and whose last ones are
 * capitalised is tried for its capitalised end too, unless a topic marker stands before it.
 */
export async function findPerson(call: CallApi, reading: Reading): Promise<PersonMatch | undefined> {
  const subject = reading.subjects[0];
  if (!subject || reading.subjects.length > 1 || reading.codes.length > 0 || reading.cues.has("compare"))
    return undefined;
  const whole = await personNamed(call, reading, subject);
  if (whole) return whole;
  // "à quel labo appartient Habert": a capitalised name after words in lower case the grammar could not read.
  const tail = subject.match(/^(?:\p{Ll}\S*\s+)+(\p{Lu}.*)$/u)?.[1];
  const marked = wordsOf(reading.text.slice(0, Math.max(0, wordAt(reading.text, subject))))
    .filter((w) => !ARTICLES.has(w.folded))
    .at(-1);
  if (!tail || (marked && TOPIC_MARKERS.has(marked.folded) && !OWNER_MARKERS.has(marked.folded)))
    return undefined;
  return personNamed(call, { ...reading, subjects: [tail] }, tail);
}

/**
 * The reading with the person its subject names (`findPerson`), or the one an alternative reading's subject names
 * with the words after it as a topic ("Prein's papers on regional climate"); undefined when it names no person. A
 * title the grammar read as a type word ("le professeur Gopal") is not a type asked for.
 */
export async function withPerson(call: CallApi, reading: Reading): Promise<Reading | undefined> {
  const tries = [
    reading,
    ...reading.alternatives
      .filter((a) => a.rest && a.consumed.length === 0)
      .map((a) => ({ ...reading, subjects: [a.subject], topic: a.rest })),
  ];
  for (const attempt of tries) {
    const person = await findPerson(call, attempt);
    if (!person) continue;
    const others = wordsOf(reading.text).filter((w) => TYPE_WORDS.get(w.folded) === "person").length;
    const untyped = person.titleTyped && others < 2;
    // A name cut from a longer subject ("les axes de recherche de Jukka Jokela") asks what the words around it ask,
    // as `narrowToName` reads them: the cues and types of the span the grammar read for it.
    const span = attempt.spans.find(
      (s) => s.subject === person.asked && (s.cues.length > 0 || s.types.length > 0),
    );
    const cues = span ? new Set([...attempt.cues, ...span.cues]) : attempt.cues;
    const types = span ? [...new Set([...attempt.types, ...span.types])] : attempt.types;
    return {
      ...attempt,
      cues,
      types,
      subjects: [person.anchor.name],
      person,
      ...(untyped ? { types: types.filter((t) => t !== "person") } : {}),
      ...(untyped && attempt.label === "person" ? { label: undefined } : {}),
    };
  }
  return undefined;
}

/** The person `subject`, a subject of `reading`, names (see `findPerson`). */
async function personNamed(
  call: CallApi,
  reading: Reading,
  subject: string,
): Promise<PersonMatch | undefined> {
  const at = wordAt(reading.text, subject);
  const before = at < 0 ? [] : wordsOf(reading.text.slice(0, at));
  const after = at < 0 ? "" : reading.text.slice(at + subject.length);
  const leading = before.at(-1);
  const titleBefore = leading !== undefined && isHonorific(leading.text);
  const form = readPersonName(
    `${titleBefore ? `${leading.text} ` : ""}${subject}${/^['’]s\b/i.test(after) ? "'s" : ""}`,
  );
  if (!form) return undefined;
  const marked = before.filter((w) => !ARTICLES.has(w.folded)).at(-1);
  // "Who is X" asks for a person even when X also names a concept.
  const whoIs = reading.cues.has("what") && reading.types.includes("person");
  const strong = form.titled || form.possessive || form.initials.length > 0 || whoIs;
  if (!strong && marked && TOPIC_MARKERS.has(marked.folded) && !OWNER_MARKERS.has(marked.folded))
    return undefined;
  const full = form.words.filter((w) => w.length > 1).length > 1;
  const agent = marked !== undefined && AGENT_MARKERS.has(marked.folded);
  if (!strong && !full && !agent) {
    if (!asksOfPerson(reading)) return undefined;
    const other = await findNamed(call, subject, NOT_PEOPLE);
    if (other) return undefined;
  }
  // A name in lower case whose best search hit is no person ("machine learning courses": courses and MOOCs come
  // first) is the topic: the hundred people whose names hold its words are not searched. A capitalised one is looked
  // for among people first ("Brown dwarfs" may be someone's name).
  if (!/\p{Lu}/u.test(subject) && !strong && (await bestHitType(call, subject)) !== "person")
    return undefined;
  const found = await resolvePerson(call, form, wantedOf(reading));
  if (!found) return undefined;
  // Only once someone fits is the detector asked of a capitalised name: "Brown dwarfs" read whole as a concept is the
  // concept unless it is the person's own name.
  const concept = at < 0 ? "none" : await conceptReading(call, reading, at, at + subject.length);
  if (concept === "inside" || (concept === "whole" && !namesWhole(found.anchor.name, subject)))
    return undefined;
  const titleTyped = titleBefore && TYPE_WORDS.get(leading.folded) === "person";
  return { ...found, titleTyped };
}

/** The type of the search's best hit for `text`, across all types; undefined when nothing is found. */
async function bestHitType(call: CallApi, text: string): Promise<string | undefined> {
  const body = (await call({ method: "GET", path: "/api/search", query: { q: text, limit: "1" } })) as
    | { items?: { type: string }[] }
    | undefined;
  return body?.items?.[0]?.type;
}

/**
 * How the detector reads the characters [start, end) of the question: "inside" a longer concept name (the surname in
 * "Young's modulus", "module de Young" or "loi de Ohm" is the concept's, not a person's), as one concept's name
 * "whole", or as "none".
 */
async function conceptReading(
  call: CallApi,
  reading: Reading,
  start: number,
  end: number,
): Promise<"inside" | "whole" | "none"> {
  const detected = await detectConcepts(call, reading.text, reading.lang);
  let whole = false;
  for (const c of detected)
    for (const m of c.mentions ?? []) {
      const from = m.start ?? start;
      const to = m.end ?? end;
      if (from > start || to < end) continue;
      if (to - from > end - start) return "inside";
      whole = true;
    }
  return whole ? "whole" : "none";
}

/** Where `phrase` stands in `text` as whole words (not inside a longer word, "Li" in "Lipid"), or -1. */
function wordAt(text: string, phrase: string): number {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = text.slice(0, at);
    const after = text.slice(at + phrase.length);
    if (!/[\p{L}\p{N}]$/u.test(before) && !/^[\p{L}\p{N}]/u.test(after)) return at;
  }
  return -1;
}

/** True when every word of `subject` is a word of the person's `name` (accents and case aside). */
function namesWhole(name: string, subject: string): boolean {
  const words = new Set(wordsOf(name).map((w) => w.folded));
  return wordsOf(subject).every((w) => words.has(w.folded) || w.folded.length <= 1);
}

const ARTICLES = new Set(["the", "a", "an", "le", "la", "les", "l", "un", "une"]);
/** Words after which a name is the records' author or teacher, not their topic. */
const AGENT_MARKERS = new Set(["by", "par", "from"]);
/** Topic markers that also say whose records: "les cours de X". */
const OWNER_MARKERS = new Set(["de", "des", "du", "d"]);
/** The types a word may name instead of a person. */
const NOT_PEOPLE = ["concept", "course", "mooc", "unit", "lecture", "publication"];

/** True when the question asks for something a person has: their records, their research, who they are. */
function asksOfPerson(reading: Reading): boolean {
  const { cues, types } = reading;
  return types.length > 0 || PERSON_CUES.some((c) => cues.has(c));
}

const PERSON_CUES: readonly Cue[] = ["teach", "research", "latest", "what", "author"];

/** The kinds of neighbours the question asks a person for, to choose among homonyms. */
function wantedOf(reading: Reading): readonly string[] {
  const types: readonly TargetType[] = reading.types;
  const wanted = new Set<string>();
  for (const t of types) {
    if (t === "course" || t === "mooc" || t === "lecture") for (const k of TAUGHT) wanted.add(k);
    else if (t !== "person") wanted.add(t);
  }
  if (reading.cues.has("teach")) for (const k of TAUGHT) wanted.add(k);
  if (reading.cues.has("latest")) wanted.add("publication");
  return [...wanted];
}

const TAUGHT = ["course", "mooc", "lecture"];

/**
 * The person `form` names: among the people the search finds for its words, those whose full names fit it best
 * (`fitName`); of several, the one with facts of a `wanted` type (a course they teach, a paper they wrote, a unit
 * they belong to), then the one with the most neighbours in the graph.
 */
export async function resolvePerson(
  call: CallApi,
  form: PersonForm,
  wanted: readonly string[],
): Promise<Omit<PersonMatch, "titleTyped"> | undefined> {
  const query = { q: form.words.join(" "), types: "person", limit: String(CANDIDATES) };
  const body = (await call({ method: "GET", path: "/api/search", query })) as
    | { items?: Anchor[] }
    | undefined;
  const people = body?.items ?? [];
  const fitting = (f: PersonForm) =>
    people.map((p) => ({ person: p, fit: fitName(f, p.name) })).filter((f) => f.fit > 0);
  let fits = fitting(form);
  // "M. Martello": the French title, when no name has that initial.
  if (fits.length === 0 && form.titleInitial) fits = fitting({ ...form, initials: form.initials.slice(1) });
  const best = Math.max(0, ...fits.map((f) => f.fit));
  const closest = fits.filter((f) => f.fit === best).map((f) => f.person);
  const only = closest[0];
  if (!only) return undefined;
  const anchor = (p: Anchor): Anchor => ({ type: p.type, id: p.id, name: p.name });
  const factsOf = async (person: Anchor) =>
    (await Promise.all(wanted.map((type) => hasFacts(call, person, type)))).some(Boolean);
  if (closest.length === 1) {
    // "Benjamin Stocker's group": the same name written fuller ("Benjamin David Stocker", "Benjamin D. Stocker") may
    // be the same person's other record; when the record named exactly has no fact of the kind asked, the first fuller
    // one that has is taken.
    const fuller = best === EXACT_FIT ? fits.filter((f) => f.fit === FULLER_FIT).map((f) => f.person) : [];
    if (wanted.length === 0 || fuller.length === 0 || (await factsOf(only)))
      return { anchor: anchor(only), asked: form.text, among: 1, others: [] };
    for (const person of fuller.slice(0, HOMONYMS_READ))
      if (await factsOf(person))
        return { anchor: anchor(person), asked: form.text, among: 1 + fuller.length, others: [only.name] };
    return { anchor: anchor(only), asked: form.text, among: 1, others: [] };
  }
  const read = await Promise.all(
    closest.slice(0, HOMONYMS_READ).map(async (person) => ({
      person,
      links: await linksOf(call, person),
      facts: await factsOf(person),
    })),
  );
  // Stable: the search's order breaks ties.
  read.sort((a, b) => Number(b.facts) - Number(a.facts) || b.links - a.links);
  const ranked = [...read.map((r) => r.person), ...closest.slice(HOMONYMS_READ)];
  const chosen = ranked[0] ?? only;
  const others = ranked.slice(1, 1 + OTHERS_NAMED).map((p) => p.name);
  return { anchor: anchor(chosen), asked: form.text, among: closest.length, others };
}

/** How many neighbours the person has in the graph, of every type. */
async function linksOf(call: CallApi, person: Anchor): Promise<number> {
  const path = `/api/person/${encodeURIComponent(person.id)}`;
  const body = (await call({ method: "GET", path })) as
    | { neighbourCounts?: Record<string, number> }
    | undefined;
  return Object.values(body?.neighbourCounts ?? {}).reduce((a, b) => a + b, 0);
}

/** True when the person has a fact with a record of `type`: a course they teach, a paper they wrote. */
async function hasFacts(call: CallApi, person: Anchor, type: string): Promise<boolean> {
  const kinds = FACT_KINDS[`person>${type}`];
  if (!kinds) return false;
  const path = `/api/person/${encodeURIComponent(person.id)}/neighbours`;
  const body = (await call({ method: "GET", path, query: { type, limit: String(FACTS_READ) } })) as
    | { items?: { edge: { kind: string } }[] }
    | undefined;
  return (body?.items ?? []).some((item) => kinds.includes(item.edge.kind));
}

/** `fitName`'s fit of a name that says nothing more than the form, and of one with given names or initials more. */
const EXACT_FIT = 4;
const FULLER_FIT = 3;

/** How many neighbours of a type are read to find a fact among them (facts rank first). */
const FACTS_READ = 10;
