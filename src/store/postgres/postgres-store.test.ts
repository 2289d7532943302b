import pg from "pg";
import { describe, expect, it } from "vitest";
import { createTestDatabase, postgresSkipReason, testPostgres } from "../../../test/postgres-databases.js";
import { describeStoreContract } from "../store.contract.js";
import type { SearchDocument } from "../store.js";
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

  it("keeps the search blocks equal to the postings through replaced and removed documents", async () => {
    const url = await createTestDatabase(primary);
    const store = await PostgresStore.open(url);
    // Words of a small vocabulary: each key's postings fill several blocks of each type.
    const doc = (i: number, shift: number): SearchDocument => {
      const word = (j: number) => `w${(i * 7 + j * 3 + shift) % 11}`;
      const text = (n: number) => Array.from({ length: n }, (_, j) => word(j)).join(" ");
      return {
        type: i % 3 === 0 ? "concept" : "course",
        id: `d${i}`,
        name: `d${i}`,
        snippet: "",
        names: [],
        fields: {
          name: text(1 + (i % 3)),
          aliases: "",
          keywords: "",
          description: text(i % 5),
          body: text(i % 17),
        },
      };
    };
    const write = (docs: SearchDocument[]) =>
      store.transaction(async (writer) => {
        await writer.upsertRecords(docs.map((d) => ({ type: d.type, id: d.id, name: { en: d.name } })));
        await writer.search.putSearchDocuments(docs);
      });
    await write(Array.from({ length: 400 }, (_, i) => doc(i, 0)));
    await write(Array.from({ length: 60 }, (_, i) => doc(i * 5, 4)).concat(doc(400, 1)));
    await store.transaction(async (writer) => {
      await writer.removeRecord({ type: "course", id: "d1" });
    });
    await store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client
      .query<{ blocks: number; postings: number; unequal: number }>(
        `WITH held AS (
           SELECT b.term, b.type, b.short, u.* FROM search_blocks b CROSS JOIN LATERAL
             unnest(b.docs, b.lengths, b.in_name, b.in_aliases, b.in_keywords, b.in_description, b.in_body)
             AS u (doc, length, name, aliases, keywords, description, body))
         SELECT (SELECT count(*) FROM held)::int AS blocks, (SELECT count(*) FROM search_postings)::int AS postings,
           (SELECT count(*) FROM held h FULL JOIN search_postings p ON p.term = h.term AND p.doc = h.doc
            WHERE h.doc IS NULL OR p.doc IS NULL OR (h.type, h.short, h.length, h.name, h.aliases, h.keywords,
              h.description, h.body) IS DISTINCT FROM (p.type, p.name + p.aliases + p.keywords + p.description > 0,
              p.length, p.name, p.aliases, p.keywords, p.description, p.body))::int AS unequal`,
      )
      .finally(() => client.end());
    expect(rows[0]?.postings).toBeGreaterThan(1_000);
    expect(rows[0]).toEqual({ blocks: rows[0]?.postings, postings: rows[0]?.postings, unequal: 0 });
  });

  it("names the database, without its password, when it cannot connect", async () => {
    const url = primary.replace("postgres@", "postgres:secret@").replace(/\/[^/]*$/, "/no_such_database");
    const error = await PostgresStore.open(url).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "DATABASE_UNAVAILABLE" });
    expect(String((error as Error).message)).toContain("no_such_database");
    expect(String((error as Error).message)).not.toContain("secret");
  });
});
