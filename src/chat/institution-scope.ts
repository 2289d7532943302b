/**
 * "Courses on solar energy at EPFL", "MOOCs on history from Harvard", "Stanford lectures on word embeddings": the
 * university a question names says where to look, not what about. It is taken off the subject and kept as the
 * reading's `institution`, which a list then filters its records by. A name is a university when the graph says
 * so, through the public API: a root unit of the corpus (a unit with no parent and units under it), or the
 * institution, affiliation or venue that records found for the name give ("MIT" is the institution of MIT's MOOCs).
 */

import { CUE_WORDS } from "./classify-words.js";
import { institutionsOf, namesInstitution } from "./institution-names.js";
import { FRAME_WORDS, fold, TYPE_WORDS } from "./lexicon.js";
import type { Institution } from "./plan.js";
import type { Reading } from "./read-question.js";
import { type CallApi, findNamed } from "./resolve-subject.js";

// A place word and what may follow it before a name: "at (the)", "from", "by", "à (l')", "chez", "par"; "of", "de", "du",
// "d'" only before a capital ("cours de Delft", not "gestion de projet").
const PLACE_WORD =
  /\s+(?:(at|in|within|from|by|à|a|au|chez|par)|(of|de|du|d['’]))\s*(?:the\s+|l['’]\s*|la\s+|le\s+)?/giu;
/** The most places of one subject checked against the graph ("X in Y at Z": "Y at Z", then "Z"). */
const MAX_PLACES = 3;
// The same place words leading the question's last words: "just the ones from Harvard", "et à l'EPFL ?".
const PLACE_BEFORE = /(?:^|\s)(?:at|in|from|by|à|au|chez|par|de|d['’])\s*(?:the\s+|l['’]\s*|la\s+|le\s+)?$/iu;

/**
 * The reading with the university it names taken off its subject (or off the words before its type word) and kept
 * as `institution`. `history` tells whether earlier questions exist: then a question that names only a university
 * ("just the ones from Harvard") keeps no subject, and takes the one before (`read-conversation.ts`).
 */
export async function withInstitution(call: CallApi, reading: Reading, history: boolean): Promise<Reading> {
  const [subject, ...others] = reading.subjects;
  if (subject !== undefined) {
    for (const { before, place } of placesIn(subject)) {
      const institution = await findInstitution(call, place);
      if (!institution) continue;
      const cut = (text: string) => !text.includes(place);
      return {
        ...reading,
        institution,
        subjects: [before, ...others],
        alternatives: reading.alternatives.filter((a) => cut(a.subject) && cut(a.rest ?? "")),
        spans: reading.spans.filter((s) => cut(s.subject)),
      };
    }
    const at = reading.text.lastIndexOf(subject);
    const placed = at > 0 && PLACE_BEFORE.test(reading.text.slice(0, at));
    // "labs at ETH working on glaciers": the university leads the subject, its topic follows a topic marker.
    const split = reading.alternatives.find((a) => a.rest !== undefined);
    const head = trimTrailingFrame(split?.subject ?? "");
    const leads =
      placed && others.length === 0 && split?.rest && head !== "" && (await findInstitution(call, head));
    if (leads && split?.rest)
      return { ...reading, institution: leads, subjects: [split.rest], alternatives: [], spans: [] };
    // "linguistics MOOCs from MIT": the topic leads the type word, the university alone follows it.
    const topic = reading.unused.join(" ");
    const after = placed && others.length === 0 && topic !== "" && (await findInstitution(call, subject));
    if (after)
      return { ...reading, institution: after, subjects: [topic], unused: [], alternatives: [], spans: [] };
    const institution = history && others.length === 0 && placed && (await findInstitution(call, subject));
    if (institution)
      return { ...reading, institution, subjects: [], alternatives: [], spans: [], followUp: true };
  }
  // "Stanford lectures on …", "EPFL courses about …": the words before the type word.
  const leading = reading.unused.join(" ");
  const institution = leading !== "" && (await findInstitution(call, leading));
  return institution ? { ...reading, institution, unused: [] } : reading;
}

/** The ways `subject` may end with a place ("X from Harvard"): the words before and the name, longest name first. */
function placesIn(subject: string): { before: string; place: string }[] {
  const places: { before: string; place: string }[] = [];
  for (const match of subject.matchAll(PLACE_WORD)) {
    const before = trimTrailingFrame(subject.slice(0, match.index));
    const place = subject.slice(match.index + match[0].length).trim();
    const named = match[1] !== undefined || /^\p{Lu}/u.test(place);
    if (before !== "" && place !== "" && named) places.push({ before, place });
  }
  return places.slice(0, MAX_PLACES);
}

/** `text` without the frame, type and cue words at its end ("informatique proposés" → "informatique"). */
function trimTrailingFrame(text: string): string {
  const words = text.trim().split(/\s+/);
  const frame = (word: string) =>
    FRAME_WORDS.has(fold(word)) ||
    TYPE_WORDS.has(fold(word)) ||
    CUE_WORDS.some(([, set]) => set.has(fold(word)));
  while (words.length > 0 && frame(words.at(-1) ?? "")) words.pop();
  return words.join(" ");
}

interface UnitBody {
  readonly record?: {
    readonly name?: Readonly<Record<string, string>>;
    readonly links?: readonly { readonly rel: string }[];
    readonly attrs?: Readonly<Record<string, unknown>>;
  };
  readonly neighbourCounts?: Readonly<Record<string, number>>;
}

/** The types whose records say where they come from (concepts and categories do not). */
const PLACED_TYPES = "course,mooc,lecture,publication,person,unit";

/** How many of the search's hits for a name are read to see whether records name it as their institution. */
const PLACE_HITS = 5;

/**
 * The university `name` names in the graph: a unit with no parent that other units belong to (with its names), or
 * the institution (affiliation, venue) of one of the first records the search finds for it, said whole enough
 * (`namesInstitution`, strict); undefined when it names none.
 */
async function findInstitution(call: CallApi, name: string): Promise<Institution | undefined> {
  const unit = await findNamed(call, name, ["unit"]);
  if (unit?.type === "unit") {
    const body = (await call({ method: "GET", path: `/api/unit/${encodeURIComponent(unit.id)}` })) as
      | UnitBody
      | undefined;
    const parent = (body?.record?.links ?? []).some((link) => link.rel === "parent");
    if (body?.record && !parent && (body.neighbourCounts?.unit ?? 0) > 0) {
      // Named as the graph names it ("EPFL (demo)" for "EPFL (demo"), known by the other names too.
      const names = [name, ...Object.values(body.record.name ?? {}), ...institutionsOf(body.record.attrs)];
      const aka = [...new Set(names)].filter((n) => n !== unit.name).slice(0, 4);
      return { name: unit.name, unit: unit.id, ...(aka.length > 0 ? { aka } : {}) };
    }
  }
  const found = (await call({
    method: "GET",
    path: "/api/search",
    query: { q: name, types: PLACED_TYPES, limit: String(PLACE_HITS) },
  })) as { items?: { type: string; id: string }[] } | undefined;
  for (const hit of found?.items ?? []) {
    const body = (await call({
      method: "GET",
      path: `/api/${hit.type}/${encodeURIComponent(hit.id)}`,
    })) as UnitBody | undefined;
    if (institutionsOf(body?.record?.attrs).some((value) => namesInstitution(name, value, true)))
      return { name };
  }
  return undefined;
}
