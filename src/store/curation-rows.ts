/**
 * How both engines store and read back corrections and reports: the submission as JSON, the withdrawal in
 * columns of its own.
 */
import type { Correction, NewCorrection, NewReport, Report } from "../core/correction.js";

/** A correction row as both engines read it back. */
export interface StoredCorrectionRow {
  id: number;
  data: string | NewCorrection;
  withdrawn_by: string | null;
  withdrawn_at: string | null;
}

/** A report row as both engines read it back. */
export interface StoredReportRow {
  id: number;
  data: string | NewReport;
}

/** The port's form of a stored correction (data parsed when the driver left it as text). */
export function toCorrection(row: StoredCorrectionRow): Correction {
  const data = typeof row.data === "string" ? (JSON.parse(row.data) as NewCorrection) : row.data;
  const withdrawn =
    row.withdrawn_by !== null && row.withdrawn_at !== null
      ? { who: row.withdrawn_by, at: row.withdrawn_at }
      : undefined;
  return { ...data, id: Number(row.id), ...(withdrawn ? { withdrawn } : {}) };
}

/** The port's form of a stored report. */
export function toReport(row: StoredReportRow): Report {
  const data = typeof row.data === "string" ? (JSON.parse(row.data) as NewReport) : row.data;
  return { ...data, id: Number(row.id) };
}

/** The JSON stored for a submission: only its own fields, in a fixed order. */
export function correctionData(c: NewCorrection): string {
  return JSON.stringify({
    kind: c.kind,
    source: { type: c.source.type, id: c.source.id },
    ...(c.target ? { target: { type: c.target.type, id: c.target.id } } : {}),
    ...(c.value !== undefined ? { value: c.value } : {}),
    why: c.why,
    who: c.who,
    at: c.at,
  });
}

/** The JSON stored for a report. */
export function reportData(r: NewReport): string {
  return JSON.stringify({
    source: { type: r.source.type, id: r.source.id },
    target: { type: r.target.type, id: r.target.id },
    why: r.why,
    at: r.at,
  });
}
