/**
 * The offline planner: reads the conversation's last question (its grammar, then its subject against the graph)
 * and writes the plan that answers it. Deterministic: the same conversation and graph give the same plan.
 */

import { ENTITY_TYPES } from "../core/record.js";
import { STOPWORDS } from "../text/stopwords.js";
import { CUE_WORDS } from "./classify-words.js";
import { isFrom, type ReadRecord } from "./execute-plan.js";
import { withInstitution } from "./institution-scope.js";
import { TYPE_WORDS, wordsOf } from "./lexicon.js";
import {
  type Anchor,
  type ChatMessage,
  type Intent,
  type Plan,
  type PlanStep,
  TARGET_TYPES,
  type TargetType,
} from "./plan.js";
import { comparePlan } from "./plan-compare.js";
import {
  explainSteps,
  FACT_KINDS,
  LATEST_COUNT,
  listSteps,
  periodsOf,
  researchSteps,
  StepList,
} from "./plan-steps.js";
import { type ConversationReading, readConversation, readPrevious } from "./read-conversation.js";
import type { Alternative, Reading } from "./read-question.js";
import { recognised } from "./recognised-subject.js";
import { withPerson } from "./resolve-person.js";
import {
  type CallApi,
  detectConcepts,
  findBySearch,
  findCourse,
  findNamed,
  findNamedInEnglish,
  findRecord,
  nameKey,
} from "./resolve-subject.js";
import { resolvedSubject } from "./resolved-span.js";
import { coverage, formOf, nameShare, untypedList } from "./scope.js";
import { similarPlan } from "./similar-records.js";
import { suggestQuestions } from "./suggest-questions.js";

const NAMED_FIRST = ["person", "unit", "course", "mooc", "concept", "lecture", "publication"];
/** The records a title holding a type word may name ("Physiology lab II", "Seminar in Geophysics: …"). */
const TITLED_TYPES = ["course", "mooc", "lecture", "unit", "publication"];
/** The least share of a title's meaningful words a question must say to name it through the search. */
const TITLE_SHARE = 0.8;

