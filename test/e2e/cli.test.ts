import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { captureOutput, ROOT, runBin, serverUrl, spawnBin, stop } from "../cli-runner.js";

const DEMO = join(ROOT, "test", "fixtures", "demo-corpus");
const OPEN_CAMPUS = join(ROOT, "..", "shared", "data", "open-campus");
const folder = mkdtempSync(join(tmpdir(), "campus-graph-cli-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let counter = 0;
const newDb = () => join(folder, `db-${counter++}.db`);
const fileHash = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** Records per type, counted straight from a corpus folder's files (the oracle for imports). */
function countLines(dir: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".jsonl"))) {
    for (const line of readFileSync(join(dir, name), "utf8").split("\n")) {
      if (line.trim() === "") continue;
      const { type } = JSON.parse(line) as { type: string };
      counts[type] = (counts[type] ?? 0) + 1;
    }
  }
  return counts;
}

async function stats(db: string): Promise<{ counts: Record<string, number>; danglingLinks: number }> {
  const result = await runBin(["stats", "--db", db, "--json"]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe("campus-graph CLI", () => {
  it("imports the demo corpus whole, and stats shows every record and the dangling link", async () => {
    const db = newDb();
    const result = await runBin(["import", DEMO, "--db", db]);
    expect(result.code, result.stderr).toBe(0);
    const { counts, danglingLinks } = await stats(db);
    expect(counts).toEqual(countLines(DEMO));
    expect(danglingLinks).toBe(1);
    expect(result.stdout).toMatch(/1 links point to records that do not exist/);
  });

  it.skipIf(!existsSync(OPEN_CAMPUS))("imports every record of the open-campus corpus", async () => {
    const db = newDb();
    const result = await runBin(["import", OPEN_CAMPUS, "--db", db]);
    expect(result.code, result.stderr).toBe(0);
    const expected = countLines(OPEN_CAMPUS);
    expect(Object.values(expected).reduce((a, b) => a + b)).toBeGreaterThan(90_000);
    expect((await stats(db)).counts).toEqual(expected);
  });

  it("imports the same corpus twice without changing anything", async () => {
    const db = newDb();
    await runBin(["import", DEMO, "--db", db]);
    const total = Object.values(countLines(DEMO)).reduce((a, b) => a + b);
    const again = await runBin(["import", DEMO, "--db", db]);
    expect(again.stdout).toContain(`0 inserted, 0 updated, ${total} unchanged`);
  });

  describe("with a corrupt line", () => {
    const corrupt = join(folder, "corrupt");
    cpSync(DEMO, corrupt, { recursive: true });
    const coursesFile = join(corrupt, "courses.jsonl");
    const courseLines = readFileSync(coursesFile, "utf8").split("\n");
    const corruptedId = (JSON.parse(courseLines[2] ?? "") as { id: string }).id;
    courseLines[2] = `${courseLines[2]?.slice(0, 40)}`;
    writeFileSync(coursesFile, courseLines.join("\n"));
    // A changed record in an earlier file shows whether anything leaked from the failed import.
    const conceptsFile = join(corrupt, "concepts.jsonl");
    writeFileSync(
      conceptsFile,
      readFileSync(conceptsFile, "utf8").replace('"name":{"en":"', '"name":{"en":"Changed '),
    );

    it("exits non-zero naming file:line, and leaves the database byte-for-byte as it was", async () => {
      const db = newDb();
      expect((await runBin(["import", DEMO, "--db", db])).code).toBe(0);
      const before = fileHash(db);
      const result = await runBin(["import", corrupt, "--db", db]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/courses\.jsonl:3: not valid JSON/);
      expect(fileHash(db)).toBe(before);
    });

    it("leaves no database behind when there was none", async () => {
      const db = newDb();
      expect((await runBin(["import", corrupt, "--db", db])).code).toBe(1);
      expect(existsSync(db)).toBe(false);
    });

    it("with --keep-going imports everything but that line and reports it", async () => {
      const db = newDb();
      const report = join(folder, "report.json");
      const result = await runBin(["import", corrupt, "--db", db, "--keep-going", "--report", report]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/1 problems skipped[\s\S]*courses\.jsonl:3: not valid JSON/);
      const expected = countLines(DEMO);
      expect((await stats(db)).counts).toEqual({ ...expected, course: (expected.course ?? 0) - 1 });
      const missing = await runBin(["stats", "--db", db]);
      expect(missing.code).toBe(0);
      expect(JSON.parse(readFileSync(report, "utf8")).problems).toMatchObject([
        { file: "courses.jsonl", line: 3 },
      ]);
      expect(corruptedId).toBeTruthy();
    });
  });

  it("prints plain progress lines, not a redrawn bar, when not on a terminal", async () => {
    const result = await runBin(["import", DEMO, "--db", newDb()]);
    expect(result.stderr).toMatch(/^import: \d+ records in [\d.]+ s/m);
    expect(result.stderr).not.toContain("\r");
  });

  it.each([
    [["frob"], /unknown command "frob"/],
    [["import"], /missing argument/],
    [["stats", "--bogus"], /Unknown option '--bogus'/],
    [["serve", "--port", "http"], /--port must be a whole number/],
  ])("exits 2 with usage for %j", async (args, message) => {
    const result = await runBin(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("exits 1 with a clear message when the database does not exist", async () => {
    const result = await runBin(["stats", "--db", join(folder, "none.db")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no such file \(import a corpus first/);
  });

  it("ends quietly with 0 when its reader closes the pipe first (campus-graph … | head)", async () => {
    const db = newDb();
    expect((await runBin(["import", DEMO, "--db", db])).code).toBe(0);
    const child = spawnBin(["stats", "--db", db]);
    child.stdout?.destroy();
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.once("close", resolve));
    expect(stderr).not.toMatch(/EPIPE/);
    expect(code).toBe(0);
  });

  it("serves /api/health and the home page, and stops on SIGTERM", async () => {
    const db = newDb();
    await runBin(["import", DEMO, "--db", db]);
    const server = spawnBin(["serve", "--db", db, "--port", "0"]);
    try {
      const url = await serverUrl(server);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await (await fetch(`${url}/api/health`)).json();
      expect(health).toMatchObject({ status: "ok", counts: countLines(DEMO) });
      expect(await (await fetch(url)).text()).toContain("Campus Graph");
    } finally {
      expect(await stop(server)).toBe(0);
    }
  });

  it("start imports the default corpus once, then finds it up to date", async () => {
    const env = { CAMPUS_GRAPH_CORPUS: DEMO, CAMPUS_GRAPH_DB: newDb(), PORT: "0" };
    for (const expected of [/Importing corpus "demo-campus"/, /Corpus "demo-campus" is up to date/]) {
      const server = spawnBin(["start"], env);
      const output = captureOutput(server);
      try {
        const url = await serverUrl(server);
        const health = (await (await fetch(`${url}/api/health`)).json()) as { counts: unknown };
        expect(health.counts).toEqual(countLines(DEMO));
      } finally {
        await stop(server);
      }
      expect(output.text()).toMatch(expected);
    }
  });
});
