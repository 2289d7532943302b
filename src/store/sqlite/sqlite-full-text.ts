/**
 * Full-text ranking, match counts and phrases of the SQLite search index, from the postings held in memory
 * (`term-index.ts`) with the key ids they were numbered with, derived from each document's key ids
 * (`search_tokens`) among the search tables (`search-memory.ts`): BM25 as FTS5 computes it, the best documents
 * found without scoring every match (`top-documents.ts`). FTS5 is left the phrases that no count of adjacent keys
 * decides.
 */
import type Database from "better-sqlite3";
import { toHit } from "../engine-parts.js";
import type { RecordKey, SearchFields, SearchHit, TextQuery } from "../store.js";
import { type HitRow, readHitRows } from "./hit-rows.js";
import { type KeyIds, keyIdOf } from "./key-ids.js";
import { countMatches } from "./match-counts.js";
import type { SearchMemory } from "./search-memory.js";
import type { SearchTables } from "./search-tables.js";
import { prepared, quote, TYPE_FILTER, typesParameter } from "./statements.js";
import type { TermIds } from "./term-ids.js";
import {
  buildTermIndex,
  decodeTokens,
  encodeTokens,
  holders,
  pairKey,
  type TermIndex,
} from "./term-index.js";
import {
  type ImpactOrder,
  impactOrder,
  type ScoredDocument,
  splitByType,
  topDocuments,
  typePart,
} from "./top-documents.js";

/** A key's impact order under some field weights, and the same split by type once a query for one type asked. */
interface KeyOrders {
  readonly whole: ImpactOrder;
  byType?: Map<number, ImpactOrder>;
}

const FIELD_NAMES: readonly (keyof SearchFields)[] = ["name", "aliases", "keywords", "description", "body"];
// Impact orders kept (postings, over every key and weighting) before they are all dropped and made again.
const IMPACT_ORDER_POSTINGS = 4_000_000;

/** The full-text side of one connection's search index. */
export class SqliteFullText {
  // The tables the impact orders below were made from: new tables, new orders.
  private orderedFrom: SearchTables | undefined;
  // Impact orders by field weights, then key id; and how many postings they hold in all.
  private impactOrders = new Map<string, Map<number, KeyOrders>>();
  private impactPostings = 0;

  /** The full text of connection `db`, ranked from the postings among `memory`'s tables. */
  constructor(
    private readonly db: Database.Database,
    private readonly memory: SearchMemory,
  ) {}

  /** Stores the key ids of document `pk`'s fields, numbering new keys with `terms`. */
  putTokens(pk: number, fields: SearchFields, terms: TermIds): void {
    const ids = FIELD_NAMES.map((field) => {
      const keys: number[] = [];
      for (const key of fields[field].split(" ")) if (key !== "") keys.push(terms.idOf(key));
      return keys;
    });
    prepared(this.db, "INSERT INTO search_tokens (doc, tokens) VALUES (?, ?)").run(pk, encodeTokens(ids));
  }

