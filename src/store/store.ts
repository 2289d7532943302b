/**
 * The Store port: everything Campus Graph keeps, behind one narrow, engine-neutral, asynchronous contract.
 * Engines (sqlite/, postgres/) implement it; `store.contract.ts` is the suite every engine must pass.
 * Only the composition root in `src/app` knows which engine runs.
 */
import type { CurationReader, CurationWriter } from "./curation-port.js";
import type { GraphReader, GraphWriter } from "./graph-port.js";
import type { RecordReader, RecordWriter } from "./records-port.js";
import type { SearchIndexReader, SearchIndexWriter } from "./search-port.js";

export type * from "./curation-port.js";
export type * from "./graph-port.js";
export type * from "./records-port.js";
export type * from "./search-port.js";

/** The write side, only reachable inside `Store.transaction`: records at the top, the other concerns by name. */
export interface StoreWriter extends RecordWriter {
  readonly search: SearchIndexWriter;
  readonly graph: GraphWriter;
  readonly curation: CurationWriter;
}

/** The read side of the store: records at the top, the other concerns by name. */
export interface StoreReader extends RecordReader {
  readonly search: SearchIndexReader;
  readonly graph: GraphReader;
  readonly curation: CurationReader;
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
  /**
   * A token that changes whenever what reads return may have changed (a commit by this connection or another, or
   * tables the engine derived in memory replaced), or undefined when the engine cannot tell without a round trip
   * to the database. Synchronous and cheap: for caches that check their data before every request.
   */
  changeToken(): string | undefined;
  /** Releases the connection; the store is unusable afterwards. */
  close(): Promise<void>;
}
