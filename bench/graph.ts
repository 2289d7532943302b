/**
 * Graph benchmark on the open-campus corpus: the full build (import excluded) with its time and peak memory, then
 * neighbourhood reads (a page of 10, for random nodes and neighbour types) through the Store, p50/p99, next to
 * graphology, an in-memory graph library, holding the same edges and reading the same pages (filter by type,
 * sort by rank, slice).
 * Run: npm run bench (or: npx tsx bench/graph.ts [--db FILE]).
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { MultiDirectedGraph } from "graphology";
import { evalDatabasePath } from "../eval/eval-store.js";
import { buildGraph } from "../src/app/build-graph.js";
import { openStore } from "../src/app/open-store.js";
import type { RecordKey, Store } from "../src/store/store.js";
import { reportStep, runStep, table } from "./child.js";

const { values } = parseArgs({
  options: { step: { type: "string" }, db: { type: "string" }, work: { type: "string" } },
});
const READS = 5_000;

if (values.step === "build") {
  const store = await openStore(values.work ?? "");
  const report = await buildGraph(store);
  await store.close();
  reportStep({ seconds: report.seconds, count: report.neighbourRows });
} else if (values.step === "read" || values.step === "graphology") {
  const store = await openStore(values.work ?? "");
  const sample = await sampleLists(store);
  const read =
    values.step === "read"
      ? (k: RecordKey, t: string) => store.graph.neighbours(k, t, 10, 0).then((p) => p.items.length)
      : await graphologyReader(store);
  const times: number[] = [];
  for (const [key, type] of sample) {
    const started = performance.now();
    await read(key, type);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  reportStep({
    seconds: times.reduce((a, b) => a + b, 0) / 1000,
    count: times.length,
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
  });
  await store.close();
} else {
  const folder = mkdtempSync(join(tmpdir(), "campus-graph-bench-graph-"));
  try {
    const work = join(folder, "graph.db");
    copyFileSync(await evalDatabasePath(values.db), work);
    const build = runStep(import.meta.filename, "build", ["--work", work]);
    console.log(
      table([
        ["full graph build (open-campus)", "seconds", "neighbour rows", "peak RSS MB"],
        [
          "campus-graph build",
          build.seconds.toFixed(1),
          build.count.toLocaleString("en-US"),
          build.peakRssMb.toFixed(0),
        ],
      ]),
    );
    const rows = [["neighbourhood read, page of 10", "reads", "p50 ms", "p99 ms", "peak RSS MB"]];
    for (const [label, step] of [
      ["campus-graph Store.neighbours (SQLite)", "read"],
      ["graphology in memory", "graphology"],
    ] as const) {
      const r = runStep(import.meta.filename, step, ["--work", work]);
      rows.push([
        label,
        String(r.count),
        Number(r.p50).toFixed(3),
        Number(r.p99).toFixed(3),
        r.peakRssMb.toFixed(0),
      ]);
    }
    console.log(table(rows));
    console.log("targets: full build < 60 s, peak RSS < 1.5 GB, neighbourhood read p99 < 2 ms");
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Random (node, neighbour type) pairs that have neighbours, the same for every run (fixed seed). */
async function sampleLists(store: Store): Promise<[RecordKey, string][]> {
  const keys: RecordKey[] = [];
  for await (const score of store.graph.scanNodeScores()) keys.push(score.key);
  const types = ["concept", "course", "lecture", "mooc", "person", "publication"];
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const sample: [RecordKey, string][] = [];
  while (sample.length < READS && keys.length > 0) {
    sample.push([
      keys[Math.floor(random() * keys.length)] ?? { type: "", id: "" },
      types[Math.floor(random() * types.length)] ?? "concept",
    ]);
  }
  return sample;
}

/** Loads every neighbour row into graphology and returns a reader of pages of 10. */
async function graphologyReader(store: Store): Promise<(key: RecordKey, type: string) => Promise<number>> {
  const graph = new MultiDirectedGraph();
  for await (const score of store.graph.scanNodeScores()) {
    const node = `${score.key.type}\0${score.key.id}`;
    for (const type of Object.keys(score.degrees)) {
      const page = await store.graph.neighbours(score.key, type, 1_000, 0);
      page.items.forEach((n, rank) => {
        const target = `${n.node.type}\0${n.node.id}`;
        if (!graph.hasNode(node)) graph.addNode(node);
        if (!graph.hasNode(target)) graph.addNode(target, { type: n.node.type });
        graph.addDirectedEdge(node, target, {
          type: n.node.type,
          rank,
          score: n.edge.score,
          kind: n.edge.kind,
        });
      });
    }
  }
  return async (key, type) => {
    const node = `${key.type}\0${key.id}`;
    if (!graph.hasNode(node)) return 0;
    const edges: { rank: number }[] = [];
    graph.forEachOutEdge(node, (_edge: string, attributes: Record<string, unknown>) => {
      if (attributes.type === type) edges.push(attributes as { rank: number });
    });
    return edges.sort((a, b) => a.rank - b.rank).slice(0, 10).length;
  };
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
