/**
 * The precomputed graph on PostgreSQL: ranked neighbour rows and node scores, written by COPY and read by
 * primary-key ranges (`neighbours (source_pk, target_type, rank)`), as on SQLite.
 */
import type pg from "pg";
import { CampusGraphError } from "../../core/errors.js";
import { displayName } from "../../core/record.js";
import { encodeNeighbourRows, type StoredNeighbourRow, toNeighbourRow } from "../engine-parts.js";
import type {
  GraphReader,
  GraphWriter,
  NeighbourPage,
  NeighbourRow,
  NodeScore,
  RecordKey,
} from "../store.js";
import { type Queryable, storable, storableKey } from "./connection.js";
import { copyRows } from "./copy-rows.js";

/** Resolves record keys to row ids within one transaction, reading the whole table on first use. */
export class PostgresKeyIndex {
  private map: Map<string, number> | undefined;
  private seen = new WeakMap<RecordKey, number>();

  constructor(private readonly client: Queryable) {}

  /** Drops what is cached (records were added or removed). */
  forget(): void {
    this.map = undefined;
    this.seen = new WeakMap();
  }

  /** Loads the table when not yet loaded; `pk` is synchronous afterwards. */
  async load(): Promise<void> {
    if (this.map) return;
    const { rows } = await this.client.query<{ pk: number; type: string; id: string }>(
      "SELECT pk, type, id FROM records",
    );
    this.map = new Map(rows.map((r) => [`${r.type}\0${r.id}`, r.pk]));
  }

  /** The row id of `key` (after `load`); throws RECORD_NOT_FOUND when there is no such record. */
  pk(key: RecordKey): number {
    const known = this.seen.get(key);
    if (known !== undefined) return known;
    const pk = this.map?.get(`${key.type}\0${key.id}`);
    if (pk === undefined) throw new CampusGraphError("RECORD_NOT_FOUND", { type: key.type, id: key.id });
    this.seen.set(key, pk);
    return pk;
  }
}

const SCAN_PAGE = 5_000;

interface NeighbourDbRow {
  type: string;
  id: string;
  name: Record<string, string>;
  score: number;
  kind: string;
  evidence: Record<string, unknown>;
  total: number;
}

/** The graph's read side on PostgreSQL; reads go wherever `reader` says. */
export class PostgresGraphReader implements GraphReader {
  constructor(private readonly reader: () => Queryable) {}

  async neighbours(
    key: RecordKey,
    targetType: string,
    limit: number,
    offset: number,
  ): Promise<NeighbourPage> {
    if (!storableKey(key)) throw new CampusGraphError("RECORD_NOT_FOUND", { type: key.type, id: key.id });
    if (!storable(targetType)) return this.emptyPage(key, "");
    // One round trip: the source's pk, the page and the total (a count over the same index range).
    const { rows } = await this.reader().query<NeighbourDbRow>({
      name: "neighbours",
      text: `WITH s AS (SELECT pk FROM records WHERE type = $1 AND id = $2),
          t AS (SELECT count(*)::int AS total FROM s JOIN neighbours c ON c.source_pk = s.pk AND c.target_type = $3)
        SELECT r.type, r.id, r.data -> 'name' AS name, n.score, n.kind, n.evidence, t.total
        FROM s JOIN neighbours n ON n.source_pk = s.pk AND n.target_type = $3
        JOIN records r ON r.pk = n.target_pk CROSS JOIN t
        ORDER BY n.rank LIMIT $4 OFFSET $5`,
      values: [key.type, key.id, targetType, limit, offset],
    });
    if (rows.length === 0) return this.emptyPage(key, targetType);
    return {
      items: rows.map((r) => ({
        node: { type: r.type, id: r.id, name: displayName({ name: r.name }) },
        edge: { score: r.score, kind: r.kind, evidence: r.evidence },
      })),
      total: rows[0]?.total ?? 0,
    };
  }

  // No row: the record is unknown, or the page is past the end (the total is still wanted), or it has none.
  private async emptyPage(key: RecordKey, targetType: string): Promise<NeighbourPage> {
    const { rows } = await this.reader().query<{ total: number }>(
      `SELECT (SELECT count(*)::int FROM neighbours n WHERE n.source_pk = s.pk AND n.target_type = $3) AS total
       FROM records s WHERE s.type = $1 AND s.id = $2`,
      [key.type, key.id, targetType],
    );
    const found = rows[0];
    if (!found) throw new CampusGraphError("RECORD_NOT_FOUND", { type: key.type, id: key.id });
    return { items: [], total: found.total };
  }

