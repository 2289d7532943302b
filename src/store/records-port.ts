/** The Store port's records: what was imported, with its organisational links, metadata and anchor counts. */
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

/** The write side of records, links, metadata and anchors. */
export interface RecordWriter {
  /** Inserts or replaces each record by `(type, id)`, with its links; a record whose content is unchanged is not written. */
  upsertRecords(records: readonly CorpusRecord[]): Promise<UpsertOutcome>;
  /** Removes a record and its outgoing links; links pointing to it stay and become dangling. True when it existed. */
  removeRecord(key: RecordKey): Promise<boolean>;
  /** Sets a metadata value (corpus hash, last import…). */
  setMeta(key: string, value: string): Promise<void>;
  /** Replaces every anchor count of `source` (e.g. "enwiki") with `anchors`; other sources are untouched. */
  replaceAnchors(source: string, anchors: readonly AnchorCount[]): Promise<void>;
}

/** The read side of records, links, metadata and anchors. */
export interface RecordReader {
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
