/**
 * The second half of the chat's parser: reads a question's subject against the graph, through the public API.
 * A course code is looked up as a record; a name as a whole name in the name index (autocomplete), so that
 * "Applied data analysis", "Achim Walter" or "Hausdorff dimension" are found as the records they name.
 */
import { STOPWORDS } from "../text/stopwords.js";
import { fold } from "./lexicon.js";
import type { Anchor } from "./plan.js";
import { type Detected, nameCoverage, nameShare, namesMatch } from "./scope.js";

/** Calls the public API and returns the JSON body, or undefined when the call failed. */
export type CallApi = (call: {
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}) => Promise<unknown>;

interface RecordBody {
  readonly record?: { type: string; id: string; name: Record<string, string> };
}

/** The record `type`/`id` as an anchor, when it exists. */
export async function findRecord(call: CallApi, type: string, id: string): Promise<Anchor | undefined> {
  const body = (await call({ method: "GET", path: `/api/${type}/${encodeURIComponent(id)}` })) as
    | RecordBody
    | undefined;
  const record = body?.record;
  if (!record) return undefined;
  return {
    type: record.type,
    id: record.id,
    name: record.name.en ?? Object.values(record.name)[0] ?? record.id,
  };
}

/**
 * The course (or MOOC) a code names, as written or with its letters before the dash in capitals ("hum-403(a)" is
 * HUM-403(a): a section letter in brackets stays in lower case), or all in capitals.
 */
export async function findCourse(call: CallApi, code: string): Promise<Anchor | undefined> {
  const prefix = code.replace(/^[^-]+/, (letters) => letters.toUpperCase());
  for (const form of new Set([code, prefix, code.toUpperCase()])) {
    const found = await findRecord(call, "course", form);
    if (found) return found;
  }
  return findRecord(call, "mooc", code);
}

/**
 * The record whose name or one of whose aliases is exactly `subject` (case, accents and punctuation aside; else
 * whose name says it word for word but for typos and French cognates, `namesMatch`), preferring the types in `prefer` in their order; undefined when no name
 * matches whole. Categories group concepts and are not what a
 * question is about: they count only when `categories` is true (to know that a phrase is a name at all).
 */
export async function findNamed(
  call: CallApi,
  subject: string,
  prefer: readonly string[] = [],
  categories = false,
): Promise<Anchor | undefined> {
  const key = nameKey(subject);
  if (key.length < 2) return undefined;
  const complete = async (types?: string) => {
    const query: Record<string, string> = { q: subject, limit: "10", ...(types ? { types } : {}) };
    const body = (await call({ method: "GET", path: "/api/autocomplete", query })) as
      | { items?: (Anchor & { alias?: string })[] }
      | undefined;
    const items = (body?.items ?? []).filter((s) => categories || s.type !== "category");
    const exact = items.filter(
      (s) =>
        nameKey(s.name) === key ||
        nameKey(s.id) === key ||
        (s.alias !== undefined && nameKey(s.alias) === key && shortens(s.alias, s.name)),
    );
    // The name index also matches typos, which the suggestion's name does not show: a name that says the same
    // word for word ("Entropy" for "entropie") is taken when none is exact (an alias typed whole is exact).
    const found = exact.length > 0 ? exact : items.filter((s) => namesMatch(subject, s.name));
    return found.map(({ type, id, name }) => ({ type, id, name }));
  };
  // The preferred type first: ten lectures named "Machine Learning" would hide the concept of that name.
  const first = prefer[0] ? await complete(prefer[0]) : [];
  if (first[0]) return first[0];
  const rank = (a: Anchor) => {
    const at = prefer.indexOf(a.type);
    return at < 0 ? prefer.length : at;
  };
  return (await complete()).sort((a, b) => rank(a) - rank(b))[0];
}

/**
 * True when `alias` is a shorter way to say `name`: its words are among the name's ("Eigenvalues" for "Eigenvalues
 * and eigenvectors") or it is the name's initials ("PCR"). An alias naming a narrower topic that leads to a broader
 * record ("Adsorption isotherm" for "Adsorption") does not name that record: a question about it is about its topic.
 */
export function shortens(alias: string, name: string): boolean {
  if (nameCoverage(alias, name) === 1) return true;
  const words = fold(name)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
  const initials = (ws: readonly string[]) => ws.map((w) => w[0]).join("");
  const letters = fold(alias).replace(/[^a-z0-9]/g, "");
  return (
    letters.length >= 2 &&
    (letters === initials(words) || letters === initials(words.filter((w) => !STOPWORDS.has(w))))
  );
}

