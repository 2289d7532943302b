/**
 * Serving benchmark: does a server keep answering while it works? One server process on loopback over a copy of
 * the database (--db FILE, else the default one). Prints (1) the latency of /api/health, asked again and again
 * while the first /api/detect after start waits for the dictionary; (2) GET /api/search?q=energy under autocannon
 * (16 connections) alone, then while another process writes into the same database, with /api/health asked
 * meanwhile, one request after the other: an import of a changed copy of the default corpus (every record
 * updated), from its start until 5 s after its commit, at normal CPU priority and at nice 10 (as `campus-graph
 * import` runs); then a rebuild of the search index (as the end of a build or of a large import makes), from its
 * start until 5 s after its commit.
 * Run: npx tsx bench/serve.ts [--db FILE] [--seconds N]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { evalDatabasePath } from "../eval/eval-store.js";
import { buildSearchIndex } from "../src/app/build-search-index.js";
import { defaultCorpus } from "../src/app/config.js";
import { openStore } from "../src/app/open-store.js";
import { startServerProcess, stopProcess, table } from "./child.js";

const TSX = join(import.meta.dirname, "..", "node_modules", "tsx", "dist", "cli.mjs");
const MAIN = join(import.meta.dirname, "..", "src", "cli", "main.ts");
const SEARCH = "/api/search?q=energy";

const { values } = parseArgs({
  options: { db: { type: "string" }, seconds: { type: "string" }, step: { type: "string" } },
});
const seconds = Number(values.seconds ?? 10);
// How long the loads go on after the writer's commit.
const AFTER_COMMIT_MS = 5_000;

// The step a child process of this bench runs: rebuild the search index of --db.
if (values.step === "reindex") {
  const store = await openStore(values.db ?? "");
  const report = await buildSearchIndex(store);
  console.log(`search index rebuilt: ${report.documents} documents`);
  await store.close();
  process.exit(0);
}

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

/** p50, p99 and max of `latencies` in ms, as table cells. */
function percentiles(latencies: number[]): string[] {
  const sorted = latencies.sort((a, b) => a - b);
  const ms = (v: number | undefined) => (v === undefined ? "-" : v.toFixed(0));
  return [
    ms(sorted[Math.floor(sorted.length / 2)]),
    ms(sorted[Math.floor(sorted.length * 0.99)]),
    `max ${ms(sorted.at(-1))} ms`,
  ];
}

/** Asks /api/health one request after the other until `until` resolves, then 5 s more; a row of the table. */
async function probeHealth(url: string, label: string, until: Promise<unknown>): Promise<string[]> {
  let stop = false;
  void until.then(() => setTimeout(() => (stop = true), AFTER_COMMIT_MS));
  const health: number[] = [];
  while (!stop) health.push(await timeGet(`${url}/api/health`));
  return [label, health.length.toLocaleString("en-US"), ...percentiles(health)];
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
  const [p50 = "", p99 = "", max = ""] = percentiles(health);
  return [
    "health during first detect",
    String(health.length),
    p50,
    p99,
    `${max}; detect answered after ${(detectMs ?? 0).toFixed(0)} ms`,
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
    until?.then(() => setTimeout(() => run.stop(), AFTER_COMMIT_MS));
  });
}

/** A writer in another process, and its commit: once `committed` resolves, the bench may stop it. */
interface Writer {
  readonly child: ChildProcess;
  readonly committed: Promise<void>;
}

/** Runs `campus-graph import corpus --db db` in another process (no graph: the bench stops it after the import). */
function importInto(db: string, corpus: string, nice: boolean): Writer {
  const child = spawn(process.execPath, [TSX, MAIN, "import", corpus, "--db", db], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, CAMPUS_GRAPH_NICE: nice ? "10" : "0" },
  });
  return { child, committed: printed(child, /Imported corpus/) };
}

/** Rebuilds the search index of `db` in another process. */
function reindex(db: string): Writer {
  const child = spawn(process.execPath, [TSX, import.meta.filename, "--step", "reindex", "--db", db], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { child, committed: printed(child, /search index rebuilt/) };
}

/** Resolves once `child` prints `line`; rejects if it exits before. */
function printed(child: ChildProcess, line: RegExp): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (line.test(out)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`writer exited with ${code} before committing: ${out}`)));
  });
}

const folder = mkdtempSync(join(tmpdir(), "campus-graph-bench-serve-"));
let server: ChildProcess | undefined;
try {
  const corpus = changedCorpus(defaultCorpus(), join(folder, "corpus"));
  const rows = [["what", "count or req/s", "p50 ms", "p99 ms", "notes"]];
  const writers: [string, (db: string) => Writer][] = [
    ["import", (db) => importInto(db, corpus, false)],
    ["import (nice 10)", (db) => importInto(db, corpus, true)],
    ["search index rebuild", reindex],
  ];
  for (const [i, [what, write]] of writers.entries()) {
    const db = join(folder, "serve.db");
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${db}${suffix}`, { force: true });
    copyFileSync(await evalDatabasePath(values.db), db);
    const started = await startServerProcess(db);
    server = started.child;
    if (i === 0) rows.push(await healthDuringWarmUp(started.url));
    if (i === 0) rows.push(await loadSearch(started.url, "search, alone"));
    const writer = write(db);
    const [search, health] = await Promise.all([
      loadSearch(started.url, `search, during ${what}`, writer.committed),
      probeHealth(started.url, `health, during ${what}`, writer.committed),
    ]);
    rows.push(search, health);
    await stopProcess(writer.child);
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
