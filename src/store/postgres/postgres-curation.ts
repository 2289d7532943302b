/** Corrections and reports on PostgreSQL: plain rows, read whole (curators make a few hundred at most). */
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
import type { Queryable } from "./connection.js";

/** Curation's write side on PostgreSQL, in a transaction; `guard` throws once the transaction has ended. */
export class PostgresCurationWriter implements CurationWriter {
  constructor(
    private readonly client: Queryable,
    private readonly guard: () => void,
  ) {}

  async addCorrection(c: NewCorrection): Promise<Correction> {
    this.guard();
    const { rows } = await this.client.query<StoredCorrectionRow>(
      "INSERT INTO corrections (data) VALUES ($1) RETURNING id, data, withdrawn_by, withdrawn_at",
      [correctionData(c)],
    );
    return toCorrection(rows[0] as StoredCorrectionRow);
  }

  async withdrawCorrection(id: number, who: string, at: string): Promise<boolean> {
    this.guard();
    const { rowCount } = await this.client.query(
      "UPDATE corrections SET withdrawn_by = $1, withdrawn_at = $2 WHERE id = $3 AND withdrawn_at IS NULL",
      [who, at, id],
    );
    return (rowCount ?? 0) > 0;
  }

  async addReport(r: NewReport): Promise<Report> {
    this.guard();
    const { rows } = await this.client.query<StoredReportRow>(
      "INSERT INTO reports (data) VALUES ($1) RETURNING id, data",
      [reportData(r)],
    );
    return toReport(rows[0] as StoredReportRow);
  }
}

/**
 * Curation's read side on PostgreSQL, always from the primary: a curator reads back what was just written, and
 * a replica may lag.
 */
export class PostgresCurationReader implements CurationReader {
  constructor(private readonly primary: Queryable) {}

  async listCorrections(): Promise<Correction[]> {
    const { rows } = await this.primary.query<StoredCorrectionRow>(
      "SELECT id, data, withdrawn_by, withdrawn_at FROM corrections ORDER BY id",
    );
    return rows.map(toCorrection);
  }

  async listReports(limit: number): Promise<Report[]> {
    const { rows } = await this.primary.query<StoredReportRow>(
      "SELECT id, data FROM reports ORDER BY id DESC LIMIT $1",
      [limit],
    );
    return rows.map(toReport);
  }
}
