/**
 * The demo corpus imported into a new store, on SQLite (in memory) or on the test PostgreSQL cluster, for
 * tests that need real records and for suites that run on every engine.
 */
import { join } from "node:path";
import { importCorpus } from "../src/app/import-corpus.js";
import { PostgresStore } from "../src/store/postgres/postgres-store.js";
import { SqliteStore } from "../src/store/sqlite/sqlite-store.js";
import type { Store } from "../src/store/store.js";
import { createTestDatabase, testPostgres } from "./postgres-databases.js";

/** The demo corpus folder. */
export const DEMO_CORPUS = join(import.meta.dirname, "fixtures", "demo-corpus");

/** An engine a suite can run on. */
export type TestEngine = "sqlite" | "postgres";

/** The engines available to this test run: SQLite always, PostgreSQL when the test cluster runs. */
export function testEngines(): TestEngine[] {
  return testPostgres() === undefined ? ["sqlite"] : ["sqlite", "postgres"];
}

/** A new, empty store on `engine`. */
export async function openEmptyStore(engine: TestEngine = "sqlite"): Promise<Store> {
  if (engine === "sqlite") return SqliteStore.open(":memory:");
  const server = testPostgres();
  if (server === undefined) throw new Error("the PostgreSQL test cluster is not running");
  return PostgresStore.open(await createTestDatabase(server.primary, "demo"));
}

/** A new store on `engine` holding the demo corpus. */
export async function openDemoStore(engine: TestEngine = "sqlite"): Promise<Store> {
  const store = await openEmptyStore(engine);
  await importCorpus(store, DEMO_CORPUS);
  return store;
}
