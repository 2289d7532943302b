/**
 * The precomputed graph on SQLite: ranked neighbour rows and node scores, written in bulk and read by primary
 * key ranges (`neighbours (source_pk, target_type, rank)`), so that a page reads a neighbourhood in one seek.
 */
import type Database from "better-sqlite3";
import { CampusGraphError } from "../../core/errors.js";
import { displayName } from "../../core/record.js";
import {
  type EncodedNeighbourRow,
  encodeNeighbourRows,
  type StoredNeighbourRow,
  toNeighbourRow,
} from "../engine-parts.js";
import type {
  GraphReader,
  GraphWriter,
  NeighbourPage,
  NeighbourRow,
  NodeScore,
  RecordKey,
} from "../store.js";
import { prepared } from "./statements.js";

/**
 * Resolves record keys to SQLite row ids, each key read once from the records table's (type, id) index and then
 * remembered by identity. The neighbour rows' keys are checked here, not by foreign keys (migration 7): a missing
 * record is an error, and a removed one is forgotten. No map of the whole table: at 2.26 M records it took ~150
 * bytes a record (a string per key and its entry) for the whole of a full write.
 */
export class KeyIndex {
  // Callers pass the same key objects many times (a node's every row, both ends of its edges).
  private seen = new WeakMap<RecordKey, number>();
  private readonly lookup: Database.Statement;

  constructor(db: Database.Database) {
    this.lookup = db.prepare("SELECT pk FROM records WHERE type = ? AND id = ?").pluck();
  }

  /** The row id of `key`; throws RECORD_NOT_FOUND when there is no such record. */
  pk(key: RecordKey): number {
    const known = this.seen.get(key);
    if (known !== undefined) return known;
    const pk = this.lookup.get(key.type, key.id) as number | undefined;
    if (pk === undefined) throw new CampusGraphError("RECORD_NOT_FOUND", { type: key.type, id: key.id });
    this.seen.set(key, pk);
    return pk;
  }

  /** Forgets every key read: a record was removed, and writing a row towards it fails from now on. */
  forget(): void {
    this.seen = new WeakMap();
  }
}

/** The graph's write side on SQLite, inside a transaction; `guard` throws once the transaction has ended. */
export class SqliteGraphWriter implements GraphWriter {
  constructor(
    private readonly db: Database.Database,
    private readonly keys: KeyIndex,
    private readonly guard: () => void,
  ) {}

  /** Replaces neighbour lists: of every node (`"all"`) or of the given sources only. */
  async replaceNeighbours(
    sources: readonly RecordKey[] | "all",
    rows: Iterable<NeighbourRow>,
  ): Promise<void> {
    this.guard();
    const { db, keys } = this;
    const allowed = sources === "all" ? undefined : new Set(sources.map((k) => keys.pk(k)));
    // A full rebuild inserts millions of rows: build the target index once at the end, not row by row.
    if (sources === "all") db.exec("DELETE FROM neighbours; DROP INDEX IF EXISTS neighbours_by_target");
    else {
      const remove = prepared(db, "DELETE FROM neighbours WHERE source_pk = ?");
      for (const pk of allowed ?? []) remove.run(pk);
    }
    insertNeighbourRows(
      db,
      encodeNeighbourRows(rows, (key) => keys.pk(key), allowed),
    );
    if (sources === "all") db.exec("CREATE INDEX neighbours_by_target ON neighbours (target_pk)");
  }

  /** Replaces node scores: of every node (`"all"`) or of the given nodes only. */
  async replaceNodeScores(
    sources: readonly RecordKey[] | "all",
    scores: readonly NodeScore[],
  ): Promise<void> {
    this.guard();
    const { db, keys } = this;
    if (sources === "all") db.exec("DELETE FROM node_scores");
    else {
      const remove = prepared(db, "DELETE FROM node_scores WHERE pk = ?");
      for (const key of sources) remove.run(keys.pk(key));
    }
    const insert = prepared(
      db,
      "INSERT OR REPLACE INTO node_scores (pk, importance, degrees) VALUES (?, ?, ?)",
    );
    for (const s of scores) insert.run(keys.pk(s.key), s.importance, JSON.stringify(s.degrees));
  }
}

const INSERT_NEIGHBOURS =
  "INSERT INTO neighbours (source_pk, target_type, rank, target_pk, score, kind, evidence) VALUES";
// Rows per INSERT statement: one call into SQLite per batch rather than per row (a full build writes millions).
const INSERT_BATCH = 64;

