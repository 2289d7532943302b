import pg from "pg";
import { describe, expect, it } from "vitest";
import { createTestDatabase, postgresSkipReason, testPostgres } from "../../../test/postgres-databases.js";
import { describeStoreContract } from "../store.contract.js";
import { PostgresStore } from "./postgres-store.js";

const server = testPostgres();

describe.skipIf(server === undefined)(`PostgreSQL engine ${postgresSkipReason()}`, () => {
  const primary = server?.primary ?? "";
  describeStoreContract("postgres", async () => PostgresStore.open(await createTestDatabase(primary)));

  it("migrates a new database once, even when several servers open it together", async () => {
    const url = await createTestDatabase(primary);
    const stores = await Promise.all([1, 2, 3].map(() => PostgresStore.open(url)));
    expect(await Promise.all(stores.map((s) => s.schemaVersion()))).toEqual([3, 3, 3]);
    await Promise.all(stores.map((s) => s.close()));
  });

  it("leaves the pages of a bulk write all-visible, for index-only scans, where the server commits asynchronously", async () => {
    const url = await createTestDatabase(primary);
    const store = await PostgresStore.open(url);
    await store.transaction(async (writer) => {
      await writer.upsertRecords(
        Array.from({ length: 12_000 }, (_, i) => ({
          type: "concept",
          id: `c${i}`,
          name: { en: `concept ${i}` },
        })),
      );
    });
    await store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client
      .query<{ visible: number; pages: number }>(
        `SELECT relallvisible AS visible, relpages AS pages
         FROM pg_class WHERE relname = 'records'`,
      )
      .finally(() => client.end());
    expect(rows[0]?.pages).toBeGreaterThan(10);
    expect(rows[0]?.visible).toBe(rows[0]?.pages);
  });

  it("names the database, without its password, when it cannot connect", async () => {
    const url = primary.replace("postgres@", "postgres:secret@").replace(/\/[^/]*$/, "/no_such_database");
    const error = await PostgresStore.open(url).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "DATABASE_UNAVAILABLE" });
    expect(String((error as Error).message)).toContain("no_such_database");
    expect(String((error as Error).message)).not.toContain("secret");
  });
});
