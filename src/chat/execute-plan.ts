/**
 * The plan executor: runs each step of a plan through the public API (or on earlier steps' results) and returns
 * every step's records. It never invents a record: each one comes from a call's response.
 */
import { STOPWORDS } from "../text/stopwords.js";
import { phraseKeys } from "../text/tokenise.js";
import { institutionsOf, namesInstitution } from "./institution-names.js";
import type { Institution, Level, PlanStep, Season, Stage } from "./plan.js";
import type { CallApi } from "./resolve-subject.js";

/** A record a step returned. `description` is known for records fetched whole. */
export interface FoundRecord {
  readonly type: string;
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  /** The record's year, when a call gave it (null: the record gives none). */
  readonly year?: number | null;
  /** True when a concept's page lists it only through related concepts (a `via-concept` edge). */
  readonly related?: true;
}

interface Neighbour {
  readonly node: FoundRecord & { readonly year?: number };
  readonly edge: { readonly kind: string; readonly evidence: Readonly<Record<string, unknown>> };
}

interface RecordBody {
  readonly record?: {
    type: string;
    id: string;
    name: Record<string, string>;
    description?: Record<string, string>;
    attrs?: Record<string, unknown>;
    links?: { rel: string; type: string; id: string }[];
  };
}

/** Runs `steps` in order; returns each step's records (an empty list for a step whose input is missing). */
export async function executePlan(
  steps: readonly PlanStep[],
  call: CallApi,
  lang: "en" | "fr",
): Promise<FoundRecord[][]> {
  const results: FoundRecord[][] = [];
  const input = (i: number) => results[i] ?? [];
  for (const step of steps) {
    results.push(await runStep(step, input, call, lang));
  }
  return results;
}

async function runStep(
  step: PlanStep,
  input: (i: number) => readonly FoundRecord[],
  call: CallApi,
  lang: "en" | "fr",
): Promise<FoundRecord[]> {
  switch (step.op) {
    case "search":
      return strongHits(await searchPages(step, call)).map(({ type, id, name }) => ({ type, id, name }));
    case "record": {
      const found = await fetchRecord(call, step.type, step.id);
      if (!found) return [];
      const { record } = found;
      const name = record.name[lang] ?? record.name.en ?? Object.values(record.name)[0] ?? record.id;
      const description =
        record.description?.[lang] ?? record.description?.en ?? Object.values(record.description ?? {})[0];
      return [{ type: record.type, id: record.id, name, ...(description ? { description } : {}) }];
    }
    case "detect": {
      const body = (await call({
        method: "POST",
        path: "/api/detect",
        body: { text: step.text, lang: step.lang },
      })) as { concepts?: (FoundRecord & { mentions?: Mention[] })[] } | undefined;
      return (body?.concepts ?? [])
        .filter((c) => !step.whole || spansWhole(step.text, c.mentions ?? []))
        .slice(0, step.limit)
        .map(({ id, name }) => ({ type: "concept", id, name }));
    }
    case "neighbours":
      return neighbours(step, input(step.from), call);
    case "path":
      return learningPath(step, input(step.from), call);
    case "filter":
      if (step.level) return keepLevel(input(step.from), step.level, call);
      if (step.stage) return keepStage(input(step.from), step.stage, call);
      if (step.season) return keepSeason(input(step.from), step.season, call);
      if (step.language) return keepLanguage(input(step.from), step.language, call);
      if (step.paperKinds) return keepPaperKinds(input(step.from), step.paperKinds, call);
      if (step.institution) return keepInstitution(input(step.from), step.institution, call);
      if (step.label) return keepLabelled(input(step.from), step.label, call);
      return step.words ? keepWords(input(step.from), step.words) : [...input(step.from)];
    case "sort":
      return sortByYear(input(step.from), call);
    case "limit":
      return input(step.from).slice(0, step.count);
    case "intersection": {
      const [first, ...rest] = step.of.map((i) => input(i));
      const others = rest.map((r) => new Set(r.map(keyOf)));
      return unique((first ?? []).filter((r) => others.every((o) => o.has(keyOf(r)))));
    }
    case "union":
      return unique(
        step.alternate ? alternate(step.of.map((i) => input(i))) : step.of.flatMap((i) => input(i)),
      );
    case "compare":
      return sharedConcepts(
        step,
        step.of.map((i) => input(i)[0]),
        call,
        lang,
      );
  }
}