/** Plans the answer to the last user message of `messages`, looking names up through `call`. */
export async function planQuestion(
  call: CallApi,
  messages: readonly ChatMessage[],
  lang?: "en" | "fr",
): Promise<Plan> {
  const read = readConversation(messages, lang);
  const conversation =
    read.reading.offTopic || read.reading.creative
      ? read
      : {
          ...read,
          reading: await resolveReading(call, await scopedReading(call, read.reading, messages, lang)),
        };
  const { reading } = conversation;
  const { person } = reading;
  const base = {
    lang: reading.lang,
    subjects: reading.subjects,
    ...(person && person.among > 1
      ? { homonyms: { asked: person.asked, among: person.among, others: person.others } }
      : {}),
    ...(reading.join ? { join: reading.join } : {}),
    ...(reading.truncated ? { truncated: true, read: reading.text } : {}),
    ...(reading.ignored.length > 0 ? { ignored: reading.ignored } : {}),
    ...(reading.unused.length > 0 ? { unused: reading.unused } : {}),
  };
  if (reading.offTopic)
    return { ...base, intent: "off-topic", offTopic: reading.offTopic, steps: [], cite: [] };
  const similar = await similarPlan(call, conversation, messages);
  if (similar) return { ...base, ...similar };
  if (reading.cues.has("compare")) {
    const compared = await comparePlan(call, reading);
    if (compared) return { ...base, ...compared };
  }
  const form = formOf(reading);
  const named = form === "unknown" ? await namedWhole(call, reading) : undefined;
  if (named) {
    // The words around a name the graph knows were not understood: its page is the nearest answer.
    const intent = named.type === "concept" ? "explain" : named.type === "person" ? "research" : "about";
    const steps = anchorSteps(new StepList(), intent, named, undefined, reading);
    return { ...base, intent, anchor: named, ...steps };
  }
  if (form === "unknown") return { ...base, ...(await unsurePlan(call, reading)) };
  const found = await anchorOf(call, conversation);
  const elsewhere = found && (await fromElsewhere(call, reading, found));
  const anchor = found && (elsewhere || (await teachless(call, reading, found))) ? undefined : found;
  if (!anchor && untypedList(reading, form) && !(await recognised(call, reading)))
    return { ...base, intent: "unclear", steps: [], cite: [] };
  const typed = reading.types.filter((t) => !(anchor && t === anchor.type && t === reading.label));
  const targets = personTargets(reading, anchor, typed);
  const intent = intentOf(reading, anchor, targets);
  if (intent === "unclear") {
    const missing = reading.codes[0] ?? reading.subjects[0];
    return { ...base, intent, ...(missing ? { subjects: [missing] } : {}), steps: [], cite: [] };
  }
  const steps = new StepList();
  const target = targets[0] ?? (intent === "list" ? "course" : undefined);
  const plan = { ...base, intent, ...(target ? { target } : {}), ...(anchor ? { anchor } : {}) };
  Object.assign(plan, periodsOf(reading, target));
  if (reading.cues.has("latest")) Object.assign(plan, { latest: true });
  if (reading.count && (intent === "list" || intent === "related"))
    Object.assign(plan, { count: reading.count });
  if (reading.topic && anchor && intent === "related") Object.assign(plan, { topic: reading.topic });
  if (reading.paperKinds && target === "publication") Object.assign(plan, { paperKinds: reading.paperKinds });
  if (reading.language && (target === "mooc" || target === "lecture"))
    Object.assign(plan, { language: reading.language });
  if (reading.institution && intent === "list")
    Object.assign(plan, { institution: reading.institution.name });
  const several = anchor && intent !== "list" ? await anchorsOf(call, conversation, anchor) : [];
  if (anchor && several.length > 1) {
    // Several courses named, or the records of the last answer together: the same relation for each, then their
    // intersection or union.
    const anchors = several;
    const parts = anchors.map((a) => anchorSteps(steps, intent, a, target, reading).cite.at(-1) ?? 0);
    const op = reading.join === "and" ? "intersection" : "union";
    const joined = parts.length > 1 ? steps.add({ op, of: parts }) : (parts[0] ?? 0);
    return { ...plan, anchors, steps: steps.steps, cite: [joined] };
  }
  if (anchor && intent !== "list") return { ...plan, ...anchorSteps(steps, intent, anchor, target, reading) };
  const via =
    targets[1] && targets[1] !== "concept" && targets[1] !== targets[0]
      ? targets[1]
      : authoredVia(reading, targets);
  const concept = anchor?.type === "concept" ? anchor.id : undefined;
  const cite = listSteps(steps, target ?? "course", reading, {
    ...(via ? { via } : {}),
    ...(concept ? { concept } : {}),
    ...(concept && anchor && !anchor.nearest ? { conceptName: anchor.name } : {}),
    ...(anchor && !anchor.nearest && anchor.type !== "concept" ? { named: true } : {}),
  });
  return { ...plan, ...(via ? { via } : {}), steps: steps.steps, cite: [cite] };
}

/**
 * The records a question about `anchor` asks of together: the courses it names by code ("who teaches both CS-101 and
 * CS-102"), or the records of the last answer it points at together ("who teaches these?", when `anchor` is one of
 * them); else none.
 */
async function anchorsOf(
  call: CallApi,
  { reading, linkedAll }: ConversationReading,
  anchor: Anchor,
): Promise<Anchor[]> {
  const found =
    reading.codes.length > 1
      ? await Promise.all(reading.codes.map((code) => findCourse(call, code)))
      : linkedAll?.some((l) => l.type === anchor.type && l.id === anchor.id)
        ? await Promise.all(linkedAll.map((l) => findRecord(call, l.type, l.id)))
        : [];
  return found.filter((a): a is Anchor => a !== undefined);
}

