/**
 * The Store port: everything Campus Graph keeps, behind one narrow, engine-neutral, asynchronous contract.
 * Engines (sqlite/, postgres/) implement it; `store.contract.ts` is the suite every engine must pass.
 * Only the composition root in `src/app` knows which engine runs.
 */
import type { Correction, NewCorrection, NewReport, Report } from "../core/correction.js";
import type { CorpusRecord } from "../core/record.js";

/** A record's key. */
export interface RecordKey {
  readonly type: string;
  readonly id: string;
}

/** An organisational link as stored, with both ends. */
export interface StoredLink {
  readonly source: RecordKey;
  readonly rel: string;
  readonly target: RecordKey;
}

/** What an upsert of a batch did. */
export interface UpsertOutcome {
  /** Records that did not exist. */
  readonly inserted: number;
  /** Records that existed with different content, now replaced whole. */
  readonly updated: number;
  /** Records that existed with the same content: nothing was written. */
  readonly unchanged: number;
  /** The keys of the records inserted or updated, in the order given. */
  readonly changed: readonly RecordKey[];
}

/** How often an anchor text links to a concept (Wikipedia link statistics). */
export interface AnchorCount {
  readonly surface: string;
  readonly conceptId: string;
  readonly count: number;
}

/** Counts of the organisational links the store holds. */
export interface LinkCounts {
  /** Links in all. */
  readonly links: number;
  /** Links whose target record does not exist. */
  readonly danglingLinks: number;
}

/** The write side, only reachable inside `Store.transaction`. */
export interface StoreWriter extends SearchIndexWriter, GraphWriter, CurationWriter {
  /** Inserts or replaces each record by `(type, id)`, with its links; a record whose content is unchanged is not written. */
  upsertRecords(records: readonly CorpusRecord[]): Promise<UpsertOutcome>;
  /** Removes a record and its outgoing links; links pointing to it stay and become dangling. True when it existed. */
  removeRecord(key: RecordKey): Promise<boolean>;
  /** Sets a metadata value (corpus hash, last import…). */
  setMeta(key: string, value: string): Promise<void>;
  /** Replaces every anchor count of `source` (e.g. "enwiki") with `anchors`; other sources are untouched. */
  replaceAnchors(source: string, anchors: readonly AnchorCount[]): Promise<void>;
}

/** The read side of the store. */
export interface StoreReader extends SearchIndexReader, GraphReader, CurationReader {
  /** The record with this key, or undefined. */
  getRecord(key: RecordKey): Promise<CorpusRecord | undefined>;
  /** Every record of `type` (or of every type), in `(type, id)` order, streamed in batches. */
  scanRecords(type?: string): AsyncIterable<CorpusRecord>;
  /** Links whose source is `key`, in the record's own order. */
  linksFrom(key: RecordKey): Promise<StoredLink[]>;
  /** Links whose target is `key`, optionally of one relation, ordered by source. */
  linksTo(key: RecordKey, rel?: string): Promise<StoredLink[]>;
  /** Up to `limit` links whose target does not exist, ordered by source. */
  danglingLinks(limit: number): Promise<StoredLink[]>;
  /** Records per type, in type order (cheap: an index scan). */
  countRecords(): Promise<Record<string, number>>;
  /** Links in all and dangling links (a join over all links: not for every request). */
  countLinks(): Promise<LinkCounts>;
  /** A metadata value, or undefined. */
  getMeta(key: string): Promise<string | undefined>;
  /** Anchor counts summed over all sources, ordered by surface then concept. */
  scanAnchors(): AsyncIterable<AnchorCount>;
  /** Storage size in bytes (file size for SQLite, database size for a server), or undefined if unknown. */
  sizeBytes(): Promise<number | undefined>;
}

