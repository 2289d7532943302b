/**
 * The Store port on SQLite (better-sqlite3): one file, WAL mode, versioned migrations.
 * better-sqlite3 is synchronous; the port is asynchronous so that server engines fit the same contract.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { Correction, NewCorrection, NewReport, Report } from "../../core/correction.js";
import { CampusGraphError } from "../../core/errors.js";
import type { CorpusRecord } from "../../core/record.js";
import { type StoredLinkRow, toStoredLink } from "../engine-parts.js";
import type {
  AnchorCount,
  LinkCounts,
  NameCompletion,
  NeighbourPage,
  NeighbourRow,
  NodeScore,
  RecordKey,
  SearchDocument,
  SearchHit,
  Store,
  StoredLink,
  StoreWriter,
  TermCount,
  TextQuery,
  UpsertOutcome,
} from "../store.js";
import { MIGRATIONS } from "./migrations.js";
import {
  addSqliteCorrection,
  addSqliteReport,
  listSqliteCorrections,
  listSqliteReports,
  withdrawSqliteCorrection,
} from "./sqlite-curation.js";
import {
  KeyIndex,
  readNeighbourCounts,
  readNeighbourRows,
  readNeighbours,
  readNodeScores,
  replaceNeighbours,
  replaceNodeScores,
} from "./sqlite-graph.js";
import { SqliteSearch } from "./sqlite-search.js";
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
  private readonly db: Database.Database;
  private readonly search: SqliteSearch;
  private transactionOpen = false;

  private constructor(
    db: Database.Database,
    private readonly location: string,
    refreshInBackground: boolean,
  ) {
    this.db = db;
    this.search = new SqliteSearch(db, refreshInBackground && location !== ":memory:" ? location : undefined);
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
      db.pragma("temp_store = MEMORY");
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
    const current = this.schemaVersion();
    const known = MIGRATIONS.at(-1)?.version ?? 0;
    if (current > known) {
      throw new CampusGraphError("DATABASE_TOO_NEW", { location: this.location, found: current, known });
    }
    const record = prepared(
      this.db,
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
    );
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      this.db.transaction(() => {
        this.db.exec(migration.sql);
        record.run(migration.version, migration.name, new Date().toISOString());
      })();
    }
  }

  async transaction<T>(work: (writer: StoreWriter) => Promise<T>): Promise<T> {
    if (this.transactionOpen) throw new CampusGraphError("TRANSACTION_NESTED");
    this.transactionOpen = true;
    const writer = new SqliteWriter(this.db, this.search);
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

  async getMeta(key: string): Promise<string | undefined> {
    const row = prepared(this.db, "SELECT value FROM meta WHERE key = ?").get(key) as
      | { value: string }
      | undefined;
    return row?.value;
  }

  async listCorrections(): Promise<Correction[]> {
    return listSqliteCorrections(this.db);
  }

  async listReports(limit: number): Promise<Report[]> {
    return listSqliteReports(this.db, limit);
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

  async neighbours(
    key: RecordKey,
    targetType: string,
    limit: number,
    offset: number,
  ): Promise<NeighbourPage> {
    return readNeighbours(this.db, key, targetType, limit, offset);
  }

  async neighbourCounts(key: RecordKey): Promise<Record<string, number>> {
    return readNeighbourCounts(this.db, key);
  }

  async *scanNodeScores(): AsyncIterable<NodeScore> {
    yield* readNodeScores(this.db);
  }

  async *scanNeighbours(targetType: string): AsyncIterable<NeighbourRow> {
    yield* readNeighbourRows(this.db, targetType);
  }

  async countSearchDocuments(): Promise<number> {
    return this.search.count();
  }

  async searchText(query: TextQuery): Promise<SearchHit[]> {
    return this.search.searchText(query);
  }

  async countTextMatches(query: TextQuery): Promise<Record<string, number>> {
    return this.search.countTextMatches(query);
  }

  async findByName(
    keys: readonly string[],
    types: readonly string[] | undefined,
    limit: number,
  ): Promise<SearchHit[]> {
    return this.search.findByName(keys, types, limit);
  }

  async findByPhrase(
    words: readonly string[],
    types: readonly string[] | undefined,
    limit: number,
  ): Promise<RecordKey[]> {
    return this.search.findByPhrase(words, types, limit);
  }

  async findById(id: string, types: readonly string[] | undefined, limit: number): Promise<SearchHit[]> {
    return this.search.findById(id, types, limit);
  }

  async completeNames(
    prefix: string,
    types: readonly string[] | undefined,
    limit: number,
  ): Promise<NameCompletion[]> {
    return this.search.completeNames(prefix, types, limit);
  }

  async similarTerms(term: string, maxEdits: number, limit: number): Promise<TermCount[]> {
    return this.search.similarTerms(term, maxEdits, limit);
  }

  async hasTerm(term: string): Promise<boolean> {
    return this.search.hasTerm(term);
  }

  async searchTablesVersion(): Promise<string> {
    return this.search.tablesVersion();
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

/** The write side of an open SQLite transaction. */
class SqliteWriter implements StoreWriter {
  private readonly keys: KeyIndex;
  finished = false;
  private readonly selectKey: Database.Statement;
  private readonly insertRecord: Database.Statement;
  private readonly updateRecord: Database.Statement;
  private readonly deleteLinks: Database.Statement;
  private readonly insertLink: Database.Statement;
  private readonly deleteRecord: Database.Statement;
  private readonly upsertMeta: Database.Statement;
  private readonly deleteAnchors: Database.Statement;
  private readonly insertAnchor: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly search: SqliteSearch,
  ) {
    this.keys = new KeyIndex(db);
    this.selectKey = db.prepare("SELECT pk, hash FROM records WHERE type = ? AND id = ?");
    this.insertRecord = db.prepare("INSERT INTO records (type, id, data, hash) VALUES (?, ?, ?, ?)");
    this.updateRecord = db.prepare("UPDATE records SET data = ?, hash = ? WHERE pk = ?");
    this.deleteLinks = db.prepare("DELETE FROM links WHERE source_pk = ?");
    this.insertLink = db.prepare(
      "INSERT INTO links (source_pk, position, rel, target_type, target_id) VALUES (?, ?, ?, ?, ?)",
    );
    this.deleteRecord = db.prepare("DELETE FROM records WHERE type = ? AND id = ?");
    this.upsertMeta = db.prepare(
      "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    );
    this.deleteAnchors = db.prepare("DELETE FROM anchors WHERE source = ?");
    this.insertAnchor = db.prepare(
      `INSERT INTO anchors (source, surface, concept_id, count) VALUES (?, ?, ?, ?)
       ON CONFLICT (source, surface, concept_id) DO UPDATE SET count = count + excluded.count`,
    );
  }

  async upsertRecords(records: readonly CorpusRecord[]): Promise<UpsertOutcome> {
    this.assertOpen();
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    const changed: RecordKey[] = [];
    for (const record of records) {
      const data = JSON.stringify(record);
      const hash = createHash("sha1").update(data).digest("base64");
      const existing = this.selectKey.get(record.type, record.id) as { pk: number; hash: string } | undefined;
      let pk: number;
      if (!existing) {
        pk = Number(this.insertRecord.run(record.type, record.id, data, hash).lastInsertRowid);
        inserted += 1;
      } else if (existing.hash !== hash) {
        pk = existing.pk;
        this.updateRecord.run(data, hash, pk);
        this.deleteLinks.run(pk);
        updated += 1;
      } else {
        unchanged += 1;
        continue;
      }
      changed.push({ type: record.type, id: record.id });
      record.links?.forEach((link, position) => {
        this.insertLink.run(pk, position, link.rel, link.type, link.id);
      });
    }
    return { inserted, updated, unchanged, changed };
  }

  async removeRecord(key: RecordKey): Promise<boolean> {
    this.assertOpen();
    const pk = prepared(this.db, "SELECT pk FROM records WHERE type = ? AND id = ?")
      .pluck()
      .get(key.type, key.id);
    if (pk === undefined) return false;
    this.search.removeText(pk as number);
    return this.deleteRecord.run(key.type, key.id).changes > 0;
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.assertOpen();
    this.upsertMeta.run(key, value);
  }

  async addCorrection(correction: NewCorrection): Promise<Correction> {
    this.assertOpen();
    return addSqliteCorrection(this.db, correction);
  }

  async withdrawCorrection(id: number, who: string, at: string): Promise<boolean> {
    this.assertOpen();
    return withdrawSqliteCorrection(this.db, id, who, at);
  }

  async addReport(report: NewReport): Promise<Report> {
    this.assertOpen();
    return addSqliteReport(this.db, report);
  }

  async replaceNeighbours(
    sources: readonly RecordKey[] | "all",
    rows: Iterable<NeighbourRow>,
  ): Promise<void> {
    this.assertOpen();
    replaceNeighbours(this.db, this.keys, sources, rows);
  }

  async replaceNodeScores(
    sources: readonly RecordKey[] | "all",
    scores: readonly NodeScore[],
  ): Promise<void> {
    this.assertOpen();
    replaceNodeScores(this.db, this.keys, sources, scores);
  }

  async clearSearchIndex(): Promise<void> {
    this.assertOpen();
    this.search.clear();
  }

  async putSearchDocuments(docs: readonly SearchDocument[]): Promise<void> {
    this.assertOpen();
    this.search.put(docs);
  }

  async replaceAnchors(source: string, anchors: readonly AnchorCount[]): Promise<void> {
    this.assertOpen();
    this.deleteAnchors.run(source);
    for (const a of anchors) this.insertAnchor.run(source, a.surface, a.conceptId, a.count);
  }

  private assertOpen(): void {
    if (this.finished)
      throw new CampusGraphError("INTERNAL", { problem: "store writer used after its transaction ended" });
  }
}
