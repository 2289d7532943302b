import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runBin, spawnBin } from "../cli-runner.js";

const DEMO = join(ROOT, "test", "fixtures", "demo-corpus");
const folder = mkdtempSync(join(tmpdir(), "campus-graph-build-resume-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** What a build writes, row by row: neighbourhoods, node scores and search documents. */
function derived(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const rows = (sql: string) => db.prepare(sql).raw(true).all();
    return {
      neighbours: rows("SELECT * FROM neighbours ORDER BY source_pk, target_type, rank"),
      scores: rows("SELECT * FROM node_scores ORDER BY pk"),
      documents: rows("SELECT pk, type, id, name, snippet, importance FROM search_docs ORDER BY pk"),
    };
  } finally {
    db.close();
  }
}

describe("campus-graph build killed mid-way", () => {
  it("is run again and ends with what an uninterrupted build writes", async () => {
    const killed = join(folder, "killed.db");
    const whole = join(folder, "whole.db");
    expect((await runBin(["import", DEMO, "--db", killed])).code).toBe(0);
    copyFileSync(killed, whole);
    expect((await runBin(["build", "--db", whole])).code).toBe(0);

    const build = spawnBin(["build", "--db", killed]);
    const exited = new Promise((resolve) => build.once("exit", resolve));
    let seen = "";
    build.stderr?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      // Once the graph is written (its stage reports), as the search index is built: killed without warning.
      if (seen.includes("build: writing")) build.kill("SIGKILL");
    });
    expect(await exited).toBeNull();
    expect(build.signalCode).toBe("SIGKILL");

    expect((await runBin(["build", "--db", killed])).code).toBe(0);
    const expected = derived(whole);
    expect(expected.neighbours?.length).toBeGreaterThan(0);
    expect(derived(killed)).toEqual(expected);
  });
});
