/**
 * Where an uncached search's time goes, in process, phase by phase: parsing the query, each call to the store's
 * search index (exact names, ids, full text with the hits' rows, phrases, counts, typo look-ups), ranking and
 * highlights in JS (the rest of `search`), the use case's shaping, JSON, compression, and the whole application
 * (`app.request`: routing, validation, the response cache's keeping, ETag, headers) without a socket. Each query
 * of a set is asked once (nothing is answered from a cache), after a warm-up on other queries; prints the mean and
 * p50 per phase in microseconds, and the load average (the cores are shared).
 * Run: CAMPUS_GRAPH_EVAL=… npx tsx bench/search-phases.ts [--db FILE] [--set rare|common].
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { evalFolder, openEvalStore } from "../eval/eval-store.js";
import { ensureSearchIndex } from "../src/app/build-search-index.js";
import { searchRecords } from "../src/app/search-records.js";
import { parseQuery } from "../src/search/parse-query.js";
import { search } from "../src/search/search.js";
import { createHttpApp } from "../src/server/create-app.js";
import type { SearchIndexReader } from "../src/store/store.js";
import { percentile, table } from "./child.js";
import { queryMix } from "./query-mix.js";

const { values } = parseArgs({ options: { db: { type: "string" }, set: { type: "string" } } });
const store = await openEvalStore(values.db);
await ensureSearchIndex(store);
const mix = await queryMix(store, evalFolder());
const queries = values.set === "common" ? mix.common : mix.rare;

// Time spent in each method of the search index during one query, in ms.
const spent = new Map<string, number>();
const timed = new Proxy(store.search, {
  get(target, name, receiver) {
    const value = Reflect.get(target, name, receiver);
    if (typeof value !== "function") return value;
    return async (...args: unknown[]) => {
      const started = performance.now();
      try {
        return await value.apply(target, args);
      } finally {
        const label = String(name);
        spent.set(label, (spent.get(label) ?? 0) + performance.now() - started);
      }
    };
  },
}) as SearchIndexReader;

const app = createHttpApp(store);
// Warm-up: the JIT and what the engine derives in memory, on queries of neither set, through every phase.
for (const query of mix.autocomplete) {
  await search(timed, `${query} ${query}`);
  await (await app.request(`/api/search?q=${encodeURIComponent(`${query} ${query} w`)}`)).arrayBuffer();
}
spent.clear();
console.log(
  `load average before: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")}`,
);
const phases = new Map<string, number[]>();
const record = (label: string, ms: number) => {
  const list = phases.get(label) ?? [];
  list.push(ms);
  phases.set(label, list);
};
for (const query of queries) {
  let started = performance.now();
  parseQuery(query);
  record("parse the query", performance.now() - started);
  spent.clear();
  started = performance.now();
  await search(timed, query);
  const total = performance.now() - started;
  let inStore = 0;
  for (const [method, ms] of spent) {
    record(`  store: ${method}`, ms);
    inStore += ms;
  }
  record("search (all of it)", total);
  record("  ranking, highlights, objects (JS)", total - inStore);
  started = performance.now();
  const response = await searchRecords(store, { query, ensureIndex: false });
  record("use case (search again + shaping)", performance.now() - started);
  started = performance.now();
  const json = JSON.stringify(response);
  record("JSON.stringify", performance.now() - started);
  started = performance.now();
  gzipSync(json, { level: 1 });
  record("gzip level 1", performance.now() - started);
  started = performance.now();
  const res = await app.request(`/api/search?q=${encodeURIComponent(query)}`, {
    headers: { "Accept-Encoding": "gzip" },
  });
  await res.arrayBuffer();
  record("app.request, uncached (everything but the socket)", performance.now() - started);
}
await store.close();
const rows = [["phase", "calls", "mean µs", "p50 µs", "p90 µs"]];
for (const [label, list] of phases) {
  const mean = list.reduce((a, b) => a + b, 0) / queries.length;
  rows.push([
    label,
    String(list.length),
    (mean * 1000).toFixed(0),
    ...[0.5, 0.9].map((p) => (percentile(list, p) * 1000).toFixed(0)),
  ]);
}
console.log(table(rows));
console.log(
  `${queries.length} ${values.set === "common" ? "common" : "rare"} queries, each once; mean per query (store calls: over the queries, whether they ran or not); load average after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")}`,
);
