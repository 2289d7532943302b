import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runBin } from "../cli-runner.js";

const folder = mkdtempSync(join(tmpdir(), "campus-graph-graph-"));
const db = join(folder, "demo.db");
afterAll(() => rmSync(folder, { recursive: true, force: true }));
beforeAll(async () => {
  expect((await runBin(["import", join(ROOT, "test", "fixtures", "demo-corpus"), "--db", db])).code).toBe(0);
});

interface Page {
  items: {
    node: { type: string; id: string; name: string };
    edge: { score: number; kind: string; evidence: object };
  }[];
  total: number;
}

const neighbours = async (...args: string[]) => {
  const result = await runBin(["neighbours", ...args, "--db", db, "--json"]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Page;
};

describe("campus-graph build, neighbours and remove", () => {
  it("builds the graph with a line per stage", async () => {
    const result = await runBin(["build", "--db", db]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Built the graph in [\d.]+ s: [\d,]+ record–concept edges/m);
    for (const stage of ["dictionary", "detection", "relations", "semantic", "neighbourhoods", "writing"]) {
      expect(result.stderr).toMatch(new RegExp(`build: ${stage}: done in`));
    }
  });

  it("prints a node's neighbours as {items:[{node,edge}],total}, paged", async () => {
    const page = await neighbours("concept", "Interleukin_6", "--type", "course", "--limit", "2");
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toEqual({
      node: { type: "course", id: expect.any(String), name: expect.any(String) },
      edge: { score: expect.any(Number), kind: expect.any(String), evidence: expect.any(Object) },
    });
    const next = await neighbours(
      "concept",
      "Interleukin_6",
      "--type",
      "course",
      "--limit",
      "2",
      "--offset",
      "1",
    );
    expect(next.items[0]).toEqual(page.items[1]);
  });

  it("finds records whose ids hold parentheses, slashes and case differences", async () => {
    expect((await neighbours("course", "MSE-100(c)", "--type", "course")).total).toBeGreaterThan(0);
    const upper = await neighbours("course", "CHE-311", "--type", "course");
    expect(upper.items.map((n) => n.node.id)).toContain("ChE-311");
  });

  it("removes a record and every edge to it", async () => {
    const before = await neighbours("concept", "Interleukin_6", "--type", "course");
    const removed = before.items[0]?.node.id ?? "";
    const result = await runBin(["remove", "course", removed, "--db", db]);
    expect(result.code, result.stderr).toBe(0);
    const after = await neighbours("concept", "Interleukin_6", "--type", "course");
    expect(after.items.map((n) => n.node.id)).not.toContain(removed);
    expect(after.total).toBe(before.total - 1);
    const gone = await runBin(["neighbours", "course", removed, "--type", "concept", "--db", db]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/No course with id/);
    expect((await runBin(["remove", "course", removed, "--db", db])).code).toBe(1);
  });

  it("requires --type", async () => {
    const result = await runBin(["neighbours", "concept", "T_cell", "--db", db]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--type TARGET_TYPE is required/);
  });
});
