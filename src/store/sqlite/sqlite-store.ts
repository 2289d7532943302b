import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { CampusGraphError } from "../../core/errors.js";
import type { CorpusRecord } from "../../core/record.js";
import { pendingMigrations, type StoredLinkRow, toStoredLink } from "../engine-parts.js";
import type {
  AnchorCount,
  CurationReader,
  GraphReader,
  LinkCounts,
  RecordKey,
  Store,
  StoredLink,
  StoreWriter,
} from "../store.js";
import { MIGRATIONS } from "./migrations.js";
import { SqliteCurationReader } from "./sqlite-curation.js";
import { SqliteGraphReader } from "./sqlite-graph.js";
import { SqliteSearch } from "./sqlite-search.js";
import { SqliteWriter } from "./sqlite-writer.js";
import { prepared } from "./statements.js";

/** Options of `SqliteStore.open`. */
export interface SqliteStoreOptions {
  /** Create the file (and its folder) when missing; default true. When false a missing file is an error. */
  readonly create?: boolean;
  /**
   * Derive the search tables kept in memory again in a worker thread after another connection writes the search
   * index, answering from the previous ones meanwhile (for a server; a file only); default false: on the next
   * search, on the caller's thread.
   */
  readonly refreshInBackground?: boolean;
}

const SCAN_BATCH = 1_000;

/** A Store in one SQLite file. */
export class SqliteStore implements Store {
  readonly engine = "sqlite";
  readonly graph: GraphReader;
  readonly curation: CurationReader;
  /** The search index of this connection (one per connection, see `SqliteSearch.of`). */
  readonly search: SqliteSearch;
  private readonly db: Database.Database;
  private transactionOpen = false;
  // Transactions this connection ended: its own commits do not change `PRAGMA data_version`.
  private transactionsEnded = 0;
  private dataVersion: Database.Statement | undefined;

  private constructor(
    db: Database.Database,
    private readonly location: string,
    refreshInBackground: boolean,
  ) {
    this.db = db;
    this.graph = new SqliteGraphReader(db);
    this.curation = new SqliteCurationReader(db);
    this.search = SqliteSearch.of(db, refreshInBackground && location !== ":memory:" ? location : undefined);
  }

  /** Opens (or creates) the database at `path` and brings its schema up to date. */
  static open(path: string, options: SqliteStoreOptions = {}): SqliteStore {
    const create = options.create ?? true;
    if (path !== ":memory:" && !existsSync(path)) {
      if (!create) {
        throw new CampusGraphError("DATABASE_UNAVAILABLE", {
          location: path,
          problem: "no such file (import a corpus first: campus-graph import <corpus>)",
        });
      }
      mkdirSync(dirname(path), { recursive: true });
    }
    let db: Database.Database | undefined;
    try {
      db = new Database(path);
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      db.pragma("foreign_keys = ON");
      db.pragma("busy_timeout = 5000");
      db.pragma("cache_size = -65536");
      // Temporary files on disk (through the OS cache): in memory, the sort of a full build's CREATE INDEX held
      // every row's key at once (146 MB more peak RSS at 3.2 M rows, growing with the rows).
      db.pragma("temp_store = FILE");
      const store = new SqliteStore(db, path, options.refreshInBackground ?? false);
      store.migrate();
      return store;
    } catch (error) {
      db?.close();
      if (error instanceof CampusGraphError) throw error;
      throw new CampusGraphError(
        "DATABASE_UNAVAILABLE",
        { location: path, problem: (error as Error).message },
        { cause: error },
      );
    }
  }

  /** The schema version this database is at. */
  schemaVersion(): number {
    const row = prepared(this.db, "SELECT max(version) AS v FROM schema_migrations").get() as {
      v: number | null;
    };
    return row.v ?? 0;
  }

