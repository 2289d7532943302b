/**
 * HTTP benchmark: one Campus Graph server process and one MiniSearch server (`minisearch-server.ts`, same
 * records) on loopback, once the server's concept dictionary is built. First, uncached latency by word
 * frequency: the common and the rare queries of `query-mix.ts` sent once each, one at a time, to both servers
 * (p50 and p99 per set), and to a server answering an empty 200 (`empty-server.ts`: the HTTP floor of this
 * client on this machine). Then load by autocannon
 * with 16 connections: search and autocomplete take the query mix (frequent two-word phrases of the corpus's
 * names and the search set's queries), first each query once (the uncached path), then for a bounded time in
 * rotation; the fixed routes of issue 17 follow (a common-word search, autocomplete, neighbours, a concept
 * page). Prints req/s, p50 and p99 per route, each after one unrecorded second of warm-up, and the load average.
 * Timed loads run in wrk (2 threads, paths in rotation through a Lua script) when it is installed: autocannon
 * shares the benchmark's process and one of the two cores with nothing else to do, which caps what it measures.
 * The database must hold a built graph: --db FILE, else a copy of the evaluation database is built first.
 * Run: npm run bench (or: npx tsx bench/http.ts [--db FILE] [--seconds N] [--connections N]).
 */
import { type ChildProcess, execFile, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { evalDatabasePath, evalFolder } from "../eval/eval-store.js";
import { buildGraph } from "../src/app/build-graph.js";
import { buildSearchIndex } from "../src/app/build-search-index.js";
import { openStore } from "../src/app/open-store.js";
import { percentile, startScriptServer, startServerProcess, stopProcess, table } from "./child.js";
import { queryMix } from "./query-mix.js";

const { values } = parseArgs({
  options: { db: { type: "string" }, seconds: { type: "string" }, connections: { type: "string" } },
});
const seconds = Number(values.seconds ?? 10);
const connections = Number(values.connections ?? 16);
const withWrk = spawnSync("wrk", ["--version"]).error === undefined;

/** One load: a fixed path, or paths in rotation; `once` sends each path once instead of loading for `seconds`. */
interface Load {
  readonly label: string;
  readonly url: string;
  readonly paths: readonly string[];
  readonly once?: boolean;
}

const folder = mkdtempSync(join(tmpdir(), "campus-graph-bench-http-"));
const db = join(folder, "http.db");
const servers: ChildProcess[] = [];
try {
  copyFileSync(await evalDatabasePath(values.db), db);
  const store = await openStore(db);
  if ((await store.graph.neighbourCounts({ type: "concept", id: "Interleukin_6" })).course === undefined) {
    console.error("bench/http: building the graph first (about a minute)");
    await buildGraph(store);
  }
  await buildSearchIndex(store);
  const mix = await queryMix(store, evalFolder());
  await store.close();
  const ours = await startServerProcess(db);
  servers.push(ours.child);
  // The server builds the concept dictionary in a worker from the start: seconds of CPU that would be measured
  // as search latency on two cores.
  await detectionReady(ours.url);
  const mini = await startScriptServer(join(import.meta.dirname, "minisearch-server.ts"), ["--db", db]);
  servers.push(mini.child);
  const empty = await startScriptServer(join(import.meta.dirname, "empty-server.ts"), []);
  servers.push(empty.child);
  const search = mix.search.map((q) => `/api/search?q=${encodeURIComponent(q)}`);
  const complete = mix.autocomplete.map((q) => `/api/autocomplete?q=${encodeURIComponent(q)}`);
  // Warms the JIT with queries of the set not in the mix (its prefixes, searched), so "each once" is uncached only.
  const warm = mix.autocomplete.map((q) => `/api/search?q=${encodeURIComponent(`${q} ${q}`)}`);
  await run({ label: "warm-up", url: ours.url, paths: warm, once: true });
  console.log(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")}`,
  );
  const latencyRows = [
    [
      "uncached, one at a time",
      "queries",
      "p50 ms",
      "p99 ms",
      "MiniSearch p50 ms",
      "p99 ms",
      "empty response p50 ms",
      "p99 ms",
    ],
  ];
  for (const [label, queries] of [
    ["common words and phrases", mix.common],
    ["rare words", mix.rare],
  ] as const) {
    const paths = queries.map((q) => `/api/search?q=${encodeURIComponent(q)}`);
    const mine = await oneAtATime(ours.url, paths);
    const theirs = await oneAtATime(mini.url, paths);
    // The HTTP floor: the same client and paths, a server that does nothing.
    const floor = await oneAtATime(empty.url, paths);
    latencyRows.push([
      label,
      String(paths.length),
      ...[mine, theirs, floor].flatMap((l) => [
        percentile(l, 0.5).toFixed(2),
        percentile(l, 0.99).toFixed(2),
      ]),
    ]);
  }
  console.log(table(latencyRows));
  const loads: Load[] = [
    { label: "search mix, each once (uncached)", url: ours.url, paths: search, once: true },
    { label: "  MiniSearch, same", url: mini.url, paths: search, once: true },
    { label: "search mix", url: ours.url, paths: search },
    { label: "  MiniSearch, same", url: mini.url, paths: search },
    { label: "autocomplete mix, each once", url: ours.url, paths: complete, once: true },
    { label: "  MiniSearch, same", url: mini.url, paths: complete, once: true },
    { label: "autocomplete mix", url: ours.url, paths: complete },
    { label: "  MiniSearch, same", url: mini.url, paths: complete },
    { label: "/api/search?q=machine%20learning", url: ours.url, paths: ["/api/search?q=machine%20learning"] },
    { label: "/concept/Interleukin_6 (page)", url: ours.url, paths: ["/concept/Interleukin_6"] },
    {
      label: "/api/concept/Interleukin_6/neighbours",
      url: ours.url,
      paths: ["/api/concept/Interleukin_6/neighbours?type=course&limit=10"],
    },
    { label: "/api/autocomplete?q=immu", url: ours.url, paths: ["/api/autocomplete?q=immu"] },
  ];
  const rows = [["route", "requests", "req/s", "p50 ms", "p99 ms", "errors"]];
  for (const load of loads) {
    const result = withWrk && !load.once ? await runWrk(load) : await run(load);
    rows.push([
      load.label,
      result.requests.total.toLocaleString("en-US"),
      Math.round(result.requests.average).toLocaleString("en-US"),
      String(result.latency.p50),
      String(result.latency.p99),
      String(result.errors + result.non2xx),
    ]);
  }
  console.log(table(rows));
  console.log(
    `${mix.search.length} search and ${mix.autocomplete.length} autocomplete queries; ${connections} connections, ${seconds} s per loaded route (${withWrk ? "wrk" : "autocannon"})`,
  );
  console.log(
    "targets (one server process): search ≥ 2,000 req/s, p99 < 20 ms, p50 10 × below MiniSearch's; page ≥ 1,000; neighbours, autocomplete ≥ 8,000",
  );
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")}`,
  );
} finally {
  for (const server of servers) await stopProcess(server);
  rmSync(folder, { recursive: true, force: true });
}

