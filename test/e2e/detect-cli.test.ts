import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runBin } from "../cli-runner.js";

const folder = mkdtempSync(join(tmpdir(), "campus-graph-detect-"));
const db = join(folder, "demo.db");
afterAll(() => rmSync(folder, { recursive: true, force: true }));
beforeAll(async () => {
  expect((await runBin(["import", join(ROOT, "test", "fixtures", "demo-corpus"), "--db", db])).code).toBe(0);
});

describe("campus-graph detect", () => {
  it("prints the concepts of a text with scores and mentions", async () => {
    const result = await runBin([
      "detect",
      "--db",
      db,
      "Interleukin 6 (IL-6) is a cytokine made by T cells.",
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^0\.\d{3}\s+Interleukin_6\s+"Interleukin 6", "IL-6" ×2$/m);
  });

  it("prints JSON with --json", async () => {
    const result = await runBin([
      "detect",
      "--db",
      db,
      "--json",
      "--lang",
      "en",
      "--threshold",
      "0",
      "The FFT of a signal.",
    ]);
    const output = JSON.parse(result.stdout) as { concepts: { id: string; mentions: unknown[] }[] };
    expect(output.concepts.map((c) => c.id)).toContain("Fast_Fourier_transform");
    expect(output.concepts[0]?.mentions).toEqual([{ start: 4, end: 7, text: "FFT" }]);
  });

  it("streams a JSONL file line for line, a bad line answered in its place, and exits 1", async () => {
    const input = join(folder, "in.jsonl");
    writeFileSync(
      input,
      [
        JSON.stringify({ id: "a", text: "Deep learning with a convolutional neural network" }),
        "{broken",
        JSON.stringify({ id: 7, text: "La transformée de Fourier", lang: "fr" }),
        JSON.stringify({ id: "d", text: "x", lang: "de" }),
      ].join("\n"),
    );
    const result = await runBin(["detect", "--db", db, "--jsonl", input]);
    expect(result.code).toBe(1);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].id).toBe("a");
    expect(lines[0].concepts.map((c: { id: string }) => c.id)).toContain("Convolutional_neural_network");
    expect(lines[1]).toMatchObject({ id: null, line: 2, error: { code: "LINE_NOT_JSON" } });
    expect(lines[2].concepts.map((c: { id: string }) => c.id)).toContain("Fourier_transform");
    expect(lines[3]).toMatchObject({ id: "d", line: 4, error: { code: "INVALID_ARGUMENT" } });
    expect(result.stderr).toMatch(/in\.jsonl:2: not valid JSON/);
  });

  it.each([
    [["detect", "--lang", "xx", "text"], /unsupported language "xx"/],
    [["detect", "--threshold", "2", "text"], /--threshold must be a number from 0 to 1/],
    [["detect"], /give either a "text" or --jsonl FILE/],
  ])("exits 2 on bad usage %j", async (args, message) => {
    const result = await runBin([...args, "--db", db]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
