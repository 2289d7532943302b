/** The Store port's curation: corrections and reports, never touched by imports or builds. */
import type { Correction, NewCorrection, NewReport, Report } from "../core/correction.js";

/** The write side of curation: corrections and reports, never touched by imports or builds. */
export interface CurationWriter {
  /** Stores a correction and returns it with its new number. */
  addCorrection(correction: NewCorrection): Promise<Correction>;
  /** Marks correction `id` withdrawn; false when there is none or it is withdrawn already. */
  withdrawCorrection(id: number, who: string, at: string): Promise<boolean>;
  /** Stores a reader's report and returns it with its new number. */
  addReport(report: NewReport): Promise<Report>;
}

/** The read side of curation. */
export interface CurationReader {
  /** Every correction, withdrawn ones included, oldest first. */
  listCorrections(): Promise<Correction[]>;
  /** The newest `limit` reports, newest first. */
  listReports(limit: number): Promise<Report[]>;
}