/** Resolves once the server's health says detection is no longer loading (at most two minutes). */
async function detectionReady(url: string): Promise<void> {
  for (let waited = 0; waited < 120_000; waited += 500) {
    const health = (await (await fetch(`${url}/api/health`)).json()) as { detection?: string };
    if (health.detection !== "loading") return;
    await new Promise((done) => setTimeout(done, 500));
  }
}

/** Milliseconds each path took, requested once, one after the other (the body read whole). */
async function oneAtATime(url: string, paths: readonly string[]): Promise<number[]> {
  const times: number[] = [];
  for (const path of paths) {
    const started = performance.now();
    const response = await fetch(url + path);
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  return times;
}

/** Runs one load; a timed load gets one unrecorded second first (the JIT and SQLite's page cache warm up). */
async function run(load: Load): Promise<autocannon.Result> {
  let next = 0;
  const requests = [
    {
      setupRequest: (request: autocannon.Request) => {
        const path = load.paths[next % load.paths.length] ?? "/";
        next += 1;
        return { ...request, path };
      },
    },
  ];
  const options = { url: load.url, connections, requests };
  if (load.once) return autocannon({ ...options, amount: load.paths.length });
  await autocannon({ ...options, duration: 1 });
  return autocannon({ ...options, duration: seconds });
}

/** What a load measured, in autocannon's shape. */
type LoadResult = Pick<autocannon.Result, "errors" | "non2xx"> & {
  readonly requests: { readonly total: number; readonly average: number };
  readonly latency: { readonly p50: number; readonly p99: number };
};

/** Runs one timed load in wrk (one unrecorded second first), the paths in rotation. */
async function runWrk(load: Load): Promise<LoadResult> {
  const paths = join(folder, "paths.txt");
  const script = join(folder, "rotate.lua");
  writeFileSync(paths, `${load.paths.join("\n")}\n`);
  writeFileSync(
    script,
    `local paths = {}
for line in io.lines(${JSON.stringify(paths)}) do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
`,
  );
  const wrk = (duration: number) =>
    new Promise<string>((done, fail) =>
      execFile(
        "wrk",
        ["-t2", `-c${connections}`, `-d${duration}s`, "--latency", "-s", script, load.url],
        (error, stdout) => (error ? fail(error) : done(stdout)),
      ),
    );
  await wrk(1);
  const out = await wrk(seconds);
  const number = (pattern: RegExp) => Number(pattern.exec(out)?.[1] ?? 0);
  return {
    requests: { total: number(/(\d+) requests in/), average: number(/Requests\/sec:\s+([\d.]+)/) },
    latency: {
      p50: wrkMs(/\s50%\s+([\d.]+\w+)/.exec(out)?.[1]),
      p99: wrkMs(/\s99%\s+([\d.]+\w+)/.exec(out)?.[1]),
    },
    errors: number(/Socket errors: connect (\d+)/) + number(/read (\d+), write/) + number(/timeout (\d+)/),
    non2xx: number(/Non-2xx or 3xx responses: (\d+)/),
  };
}

/** A wrk duration ("652.00us", "1.48ms", "1.02s") in milliseconds. */
function wrkMs(text: string | undefined): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text ?? "");
  const value = Number(match?.[1] ?? 0);
  const unit = match?.[2];
  return unit === "us" ? value / 1000 : unit === "s" ? value * 1000 : unit === "m" ? value * 60_000 : value;
}