/** Inserts `rows` in their order, INSERT_BATCH at a time. */
function insertNeighbourRows(db: Database.Database, rows: Iterable<EncodedNeighbourRow>): void {
  const one = prepared(db, `${INSERT_NEIGHBOURS} (?, ?, ?, ?, ?, ?, ?)`);
  const batch = prepared(
    db,
    `${INSERT_NEIGHBOURS} ${Array(INSERT_BATCH).fill("(?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
  );
  const pending: (string | number)[] = [];
  for (const row of rows) {
    pending.push(...row);
    if (pending.length === INSERT_BATCH * row.length) {
      batch.run(pending);
      pending.length = 0;
    }
  }
  for (let at = 0; at < pending.length; at += 7) one.run(pending.slice(at, at + 7));
}

const SCAN_PAGE = 5_000;

/** The graph's read side on SQLite. */
export class SqliteGraphReader implements GraphReader {
  constructor(private readonly db: Database.Database) {}

  /** Reads one page of a node's neighbours of one type. */
  async neighbours(
    key: RecordKey,
    targetType: string,
    limit: number,
    offset: number,
  ): Promise<NeighbourPage> {
    const { db } = this;
    const source = prepared(db, "SELECT pk FROM records WHERE type = ? AND id = ?").get(key.type, key.id) as
      | { pk: number }
      | undefined;
    if (!source) throw new CampusGraphError("RECORD_NOT_FOUND", { type: key.type, id: key.id });
    const rows = prepared(
      db,
      `SELECT r.type, r.id, json_extract(r.data, '$.name') AS name, n.score, n.kind, n.evidence
         FROM neighbours n JOIN records r ON r.pk = n.target_pk
         WHERE n.source_pk = ? AND n.target_type = ? ORDER BY n.rank LIMIT ? OFFSET ?`,
    ).all(source.pk, targetType, limit, offset) as {
      type: string;
      id: string;
      name: string;
      score: number;
      kind: string;
      evidence: string;
    }[];
    const total = (
      prepared(db, "SELECT count(*) AS n FROM neighbours WHERE source_pk = ? AND target_type = ?").get(
        source.pk,
        targetType,
      ) as {
        n: number;
      }
    ).n;
    return {
      items: rows.map((r) => ({
        node: {
          type: r.type,
          id: r.id,
          name: displayName({ name: JSON.parse(r.name) as Record<string, string> }),
        },
        edge: { score: r.score, kind: r.kind, evidence: JSON.parse(r.evidence) as Record<string, unknown> },
      })),
      total,
    };
  }

  /** How many neighbours of each type a node has. */
  async neighbourCounts(key: RecordKey): Promise<Record<string, number>> {
    const { db } = this;
    const rows = prepared(
      db,
      `SELECT n.target_type AS type, count(*) AS n FROM neighbours n
         WHERE n.source_pk = (SELECT pk FROM records WHERE type = ? AND id = ?) GROUP BY n.target_type ORDER BY n.target_type`,
    ).all(key.type, key.id) as { type: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.type, r.n]));
  }

  /** Every neighbour row towards `targetType`, by source row id then rank, read in keyset pages. */
  async *scanNeighbours(targetType: string): AsyncIterable<NeighbourRow> {
    const { db } = this;
    const page = prepared(
      db,
      `SELECT n.source_pk, n.rank, s.type AS source_type, s.id AS source_id, t.type AS target_type,
              t.id AS target_id, n.score, n.kind, n.evidence
       FROM neighbours n JOIN records s ON s.pk = n.source_pk JOIN records t ON t.pk = n.target_pk
       WHERE n.target_type = ? AND (n.source_pk, n.rank) > (?, ?) ORDER BY n.source_pk, n.rank LIMIT ?`,
    );
    let last = { source_pk: 0, rank: -1 };
    for (;;) {
      const rows = page.all(targetType, last.source_pk, last.rank, SCAN_PAGE) as StoredNeighbourRow[];
      for (const r of rows) yield toNeighbourRow(r);
      const tail = rows.at(-1);
      if (!tail || rows.length < SCAN_PAGE) return;
      last = tail;
    }
  }

  /** Every node score in key order, read in keyset pages: a whole graph's scores are never held at once. */
  async *scanNodeScores(): AsyncIterable<NodeScore> {
    const page = prepared(
      this.db,
      `SELECT r.type, r.id, s.importance, s.degrees FROM records r JOIN node_scores s ON s.pk = r.pk
         WHERE (r.type, r.id) > (?, ?) ORDER BY r.type, r.id LIMIT ?`,
    );
    let last = { type: "", id: "" };
    for (;;) {
      const rows = page.all(last.type, last.id, SCAN_PAGE) as StoredNodeScore[];
      for (const r of rows) {
        yield { key: { type: r.type, id: r.id }, importance: r.importance, degrees: JSON.parse(r.degrees) };
      }
      const tail = rows.at(-1);
      if (!tail || rows.length < SCAN_PAGE) return;
      last = tail;
    }
  }
}

interface StoredNodeScore {
  type: string;
  id: string;
  importance: number;
  degrees: string;
}
