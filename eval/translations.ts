/**
 * `npm run eval:translations`: how right the corpus's learned French → English table is. The records with a field
 * in both languages are split in two by a hash of their key; the table is learned on the `tune` half and judged on
 * both: for each French word (or phrase) of a pair that the table translates, is its first English word (phrase)
 * in the English side of the same pair? The cognate rules alone are judged the same way, for comparison.
 * Options: --db FILE (else the default database or corpus), --min-confidence, --min-links, --prior (the learning
 * options, to tune on the tune half).
 */
import { createHash } from "node:crypto";
import { parseArgs } from "node:util";
import { bilingualPairs } from "../src/app/corpus-translations.js";
import { englishCognate } from "../src/text/french-cognates.js";
import {
  type BilingualPair,
  learnTranslations,
  type Translation,
  textUnits,
} from "../src/text/learn-translations.js";
import { openEvalStore } from "./eval-store.js";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    "min-confidence": { type: "string" },
    "min-links": { type: "string" },
    prior: { type: "string" },
  },
});
const store = await openEvalStore(values.db);
const halves: Record<"tune" | "check", BilingualPair[]> = { tune: [], check: [] };
for await (const record of store.scanRecords()) {
  const pairs = bilingualPairs(record);
  if (pairs.length === 0) continue;
  const digest = createHash("sha256").update(`translations|${record.type}|${record.id}`).digest();
  halves[(digest[0] ?? 0) < 128 ? "tune" : "check"].push(...pairs);
}
await store.close();

const options = {
  ...(values["min-confidence"] ? { minConfidence: Number(values["min-confidence"]) } : {}),
  ...(values["min-links"] ? { minLinks: Number(values["min-links"]) } : {}),
  ...(values.prior ? { priorWeight: Number(values.prior) } : {}),
};
const table = learnTranslations(halves.tune, options);
console.log(
  `pairs: tune ${halves.tune.length}, check ${halves.check.length}; learned on tune: ${table.words.size} words, ${table.phrases.size} phrases`,
);

/** Precision and coverage of a lookup over the French words (or phrases) of `pairs`. */
function judge(
  pairs: readonly BilingualPair[],
  unit: "words" | "phrases",
  lookup: (french: string) => string | undefined,
): { precision: number; translated: number; of: number } {
  let right = 0;
  let translated = 0;
  let of = 0;
  for (const pair of pairs) {
    const english = new Set(textUnits(pair.en, "en")[unit]);
    for (const french of textUnits(pair.fr, "fr")[unit]) {
      of += 1;
      const guess = lookup(french);
      if (guess === undefined) continue;
      translated += 1;
      if (english.has(guess)) right += 1;
    }
  }
  return { precision: translated === 0 ? 0 : right / translated, translated, of };
}

const first = (map: ReadonlyMap<string, readonly Translation[]>) => (french: string) =>
  map.get(french)?.[0]?.english;
const rule = (french: string) => {
  const cognate = englishCognate(french);
  return cognate === undefined || cognate === french ? undefined : cognate;
};
const rows: [string, (f: string) => string | undefined, "words" | "phrases"][] = [
  ["learned words", first(table.words), "words"],
  ["learned phrases", first(table.phrases), "phrases"],
  ["cognate rules", rule, "words"],
  [
    "learned where a rule applies",
    (f) => (rule(f) === undefined ? undefined : first(table.words)(f)),
    "words",
  ],
];
console.log("table                              half    precision  translated  of");
for (const [name, lookup, unit] of rows) {
  for (const half of ["tune", "check"] as const) {
    const { precision, translated, of } = judge(halves[half], unit, lookup);
    console.log(
      `${name.padEnd(34)} ${half.padEnd(7)} ${precision.toFixed(3).padStart(9)}  ${String(translated).padStart(10)}  ${of}`,
    );
  }
}