/** A Store: reads anywhere, writes inside one transaction at a time, all or nothing. */
export interface Store extends StoreReader {
  /** The engine's name, for logs: "sqlite" or "postgres". */
  readonly engine: string;
  /**
   * Runs `work` in one transaction: everything it writes is kept if it resolves and nothing is kept if it
   * throws (the error is rethrown). Transactions do not nest.
   */
  transaction<T>(work: (writer: StoreWriter) => Promise<T>): Promise<T>;
  /** Releases the connection; the store is unusable afterwards. */
  close(): Promise<void>;
}

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
  /** Best `limit` documents for a full-text query, by weighted BM25. */
  searchText(query: TextQuery): Promise<SearchHit[]>;
  /** How many documents match a full-text query, per type. */
  countTextMatches(query: TextQuery): Promise<Record<string, number>>;
  /** Documents with a name or alias whose match key equals one of `matchKeys`. */
  findByName(
    matchKeys: readonly string[],
    types: readonly string[] | undefined,
    limit: number,
  ): Promise<SearchHit[]>;
  /**
   * Keys of the documents holding `words` (keys, as in the text fields) one after the other in one field: a phrase.
   * At most `limit`, in no particular order.
   */
  findByPhrase(
    words: readonly string[],
    types: readonly string[] | undefined,
    limit: number,
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

/** A record as a neighbour list shows it. */
export interface NodeSummary {
  readonly type: string;
  readonly id: string;
  /** Display name: English, else French, else the first language. */
  readonly name: string;
}

/** The edge to a neighbour: a fact (`kind` is the relation, score 1) or a computed edge with its evidence. */
export interface EdgeSummary {
  readonly score: number;
  readonly kind: string;
  readonly evidence: Readonly<Record<string, unknown>>;
}

/** One neighbour of a node. */
export interface Neighbour {
  readonly node: NodeSummary;
  readonly edge: EdgeSummary;
}

/** A page of a node's ranked neighbours of one type, with how many there are in all. */
export interface NeighbourPage {
  readonly items: readonly Neighbour[];
  readonly total: number;
}

/** A ranked neighbour to store; rows of one source and target type are ranked in the order given. */
export interface NeighbourRow {
  readonly source: RecordKey;
  readonly target: RecordKey;
  readonly score: number;
  readonly kind: string;
  readonly evidence: Readonly<Record<string, unknown>>;
}

/** A node's importance in [0, 1] and its number of neighbours per type. */
export interface NodeScore {
  readonly key: RecordKey;
  readonly importance: number;
  readonly degrees: Readonly<Record<string, number>>;
}

/** The write side of the precomputed graph. */
export interface GraphWriter {
  /**
   * Replaces the neighbour lists of `sources` (of every node with "all") by `rows`; rows whose source is not
   * among `sources` are an error. Rows of one source and target type are ranked in the order given.
   */
  replaceNeighbours(sources: readonly RecordKey[] | "all", rows: Iterable<NeighbourRow>): Promise<void>;
  /** Replaces the scores of the given nodes (of every node with "all"). */
  replaceNodeScores(sources: readonly RecordKey[] | "all", scores: readonly NodeScore[]): Promise<void>;
}

/** The read side of the precomputed graph: indexed lookups, no traversal. */
export interface GraphReader {
  /** The node's neighbours of `targetType`, best first, `limit` from `offset`, with the total count. */
  neighbours(key: RecordKey, targetType: string, limit: number, offset: number): Promise<NeighbourPage>;
  /** How many neighbours the node has per type. */
  neighbourCounts(key: RecordKey): Promise<Record<string, number>>;
  /** Every node's score, in key order. */
  scanNodeScores(): AsyncIterable<NodeScore>;
  /**
   * Every stored neighbour row towards `targetType`, streamed, the rows of one source together and in rank
   * order (sources in storage order): what an incremental update reads instead of one list per node.
   */
  scanNeighbours(targetType: string): AsyncIterable<NeighbourRow>;
}

/** The write side of curation: corrections and reports, never touched by imports or builds. */
export interface CurationWriter {
  /** Stores a correction and returns it with its new number. */
  addCorrection(correction: NewCorrection): Promise<Correction>;
  /** Marks correction `id` withdrawn; false when there is none or it is withdrawn already. */
  withdrawCorrection(id: number, who: string, at: string): Promise<boolean>;
  /** Stores a reader's report and returns it with its new number. */
  addReport(report: NewReport): Promise<Report>;
}

/** The read side of curation. */
export interface CurationReader {
  /** Every correction, withdrawn ones included, oldest first. */
  listCorrections(): Promise<Correction[]>;
  /** The newest `limit` reports, newest first. */
  listReports(limit: number): Promise<Report[]>;
}
