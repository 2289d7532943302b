/**
 * How the graph build's memory and time move within each stage: builds a copy of an imported database as
 * `campus-graph build` does (no extra collections) and prints, every few seconds of progress, the stage, its progress, RSS,
 * V8 heap used and total, external and array buffer memory, and the process's CPU seconds; then each stage's wall
 * and CPU seconds. With `--snapshot STAGE:FRACTION` it writes a V8 heap snapshot when STAGE passes FRACTION of its
 * work (e.g. `neighbourhoods:0.8`) into the working folder.
 * Run: npx tsx bench/build-trace.ts DATABASE [--every SECONDS (5)] [--snapshot STAGE:FRACTION]
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { writeHeapSnapshot } from "node:v8";
import { buildGraph } from "../src/app/build-graph.js";
import { openStore } from "../src/app/open-store.js";
import { table } from "./child.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { every: { type: "string" }, snapshot: { type: "string" } },
});
const source = positionals[0];
if (source === undefined)
  throw new Error("usage: bench/build-trace.ts DATABASE [--every S] [--snapshot STAGE:F]");
const folder = mkdtempSync(join(tmpdir(), "campus-graph-build-trace-"));
const db = join(folder, "build.db");
copyFileSync(source, db);
const [snapshotStage, snapshotAt] = (values.snapshot ?? ":").split(":");

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const cpu = () => {
  const u = process.resourceUsage();
  return (u.userCPUTime + u.systemCPUTime) / 1e6;
};
const started = performance.now();
let stage = "open";
let fraction = 0;
/** Prints one sample of memory and progress. */
function sample(): void {
  const u = process.memoryUsage();
  const line = [
    ((performance.now() - started) / 1000).toFixed(0).padStart(5),
    `${stage} ${(fraction * 100).toFixed(0)}%`.padEnd(20),
    `rss ${mb(u.rss)}`,
    `heap ${mb(u.heapUsed)}/${mb(u.heapTotal)}`,
    `external ${mb(u.external)}`,
    `buffers ${mb(u.arrayBuffers)}`,
    `cpu ${cpu().toFixed(0)}`,
  ];
  console.error(line.join("  "));
}
// The build seldom yields to the event loop: samples are taken from its progress calls, at most every `every` s.
const every = Number(values.every ?? 5) * 1000;
let sampled = 0;

const stages = [["stage", "wall s", "CPU s", "RSS at end MB"]];
let stageWall = performance.now();
let stageCpu = cpu();
let snapshotTaken = false;
const store = await openStore(db);
try {
  const report = await buildGraph(store, {
    onProgress: (name, done, total) => {
      if (name !== stage) {
        const row = [
          stage,
          ((performance.now() - stageWall) / 1000).toFixed(1),
          (cpu() - stageCpu).toFixed(1),
        ];
        stages.push([...row, mb(process.memoryUsage().rss)]);
        stage = name;
        stageWall = performance.now();
        stageCpu = cpu();
      }
      fraction = total > 0 ? done / total : 0;
      if (performance.now() - sampled >= every) {
        sampled = performance.now();
        sample();
      }
      if (!snapshotTaken && name === snapshotStage && fraction >= Number(snapshotAt)) {
        snapshotTaken = true;
        sample();
        console.error(
          `heap snapshot: ${writeHeapSnapshot(join(process.cwd(), `build-${name}.heapsnapshot`))}`,
        );
      }
    },
  });
  stages.push([
    stage,
    ((performance.now() - stageWall) / 1000).toFixed(1),
    (cpu() - stageCpu).toFixed(1),
    mb(process.memoryUsage().rss),
  ]);
  sample();
  console.log(table(stages));
  console.log(
    `${report.nodes.toLocaleString("en-US")} nodes, ${report.neighbourRows.toLocaleString("en-US")} neighbour rows, ` +
      `${report.seconds.toFixed(0)} s, ${cpu().toFixed(0)} CPU s; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB`,
  );
} finally {
  await store.close();
  rmSync(folder, { recursive: true, force: true });
}