  private migrate(): void {
    this.db.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT",
    );
    const record = prepared(
      this.db,
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
    );
    // SQLite's lock is the write lock: each step runs in an IMMEDIATE transaction and checks the version again
    // inside it, so that two processes opening the same file together apply each step once.
    for (const migration of pendingMigrations(MIGRATIONS, this.schemaVersion(), this.location)) {
      this.db
        .transaction(() => {
          if (this.schemaVersion() >= migration.version) return;
          this.db.exec(migration.sql);
          record.run(migration.version, migration.name, new Date().toISOString());
        })
        .immediate();
    }
  }

  async transaction<T>(work: (writer: StoreWriter) => Promise<T>): Promise<T> {
    if (this.transactionOpen) throw new CampusGraphError("TRANSACTION_NESTED");
    this.transactionOpen = true;
    const writer = new SqliteWriter(this.db);
    this.db.exec("BEGIN IMMEDIATE");
    try {
      const result = await work(writer);
      this.db.exec("COMMIT");
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      throw error;
    } finally {
      writer.finished = true;
      this.transactionOpen = false;
      this.transactionsEnded += 1;
      // Whatever the search index derived in memory may predate this write (or its rollback).
      this.search.ended();
    }
  }

  async getRecord(key: RecordKey): Promise<CorpusRecord | undefined> {
    const row = prepared(this.db, "SELECT data FROM records WHERE type = ? AND id = ?").get(
      key.type,
      key.id,
    ) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as CorpusRecord) : undefined;
  }

  async *scanRecords(type?: string): AsyncIterable<CorpusRecord> {
    // Keyset paging: no cursor stays open across yields, so callers may write between batches.
    const page = type
      ? prepared(this.db, "SELECT type, id, data FROM records WHERE type = ? AND id > ? ORDER BY id LIMIT ?")
      : prepared(
          this.db,
          "SELECT type, id, data FROM records WHERE (type, id) > (?, ?) ORDER BY type, id LIMIT ?",
        );
    let lastType = type ?? "";
    let lastId = "";
    for (;;) {
      const rows = (type ? page.all(type, lastId, SCAN_BATCH) : page.all(lastType, lastId, SCAN_BATCH)) as {
        type: string;
        id: string;
        data: string;
      }[];
      for (const row of rows) yield JSON.parse(row.data) as CorpusRecord;
      const last = rows.at(-1);
      if (!last || rows.length < SCAN_BATCH) return;
      lastType = last.type;
      lastId = last.id;
    }
  }

  async linksFrom(key: RecordKey): Promise<StoredLink[]> {
    const rows = prepared(
      this.db,
      `SELECT r.type AS source_type, r.id AS source_id, l.rel, l.target_type, l.target_id
         FROM records r JOIN links l ON l.source_pk = r.pk
         WHERE r.type = ? AND r.id = ? ORDER BY l.position`,
    ).all(key.type, key.id) as StoredLinkRow[];
    return rows.map(toStoredLink);
  }

  async linksTo(key: RecordKey, rel?: string): Promise<StoredLink[]> {
    const rows = prepared(
      this.db,
      `SELECT r.type AS source_type, r.id AS source_id, l.rel, l.target_type, l.target_id
         FROM links l JOIN records r ON r.pk = l.source_pk
         WHERE l.target_type = ? AND l.target_id = ? AND (? IS NULL OR l.rel = ?)
         ORDER BY r.type, r.id, l.position`,
    ).all(key.type, key.id, rel ?? null, rel ?? null) as StoredLinkRow[];
    return rows.map(toStoredLink);
  }

  async danglingLinks(limit: number): Promise<StoredLink[]> {
    const rows = prepared(
      this.db,
      `SELECT r.type AS source_type, r.id AS source_id, l.rel, l.target_type, l.target_id
         FROM links l JOIN records r ON r.pk = l.source_pk
         WHERE NOT EXISTS (SELECT 1 FROM records t WHERE t.type = l.target_type AND t.id = l.target_id)
         ORDER BY r.type, r.id, l.position LIMIT ?`,
    ).all(limit) as StoredLinkRow[];
    return rows.map(toStoredLink);
  }

  async countRecords(): Promise<Record<string, number>> {
    const records: Record<string, number> = {};
    const rows = prepared(
      this.db,
      "SELECT type, count(*) AS n FROM records GROUP BY type ORDER BY type",
    ).all() as {
      type: string;
      n: number;
    }[];
    for (const row of rows) records[row.type] = row.n;
    return records;
  }

  async countLinks(): Promise<LinkCounts> {
    const links = (prepared(this.db, "SELECT count(*) AS n FROM links").get() as { n: number }).n;
    const danglingLinks = (
      prepared(
        this.db,
        `SELECT count(*) AS n FROM links l
           WHERE NOT EXISTS (SELECT 1 FROM records t WHERE t.type = l.target_type AND t.id = l.target_id)`,
      ).get() as { n: number }
    ).n;
    return { links, danglingLinks };
  }

  changeToken(): string {
    this.dataVersion ??= this.db.prepare("PRAGMA data_version").pluck();
    const version = this.dataVersion.get() as number;
    return `${version} ${this.transactionsEnded} ${this.search.tablesDerived()}`;
  }

  async getMeta(key: string): Promise<string | undefined> {
    const row = prepared(this.db, "SELECT value FROM meta WHERE key = ?").get(key) as
      | { value: string }
      | undefined;
    return row?.value;
  }

  async *scanAnchors(): AsyncIterable<AnchorCount> {
    const page = prepared(
      this.db,
      `SELECT surface, concept_id AS conceptId, sum(count) AS count FROM anchors
       WHERE (surface, concept_id) > (?, ?) GROUP BY surface, concept_id ORDER BY surface, concept_id LIMIT ?`,
    );
    let last = { surface: "", conceptId: "" };
    for (;;) {
      const rows = page.all(last.surface, last.conceptId, SCAN_BATCH) as AnchorCount[];
      yield* rows;
      const tail = rows.at(-1);
      if (!tail || rows.length < SCAN_BATCH) return;
      last = tail;
    }
  }

  async sizeBytes(): Promise<number | undefined> {
    const pages = this.db.pragma("page_count", { simple: true }) as number;
    const pageSize = this.db.pragma("page_size", { simple: true }) as number;
    return pages * pageSize;
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    // Fold the WAL back into the main file so that a closed database is one self-contained file.
    this.db.pragma("wal_checkpoint(TRUNCATE)");
    this.db.close();
  }
}