/**
 * The reading with its subject read against the graph: a person's name as users write it (`findPerson`), else the
 * whole name an alternative reading holds (`preferNames`), the name inside a chatty subject (`narrowToName`), and the
 * part of each subject the graph resolves (`resolveSpans`).
 */
async function resolveReading(call: CallApi, reading: Reading): Promise<Reading> {
  const person = await withPerson(call, reading);
  return person ?? resolveSpans(call, await narrowToName(call, await preferNames(call, reading)));
}

/**
 * The types of records a question asks of the record it names: those it names, but for a person's records asked by
 * a verb ("what did X publish most recently": publications; "what does X teach": the courses they teach).
 */
function personTargets(
  reading: Reading,
  anchor: Anchor | undefined,
  typed: readonly TargetType[],
): TargetType[] {
  if (anchor?.type !== "person" || typed.some((t) => t !== "person")) return [...typed];
  // "What did X write", not "what does X publish on" (their research).
  const wrote = reading.cues.has("author") && !reading.cues.has("research");
  if (reading.cues.has("latest") || wrote) return ["publication"];
  if (reading.cues.has("teach")) return ["course"];
  return [...typed];
}

/**
 * "Which researchers wrote about X", "which labs publish on X": people or units asked for by a verb of writing go
 * through the publications about the subject (their authors, the units the papers name).
 */
function authoredVia(reading: Reading, targets: readonly TargetType[]): TargetType | undefined {
  const asked = targets[0];
  if (targets.length !== 1 || (asked !== "person" && asked !== "unit")) return undefined;
  return reading.cues.has("author") ? "publication" : undefined;
}

/**
 * The types of records a person's courses are: courses and MOOCs ("the courses of X" may be a MOOC), and lectures
 * too when the question asks what they teach without naming a type ("what does X teach").
 */
function taughtTypes(reading: Reading): readonly TargetType[] {
  return reading.types.includes("course") ? ["course", "mooc"] : ["course", "mooc", "lecture"];
}

/**
 * The reading with the university it names kept apart (`withInstitution`); a follow-up that names only a university
 * ("just the ones from Harvard") asks the question before again, from there.
 */
async function scopedReading(
  call: CallApi,
  reading: Reading,
  messages: readonly ChatMessage[],
  lang: "en" | "fr" | undefined,
): Promise<Reading> {
  const previous = readPrevious(messages, lang);
  const scoped = await withInstitution(call, reading, previous !== undefined);
  if (scoped.subjects.length > 0 || !scoped.institution || !previous) return scoped;
  return {
    ...scoped,
    subjects: previous.subjects,
    codes: previous.codes,
    ...(previous.join ? { join: previous.join } : {}),
    types: scoped.types.length > 0 ? scoped.types : previous.types,
    cues: new Set([...previous.cues, ...scoped.cues]),
  };
}

/**
 * The concept, course or MOOC a question of no form the planner reads names whole ("principal component analysis,
 * in simple words?", "qu'entend-on par séquestration du carbone ?"); undefined for a piece of writing, a comparison,
 * or a subject that is not one whole name.
 */
async function namedWhole(call: CallApi, reading: Reading): Promise<Anchor | undefined> {
  const asked = reading.subjects[0];
  if (!asked || reading.subjects.length > 1 || reading.creative || reading.cues.has("compare"))
    return undefined;
  if (reading.codes.length > 0) return undefined;
  const { subject } = await resolvedSubject(call, asked, reading.lang, NAMED_WHOLE);
  // A one-word name may be anything a chat mentions ("t'es un robot ?", "a table at a restaurant"); a name of two
  // words or more is a topic.
  if (contentWords(subject) < 2) return undefined;
  // "Introduction to Probability (Harvard edX) - what's in it?": a remark in brackets after the name is not of it.
  const bare = subject.replace(/\s*\([^()]*\)?\s*$/, "");
  const named =
    (await findNamed(call, subject, NAMED_WHOLE)) ??
    (bare !== subject && bare !== "" ? await findNamed(call, bare, NAMED_WHOLE) : undefined);
  // "Steven Yates - what's his field?": a person named whole, as written ("is the robotics prof nice?" names no one).
  const typed = reading.person?.asked ?? asked;
  const person = (a: Anchor) => a.type === "person" && nameKey(typed) === nameKey(a.name);
  if (named) return NAMED_WHOLE.includes(named.type) || person(named) ? named : undefined;
  // A name the name index does not hold in the question's language is one concept the detector finds in all of it.
  const detected = await detectConcepts(call, subject, reading.lang);
  const only = detected[0];
  return detected.length === 1 && only && coverage(subject, detected) === 1
    ? { type: "concept", id: only.id, name: only.name }
    : undefined;
}

