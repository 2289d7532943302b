import pg from "pg";
import { CampusGraphError } from "../../core/errors.js";
import type { CorpusRecord } from "../../core/record.js";
import { pendingMigrations, type StoredLinkRow, toStoredLink } from "../engine-parts.js";
import type { AnchorCount, LinkCounts, RecordKey, Store, StoredLink, StoreWriter } from "../store.js";
import { checkOut, type Queryable, redactPassword, storable, storableKey } from "./connection.js";
import { POSTGRES_MIGRATIONS } from "./migrations.js";
import { PostgresCurationReader } from "./postgres-curation.js";
import { PostgresGraphReader } from "./postgres-graph.js";
import { PostgresSearch, TYPO_SIMILARITY } from "./postgres-search.js";
import { PostgresWriter } from "./postgres-writer.js";

/** Options of `PostgresStore.open`. */
export interface PostgresStoreOptions {
  /** Read replicas: read-only queries go to these (round robin); writes always go to the primary. */
  readonly readUrls?: readonly string[];
  /** Connections per pool; default 10. */
  readonly poolSize?: number;
}

const SCAN_BATCH = 1_000;
// Every store takes this advisory lock while migrating, so that app servers starting together do not race.
const MIGRATION_LOCK = 4_172_001;

const LINK_COLUMNS = `r.type AS source_type, r.id AS source_id, l.rel, l.target_type, l.target_id`;

/** A Store in a PostgreSQL database. */
export class PostgresStore implements Store {
  readonly engine = "postgres";
  private transactionOpen = false;
  private nextReader = 0;
  readonly search: PostgresSearch;
  readonly graph: PostgresGraphReader;
  readonly curation: PostgresCurationReader;

  private constructor(
    private readonly primary: pg.Pool,
    private readonly readers: readonly pg.Pool[],
    private readonly location: string,
  ) {
    this.search = new PostgresSearch(() => this.reader());
    this.graph = new PostgresGraphReader(() => this.reader());
    this.curation = new PostgresCurationReader(primary);
  }

  /** Connects to the database at `url`, brings its schema up to date, and returns the store. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const location = redactPassword(url);
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
      const pending = pendingMigrations(POSTGRES_MIGRATIONS, await this.schemaVersion(client), this.location);
      for (const migration of pending) {
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
      await writer.finish();
      // A bulk write's commit waits for its WAL to be flushed even where the server commits asynchronously: until
      // then no one may set its rows' hint bits, and the VACUUM below would mark no page all-visible (0 of 2,062
      // pages of 200,000 new rows at synchronous_commit = off), leaving index-only scans to read the heap.
      if (writer.bulk.size > 0) await client.query("SET LOCAL synchronous_commit = on");
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

  // Another server's commit is known only by asking the database.
  changeToken(): undefined {
    return undefined;
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