  async neighbourCounts(key: RecordKey): Promise<Record<string, number>> {
    if (!storableKey(key)) return {};
    const { rows } = await this.reader().query<{ type: string; n: number }>({
      name: "neighbour-counts",
      text: `SELECT n.target_type AS type, count(*)::int AS n FROM neighbours n
        WHERE n.source_pk = (SELECT pk FROM records WHERE type = $1 AND id = $2)
        GROUP BY n.target_type ORDER BY n.target_type`,
      values: [key.type, key.id],
    });
    return Object.fromEntries(rows.map((r) => [r.type, r.n]));
  }

  /** Every node score in key order, read in keyset pages: a whole graph's scores are never held at once. */
  async *scanNodeScores(): AsyncIterable<NodeScore> {
    let last = { type: "", id: "" };
    for (;;) {
      const { rows } = await this.reader().query<{
        type: string;
        id: string;
        importance: number;
        degrees: Record<string, number>;
      }>({
        name: "scan-node-scores",
        text: `SELECT r.type, r.id, s.importance, s.degrees FROM records r JOIN node_scores s ON s.pk = r.pk
          WHERE (r.type, r.id) > ($1, $2) ORDER BY r.type, r.id LIMIT $3`,
        values: [last.type, last.id, SCAN_PAGE],
      });
      for (const r of rows)
        yield { key: { type: r.type, id: r.id }, importance: r.importance, degrees: r.degrees };
      const tail = rows.at(-1);
      if (!tail || rows.length < SCAN_PAGE) return;
      last = tail;
    }
  }

  /** Every neighbour row towards `targetType`, by source row id then rank, read in keyset pages. */
  async *scanNeighbours(targetType: string): AsyncIterable<NeighbourRow> {
    let last = { source_pk: 0, rank: -1 };
    for (;;) {
      const { rows } = await this.reader().query<StoredNeighbourRow>({
        name: "scan-neighbours",
        text: `SELECT n.source_pk, n.rank, s.type AS source_type, s.id AS source_id, t.type AS target_type,
            t.id AS target_id, n.score, n.kind, n.evidence
          FROM neighbours n JOIN records s ON s.pk = n.source_pk JOIN records t ON t.pk = n.target_pk
          WHERE n.target_type = $1 AND (n.source_pk, n.rank) > ($2, $3) ORDER BY n.source_pk, n.rank LIMIT $4`,
        values: [targetType, last.source_pk, last.rank, SCAN_PAGE],
      });
      for (const r of rows) yield toNeighbourRow(r);
      const tail = rows.at(-1);
      if (!tail || rows.length < SCAN_PAGE) return;
      last = tail;
    }
  }
}

/**
 * The graph's write side on PostgreSQL, in a transaction: `guard` throws once it has ended, and the tables
 * rewritten whole are added to `bulk` (vacuumed after the commit).
 */
export class PostgresGraphWriter implements GraphWriter {
  constructor(
    private readonly client: pg.PoolClient,
    private readonly keys: PostgresKeyIndex,
    private readonly guard: () => void,
    private readonly bulk: Set<string>,
  ) {}

  /** Replaces neighbour lists: of every node (`"all"`) or of the given sources only. */
  async replaceNeighbours(
    sources: readonly RecordKey[] | "all",
    rows: Iterable<NeighbourRow>,
  ): Promise<void> {
    this.guard();
    const { client, keys } = this;
    if (sources === "all") this.bulk.add("neighbours");
    await keys.load();
    const allowed = sources === "all" ? undefined : new Set(sources.map((k) => keys.pk(k)));
    // DELETE rather than TRUNCATE: readers keep seeing the old lists until the new ones commit.
    if (allowed === undefined) await client.query("DELETE FROM neighbours");
    else await client.query("DELETE FROM neighbours WHERE source_pk = ANY($1::int[])", [[...allowed]]);
    await copyRows(
      client,
      "neighbours (source_pk, target_type, rank, target_pk, score, kind, evidence)",
      encodeNeighbourRows(rows, (key) => keys.pk(key), allowed),
    );
  }

  /** Replaces node scores: of every node (`"all"`) or of the given nodes only. */
  async replaceNodeScores(
    sources: readonly RecordKey[] | "all",
    scores: readonly NodeScore[],
  ): Promise<void> {
    this.guard();
    const { client, keys } = this;
    if (sources === "all") this.bulk.add("node_scores");
    await keys.load();
    if (sources === "all") await client.query("DELETE FROM node_scores");
    else
      await client.query("DELETE FROM node_scores WHERE pk = ANY($1::int[])", [
        sources.map((k) => keys.pk(k)),
      ]);
    // A node given twice keeps its last score, as SQLite's INSERT OR REPLACE does.
    const last = new Map<number, NodeScore>();
    for (const s of scores) last.set(keys.pk(s.key), s);
    await copyRows(
      client,
      "node_scores (pk, importance, degrees)",
      [...last].map(([pk, s]) => [pk, s.importance, JSON.stringify(s.degrees)]),
    );
  }
}
