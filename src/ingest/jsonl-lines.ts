/**
 * Streams the lines of a `.jsonl` or `.jsonl.gz` file with their 1-based numbers, in constant memory.
 * Lines are split on raw bytes (a newline byte never occurs inside a UTF-8 sequence) and each is checked
 * for valid UTF-8 on its own, so that one badly encoded line is a line error, not a broken file.
 * A truncated gzip or an unreadable file raises CORPUS_FILE_UNREADABLE naming file and line.
 */
import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { CampusGraphError } from "../core/errors.js";

/** One line of a file: its 1-based number and its text without the line break, or `text: undefined` when it is not valid UTF-8. */
export interface SourceLine {
  readonly line: number;
  readonly text: string | undefined;
}

/** Options of `readLines`. */
export interface ReadLinesOptions {
  /** Name used in error messages; default: the path. */
  readonly label?: string;
  /** Called with the number of raw (compressed) bytes read from disk, for progress. */
  readonly onBytes?: (bytes: number) => void;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Yields every line of the file at `path`, decompressing when the name ends in `.gz`. */
export async function* readLines(path: string, options: ReadLinesOptions = {}): AsyncGenerator<SourceLine> {
  const label = options.label ?? path;
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const onBytes = options.onBytes;
  if (onBytes) file.on("data", (chunk) => onBytes(chunk.length));
  let input: Readable = file;
  if (path.endsWith(".gz")) {
    const gunzip = createGunzip();
    file.on("error", (error) => gunzip.destroy(error));
    input = file.pipe(gunzip);
  }
  let line = 0;
  let pending: Buffer[] = [];
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      let start = 0;
      let newline = chunk.indexOf(NEWLINE, start);
      while (newline !== -1) {
        const piece = chunk.subarray(start, newline);
        const bytes = pending.length > 0 ? Buffer.concat([...pending, piece]) : piece;
        pending = [];
        line += 1;
        yield decodeLine(bytes, line);
        start = newline + 1;
        newline = chunk.indexOf(NEWLINE, start);
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
    }
  } catch (error) {
    throw new CampusGraphError(
      "CORPUS_FILE_UNREADABLE",
      { file: label, line: line + 1, problem: describeStreamError(error) },
      { cause: error },
    );
  } finally {
    file.destroy();
  }
  if (pending.length > 0) yield decodeLine(Buffer.concat(pending), line + 1);
}

function decodeLine(raw: Buffer, line: number): SourceLine {
  let bytes = raw.at(-1) === CARRIAGE_RETURN ? raw.subarray(0, -1) : raw;
  if (line === 1 && bytes.subarray(0, 3).equals(BOM)) bytes = bytes.subarray(3);
  return { line, text: isUtf8(bytes) ? bytes.toString("utf8") : undefined };
}

function describeStreamError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === "Z_BUF_ERROR" || /unexpected end of file/i.test(String(error))) {
    return "the gzip stream ends early (truncated file)";
  }
  if (code === "Z_DATA_ERROR") return "not a valid gzip stream";
  return error instanceof Error ? error.message : String(error);
}
