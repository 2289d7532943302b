/** Corrections and reports on PostgreSQL: plain rows, read whole (curators make a few hundred at most). */
import type pg from "pg";
import type { Correction, NewCorrection, NewReport, Report } from "../../core/correction.js";
import {
  correctionData,
  reportData,
  type StoredCorrectionRow,
  type StoredReportRow,
  toCorrection,
  toReport,
} from "../curation-rows.js";

/** Something that runs a query: the primary pool or a client in a transaction. */
type Queryable = Pick<pg.PoolClient, "query">;

/** Stores a correction; returns it numbered. */
export async function addPostgresCorrection(db: Queryable, c: NewCorrection): Promise<Correction> {
  const { rows } = await db.query<StoredCorrectionRow>(
    "INSERT INTO corrections (data) VALUES ($1) RETURNING id, data, withdrawn_by, withdrawn_at",
    [correctionData(c)],
  );
  return toCorrection(rows[0] as StoredCorrectionRow);
}

/** Marks a correction withdrawn; false when none is, or it was already. */
export async function withdrawPostgresCorrection(
  db: Queryable,
  id: number,
  who: string,
  at: string,
): Promise<boolean> {
  const { rowCount } = await db.query(
    "UPDATE corrections SET withdrawn_by = $1, withdrawn_at = $2 WHERE id = $3 AND withdrawn_at IS NULL",
    [who, at, id],
  );
  return (rowCount ?? 0) > 0;
}

/** Every correction, oldest first. */
export async function listPostgresCorrections(db: Queryable): Promise<Correction[]> {
  const { rows } = await db.query<StoredCorrectionRow>(
    "SELECT id, data, withdrawn_by, withdrawn_at FROM corrections ORDER BY id",
  );
  return rows.map(toCorrection);
}

/** Stores a report; returns it numbered. */
export async function addPostgresReport(db: Queryable, r: NewReport): Promise<Report> {
  const { rows } = await db.query<StoredReportRow>(
    "INSERT INTO reports (data) VALUES ($1) RETURNING id, data",
    [reportData(r)],
  );
  return toReport(rows[0] as StoredReportRow);
}

/** The newest `limit` reports, newest first. */
export async function listPostgresReports(db: Queryable, limit: number): Promise<Report[]> {
  const { rows } = await db.query<StoredReportRow>("SELECT id, data FROM reports ORDER BY id DESC LIMIT $1", [
    limit,
  ]);
  return rows.map(toReport);
}
