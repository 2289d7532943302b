/**
 * The top 50 by BM25 from the postings held in memory (SQLite engine), alone: the search's every-word query for
 * each of the 200 most frequent two-word phrases of the corpus's names (`query-mix.ts`), and for a few common
 * words that occur together, under the default field weights. Each query runs 9 times (the impact orders made
 * once, before); the fastest is kept. Prints p50, p90, p99 and the largest over the phrases, the slowest
 * queries with the documents scored, and the load average.
 * Run: npx tsx bench/top-documents.ts [--db FILE] [QUERY…] (with queries, only those).
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { evalDatabasePath, evalFolder } from "../eval/eval-store.js";
import { openStore } from "../src/app/open-store.js";
import { parseQuery, requiredGroups } from "../src/search/parse-query.js";
import { DEFAULT_TUNING } from "../src/search/search.js";
import { keyIdOf } from "../src/store/sqlite/key-ids.js";
import { readSearchTables } from "../src/store/sqlite/search-tables.js";
import { type ImpactOrder, impactOrder, topDocuments } from "../src/store/sqlite/top-documents.js";
import { percentile, table } from "./child.js";
import { queryMix } from "./query-mix.js";

const { values, positionals } = parseArgs({ options: { db: { type: "string" } }, allowPositionals: true });
const path = await evalDatabasePath(values.db);
const store = await openStore(path);
const mix = await queryMix(store, evalFolder());
await store.close();
// The mix's search queries start with the 200 phrases.
const phrases = positionals.length > 0 ? positionals : mix.search.slice(0, 200);
const together =
  positionals.length > 0 ? [] : ["eth zurich", "research collection", "eth zürich research collection"];

const db = new Database(path, { readonly: true });
const { postings: index, keyIds } = readSearchTables(db);
const weights = DEFAULT_TUNING.fieldWeights;
const orders = new Map<number, ImpactOrder>();
const orderOf = (term: number): ImpactOrder => {
  let order = orders.get(term);
  if (order === undefined) {
    order = impactOrder(index, term, weights);
    orders.set(term, order);
  }
  return order;
};

/** The fastest of 9 runs of the top 50 of `text`'s every-word query, in ms, and the documents it scored. */
function measure(text: string): { ms: number; scored: number } {
  const parsed = parseQuery(text);
  const groups = requiredGroups(parsed.groups, parsed.capitals).map((g) =>
    g.flatMap((key) => {
      const id = keyIdOf(keyIds, key);
      return id === undefined ? [] : [id];
    }),
  );
  for (const group of groups) for (const term of group) orderOf(term);
  const stats = { scored: 0 };
  let ms = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 9; run += 1) {
    const started = performance.now();
    topDocuments(
      index,
      { groups, require: "all", weights, limit: 50 },
      orderOf,
      run === 0 ? stats : undefined,
    );
    ms = Math.min(ms, performance.now() - started);
  }
  return { ms, scored: stats.scored };
}

const measured = phrases.map((text) => ({ text, ...measure(text) }));
const times = measured.map((m) => m.ms);
console.log(
  `load average: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")}`,
);
console.log(
  `${measured.length} phrases, top 50, fastest of 9 (ms): p50 ${percentile(times, 0.5).toFixed(3)}, p90 ${percentile(times, 0.9).toFixed(3)}, p99 ${percentile(times, 0.99).toFixed(3)}, max ${Math.max(...times).toFixed(3)}`,
);
const slowest = [...measured].sort((a, b) => b.ms - a.ms).slice(0, 8);
const rows = [["query", "ms", "scored"]];
for (const m of [...slowest, ...together.map((text) => ({ text, ...measure(text) }))]) {
  rows.push([m.text, m.ms.toFixed(3), String(m.scored)]);
}
console.log(table(rows));
db.close();
