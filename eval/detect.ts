/**
 * `npm run eval:detect`: runs concept detection on every `detect-*.jsonl` set of the evaluation folder and prints
 * micro precision, recall, F1 and R-precision per set and half (tune, check: `detectHalf`), next to the exact-match
 * baseline.
 * Options: --db FILE, --threshold X (default: the detector's), --set NAME (one set only), --errors N (print N misses).
 */

import { parseArgs } from "node:util";
import { loadConceptDictionary } from "../src/app/load-concept-dictionary.js";
import { buildBaseline, detectBaseline } from "../src/detect/baseline-detector.js";
import { detectConcepts } from "../src/detect/concept-detector.js";
import { surfaceCount } from "../src/detect/surface-table.js";
import { type DetectHalf, type DetectItem, detectHalf, judgedAt, readDetectSets } from "./detect-sets.js";
import { evalFolder, openEvalStore } from "./eval-store.js";
import { formatTable } from "./format-table.js";
import { type Judged, type SetScores, scoreSets } from "./metrics.js";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    threshold: { type: "string" },
    set: { type: "string" },
    errors: { type: "string" },
  },
});
const folder = evalFolder();
const store = await openEvalStore(values.db);
let started = performance.now();
const dictionary = await loadConceptDictionary(store);
const buildSeconds = (performance.now() - started) / 1000;
const baseline = buildBaseline(dictionary.ids.map((id, i) => ({ id, name: dictionary.names[i] ?? id })));
await store.close();
const threshold = values.threshold === undefined ? undefined : Number(values.threshold);

// Each set's two halves (`detectHalf`): the score model is fit on the tune halves, check is held back.
const HALVES: readonly DetectHalf[] = ["tune", "check"];
const rows: string[][] = [["set", "docs", "system", "P", "R", "F1", "R-prec", "ΔF1"]];
for (const { name, items } of readDetectSets(folder)) {
  if (values.set && !name.includes(values.set)) continue;
  started = performance.now();
  const ours = items.map((item) =>
    judge(
      item,
      detectConcepts(dictionary, item.text, { threshold, lang: item.lang === "fr" ? "fr" : "en" }).map(
        (c) => ({ ...c, start: c.mentions[0]?.start ?? 0 }),
      ),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const base = items.map((item) => judge(item, detectBaseline(baseline, item.text)));
  for (const half of HALVES) {
    const inHalf = items.map((item) => detectHalf(name, item) === half);
    const pick = <T>(list: readonly T[], lang?: string) =>
      list.filter((_, i) => inHalf[i] && (lang === undefined || (items[i]?.lang ?? "en") === lang));
    const a = scoreSets(pick(ours));
    const b = scoreSets(pick(base));
    rows.push(row(`${name} ${half}`, "campus-graph", a, a.f1 - b.f1), row(`${name} ${half}`, "baseline", b));
    const languages = [...new Set(items.map((i) => i.lang ?? "en"))];
    if (languages.length < 2) continue;
    for (const lang of languages) {
      const la = scoreSets(pick(ours, lang));
      const lb = scoreSets(pick(base, lang));
      rows.push(row(`  ${lang}`, "campus-graph", la, la.f1 - lb.f1), row(`  ${lang}`, "baseline", lb));
    }
  }
  console.error(`${name}.jsonl: ${items.length} texts in ${seconds.toFixed(2)} s`);
  printErrors(items, ours, Number(values.errors ?? 0));
}
console.log(
  `dictionary: ${dictionary.ids.length} concepts, ${surfaceCount(dictionary.surfaces)} surface forms, built in ${buildSeconds.toFixed(2)} s`,
);
console.log(formatTable(rows));
console.log("target: F1 at least 0.15 above the baseline on every set");
console.log(
  "`npm run eval:fit-detect` fits on the tune halves and prints F1 on texts (and concepts) it did not see; src/detect/score-model.ts says what the written model was fit on",
);

/** Gold against predictions; in Wiki-Fair documents only mentions inside the evaluation span count. */
function judge(item: DetectItem, found: readonly { id: string; start: number }[]): Judged {
  return { gold: item.gold, predicted: found.filter((f) => judgedAt(item, f.start)).map((f) => f.id) };
}

function row(set: string, system: string, s: SetScores, delta?: number): string[] {
  const f = (x: number) => x.toFixed(3);
  return [
    set,
    String(s.documents),
    system,
    f(s.precision),
    f(s.recall),
    f(s.f1),
    f(s.rPrecision),
    delta === undefined ? "" : `${delta >= 0 ? "+" : ""}${f(delta)}`,
  ];
}

function printErrors(items: readonly DetectItem[], judged: readonly Judged[], n: number): void {
  for (const [i, j] of judged.slice(0, n).entries()) {
    const missed = j.gold.filter((g) => !j.predicted.includes(g));
    const extra = j.predicted.filter((p) => !j.gold.includes(p));
    console.error(
      `  ${items[i]?.id}: missed ${missed.join(", ") || "-"} | extra ${extra.slice(0, 8).join(", ") || "-"}`,
    );
  }
}