  /** Best documents of a full-text query by weighted BM25. */
  searchText(query: TextQuery): SearchHit[] {
    const { postings: index, keyIds } = this.tables();
    const groups = heldIds(keyIds, query.groups);
    const types = typeCodes(index, query.types);
    if (groups.every((g) => g.length === 0) || types?.size === 0) return [];
    const weights = fieldWeights(query);
    const orders = this.impactOrdersFor(weights);
    const whole = (term: number): KeyOrders => {
      let order = orders.get(term);
      if (order === undefined) {
        order = { whole: impactOrder(index, term, weights) };
        orders.set(term, order);
        this.impactPostings += order.whole.postings.length;
      }
      return order;
    };
    // A query for one type reads that type's postings in their own order: "energy" among courses, not among the
    // concepts and publications ahead of them.
    const ofType = (term: number, type: number): ImpactOrder => {
      const order = whole(term);
      if (order.byType === undefined) {
        order.byType = splitByType(index, order.whole);
        this.impactPostings += order.whole.postings.length;
      }
      return typePart(order.byType, order.whole, type);
    };
    const termQuery = { groups, require: query.require, weights, types, limit: query.limit };
    const best = (limit: number, type: number | undefined): ScoredDocument[] =>
      type === undefined
        ? topDocuments(index, { ...termQuery, limit }, (term) => whole(term).whole)
        : topDocuments(index, { ...termQuery, limit, types: new Set([type]) }, (term) => ofType(term, type));
    const only = types?.size === 1 ? [...types][0] : undefined;
    const top = best(query.limit, only);
    const perType = query.perType ?? 0;
    if (perType > 0 && top.length >= query.limit) {
      const codes = [...(types ?? index.typeNames.keys())].filter((c) => c > 0);
      const known = new Set(top.map((t) => t.pk));
      for (const code of unfilledTypes(index, top, codes, perType)) {
        for (const doc of best(perType, code)) if (!known.has(doc.pk)) top.push(doc);
      }
      top.sort((a, b) => b.relevance - a.relevance || a.pk - b.pk);
    }
    if (top.length === 0) return [];
    // Read the few documents kept.
    const byPk = this.readHits(top.map((t) => t.pk));
    const hits: SearchHit[] = [];
    for (const { pk, relevance } of top) {
      const row = byPk.get(pk);
      if (row !== undefined) hits.push(toHit({ ...row, relevance }));
    }
    return hits;
  }

  /**
   * True when some document holds `key` in some field, from the postings held (as the typo vocabulary is): no
   * FTS5 query, which cost a tenth of a rare word's search.
   */
  holdsKey(key: string): boolean {
    const { postings, keyIds } = this.tables();
    const id = keyIdOf(keyIds, key);
    return id !== undefined && holders(postings, id) > 0;
  }

  /** Matching documents per type. */
  countTextMatches(query: TextQuery): Record<string, number> {
    const { postings: index, keyIds } = this.tables();
    const fields = query.fields?.map((f) => FIELD_NAMES.indexOf(f)).filter((f) => f >= 0);
    const perCode = countMatches(index, {
      groups: heldIds(keyIds, query.groups),
      require: query.require,
      ...(fields === undefined || fields.length === 0 ? {} : { fields }),
    });
    const wanted = query.types === undefined || query.types.length === 0 ? undefined : new Set(query.types);
    const counts: Record<string, number> = {};
    index.typeNames.forEach((type, code) => {
      const n = perCode[code] ?? 0;
      if (code > 0 && n > 0 && (wanted === undefined || wanted.has(type))) counts[type] = n;
    });
    return counts;
  }

  /**
   * Which of `candidates` (of `types`) hold `words` as a phrase in one field; none when `common` or more
   * documents of `types` hold it. The candidates' keys are read from their stored rows.
   */
  findPhraseHolders(
    words: readonly string[],
    candidates: readonly RecordKey[],
    types: readonly string[] | undefined,
    common: number,
  ): RecordKey[] {
    if (words.length === 0 || candidates.length === 0) return [];
    const { postings: index, keyIds } = this.tables();
    const held = heldIds(
      keyIds,
      words.map((w) => [w]),
    ).map((g) => g[0]);
    // The stored rows number their keys as the database does now, which the tables held may predate.
    const ids = this.storedIds(words).map((g) => g[0]);
    if (ids.some((id) => id === undefined)) return [];
    const phrase = ids as number[];
    if (
      held.every((id) => id !== undefined) &&
      this.phraseIsCommon(index, words, held as number[], types, common)
    )
      return [];
    const wanted = types === undefined || types.length === 0 ? undefined : new Set(types);
    const rows = prepared(
      this.db,
      `SELECT r.type, r.id, t.tokens FROM json_each(?) j
         JOIN records r ON r.type = j.value ->> 0 AND r.id = j.value ->> 1
         JOIN search_tokens t ON t.doc = r.pk`,
    ).all(JSON.stringify(candidates.map((c) => [c.type, c.id]))) as {
      type: string;
      id: string;
      tokens: Uint8Array;
    }[];
    return rows
      .filter((r) => (wanted === undefined || wanted.has(r.type)) && holdsPhrase(r.tokens, phrase))
      .map((r) => ({ type: r.type, id: r.id }));
  }

