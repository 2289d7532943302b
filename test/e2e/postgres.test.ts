/**
 * The product on PostgreSQL, end to end: the real `campus-graph` binary imports, builds, refuses bad input
 * without losing anything, serves the API and pages with reads sent to a streaming replica; and a store with a
 * replica reads there what it wrote to the primary.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { POSTGRES_MIGRATIONS } from "../../src/store/postgres/migrations.js";
import { PostgresStore } from "../../src/store/postgres/postgres-store.js";
import { captureOutput, ROOT, runBin, serverUrl, spawnBin, stop } from "../cli-runner.js";
import { createTestDatabase, postgresSkipReason, testPostgres } from "../postgres-databases.js";

const DEMO = join(ROOT, "test", "fixtures", "demo-corpus");
const server = testPostgres();
const folder = mkdtempSync(join(tmpdir(), "campus-graph-pg-e2e-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The same database on the replica. */
const onReplica = (url: string) =>
  (server?.replica ?? "").replace(/\/[^/]*$/, url.slice(url.lastIndexOf("/")));

/**
 * Polls `probe` until it returns true, for at most `ms`: a replica applies the primary's WAL shortly after, and
 * until it has, a read may fail (a table not created there yet) or find the old state. The bound is wide: on a
 * loaded machine (load average 12 on 2 cores) replaying a new database took longer than 15 s.
 */
async function eventually(probe: () => Promise<boolean>, ms = 45_000): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (await probe().catch(() => false)) return true;
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Records per type and links, as `stats --json` prints them (its size in bytes left out: it varies). */
async function stats(db: string): Promise<{ counts: Record<string, number>; links: number }> {
  const result = await runBin(["stats", "--json"], { CAMPUS_GRAPH_DB: db });
  expect(result.code, result.stderr).toBe(0);
  const { counts, links } = JSON.parse(result.stdout) as { counts: Record<string, number>; links: number };
  return { counts, links };
}

describe.skipIf(server === undefined)(`campus-graph on PostgreSQL ${postgresSkipReason()}`, () => {
  const primary = server?.primary ?? "";

  it("imports, builds, keeps everything on a bad import, and serves reads from a replica", async () => {
    const db = await createTestDatabase(primary, "cli");
    const env = { CAMPUS_GRAPH_DB: db };
    const imported = await runBin(["import", DEMO], env);
    expect(imported.code, imported.stderr).toBe(0);
    const before = await stats(db);
    expect(before.counts.concept).toBe(33);
    const built = await runBin(["build"], env);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/Built the graph/);

    // A corpus whose last file holds a bad line: the import fails and the database is as it was.
    const bad = join(folder, "bad-corpus");
    cpSync(DEMO, bad, { recursive: true });
    writeFileSync(join(bad, "zz-bad.jsonl"), '{"type":"course","id":"NEW-1","name":{"en":"New"}}\n{oops\n');
    const manifest = JSON.parse(readFileSync(join(bad, "manifest.json"), "utf8")) as { files: unknown[] };
    manifest.files.push("zz-bad.jsonl");
    writeFileSync(join(bad, "manifest.json"), JSON.stringify(manifest));
    const failed = await runBin(["import", bad], env);
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toMatch(/zz-bad\.jsonl:2/);
    expect(await stats(db)).toEqual(before);

    const app = spawnBin(["serve", "--port", "0"], { ...env, CAMPUS_GRAPH_DB_READ: onReplica(db) });
    const output = captureOutput(app);
    try {
      const url = await serverUrl(app);
      const health = (await (await fetch(`${url}/api/health`)).json()) as { counts: Record<string, number> };
      expect(health.counts).toEqual(before.counts);
      const search = (await (await fetch(`${url}/api/search?q=immunology`)).json()) as {
        items: { type: string; id: string }[];
      };
      expect(search.items.length).toBeGreaterThan(0);
      const neighbours = (await (
        await fetch(`${url}/api/concept/Interleukin_6/neighbours?type=course&limit=5`)
      ).json()) as { total: number };
      expect(neighbours.total).toBeGreaterThan(0);
      const page = await fetch(`${url}/concept/Interleukin_6`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Interleukin 6");
      // The replica serves: removing a record on the primary shows on the served API once replayed.
      expect((await runBin(["remove", "course", "BIO-479"], env)).code).toBe(0);
      expect(await eventually(async () => (await fetch(`${url}/api/course/BIO-479`)).status === 404)).toBe(
        true,
      );
    } finally {
      expect(await stop(app), output.text()).toBe(0);
    }
  }, 180_000);

  it("sends writes to the primary and reads to the replica, which returns what was written", async () => {
    const db = await createTestDatabase(primary, "replica");
    await (await PostgresStore.open(db)).close();
    const replicaHasSchema = async () => {
      const client = new pg.Client({ connectionString: onReplica(db) });
      await client.connect();
      try {
        // Every migration replayed: the latest version is there (one row per migration).
        const { rows } = await client.query<{ v: number }>(
          "SELECT max(version)::int AS v FROM schema_migrations",
        );
        return rows[0]?.v === POSTGRES_MIGRATIONS.length;
      } finally {
        await client.end();
      }
    };
    expect(await eventually(replicaHasSchema)).toBe(true);
    const store = await PostgresStore.open(db, { readUrls: [onReplica(db)] });
    const replica = new pg.Client({ connectionString: onReplica(db) });
    try {
      await store.transaction((w) =>
        w.upsertRecords([{ type: "course", id: "REP-1", name: { en: "Written to the primary" } }]),
      );
      expect(
        await eventually(async () => (await store.getRecord({ type: "course", id: "REP-1" })) !== undefined),
      ).toBe(true);
      await replica.connect();
      const { rows } = await replica.query<{ recovery: boolean; readers: number }>(
        `SELECT pg_is_in_recovery() AS recovery,
                (SELECT count(*)::int FROM pg_stat_activity WHERE application_name = 'campus-graph') AS readers`,
      );
      expect(rows[0]).toEqual({ recovery: true, readers: expect.any(Number) });
      expect(rows[0]?.readers).toBeGreaterThan(0);
    } finally {
      await replica.end();
      await store.close();
    }
  }, 120_000);
});
