/**
 * A record as a search document: its display fields and its text normalised per field.
 */
import { type CorpusRecord, displayName, type LangText } from "../core/record.js";
import type { SearchDocument, SearchName } from "../store/store.js";
import { matchKey, prefixKey, textKeys } from "./search-keys.js";

/** How much of each language's long text is indexed: the start of a text says what it is about. */
export const BODY_CHARS = 3_000;
/** How much of the description a hit may quote. */
export const SNIPPET_CHARS = 600;

/** Turns a record into its search document; `importance` in [0, 1] (undefined: neutral). */
export function toSearchDocument(record: CorpusRecord, importance?: number): SearchDocument {
  const name = displayName(record);
  return {
    type: record.type,
    id: record.id,
    name,
    snippet: snippetSource(record),
    ...(importance === undefined ? {} : { importance: Math.min(1, Math.max(0, importance)) }),
    names: searchNames(name, record),
    fields: {
      name: langTextKeys(record.name),
      aliases: (record.aliases ?? []).map((a) => textKeys(a)).join(" "),
      keywords: (record.keywords ?? []).map((k) => textKeys(k)).join(" "),
      description: langTextKeys(record.description),
      body: [langTextKeys(record.text, BODY_CHARS), attrsText(record)].filter((t) => t !== "").join(" "),
    },
  };
}

/** Short text attributes (a lecture's topic, a MOOC's platform or institution), searchable as body text. */
function attrsText(record: CorpusRecord): string {
  const texts: string[] = [];
  for (const value of Object.values(record.attrs ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === "string" && item.length <= 120 && !/^https?:\/\//.test(item))
        texts.push(textKeys(item));
    }
  }
  return texts.join(" ");
}

function searchNames(display: string, record: CorpusRecord): SearchName[] {
  const names: SearchName[] = [];
  const seen = new Set<string>();
  const add = (text: string, alias: boolean) => {
    const name = { matchKey: matchKey(text), prefixKey: prefixKey(text), text, alias };
    const key = `${name.matchKey}\u0000${name.prefixKey}`;
    if (name.prefixKey === "" || seen.has(key)) return;
    seen.add(key);
    names.push(name);
  };
  add(display, false);
  for (const text of Object.values(record.name)) add(text, false);
  for (const alias of record.aliases ?? []) add(alias, true);
  return names;
}

function langTextKeys(text: LangText | undefined, maxChars = Number.POSITIVE_INFINITY): string {
  if (text === undefined) return "";
  return Object.entries(text)
    .map(([lang, value]) => textKeys(value.length > maxChars ? value.slice(0, maxChars) : value, lang))
    .join(" ");
}

function snippetSource(record: CorpusRecord): string {
  const source = pickLang(record.description) ?? pickLang(record.text) ?? "";
  return source.length > SNIPPET_CHARS ? source.slice(0, SNIPPET_CHARS) : source;
}

function pickLang(text: LangText | undefined): string | undefined {
  if (text === undefined) return undefined;
  return text.en ?? text.fr ?? Object.values(text)[0];
}