  /** The stored rows of documents `pks`, by pk (see `readHitRows`). */
  readHits(pks: readonly number[]): Map<number, HitRow> {
    const tables = this.tables();
    return readHitRows(this.db, pks, this.memory.isCurrent(tables) ? tables.names : undefined);
  }

  /** The tables to answer from; the impact orders made from others are dropped. */
  private tables(): SearchTables {
    const tables = this.memory.current();
    if (tables !== this.orderedFrom) {
      this.orderedFrom = tables;
      this.impactOrders = new Map();
      this.impactPostings = 0;
    }
    return tables;
  }

  /** The key id of each of `words` as the database numbers it now, in a list of its own; none when it lacks it. */
  private storedIds(words: readonly string[]): number[][] {
    const groups = words.map((w) => [w]);
    const keys = [...new Set(groups.flat())].filter((k) => k !== "" && !k.includes("\u0000"));
    const found = new Map<string, number>();
    if (keys.length > 0) {
      const rows = prepared(
        this.db,
        "SELECT term, id FROM search_vocabulary WHERE term IN (SELECT value FROM json_each(?))",
      )
        .raw(true)
        .all(JSON.stringify(keys)) as [string, number][];
      for (const [term, id] of rows) found.set(term, id);
    }
    return groups.map((alternatives) =>
      alternatives.flatMap((k) => {
        const id = found.get(k);
        return id === undefined ? [] : [id];
      }),
    );
  }

  /** The impact orders made for these field weights, key by key; all are dropped when they hold too much. */
  private impactOrdersFor(weights: readonly number[]): Map<number, KeyOrders> {
    if (this.impactPostings > IMPACT_ORDER_POSTINGS) {
      this.impactOrders = new Map();
      this.impactPostings = 0;
    }
    const key = weights.join(" ");
    let orders = this.impactOrders.get(key);
    if (orders === undefined) {
      orders = new Map();
      this.impactOrders.set(key, orders);
    }
    return orders;
  }

  /**
   * True when `common` or more documents of `types` hold the phrase. Two adjacent keys, one of them held by
   * fewer than `index.pairMinDocs` documents, are held together by fewer; the pairs of frequent keys are counted.
   * Only a phrase of three words or more whose every pair is that common is looked for in FTS5.
   */
  private phraseIsCommon(
    index: TermIndex,
    words: readonly string[],
    ids: readonly number[],
    types: readonly string[] | undefined,
    common: number,
  ): boolean {
    const codes = typeCodes(index, types);
    if (ids.length === 1) {
      return sumCodes(countMatches(index, { groups: [ids], require: "all" }), codes) >= common;
    }
    if (common >= index.pairMinDocs) {
      for (let i = 0; i + 1 < ids.length; i += 1) {
        const [a, b] = [ids[i] ?? 0, ids[i + 1] ?? 0];
        if (holders(index, a) < index.pairMinDocs || holders(index, b) < index.pairMinDocs) return false;
        const perCode = index.pairs.get(pairKey(a, b, index.keys));
        if (perCode === undefined || sumCodes(perCode, codes) < common) return false;
      }
      if (ids.length === 2) return true;
    }
    const t = typesParameter(types);
    const found = prepared(
      this.db,
      `SELECT count(*) FROM (SELECT 1 FROM search_text f JOIN search_docs d ON d.pk = f.rowid
         WHERE search_text MATCH ? AND ${TYPE_FILTER} LIMIT ?)`,
    )
      .pluck()
      .get(quote(words.join(" ")), t, t, common) as number;
    return found >= common;
  }
}

