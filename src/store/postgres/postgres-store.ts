/**
 * The Store port on PostgreSQL (node-postgres, one pool per server). Writes go to the primary inside one
 * transaction; reads go to the read replicas when some are given (round robin), else to the primary.
 * Batches are written with `unnest` arrays (one statement per batch), the large computed tables with COPY.
 */
import { createHash } from "node:crypto";
import pg from "pg";
import { displayLocation } from "../../app/config.js";
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
import { POSTGRES_MIGRATIONS } from "./migrations.js";
import {
  addPostgresCorrection,
  addPostgresReport,
  listPostgresCorrections,
  listPostgresReports,
  withdrawPostgresCorrection,
} from "./postgres-curation.js";
import { PostgresGraph, PostgresKeyIndex } from "./postgres-graph.js";
import { PostgresSearch, storable, TYPO_SIMILARITY } from "./postgres-search.js";

/** Options of `PostgresStore.open`. */
export interface PostgresStoreOptions {
  /** Read replicas: read-only queries go to these (round robin); writes always go to the primary. */
  readonly readUrls?: readonly string[];
  /** Connections per pool; default 10. */
  readonly poolSize?: number;
}

/** Something that runs a query: a pool or one client. */
export type Queryable = Pick<pg.Pool, "query">;

const SCAN_BATCH = 1_000;
// A transaction that writes this many rows to a table is a bulk write: the table is vacuumed after it.
const BULK_ROWS = 10_000;
// Every store takes this advisory lock while migrating, so that app servers starting together do not race.
const MIGRATION_LOCK = 4_172_001;

const LINK_COLUMNS = `r.type AS source_type, r.id AS source_id, l.rel, l.target_type, l.target_id`;

/** A Store in a PostgreSQL database. */
export class PostgresStore implements Store {
  readonly engine = "postgres";
  private transactionOpen = false;
  private nextReader = 0;
  private readonly search: PostgresSearch;
  private readonly graph: PostgresGraph;

  private constructor(
    private readonly primary: pg.Pool,
    private readonly readers: readonly pg.Pool[],
    private readonly location: string,
  ) {
    this.search = new PostgresSearch(() => this.reader());
    this.graph = new PostgresGraph(() => this.reader());
  }

  /** Connects to the database at `url`, brings its schema up to date, and returns the store. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const location = displayLocation(url);
    const pool = (connectionString: string) => {
      const p = new pg.Pool({
        connectionString,
        max: options.poolSize ?? 10,
        application_name: "campus-graph",
        options: `-c pg_trgm.similarity_threshold=${TYPO_SIMILARITY} -c jit=off`,
      });
      // An idle connection that breaks (server restart) must not crash the process; the next query reconnects.
      p.on("error", () => undefined);
      return p;
    };
    const primary = pool(url);
    const readers = (options.readUrls ?? []).map(pool);
    const store = new PostgresStore(primary, readers, location);
    try {
      await store.migrate();
      await Promise.all(readers.map((r) => r.query("SELECT 1")));
    } catch (error) {
      await store.close();
      if (error instanceof CampusGraphError) throw error;
      throw new CampusGraphError(
        "DATABASE_UNAVAILABLE",
        { location, problem: (error as Error).message },
        { cause: error },
      );
    }
    return store;
  }

  /** The schema version this database is at. */
  async schemaVersion(on: Queryable = this.primary): Promise<number> {
    const { rows } = await on.query<{ v: number | null }>("SELECT max(version) AS v FROM schema_migrations");
    return rows[0]?.v ?? 0;
  }

