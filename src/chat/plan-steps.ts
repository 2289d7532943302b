/**
 * Building blocks of plans: a step list that numbers its steps, and the sub-plans the planner composes — the
 * records of a type about a subject, a concept's explanation, a person's research.
 */
import type { Institution, Level, PlanStep, Season, Stage, TargetType } from "./plan.js";
import type { Reading } from "./read-question.js";

/**
 * A growing list of steps; `add` returns the new step's index, for later steps to refer to. A step equal to an
 * earlier one is not added again: it would return the same records, so its index is the earlier one's.
 */
export class StepList {
  readonly steps: PlanStep[] = [];
  private readonly known = new Map<string, number>();

  /** Appends `step` (unless an equal step is there) and returns its index. */
  add(step: PlanStep): number {
    const key = JSON.stringify(step);
    const known = this.known.get(key);
    if (known !== undefined) return known;
    this.steps.push(step);
    this.known.set(key, this.steps.length - 1);
    return this.steps.length - 1;
  }
}

/** The facts that link a record of one type to records of another (a course to its teachers). */
export const FACT_KINDS: Readonly<Record<string, readonly string[]>> = {
  "course>person": ["teacher"],
  "mooc>person": ["instructor"],
  "person>course": ["teacher"],
  "person>mooc": ["instructor"],
  "person>lecture": ["instructor"],
  "course>lecture": ["part_of"],
  "mooc>lecture": ["part_of"],
  "unit>person": ["member"],
  "course>unit": ["section"],
  "unit>course": ["section"],
  "person>unit": ["member"],
  "person>publication": ["author"],
};

/** How many records a list sorted newest first gives, when the question names no number. */
export const LATEST_COUNT = 10;

/** How many search hits a list about one subject reads. */
export const LIST_SEARCH_LIMIT = 20;

/**
 * How many search hits a list filtered by what its records' attributes say reads (a MOOC's stage or language, a
 * course's level or semester): the filter keeps a part of them, often a small one (20 advanced MOOCs among 417 on
 * engineering), and the search does not rank by those attributes. Each side of an intersection reads as many: the
 * other side keeps a part of it.
 */
const FILTERED_SEARCH_LIMIT = 200;

/**
 * How many search hits a list of lectures reads, for their labels to be checked: two pages, as the search ranks the
 * lectures only their topic label matches after those whose names say the words (a topic of 27 lectures had 13 of
 * them at ranks 100 to 113 of 128 hits).
 */
const LECTURE_SEARCH_LIMIT = 200;

/**
 * Records of `type` about `subject`: the records the graph links to the concept the subject names (`concept`,
 * found by name while reading) or else to the concepts detected in it, and the search's hits — for people, the
 * authors of the publications the search finds. `wide` asks for more of each, for intersections.
 */