/**
 * The type codes among `codes` whose best `perType` are not known from `top`, the best documents of every type:
 * those of a type scoring above the last of `top` are that type's best (no document left unread scores above
 * it), so a type with `perType` of them needs no pass of its own. With fewer than asked, `top` holds every match.
 */
function unfilledTypes(
  index: TermIndex,
  top: readonly ScoredDocument[],
  codes: readonly number[],
  perType: number,
): number[] {
  const last = top[top.length - 1]?.relevance ?? Number.POSITIVE_INFINITY;
  const above = new Map<number, number>();
  for (const { pk, relevance } of top) {
    if (relevance <= last) continue;
    const code = index.typeOf[pk] ?? 0;
    above.set(code, (above.get(code) ?? 0) + 1);
  }
  return codes.filter((code) => (above.get(code) ?? 0) < perType);
}

/** The query's weight per field, 0 for the fields it leaves out. */
function fieldWeights(query: TextQuery): number[] {
  const allowed = query.fields?.filter((f) => FIELD_NAMES.includes(f));
  return FIELD_NAMES.map((field, i) =>
    allowed === undefined || allowed.length === 0 || allowed.includes(field) ? (query.weights[i] ?? 0) : 0,
  );
}

/** The type codes of `types`, or undefined for every type. */
function typeCodes(index: TermIndex, types: readonly string[] | undefined): Set<number> | undefined {
  if (types === undefined || types.length === 0) return undefined;
  const wanted = new Set(types);
  const codes = new Set<number>();
  index.typeNames.forEach((type, code) => {
    if (code > 0 && wanted.has(type)) codes.add(code);
  });
  return codes;
}

/** The sum of the counts of `codes` (every type when undefined). */
function sumCodes(perCode: Int32Array, codes: ReadonlySet<number> | undefined): number {
  let sum = 0;
  perCode.forEach((n, code) => {
    if (code > 0 && (codes === undefined || codes.has(code))) sum += n;
  });
  return sum;
}

/** True when a document's stored keys hold the key ids `phrase` one after the other in one field. */
function holdsPhrase(tokens: Uint8Array, phrase: readonly number[]): boolean {
  return decodeTokens(tokens).some((ids) => {
    for (let i = 0; i + phrase.length <= ids.length; i += 1) {
      if (phrase.every((id, j) => ids[i + j] === id)) return true;
    }
    return false;
  });
}

/** The key ids of each group's keys among the tables held, in order; keys they lack left out. */
function heldIds(keyIds: KeyIds, groups: readonly (readonly string[])[]): number[][] {
  return groups.map((alternatives) =>
    alternatives.flatMap((k) => {
      const id = keyIdOf(keyIds, k);
      return id === undefined ? [] : [id];
    }),
  );
}

/** Reads every document's stored keys and type and builds the postings, in one read transaction. */
export function readTermIndex(db: Database.Database): TermIndex {
  // One read transaction: the keys, the vocabulary's size and the types are of the same commit.
  const [rows, keys, types] = db.transaction((): [[number, Uint8Array][], number, [number, string][]] => [
    prepared(db, "SELECT doc, tokens FROM search_tokens ORDER BY doc").raw(true).all() as [
      number,
      Uint8Array,
    ][],
    (prepared(db, "SELECT max(id) FROM search_vocabulary").pluck().get() as number | null) ?? 0,
    prepared(db, "SELECT pk, type FROM search_docs ORDER BY type").raw(true).all() as [number, string][],
  ])();
  // Type code 0 is "no document".
  const typeNames = ["", ...new Set(types.map(([, type]) => type))];
  const code = new Map(typeNames.map((name, i) => [name, i]));
  const typeOf = new Uint16Array(types.reduce((max, [pk]) => Math.max(max, pk), 0) + 1);
  for (const [pk, type] of types) typeOf[pk] = code.get(type) ?? 0;
  return buildTermIndex({ rows, typeOf, typeNames, keys });
}
