/**
 * Concept-detection benchmark on the open-campus course descriptions (every course, every language, one text
 * each): dictionary build time and memory, then throughput on one core in MB/s and texts/s, next to the
 * exact-match baseline and to the modern-ahocorasick library spotting the same lower-cased concept names
 * (spotting only: the floor of a dictionary matcher, like DBpedia Spotlight's).
 * Run: npm run bench (or: npx tsx bench/detect.ts).
 */
import { parseArgs } from "node:util";
import AhoCorasick from "modern-ahocorasick";
import { openEvalStore } from "../eval/eval-store.js";
import { loadConceptDictionary } from "../src/app/load-concept-dictionary.js";
import { displayName } from "../src/core/record.js";
import { buildBaseline, detectBaseline } from "../src/detect/baseline-detector.js";
import { detectConcepts } from "../src/detect/concept-detector.js";
import type { Store } from "../src/store/store.js";
import { heapMb, reportStep, runStep, table } from "./child.js";

const { values } = parseArgs({
  options: { step: { type: "string" }, db: { type: "string" } },
  allowPositionals: true,
});
const MIN_SECONDS = 3;

if (values.step) {
  const store = await openEvalStore(values.db);
  const texts = await courseTexts(store);
  const before = heapMb();
  let started = performance.now();
  const detect = await build(values.step, store);
  const buildSeconds = (performance.now() - started) / 1000;
  const memoryMb = heapMb() - before;
  await store.close();
  const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  let rounds = 0;
  let found = 0;
  started = performance.now();
  while (performance.now() - started < MIN_SECONDS * 1000) {
    for (const text of texts) found += detect(text);
    rounds += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  reportStep({
    seconds,
    count: rounds * texts.length,
    mbPerSecond: (rounds * bytes) / 1e6 / seconds,
    buildSeconds,
    memoryMb,
    conceptsPerText: found / (rounds * texts.length),
  });
} else {
  const rows = [["system", "build s", "memory MB", "MB/s", "texts/s", "concepts/text", "peak RSS MB"]];
  for (const [label, step] of [
    ["campus-graph detectConcepts", "ours"],
    ["baseline (exact longest match)", "baseline"],
    ["modern-ahocorasick (spotting only)", "aho"],
  ] as const) {
    const r = runStep(import.meta.filename, step, values.db ? ["--db", values.db] : []);
    rows.push([
      label,
      Number(r.buildSeconds).toFixed(2),
      Number(r.memoryMb).toFixed(0),
      Number(r.mbPerSecond).toFixed(2),
      Math.round(r.count / r.seconds).toLocaleString("en-US"),
      Number(r.conceptsPerText).toFixed(1),
      r.peakRssMb.toFixed(0),
    ]);
  }
  console.log(table(rows));
  console.log("targets: ≥ 5 MB/s on one core; dictionary for 40k concepts in < 5 s and < 300 MB");
}

/** Every course's description and text, one text per course and language. */
async function courseTexts(store: Store): Promise<string[]> {
  const texts: string[] = [];
  for await (const course of store.scanRecords("course")) {
    for (const lang of Object.keys({ ...course.description, ...course.text })) {
      texts.push(`${course.description?.[lang] ?? ""}\n\n${course.text?.[lang] ?? ""}`);
    }
  }
  return texts;
}

/** Builds the system called `step` and returns a function that detects in one text and counts what it found. */
async function build(step: string, store: Store): Promise<(text: string) => number> {
  if (step === "ours") {
    const dictionary = await loadConceptDictionary(store);
    return (text) => detectConcepts(dictionary, text).length;
  }
  const names: { id: string; name: string }[] = [];
  for await (const concept of store.scanRecords("concept"))
    names.push({ id: concept.id, name: displayName(concept) });
  if (step === "baseline") {
    const baseline = buildBaseline(names);
    return (text) => detectBaseline(baseline, text).length;
  }
  const matcher = new AhoCorasick(names.map((n) => n.name.toLowerCase()));
  return (text) => matcher.search(text.toLowerCase()).length;
}