  private async migrate(): Promise<void> {
    const { client, lease } = await checkOut(this.primary);
    try {
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
      await client.query(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)",
      );
      const current = await this.schemaVersion(client);
      const known = POSTGRES_MIGRATIONS.at(-1)?.version ?? 0;
      if (current > known) {
        throw new CampusGraphError("DATABASE_TOO_NEW", { location: this.location, found: current, known });
      }
      for (const migration of POSTGRES_MIGRATIONS) {
        if (migration.version <= current) continue;
        await client.query("BEGIN");
        try {
          await client.query(migration.sql);
          await client.query(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())",
            [migration.version, migration.name],
          );
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        }
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
      lease.release();
    }
  }

  /**
   * Where reads go: the next replica, or the primary when there is none or while this store writes (what a
   * transaction reads to decide what to write must be current, and a replica may lag).
   */
  private reader(): Queryable {
    if (this.readers.length === 0 || this.transactionOpen) return this.primary;
    this.nextReader = (this.nextReader + 1) % this.readers.length;
    return this.readers[this.nextReader] ?? this.primary;
  }

  async transaction<T>(work: (writer: StoreWriter) => Promise<T>): Promise<T> {
    if (this.transactionOpen) throw new CampusGraphError("TRANSACTION_NESTED");
    this.transactionOpen = true;
    let checkedOut: Awaited<ReturnType<typeof checkOut>> | undefined;
    let writer: PostgresWriter | undefined;
    let result: T;
    try {
      checkedOut = await checkOut(this.primary);
      const { client } = checkedOut;
      await client.query("BEGIN");
      writer = new PostgresWriter(client);
      result = await work(writer);
      await client.query("COMMIT");
    } catch (error) {
      await checkedOut?.client.query("ROLLBACK").catch(() => undefined);
      if (writer) writer.finished = true;
      checkedOut?.lease.release();
      this.transactionOpen = false;
      throw error;
    }
    writer.finished = true;
    // Committed. After a bulk write, refresh the planner's statistics and the visibility map (index-only scans)
    // now rather than serve slow plans until autovacuum comes by; a failure here loses nothing written.
    if (writer.bulk.size > 0) {
      await checkedOut.client.query(`VACUUM (ANALYZE) ${[...writer.bulk].join(", ")}`).catch(() => undefined);
    }
    checkedOut.lease.release();
    this.transactionOpen = false;
    return result;
  }

  async getRecord(key: RecordKey): Promise<CorpusRecord | undefined> {
    if (!storableKey(key)) return undefined;
    const { rows } = await this.reader().query<{ data: CorpusRecord }>({
      name: "get-record",
      text: "SELECT data FROM records WHERE type = $1 AND id = $2",
      values: [key.type, key.id],
    });
    return rows[0]?.data;
  }

  async *scanRecords(type?: string): AsyncIterable<CorpusRecord> {
    // Keyset paging, as on SQLite: no cursor stays open across yields.
    let lastType = type ?? "";
    let lastId = "";
    for (;;) {
      const { rows } = type
        ? await this.reader().query<{ type: string; id: string; data: CorpusRecord }>(
            "SELECT type, id, data FROM records WHERE type = $1 AND id > $2 ORDER BY id LIMIT $3",
            [type, lastId, SCAN_BATCH],
          )
        : await this.reader().query<{ type: string; id: string; data: CorpusRecord }>(
            "SELECT type, id, data FROM records WHERE (type, id) > ($1, $2) ORDER BY type, id LIMIT $3",
            [lastType, lastId, SCAN_BATCH],
          );
      for (const row of rows) yield row.data;
      const last = rows.at(-1);
      if (!last || rows.length < SCAN_BATCH) return;
      lastType = last.type;
      lastId = last.id;
    }
  }

  async linksFrom(key: RecordKey): Promise<StoredLink[]> {
    if (!storableKey(key)) return [];
    const { rows } = await this.reader().query<StoredLinkRow>(
      `SELECT ${LINK_COLUMNS} FROM records r JOIN links l ON l.source_pk = r.pk
       WHERE r.type = $1 AND r.id = $2 ORDER BY l.position`,
      [key.type, key.id],
    );
    return rows.map(toStoredLink);
  }

  async linksTo(key: RecordKey, rel?: string): Promise<StoredLink[]> {
    if (!storableKey(key) || (rel !== undefined && !storable(rel))) return [];
    const { rows } = await this.reader().query<StoredLinkRow>(
      `SELECT ${LINK_COLUMNS} FROM links l JOIN records r ON r.pk = l.source_pk
       WHERE l.target_type = $1 AND l.target_id = $2 AND ($3::text IS NULL OR l.rel = $3)
       ORDER BY r.type, r.id, l.position`,
      [key.type, key.id, rel ?? null],
    );
    return rows.map(toStoredLink);
  }

  async danglingLinks(limit: number): Promise<StoredLink[]> {
    const { rows } = await this.reader().query<StoredLinkRow>(
      `SELECT ${LINK_COLUMNS} FROM links l JOIN records r ON r.pk = l.source_pk
       WHERE NOT EXISTS (SELECT 1 FROM records t WHERE t.type = l.target_type AND t.id = l.target_id)
       ORDER BY r.type, r.id, l.position LIMIT $1`,
      [limit],
    );
    return rows.map(toStoredLink);
  }

  async countRecords(): Promise<Record<string, number>> {
    const { rows } = await this.reader().query<{ type: string; n: number }>({
      name: "count-records",
      text: "SELECT type, count(*)::int AS n FROM records GROUP BY type ORDER BY type",
    });
    return Object.fromEntries(rows.map((r) => [r.type, r.n]));
  }

  async countLinks(): Promise<LinkCounts> {
    const { rows } = await this.reader().query<{ links: number; dangling: number }>(
      `SELECT (SELECT count(*)::int FROM links) AS links,
              (SELECT count(*)::int FROM links l
               WHERE NOT EXISTS (SELECT 1 FROM records t WHERE t.type = l.target_type AND t.id = l.target_id)) AS dangling`,
    );
    return { links: rows[0]?.links ?? 0, danglingLinks: rows[0]?.dangling ?? 0 };
  }

  async listCorrections(): Promise<Correction[]> {
    // From the primary: a curator reads back what was just written, and a replica may lag.
    return listPostgresCorrections(this.primary);
  }

  async listReports(limit: number): Promise<Report[]> {
    return listPostgresReports(this.primary, limit);
  }

  async getMeta(key: string): Promise<string | undefined> {
    const { rows } = await this.reader().query<{ value: string }>({
      name: "get-meta",
      text: "SELECT value FROM meta WHERE key = $1",
      values: [key],
    });
    return rows[0]?.value;
  }

  async *scanAnchors(): AsyncIterable<AnchorCount> {
    let last = { surface: "", conceptId: "" };
    for (;;) {
      const { rows } = await this.reader().query<AnchorCount>(
        `SELECT surface, concept_id AS "conceptId", sum(count)::int AS count FROM anchors
         WHERE (surface, concept_id) > ($1, $2) GROUP BY surface, concept_id ORDER BY surface, concept_id LIMIT $3`,
        [last.surface, last.conceptId, SCAN_BATCH],
      );
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
    if (!storableKey(key)) throw new CampusGraphError("RECORD_NOT_FOUND", { type: key.type, id: key.id });
    if (!storable(targetType)) return this.graph.neighbours(key, "", 0, 0);
    return this.graph.neighbours(key, targetType, limit, offset);
  }

  async neighbourCounts(key: RecordKey): Promise<Record<string, number>> {
    return storableKey(key) ? this.graph.neighbourCounts(key) : {};
  }

  scanNodeScores(): AsyncIterable<NodeScore> {
    return this.graph.scanNodeScores();
  }

  scanNeighbours(targetType: string): AsyncIterable<NeighbourRow> {
    return this.graph.scanNeighbours(targetType);
  }

  countSearchDocuments(): Promise<number> {
    return this.search.count();
  }

  searchText(query: TextQuery): Promise<SearchHit[]> {
    return this.search.searchText(query);
  }

  countTextMatches(query: TextQuery): Promise<Record<string, number>> {
    return this.search.countTextMatches(query);
  }

  findByName(
    keys: readonly string[],
    types: readonly string[] | undefined,
    limit: number,
  ): Promise<SearchHit[]> {
    return this.search.findByName(keys, types, limit);
  }

  findByPhrase(
    words: readonly string[],
    types: readonly string[] | undefined,
    limit: number,
  ): Promise<RecordKey[]> {
    return this.search.findByPhrase(words, types, limit);
  }

  findById(id: string, types: readonly string[] | undefined, limit: number): Promise<SearchHit[]> {
    return this.search.findById(id, types, limit);
  }

  completeNames(
    prefix: string,
    types: readonly string[] | undefined,
    limit: number,
  ): Promise<NameCompletion[]> {
    return this.search.completeNames(prefix, types, limit);
  }

  similarTerms(term: string, maxEdits: number, limit: number): Promise<TermCount[]> {
    return this.search.similarTerms(term, maxEdits, limit);
  }

  hasTerm(term: string): Promise<boolean> {
    return this.search.hasTerm(term);
  }

  // Every answer is read from the database: nothing derived in memory to be older than its last commit.
  async searchTablesVersion(): Promise<string> {
    return "";
  }

  async sizeBytes(): Promise<number | undefined> {
    const { rows } = await this.reader().query<{ size: string }>(
      "SELECT pg_database_size(current_database()) AS size",
    );
    return rows[0] ? Number(rows[0].size) : undefined;
  }

  async close(): Promise<void> {
    await Promise.all([this.primary, ...this.readers].map((p) => (p.ended ? undefined : p.end())));
  }
}

