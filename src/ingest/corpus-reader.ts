/**
 * Reads the records of a corpus, line by line: each line becomes a validated record or a line error
 * (LINE_NOT_UTF8, LINE_NOT_JSON, RECORD_INVALID) naming file, line and field. File-level failures are thrown.
 */
import { CampusGraphError } from "../core/errors.js";
import { type CorpusRecord, validateRecord } from "../core/record.js";
import type { CorpusFile } from "./corpus-source.js";
import { readLines } from "./jsonl-lines.js";

/** One line of a corpus: a record, or why the line was rejected. */
export type CorpusEntry =
  | { readonly kind: "record"; readonly file: string; readonly line: number; readonly record: CorpusRecord }
  | { readonly kind: "error"; readonly error: CampusGraphError };

/** Options of `readCorpusFile`. */
export interface ReadCorpusOptions {
  /** Called with raw bytes read from disk, for progress. */
  readonly onBytes?: (bytes: number) => void;
}

/** Yields every non-blank line of one corpus file as a record or a line error. */
export async function* readCorpusFile(
  file: CorpusFile,
  options: ReadCorpusOptions = {},
): AsyncGenerator<CorpusEntry> {
  for await (const { line, text } of readLines(file.path, { label: file.name, onBytes: options.onBytes })) {
    if (text === undefined) {
      yield { kind: "error", error: new CampusGraphError("LINE_NOT_UTF8", { file: file.name, line }) };
      continue;
    }
    if (text.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield {
        kind: "error",
        error: new CampusGraphError("LINE_NOT_JSON", {
          file: file.name,
          line,
          problem: (error as Error).message,
        }),
      };
      continue;
    }
    const result = validateRecord(value);
    if (result.ok) {
      yield { kind: "record", file: file.name, line, record: result.record };
    } else {
      yield {
        kind: "error",
        error: new CampusGraphError("RECORD_INVALID", {
          file: file.name,
          line,
          field: result.field,
          problem: result.problem,
        }),
      };
    }
  }
}
