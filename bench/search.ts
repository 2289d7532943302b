/**
 * Search benchmark: the search set's queries (`search.jsonl`), run in-process against Campus Graph search and
 * autocomplete (SQLite FTS5), MiniSearch and FlexSearch indexing the same records (every record: name, aliases,
 * keywords, description). Prints index build time, memory and p50/p99 latency per query kind; prefix queries
 * go to each system's autocomplete (prefix search).
 * Run: npm run bench (or: npx tsx bench/search.ts [--db FILE] [--rounds N]).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import FlexSearch from "flexsearch";
import { evalFolder, openEvalStore } from "../eval/eval-store.js";
import { buildMiniSearch, type FlatRecord, flattenRecord } from "../eval/minisearch-system.js";
import { buildSearchIndex } from "../src/app/build-search-index.js";
import { autocomplete } from "../src/search/autocomplete.js";
import { search } from "../src/search/search.js";
import type { Store } from "../src/store/store.js";
import { heapMb, percentile, reportStep, runStep, table } from "./child.js";

interface Item {
  readonly query: string;
  readonly lang: string;
  readonly kind: string;
}

/** A system under test: answers one query (search or autocomplete) and resolves when done. */
type Answer = (item: Item) => Promise<number> | number;

const { values } = parseArgs({
  options: { step: { type: "string" }, db: { type: "string" }, rounds: { type: "string" } },
  allowPositionals: true,
});
const ROUNDS = Number(values.rounds ?? 3);
const items = readFileSync(join(evalFolder(), "search.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as Item);
const kinds = [...new Set(items.map((i) => i.kind))];

if (values.step) {
  const store = await openEvalStore(values.db);
  const before = heapMb();
  const started = performance.now();
  const answer = await build(values.step, store);
  const buildSeconds = (performance.now() - started) / 1000;
  const memoryMb = heapMb() - before;
  for (const item of items) await answer(item);
  const latencies = new Map<string, number[]>(kinds.map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const item of items) {
      const t = performance.now();
      await answer(item);
      latencies.get(item.kind)?.push(performance.now() - t);
    }
  }
  await store.close();
  const percentiles: Record<string, number> = {};
  for (const [kind, list] of latencies) {
    percentiles[`${kind}.p50`] = percentile(list, 0.5);
    percentiles[`${kind}.p99`] = percentile(list, 0.99);
  }
  reportStep({ seconds: 0, count: items.length * ROUNDS, buildSeconds, memoryMb, ...percentiles });
} else {
  const header = ["system", "build s", "heap MB", "peak RSS MB", ...kinds.map((k) => `${k} p50/p99 ms`)];
  const rows = [header];
  for (const [label, step] of [
    ["campus-graph (SQLite FTS5)", "ours"],
    ["MiniSearch 7.2", "minisearch"],
    ["FlexSearch 0.8", "flexsearch"],
  ] as const) {
    const args = [...(values.db ? ["--db", values.db] : []), "--rounds", String(ROUNDS)];
    const r = runStep(import.meta.filename, step, args);
    rows.push([
      label,
      Number(r.buildSeconds).toFixed(2),
      Number(r.memoryMb).toFixed(0),
      r.peakRssMb.toFixed(0),
      ...kinds.map((k) => `${Number(r[`${k}.p50`]).toFixed(2)} / ${Number(r[`${k}.p99`]).toFixed(2)}`),
    ]);
  }
  console.log(table(rows));
  console.log("targets: search p50 < 1 ms, p99 < 10 ms; autocomplete (prefix) p99 < 5 ms");
}

/** Builds the system called `step` over the store's records and returns its query function. */
async function build(step: string, store: Store): Promise<Answer> {
  if (step === "ours") {
    await buildSearchIndex(store);
    await store.search.similarTerms("warmup", 1, 1);
    return async (item) =>
      item.kind === "prefix"
        ? (await autocomplete(store.search, item.query, { limit: 5 })).length
        : (await search(store.search, item.query, { lang: item.lang, limit: 10 })).items.length;
  }
  if (step === "minisearch") {
    const mini = await buildMiniSearch(store);
    return (item) =>
      item.kind === "prefix" ? mini.complete(item.query, 5).length : mini.search(item.query, 10).length;
  }
  const records: FlatRecord[] = [];
  for await (const record of store.scanRecords()) records.push(flattenRecord(record));
  const index = new FlexSearch.Document({
    document: { id: "key", index: ["name", "aliases", "keywords", "description"] },
    tokenize: "forward",
    encoder: FlexSearch.Charset.LatinBalance,
  });
  for (const record of records) index.add({ ...record });
  return (item) => {
    const fields =
      item.kind === "prefix" ? ["name", "aliases"] : ["name", "aliases", "keywords", "description"];
    return index.search(item.query, { index: fields, limit: item.kind === "prefix" ? 5 : 10, suggest: true })
      .length;
  };
}