/** The concepts all the compared courses share, most shared first as the API ranks them; none for other records. */
async function sharedConcepts(
  step: Extract<PlanStep, { op: "compare" }>,
  sources: readonly (FoundRecord | undefined)[],
  call: CallApi,
  lang: "en" | "fr",
): Promise<FoundRecord[]> {
  const courses = sources.filter((s): s is FoundRecord => s?.type === "course");
  if (courses.length < 2 || courses.length !== sources.length) return [];
  const query = { courses: courses.map((c) => c.id).join(","), lang };
  const body = (await call({ method: "GET", path: "/api/compare", query })) as
    | { concepts?: { node: FoundRecord; shared: number }[] }
    | undefined;
  const shared = (body?.concepts ?? []).filter((c) => c.shared === courses.length);
  return shared.slice(0, step.limit).map(({ node }) => ({ type: node.type, id: node.id, name: node.name }));
}

/** The courses to learn before the first input, in the order the API's learning path gives (foundations first). */
async function learningPath(
  step: Extract<PlanStep, { op: "path" }>,
  sources: readonly FoundRecord[],
  call: CallApi,
): Promise<FoundRecord[]> {
  const goal = sources[0];
  if (!goal) return [];
  const path = `/api/${goal.type}/${encodeURIComponent(goal.id)}/path`;
  const query = { depth: String(step.depth), limit: String(step.limit) };
  const body = (await call({ method: "GET", path, query })) as
    | { steps?: { node: FoundRecord; role: string; inCorpus: boolean }[] }
    | undefined;
  const before = (body?.steps ?? []).filter((s) => s.role !== "goal" && s.inCorpus);
  return unique(before.map(({ node }) => ({ type: node.type, id: node.id, name: node.name })));
}

async function neighbours(
  step: Extract<PlanStep, { op: "neighbours" }>,
  sources: readonly FoundRecord[],
  call: CallApi,
): Promise<FoundRecord[]> {
  const found: FoundRecord[] = [];
  for (const source of sources.slice(0, step.top ?? 20)) {
    // A concept no record names has only second-hand neighbours (`via-concept`: records about its related
    // concepts); for a concept the question names (`related`), they are kept when the page has nothing first-hand, so
    // that "what is X" still says where to learn it (not for a concept only detected in the subject: "théâtre
    // amateur" is not Amateur, whose second-hand MOOCs are about amateur radio).
    const secondHand: FoundRecord[] = [];
    let firstHand = 0;
    const path = `/api/${source.type}/${encodeURIComponent(source.id)}/neighbours`;
    // The API gives at most a page of 100; a longer list (all of a person's papers, to sort) takes several.
    for (let offset = 0; offset < step.limit; offset += PAGE) {
      const limit = String(Math.min(PAGE, step.limit - offset));
      const query = {
        type: step.type,
        limit,
        ...(offset > 0 ? { offset: String(offset) } : {}),
        ...(step.order ? { sort: step.order } : {}),
      };
      const body = (await call({ method: "GET", path, query })) as
        | { items?: Neighbour[]; total?: number }
        | undefined;
      for (const item of body?.items ?? []) {
        const { type, id, name, year } = item.node;
        const record = { type, id, name, ...(step.order ? { year: year ?? null } : {}) };
        if (keep(step, item)) {
          found.push(record);
          firstHand += 1;
        } else if (item.edge.kind === "via-concept" && step.related && !step.kinds && !step.facts)
          secondHand.push({ ...record, related: true });
      }
      if ((body?.total ?? 0) <= offset + PAGE) break;
    }
    if (firstHand === 0) found.push(...secondHand);
  }
  return unique(found);
}

interface Mention {
  readonly start: number;
  readonly end: number;
}

