/**
 * Serving benchmark: does a server keep answering while it works? One server process on loopback over a copy of
 * the database (--db FILE, else the default one). Prints (1) the latency of /api/health, asked again and again
 * while the first /api/detect after start waits for the dictionary; (2) GET /api/search?q=energy under autocannon
 * (16 connections) alone, then while another process imports a changed copy of the default corpus (every record
 * updated) into the same database, from the import's start until 5 s after its commit; with --nice, that import
 * runs at lower CPU priority (nice 10), as `campus-graph import` does.
 * Run: npx tsx bench/serve.ts [--db FILE] [--seconds N]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { evalDatabasePath } from "../eval/eval-store.js";
import { defaultCorpus } from "../src/app/config.js";
import { startServerProcess, stopProcess, table } from "./child.js";

const TSX = join(import.meta.dirname, "..", "node_modules", "tsx", "dist", "cli.mjs");
const MAIN = join(import.meta.dirname, "..", "src", "cli", "main.ts");
const SEARCH = "/api/search?q=energy";

const { values } = parseArgs({ options: { db: { type: "string" }, seconds: { type: "string" } } });
const seconds = Number(values.seconds ?? 10);

/** A copy of the corpus at `from` in which every record differs (one attribute more), so that an import rewrites all. */
function changedCorpus(from: string, to: string): string {
  mkdirSync(to);
  const manifest = JSON.parse(readFileSync(join(from, "manifest.json"), "utf8")) as { files: string[] };
  writeFileSync(join(to, "manifest.json"), JSON.stringify(manifest));
  for (const file of manifest.files) {
    const lines = readFileSync(join(from, file), "utf8").split("\n");
    const changed = lines
      .filter((l) => l.trim() !== "")
      .map((line) => {
        const record = JSON.parse(line) as { attrs?: Record<string, unknown> };
        return JSON.stringify({ ...record, attrs: { ...record.attrs, benchRevision: 1 } });
      });
    writeFileSync(join(to, file), `${changed.join("\n")}\n`);
  }
  return to;
}

/** Milliseconds one GET takes. */
async function timeGet(url: string): Promise<number> {
  const started = performance.now();
  await (await fetch(url)).arrayBuffer();
  return performance.now() - started;
}

/** Sends the first detect, and health requests one after the other until it answers. */
async function healthDuringWarmUp(url: string): Promise<string[]> {
  const started = performance.now();
  let detectMs: number | undefined;
  const detect = fetch(`${url}/api/detect`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text: "Energy storage in lithium batteries and photovoltaic solar cells." }),
  }).then(async (r) => {
    await r.arrayBuffer();
    detectMs = performance.now() - started;
  });
  const health: number[] = [];
  while (detectMs === undefined) health.push(await timeGet(`${url}/api/health`));
  await detect;
  const sorted = health.sort((a, b) => a - b);
  const ms = (v: number | undefined) => (v === undefined ? "-" : v.toFixed(0));
  return [
    "health during first detect",
    String(health.length),
    ms(sorted[Math.floor(sorted.length / 2)]),
    ms(sorted[Math.floor(sorted.length * 0.99)]),
    `max ${ms(sorted.at(-1))} ms; detect answered after ${ms(detectMs)} ms`,
  ];
}

/** Loads the search route until `until` resolves (or for `seconds`), and formats the result as a row. */
function loadSearch(url: string, label: string, until?: Promise<unknown>): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const run = autocannon(
      { url: `${url}${SEARCH}`, connections: 16, duration: until ? 3_600 : seconds },
      (error, result) => {
        if (error) return reject(error);
        resolve([
          label,
          Math.round(result.requests.average).toLocaleString("en-US"),
          String(result.latency.p50),
          String(result.latency.p99),
          `max ${result.latency.max} ms, ${result.errors + result.timeouts + result.non2xx} errors`,
        ]);
      },
    );
    until?.then(() => setTimeout(() => run.stop(), 5_000));
  });
}

/** Runs `campus-graph import corpus --db db` in another process (no graph: the bench stops it after the import). */
function importInto(
  db: string,
  corpus: string,
  nice: boolean,
): { child: ChildProcess; imported: Promise<void> } {
  const child = spawn(process.execPath, [TSX, MAIN, "import", corpus, "--db", db], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, CAMPUS_GRAPH_NICE: nice ? "10" : "0" },
  });
  const imported = new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (/Imported corpus/.test(out)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`import exited with ${code} before committing: ${out}`)));
  });
  return { child, imported };
}

const folder = mkdtempSync(join(tmpdir(), "campus-graph-bench-serve-"));
let server: ChildProcess | undefined;
try {
  const corpus = changedCorpus(defaultCorpus(), join(folder, "corpus"));
  const rows = [["what", "count or req/s", "p50 ms", "p99 ms", "notes"]];
  for (const nice of [false, true]) {
    const db = join(folder, "serve.db");
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${db}${suffix}`, { force: true });
    copyFileSync(await evalDatabasePath(values.db), db);
    const started = await startServerProcess(db);
    server = started.child;
    if (!nice) rows.push(await healthDuringWarmUp(started.url));
    if (!nice) rows.push(await loadSearch(started.url, "search, alone"));
    const importer = importInto(db, corpus, nice);
    rows.push(
      await loadSearch(started.url, `search, during import${nice ? " (nice 10)" : ""}`, importer.imported),
    );
    await stopProcess(importer.child);
    await stopProcess(server);
  }
  console.log(table(rows));
  console.log(
    "targets: search p99 < 100 ms during an import; health never waits for the detection dictionary",
  );
} finally {
  if (server) await stopProcess(server);
  rmSync(folder, { recursive: true, force: true });
}
