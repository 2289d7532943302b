/**
 * Answers of search and autocomplete kept for the index version they were computed on: users type the same
 * common queries again and again, and an answer cannot change until the search index is written again
 * (`SEARCH_VERSION_KEY`, stamped by every build or refresh) or a record removed (`DATA_VERSION_KEY`), in this process
 * or another one.
 */
import type { Store } from "../store/store.js";
import type { TranslationTable } from "../text/learn-translations.js";
import { SEARCH_VERSION_KEY } from "./build-search-index.js";
import { DATA_VERSION_KEY } from "./data-version.js";
import { LruMap } from "./lru-map.js";
import {
  type AutocompleteResponse,
  autocompleteRecords,
  readStoredTranslations,
  type SearchRequest,
  type SearchResponse,
  searchRecords,
} from "./search-records.js";

/** Options of `cachedSearches`. */
export interface SearchCacheOptions {
  /** Answers kept, least recently used dropped first; default 2,000, 0 keeps none. */
  readonly capacity?: number;
}

/** Search and autocomplete of one store, answering a request seen before on the same index from memory. */
export interface CachedSearches {
  /** `version`: the search data version the caller read for this request, if it did (else it is read here). */
  search(request: SearchRequest, version?: string): Promise<SearchResponse>;
  autocomplete(
    request: Pick<SearchRequest, "query" | "types" | "limit" | "ensureIndex">,
    version?: string,
  ): Promise<AutocompleteResponse>;
}

/**
 * Wraps `searchRecords` and `autocompleteRecords` over `store` with one LRU map of answers, keyed by the request
 * and emptied when the index version read before each request differs from the one the answers were made on.
 * Errors are never kept.
 */
export function cachedSearches(store: Store, options: SearchCacheOptions = {}): CachedSearches {
  const answers = new LruMap<string, unknown>(options.capacity ?? 2_000);
  let version: string | undefined;
  // The learned French → English table of the version answered from, read on its first search.
  let translations: Promise<TranslationTable> | undefined;
  async function remember<T>(key: string, compute: () => Promise<T>, known: string | undefined): Promise<T> {
    // A version read earlier for the same request is as good: it was read before the answer is computed.
    const current = known ?? (await searchDataVersion(store));
    if (current !== version) {
      answers.clear();
      version = current;
      translations = undefined;
    }
    const kept = answers.get(key);
    if (kept !== undefined) return kept as T;
    const answer = await compute();
    // Only when the index did not change while the answer was computed.
    if (version === current) answers.set(key, answer);
    return answer;
  }
  return {
    search: (request, version) =>
      remember(
        `s\u0000${requestKey(request)}\u0000${request.offset ?? 0}`,
        async () => {
          translations ??= readStoredTranslations(store);
          return searchRecords(store, request, await translations);
        },
        version,
      ),
    autocomplete: (request, version) =>
      remember(`a\u0000${requestKey(request)}`, () => autocompleteRecords(store, request), version),
  };
}

/**
 * A value that changes whenever what search, autocomplete, pages and neighbour lists show may have changed: the
 * search index is written again (every build, refresh, and every graph build or update through the CLI, which
 * re-index importance after), records were removed, or the engine answers from tables it derived anew from a
 * write of the index (an answer made between that write and those tables is not kept past them). Read again
 * only when the store's change token moved (every time on an engine that has none).
 */
export async function searchDataVersion(
  store: Pick<Store, "getMeta" | "search" | "changeToken">,
): Promise<string> {
  const token = store.changeToken();
  const known = knownVersions.get(store);
  if (token !== undefined && known?.token === token) return known.version;
  const stamps = await Promise.all([
    store.getMeta(SEARCH_VERSION_KEY),
    store.getMeta(DATA_VERSION_KEY),
    store.search.searchTablesVersion(),
  ]);
  const version = stamps.join("\u0000");
  // Read after the token: never older than what the token stands for.
  if (token !== undefined) knownVersions.set(store, { token, version });
  return version;
}

const knownVersions = new WeakMap<object, { readonly token: string; readonly version: string }>();

function requestKey(request: Pick<SearchRequest, "query" | "types" | "limit" | "lang">): string {
  return [request.query, request.types?.join(",") ?? "", request.limit ?? "", request.lang ?? ""].join(
    "\u0000",
  );
}
