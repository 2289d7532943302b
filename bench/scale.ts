/**
 * Scale benchmark: for each K, a corpus K times the default one (`scaled-corpus.ts`: the ontology once, every
 * other record K times with varied ids and texts) in a temporary folder, imported and built by `campus-graph` in
 * processes of their own (at nice 0). Prints per K: records, import and build wall time (and CPU time: the
 * machine may be shared), the build's peak RSS, the database size, search and autocomplete p50/p99 over the
 * search set's queries (`search.jsonl`, one round after a warm-up round, no answer cache), and p50/p99 of a
 * first page of neighbours (10) of each type for every record the search set names.
 * Run: npx tsx bench/scale.ts [--k 1,4,10] (default 1) [--keep FOLDER: build there and keep it]
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { evalFolder } from "../eval/eval-store.js";
import { defaultCorpus } from "../src/app/config.js";
import { openStore } from "../src/app/open-store.js";
import { autocompleteRecords, searchRecords } from "../src/app/search-records.js";
import type { RecordKey, Store } from "../src/store/store.js";
import { table } from "./child.js";
import { writeScaledCorpus } from "./scaled-corpus.js";

const ROOT = join(import.meta.dirname, "..");
const TSX = pathToFileURL(join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;
const MAIN = join(ROOT, "src", "cli", "main.ts");
// Loaded first in each measured process: prints its peak RSS and CPU time as it exits.
const REPORT = `data:text/javascript,${encodeURIComponent(
  `process.on("exit", () => { const u = process.resourceUsage();
    process.stderr.write("\\nscale-usage " + JSON.stringify({ maxRss: u.maxRSS, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6 }) + "\\n"); });`,
)}`;
const TYPES = ["concept", "course", "lecture", "mooc", "person", "publication", "unit"];

interface Item {
  readonly query: string;
  readonly lang: string;
  readonly kind: string;
  readonly relevant: readonly RecordKey[];
}

/** What one measured process took. */
interface Usage {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
}

const { values } = parseArgs({ options: { k: { type: "string" }, keep: { type: "string" } } });
const ks = (values.k ?? "1").split(",").map(Number);
const items = readFileSync(join(evalFolder(), "search.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as Item);

/** Runs `campus-graph args…` from the sources in one process (no tsx parent) and measures it. */
function runCli(args: readonly string[]): Promise<Usage> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", TSX, "--import", REPORT, MAIN, ...args], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, CAMPUS_GRAPH_NICE: "0" },
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      const usage = /scale-usage (\{.*\})/.exec(stderr)?.[1];
      if (code !== 0 || usage === undefined)
        return reject(new Error(`${args[0]} exited with ${code}: ${stderr}`));
      const { maxRss, cpu } = JSON.parse(usage) as { maxRss: number; cpu: number };
      resolve({ seconds: (performance.now() - started) / 1000, cpuSeconds: cpu, peakRssMb: maxRss / 1024 });
    });
  });
}

/** Milliseconds each call of `work` takes, one after the other. */
async function latencies<T>(list: readonly T[], work: (item: T) => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (const item of list) {
    const started = performance.now();
    await work(item);
    ms.push(performance.now() - started);
  }
  return ms;
}

function percentile(ms: readonly number[], p: number): string {
  const sorted = [...ms].sort((a, b) => a - b);
  return (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0).toFixed(2);
}

/** Search, autocomplete and neighbour latencies on `store`, after a warm-up round. */
async function readLatencies(store: Store): Promise<string[]> {
  const ask = (item: Item) =>
    item.kind === "prefix"
      ? autocompleteRecords(store, { query: item.query, ensureIndex: false })
      : searchRecords(store, { query: item.query, lang: item.lang, ensureIndex: false });
  await latencies(items, ask);
  const search = await latencies(
    items.filter((i) => i.kind !== "prefix"),
    ask,
  );
  const prefix = await latencies(
    items.filter((i) => i.kind === "prefix"),
    ask,
  );
  const keys = new Map(items.flatMap((i) => i.relevant).map((k) => [`${k.type}\u0000${k.id}`, k]));
  const named: RecordKey[] = [];
  for (const key of keys.values()) {
    if ((await store.getRecord(key)) !== undefined) named.push({ type: key.type, id: key.id });
  }
  const pages = named.flatMap((key) => TYPES.map((type) => ({ key, type })));
  const read = (page: (typeof pages)[number]) => store.graph.neighbours(page.key, page.type, 10, 0);
  await latencies(pages, read);
  const neighbours = await latencies(pages, read);
  return [search, prefix, neighbours].flatMap((ms) => [`${percentile(ms, 0.5)} / ${percentile(ms, 0.99)}`]);
}

const rows = [
  [
    "K",
    "records",
    "import s (cpu)",
    "build s (cpu)",
    "build peak RSS MB",
    "database MB",
    "search p50/p99 ms",
    "autocomplete p50/p99",
    "neighbours p50/p99",
  ],
];
for (const k of ks) {
  const folder = values.keep ?? mkdtempSync(join(tmpdir(), `campus-graph-scale-${k}-`));
  mkdirSync(folder, { recursive: true });
  try {
    const corpus = join(folder, `corpus-x${k}`);
    const records = await writeScaledCorpus(defaultCorpus(), corpus, k);
    const db = join(folder, `scale-x${k}.db`);
    const imported = await runCli(["import", corpus, "--db", db]);
    const built = await runCli(["build", "--db", db]);
    const store = await openStore(db);
    const reads = await readLatencies(store);
    await store.close();
    const row = [
      String(k),
      records.toLocaleString("en-US"),
      `${imported.seconds.toFixed(0)} (${imported.cpuSeconds.toFixed(0)})`,
      `${built.seconds.toFixed(0)} (${built.cpuSeconds.toFixed(0)})`,
      built.peakRssMb.toFixed(0),
      (statSync(db).size / 1024 / 1024).toFixed(0),
      ...reads,
    ];
    rows.push(row);
    console.error(row.join("  "));
  } finally {
    if (values.keep === undefined) rmSync(folder, { recursive: true, force: true });
  }
}
console.log(table(rows));
console.log(
  "targets (issue 20): K = 10 build < 5 min and < 2 GB peak RSS; search p50 and neighbours at K = 10 within 2× of K = 1",
);
