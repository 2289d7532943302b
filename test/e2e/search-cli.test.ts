import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runBin } from "../cli-runner.js";

const folder = mkdtempSync(join(tmpdir(), "campus-graph-search-"));
const db = join(folder, "demo.db");
afterAll(() => rmSync(folder, { recursive: true, force: true }));
beforeAll(async () => {
  expect((await runBin(["import", join(ROOT, "test", "fixtures", "demo-corpus"), "--db", db])).code).toBe(0);
});

interface SearchOutput {
  items: { type: string; id: string; name: string; description: string; score: number; highlight: string }[];
  total: number;
  facets: Record<string, number>;
}

describe("campus-graph search", () => {
  it("prints JSON hits with scores, highlights, a total and facets, building the index on first use", async () => {
    const result = await runBin(["search", "--db", db, "--json", "fourier transform"]);
    expect(result.code, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout) as SearchOutput;
    expect(output.items[0]).toMatchObject({
      type: "concept",
      id: "Fourier_transform",
      name: "Fourier transform",
    });
    expect(Object.keys(output.items[0] ?? {}).sort()).toEqual([
      "description",
      "highlight",
      "id",
      "name",
      "score",
      "type",
    ]);
    expect(output.facets.course).toBeGreaterThan(0);
    expect(output.total).toBe(Object.values(output.facets).reduce((a, b) => a + b, 0));
    expect(output.items.some((i) => i.highlight.includes("<mark>"))).toBe(true);
  });

  it("keeps to --types and --limit, and pages with --offset", async () => {
    const page = async (offset: string) => {
      const result = await runBin([
        "search",
        "--db",
        db,
        "--json",
        "--types",
        "course",
        "--limit",
        "1",
        "--offset",
        offset,
        "learning",
      ]);
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as SearchOutput;
    };
    const [first, second] = [await page("0"), await page("1")];
    expect(first.items).toHaveLength(1);
    expect(first.items[0]?.type).toBe("course");
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    expect(Object.keys(first.facets)).toContain("concept");
  });

  it("goes to a record by its id, case first", async () => {
    const output = JSON.parse(
      (await runBin(["search", "--db", db, "--json", "ChE-311"])).stdout,
    ) as SearchOutput;
    expect(output.items.slice(0, 2).map((i) => i.id)).toEqual(["ChE-311", "CHE-311"]);
  });

  it("prints a readable list without --json", async () => {
    const result = await runBin(["search", "--db", db, "IL-6"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/concept:Interleukin_6\s+Interleukin 6/);
    expect(result.stdout).toMatch(/\d+ matching \(/);
  });

  it.each([['"NEAR( AND *'], ["x".repeat(10_000)], [""], ["\u0007"]])(
    "answers a garbage query %# without an error",
    async (query) => {
      const result = await runBin(["search", "--db", db, "--json", query]);
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toHaveProperty("items");
    },
  );

  it.each([
    [["search", "--types", "planet", "x"], /unknown type "planet"/],
    [["search", "--limit", "101", "x"], /--limit must be a whole number from 0 to 100/],
    [["search", "--limit", "0", "x"], /limit must be a whole number from 1 to 100/],
    [["search", "--lang", "de", "x"], /unsupported language "de"/],
    [["search"], /missing argument/],
  ])("exits 2 on bad usage %j", async (args, message) => {
    const result = await runBin([...args, "--db", db]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe("campus-graph autocomplete", () => {
  it("prints suggestions grouped by type as JSON", async () => {
    const result = await runBin(["autocomplete", "--db", db, "--json", "--limit", "6", "conv"]);
    expect(result.code, result.stderr).toBe(0);
    const { items } = JSON.parse(result.stdout) as { items: { type: string; id: string; name: string }[] };
    expect(items.map((i) => i.id)).toContain("Convolutional_neural_network");
    expect(items.length).toBeLessThanOrEqual(6);
    const types = items.map((i) => i.type);
    expect(types).toEqual([...types].sort((a, b) => types.indexOf(a) - types.indexOf(b)));
  });

  it("keeps to --types", async () => {
    const result = await runBin(["autocomplete", "--db", db, "--json", "--types", "course", "m"]);
    const { items } = JSON.parse(result.stdout) as { items: { type: string }[] };
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.type === "course")).toBe(true);
  });
});