/** True when `mentions` cover `text` from its first letter or digit to its last. */
function spansWhole(text: string, mentions: readonly Mention[]): boolean {
  const first = text.search(/[\p{L}\p{N}]/u);
  const end = /[\p{L}\p{N}][^\p{L}\p{N}]*$/u.exec(text);
  const last = end ? end.index + 1 : text.length;
  return mentions.some((m) => m.start <= first && m.end >= last);
}

/** Which neighbours a step keeps: facts of the asked kinds (a prerequisite the course requires), or any. */
function keep(step: Extract<PlanStep, { op: "neighbours" }>, item: Neighbour): boolean {
  if (item.edge.kind === "via-concept") return false;
  if (step.facts && item.edge.evidence.fact !== true) return false;
  if (!step.kinds) return true;
  if (!step.kinds.includes(item.edge.kind)) return false;
  return item.edge.kind !== "prerequisite" || item.edge.evidence.direction === "out";
}

/**
 * The hits scoring at least a quarter of the first one's: the tail of a list answer is where a word matched by
 * chance lives. Measured against the first hit, not the highest score: a record named as asked comes first
 * with a low score (names rank by tier), and then nothing is cut.
 */
export function strongHits<T extends { readonly score: number }>(hits: readonly T[]): T[] {
  const first = hits[0]?.score ?? 0;
  return hits.filter((h) => h.score >= WEAK_HIT * first);
}

const WEAK_HIT = 0.25;
const PAGE = 100;
/** The most records a sort reads the year of. */
const SORT_LIMIT = 300;

/** A search's hits, best first: a page of the API at a time (`PAGE`), until `step.limit` or a page not full. */
async function searchPages(
  step: Extract<PlanStep, { op: "search" }>,
  call: CallApi,
): Promise<(FoundRecord & { score: number })[]> {
  const hits: (FoundRecord & { score: number })[] = [];
  for (let offset = 0; offset < step.limit; offset += PAGE) {
    const limit = Math.min(PAGE, step.limit - offset);
    const query = {
      q: step.query,
      types: step.types.join(","),
      limit: String(limit),
      ...(offset > 0 ? { offset: String(offset) } : {}),
    };
    const body = (await call({ method: "GET", path: "/api/search", query })) as
      | { items?: (FoundRecord & { score: number })[] }
      | undefined;
    const items = body?.items ?? [];
    hits.push(...items);
    if (items.length < limit) break;
  }
  return hits;
}

async function fetchRecord(call: CallApi, type: string, id: string) {
  const body = (await call({ method: "GET", path: `/api/${type}/${encodeURIComponent(id)}` })) as
    | RecordBody
    | undefined;
  return body?.record ? { record: body.record } : undefined;
}

/** A record as the API returns it, read by the filters. */
export type ReadRecord = NonNullable<RecordBody["record"]>;

/** The first `read` of `nodes` whose record (one call each) passes `test`, in order. */
async function keepRecords(
  nodes: readonly FoundRecord[],
  read: number,
  call: CallApi,
  test: (record: ReadRecord) => boolean | Promise<boolean>,
): Promise<FoundRecord[]> {
  const kept: FoundRecord[] = [];
  for (const node of nodes.slice(0, read)) {
    const record = (await fetchRecord(call, node.type, node.id))?.record;
    if (record && (await test(record))) kept.push(node);
  }
  return kept;
}

/** The records whose attrs say they are taught at `level` (`semesters`/`semester`: "Master semestre 1", "MA1"). */
function keepLevel(nodes: readonly FoundRecord[], level: Level, call: CallApi): Promise<FoundRecord[]> {
  const pattern = level === "master" ? /\bmaster|^MA\d/i : /\bbachelor|^BA\d/i;
  return keepRecords(nodes, FILTER_READ, call, ({ attrs = {} }) =>
    [attrs.semesters, attrs.semester].flat().some((s) => typeof s === "string" && pattern.test(s)),
  );
}

