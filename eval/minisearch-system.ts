/**
 * MiniSearch over the same records as Campus Graph, configured once for every comparison (the search eval, the
 * in-process and the HTTP benchmarks): name, aliases, keywords and description, boosted in that order, fuzzy 0.2
 * and prefix matching for search; name and alias prefixes for autocomplete.
 */
import MiniSearch from "minisearch";
import { type CorpusRecord, displayName } from "../src/core/record.js";
import type { Store } from "../src/store/store.js";

/** A record as MiniSearch indexes it; `key` is `type:id`. */
export interface FlatRecord {
  readonly key: string;
  readonly name: string;
  readonly aliases: string;
  readonly keywords: string;
  readonly description: string;
}

/** MiniSearch's search and autocomplete, answering ranked `type:id` keys. */
export interface MiniSearchSystem {
  /** The best `limit` records for `query`. */
  search(query: string, limit: number): string[];
  /** The best `limit` records whose name or alias starts with `query`'s words. */
  complete(query: string, limit: number): string[];
}

/** Indexes every record of `store` in MiniSearch. */
export async function buildMiniSearch(store: Store): Promise<MiniSearchSystem> {
  const records: FlatRecord[] = [];
  for await (const record of store.scanRecords()) records.push(flattenRecord(record));
  const index = new MiniSearch<FlatRecord>({
    idField: "key",
    fields: ["name", "aliases", "keywords", "description"],
    searchOptions: { boost: { name: 4, aliases: 3, keywords: 2 }, fuzzy: 0.2, prefix: true },
  });
  index.addAll(records);
  const keys = (results: readonly { id: unknown }[], limit: number) =>
    results.slice(0, limit).map((r) => String(r.id));
  return {
    search: (query, limit) => keys(index.search(query), limit),
    complete: (query, limit) =>
      keys(index.search(query, { fields: ["name", "aliases"], prefix: true, fuzzy: false }), limit),
  };
}

/** The fields MiniSearch indexes of one record: every language's name, aliases, keywords, descriptions. */
export function flattenRecord(record: CorpusRecord): FlatRecord {
  return {
    key: `${record.type}:${record.id}`,
    name: Object.values(record.name).join(" ") || displayName(record),
    aliases: (record.aliases ?? []).join(" "),
    keywords: (record.keywords ?? []).join(" "),
    description: Object.values(record.description ?? {}).join(" "),
  };
}
