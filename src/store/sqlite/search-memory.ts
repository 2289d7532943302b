/**
 * The search tables one connection answers from (see `search-tables.ts`), and when they are derived again: when
 * the search index's generation differs from theirs. Derived on this thread on first use (a server makes that
 * use before it listens), and again on the next use after a write by default; with a database file to read,
 * again in a worker thread instead, answering from the previous tables until the new ones are there, then
 * swapping them in at once: a serving event loop never spends the second a large index takes.
 */

import type Database from "better-sqlite3";
import { CampusGraphError } from "../../core/errors.js";
import { siblingModule, startWorker } from "../../core/worker-thread.js";
import { readSearchGeneration, readSearchTables, type SearchTables } from "./search-tables.js";
import { prepared } from "./statements.js";

/** What a search tables worker is started with. */
export interface SearchTablesRequest {
  /** The SQLite file to read. */
  readonly location: string;
}

/** What it answers: the tables, or why it could not. */
export type SearchTablesReply = { readonly tables: SearchTables } | { readonly problem: string };

const ENTRY = siblingModule(import.meta.url, "search-tables-worker");

/** The derived search tables of one connection. */
export class SearchMemory {
  private tables: SearchTables | undefined;
  private deriving: Promise<void> | undefined;
  // The last worker could not derive them: the next use derives them on this thread.
  private workerFailed = false;
  // SQLite's count of commits by other connections when the generation below was read.
  private dataVersion: number | undefined;
  private generation = "";
  private derivations = 0;
  // The turn of the event loop, and the count of this process's changes, when `data_version` was last read.
  private checkedTurn = -1;
  private checkedChanges = -1;

  /**
   * Keeps the tables of connection `db`; with `location` (the file `db` opened), derives them again in a worker
   * thread that reads it.
   */
  constructor(
    private readonly db: Database.Database,
    private readonly location: string | undefined,
  ) {}

  /** Says that this connection wrote, or ended a transaction: its own commits do not change `data_version`. */
  changed(): void {
    this.dataVersion = undefined;
    processChanges += 1;
  }

  /** How many times tables were derived and then answered from (here or in a worker). */
  derived(): number {
    return this.derivations;
  }

  /** The tables to answer from now: the current ones, else (in the background) the previous ones while deriving. */
  current(): SearchTables {
    return this.refresh() ?? this.deriveHere();
  }

  /**
   * True when `tables` are of the index's generation as this connection last read it: not held ones answering while
   * newer ones are derived, whose documents' names may have changed since.
   */
  isCurrent(tables: SearchTables): boolean {
    return tables.generation === this.generation;
  }

  /** The generation of the tables answered from now (of the index, when none are held yet). */
  version(): string {
    return this.refresh()?.generation ?? this.generation;
  }

  /** The tables to answer from now, if any, starting a derivation in the background when they are stale. */
  private refresh(): SearchTables | undefined {
    // Once per turn of the event loop, unless a connection of this process wrote meanwhile: a search asks for the
    // tables five to ten times, and each read of `data_version` cost ~7 µs. Another process's commit seen a
    // turn later is one that came a moment later.
    const turn = currentTurn();
    if (turn !== this.checkedTurn || processChanges !== this.checkedChanges) {
      const version = prepared(this.db, "PRAGMA data_version").pluck().get() as number;
      if (version !== this.dataVersion) {
        this.generation = readSearchGeneration(this.db);
        this.dataVersion = version;
      }
      this.checkedTurn = turn;
      this.checkedChanges = processChanges;
    }
    const held = this.tables;
    if (held === undefined || held.generation === this.generation) return held;
    // A worker reads committed data only: within a transaction of this connection, derive here.
    if (this.location === undefined || this.workerFailed || this.db.inTransaction) return undefined;
    this.deriving ??= this.deriveInWorker(this.location);
    return held;
  }

  private deriveHere(): SearchTables {
    this.tables = readSearchTables(this.db);
    this.derivations += 1;
    this.workerFailed = false;
    return this.tables;
  }

  private deriveInWorker(location: string): Promise<void> {
    return (
      deriveInWorker(location)
        .then((tables) => {
          this.tables = tables;
          this.derivations += 1;
        })
        // A thread that cannot start or read leaves the held tables: the next use derives them here.
        .catch(() => {
          this.workerFailed = true;
        })
        .finally(() => {
          this.deriving = undefined;
        })
    );
  }
}

// Writes and ended transactions of every connection of this process.
let processChanges = 0;
// The turns of the event loop, counted from the first that asked: one ends once its callbacks and their promises
// are done (an immediate runs after them).
let turns = 0;
let turnEnding = false;

/** The number of the current turn of the event loop. */
function currentTurn(): number {
  if (!turnEnding) {
    turnEnding = true;
    setImmediate(() => {
      turns += 1;
      turnEnding = false;
    }).unref();
  }
  return turns;
}

/** Derives the search tables of the SQLite file at `location` in a worker thread of its own. */
export function deriveInWorker(location: string): Promise<SearchTables> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(ENTRY, { workerData: { location } satisfies SearchTablesRequest });
    // A process stopping meanwhile does not wait for it.
    worker.unref();
    worker.once("message", (reply: SearchTablesReply) => {
      if ("tables" in reply) resolve(reply.tables);
      else reject(new CampusGraphError("INTERNAL", { problem: `search tables: ${reply.problem}` }));
    });
    worker.once("error", reject);
    worker.once("exit", () =>
      reject(new CampusGraphError("INTERNAL", { problem: "the search tables worker stopped" })),
    );
  });
}