/** The MOOCs whose platform gives them `stage` (`attrs.level`: "Introductory", "Intermediate", "Advanced"). */
function keepStage(nodes: readonly FoundRecord[], stage: Stage, call: CallApi): Promise<FoundRecord[]> {
  return keepRecords(
    nodes,
    FILTER_READ,
    call,
    ({ attrs = {} }) => String(attrs.level ?? "").toLowerCase() === stage,
  );
}

/**
 * The courses taught in `season`: a semester the attrs name by its season ("Semestre automne", "Projet Master
 * printemps"), or by its number, odd in autumn and even in spring ("Master semestre 3", "MA2", "Bachelor semestre 2b").
 */
function keepSeason(nodes: readonly FoundRecord[], season: Season, call: CallApi): Promise<FoundRecord[]> {
  return keepRecords(nodes, FILTER_READ, call, ({ attrs = {} }) =>
    [attrs.semesters, attrs.semester].flat().some((s) => typeof s === "string" && seasonOf(s) === season),
  );
}

/** The season a semester's label says, if any (see `keepSeason`). */
export function seasonOf(label: string): Season | undefined {
  if (/automne|autumn|fall/i.test(label)) return "autumn";
  if (/printemps|spring/i.test(label)) return "spring";
  const number = label.match(/(\d+)[a-z]?\s*$/i)?.[1];
  if (number === undefined) return undefined;
  return Number(number) % 2 === 1 ? "autumn" : "spring";
}

/** The records whose `language` attribute is `language`. */
function keepLanguage(
  nodes: readonly FoundRecord[],
  language: string,
  call: CallApi,
): Promise<FoundRecord[]> {
  return keepRecords(nodes, FILTER_READ, call, ({ attrs = {} }) => attrs.language === language);
}

/** The publications whose `type` attribute is one of `kinds`. */
function keepPaperKinds(
  nodes: readonly FoundRecord[],
  kinds: readonly string[],
  call: CallApi,
): Promise<FoundRecord[]> {
  return keepRecords(nodes, FILTER_READ, call, ({ attrs = {} }) => kinds.includes(String(attrs.type ?? "")));
}

/**
 * How many records a filter by level, stage, semester, language or kind of publication reads (one call each): as many as a filtered list
 * searches (`FILTERED_SEARCH_LIMIT`, plan-steps.ts), since the search does not rank by those attributes (20 advanced
 * MOOCs among 417 about engineering came at ranks 54 to 398 of its hits).
 */
const FILTER_READ = 200;
/** How many records a filter by university reads (one call each). */
const INSTITUTION_READ = 80;

/**
 * The records from `institution`: their institution, affiliations or venue name it (`namesInstitution`, by any of
 * its names), or, when it is a unit of the graph, a unit they link to (a course's section, a person's unit) is under
 * it.
 */
function keepInstitution(
  nodes: readonly FoundRecord[],
  institution: Institution,
  call: CallApi,
): Promise<FoundRecord[]> {
  return keepRecords(nodes, INSTITUTION_READ, call, (record) => isFrom(record, institution, call));
}

/** True when `record` is from `institution` (see `keepInstitution`). */
export async function isFrom(record: ReadRecord, institution: Institution, call: CallApi): Promise<boolean> {
  const names = [institution.name, ...(institution.aka ?? [])];
  const named = institutionsOf(record.attrs).some((value) => names.some((n) => namesInstitution(n, value)));
  return named || (institution.unit !== undefined && (await underUnit(record, institution.unit, call)));
}

/** The most parent links followed up from a unit. */
const UNIT_DEPTH = 6;

/** True when `record` is a unit, or links to one, that is `root` or under it (its parents followed up). */
async function underUnit(record: ReadRecord, root: string, call: CallApi): Promise<boolean> {
  const units = (record.links ?? []).filter((l) => l.type === "unit").map((l) => l.id);
  if (record.type === "unit") units.push(record.id);
  for (const start of units) {
    let id: string | undefined = start;
    for (let depth = 0; id !== undefined && depth < UNIT_DEPTH; depth += 1) {
      if (id === root) return true;
      const unit: RecordBody["record"] = (await fetchRecord(call, "unit", id))?.record;
      id = unit?.links?.find((l) => l.rel === "parent" && l.type === "unit")?.id;
    }
  }
  return false;
}

