/**
 * Fresh PostgreSQL databases on the test cluster started by `postgres-setup.ts`, one per test or suite.
 */
import pg from "pg";
import { inject } from "vitest";

let counter = 0;

/** The primary's URL, or undefined when the PostgreSQL suite is skipped. */
export function testPostgres(): { primary: string; replica: string } | undefined {
  const provided = inject("postgres");
  return "primary" in provided ? provided : undefined;
}

/** Why the PostgreSQL suite is skipped, for test names. */
export function postgresSkipReason(): string {
  const provided = inject("postgres");
  return "skipped" in provided ? provided.skipped : "";
}

/** Creates a new empty database on the test cluster and returns its URL. */
export async function createTestDatabase(serverUrl: string, label = "t"): Promise<string> {
  counter += 1;
  const name = `${label}_${process.pid}_${counter}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return serverUrl.replace(/\/[^/]*$/, `/${name}`);
}
