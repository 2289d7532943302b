/**
 * HTTP benchmark: one server process on loopback serving the open-campus graph, loaded by autocannon for a bounded
 * time per endpoint (search, autocomplete, neighbours, a concept page) after one unrecorded second of warm-up;
 * prints requests/s and latency p50/p99.
 * The database must hold a built graph: --db FILE, else a copy of the evaluation database is built first.
 * Run: npm run bench (or: npx tsx bench/http.ts [--db FILE] [--seconds N]).
 */
import type { ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { evalDatabasePath } from "../eval/eval-store.js";
import { buildGraph } from "../src/app/build-graph.js";
import { buildSearchIndex } from "../src/app/build-search-index.js";
import { openStore } from "../src/app/open-store.js";
import { startServerProcess, stopProcess, table } from "./child.js";

const { values } = parseArgs({
  options: { db: { type: "string" }, seconds: { type: "string" } },
});

const folder = mkdtempSync(join(tmpdir(), "campus-graph-bench-http-"));
const db = join(folder, "http.db");
let server: ChildProcess | undefined;
try {
  copyFileSync(await evalDatabasePath(values.db), db);
  const store = await openStore(db);
  if ((await store.neighbourCounts({ type: "concept", id: "Interleukin_6" })).course === undefined) {
    console.error("bench/http: building the graph first (about a minute)");
    await buildGraph(store);
  }
  await buildSearchIndex(store);
  await store.close();
  const started = await startServerProcess(db);
  server = started.child;
  const seconds = Number(values.seconds ?? 5);
  const rows = [["endpoint", "requests/s", "p50 ms", "p99 ms", "errors"]];
  for (const [label, path] of [
    ["GET /api/search?q=…", "/api/search?q=immunology%20of%20cells"],
    ["GET /api/autocomplete?q=…", "/api/autocomplete?q=immu"],
    ["GET /api/concept/…/neighbours", "/api/concept/Interleukin_6/neighbours?type=course&limit=10"],
    ["GET /concept/… (page)", "/concept/Interleukin_6"],
  ] as const) {
    // One unrecorded second first: the JIT and SQLite's page cache warm up, as they would in a server running for days.
    await autocannon({ url: `${started.url}${path}`, connections: 10, duration: 1 });
    const result = await autocannon({ url: `${started.url}${path}`, connections: 10, duration: seconds });
    rows.push([
      label,
      Math.round(result.requests.average).toLocaleString("en-US"),
      String(result.latency.p50),
      String(result.latency.p99),
      String(result.errors + result.non2xx),
    ]);
  }
  console.log(table(rows));
  console.log(
    "targets (one server process): ≥ 5,000 req/s autocomplete and neighbours, ≥ 2,000 search, page p99 < 20 ms",
  );
} finally {
  if (server) await stopProcess(server);
  rmSync(folder, { recursive: true, force: true });
}