/**
 * A pooled client for a transaction or a migration. While checked out, a client has no 'error' listener of the
 * pool's: a session ended by the server (restart, failover, timeout) would crash the process. This one records
 * the error (the next query fails with it) and hands the broken client back to the pool to be discarded.
 */
async function checkOut(pool: pg.Pool): Promise<{ client: pg.PoolClient; lease: { release(): void } }> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on("error", onError);
  return {
    client,
    lease: {
      release() {
        client.removeListener("error", onError);
        client.release(broken);
      },
    },
  };
}

/** The write side of an open PostgreSQL transaction. */
class PostgresWriter implements StoreWriter {
  finished = false;
  /** Tables rewritten in bulk by this transaction. */
  readonly bulk = new Set<string>();
  private recordsWritten = 0;
  private readonly keys: PostgresKeyIndex;
  private readonly graph: PostgresGraph;
  private readonly search: PostgresSearch;

  constructor(private readonly client: pg.PoolClient) {
    this.keys = new PostgresKeyIndex(client);
    this.graph = new PostgresGraph(() => client);
    this.search = new PostgresSearch(() => client);
  }

  async upsertRecords(records: readonly CorpusRecord[]): Promise<UpsertOutcome> {
    this.assertOpen();
    if (records.length === 0) return { inserted: 0, updated: 0, unchanged: 0, changed: [] };
    const known = new Map<string, { pk: number | undefined; hash: string }>();
    const { rows } = await this.client.query<{ pk: number; type: string; id: string; hash: string }>(
      `SELECT r.pk, r.type, r.id, r.hash FROM records r
       JOIN unnest($1::text[], $2::text[]) AS k (type, id) ON r.type = k.type AND r.id = k.id`,
      [records.map((r) => r.type), records.map((r) => r.id)],
    );
    for (const row of rows) known.set(`${row.type}\0${row.id}`, { pk: row.pk, hash: row.hash });
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    const changed: RecordKey[] = [];
    // The last version of each changed record wins, as if the batch were written one record at a time.
    const writes = new Map<
      string,
      { record: CorpusRecord; data: string; hash: string; pk: number | undefined }
    >();
    for (const record of records) {
      const data = JSON.stringify(record);
      const hash = createHash("sha1").update(data).digest("base64");
      const name = `${record.type}\0${record.id}`;
      const existing = known.get(name);
      if (existing?.hash === hash) {
        unchanged += 1;
        continue;
      }
      if (existing === undefined) inserted += 1;
      else updated += 1;
      known.set(name, { pk: existing?.pk, hash });
      writes.set(name, { record, data, hash, pk: existing?.pk ?? writes.get(name)?.pk });
      changed.push({ type: record.type, id: record.id });
    }
    const fresh = [...writes.values()].filter((w) => w.pk === undefined);
    const stale = [...writes.values()].filter((w) => w.pk !== undefined);
    if (fresh.length > 0) {
      const { rows: added } = await this.client.query<{ pk: number; type: string; id: string }>(
        `INSERT INTO records (type, id, data, hash)
         SELECT * FROM unnest($1::text[], $2::text[], $3::json[], $4::text[]) RETURNING pk, type, id`,
        [
          fresh.map((w) => w.record.type),
          fresh.map((w) => w.record.id),
          fresh.map((w) => w.data),
          fresh.map((w) => w.hash),
        ],
      );
      const pks = new Map(added.map((r) => [`${r.type}\0${r.id}`, r.pk]));
      for (const w of fresh) w.pk = pks.get(`${w.record.type}\0${w.record.id}`);
    }
    if (stale.length > 0) {
      const pks = stale.map((w) => w.pk);
      await this.client.query(
        `UPDATE records r SET data = u.data, hash = u.hash
         FROM unnest($1::int[], $2::json[], $3::text[]) AS u (pk, data, hash) WHERE r.pk = u.pk`,
        [pks, stale.map((w) => w.data), stale.map((w) => w.hash)],
      );
      await this.client.query("DELETE FROM links WHERE source_pk = ANY($1::int[])", [pks]);
    }
    const links = {
      pk: [] as number[],
      position: [] as number[],
      rel: [] as string[],
      type: [] as string[],
      id: [] as string[],
    };
    for (const w of writes.values()) {
      w.record.links?.forEach((link, position) => {
        links.pk.push(w.pk ?? 0);
        links.position.push(position);
        links.rel.push(link.rel);
        links.type.push(link.type);
        links.id.push(link.id);
      });
    }
    if (links.pk.length > 0) {
      await this.client.query(
        `INSERT INTO links (source_pk, position, rel, target_type, target_id)
         SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[])`,
        [links.pk, links.position, links.rel, links.type, links.id],
      );
    }
    if (fresh.length > 0) this.keys.forget();
    this.recordsWritten += writes.size;
    if (this.recordsWritten >= BULK_ROWS) for (const table of ["records", "links"]) this.bulk.add(table);
    return { inserted, updated, unchanged, changed };
  }

