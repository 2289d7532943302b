/**
 * Streams the text of a Wikipedia dump file in chunks, decompressing bzip2 (found by the `.bz2` name or the
 * `BZh` magic bytes; concatenated streams, as in `multistream` dumps, included) in constant memory.
 * Failures are Node's own errors; `describeDumpReadError` says what they mean for a dump.
 */
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import unbzip2 from "unbzip2-stream";

const BZIP2_MAGIC = Buffer.from("BZh");
const CHUNK_BYTES = 1 << 20;

/** Yields the decoded UTF-8 text of the file at `path`; `onBytes` gets the count of raw bytes read from disk. */
export async function* readDumpText(path: string, onBytes?: (bytes: number) => void): AsyncGenerator<string> {
  const handle = await open(path, "r");
  const head = Buffer.alloc(BZIP2_MAGIC.length);
  await handle.read(head, 0, head.length, 0).catch(async (error: unknown) => {
    await handle.close();
    throw error;
  });
  const file = handle.createReadStream({ start: 0, highWaterMark: CHUNK_BYTES });
  const bzip2 = path.endsWith(".bz2") || head.equals(BZIP2_MAGIC);
  const input = bzip2 ? decompressed(file, onBytes) : file;
  const decoder = new TextDecoder("utf-8");
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      if (!bzip2) onBytes?.(chunk.length);
      const text = decoder.decode(chunk, { stream: true });
      if (text !== "") yield text;
    }
    const rest = decoder.decode();
    if (rest !== "") yield rest;
  } finally {
    input.destroy();
    file.destroy();
  }
}

/** What a failure of `readDumpText` means, in words: missing file, truncated or corrupt bzip2, I/O error. */
export function describeDumpReadError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "a folder, not a dump file";
  // unbzip2-stream reports a stream cut short either in words or by reading past its last buffer.
  if (error instanceof TypeError || /prematurely/.test(String(error))) {
    return "the bzip2 stream ends early (truncated file)";
  }
  if ((error as { name?: unknown }).name === "Bzip2Error") {
    return `not a valid bzip2 stream (corrupt data: ${(error as Error).message})`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Pipes `file` through the bzip2 decoder as a modern Readable that forwards both streams' errors. */
function decompressed(file: Readable, onBytes?: (bytes: number) => void): Readable {
  if (onBytes) file.on("data", (chunk: Buffer) => onBytes(chunk.length));
  const decoder = unbzip2();
  const output = new Readable().wrap(file.pipe(decoder));
  file.on("error", (error) => output.destroy(error));
  return output;
}