/**
 * The search hit of one of `types` that `subject` names: among the first three, one whose name says the subject
 * word for word (`namesMatch`: "Schrödinger equation" before "Nonlinear Schrödinger equation"), else the first,
 * when the two hold at least half of each other's meaningful words (with `whole`, the name holds all of the
 * subject's). A hit matching one word of a long question is
 * not what it names, nor is a course whose long name holds a one-word topic ("cryptography" is not "Algebraic
 * curves and cryptography": who teaches it asks for the teachers of the courses about it).
 */
export async function findBySearch(
  call: CallApi,
  subject: string,
  types: readonly string[],
  whole = false,
): Promise<Anchor | undefined> {
  const query = { q: subject, types: types.join(","), limit: "3" };
  const body = (await call({ method: "GET", path: "/api/search", query })) as
    | { items?: Anchor[] }
    | undefined;
  const hits = body?.items ?? [];
  // A title and its subtitle ("Neurosciences III : behavioral and cognitive neuroscience"): the title alone names it.
  const fits = (name: string) =>
    nameCoverage(subject, name) >= (whole ? 1 : NAMED_SHARE) &&
    Math.max(nameShare(subject, name), nameShare(subject, name.split(/\s*:\s+/)[0] ?? name)) >= NAMED_SHARE;
  // The hit named as asked, else the first hit, else (not for a `whole` name, where the first hit decides) one whose
  // name holds every word of the subject: the search may rank first a record whose text says the words
  // ("Computational finance" before "Numerical approximation of PDE's I"); a later hit holding only some
  // ("Australia" for "capital of Australia") is not named.
  const match = hits.find((h) => namesMatch(subject, h.name));
  const first = hits[0] && fits(hits[0].name) ? hits[0] : undefined;
  const hit =
    match ??
    first ??
    (whole ? undefined : hits.find((h) => nameCoverage(subject, h.name) >= 1 && fits(h.name)));
  if (!hit || nameCoverage(subject, hit.name) < (whole ? 1 : NAMED_SHARE)) return undefined;
  const named = match !== undefined;
  return { type: hit.type, id: hit.id, name: hit.name, ...(named ? {} : { nearest: true as const }) };
}

/** The names of the search's hits of `type` for `subject` (the call a plan's search step makes, so made once). */
export async function searchNames(
  call: CallApi,
  subject: string,
  type: string,
  limit: number,
): Promise<string[]> {
  const query = { q: subject, types: type, limit: String(limit) };
  const body = (await call({ method: "GET", path: "/api/search", query })) as
    | { items?: { name: string }[] }
    | undefined;
  return (body?.items ?? []).map((hit) => hit.name);
}

/**
 * The record a French `subject` names in English: the English the search reads it as (`GET /api/search`'s
 * `english`, from the corpus's bilingual records: "traitement du signal" → "signal processing"), each looked up
 * whole in the name index, the reordered phrase first. Undefined when the search reads no English or none is a name.
 */
export async function findNamedInEnglish(
  call: CallApi,
  subject: string,
  prefer: readonly string[] = [],
): Promise<Anchor | undefined> {
  const body = (await call({ method: "GET", path: "/api/search", query: { q: subject, limit: "1" } })) as
    | { english?: string[] }
    | undefined;
  for (const english of [...(body?.english ?? [])].reverse()) {
    const named = await findNamed(call, english, prefer);
    if (named) return named;
  }
  return undefined;
}

/** The share of a subject's words a search hit's name must hold to be taken as the record named. */
export const NAMED_SHARE = 0.5;

/** The concepts the detector finds in `text` (the same call as a plan's detect step, so made once). */
export async function detectConcepts(call: CallApi, text: string, lang: "en" | "fr"): Promise<Detected[]> {
  const body = (await call({ method: "POST", path: "/api/detect", body: { text, lang } })) as
    | { concepts?: Detected[] }
    | undefined;
  return body?.concepts ?? [];
}

/** A name folded for comparison: lower case, no accents, words only, a trailing plural "s" dropped. */
export function nameKey(name: string): string {
  return fold(name)
    .replace(/[_\W]+/g, " ")
    .trim()
    .replace(/s$/, "");
}
