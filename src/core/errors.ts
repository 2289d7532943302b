/**
 * The catalogue of every error Campus Graph reports, and the one error class that carries them.
 * Domain code throws `CampusGraphError` with a code from here; only `src/http` maps codes to HTTP statuses
 * and only `src/cli` maps them to exit codes.
 */

/** Every error code, with the message template its details fill in (`{name}` placeholders). */
export const ERROR_CATALOGUE = {
  CORPUS_NOT_FOUND:
    "Corpus not found: {path} (expected a folder with manifest.json, or a .jsonl/.jsonl.gz file)",
  MANIFEST_INVALID: "{file}: {problem}",
  CORPUS_FILE_MISSING: "{file}: listed in manifest.json but not found",
  CORPUS_FILE_UNREADABLE: "{file}:{line}: cannot read the file: {problem}",
  LINE_NOT_UTF8: "{file}:{line}: not valid UTF-8 text",
  LINE_NOT_JSON: "{file}:{line}: not valid JSON: {problem}",
  RECORD_INVALID: '{file}:{line}: field "{field}": {problem}',
  DUMP_NOT_FOUND: "Wikipedia dump not found: {file}",
  DUMP_UNREADABLE: "{file}: cannot read the dump ({place}): {problem}",
  DUMP_INVALID: "{file}: not a valid MediaWiki XML dump ({place}): {problem}",
  DATABASE_UNAVAILABLE: "Cannot open the database {location}: {problem}",
  DATABASE_TOO_NEW:
    "The database {location} has schema version {found}, newer than this program knows ({known})",
  TRANSACTION_NESTED: "A transaction is already open on this store",
  RECORD_NOT_FOUND: "No {type} with id {id}",
  ROUTE_NOT_FOUND: "No such page or API route: {path}",
  INVALID_ARGUMENT: "{problem}",
  PAYLOAD_TOO_LARGE: "Request body over {limit} bytes",
  CURATION_DISABLED: "Curation is off: the server has no curator token (CAMPUS_GRAPH_CURATOR_TOKEN)",
  CURATOR_TOKEN_INVALID:
    "A curator token is required (Authorization: Bearer <token>) and this one is not valid",
  CSRF_TOKEN_INVALID: "The form has expired or did not come from this site; reload the page and try again",
  CORRECTION_NOT_FOUND: "No standing correction number {id}",
  TOO_MANY_REPORTS: "Too many reports from this address; try again in a minute",
  INTERNAL: "Internal error: {problem}",
} as const;

/** A code from the catalogue. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Values that fill an error's message template and travel with it (file, line, field…). */
export type ErrorDetails = Readonly<Record<string, string | number>>;

/** The one error class of Campus Graph: a catalogue code, its details, and an optional cause. */
export class CampusGraphError extends Error {
  override readonly name = "CampusGraphError";
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    super(formatErrorMessage(code, details), options);
    this.code = code;
    this.details = details;
  }
}

/** Fills the message template of `code` with `details`; unknown placeholders stay visible. */
export function formatErrorMessage(code: ErrorCode, details: ErrorDetails): string {
  return ERROR_CATALOGUE[code].replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in details ? String(details[key]) : whole,
  );
}

/** True when `error` is a CampusGraphError, optionally of the given code. */
export function isCampusGraphError(error: unknown, code?: ErrorCode): error is CampusGraphError {
  return error instanceof CampusGraphError && (code === undefined || error.code === code);
}
