/** The Store port's search index: documents prepared by `src/search`, matched and ranked by the engine. */
import type { RecordKey } from "./records-port.js";

/**
 * A record as the search index holds it. Text fields are already normalised by `src/search` (folded, stemmed
 * keys joined by spaces), so an engine only splits on spaces and every engine matches alike.
 */
export interface SearchDocument {
  readonly type: string;
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** Plain text that hits quote (the start of the description), not normalised. */
  readonly snippet: string;
  /** Importance in [0, 1] (e.g. a degree score); undefined means neutral. */
  readonly importance?: number;
  /** Every name (first the display name) and alias, as keys for exact matches and autocomplete. */
  readonly names: readonly SearchName[];
  /** Normalised keys per field, space-separated. */
  readonly fields: SearchFields;
}

/** One name or alias of a search document. */
export interface SearchName {
  /** Stemmed keys joined by one space ("interleukin 6"): equal keys are an exact match. */
  readonly matchKey: string;
  /** Folded, unstemmed words joined by one space ("interleukins 6"): autocomplete matches its prefixes. */
  readonly prefixKey: string;
  /** Display text of this name. */
  readonly text: string;
  readonly alias: boolean;
}

/** The normalised text of a search document, per field, best field first. */
export interface SearchFields {
  readonly name: string;
  readonly aliases: string;
  readonly keywords: string;
  readonly description: string;
  readonly body: string;
}

/** Per-field weights of full-text relevance (BM25), in `SearchFields` order. */
export type SearchFieldWeights = readonly [number, number, number, number, number];

/** A full-text query: groups of alternative keys (a word and its corrections); every group, or any, must match. */
export interface TextQuery {
  readonly groups: readonly (readonly string[])[];
  readonly require: "all" | "any";
  /** Only these types; undefined or empty means every type. */
  readonly types?: readonly string[];
  readonly weights: SearchFieldWeights;
  readonly limit: number;
  /** Match in these fields only; default every field. */
  readonly fields?: readonly (keyof SearchFields)[];
  /**
   * Besides the best `limit` of every type, the best `perType` of each type (of `types`), all best first, each
   * document once; default 0. An engine reads no further for a type whose best `perType` are among the best `limit`.
   */
  readonly perType?: number;
}

/** A search document found by the index, with what ranking needs. */
export interface SearchHit {
  readonly type: string;
  readonly id: string;
  readonly name: string;
  readonly snippet: string;
  readonly importance?: number;
  /** Full-text relevance, higher is better (0 when found otherwise than by full text). */
  readonly relevance: number;
  /** Match keys of the document's names, display name first. */
  readonly nameKeys: readonly string[];
}

/** An autocomplete candidate: a document one of whose names starts with the prefix. */
export interface NameCompletion {
  readonly type: string;
  readonly id: string;
  readonly name: string;
  /** The name or alias that matched. */
  readonly matched: string;
  readonly alias: boolean;
  /** True when the name itself starts with the prefix, false when a later word of it does. */
  readonly fromStart: boolean;
  readonly importance?: number;
}

/** A vocabulary word of names and aliases with its document frequency. */
export interface TermCount {
  readonly term: string;
  readonly df: number;
}

/** The write side of the search index (inside `Store.transaction`). */
export interface SearchIndexWriter {
  /** Removes every search document. */
  clearSearchIndex(): Promise<void>;
  /** Adds or replaces these documents by `(type, id)`; a document whose record does not exist is skipped. */
  putSearchDocuments(docs: readonly SearchDocument[]): Promise<void>;
}

/** The read side of the search index. */
export interface SearchIndexReader {
  /** Documents in the index. */
  countSearchDocuments(): Promise<number>;
  /** Best `limit` documents for a full-text query by weighted BM25, and the best `perType` of each type. */
  searchText(query: TextQuery): Promise<SearchHit[]>;
  /** How many documents match a full-text query, per type. */
  countTextMatches(query: TextQuery): Promise<Record<string, number>>;
  /**
   * True when `countTextMatches` costs less than ranking the same query (an engine that counts from postings held
   * in memory), so that a caller may count before it ranks; false when a count is a statement of its own.
   */
  readonly countsBeforeRanking: boolean;
  /** Documents with a name or alias whose match key equals one of `matchKeys`. */
  findByName(
    matchKeys: readonly string[],
    types: readonly string[] | undefined,
    limit: number,
  ): Promise<SearchHit[]>;
  /**
   * Which of `candidates` hold `words` (keys, as in the text fields) one after the other in one field, a phrase;
   * none when `common` or more documents of `types` hold it (a phrase that many hold tells documents little apart).
   */
  findPhraseHolders(
    words: readonly string[],
    candidates: readonly RecordKey[],
    types: readonly string[] | undefined,
    common: number,
  ): Promise<RecordKey[]>;
  /** Documents whose id equals `id`, exactly or ignoring case, exact ones first. */
  findById(id: string, types: readonly string[] | undefined, limit: number): Promise<SearchHit[]>;
  /**
   * Names and aliases whose prefix key starts with `prefix` (a bounded, unranked sample when very many do),
   * then, when fewer than `limit`, names with a later word that does; the caller ranks them.
   */
  completeNames(
    prefix: string,
    types: readonly string[] | undefined,
    limit: number,
  ): Promise<NameCompletion[]>;
  /** Name and alias words within `maxEdits` edits of `term` (insert, delete, replace, swap), closest first. */
  similarTerms(term: string, maxEdits: number, limit: number): Promise<TermCount[]>;
  /** True when `term` occurs anywhere in the index. */
  hasTerm(term: string): Promise<boolean>;
  /**
   * Which tables derived in memory the index answers from, for caches of answers to key on: it changes when an
   * engine that derives such tables starts answering from new ones, which may be a moment after the commit that
   * wrote the index (another process's); an engine that derives none returns "".
   */
  searchTablesVersion(): Promise<string>;
}