export function aboutSteps(
  steps: StepList,
  type: TargetType,
  subject: string,
  options: {
    readonly lang: "en" | "fr";
    readonly wide: boolean;
    readonly concept?: string;
    /** The name of `concept`, when the subject names it (the corpus's English term for a French subject). */
    readonly conceptName?: string;
    /** True when a record of the graph is named by the subject whole: a concept detected in a part is another sense. */
    readonly named?: boolean;
    readonly newest?: boolean;
    /** True when the list is then filtered by its records' attributes: more search hits are read. */
    readonly filtered?: boolean;
  },
): number {
  const { lang, wide, concept } = options;
  const concepts = concept
    ? steps.add({ op: "record", type: "concept", id: concept })
    : steps.add({ op: "detect", text: subject, lang, limit: 2, ...(options.named ? { whole: true } : {}) });
  const linked = steps.add({
    op: "neighbours",
    from: concepts,
    type,
    limit: wide ? 30 : 10,
    ...(options.conceptName ? { related: true } : {}),
  });
  if (type === "lecture") {
    // A lecture has a short name and no text: the corpus's label of its topic says best what it is about, and the
    // search ranks lectures matched by it below those whose names say the words. Those labelled first. Lectures are
    // named and labelled in English: the concept the subject names gives its English words ("régression logistique").
    const words = options.conceptName ?? subject;
    const search = steps.add({ op: "search", query: words, types: [type], limit: LECTURE_SEARCH_LIMIT });
    const labelled = steps.add({ op: "filter", from: search, label: words });
    return steps.add({ op: "union", of: [labelled, search, linked] });
  }
  if (type !== "person") {
    const search = steps.add({
      op: "search",
      query: subject,
      types: [type],
      limit: options.filtered ? FILTERED_SEARCH_LIMIT : wide ? 50 : LIST_SEARCH_LIMIT,
    });
    if (!options.newest) return steps.add({ op: "union", of: [search, linked] });
    const sorted = [search, linked].map((from) => steps.add({ op: "sort", from, by: "year" }));
    return steps.add({ op: "union", of: sorted });
  }
  // A person's record holds a name and little else: a topic searched among people matches names by chance
  // ("climate models" found people named Hodel). People come through concepts, the courses they teach on the
  // topic (a fact, so first) and their papers instead.
  const courses = steps.add({ op: "search", query: subject, types: ["course"], limit: 10 });
  const teachers = steps.add({
    op: "neighbours",
    from: courses,
    type,
    kinds: ["teacher"],
    limit: 5,
    top: 10,
  });
  const papers = steps.add({ op: "search", query: subject, types: ["publication"], limit: 10 });
  const authors = steps.add({ op: "neighbours", from: papers, type, kinds: ["author"], limit: 5, top: 10 });
  return steps.add({ op: "union", of: [teachers, linked, authors] });
}

/**
 * Records of `type` about `subject` from a university: first the search for both ("word embeddings Stanford": a
 * record's institution or venue is searched with it), then the records about the subject, for the filter to keep
 * those of the university.
 */
function scopedSteps(
  steps: StepList,
  type: TargetType,
  subject: string,
  institution: Institution,
  options: { readonly lang: "en" | "fr"; readonly wide: boolean; readonly concept?: string },
): number {
  const about = aboutSteps(steps, type, subject, options);
  // A person's record holds a name and where they work: searched with the university, any of its people matches.
  if (type === "person") return about;
  const both = steps.add({ op: "search", query: `${subject} ${institution.name}`, types: [type], limit: 50 });
  return steps.add({ op: "union", of: [both, about] });
}

/**
 * The list a question asks for: records of `target` about each subject (through records of `via` when the
 * question goes through them: "people who teach courses about X"), intersected or united, then filtered by
 * level and sorted by year when asked. Returns the index of the step whose result is the answer.
 */