/** The types a question of no readable form may name whole: what a page explains or describes. */
const NAMED_WHOLE = ["concept", "course", "mooc"];

function contentWords(text: string): number {
  return wordsOf(text).filter((w) => w.folded.length > 1 && !STOPWORDS.has(w.folded)).length;
}

/**
 * The reading with each subject cut to the part the graph resolves (`resolvedSubject`): words the grammar has no
 * class for do not reach the search. Words beside a course code narrow its records and are kept as they are.
 */
async function resolveSpans(call: CallApi, reading: Reading): Promise<Reading> {
  // Records compared are named whole, and words beside a course code narrow its records.
  if (reading.codes.length > 0 || reading.subjects.length === 0 || reading.cues.has("compare"))
    return reading;
  const resolved = await Promise.all(
    reading.subjects.map((s) =>
      resolvedSubject(call, s, reading.lang, prefer(reading), reading.types.length > 0),
    ),
  );
  const subjects = resolved.map((r) => r.subject);
  if (subjects.every((s, i) => s === reading.subjects[i])) return reading;
  // The words left out are the question's frame: a cue or a type word among them is read as one ("what must I
  // complete prior to X": "prior" asks what comes before X).
  const dropped = resolved.flatMap((r) => r.dropped.map((w) => w.folded));
  const cues = CUE_WORDS.filter(([, set]) => dropped.some((w) => set.has(w))).map(([cue]) => cue);
  const types = reading.types.length > 0 ? [] : dropped.flatMap((w) => TYPE_WORDS.get(w) ?? []);
  // A question whose request is not read keeps its words: "the weather like in Lausanne" asks more than Lausanne.
  if (formOf(reading) === "unknown" && cues.length === 0 && types.length === 0) return reading;
  return {
    ...reading,
    subjects,
    cues: new Set([...reading.cues, ...cues]),
    types: [...new Set([...reading.types, ...types])],
  };
}

/**
 * A question whose request is not understood ("tell me a joke", "how do I cook pasta?") gets no list: the plan
 * says what its subject names in the graph, by name or else by the detector, and which questions about it the
 * planner can answer.
 */
async function unsurePlan(
  call: CallApi,
  reading: Reading,
): Promise<Pick<Plan, "intent" | "unsure" | "creative" | "steps" | "cite" | "anchor" | "suggestions">> {
  const plan = {
    intent: "unclear" as const,
    unsure: true,
    ...(reading.creative ? { creative: true } : {}),
    steps: [],
    cite: [],
  };
  const code = reading.codes[0];
  const coded = code ? await findCourse(call, code) : undefined;
  if (coded) return { ...plan, anchor: coded, suggestions: suggestQuestions(coded, reading.lang) };
  const subject = reading.subjects.join(" ");
  if (subject === "") return plan;
  const named = await findNamed(call, subject, NAMED_FIRST);
  const detected = named ? undefined : (await detectConcepts(call, subject, reading.lang))[0];
  const anchor = named ?? (detected ? { type: "concept", id: detected.id, name: detected.name } : undefined);
  return anchor ? { ...plan, anchor, suggestions: suggestQuestions(anchor, reading.lang) } : plan;
}

