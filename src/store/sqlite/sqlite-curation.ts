/** Corrections and reports on SQLite: plain rows, read whole (curators make a few hundred at most). */
import type Database from "better-sqlite3";
import type { Correction, NewCorrection, NewReport, Report } from "../../core/correction.js";
import {
  correctionData,
  reportData,
  type StoredCorrectionRow,
  type StoredReportRow,
  toCorrection,
  toReport,
} from "../curation-rows.js";
import { prepared } from "./statements.js";

/** Stores a correction; returns it numbered. */
export function addSqliteCorrection(db: Database.Database, c: NewCorrection): Correction {
  const data = correctionData(c);
  const id = prepared(db, "INSERT INTO corrections (data) VALUES (?)").run(data).lastInsertRowid;
  return toCorrection({ id: Number(id), data, withdrawn_by: null, withdrawn_at: null });
}

/** Marks a correction withdrawn; false when none is, or it was already. */
export function withdrawSqliteCorrection(
  db: Database.Database,
  id: number,
  who: string,
  at: string,
): boolean {
  return (
    prepared(
      db,
      "UPDATE corrections SET withdrawn_by = ?, withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL",
    ).run(who, at, id).changes > 0
  );
}

/** Every correction, oldest first. */
export function listSqliteCorrections(db: Database.Database): Correction[] {
  const rows = prepared(db, "SELECT id, data, withdrawn_by, withdrawn_at FROM corrections ORDER BY id").all();
  return (rows as StoredCorrectionRow[]).map(toCorrection);
}

/** Stores a report; returns it numbered. */
export function addSqliteReport(db: Database.Database, r: NewReport): Report {
  const data = reportData(r);
  const id = prepared(db, "INSERT INTO reports (data) VALUES (?)").run(data).lastInsertRowid;
  return toReport({ id: Number(id), data });
}

/** The newest `limit` reports, newest first. */
export function listSqliteReports(db: Database.Database, limit: number): Report[] {
  const rows = prepared(db, "SELECT id, data FROM reports ORDER BY id DESC LIMIT ?").all(limit);
  return (rows as StoredReportRow[]).map(toReport);
}