/** How many records a filter by label reads (one call each). */
const LABEL_READ = 200;

/**
 * The records one of whose short text attributes (a lecture's topic, up to 60 characters) holds only words of `text`
 * or all of them ("Summarization" for "text summarization", "Question Answering Basics" for "question answering"):
 * the corpus's own label of what the record is about. Those labelled with exactly the words of `text` come first
 * ("Optimization" before "Optimization for Deep Learning" for "optimization"), each group in its given order.
 */
async function keepLabelled(
  nodes: readonly FoundRecord[],
  text: string,
  call: CallApi,
): Promise<FoundRecord[]> {
  const asked = labelWords(text);
  if (asked.size === 0) return [];
  // 2: the label's words are the subject's; 1: one holds the other's; 0: neither.
  const fitOf = (label: string) => {
    const words = labelWords(label);
    const inside = [...words].every((w) => asked.has(w));
    const holds = [...asked].every((w) => words.has(w));
    return words.size === 0 ? 0 : inside && holds ? 2 : inside || holds ? 1 : 0;
  };
  const exact: FoundRecord[] = [];
  const near: FoundRecord[] = [];
  for (const node of nodes.slice(0, LABEL_READ)) {
    const attrs = (await fetchRecord(call, node.type, node.id))?.record.attrs ?? {};
    const best = Math.max(
      0,
      ...Object.values(attrs).map((v) => (typeof v === "string" && v.length <= 60 ? fitOf(v) : 0)),
    );
    if (best === 2) exact.push(node);
    else if (best === 1) near.push(node);
  }
  return [...exact, ...near];
}

/** The meaningful words of a label or subject as keys (plurals, case and accents aside, numbers left out). */
function labelWords(text: string): Set<string> {
  return new Set(phraseKeys(text).filter((k) => k.length > 2 && !STOPWORDS.has(k) && !/^\d+$/.test(k)));
}

/**
 * The records newest first by their `year` attribute; records without a year last, in their order. A year the
 * neighbours call gave is used as it is; the others are read from the records (the first `SORT_LIMIT`).
 */
async function sortByYear(nodes: readonly FoundRecord[], call: CallApi): Promise<FoundRecord[]> {
  const years = new Map<FoundRecord, number>();
  const dated = nodes.every((node) => node.year !== undefined);
  for (const node of dated ? nodes : nodes.slice(0, SORT_LIMIT)) {
    const year = Number(
      node.year !== undefined ? node.year : (await fetchRecord(call, node.type, node.id))?.record.attrs?.year,
    );
    years.set(node, node.year !== null && Number.isFinite(year) ? year : Number.NEGATIVE_INFINITY);
  }
  return [...years.keys()].sort((a, b) => (years.get(b) ?? 0) - (years.get(a) ?? 0) || 0);
}

/** The records whose names share a meaningful word with `text` (plurals, case and accents aside). */
function keepWords(nodes: readonly FoundRecord[], text: string): FoundRecord[] {
  const words = new Set(phraseKeys(text).filter((k) => k.length > 2 && !STOPWORDS.has(k)));
  return nodes.filter((n) => phraseKeys(n.name).some((k) => words.has(k)));
}

/** The lists' records taken in turn: the first of each, then the second of each… */
function alternate(lists: readonly (readonly FoundRecord[])[]): FoundRecord[] {
  const longest = Math.max(0, ...lists.map((l) => l.length));
  return Array.from({ length: longest }, (_, i) => lists.flatMap((l) => l[i] ?? [])).flat();
}

function keyOf(r: FoundRecord): string {
  return `${r.type}\0${r.id}`;
}

function unique(nodes: readonly FoundRecord[]): FoundRecord[] {
  const seen = new Set<string>();
  return nodes.filter((n) => {
    if (seen.has(keyOf(n))) return false;
    seen.add(keyOf(n));
    return true;
  });
}