/**
 * True when the question asks for the people or the lectures of a course it names by a topic's words ("who teaches
 * signal processing", "experts en intelligence artificielle", "lectures on speech processing"), and that course lists
 * none: the question is then read as asking for the records about the topic (for people, the teachers of the courses
 * about it, the authors of papers on it, the people linked to its concept). A course named by its code, or asked
 * about as "it", keeps its answer (it has none listed).
 */
async function teachless(call: CallApi, reading: Reading, anchor: Anchor): Promise<boolean> {
  if (anchor.type !== "course" || reading.codes.length > 0) return false;
  const type = reading.types[0];
  if (reading.subjects.length !== 1 || (type !== "person" && type !== "lecture")) return false;
  if (reading.types.some((t) => t !== type) || reading.cues.has("prerequisite")) return false;
  const path = `/api/course/${encodeURIComponent(anchor.id)}/neighbours`;
  const body = (await call({ method: "GET", path, query: { type, limit: "20" } })) as
    | { items?: { edge: { kind: string } }[] }
    | undefined;
  return !(body?.items ?? []).some((item) => FACT_KINDS[`course>${type}`]?.includes(item.edge.kind));
}

/**
 * True when the question names a university and the record its subject names is not from it ("who teaches machine
 * learning at Harvard": a MOOC named Machine Learning from another university): the question then asks for the
 * records about the subject from that university, a list filtered by it. A course named by its code keeps its answer.
 */
async function fromElsewhere(call: CallApi, reading: Reading, anchor: Anchor): Promise<boolean> {
  const { institution } = reading;
  if (!institution || reading.codes.length > 0 || reading.subjects.length !== 1) return false;
  // A concept belongs to no university: "what is X at MIT" is still about X.
  if (anchor.type === "concept" || anchor.type === "category") return false;
  const body = (await call({
    method: "GET",
    path: `/api/${anchor.type}/${encodeURIComponent(anchor.id)}`,
  })) as { record?: ReadRecord } | undefined;
  return body?.record !== undefined && !(await isFrom(body.record, institution, call));
}

/** The record the question is about: a course code, the record last linked ("it"), or a name in the graph. */
async function anchorOf(
  call: CallApi,
  { reading, linked, inherited }: ConversationReading,
): Promise<Anchor | undefined> {
  const code = reading.codes[0];
  if (code) return findCourse(call, code);
  if (reading.person) return reading.person.anchor;
  if (linked && reading.subjects.length === 0) return findRecord(call, linked.type, linked.id);
  // "Is there anything I should know before enrolling?" after a course was linked: a question about one record that
  // names none is about the record the last answer gave, when it is of a type the question can be about.
  if (
    linked &&
    inherited &&
    (neededTypes(reading)?.types.includes(linked.type) || asksAuthors(reading, linked))
  )
    return findRecord(call, linked.type, linked.id);
  const subject = reading.subjects[0];
  if (!subject || reading.subjects.length > 1) return undefined;
  const need = neededTypes(reading);
  // "What is the course Machine learning?": the type named before the name is looked at first.
  const { label } = reading;
  const order = need && label && need.types.includes(label) ? [label, ...need.types] : need?.types;
  const kinds = order ?? prefer(reading);
  // A French name of an English record ("le traitement du signal") is found through the English the search reads.
  const named =
    (await findNamed(call, subject, kinds)) ??
    (reading.lang === "fr" ? await findNamedInEnglish(call, subject, kinds) : undefined);
  // A person's name has two words or more: one word found as a misspelt name ("cocoa" → Cocca) is a topic.
  const personal = ofPerson(reading) && subject.trim().split(/\s+/).length > 1;
  if (!need) return named ?? (personal ? findBySearch(call, subject, ["person"], true) : undefined);
  if (named && need.types.includes(named.type)) return named;
  if (!need.search) return undefined;
  // "What is X" asks about a concept most often: a concept the search finds whose name holds all of X first, then
  // every type (a French or misspelt concept name, "logarithme", is found by the search, not by the name index).
  const defined = (reading.cues.has("what") || reading.cues.has("explain")) && need.types.includes("concept");
  const concept = defined ? await findBySearch(call, subject, ["concept"], true) : undefined;
  return concept ?? findBySearch(call, subject, need.types, need.whole);
}

