import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { isCampusGraphError } from "../../core/errors.js";
import { describeStoreContract } from "../store.contract.js";
import { MIGRATIONS } from "./migrations.js";
import { SqliteStore } from "./sqlite-store.js";

const folder = mkdtempSync(join(tmpdir(), "campus-graph-sqlite-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let counter = 0;
const newPath = () => join(folder, `store-${counter++}.db`);

describeStoreContract("sqlite", async () => SqliteStore.open(newPath()));

/** Writes the concept `name` (its id too) and its search document, in one transaction of `store`. */
function putConcept(store: SqliteStore, name: string): Promise<void> {
  const key = name.toLowerCase();
  return store.transaction(async (w) => {
    await w.upsertRecords([{ type: "concept", id: name, name: { en: name } }]);
    await w.search.putSearchDocuments([
      {
        type: "concept",
        id: name,
        name,
        snippet: "",
        names: [{ matchKey: key, prefixKey: key, text: name, alias: false }],
        fields: { name: key, aliases: "", keywords: "", description: "", body: "" },
      },
    ]);
  });
}

/** A writer and a serving connection (tables refreshed in the background) on a new file holding `names`. */
async function writerAndServer(...names: string[]): Promise<{ writer: SqliteStore; server: SqliteStore }> {
  const path = newPath();
  const writer = SqliteStore.open(path);
  for (const name of names) await putConcept(writer, name);
  return { writer, server: SqliteStore.open(path, { refreshInBackground: true }) };
}

/** Waits until `store` answers from search tables other than those of version `old`. */
async function newTables(store: SqliteStore, old: string): Promise<void> {
  while ((await store.search.searchTablesVersion()) === old) await delay(10);
}

describe("SqliteStore", () => {
  it("applies every migration once and records it", async () => {
    const path = newPath();
    const store = SqliteStore.open(path);
    expect(store.schemaVersion()).toBe(MIGRATIONS.length);
    await store.close();
    const reopened = SqliteStore.open(path);
    expect(reopened.schemaVersion()).toBe(MIGRATIONS.length);
    await reopened.close();
  });

  it("keeps a database's neighbour rows through migration 7, and still forgets a removed record's", async () => {
    const path = newPath();
    const db = new Database(path);
    db.exec(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT",
    );
    for (const m of MIGRATIONS.filter((m) => m.version < 7)) {
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_migrations VALUES (?, ?, ?)").run(m.version, m.name, "then");
    }
    const insert = db.prepare("INSERT INTO records (type, id, data, hash) VALUES ('course', ?, ?, '')");
    for (const id of ["A", "B", "C"])
      insert.run(id, JSON.stringify({ type: "course", id, name: { en: id } }));
    db.exec(`INSERT INTO neighbours VALUES (1, 'course', 0, 2, 0.5, 'semantic', '{}'),
      (1, 'course', 1, 3, 0.25, 'semantic', '{}'), (2, 'course', 0, 1, 0.5, 'semantic', '{}')`);
    db.close();
    const store = SqliteStore.open(path);
    const ids = async (id: string) =>
      (await store.graph.neighbours({ type: "course", id }, "course", 10, 0)).items.map((n) => n.node.id);
    expect(await ids("A")).toEqual(["B", "C"]);
    await store.transaction((w) => w.removeRecord({ type: "course", id: "B" }));
    expect(await ids("A")).toEqual(["C"]);
    await store.close();
  });

  it("sees the search index another connection (another process) writes, in autocomplete and typo words", async () => {
    const path = newPath();
    const reader = SqliteStore.open(path);
    const writer = SqliteStore.open(path);
    await putConcept(writer, "Thermodynamics");
    expect((await reader.search.completeNames("therm", undefined, 5)).map((c) => c.id)).toEqual([
      "Thermodynamics",
    ]);
    expect(await reader.search.similarTerms("thermostat", 1, 5)).toEqual([]);
    await putConcept(writer, "Thermostat");
    expect((await reader.search.completeNames("therm", undefined, 5)).map((c) => c.id).sort()).toEqual([
      "Thermodynamics",
      "Thermostat",
    ]);
    expect((await reader.search.similarTerms("thermostap", 1, 5)).map((t) => t.term)).toEqual(["thermostat"]);
    await writer.close();
    await reader.close();
  });

  it("changes its change token on another connection's commit, its own, and the search tables it derives anew", async () => {
    const { writer, server } = await writerAndServer("Thermodynamics");
    await server.search.findByName(["thermodynamics"], undefined, 5);
    const first = server.changeToken();
    expect(server.changeToken()).toBe(first);
    await putConcept(writer, "Thermostat");
    const afterWrite = server.changeToken();
    expect(afterWrite).not.toBe(first);
    const tables = await server.search.searchTablesVersion();
    await newTables(server, tables);
    const afterTables = server.changeToken();
    expect(afterTables).not.toBe(afterWrite);
    await server.transaction((w) => w.setMeta("k", "v"));
    expect(server.changeToken()).not.toBe(afterTables);
    await writer.close();
    await server.close();
  });

  it("derives its search tables again in a worker after another connection writes the index, answering from the held ones meanwhile", async () => {
    const { writer, server } = await writerAndServer("Thermodynamics");
    const named = async (name: string) =>
      (await server.search.findByName([name.toLowerCase()], undefined, 5)).map((hit) => hit.id);
    expect(await named("Thermodynamics")).toEqual(["Thermodynamics"]);
    const first = await server.search.searchTablesVersion();

    // Records alone (an import before its search refresh): the tables stay, during and after the transaction.
    await writer.transaction(async (w) => {
      await w.upsertRecords([{ type: "concept", id: "Thermostat", name: { en: "Thermostat" } }]);
      expect(await named("Thermodynamics")).toEqual(["Thermodynamics"]);
    });
    expect(await named("Thermodynamics")).toEqual(["Thermodynamics"]);
    expect(await server.search.searchTablesVersion()).toBe(first);

    // The index written: the first answers come from the held tables, without waiting for the new ones.
    await putConcept(writer, "Thermostat");
    expect(await named("Thermostat")).toEqual([]);
    expect(await server.search.similarTerms("thermostap", 1, 5)).toEqual([]);
    expect(await server.search.searchTablesVersion()).toBe(first);
    await newTables(server, first);
    expect(await named("Thermostat")).toEqual(["Thermostat"]);
    expect((await server.search.similarTerms("thermostap", 1, 5)).map((t) => t.term)).toEqual(["thermostat"]);
    await writer.close();
    await server.close();
  });

  it("reads a hit's names from its row while held tables answer, and from the tables once they are current", async () => {
    const { writer, server } = await writerAndServer("Thermodynamics");
    const keysOf = async () =>
      (await server.search.findByName(["thermodynamics"], undefined, 5))[0]?.nameKeys;
    expect(await keysOf()).toEqual(["thermodynamics"]);
    const first = await server.search.searchTablesVersion();
    await writer.transaction(async (w) => {
      await w.search.putSearchDocuments([
        {
          type: "concept",
          id: "Thermodynamics",
          name: "Thermodynamics",
          snippet: "",
          names: [
            { matchKey: "thermodynamics", prefixKey: "thermodynamics", text: "Thermodynamics", alias: false },
            { matchKey: "heat", prefixKey: "heat", text: "Heat", alias: true },
          ],
          fields: { name: "thermodynamics", aliases: "heat", keywords: "", description: "", body: "" },
        },
      ]);
    });
    expect(await keysOf()).toEqual(["thermodynamics", "heat"]);
    await newTables(server, first);
    expect(await keysOf()).toEqual(["thermodynamics", "heat"]);
    await writer.close();
    await server.close();
  });

  it("ranks full text from the held postings with the key ids of their own commit while a rebuild numbers keys again", async () => {
    const { writer, server } = await writerAndServer("Thermodynamics", "Thermostat");
    const query = (key: string) => ({
      groups: [[key]],
      require: "all" as const,
      weights: [1, 1, 1, 1, 1] as const,
      limit: 5,
    });
    const found = async (key: string) => (await server.search.searchText(query(key))).map((hit) => hit.id);
    expect(await found("thermodynamics")).toEqual(["Thermodynamics"]);
    const first = await server.search.searchTablesVersion();
    // A full rebuild in the other order: each key gets the id the other had.
    await writer.transaction(async (w) => {
      await w.search.clearSearchIndex();
    });
    await putConcept(writer, "Thermostat");
    await putConcept(writer, "Thermodynamics");
    expect(await found("thermodynamics")).toEqual(["Thermodynamics"]);
    expect(await found("thermostat")).toEqual(["Thermostat"]);
    await newTables(server, first);
    expect(await found("thermodynamics")).toEqual(["Thermodynamics"]);
    expect(await found("thermostat")).toEqual(["Thermostat"]);
    await writer.close();
    await server.close();
  });

  it("uses WAL journaling", async () => {
    const path = newPath();
    await SqliteStore.open(path).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("refuses a database written by a newer schema", async () => {
    const path = newPath();
    await SqliteStore.open(path).close();
    const db = new Database(path);
    db.prepare("INSERT INTO schema_migrations VALUES (999, 'future', '')").run();
    db.close();
    expect(() => SqliteStore.open(path)).toThrowError(/schema version 999/);
  });

  it("reports a file that is not a database as unavailable", () => {
    const path = newPath();
    writeFileSync(path, "this is not a database, just text that is long enough to have a header".repeat(20));
    try {
      SqliteStore.open(path);
      expect.unreachable();
    } catch (error) {
      expect(isCampusGraphError(error, "DATABASE_UNAVAILABLE")).toBe(true);
    }
  });

  it("does not create a missing file when asked not to", () => {
    const path = newPath();
    expect(() => SqliteStore.open(path, { create: false })).toThrowError(/no such file/);
  });
});