  async removeRecord(key: RecordKey): Promise<boolean> {
    this.assertOpen();
    const { rows } = await this.client.query<{ pk: number }>(
      "DELETE FROM records WHERE type = $1 AND id = $2 RETURNING pk",
      [key.type, key.id],
    );
    const pk = rows[0]?.pk;
    if (pk === undefined) return false;
    // The computed tables have no foreign keys (they are written by COPY): forget the record's rows here.
    await this.client.query("DELETE FROM neighbours WHERE source_pk = $1 OR target_pk = $1", [pk]);
    await this.client.query("DELETE FROM node_scores WHERE pk = $1", [pk]);
    await this.search.remove(this.client, pk);
    this.keys.forget();
    return true;
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.assertOpen();
    await this.client.query(
      "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      [key, value],
    );
  }

  async addCorrection(correction: NewCorrection): Promise<Correction> {
    this.assertOpen();
    return addPostgresCorrection(this.client, correction);
  }

  async withdrawCorrection(id: number, who: string, at: string): Promise<boolean> {
    this.assertOpen();
    return withdrawPostgresCorrection(this.client, id, who, at);
  }

  async addReport(report: NewReport): Promise<Report> {
    this.assertOpen();
    return addPostgresReport(this.client, report);
  }

  async replaceAnchors(source: string, anchors: readonly AnchorCount[]): Promise<void> {
    this.assertOpen();
    await this.client.query("DELETE FROM anchors WHERE source = $1", [source]);
    if (anchors.length >= BULK_ROWS) this.bulk.add("anchors");
    for (let start = 0; start < anchors.length; start += 10_000) {
      const batch = anchors.slice(start, start + 10_000);
      await this.client.query(
        `INSERT INTO anchors (source, surface, concept_id, count)
         SELECT $1, surface, concept_id, sum(count) FROM unnest($2::text[], $3::text[], $4::int[]) AS a (surface, concept_id, count)
         GROUP BY surface, concept_id
         ON CONFLICT (source, surface, concept_id) DO UPDATE SET count = anchors.count + excluded.count`,
        [source, batch.map((a) => a.surface), batch.map((a) => a.conceptId), batch.map((a) => a.count)],
      );
    }
  }

