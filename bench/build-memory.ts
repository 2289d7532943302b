/**
 * Where the graph build's memory goes: builds the graph of a copy of an imported database and prints, at the
 * start of each stage, the peak RSS so far (before any collection), and the RSS, V8 heap and array buffers held
 * after a full collection (the live data the stage starts from). The collections change when V8 frees memory, so
 * the final peak is at most that of a plain `campus-graph build`.
 * Run: npx tsx --expose-gc bench/build-memory.ts DATABASE [BUILT] (DATABASE: an imported database, left as it
 * is; a copy is built, and kept at BUILT when given)
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildGraph } from "../src/app/build-graph.js";
import { collectGarbage } from "../src/app/collect-garbage.js";
import { openStore } from "../src/app/open-store.js";
import { table } from "./child.js";

const source = process.argv[2];
const kept = process.argv[3];
if (source === undefined) throw new Error("usage: bench/build-memory.ts DATABASE [BUILT]");
const folder = mkdtempSync(join(tmpdir(), "campus-graph-build-memory-"));
const db = kept ?? join(folder, "build.db");
copyFileSync(source, db);

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const rows = [["stage starts", "s", "peak RSS so far MB", "RSS after GC MB", "heap MB", "array buffers MB"]];
const started = performance.now();
/** One row: the peak so far is read before collecting, the rest after. */
function measure(label: string): void {
  const peak = process.resourceUsage().maxRSS * 1024;
  collectGarbage();
  const usage = process.memoryUsage();
  const row = [
    label,
    ((performance.now() - started) / 1000).toFixed(1),
    mb(peak),
    mb(usage.rss),
    mb(usage.heapUsed),
    mb(usage.arrayBuffers),
  ];
  rows.push(row);
  console.error(row.join("  "));
}

const store = await openStore(db);
try {
  let current: string | undefined;
  measure("open");
  const report = await buildGraph(store, {
    onProgress: (stage) => {
      if (stage === current) return;
      current = stage;
      measure(stage);
    },
  });
  measure("end");
  console.log(table(rows));
  console.log(
    `${report.nodes.toLocaleString("en-US")} nodes, ${report.neighbourRows.toLocaleString("en-US")} neighbour rows, ` +
      `${report.seconds.toFixed(0)} s; final peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB`,
  );
} finally {
  await store.close();
  rmSync(folder, { recursive: true, force: true });
}
