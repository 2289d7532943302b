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
import type { CurationReader, CurationWriter } from "../store.js";
import { prepared } from "./statements.js";

/** Curation's write side on SQLite, inside a transaction; `guard` throws once the transaction has ended. */
export class SqliteCurationWriter implements CurationWriter {
  constructor(
    private readonly db: Database.Database,
    private readonly guard: () => void,
  ) {}

  async addCorrection(c: NewCorrection): Promise<Correction> {
    this.guard();
    const data = correctionData(c);
    const id = prepared(this.db, "INSERT INTO corrections (data) VALUES (?)").run(data).lastInsertRowid;
    return toCorrection({ id: Number(id), data, withdrawn_by: null, withdrawn_at: null });
  }

  async withdrawCorrection(id: number, who: string, at: string): Promise<boolean> {
    this.guard();
    return (
      prepared(
        this.db,
        "UPDATE corrections SET withdrawn_by = ?, withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL",
      ).run(who, at, id).changes > 0
    );
  }

  async addReport(r: NewReport): Promise<Report> {
    this.guard();
    const data = reportData(r);
    const id = prepared(this.db, "INSERT INTO reports (data) VALUES (?)").run(data).lastInsertRowid;
    return toReport({ id: Number(id), data });
  }
}

/** Curation's read side on SQLite. */
export class SqliteCurationReader implements CurationReader {
  constructor(private readonly db: Database.Database) {}

  async listCorrections(): Promise<Correction[]> {
    const rows = prepared(
      this.db,
      "SELECT id, data, withdrawn_by, withdrawn_at FROM corrections ORDER BY id",
    ).all();
    return (rows as StoredCorrectionRow[]).map(toCorrection);
  }

  async listReports(limit: number): Promise<Report[]> {
    const rows = prepared(this.db, "SELECT id, data FROM reports ORDER BY id DESC LIMIT ?").all(limit);
    return (rows as StoredReportRow[]).map(toReport);
  }
}
