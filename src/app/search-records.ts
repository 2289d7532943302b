/**
 * The search and autocomplete use cases: validate the input (types, limit, offset; the text itself is never
 * an error), make sure the index is built, and shape the output the CLI and the HTTP API print.
 */
import { CampusGraphError } from "../core/errors.js";
import { KNOWN_TYPES } from "../core/record.js";
import { autocomplete } from "../search/autocomplete.js";
import { TYPE_WEIGHTS } from "../search/ranking.js";
import { type RankedHit, search } from "../search/search.js";
import type { Store } from "../store/store.js";
import type { TranslationTable } from "../text/learn-translations.js";
import { ensureSearchIndex, SEARCH_VERSION_KEY } from "./build-search-index.js";
import { TRANSLATIONS_KEY, tableFromJson } from "./corpus-translations.js";

/** Index maintenance, for the build step and the HTTP API to call through this one module. */
export { buildSearchIndex, ensureSearchIndex, refreshSearchIndex } from "./build-search-index.js";

/** The most hits one request returns. */
export const MAX_LIMIT = 100;
/** The deepest page: hits beyond it are not ranked. */
export const MAX_OFFSET = 1_000;

/** A search request as the CLI or the API receives it. */
export interface SearchRequest {
  readonly query: string;
  /** Only these types; default every type. An unknown type is an INVALID_ARGUMENT error. */
  readonly types?: readonly string[];
  /** "en" or "fr" (other values are an INVALID_ARGUMENT error). */
  readonly lang?: string;
  /** 1 to 100, default 10. */
  readonly limit?: number;
  /** 0 to 1,000, default 0. */
  readonly offset?: number;
  /**
   * Check first that the index is built and current (a count of records per type: cheap for one command,
   * too much per request); default true. A server checks once at start and passes false.
   */
  readonly ensureIndex?: boolean;
}

/** One hit as printed: a ranked hit without its internal match tier. */
export type SearchItem = Omit<RankedHit, "tier">;

/** A search response. */
export interface SearchResponse {
  readonly items: readonly SearchItem[];
  readonly total: number;
  readonly facets: Readonly<Record<string, number>>;
  /** For a query read as French, the English it was also matched as (`SearchResult.english`). */
  readonly english?: readonly string[];
}

/** An autocomplete response. */
export interface AutocompleteResponse {
  readonly items: readonly { readonly type: string; readonly id: string; readonly name: string }[];
}

/**
 * Searches every type (or the given ones), building the search index first if it is missing or stale; French
 * queries read through `translations`, default the store's learned table (`readTranslations`).
 */
export async function searchRecords(
  store: Store,
  request: SearchRequest,
  translations?: TranslationTable,
): Promise<SearchResponse> {
  const types = await checkTypes(store, request.types);
  const limit = checkRange("limit", request.limit ?? 10, 1, MAX_LIMIT);
  const offset = checkRange("offset", request.offset ?? 0, 0, MAX_OFFSET);
  if (request.lang !== undefined && request.lang !== "en" && request.lang !== "fr") {
    throw new CampusGraphError("INVALID_ARGUMENT", {
      problem: `unsupported language "${request.lang}" (en or fr)`,
    });
  }
  if (request.ensureIndex !== false) await ensureSearchIndex(store);
  const result = await search(store.search, request.query, {
    translations: translations ?? (await readTranslations(store)),
    ...(types ? { types } : {}),
    ...(request.lang ? { lang: request.lang } : {}),
    limit,
    offset,
  });
  return {
    items: result.items.map(({ type, id, name, description, score, highlight }) => ({
      type,
      id,
      name,
      description,
      score,
      highlight,
    })),
    total: result.total,
    facets: result.facets,
    ...(result.english.length > 0 ? { english: result.english } : {}),
  };
}

/** Suggests records whose names start with `request.query`, grouped by type. */
export async function autocompleteRecords(
  store: Store,
  request: Pick<SearchRequest, "query" | "types" | "limit" | "ensureIndex">,
): Promise<AutocompleteResponse> {
  const types = await checkTypes(store, request.types);
  const limit = checkRange("limit", request.limit ?? 8, 1, MAX_LIMIT);
  if (request.ensureIndex !== false) await ensureSearchIndex(store);
  return { items: await autocomplete(store.search, request.query, { ...(types ? { types } : {}), limit }) };
}

const readTables = new WeakMap<object, { token?: string; stamp?: string; table: TranslationTable }>();

/**
 * The store's learned French → English table, read again only when the search index was written again (its
 * version stamp moved; looked at only when the store's change token moved, every time on an engine without one).
 */
export async function readTranslations(store: Store): Promise<TranslationTable> {
  const token = store.changeToken();
  const kept = readTables.get(store);
  if (kept !== undefined && token !== undefined && kept.token === token) return kept.table;
  const stamp = await store.getMeta(SEARCH_VERSION_KEY);
  if (kept !== undefined && kept.stamp === stamp) {
    readTables.set(store, { ...kept, ...(token === undefined ? {} : { token }) });
    return kept.table;
  }
  const table = await readStoredTranslations(store);
  readTables.set(store, {
    table,
    ...(token === undefined ? {} : { token }),
    ...(stamp === undefined ? {} : { stamp }),
  });
  return table;
}

/** The learned French → English table stored with the search index (the empty table when there is none). */
export async function readStoredTranslations(store: Pick<Store, "getMeta">): Promise<TranslationTable> {
  return tableFromJson(await store.getMeta(TRANSLATIONS_KEY));
}

async function checkTypes(store: Store, types: readonly string[] | undefined): Promise<string[] | undefined> {
  if (types === undefined || types.length === 0) return undefined;
  const known = new Set<string>([...KNOWN_TYPES, ...Object.keys(TYPE_WEIGHTS)]);
  if (types.some((t) => !known.has(t))) {
    for (const t of Object.keys(await store.countRecords())) known.add(t);
  }
  const unknown = types.find((t) => !known.has(t));
  if (unknown !== undefined) {
    throw new CampusGraphError("INVALID_ARGUMENT", {
      problem: `unknown type "${unknown}" (known: ${[...known].sort().join(", ")})`,
    });
  }
  return [...new Set(types)];
}

function checkRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new CampusGraphError("INVALID_ARGUMENT", {
      problem: `${name} must be a whole number from ${min} to ${max}, got ${value}`,
    });
  }
  return value;
}

/** Splits a list of types as typed ("concept, course") into type names. */
export function splitTypes(value: string): string[] {
  return value
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
}