  async replaceNeighbours(
    sources: readonly RecordKey[] | "all",
    rows: Iterable<NeighbourRow>,
  ): Promise<void> {
    this.assertOpen();
    if (sources === "all") this.bulk.add("neighbours");
    await this.graph.replaceNeighbours(this.client, this.keys, sources, rows);
  }

  async replaceNodeScores(
    sources: readonly RecordKey[] | "all",
    scores: readonly NodeScore[],
  ): Promise<void> {
    this.assertOpen();
    if (sources === "all") this.bulk.add("node_scores");
    await this.graph.replaceNodeScores(this.client, this.keys, sources, scores);
  }

  async clearSearchIndex(): Promise<void> {
    this.assertOpen();
    for (const table of ["search_docs", "search_names", "search_postings", "search_terms"])
      this.bulk.add(table);
    await this.search.clear(this.client);
  }

  async putSearchDocuments(docs: readonly SearchDocument[]): Promise<void> {
    this.assertOpen();
    await this.search.put(this.client, docs);
  }

  private assertOpen(): void {
    if (this.finished)
      throw new CampusGraphError("INTERNAL", { problem: "store writer used after its transaction ended" });
  }
}

/** False when a key holds what PostgreSQL text cannot (NUL): no stored record has such a key. */
function storableKey(key: RecordKey): boolean {
  return storable(key.type) && storable(key.id);
}
