/**
 * Bulk writes with COPY … FROM STDIN in text format: rows are escaped and streamed in chunks of about a
 * megabyte, waiting for the socket to drain between chunks, so memory stays flat for millions of rows.
 */
import { once } from "node:events";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** A column value: null is SQL NULL. */
export type CopyValue = string | number | boolean | null;

const CHUNK_BYTES = 1 << 20;

/** Copies `rows` into `target` ("table (column, …)") on `client`; returns the number of rows. */
export async function copyRows(
  client: pg.PoolClient,
  target: string,
  rows: Iterable<readonly CopyValue[]>,
): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${target} FROM STDIN`));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
  });
  let count = 0;
  let chunk = "";
  try {
    for (const row of rows) {
      chunk += `${row.map(copyText).join("\t")}\n`;
      count += 1;
      if (chunk.length >= CHUNK_BYTES) {
        if (!stream.write(chunk)) await Promise.race([once(stream, "drain"), finished]);
        chunk = "";
      }
    }
  } catch (error) {
    // Abort the COPY so that the connection is usable for the ROLLBACK that follows.
    stream.destroy(error as Error);
    await finished.catch(() => undefined);
    throw error;
  }
  stream.end(chunk);
  await finished;
  return count;
}

/** A value in COPY's text format: backslash, tab, newline and carriage return escaped; null as \N. */
export function copyText(value: CopyValue): string {
  if (value === null) return "\\N";
  const text = String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replaceAll("\\", "\\\\").replaceAll("\t", "\\t").replaceAll("\n", "\\n").replaceAll("\r", "\\r")
    : text;
}