/**
 * "Who wrote them?", "qui sont les auteurs de ces articles ?": a question for people by a word of writing, after an
 * answer that linked publications, asks for their authors.
 */
function asksAuthors(reading: Reading, linked: { readonly type: string }): boolean {
  return linked.type === "publication" && reading.cues.has("author") && reading.types.includes("person");
}

/**
 * True when a list question may be about a person's records: "who is X", "X's latest papers", "X's labs", "what is
 * X an expert in". A misspelt name ("Konrad Schidnler") is then looked for among people through the search.
 */
function ofPerson(reading: Reading): boolean {
  const { cues, types } = reading;
  if (types.length > 0 && types.every((t) => t === "person")) return cues.has("what");
  const owned = types.includes("publication") || types.includes("unit") || types.includes("concept");
  return owned || cues.has("latest") || cues.has("research") || cues.has("author");
}

/**
 * The reading whose subject is a whole name in the graph, when an alternative one is ("Group Theory" rather than
 * "Theory" and a type word; "Achim Walter" narrowed to "wheat"); else `reading` as it is.
 */
async function preferNames(call: CallApi, reading: Reading): Promise<Reading> {
  const take = (alternative: Alternative) => {
    const types = reading.types.filter((t) => !alternative.consumed.includes(t));
    const rest = alternative.rest ? { topic: alternative.rest } : {};
    // The words of the name taken are used.
    const unused = reading.unused.filter((w) => !alternative.subject.includes(w));
    return { ...reading, subjects: [alternative.subject], types, unused, ...rest };
  };
  // A title holding a type word ("Physiology lab II") is taken from the search's best hit only when the hit's name
  // says every word of it and it says most of the name's (`TITLE_SHARE`).
  const titled = async (alternative: Alternative) => {
    const hit = await findBySearch(call, alternative.subject, TITLED_TYPES, true);
    return hit !== undefined && nameShare(alternative.subject, hit.name) >= TITLE_SHARE;
  };
  for (const alternative of reading.alternatives)
    if (
      (await findNamed(call, alternative.subject, prefer(reading), true)) ||
      (alternative.titled && (await titled(alternative)))
    )
      return take(alternative);
  // "C'est quoi la matière noire ?": a what-question about "the <type word> X" where no record of that type is
  // named X asks about the whole phrase; the type word is a word of the name, not the type of a record.
  const { label, subjects } = reading;
  const asksWhat = reading.cues.has("what") || reading.cues.has("explain");
  // "ce qu'est le module de Young": the type word may also begin the name without an article right before it.
  // Not a person word: "le prof de X" asks for X's teacher.
  const whole = reading.alternatives.find((a) =>
    label === undefined
      ? a.consumed.length > 0 && !a.consumed.includes("person")
      : a.consumed.includes(label),
  );
  if (!whole || !asksWhat || subjects.length !== 1) return reading;
  // Without the article, the subject alone must name nothing at all ("the lab of <person>" asks for the person's).
  const kinds = label ? [label] : prefer(reading);
  // "le cours de génie électrochimique": a French name of an English record is a name too.
  const subject = subjects[0] ?? "";
  const named =
    (await findNamed(call, subject, kinds)) ??
    (reading.lang === "fr" && (await findNamedInEnglish(call, subject, kinds)));
  return named ? reading : take(whole);
}

/**
 * A question about one thing whose subject names nothing but holds a name and a cue ("entropy actually mean in
 * physics"): read with that name as its subject, and the cues and types of the words around it. Lists of courses, lectures
 * and the like keep their whole subject, which the search reads better than a part of it.
 */
