/**
 * PostgreSQL benchmark: the open-campus corpus on PostgreSQL next to SQLite. Import and build (graph, then
 * search index) with time and peak memory, each step in a child process of its own; in-process read latency
 * p50/p99 (the search set's queries per kind, neighbour counts, pages of 10 neighbours) and whether both engines
 * give the same answers; then HTTP throughput of one, then two app server processes on the same PostgreSQL
 * database under autocannon. PostgreSQL is --pg URL (a maintenance database: a fresh database is created on it
 * and dropped at the end), else a throw-away cluster; with neither, the benchmark says so and is skipped.
 * Run: npm run bench (or: npx tsx bench/postgres.ts [--pg URL] [--rounds N] [--seconds N]).
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { evalFolder } from "../eval/eval-store.js";
import { buildGraph } from "../src/app/build-graph.js";
import { buildSearchIndex } from "../src/app/build-search-index.js";
import { defaultCorpus, displayLocation } from "../src/app/config.js";
import { importCorpus } from "../src/app/import-corpus.js";
import { openStore } from "../src/app/open-store.js";
import { autocomplete } from "../src/search/autocomplete.js";
import { search } from "../src/search/search.js";
import type { RecordKey, Store } from "../src/store/store.js";
import {
  postgresServer,
  reportStep,
  runStep,
  type StepResult,
  skipped,
  startServerProcess,
  stopProcess,
  table,
} from "./child.js";

/** A read to time: the latency row it counts in, and what it does (its answer as text, to compare engines). */
interface Read {
  readonly label: string;
  run(): Promise<string>;
}

