/**
 * The graph build's detection stage alone (`detectRecords`) on an imported database, on the build's own thread
 * and with worker threads, alternately: prints each run's wall and CPU seconds (all threads of the process) and
 * whether its profiles, name counts and evidence are those of the run without workers. The machine may be
 * shared: the CPU seconds compare, and wall times only between runs made back to back. Then, for each worker count
 * above 0, the memory the workers add: the process's RSS (after a full collection) with that many workers, each
 * having detected blocks of courses, less the RSS with the dictionary alone (the workers read its shared tables).
 * Run: npx tsx bench/detect-workers.ts DATABASE [--workers 0,1] [--rounds 1]
 */
import { parseArgs } from "node:util";
import { collectGarbage } from "../src/app/collect-garbage.js";
import { type Detection, detectRecords } from "../src/app/detect-records.js";
import { DetectionPool } from "../src/app/detection-pool.js";
import { loadConceptDictionary } from "../src/app/load-concept-dictionary.js";
import { openStore } from "../src/app/open-store.js";
import type { CorpusRecord } from "../src/core/record.js";
import type { ConceptDictionary } from "../src/detect/concept-dictionary.js";
import type { Store } from "../src/store/store.js";
import { table } from "./child.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { workers: { type: "string" }, rounds: { type: "string" } },
});
const location = positionals[0];
if (location === undefined)
  throw new Error("usage: bench/detect-workers.ts DATABASE [--workers 0,1] [--rounds N]");
const counts = (values.workers ?? "0,1").split(",").map(Number);
const rounds = Number(values.rounds ?? 1);
const cpu = () => {
  const u = process.resourceUsage();
  return (u.userCPUTime + u.systemCPUTime) / 1e6;
};

/** The detection's profiles, name counts and evidence, as one comparable string. */
function digest(d: Detection): string {
  const parts: string[] = [];
  for (const [record, edges] of d.profiles) {
    parts.push(`${record}:${edges.map((e) => `${e.concept}=${e.score}`).join(",")}`);
    for (const e of edges) parts.push(JSON.stringify(d.evidence.get(record, e.concept) ?? null));
  }
  for (const [record, m] of d.mentions)
    parts.push(`${record}:${[...m.concepts]}:${[...m.counts]}:${m.length}`);
  return parts.join("\n");
}

/** Resident memory in MiB after a full collection. */
function residentMb(): number {
  collectGarbage();
  return process.memoryUsage().rss / 1024 / 1024;
}

/** The RSS that `workers` detection workers add once each has detected blocks of up to 2,000 courses. */
async function workerMemory(store: Store, dictionary: ConceptDictionary, workers: number): Promise<number> {
  const courses: CorpusRecord[] = [];
  for await (const record of store.scanRecords("course")) if (courses.push(record) >= 2_000) break;
  const alone = residentMb();
  const pool = new DetectionPool(dictionary, workers);
  try {
    for (let at = 0; at < courses.length; at += 100) {
      const block = courses.slice(at, at + 100);
      await Promise.all(Array.from({ length: workers }, () => pool.tryDetect(block)));
    }
    return residentMb() - alone;
  } finally {
    await pool.close();
  }
}

const store = await openStore(location);
try {
  const dictionary = await loadConceptDictionary(store);
  let reference: string | undefined;
  const rows: string[][] = [["round", "workers", "records", "wall s", "CPU s", "results"]];
  for (let round = 0; round < rounds; round += 1) {
    for (const workers of counts) {
      const wall = performance.now();
      const before = cpu();
      const detection = await detectRecords(store, dictionary, () => undefined, { workers });
      const seconds = (performance.now() - wall) / 1000;
      const cpuSeconds = cpu() - before;
      const text = digest(detection);
      reference ??= text;
      rows.push([
        String(round + 1),
        String(workers),
        String(detection.nodes.keys.length),
        seconds.toFixed(1),
        cpuSeconds.toFixed(1),
        text === reference ? "same" : "DIFFERENT",
      ]);
      console.log(table(rows));
    }
  }
  const memory: string[][] = [["workers", "RSS added, MiB", "per worker"]];
  for (const workers of counts.filter((count) => count > 0)) {
    const added = await workerMemory(store, dictionary, workers);
    memory.push([String(workers), added.toFixed(0), (added / workers).toFixed(0)]);
  }
  console.log(table(memory));
} finally {
  await store.close();
}
