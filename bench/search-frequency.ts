/**
 * Search latency by word frequency, in process: the common and the rare queries of `query-mix.ts` (words and
 * phrases found in the most names; words found in two to five), then its search mix, each searched once, after a warm-up on other
 * queries, by Campus Graph (no answer cache: `search` itself) and by MiniSearch over the same records. Prints
 * p50, p99 and the largest time per set and system, and the load average (the cores are shared).
 * Run: npx tsx bench/search-frequency.ts [--db FILE].
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { evalFolder, openEvalStore } from "../eval/eval-store.js";
import { buildMiniSearch } from "../eval/minisearch-system.js";
import { ensureSearchIndex } from "../src/app/build-search-index.js";
import { search } from "../src/search/search.js";
import { percentile, table } from "./child.js";
import { queryMix } from "./query-mix.js";

const { values } = parseArgs({ options: { db: { type: "string" } } });
const store = await openEvalStore(values.db);
await ensureSearchIndex(store);
const mix = await queryMix(store, evalFolder());
const mini = await buildMiniSearch(store);
// Warm-up: the JIT and what the engine derives in memory, on queries of neither set.
for (const query of mix.autocomplete) {
  await search(store.search, `${query} ${query}`);
  mini.search(query, 10);
}
console.log(
  `load average before: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")}`,
);
const rows = [["set", "queries", "system", "p50 ms", "p99 ms", "max ms"]];
for (const [label, queries] of [
  ["common words and phrases", mix.common],
  ["rare words", mix.rare],
  ["the HTTP mix (phrases, the search set)", mix.search],
] as const) {
  for (const [system, run] of [
    ["campus-graph", (q: string) => search(store.search, q)],
    ["MiniSearch", (q: string) => mini.search(q, 10)],
  ] as const) {
    const times: number[] = [];
    for (const query of queries) {
      const started = performance.now();
      await run(query);
      times.push(performance.now() - started);
    }
    rows.push([
      label,
      String(queries.length),
      system,
      ...[0.5, 0.99, 1].map((p) => percentile(times, p).toFixed(2)),
    ]);
  }
}
await store.close();
console.log(table(rows));
console.log(
  `load average after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")}`,
);