export function listSteps(
  steps: StepList,
  target: TargetType,
  reading: Reading,
  options: {
    readonly via?: TargetType;
    readonly concept?: string;
    readonly conceptName?: string;
    /** The subject is the whole name of a record that is not a concept ("Reinforcement Learning", a lecture). */
    readonly named?: boolean;
  } = {},
): number {
  const { via, concept, conceptName } = options;
  const { institution } = reading;
  const joined = reading.subjects.length > 1;
  // A university's records, or a level's or a semester's, are a part of the list: more are read, to keep enough once
  // the others are left out.
  const periods = periodsOf(reading, target);
  const language =
    reading.language && (target === "mooc" || target === "lecture") ? reading.language : undefined;
  const paperKinds = target === "publication" ? reading.paperKinds : undefined;
  const filtered = Object.keys(periods).length > 0 || language !== undefined || paperKinds !== undefined;
  const wide = joined || institution !== undefined || filtered;
  // One subject's newest records: its search hits, which say the subject, newest first, then the records linked to
  // its concept, newest first (a loosely linked paper of this year does not come first).
  const newest = reading.cues.has("latest") && !joined && !via && !institution;
  const about = {
    lang: reading.lang,
    wide,
    newest,
    // An intersection keeps of each list the records of the other: like a filter, it reads more hits of each.
    ...((filtered || (joined && reading.join === "and")) && !via ? { filtered: true } : {}),
    ...(options.named && !joined ? { named: true } : {}),
    ...(concept && !joined ? { concept, ...(conceptName ? { conceptName } : {}) } : {}),
  };
  const parts = reading.subjects.map((subject) => {
    if (!via && institution) return scopedSteps(steps, target, subject, institution, about);
    if (!via) return aboutSteps(steps, target, subject, about);
    const through = aboutSteps(steps, via, subject, about);
    // Few people list their units (members): the units of people about a topic are their facts first, then the
    // units the graph links them to (the API ranks facts first).
    const kinds = target === "unit" ? undefined : FACT_KINDS[`${via}>${target}`];
    const linked = steps.add({
      op: "neighbours",
      from: through,
      type: target,
      ...(kinds ? { kinds } : {}),
      limit: 20,
    });
    if (target !== "person") return linked;
    // Few courses list their teachers: after the teachers, the people about the subject (authors of papers on it,
    // people of its concept), so that "people teaching A and B" meets on who works on both when no teacher does.
    return steps.add({ op: "union", of: [linked, aboutSteps(steps, target, subject, about)] });
  });
  let result = parts[0] ?? -1;
  if (parts.length > 1) {
    result = steps.add(
      // Either subject's records in turn: a list cut at the answer's length keeps some of each.
      reading.join === "or" ? { op: "union", of: parts, alternate: true } : { op: "intersection", of: parts },
    );
  }
  if (institution) result = steps.add({ op: "filter", from: result, institution });
  const { level, stage, season } = periods;
  if (level) result = steps.add({ op: "filter", from: result, level });
  if (stage) result = steps.add({ op: "filter", from: result, stage });
  if (season) result = steps.add({ op: "filter", from: result, season });
  if (language) result = steps.add({ op: "filter", from: result, language });
  if (paperKinds) result = steps.add({ op: "filter", from: result, paperKinds });
  // A list sorted within its own search and concept parts is newest first already.
  const last = steps.steps[result];
  const sorted = last?.op === "union" && last.of.every((i) => steps.steps[i]?.op === "sort");
  if (reading.cues.has("latest") && !sorted) result = steps.add({ op: "sort", from: result, by: "year" });
  if (reading.cues.has("latest") || reading.count)
    result = steps.add({ op: "limit", from: result, count: reading.count ?? LATEST_COUNT });
  return result;
}

/**
 * The level, stage and half of the year a list of `target` is filtered by: a course's level (EPFL's courses for
 * beginners are its bachelor's, its advanced ones its master's) and semester, a MOOC's stage; none for other types.
 */
export function periodsOf(
  reading: Reading,
  target: TargetType | undefined,
): { level?: Level; stage?: Stage; season?: Season } {
  if (target === "mooc") return reading.stage ? { stage: reading.stage } : {};
  if (target !== "course") return {};
  const staged =
    reading.stage === "introductory" ? "bachelor" : reading.stage === "advanced" ? "master" : undefined;
  const level = reading.level ?? staged;
  return { ...(level ? { level } : {}), ...(reading.season ? { season: reading.season } : {}) };
}

/** A concept's page first, then where to learn it: courses, MOOCs and lectures about it. */
export function explainSteps(steps: StepList, concept: number): number[] {
  const courses = steps.add({ op: "neighbours", from: concept, type: "course", limit: 5, related: true });
  const moocs = steps.add({ op: "neighbours", from: concept, type: "mooc", limit: 3, related: true });
  const lectures = steps.add({ op: "neighbours", from: concept, type: "lecture", limit: 3, related: true });
  return [concept, courses, moocs, lectures];
}

/** A person's research: their concepts, their units, their publications. */
export function researchSteps(steps: StepList, person: number): number[] {
  const concepts = steps.add({ op: "neighbours", from: person, type: "concept", limit: 8 });
  const units = steps.add({ op: "neighbours", from: person, type: "unit", limit: 3 });
  const publications = steps.add({ op: "neighbours", from: person, type: "publication", limit: 5 });
  return [person, concepts, units, publications];
}
