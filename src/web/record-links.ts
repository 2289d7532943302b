/**
 * Small shared pieces of the pages: a record's URL, its type's display order, and the short text that
 * stands for it in a list (localised name, code, one-line excerpt).
 */

import { readRecords } from "../app/read-records.js";
import { type CorpusRecord, displayName, ENTITY_TYPES } from "../core/record.js";
import { type Lang, localText } from "../i18n/lang.js";
import type { RecordKey, Store } from "../store/store.js";

/** Record types in the order tabs and facets show them; other types follow alphabetically. */
export const KNOWN_TYPE_ORDER: readonly string[] = ["concept", ...ENTITY_TYPES, "category"];

/** The order of neighbour sections on a page: records first, then concepts, then categories, then others. */
export const SECTION_ORDER: readonly string[] = [...ENTITY_TYPES, "concept", "category"];

/** Sorts types by `order`, unknown ones last in alphabetical order. */
export function sortTypes(types: Iterable<string>, order: readonly string[] = SECTION_ORDER): string[] {
  const rank = (type: string) => {
    const i = order.indexOf(type);
    return i === -1 ? order.length : i;
  };
  return [...types].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The page of a record: each key part one percent-encoded path segment. */
export function recordHref(key: RecordKey): string {
  return `/${encodeURIComponent(key.type)}/${encodeURIComponent(key.id)}`;
}

/** A record as a list item shows it. */
export interface RecordSummary {
  readonly type: string;
  readonly id: string;
  readonly name: string;
  /** The language of `name` when it is not the page's. */
  readonly nameLang?: string;
  /** The start of the description (else of the text), cut at a word; empty when there is none. */
  readonly excerpt: string;
  readonly excerptLang?: string;
  /** A short code to show before the name (a course's id), if the type has one. */
  readonly code?: string;
  /** The record it is part of (a lecture's course or MOOC), when `loadSummaries` found it. */
  readonly partOf?: { readonly type: string; readonly id: string; readonly name: string };
}

const CODED_TYPES = new Set(["course"]);
const EXCERPT_CHARS = 220;

/** The summary of a record in `lang`; `fallbackName` stands in when the record does not exist. */
export function summarise(
  key: RecordKey,
  record: CorpusRecord | undefined,
  lang: Lang,
  fallbackName: string,
): RecordSummary {
  const code = CODED_TYPES.has(key.type) ? { code: key.id } : {};
  if (!record) return { type: key.type, id: key.id, name: fallbackName || key.id, excerpt: "", ...code };
  const name = displayName(record, lang);
  const nameLang = record.name[lang]
    ? undefined
    : Object.entries(record.name).find(([, v]) => v === name)?.[0];
  const text = localText(record.description, lang) ?? localText(record.text, lang);
  return {
    type: key.type,
    id: key.id,
    name: name || key.id,
    ...(nameLang && nameLang !== lang ? { nameLang } : {}),
    excerpt: text ? cutText(text.text, EXCERPT_CHARS) : "",
    ...(text && text.lang !== lang ? { excerptLang: text.lang } : {}),
    ...code,
  };
}

/** Summaries of `keys`, read from the store in parallel, with the record each is part of (a lecture's MOOC). */
export async function loadSummaries(
  store: Store,
  keys: readonly (RecordKey & { readonly name?: string })[],
  lang: Lang,
): Promise<RecordSummary[]> {
  const records = await readRecords(store, keys);
  const parentKeys = records.map((r) => r?.links?.find((l) => l.rel === "part_of"));
  const wanted = parentKeys.flatMap((k) => (k ? [{ type: k.type, id: k.id }] : []));
  const parents = wanted.length === 0 ? [] : await readRecords(store, wanted);
  let next = 0;
  return keys.map((key, i) => {
    const summary = summarise(key, records[i], lang, key.name ?? key.id);
    const link = parentKeys[i];
    if (!link) return summary;
    const parent = parents[next++];
    if (!parent) return summary;
    return { ...summary, partOf: { type: parent.type, id: parent.id, name: displayName(parent, lang) } };
  });
}

/** `text` cut to at most about `max` characters at a word boundary, with "…" when cut. */
export function cutText(text: string, max: number): string {
  // A page cuts dozens of course texts: the whitespace of a head long enough for the excerpt is flattened, and
  // of the whole text only when the head flattens to too little to decide the cut.
  const head = text.length > 4 * max ? text.slice(0, 4 * max) : text;
  const flatHead = head.replace(/\s+/g, " ").trim();
  const flat = head === text || flatHead.length > max + 1 ? flatHead : text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const space = flat.lastIndexOf(" ", max);
  return `${flat.slice(0, space > max * 0.6 ? space : max).replace(/[,;:.\s]+$/, "")}…`;
}

/** A readable label for a concept id when its record is not at hand ("T_cell" → "T cell"). */
export function idLabel(id: string): string {
  return id.replace(/_/g, " ");
}