async function narrowToName(call: CallApi, reading: Reading): Promise<Reading> {
  const subject = reading.subjects[0];
  const listed = reading.types.some((t) => t !== "person" && t !== "concept");
  const compared = reading.cues.has("compare");
  if (!subject || reading.subjects.length > 1 || reading.codes.length > 0 || listed || compared)
    return reading;
  // Only a span whose following words ask something (a cue) frees the name: in "the weather like in Lausanne",
  // "weather" is a name, but the question asks about more than it.
  const spans = reading.spans.filter((span) => span.cues.length > 0);
  if (spans.length === 0 || (await findNamed(call, subject, prefer(reading)))) return reading;
  for (const span of spans) {
    if (!(await findNamed(call, span.subject, prefer(reading)))) continue;
    const types = [...new Set([...reading.types, ...span.types])];
    return { ...reading, subjects: [span.subject], cues: new Set([...reading.cues, ...span.cues]), types };
  }
  return reading;
}

/**
 * The types the subject must be of for the question to make sense, and whether to take the best search hit when
 * no name matches whole (when the question asks about one record; with `whole`, only a hit whose name holds every
 * word of the subject); undefined for a list question.
 */
function neededTypes(
  reading: Reading,
): { types: readonly string[]; search: boolean; whole?: boolean } | undefined {
  const types = reading.types.filter((t) => t !== reading.label);
  const { cues } = reading;
  // "Who teaches X?" names a course; "who teaches courses about X?" asks a list.
  const listed = types.includes("course") || types.includes("mooc");
  if (cues.has("teach") && types.includes("person") && !listed)
    return { types: ["course", "mooc"], search: true };
  // "Research of X" names a person; "who works on X", "labs working on X" ask a list.
  const others = types.filter((t) => t !== "person");
  // A person's name misspelt ("Jonahtan M. Levine") is not in the name index; the search corrects it.
  if (cues.has("research") && others.length === 0) return { types: ["person"], search: true, whole: true };
  if (cues.has("prerequisite")) return { types: ["course", "concept", "mooc"], search: true };
  // A list: a type named ("topics related to entropy" lists concepts), or where to learn something.
  const asksWhat = cues.has("explain") || cues.has("what");
  if (types.length > 1 || (types.length === 1 && !(types[0] === "concept" && asksWhat))) return undefined;
  if (types.length === 0 && cues.has("learn") && !asksWhat) return undefined;
  const asks = asksWhat || cues.has("about");
  return { types: cues.has("about") ? [...ENTITY_TYPES, "concept"] : TARGET_TYPES, search: asks };
}

// Cues of a question that asks what a thing is, and nothing more ("about" is also what "who knows about X" asks).
const WHAT_CUES = new Set(["what", "explain"]);

function prefer(reading: Reading): readonly string[] {
  return reading.label ? [reading.label, ...NAMED_FIRST] : NAMED_FIRST;
}