/** What one load run of one endpoint gave: requests/s summed over servers, worst latencies, failed requests. */
interface Load {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

const text = { type: "string" } as const;
const { values } = parseArgs({
  options: { pg: text, rounds: text, seconds: text, step: text, work: text },
});
const ROUNDS = Number(values.rounds ?? 2);
const SECONDS = Number(values.seconds ?? 5);
const SAMPLE_NODES = 500;
const SAMPLE_TYPES = new Set(["concept", "course", "person"]);
const TARGET_TYPES = ["course", "concept", "lecture", "person"];
const ENDPOINTS = [
  ["GET /api/search?q=…", "/api/search?q=immunology%20of%20cells"],
  ["GET /api/autocomplete?q=…", "/api/autocomplete?q=immu"],
  ["GET /api/concept/…/neighbours", "/api/concept/Interleukin_6/neighbours?type=course&limit=10"],
  ["GET /concept/… (page)", "/concept/Interleukin_6"],
] as const;

if (values.step) {
  await runChildStep(values.step, values.work ?? "");
} else {
  await main();
}

/** Runs one measured step on the database at `work` and reports it as the child's last line. */
async function runChildStep(step: string, work: string): Promise<void> {
  const store = await openStore(work, { create: true });
  try {
    if (step === "import") {
      const report = await importCorpus(store, defaultCorpus());
      reportStep({ seconds: report.seconds, count: report.inserted + report.updated + report.unchanged });
    } else if (step === "build") {
      const graph = await buildGraph(store);
      const index = await buildSearchIndex(store);
      reportStep({ seconds: graph.seconds, count: graph.neighbourRows, indexSeconds: index.seconds });
    } else {
      const searches = await timeReads(searchReads(store), "searchAnswers");
      const graph = await timeReads(await graphReads(store), "neighbourAnswers");
      const sizeMb = ((await store.sizeBytes()) ?? 0) / 2 ** 20;
      reportStep({ seconds: 0, count: 0, sizeMb, ...searches, ...graph });
    }
  } finally {
    await store.close();
  }
}

/** The search set's queries, labelled by kind: prefix ones through autocomplete, the others through search. */
function searchReads(store: Store): Read[] {
  return readFileSync(join(evalFolder(), "search.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as { query: string; lang: string; kind: string })
    .map((item) => ({
      label: item.kind,
      run: async () =>
        (item.kind === "prefix"
          ? await autocomplete(store.search, item.query, { limit: 5 })
          : (await search(store.search, item.query, { lang: item.lang, limit: 10 })).items
        )
          .map((hit) => `${hit.type}:${hit.id}`)
          .join(" "),
    }));
}

/** For every sampled node: its neighbour counts, then a page of 10 neighbours of each target type. */
async function graphReads(store: Store): Promise<Read[]> {
  return (await sampleNodes(store)).flatMap((key) => [
    { label: "neighbourCounts", run: async () => JSON.stringify(await store.graph.neighbourCounts(key)) },
    ...TARGET_TYPES.map((type) => ({
      label: "neighbours (page of 10)",
      run: async () => {
        const page = await store.graph.neighbours(key, type, 10, 0);
        return `${page.total} ${page.items.map((n) => `${n.node.type}:${n.node.id}`).join(" ")}`;
      },
    })),
  ]);
}

/** About SAMPLE_NODES concepts, courses and people: every k-th in key order, the same on every engine. */
async function sampleNodes(store: Store): Promise<RecordKey[]> {
  const keys: RecordKey[] = [];
  for await (const { key } of store.graph.scanNodeScores()) if (SAMPLE_TYPES.has(key.type)) keys.push(key);
  const step = Math.max(1, Math.ceil(keys.length / SAMPLE_NODES));
  return keys.filter((_, i) => i % step === 0);
}

/** Runs every read once (a warm-up; its answers are kept under `answers`), then ROUNDS timed passes. */
async function timeReads(reads: readonly Read[], answers: string): Promise<Record<string, number | string>> {
  const first: string[] = [];
  for (const read of reads) first.push(await read.run());
  const times = new Map<string, number[]>(reads.map((r) => [r.label, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const read of reads) {
      const started = performance.now();
      await read.run();
      times.get(read.label)?.push(performance.now() - started);
    }
  }
  return { ...percentiles(times), [answers]: first.join("\n") };
}

/** `<label>.p50` and `<label>.p99` of each list of times. */
function percentiles(times: ReadonlyMap<string, readonly number[]>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [label, list] of times) {
    const sorted = [...list].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    out[`${label}.p50`] = at(0.5);
    out[`${label}.p99`] = at(0.99);
  }
  return out;
}

/** Both engines through import, build and reads, then HTTP on PostgreSQL; everything started is stopped. */
async function main(): Promise<void> {
  const server = await postgresServer(values.pg);
  if ("skipped" in server) return skip(server.skipped);
  const folder = mkdtempSync(join(tmpdir(), "campus-graph-bench-pg-"));
  const name = `campus_bench_${process.pid}`;
  let created = false;
  try {
    await adminQuery(server.url, `CREATE DATABASE "${name}"`).then(
      () => (created = true),
      (error: Error) => skip(`cannot create a database at ${displayLocation(server.url)}: ${error.message}`),
    );
    if (!created) return;
    const url = server.url.replace(/\/[^/?]*(\?.*)?$/, `/${name}$1`);
    console.log(`corpus ${defaultCorpus()}; PostgreSQL ${server.label}`);
    const sqlite = measureEngine(join(folder, "bench.db"));
    const postgres = measureEngine(url);
    printSteps(sqlite, postgres);
    printReads(sqlite.read, postgres.read);
    await printHttp(url);
  } finally {
    if (created) await adminQuery(server.url, `DROP DATABASE "${name}" WITH (FORCE)`).catch(() => undefined);
    server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Says loudly that the benchmark is skipped, and why; the run still succeeds. */
function skip(why: string): undefined {
  return skipped("postgres", why);
}

/** Runs one statement on the maintenance database at `url`. */
async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

/** Import, build and reads of one engine, each in a child process of its own. */
function measureEngine(work: string) {
  const args = ["--work", work, "--rounds", String(ROUNDS)];
  return {
    import: runStep(import.meta.filename, "import", args),
    build: runStep(import.meta.filename, "build", args),
    read: runStep(import.meta.filename, "read", args),
  };
}

type EngineResult = ReturnType<typeof measureEngine>;

function printSteps(sqlite: EngineResult, postgres: EngineResult): void {
  const row = (label: string, cell: (r: EngineResult) => string) => [label, cell(sqlite), cell(postgres)];
  const count = (n: number | string | undefined) => Number(n).toLocaleString("en-US");
  console.log(
    table([
      ["step (open-campus)", "sqlite", "postgres"],
      row("records imported", (r) => count(r.import.count)),
      row("import s", (r) => r.import.seconds.toFixed(1)),
      row("import peak RSS MB", (r) => r.import.peakRssMb.toFixed(0)),
      row("neighbour rows", (r) => count(r.build.count)),
      row("graph build s", (r) => r.build.seconds.toFixed(1)),
      row("search index build s", (r) => Number(r.build.indexSeconds).toFixed(1)),
      row("build peak RSS MB", (r) => r.build.peakRssMb.toFixed(0)),
      row("database size MB", (r) => Number(r.read.sizeMb).toFixed(0)),
    ]),
  );
  console.log("peak RSS is the Node process's alone: the PostgreSQL server's own memory is not counted");
}

function printReads(sqlite: StepResult, postgres: StepResult): void {
  const engines = [sqlite, postgres];
  const labels = Object.keys(sqlite).flatMap((k) => (k.endsWith(".p50") ? [k.slice(0, -4)] : []));
  const cells = (label: string) => engines.flatMap((r) => [r[`${label}.p50`], r[`${label}.p99`]]);
  const header = ["sqlite", "postgres"].flatMap((e) => [`${e} p50`, `${e} p99`]);
  const rows = labels.map((l) => [l, ...cells(l).map((t) => Number(t).toFixed(2))]);
  console.log(table([["read latency, in-process", ...header], ...rows]));
  console.log(`ms; ${ROUNDS} timed passes after a warm-up pass`);
  const same = (key: string) => {
    const [a, b] = engines.map((r) => String(r[key]).split("\n"));
    return `${a?.filter((answer, i) => answer === b?.[i]).length} of ${a?.length}`;
  };
  console.log(`same answers on both engines: ${same("searchAnswers")} search set queries (hits in order),`);
  console.log(`  ${same("neighbourAnswers")} neighbour reads (counts; pages: total and ids in order)`);
}

/** Loads PostgreSQL through one app server process, then through two at once, and prints both. */
async function printHttp(db: string): Promise<void> {
  const servers: ChildProcess[] = [];
  try {
    const start = async () => {
      const { child, url } = await startServerProcess(db);
      servers.push(child);
      return url;
    };
    const first = await start();
    const one = await loadEach([first]);
    const two = await loadEach([first, await start()]);
    const header = ["1 server", "2 servers"].flatMap((s) => [`${s} req/s`, "p50 ms", "p99 ms"]);
    const cells = (l?: Load) => [Math.round(l?.rps ?? 0).toLocaleString("en-US"), `${l?.p50}`, `${l?.p99}`];
    const errors = (i: number) => String((one[i]?.errors ?? 0) + (two[i]?.errors ?? 0));
    const rows = ENDPOINTS.map(([label], i) => [label, ...cells(one[i]), ...cells(two[i]), errors(i)]);
    console.log(table([["HTTP on PostgreSQL", ...header, "errors"], ...rows]));
    console.log(`${SECONDS} s per run, 10 connections per server; latencies in ms (worst of the servers)`);
    console.log(
      `${availableParallelism()} cores shared by PostgreSQL, the app servers and autocannon (in this process): ` +
        "a second server adds throughput only where cores are spare",
    );
  } finally {
    await Promise.all(servers.map(stopProcess));
  }
}

/** Loads every endpoint in turn, each on every server at once. */
async function loadEach(urls: readonly string[]): Promise<Load[]> {
  const loads: Load[] = [];
  for (const [, path] of ENDPOINTS) loads.push(await load(urls, path));
  return loads;
}

/** Loads `path` on every server at once for SECONDS, 10 connections each. */
async function load(urls: readonly string[], path: string): Promise<Load> {
  const results = await Promise.all(
    urls.map((url) => autocannon({ url: `${url}${path}`, connections: 10, duration: SECONDS })),
  );
  return {
    rps: results.reduce((n, r) => n + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((n, r) => n + r.errors + r.non2xx, 0),
  };
}
