/**
 * `npm run eval:fit-detect`: fits the weights of the detector's logistic score (SCORE_WEIGHTS) on the dev halves
 * of the detect-* sets. Each candidate concept of each text is a sample labelled by the gold; the three sets weigh
 * the same whatever their size; L2-regularised gradient descent. Prints the weights to paste into
 * src/detect/concept-detector.ts and the micro F1 per set for a range of thresholds.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadConceptDictionary } from "../src/app/load-concept-dictionary.js";
import { FEATURES, scoreCandidates } from "../src/detect/concept-detector.js";
import { evalFolder, openEvalStore } from "./eval-store.js";
import { scoreSets } from "./metrics.js";

interface Sample {
  readonly x: readonly number[];
  readonly y: number;
  readonly weight: number;
}
interface Doc {
  readonly set: string;
  readonly gold: readonly string[];
  readonly candidates: readonly { id: string; x: readonly number[] }[];
}

const { values } = parseArgs({
  options: { db: { type: "string" }, l2: { type: "string" }, steps: { type: "string" } },
});
const store = await openEvalStore(values.db);
const dictionary = await loadConceptDictionary(store);
await store.close();

const docs: Doc[] = [];
for (const file of readdirSync(evalFolder()).filter((f) => /^detect-.*\.jsonl$/.test(f))) {
  for (const line of readFileSync(join(evalFolder(), file), "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const item = JSON.parse(line) as {
      text: string;
      lang?: string;
      gold: string[];
      evaluation_span?: [number, number] | null;
    };
    const span = item.evaluation_span;
    const candidates = scoreCandidates(dictionary, item.text, { lang: item.lang === "fr" ? "fr" : "en" })
      .filter((c) => !span || (c.evidence.firstOffset >= span[0] && c.evidence.firstOffset < span[1]))
      .map((c) => ({ id: dictionary.ids[c.concept] ?? "", x: c.features }));
    docs.push({ set: file.replace(".jsonl", ""), gold: item.gold, candidates });
  }
}

const sets = [...new Set(docs.map((d) => d.set))];
const samples: Sample[] = [];
for (const set of sets) {
  const mine = docs
    .filter((d) => d.set === set)
    .flatMap((d) => d.candidates.map((c) => ({ c, gold: d.gold })));
  for (const { c, gold } of mine)
    samples.push({ x: c.x, y: gold.includes(c.id) ? 1 : 0, weight: 1 / mine.length });
}
const weights = fitLogistic(samples, Number(values.l2 ?? 0.001), Number(values.steps ?? 3000));
console.log(`features: ${[...FEATURES, "bias"].join(", ")}`);
console.log(`SCORE_WEIGHTS = [${weights.map((w) => w.toFixed(2)).join(", ")}]`);
for (const threshold of [0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2]) {
  const f1s = sets.map((set) => {
    const judged = docs
      .filter((d) => d.set === set)
      .map((d) => ({
        gold: d.gold,
        predicted: d.candidates
          .map((c) => ({ id: c.id, s: sigmoid(dot(weights, c.x)) }))
          .filter((c) => c.s >= threshold)
          .sort((a, b) => b.s - a.s)
          .map((c) => c.id),
      }));
    return `${set} ${scoreSets(judged).f1.toFixed(3)}`;
  });
  console.log(`threshold ${threshold.toFixed(2)}: ${f1s.join("  ")}`);
}

/** Weighted logistic regression by gradient descent; the bias is the last weight. */
function fitLogistic(data: readonly Sample[], l2: number, steps: number): number[] {
  const n = (data[0]?.x.length ?? 0) + 1;
  const w = new Array<number>(n).fill(0);
  const total = data.reduce((sum, s) => sum + s.weight, 0);
  for (let step = 0; step < steps; step += 1) {
    const grad = new Array<number>(n).fill(0);
    for (const s of data) {
      const error = (sigmoid(dot(w, s.x)) - s.y) * s.weight;
      s.x.forEach((v, i) => {
        grad[i] = (grad[i] ?? 0) + error * v;
      });
      grad[n - 1] = (grad[n - 1] ?? 0) + error;
    }
    for (let i = 0; i < n; i += 1)
      w[i] = (w[i] ?? 0) - 2 * ((grad[i] ?? 0) / total + (i < n - 1 ? l2 * (w[i] ?? 0) : 0));
  }
  return w;
}

function dot(w: readonly number[], x: readonly number[]): number {
  let z = w[x.length] ?? 0;
  x.forEach((v, i) => {
    z += (w[i] ?? 0) * v;
  });
  return z;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
