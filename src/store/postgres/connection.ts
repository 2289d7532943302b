/** What the PostgreSQL engine's parts share about connections: a query runner, a safe check-out, a URL to show. */
import type pg from "pg";
import type { RecordKey } from "../store.js";

/** Something that runs a query: a pool or one client. */
export type Queryable = Pick<pg.Pool, "query">;

/** `url` with its password replaced by "…", for messages and logs. */
export function redactPassword(url: string): string {
  // The user info ends at the last "@" before the path; a password may hold "@" itself.
  return url.replace(/^([a-z]+:\/\/[^:@/]*):[^/]*@/i, "$1:…@").replace(/([?&]password=)[^&]*/i, "$1…");
}

/**
 * A pooled client for a transaction or a migration. While checked out, a client has no 'error' listener of the
 * pool's: a session ended by the server (restart, failover, timeout) would crash the process. This one records
 * the error (the next query fails with it) and hands the broken client back to the pool to be discarded.
 */
export async function checkOut(
  pool: pg.Pool,
): Promise<{ client: pg.PoolClient; lease: { release(): void } }> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on("error", onError);
  return {
    client,
    lease: {
      release() {
        client.removeListener("error", onError);
        client.release(broken);
      },
    },
  };
}

/** False for text PostgreSQL cannot hold: a NUL character. Such a key or id matches nothing. */
export function storable(text: string): boolean {
  return !text.includes("\u0000");
}

/** False when a key holds what PostgreSQL text cannot (NUL): no stored record has such a key. */
export function storableKey(key: RecordKey): boolean {
  return storable(key.type) && storable(key.id);
}
