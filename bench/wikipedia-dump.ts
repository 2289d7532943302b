/**
 * Wikipedia dump benchmark: every dump in shared/data/raw read to its end by `readWikipediaDump` (bzip2,
 * XML, wikitext to lead, links and categories), in MB/s of compressed and of uncompressed data, next to the
 * floor of the same stack: decompression alone with the same bzip2 library, no XML parsing.
 * Each step runs in a child process of its own, repeats its file for about 2 s after one warm-up pass.
 * Run: npm run bench (or: npx tsx bench/wikipedia-dump.ts [dump-dir]).
 */
import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { Readable } from "node:stream";
import { parseArgs } from "node:util";
import unbzip2 from "unbzip2-stream";
import { readWikipediaDump } from "../src/ingest/wikipedia/wikipedia-dump.js";
import { reportStep, runStep, table } from "./child.js";

const MIN_SECONDS = 2;
const MB = 1e6;

const { values, positionals } = parseArgs({ options: { step: { type: "string" } }, allowPositionals: true });
const folder = resolve(positionals[0] ?? join(import.meta.dirname, "..", "..", "shared", "data", "raw"));

/** Reads every page of the dump; returns the page count. */
async function parseDump(path: string): Promise<number> {
  let pages = 0;
  for await (const _page of readWikipediaDump(path)) pages += 1;
  return pages;
}

/** Decompresses the dump without parsing it; returns the uncompressed byte count. */
async function decompressOnly(path: string): Promise<number> {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  let bytes = 0;
  for await (const chunk of new Readable().wrap(file.pipe(unbzip2())) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
  }
  return bytes;
}

/** Runs `pass` once to warm up, then again until `MIN_SECONDS` have passed, and reports the timed runs. */
async function measure(pass: () => Promise<number>): Promise<void> {
  const count = await pass();
  const started = performance.now();
  let runs = 0;
  while (runs === 0 || performance.now() - started < MIN_SECONDS * 1000) {
    await pass();
    runs += 1;
  }
  reportStep({ seconds: (performance.now() - started) / 1000, count, runs });
}

if (values.step === "parse" || values.step === "floor") {
  const path = positionals[1] ?? "";
  await measure(values.step === "parse" ? () => parseDump(path) : () => decompressOnly(path));
} else {
  const dumps = existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => name.endsWith(".xml.bz2"))
        .sort()
    : [];
  if (dumps.length === 0) {
    console.log(`bench/wikipedia-dump: no .xml.bz2 dumps in ${folder}; skipped`);
    process.exit(0);
  }
  const rows = [["dump: step", "pages", "runs", "compressed MB/s", "uncompressed MB/s", "peak RSS MB"]];
  for (const name of dumps) {
    const path = join(folder, name);
    const compressed = statSync(path).size;
    const floor = runStep(import.meta.filename, "floor", [folder, path]);
    const parse = runStep(import.meta.filename, "parse", [folder, path]);
    const uncompressed = floor.count;
    for (const [label, result, pages] of [
      ["readWikipediaDump", parse, parse.count.toLocaleString("en-US")],
      ["floor: unbzip2-stream only", floor, "–"],
    ] as const) {
      const runsPerSecond = Number(result.runs) / result.seconds;
      rows.push([
        `${basename(name, ".xml.bz2")}: ${label}`,
        pages,
        String(result.runs),
        ((compressed * runsPerSecond) / MB).toFixed(2),
        ((uncompressed * runsPerSecond) / MB).toFixed(1),
        result.peakRssMb.toFixed(0),
      ]);
    }
  }
  console.log(table(rows));
  console.log(
    "a full English dump is ~20 GB compressed (~90 GB of XML): divide by the compressed MB/s for the time",
  );
}