/** What the question asks, from its words and the kind of record it names. */
function intentOf(reading: Reading, anchor: Anchor | undefined, targets: readonly TargetType[]): Intent {
  const { cues } = reading;
  if (!anchor) {
    if (reading.subjects.length === 0) return "unclear";
    if (reading.codes.length > 0) return "unclear";
    return "list";
  }
  if (cues.has("prerequisite") && ["course", "mooc", "concept"].includes(anchor.type)) return "prerequisites";
  // "Who was John Locke?" names a concept, not a person of the graph: the question asks what its page says.
  if (
    reading.whoOnly &&
    anchor.type !== "person" &&
    cues.has("what") &&
    [...cues].every((c) => WHAT_CUES.has(c))
  )
    return anchor.type === "concept" ? "explain" : "about";
  const wanted = targets.filter((t) => t !== anchor.type || anchor.type === "course");
  if (anchor.type === "person") {
    if (wanted.some((t) => t === "publication" || t === "unit")) return "related";
    // A person's courses, MOOCs or lectures are the ones they teach (the only facts between them).
    if (wanted.some((t) => t === "course" || t === "mooc" || t === "lecture")) return "related";
    return wanted.length === 0 || cues.has("research") ? "research" : "list";
  }
  // The people of a course named whole are its teachers ("the prof for Information theory and coding").
  if ((anchor.type === "course" || anchor.type === "mooc") && wanted.includes("person")) return "related";
  if ((anchor.type === "course" || anchor.type === "mooc") && wanted.includes("lecture")) return "related";
  if (anchor.type === "unit" && wanted.includes("person")) return "related";
  // A paper's people are its authors.
  if (anchor.type === "publication" && wanted.includes("person")) return "related";
  // The unit a course is given by is its section; a unit's courses are those it gives.
  if ((anchor.type === "course" || anchor.type === "mooc") && wanted.includes("unit")) return "related";
  if (anchor.type === "unit" && wanted.includes("course")) return "related";
  const listsConcepts =
    targets.length === 1 && targets[0] === "concept" && !cues.has("explain") && !cues.has("what");
  if (!listsConcepts && (targets.length === 0 || (targets.length === 1 && targets[0] === "concept"))) {
    // "Where can I learn X" lists courses; "what will I learn in CS-101" asks what the course is about.
    const coded = reading.codes.length > 0;
    if (targets.length === 0 && cues.has("learn") && !cues.has("what") && !cues.has("explain") && !coded)
      return "list";
    return anchor.type === "concept" ? "explain" : "about";
  }
  return "list";
}

function anchorSteps(
  steps: StepList,
  intent: Intent,
  anchor: Anchor,
  target: TargetType | undefined,
  reading: Reading,
): { steps: readonly PlanStep[]; cite: readonly number[] } {
  const record = steps.add({ op: "record", type: anchor.type, id: anchor.id });
  if (intent === "explain") return { steps: steps.steps, cite: explainSteps(steps, record) };
  if (intent === "research") return { steps: steps.steps, cite: researchSteps(steps, record) };
  if (intent === "about") {
    const concepts = steps.add({ op: "neighbours", from: record, type: "concept", limit: 8 });
    return { steps: steps.steps, cite: [record, concepts] };
  }
  if (intent === "prerequisites") {
    // The learning path: the courses to take first, foundations first (for a concept, the courses teaching it too).
    const path =
      anchor.type === "course" || anchor.type === "concept"
        ? steps.add({ op: "path", from: record, depth: 3, limit: 30 })
        : steps.add({ op: "neighbours", from: record, type: "course", kinds: ["prerequisite"], limit: 20 });
    if (anchor.type === "concept") {
      const related = steps.add({
        op: "neighbours",
        from: record,
        type: "concept",
        kinds: ["related-concept"],
        limit: 8,
      });
      return { steps: steps.steps, cite: [related, path] };
    }
    return { steps: steps.steps, cite: [path] };
  }
  // A relation: the facts between the anchor and the records asked for, newest first if asked.
  const type: TargetType = target && target !== anchor.type ? target : "person";
  const taught = anchor.type === "person" && type === "course" ? taughtTypes(reading) : [type];
  const parts = taught.map((t) => {
    const kinds = FACT_KINDS[`${anchor.type}>${t}`];
    return steps.add({
      op: "neighbours",
      from: record,
      type: t,
      ...(kinds ? { kinds } : { facts: true }),
      // All of the facts when they are to be narrowed, else the first page; the API sorts newest first over all.
      limit: reading.cues.has("latest") || reading.topic ? 300 : 20,
      ...(reading.cues.has("latest") ? { order: "year" as const } : {}),
    });
  });
  let result = parts.length > 1 ? steps.add({ op: "union", of: parts }) : (parts[0] ?? record);
  if (reading.topic) result = steps.add({ op: "filter", from: result, words: reading.topic });
  if (reading.cues.has("latest")) result = steps.add({ op: "sort", from: result, by: "year" });
  if (reading.cues.has("latest") || reading.count)
    result = steps.add({ op: "limit", from: result, count: reading.count ?? LATEST_COUNT });
  return { steps: steps.steps, cite: [result] };
}
