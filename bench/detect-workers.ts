/**
 * The graph build's detection stage alone (`detectRecords`) on an imported database, on the build's own thread
 * and with worker threads, alternately: prints each run's wall and CPU seconds (all threads of the process) and
 * whether its profiles, name counts and evidence are those of the run without workers. The machine may be
 * shared: the CPU seconds compare, and wall times only between runs made back to back.
 * Run: npx tsx bench/detect-workers.ts DATABASE [--workers 0,1] [--rounds 1]
 */
import { parseArgs } from "node:util";
import { type Detection, detectRecords } from "../src/app/detect-records.js";
import { loadConceptDictionary } from "../src/app/load-concept-dictionary.js";
import { openStore } from "../src/app/open-store.js";
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
} finally {
  await store.close();
}
